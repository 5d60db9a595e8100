/**
 * 表间一致 (cross-table): the 表间审核公式 of ./../crossRelations.data.ts, each applied only
 * when its tables are present and of the same scope, judged with the rounding envelope of
 * the printed figures (a difference inside it is 尾差, not a finding).
 */
import { toA1 } from "../../a1";
import { sheetFromRows, type Workbook } from "../../model";
import { fmt } from "../../narrative/interval";
import { evaluateCrossRelations, ref, type ParsedCrossRelation, type TermRef, type TermValue } from "../crossRelations";
import { CROSS_RELATIONS } from "../crossRelations.data";
import { compose, say, tr, type Lang, type Localized, type Messages } from "../messages";
import type { Finding, Rule, RuleContext } from "../types";

const ZH = "表间不一致（{relation}）：{left}，而 {right}，相差 {difference}";
const EN = "The tables disagree ({relation}): {left}, but {right}; difference {difference}";
const ZH_YUAN = "（两表金额单位不同，均已折算为元）";
const EN_YUAN = " (the tables use different amount units; every figure converted to yuan)";

/**
 * mismatch / mismatchInYuan (the tables' units differ, figures converted to 元), and for each
 * relation with a note of its own, the same two with the note: mismatch:<relation id>.
 */
const MESSAGES: Messages = {
  mismatch: { "zh-CN": ZH, "en-US": EN },
  mismatchInYuan: { "zh-CN": ZH + ZH_YUAN, "en-US": EN + EN_YUAN },
};
for (const rel of CROSS_RELATIONS) {
  if (!rel.note) continue;
  const en = rel.noteEn ?? rel.note;
  MESSAGES[`mismatch:${rel.id}`] = { "zh-CN": `${ZH}。${rel.note}`, "en-US": `${EN}. ${en}` };
  MESSAGES[`mismatchInYuan:${rel.id}`] = { "zh-CN": `${ZH}${ZH_YUAN}。${rel.note}`, "en-US": `${EN}${EN_YUAN}. ${en}` };
}

/** A term's row: a label of the table (as the relation names it), 合计行 / the total row, a 类 / a category. */
function rowText(term: TermRef, cls: string | undefined, lang: Lang): string {
  if (term.row === "每个类" || term.row === "该类") return lang === "zh-CN" ? `${cls}类` : `category ${cls}`;
  if (term.row === "合计行") return lang === "zh-CN" ? "合计行" : "total row";
  return term.row;
}

function termText(v: TermValue, cls: string | undefined, lang: Lang): string {
  return `${v.table.sheet}[${rowText(v.term, cls, lang)}]${v.term.col ? `[${v.term.col}]` : ""}`;
}

function describe(vs: TermValue[], cls?: string): Localized {
  return compose((lang) => vs.map((v, i) => `${i === 0 ? (v.term.sign < 0 ? "−" : "") : v.term.sign < 0 ? " − " : " + "}${termText(v, cls, lang)} ${v.cell && v.cell.value !== null ? fmt(v.value) : "—"}`).join(""));
}

/** The relation as the 表间审核公式 writes it (zh-CN), and in English with the tables by id: "T1[其他收入] = T2[total row][本年收入.其他收入]". */
function relationText(rel: ParsedCrossRelation, cls: string | undefined): Localized {
  const side = (ts: TermRef[]) => ts.map((t, i) => `${i === 0 ? (t.sign < 0 ? "−" : "") : t.sign < 0 ? " − " : " + "}${t.tableId}[${rowText(t, cls, "en-US")}]${t.col ? `[${t.col}]` : ""}`).join("");
  return tr(rel.spec.text.replace(/每个类|该类/g, `${cls}类`), `${side(rel.left)} ${rel.op} ${side(rel.right)}`);
}

export function checkCrossTable(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const res of evaluateCrossRelations(ctx.facts, ctx.options.roundingFactor)) {
    if (res.holds) continue;
    const main = res.left.find((v) => v.cell) ?? res.left[0];
    const cell = main.cell ?? main.table.titleCell;
    const related = [...res.left, ...res.right].filter((v) => v !== main && v.cell).map((v) => ref(v.table, v.cell!));
    const diff = res.leftSum - res.rightSum;
    const spec = res.relation.spec;
    out.push({
      ruleId: "cross-table",
      severity: spec.severity,
      sheet: main.table.sheet,
      cell: toA1(cell.r, cell.c),
      related,
      table: main.table.spec.id,
      expected: Number(fmt(res.rightSum)),
      actual: Number(fmt(res.leftSum)),
      difference: Number(fmt(diff)),
      ...say(MESSAGES, `${res.converted ? "mismatchInYuan" : "mismatch"}${spec.note ? `:${spec.id}` : ""}`, {
        relation: relationText(res.relation, res.classCode),
        left: describe(res.left, res.classCode),
        right: describe(res.right, res.classCode),
        difference: fmt(diff),
      }),
    });
  }
  return out;
}

// ── cases ──
const UNIT = "单位：万元";
function t1(income: number, cls208: number): ReturnType<typeof sheetFromRows> {
  return sheetFromRows("收支总表", [
    ["部门收支总表"],
    [UNIT],
    ["收入", null, "支出"],
    ["项目", "预算数", "项目", "预算数"],
    ["一、一般公共预算拨款收入", income, "社会保障和就业支出", cls208],
    ["本年收入合计", income, "本年支出合计", cls208],
    ["收入总计", income, "支出总计", cls208],
  ], "#,##0.00");
}
function t3(total: number): ReturnType<typeof sheetFromRows> {
  return sheetFromRows("支出总表", [
    ["部门支出总表"],
    [UNIT],
    ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
    [null, "合计", total, total, null],
    ["208", "社会保障和就业支出", total, total, null],
  ], "#,##0.00");
}

function t6yuan(reception: number): ReturnType<typeof sheetFromRows> {
  return sheetFromRows("基本支出表", [
    ["一般公共预算基本支出表"],
    ["单位：元"],
    ["科目编码", "科目名称", "合计", "人员经费", "公用经费"],
    [null, "合计", reception, null, reception],
    ["302", "商品和服务支出", reception, null, reception],
    ["30217", "公务接待费", reception, null, reception],
  ], "#,##0.00");
}
function t7wan(reception: number): ReturnType<typeof sheetFromRows> {
  return sheetFromRows("三公经费表", [
    ["“三公”经费和机关运行经费预算表"],
    ["单位：万元"],
    ["合计", "因公出国(境)费", "公务接待费"],
    [reception, null, reception],
  ], "#,##0.00");
}

export const crossTableRule: Rule = {
  id: "cross-table",
  description: "表间一致：收支总表、支出总表、财政拨款收支总表、一般公共预算支出表、基本支出表、三公经费表之间的勾稽关系",
  defaultSeverity: "error",
  messages: MESSAGES,
  check: checkCrossTable,
  valid: [
    { name: "收支总表的类与支出总表一致", workbook: (): Workbook => ({ sheets: [t1(100, 100), t3(100)] }) },
    { name: "尾差不报（0.01 在舍入范围内）", workbook: (): Workbook => ({ sheets: [t1(100, 100), t3(100.01)] }) },
    {
      name: "元的基本支出表与万元的“三公”经费表：折算后比较（普陀区 18.5 万元 ≤ 28.5 万元）",
      workbook: (): Workbook => ({ sheets: [t6yuan(185000), t7wan(28.5)] }),
    },
  ],
  invalid: [
    {
      name: "收支总表社会保障和就业支出与支出总表不一致",
      workbook: (): Workbook => ({ sheets: [t1(100, 100), t3(90)] }),
      expect: [{ severity: "error", messageId: "mismatch", messageIncludes: "208类" }],
    },
    {
      name: "元的基本支出表公务接待费超过万元的“三公”经费表公务接待费",
      workbook: (): Workbook => ({ sheets: [t6yuan(300000), t7wan(28.5)] }),
      expect: [{ severity: "warning", messageId: "mismatchInYuan:X.T6-T7.reception" }],
    },
  ],
};

export default crossTableRule;
