/**
 * A figure changed in a real field document is caught, whatever the layout: the
 * checker's silence on the clean documents is not blindness. Each case changes one
 * printed figure by 100 元 and names the finding the change must cause.
 */
import { runChecks } from "../../src/core/checks/engine";
import type { Workbook } from "../../src/core/model";
import { fieldWorkbook, findTable, FIELD_LAYOUTS, rowByCode, rowByLabel } from "./helpers";

function clone(wb: Workbook): Workbook {
  return JSON.parse(JSON.stringify(wb));
}

/** Add `delta` to the n-th figure (0-based, left to right) of a row. */
function bump(wb: Workbook, title: string, row: (t: ReturnType<typeof findTable>) => number, nth: number, delta: number): void {
  const t = findTable(wb, title);
  const r = row(t);
  const cells = (t.sheet.rows[r] ?? []).filter((c) => c && typeof c.value === "number");
  cells[nth]!.value = (cells[nth]!.value as number) + delta;
}

describe.each(FIELD_LAYOUTS)("区政府办公室 2025 部门预算 (%s layout), one figure changed", (layout) => {
  const errors = async (change: (wb: Workbook) => void) => {
    const wb = clone(await fieldWorkbook("2025-putuo-district-office-department", layout));
    change(wb);
    return runChecks(wb).findings.filter((f) => f.severity === "error");
  };

  test("财务收支预算总表 一、财政拨款收入 +100: 收入总计 ≠ 各项收入", async () => {
    const found = await errors((wb) => bump(wb, "部门财务收支预算总表", (t) => rowByLabel(t, "一、财政拨款收入"), 0, 100));
    expect(found.some((f) => f.ruleId === "balance" && f.table === "T1" && f.expected === 91016875.35 && f.actual === 91016775.35)).toBe(true);
  });

  test("财务收支预算总表 一、一般公共服务支出 +100: 支出总计 ≠ 各类, and ≠ 支出预算总表", async () => {
    const found = await errors((wb) => bump(wb, "部门财务收支预算总表", (t) => rowByLabel(t, "一、财政拨款收入"), 1, 100));
    expect(found.some((f) => f.ruleId === "balance" && f.table === "T1" && f.expected === 91016875.35)).toBe(true);
    expect(found.some((f) => f.ruleId === "cross-table" && f.table === "T1" && f.actual === 82096897.42)).toBe(true);
  });

  test("财政拨款收支预算总表 一、一般公共预算资金 +100: 收入总计 ≠ 各项收入", async () => {
    const found = await errors((wb) => bump(wb, "部门财政拨款收支预算总表", (t) => rowByLabel(t, "一、一般公共预算资金"), 0, 100));
    expect(found.some((f) => f.ruleId === "balance" && f.table === "T4" && f.expected === 91016875.35)).toBe(true);
  });

  test("支出预算总表 2010301 行政运行 合计 +100: 合计 ≠ 基本 + 项目, 款 ≠ Σ 项", async () => {
    const found = await errors((wb) => bump(wb, "部门支出预算总表", (t) => rowByCode(t, "2010301"), 0, 100));
    expect(found.some((f) => f.ruleId === "columns" && f.table === "T3" && f.expected === 12029501.84 && f.actual === 12029601.84)).toBe(true);
    expect(found.some((f) => f.ruleId === "hierarchy" && f.table === "T3" && f.expected === 82096897.42)).toBe(true);
  });

  test("收入预算总表 合计行 合计 +100: 合计 ≠ Σ 类, and ≠ 财务收支预算总表 收入总计", async () => {
    const found = await errors((wb) => bump(wb, "部门收入预算总表", (t) => rowByLabel(t, "合计"), 0, 100));
    expect(found.some((f) => f.ruleId === "total-row" && f.table === "T2" && f.expected === 91016775.35 && f.actual === 91016875.35)).toBe(true);
    expect(found.some((f) => f.ruleId === "cross-table")).toBe(true);
  });

  test("一般公共预算基本支出经济分类表 30217 公务接待费 +300,000: 超过“三公”经费表的 28.50 万元", async () => {
    const wb = clone(await fieldWorkbook("2025-putuo-district-office-department", layout));
    bump(wb, "部门一般公共预算基本支出部门预算经济分类预算表", (t) => rowByCode(t, "30217"), 0, 300000);
    const warnings = runChecks(wb).findings.filter((f) => f.ruleId === "cross-table" && f.severity === "warning");
    expect(warnings.some((f) => /公务接待费/.test(f.message) && /折算为元/.test(f.message))).toBe(true);
  });
});
