/**
 * The checker on the field set, every document in every layout. The audit
 * (docs/findings-field.md) recomputed each finding from the printed figures:
 * what is real must be found, by rule, table, row and figures, in every layout;
 * the rules of the arithmetic (合计行, 层级, 列间, 平衡, 表间) must report nothing else.
 * Findings of the narrative, percent and names rules are audited in the document
 * (their open bugs are listed there) and not asserted here.
 */
import { parseA1 } from "../../src/core/a1";
import { runChecks } from "../../src/core/checks/engine";
import type { Finding } from "../../src/core/checks/types";
import type { WorkbookFacts } from "../../src/core/recognize/types";
import { fieldWorkbook, FIELD_DOCS, FIELD_LAYOUTS, type FieldDoc } from "./helpers";

interface Key {
  rule: string;
  table?: string;
  row?: string; // code, or label
  expected?: number | string;
  actual?: number | string;
}

function keyOf(f: Finding, facts: WorkbookFacts): Key {
  const { r, c } = parseA1(f.cell);
  const t = facts.tables.find((x) => x.sheet === f.sheet && x.spec.id === f.table && x.rows.some((row) => row.r === r));
  // Two-sided tables hold two rows on one sheet row: the one whose figure the finding points at.
  const row = t?.rows.find((x) => x.r === r && Object.values(x.amounts).some((a) => a.c === c)) ?? t?.rows.find((x) => x.r === r);
  return { rule: f.ruleId, table: f.table, row: row?.code ?? row?.label, expected: f.expected, actual: f.actual };
}

const ARITHMETIC = new Set(["total-row", "hierarchy", "columns", "balance", "cross-table"]);

/** The real inconsistencies of each document the arithmetic rules must find (recomputed in docs/findings-field.md). */
const REAL: Record<FieldDoc, Key[]> = {
  "2025-putuo-district-office-department": [],
  "2025-putuo-district-office-unit": [],
  "2025-putuo-commerce-department": [],
  "2025-putuo-commerce-unit": [],
  "2026-putuo-justice-department": [],
  "2026-putuo-justice-unit": [
    // 行政运行 prints 项目支出 64,840,547.00 (the 类's figure): 14,348,853.34 + 64,840,547.00 = 79,189,400.34 ≠ 14,348,853.34
    { rule: "columns", table: "T3", row: "2040601", expected: 79189400.34, actual: 14348853.34 },
    { rule: "columns", table: "T5", row: "2040601", expected: 79189400.34, actual: 14348853.34 },
    // and so 司法 (20406) 项目支出 64,840,547.00 ≠ Σ 项 64,840,547 + 21,703,947 + 1,242,900 + 1,160,000 + 2,278,800 + 38,454,900 = 129,681,094
    { rule: "hierarchy", table: "T3", row: "20406", expected: 129681094, actual: 64840547 },
    { rule: "hierarchy", table: "T5", row: "20406", expected: 129681094, actual: 64840547 },
    // 财务收支预算总表 splits 支出总计 into 人员经费 20,374,181 / 公用经费 1,744,680; the 基本支出 经济分类 table
    // has 20,272,981.00 / 1,845,880.34 (all expenditure is 一般公共预算: 86,959,408.34 in both): Δ 101,200.00 / −101,200.34
    { rule: "cross-table", table: "T1", row: "支出总计", expected: 20272981, actual: 20374181 },
    { rule: "cross-table", table: "T1", row: "支出总计", expected: 1845880.34, actual: 1744680 },
  ],
};

const runs = FIELD_DOCS.flatMap((d) => FIELD_LAYOUTS.map((l) => [d, l] as const));

describe.each(runs)("checker on %s (%s layout)", (doc, layout) => {
  let result: { facts: WorkbookFacts; findings: Finding[] };
  beforeAll(async () => {
    result = runChecks(await fieldWorkbook(doc, layout));
  });

  test("the nine tables are recognised, in 元 and (三公) 万元", () => {
    const ids = result.facts.tables.filter((t) => !/情况说明/.test(t.sheet)).map((t) => t.spec.id).sort();
    expect(ids).toEqual(["T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9"]);
    for (const t of result.facts.tables.filter((x) => !/情况说明/.test(x.sheet))) expect(t.amountUnit).toBe(t.spec.id === "T7" ? "万元" : "元");
  });

  test("every real inconsistency is found", () => {
    const keys = result.findings.filter((f) => f.severity === "error").map((f) => keyOf(f, result.facts));
    for (const k of REAL[doc]) expect(keys).toContainEqual(k);
  });

  test("no other error or warning from the arithmetic rules", () => {
    const other = result.findings
      .filter((f) => f.severity !== "info" && ARITHMETIC.has(f.ruleId))
      .map((f) => keyOf(f, result.facts))
      .filter((k) => !REAL[doc].some((r) => r.rule === k.rule && r.table === k.table && r.row === k.row && r.expected === k.expected && r.actual === k.actual));
    expect(other).toEqual([]);
  });

  test("completeness: nothing missing, no unit or year mismatch on the tables", () => {
    // The office layout opens its text with the document's 目录; those contents lines are still
    // taken for tables by recognition (open, docs/findings-field.md) — findings on them are left out here.
    const onTables = result.findings.filter((f) => f.ruleId === "completeness" && f.severity !== "info" && !(layout === "office" && f.sheet === "情况说明"));
    expect(onTables.map((f) => f.message)).toEqual([]);
  });
});

test("justice unit: 22,118,861 (printed without decimals) + 64,840,547.00 vs 86,959,408.34 is 尾差, not an error", async () => {
  const { findings } = runChecks(await fieldWorkbook("2026-putuo-justice-unit", "printed"));
  const tail = findings.find((f) => f.ruleId === "tail-difference" && f.table === "T3");
  expect(tail?.severity).toBe("info");
  expect(tail?.message).toMatch(/86,959,408\.34/);
  expect(findings.some((f) => f.severity === "error" && f.ruleId === "columns" && /86,959,408/.test(f.message))).toBe(false);
});
