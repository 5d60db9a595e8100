/**
 * 收支平衡 (收支总表 T1, 财政拨款收支总表 T4): 本年收入合计 = Σ 收入各项; 本年支出合计 =
 * Σ 功能分类“类”; 收入总计 = 本年收入合计 + 上年结转 (+ 用事业基金弥补收支差额);
 * 支出总计 = 本年支出合计 + 年终结转结余; 收入总计 = 支出总计. Rows a layout leaves
 * out are left out; a relation needs its left row and at least one part.
 */
import { toA1 } from "../../a1";
import { sheetFromRows, type Workbook } from "../../model";
import { amountColumns, columnName } from "../../recognize/helpers";
import type { RecognizedRow, RecognizedTable } from "../../recognize/types";
import { parseRelations, type RelationTerm } from "../../specs/relations";
import { labelKey } from "../../text";
import { figureOf, flush, judgeSum, type Judged, report, sumMessages } from "../rounding";
import type { Finding, Rule, RuleContext } from "../types";
import { compose, tr, type Text } from "../messages";

const ID = "balance";

const MESSAGES = sumMessages("lineSum", { "zh-CN": "应为{parts} =", "en-US": "should equal {parts} =" });

type Side = "income" | "expense";

const CN_ITEM = /^[一二三四五六七八九十]+[、.．]/;
const SUB_ITEM = /^\s*(\d+\s*[、.．]|[（(][一二三四五六七八九十\d]+[)）])/;

/**
 * Lines numbered 一、二、… with lines numbered 1. 2. … (or （一）) under them: the latter are parts
 * of the line above (一、财政拨款收入 / 1. 一般公共预算资金 …) and are not added again.
 */
function topNumbered(rows: RecognizedRow[]): RecognizedRow[] {
  if (!rows.some((r) => CN_ITEM.test(r.label)) || !rows.some((r) => SUB_ITEM.test(r.label))) return rows;
  return rows.filter((r) => !SUB_ITEM.test(r.label));
}

function rowsOf(table: RecognizedTable, term: RelationTerm, side: Side | undefined): { rows: RecognizedRow[]; side: Side; label: Text } | null {
  const n = term.name;
  if (term.sum) {
    if (n === labelKey("支出功能分类类")) return { rows: table.rows.filter((r) => r.side === "expense" && r.classCode && r.section !== "carry"), side: "expense", label: tr("各“类”", "the category lines") };
    const s: Side = side ?? "income";
    if (n === labelKey("收入明细") || n === labelKey("本年收入明细"))
      return { rows: topNumbered(table.rows.filter((r) => r.side === s && r.kind === "detail" && r.section === "current")), side: s, label: tr("各项收入", "the income lines") };
    if (n === labelKey("上年结转明细")) return { rows: table.rows.filter((r) => r.side === s && r.kind === "detail" && r.section === "carry"), side: s, label: tr("上年结转各项", "the carry-over lines") };
    return null;
  }
  const fixed = (table.spec.fixedRows ?? []).filter((f) => [f.label, ...(f.aliases ?? [])].some((a) => labelKey(a) === n));
  const pick = fixed.find((f) => !side || f.side === side) ?? fixed[0];
  if (!pick) return null;
  const row = table.rows.find((r) => r.fixed?.key === pick.key);
  return row ? { rows: [row], side: (row.side ?? pick.side ?? "income") as Side, label: pick.label } : { rows: [], side: (pick.side ?? "income") as Side, label: pick.label };
}

function check(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const table of ctx.facts.tables) {
    if (!table.spec.sides || table.empty) continue;
    const j: Judged = { findings: [], tails: [] };
    // What a subtotal line is the sum of (本年收入合计 = Σ 收入明细), to stand in for one the layout leaves out
    // (上海's 财务收支预算总表 has 收入总计 and 支出总计 only).
    const defs = new Map<string, { terms: RelationTerm[]; side?: Side }>();
    for (const rel of table.spec.relations)
      if (rel.over === "rows") for (const p of parseRelations(rel.text)) if (!p.lhs.sum && p.rhs.every((t) => t.sum)) defs.set(`${rel.side ?? ""}|${p.lhs.name}`, { terms: p.rhs, side: rel.side });
    for (const rel of table.spec.relations) {
      if (rel.over !== "rows") continue;
      for (const p of parseRelations(rel.text)) {
        const lhs = rowsOf(table, p.lhs, rel.side);
        if (!lhs || lhs.rows.length !== 1) continue;
        const parts = p.rhs
          .flatMap((t) => {
            const x = rowsOf(table, t, rel.side);
            const def = defs.get(`${rel.side ?? ""}|${t.name}`);
            if (x && x.rows.length === 0 && !t.sum && def) return def.terms.map((u) => rowsOf(table, u, def.side ?? rel.side));
            return [x];
          })
          .filter((x): x is NonNullable<typeof x> => !!x && x.rows.length > 0);
        if (parts.length === 0) continue;
        const lrow = lhs.rows[0];
        // Same side: every amount column of the side; across sides (收入总计 = 支出总计): the main figure.
        const crossSide = parts.some((x) => x.side !== lhs.side);
        const cols = crossSide ? amountColumns(table, lhs.side).slice(0, 1) : amountColumns(table, lhs.side);
        for (const col of cols) {
          const other = (s: Side) => (s === lhs.side ? col.key : amountColumns(table, s)[0]?.key);
          const t = lrow.amounts[col.key];
          const partCells = parts.flatMap((x) => x.rows.map((r) => ({ row: r, a: r.amounts[other(x.side) ?? ""] })));
          const ps = partCells.filter((x) => x.a && x.a.value !== null).map((x) => x.a);
          const stated = !!t && t.value !== null;
          if (!stated && (ps.length === 0 || ps.every((a) => a!.value === 0))) continue;
          const judgement = judgeSum(figureOf(t), ps.map(figureOf), ctx.options.roundingFactor);
          const relText = compose((_lang, t) => parts.map((x) => t(x.label)).join(" + "));
          const subject = compose((lang, t) =>
            lang === "zh-CN" ? `“${t(lhs.label)}”${cols.length > 1 ? `“${columnName(col)}”` : ""}` : `“${t(lhs.label)}”${cols.length > 1 ? `, column “${columnName(col)}”` : ""}`,
          );
          report(
            j,
            ID,
            table,
            t ?? { r: lrow.r, c: col.c },
            subject,
            compose((lang, t) => (lang === "zh-CN" ? `${t(subject)}（${t(relText)}）` : `${t(subject)} (${t(relText)})`)),
            { messages: MESSAGES, key: "lineSum", data: { parts: relText } },
            judgement,
            partCells.map((x) => (x.a ? toA1(x.a.r, x.a.c) : toA1(x.row.r, col.c))),
            stated,
          );
        }
      }
    }
    flush(ID, table, j, out);
  }
  return out;
}

const T1 = (inc: number, carry: number | null, out1: number, out2: number, total: number, outTotal: number): Workbook => ({
  sheets: [
    sheetFromRows(
      "收支总表",
      [
        ["部门收支总表"],
        ["单位：万元"],
        ["收入", null, "支出"],
        ["项目", "预算数", "项目", "预算数"],
        ["一、一般公共预算拨款收入", inc, "一、社会保障和就业支出", out1],
        ["二、其他收入", null, "二、卫生健康支出", out2],
        ["本年收入合计", inc, "本年支出合计", out1 + out2],
        ["上年结转结余", carry, "年终结转结余", null],
        ["收入总计", total, "支出总计", outTotal],
      ],
      "#,##0.00",
    ),
  ],
});

/** 上海's 财务收支预算总表: no 本年收入合计 / 本年支出合计 lines; 一、财政拨款收入 with 1. 2. 3. under it. */
const SH = (fiscal: number, gpb: number, grandIn: number, cls1: number, cls2: number, grandOut: number): Workbook => ({
  sheets: [
    sheetFromRows("财务收支预算总表", [
      ["2025年部门财务收支预算总表"],
      ["编制部门：上海市普陀区某局", null, null, "单位：元"],
      ["本年收入", null, "本年支出"],
      ["项目", "预算数", "项目", "预算数"],
      ["一、财政拨款收入", fiscal, "一、一般公共服务支出", cls1],
      ["1. 一般公共预算资金", gpb, "二、社会保障和就业支出", cls2],
      ["2. 政府性基金", null, null, null],
      ["二、事业收入", null, null, null],
      ["收入总计", grandIn, "支出总计", grandOut],
    ], "#,##0.00"),
  ],
});

export const balanceRule: Rule = {
  id: ID,
  description: "收支平衡：本年收入合计 = 各项收入之和，本年支出合计 = 各“类”之和，收入总计 = 本年收入合计 + 上年结转，支出总计 = 本年支出合计 + 年终结转，收入总计 = 支出总计",
  defaultSeverity: "error",
  messages: MESSAGES,
  check,
  valid: [
    { name: "收支平衡", workbook: () => T1(100, 10, 80, 30, 110, 110) },
    { name: "上年结转为空", workbook: () => T1(100, null, 70, 30, 100, 100) },
    { name: "没有本年收入合计、本年支出合计行（上海）：收入总计 = 一、二…各项（1. 2. 是其中数），支出总计 = 各类", workbook: () => SH(100, 100, 100, 80, 20, 100) },
  ],
  invalid: [
    { name: "收入总计 ≠ 本年收入合计 + 上年结转", workbook: () => T1(100, 10, 80, 30, 120, 110), expect: [{ severity: "error", cell: "B9", messageId: "lineSum", messageIncludes: "收入总计" }] },
    { name: "收入总计 ≠ 支出总计", workbook: () => T1(100, 10, 80, 30, 110, 111), expect: [{ severity: "error", cell: "D9" }] },
    { name: "没有本年收入合计行（上海）：收入总计 ≠ 各项收入", workbook: () => SH(100, 100, 101, 81, 20, 101), expect: [{ severity: "error", cell: "B9", messageId: "lineSum", messageIncludes: "各项收入 = 100.00" }] },
    { name: "没有本年支出合计行（上海）：支出总计 ≠ 各类", workbook: () => SH(100, 100, 100, 80, 21, 100), expect: [{ severity: "error", cell: "D9", messageId: "lineSum", messageIncludes: "各“类” = 101.00" }] },
  ],
};
