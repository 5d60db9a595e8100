/**
 * 列间关系: the spec's column relations hold in every row — 合计 = 基本支出 + 项目支出
 * (+ the other expenditure columns present), 基本支出 = 人员经费 + 公用经费, 小计 = its
 * parts. Columns a user's table lacks are left out; a relation needs its left side and
 * at least one part. A part that is itself a subtotal the table lacks is replaced by
 * its own parts (本年收入小计 → Σ 本年收入).
 */
import { toA1 } from "../../a1";
import { sheetFromRows, type Workbook } from "../../model";
import { cellNameText } from "../../recognize/helpers";
import { compose, listText, type Text } from "../messages";
import type { RecognizedColumn, RecognizedTable } from "../../recognize/types";
import { parseRelations, type RelationTerm } from "../../specs/relations";
import type { ColumnSpec, RelationSpec } from "../../specs/types";
import { labelKey } from "../../text";
import { figureOf, flush, judgeSum, type Judged, report, sumMessages } from "../rounding";
import type { Finding, Rule, RuleContext } from "../types";

const ID = "columns";

const MESSAGES = {
  ...sumMessages("columnSum", { "zh-CN": "应为{parts} =", "en-US": "should equal {parts} =" }),
  ...sumMessages("columnSumAtLeast", { "zh-CN": "应不小于{parts}（另有未识别的列“{unknown}”）=", "en-US": "should be at least {parts} (the table has other columns that were not recognised: “{unknown}”) =" }),
};

function specColumns(table: RecognizedTable, side?: "income" | "expense"): { cols: ColumnSpec[]; prefix: string } {
  if (table.spec.sides) {
    const s = table.spec.sides.find((x) => x.key === side) ?? table.spec.sides[0];
    return { cols: s.columns, prefix: `${s.key}.` };
  }
  return { cols: table.spec.columns, prefix: "" };
}

function names(col: ColumnSpec): string[] {
  const out = [col.header, ...(col.aliases ?? []), col.key];
  const g = col.group?.[col.group.length - 1];
  if (g) {
    out.push(g + col.header);
    if (col.header === "小计") out.push(g);
  }
  return out.map(labelKey);
}

/** Spec columns a relation term names. */
function resolveTerm(term: RelationTerm, cols: ColumnSpec[]): ColumnSpec[] {
  if (term.sum) return cols.filter((c) => c.role === "amount" && c.group && labelKey(c.group[c.group.length - 1]) === term.name && c.header !== "小计");
  const exact = cols.find((c) => c.role === "amount" && names(c).includes(term.name));
  return exact ? [exact] : [];
}

interface Resolved {
  lhs: RecognizedColumn;
  parts: RecognizedColumn[];
  text: string;
}

/** Resolve the relations of a table against the columns it has. */
export function resolveColumnRelations(table: RecognizedTable, rel: RelationSpec): Resolved[] {
  const { cols, prefix } = specColumns(table, rel.side);
  const present = (c: ColumnSpec) => table.columns.find((x) => x.key === prefix + c.key);
  const parsed = parseRelations(rel.text);
  // Definitions used to expand a missing subtotal.
  const defs = new Map<string, RelationTerm[]>();
  for (const other of table.spec.relations) {
    if (other.over !== "columns" || (other.side ?? rel.side) !== rel.side) continue;
    for (const p of parseRelations(other.text)) {
      const l = resolveTerm(p.lhs, cols)[0];
      if (l) defs.set(l.key, p.rhs);
    }
  }
  const out: Resolved[] = [];
  for (const p of parsed) {
    const lspec = resolveTerm(p.lhs, cols)[0];
    const lhs = lspec && present(lspec);
    if (!lhs) continue;
    const parts: RecognizedColumn[] = [];
    const expand = (terms: RelationTerm[], depth: number) => {
      for (const t of terms) {
        const specs = resolveTerm(t, cols);
        for (const s of specs) {
          const c = present(s);
          if (c) {
            if (c !== lhs && !parts.includes(c)) parts.push(c);
          } else if (!t.sum && depth < 2 && defs.has(s.key)) expand(defs.get(s.key)!, depth + 1);
        }
      }
    };
    expand(p.rhs, 0);
    if (parts.length === 0) continue;
    out.push({ lhs, parts, text: parts.map((c) => c.spec.header === "小计" && c.spec.group?.length ? c.spec.group[c.spec.group.length - 1] : c.spec.header).join(" + ") });
  }
  return out;
}

function check(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const table of ctx.facts.tables) {
    if (table.empty) continue;
    const j: Judged = { findings: [], tails: [] };
    // Amount columns recognition could not map (e.g. 财政拨款收入 beside 事业收入 … in a 收入预算总表
    // by 功能分类): one inside a relation's span may be one of its parts, so the known parts
    // can only be held to not exceeding the total.
    const unmapped = table.issues.filter((i) => i.kind === "unmapped-column");
    for (const rel of table.spec.relations) {
      if (rel.over !== "columns") continue;
      for (const res of resolveColumnRelations(table, rel)) {
        const cs = [res.lhs.c, ...res.parts.map((p) => p.c)];
        const lo = Math.min(...cs);
        const hi = Math.max(...cs);
        const inside = unmapped.filter((i) => i.c > lo && i.c < hi && (!res.lhs.side || table.columns.every((x) => x.c !== i.c)));
        // A column with a header is named by it; one without by its letter ("F 列" / "column F").
        const unknownParts: Text[] = inside.map((i) => (typeof i.data?.header === "string" ? i.data.header : undefined) ?? compose((lang) => (lang === "zh-CN" ? `${toA1(0, i.c).replace(/\d+$/, "")} 列` : `column ${toA1(0, i.c).replace(/\d+$/, "")}`)));
        for (const row of table.rows) {
          if (table.spec.sides && row.side !== (rel.side ?? "expense")) continue;
          const t = row.amounts[res.lhs.key];
          const ps = res.parts.map((c) => row.amounts[c.key]).filter((a) => a && a.value !== null);
          const stated = !!t && t.value !== null;
          if (!stated && (ps.length === 0 || ps.every((a) => a!.value === 0))) continue;
          if (stated && ps.length === 0 && t!.value === 0) continue;
          if (stated && ps.length === 0 && res.parts.length === 1 && !row.amounts[res.parts[0].key]) {
            // A single part left blank beside a figure: still a difference.
          }
          const judgement = judgeSum(figureOf(t), ps.map(figureOf), ctx.options.roundingFactor);
          if (unknownParts.length) {
            // Only Σ known parts > 合计 is certain; a shortfall is the unread column's share.
            if (!stated || judgement.verdict !== "error" || judgement.difference >= 0) continue;
            report(
              j,
              ID,
              table,
              t!,
              cellNameText(row, res.lhs),
              compose((lang, t) => (lang === "zh-CN" ? `${t(cellNameText(row, res.lhs))}（不小于 ${res.text}）` : `${t(cellNameText(row, res.lhs))} (at least ${res.text})`)),
              { messages: MESSAGES, key: "columnSumAtLeast", data: { parts: res.text, unknown: listText(unknownParts) } },
              judgement,
              res.parts.map((c) => toA1(row.r, c.c)),
              stated,
            );
            continue;
          }
          report(
            j,
            ID,
            table,
            t ?? { r: row.r, c: res.lhs.c },
            cellNameText(row, res.lhs),
            compose((lang, t) => (lang === "zh-CN" ? `${t(cellNameText(row, res.lhs))}（${res.text}）` : `${t(cellNameText(row, res.lhs))} (${res.text})`)),
            { messages: MESSAGES, key: "columnSum", data: { parts: res.text } },
            judgement,
            res.parts.map((c) => toA1(row.r, c.c)),
            stated,
          );
        }
      }
    }
    flush(ID, table, j, out);
  }
  return out;
}

const wb = (rows: (string | number | null)[][]): Workbook => ({
  sheets: [sheetFromRows("一般公共预算支出表", [["一般公共预算支出表"], ["单位：万元"], ["科目编码", "科目名称", "合计", "基本支出", null, null, "项目支出"], [null, null, null, "小计", "人员经费", "公用经费"], ...rows], "#,##0.00")],
});

export const columnsRule: Rule = {
  id: ID,
  description: "列间关系：合计 = 基本支出 + 项目支出，基本支出 = 人员经费 + 公用经费，小计 = 其各项（表中没有的列不计）",
  defaultSeverity: "error",
  messages: MESSAGES,
  check,
  valid: [
    {
      name: "收入预算总表按功能分类：合计 = 财政拨款收入 + 事业收入 + …，财政拨款收入列不在标准列中时不把合计当作其余各列之和",
      workbook: () => ({
        sheets: [sheetFromRows("收入总表", [["部门收入总表"], ["单位：元"], ["科目编码", "科目名称", "合计", "财政拨款收入", "事业收入", "事业单位经营收入", "其他收入"], ["201", "一般公共服务支出", 100, 90, 10, null, null], ["20103", "政府办公厅（室）及相关机构事务", 100, 90, 10, null, null]], "#,##0.00")],
      }),
    },
    { name: "各列相符", workbook: () => wb([[null, "合计", 30, 20, 15, 5, 10], ["208", "社会保障和就业支出", 30, 20, 15, 5, 10]]) },
    { name: "尾差 0.01", workbook: () => wb([[null, "合计", 54.7, 54.7, 52.67, 2.02, null], ["208", "社会保障和就业支出", 54.7, 54.7, 52.67, 2.02, null]]) },
    {
      name: "缺少基本支出小计列时以人员经费 + 公用经费代替",
      workbook: () => ({
        sheets: [sheetFromRows("T5", [["一般公共预算支出表"], ["科目编码", "科目名称", "合计", "人员经费", "公用经费", "项目支出"], [null, "合计", 30, 15, 5, 10]], "#,##0.00")],
      }),
    },
  ],
  invalid: [
    {
      name: "收入预算总表按功能分类：已识别的来源列之和超过合计（另有未识别的来源列）",
      workbook: () => ({
        sheets: [sheetFromRows("收入总表", [["部门收入总表"], ["单位：元"], ["科目编码", "科目名称", "合计", "专项补助收入", "事业收入", "其他收入"], ["201", "一般公共服务支出", 100, 90, 120, null]], "#,##0.00")],
      }),
      expect: [{ severity: "error", cell: "C4", messageId: "columnSumAtLeast", messageIncludes: "未识别的列“专项补助收入”" }],
    },
    {
      name: "收入预算总表按功能分类：合计 ≠ 财政拨款收入 + 事业收入 + 其他收入（9 张表口径）",
      workbook: () => ({
        sheets: [sheetFromRows("收入总表", [["部门收入总表"], ["单位：元"], ["科目编码", "科目名称", "合计", "财政拨款收入", "事业收入", "其他收入"], ["201", "一般公共服务支出", 100, 90, 120, null]], "#,##0.00")],
      }),
      expect: [{ severity: "error", cell: "C4", messageId: "columnSum", messageIncludes: "应为财政拨款收入 + 事业收入 + 其他收入 = 210.00" }],
    },
    {
      name: "合计 ≠ 基本支出 + 项目支出",
      workbook: () => wb([[null, "合计", 31, 20, 15, 5, 10], ["208", "社会保障和就业支出", 31, 20, 15, 5, 10]]),
      expect: [{ severity: "error", cell: "C5", messageId: "columnSum", messageIncludes: "应为基本支出 + 项目支出 = 30.00，填列 31.00，相差 1.00" }, { severity: "error", cell: "C6" }],
    },
    {
      name: "基本支出 ≠ 人员经费 + 公用经费",
      workbook: () => wb([[null, "合计", 30, 20, 16, 5, 10]]),
      expect: [{ severity: "error", cell: "D5", messageId: "columnSum", messageIncludes: "人员经费 + 公用经费" }],
    },
  ],
};
