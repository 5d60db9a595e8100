/**
 * 科目层级: each 类 = Σ its 款, each 款 = Σ its 项, in every amount column — for
 * 支出功能分类 (2xx) and 经济分类 (3xx, 5xx) codes separately, never across domains.
 * A missing intermediate level is skipped: a 项 whose 款 is not listed counts under its 类.
 */
import { toA1 } from "../../a1";
import { sheetFromRows, type Workbook } from "../../model";
import { amountColumns, cellNameText } from "../../recognize/helpers";
import { sumOfText } from "../messages";
import type { RecognizedRow } from "../../recognize/types";
import { figureOf, flush, judgeSum, type Judged, report, sumMessages } from "../rounding";
import type { Finding, Rule, RuleContext } from "../types";

const ID = "hierarchy";
const LEVEL_WORD = ["", "类", "款", "项"];
const LEVEL_KEY = ["", "sumOfCategories", "sumOfSubcategories", "sumOfItems"];

const MESSAGES = {
  ...sumMessages("sumOfCategories", { "zh-CN": "应为各类之和", "en-US": "should equal the sum of its categories," }),
  ...sumMessages("sumOfSubcategories", { "zh-CN": "应为各款之和", "en-US": "should equal the sum of its subcategories," }),
  ...sumMessages("sumOfItems", { "zh-CN": "应为各项之和", "en-US": "should equal the sum of its items," }),
  ...sumMessages("sumOfChildren", { "zh-CN": "应为下级科目之和", "en-US": "should equal the sum of the codes under it," }),
};

/** Parent → children by the nearest listed ancestor code, per domain. */
export function codeChildren(rows: RecognizedRow[]): Map<RecognizedRow, RecognizedRow[]> {
  const byKey = new Map<string, RecognizedRow>();
  const coded = rows.filter((r) => r.level && r.code && !r.ofWhich);
  // Keyed by the unit heading the row is under too: the same code under two units is two rows.
  const key = (r: RecognizedRow, code: string) => `${r.group ?? ""}\u0000${r.domain}:${code}`;
  for (const r of coded) {
    const k = key(r, r.code!);
    if (!byKey.has(k)) byKey.set(k, r);
  }
  const children = new Map<RecognizedRow, RecognizedRow[]>();
  for (const r of coded) {
    if (byKey.get(key(r, r.code!)) !== r) continue; // a code listed twice counts once
    const c = r.code!;
    for (let len = c.length - 2; len >= 3; len -= 2) {
      const parent = byKey.get(key(r, c.slice(0, len)));
      if (parent) {
        let list = children.get(parent);
        if (!list) children.set(parent, (list = []));
        list.push(r);
        break;
      }
    }
  }
  return children;
}

function check(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const table of ctx.facts.tables) {
    if (table.spec.sides || table.empty) continue;
    if (!table.rows.some((r) => r.level)) continue;
    const cols = amountColumns(table);
    const j: Judged = { findings: [], tails: [] };
    for (const [parent, kids] of codeChildren(table.rows)) {
      const levels = new Set(kids.map((k) => k.level!));
      const word = levels.size === 1 ? LEVEL_WORD[[...levels][0]] : "下级科目";
      const key = levels.size === 1 ? LEVEL_KEY[[...levels][0]] : "sumOfChildren";
      for (const col of cols) {
        const t = parent.amounts[col.key];
        const ps = kids.map((k) => k.amounts[col.key]).filter((a) => a && a.value !== null);
        const stated = !!t && t.value !== null;
        if (!stated && (ps.length === 0 || ps.every((a) => a!.value === 0))) continue;
        const judgement = judgeSum(figureOf(t), ps.map(figureOf), ctx.options.roundingFactor);
        report(
          j,
          ID,
          table,
          t ?? { r: parent.r, c: col.c },
          cellNameText(parent, col),
          sumOfText(cellNameText(parent, col), word),
          { messages: MESSAGES, key },
          judgement,
          kids.map((k) => toA1(k.r, col.c)),
          stated,
        );
      }
    }
    flush(ID, table, j, out);
  }
  return out;
}

const HEAD = ["科目编码", "科目名称", "合计", "基本支出", "项目支出"];
const wb = (rows: (string | number | null)[][]): Workbook => ({ sheets: [sheetFromRows("支出总表", [["部门支出总表"], ["单位：万元"], HEAD, ...rows], "#,##0.00")] });

export const hierarchyRule: Rule = {
  id: ID,
  description: "科目层级：每个“类”等于其“款”之和，每个“款”等于其“项”之和（功能分类与经济分类分别核对）",
  defaultSeverity: "error",
  messages: MESSAGES,
  check,
  valid: [
    {
      name: "类 = Σ 款 = Σ 项",
      workbook: () => wb([[null, "合计", 30, 20, 10], ["208", "社会保障和就业支出", 30, 20, 10], ["20801", "人力资源和社会保障管理事务", 30, 20, 10], ["2080101", "行政运行", 20, 20, null], ["2080150", "事业运行", 10, null, 10]]),
    },
    {
      name: "缺少中间层级：项直接归入类",
      workbook: () => wb([[null, "合计", 30, 30, null], ["208", "社会保障和就业支出", 30, 30, null], ["2080101", "行政运行", 20, 20, null], ["2080505", "机关事业单位基本养老保险缴费支出", 10, 10, null]]),
    },
    {
      name: "经济分类与功能分类不混加",
      workbook: () => wb([[null, "合计", 10, 10, null], ["301", "工资福利支出", 10, 10, null], ["30101", "基本工资", 10, 10, null], ["208", "社会保障和就业支出", 5, 5, null], ["20801", "人力资源和社会保障管理事务", 5, 5, null]]),
    },
  ],
  invalid: [
    {
      name: "类与款之和不符",
      workbook: () => wb([[null, "合计", 1025, 1025, null], ["208", "社会保障和就业支出", 1025, 1025, null], ["20801", "人力资源和社会保障管理事务", 1000, 1000, null], ["20805", "行政事业单位养老支出", 24, 24, null]]),
      expect: [{ severity: "error", cell: "C5", messageId: "sumOfSubcategories", messageIncludes: "社会保障和就业支出（208）合计应为各款之和 1,024.00，填列 1,025.00，相差 1.00 万元" }],
    },
  ],
};
