import { checkWorkbook } from "../../../src/core/checks/engine";
import type { Finding } from "../../../src/core/checks/types";
import { getSheet, newSheet, setCell, type Workbook } from "../../../src/core/model";
import { groupFindings } from "../../../src/core/report/findings";
import { buildReportSheet } from "../../../src/core/report/reportSheet";
import {
  checkedState,
  findingKey,
  findingKeys,
  isReportSheet,
  runCheck,
  sheetTarget,
  storedMarks,
  toggleChecked,
  withoutReportSheets,
} from "../../../src/core/workflows/check";
import { demoWorkbook } from "../../../src/taskpane/demoWorkbook";

const check = (wb: Workbook) => checkWorkbook(wb, { roundingFactor: 1 });

/** The demo workbook with the 审核结果 sheet the pane writes for its findings. */
function withReport(): Workbook {
  const wb = demoWorkbook();
  wb.sheets.push(buildReportSheet(check(demoWorkbook()), wb.sheets.map((s) => s.name), { date: "2026-01-01" }));
  return wb;
}

const f = (over: Partial<Finding>): Finding => ({ ruleId: "r", severity: "error", sheet: "支出总表", cell: "C8", message: "m", ...over });

describe("check workflow (core/workflows/check)", () => {
  it("tells the 审核结果 sheet by its content, not by its name", () => {
    const wb = withReport();
    expect(isReportSheet(getSheet(wb, "审核结果")!)).toBe(true);
    // renamed, still a report
    const renamed = { ...getSheet(wb, "审核结果")!, name: "复核" };
    expect(isReportSheet(renamed)).toBe(true);
    // a user's own sheet called 审核结果 is not
    const own = newSheet("审核结果");
    setCell(own, 0, 0, { value: "审核结果" });
    setCell(own, 2, 0, { value: "项目" });
    expect(isReportSheet(own)).toBe(false);
    for (const s of demoWorkbook().sheets) expect(isReportSheet(s)).toBe(false);
    expect(withoutReportSheets(wb).sheets.map((s) => s.name)).toEqual(demoWorkbook().sheets.map((s) => s.name));
  });

  it("checks the workbook without its 审核结果 sheet: same findings as before the report was written", () => {
    const before = check(demoWorkbook());
    const run = runCheck(withReport(), check, { scope: "workbook" });
    expect(run.skippedReports).toEqual(["审核结果"]);
    expect(run.findings).toEqual(before);
    expect(run.findings.some((x) => x.sheet === "审核结果")).toBe(false);
    // a checker that reports on every sheet it is given never sees the report
    const seen: string[] = [];
    const everySheet = (wb: Workbook): Finding[] => wb.sheets.map((s) => (seen.push(s.name), f({ sheet: s.name, cell: "A1", message: `${s.name} 未识别` })));
    const all = runCheck(withReport(), everySheet, { scope: "workbook" });
    expect(seen).toEqual(demoWorkbook().sheets.map((s) => s.name));
    expect(all.findings.map((x) => x.sheet)).toEqual(demoWorkbook().sheets.map((s) => s.name));
  });

  it("a 当前工作表 check on the 审核结果 sheet checks the sheet the user came from, or says it is the results sheet", () => {
    const wb = withReport();
    const came = runCheck(wb, check, { scope: "sheet", activeSheet: "审核结果", previousSheet: "支出总表" });
    expect(came.sheet).toBe("支出总表");
    expect(came.cameFrom).toBe(true);
    expect(came.findings.length).toBeGreaterThan(0);
    expect(came.findings.every((x) => x.sheet === "支出总表")).toBe(true);
    const none = runCheck(wb, check, { scope: "sheet", activeSheet: "审核结果", previousSheet: null });
    expect(none).toMatchObject({ sheet: null, refused: "results-sheet", findings: [] });
    // the previous sheet being a report too does not help
    expect(sheetTarget(wb, "审核结果", "审核结果")).toEqual({ sheet: null, reason: "results-sheet" });
    expect(sheetTarget(wb, "一般公共预算支出表", "支出总表")).toEqual({ sheet: "一般公共预算支出表" });
    expect(sheetTarget(wb, "没有这张表", null)).toEqual({ sheet: null, reason: "no-sheet" });
    // no selection known: the first sheet that is not a report
    expect(sheetTarget(wb, null, null)).toEqual({ sheet: "支出总表" });
  });

  it("a sheet check keeps that sheet's findings of a whole-workbook run (cross-table rules see the other tables)", () => {
    const all = check(demoWorkbook());
    const run = runCheck(demoWorkbook(), check, { scope: "sheet", activeSheet: "一般公共预算支出表" });
    expect(run.findings).toEqual(all.filter((x) => x.sheet === "一般公共预算支出表"));
    expect(run.findings.length).toBeGreaterThan(0);
  });

  it("finding keys survive a re-check and change when the problem changes", () => {
    const a = runCheck(demoWorkbook(), check, { scope: "workbook" });
    const b = runCheck(demoWorkbook(), check, { scope: "workbook" });
    expect(b.keys).toEqual(a.keys);
    expect(new Set(a.keys).size).toBe(a.keys.length);
    // the same finding in another order has the same key
    expect(findingKeys([...a.findings].reverse())).toEqual([...a.keys].reverse());
    // a message id makes the key independent of the figures in the text
    const withId = f({ messageId: "sumMismatch", message: "合计 应为 1，填列 2" });
    expect(findingKey(withId)).toBe(findingKey({ ...withId, message: "合计 应为 1，填列 3" }));
    expect(findingKey(f({ message: "x" }))).not.toBe(findingKey(f({ message: "y" })));
    expect(findingKey(f({ cell: "$C$8" }))).toBe(findingKey(f({ cell: "c8" })));
    expect(findingKey(f({ cell: "C9" }))).not.toBe(findingKey(f({ cell: "C8" })));
    expect(findingKey(f({ ruleId: "other" }))).not.toBe(findingKey(f({})));
    // two identical findings get distinct keys
    const twice = findingKeys([f({}), f({})]);
    expect(twice[0]).not.toBe(twice[1]);
    // fixing the figure: the hierarchy error at C9 goes away, so does its key
    const fixed = demoWorkbook();
    const c9 = a.findings.find((x) => x.cell === "C9" && x.severity === "error")!;
    expect(c9).toBeDefined();
    setCell(getSheet(fixed, "支出总表")!, 8, 2, { value: 235.7, numFmt: "#,##0.00" });
    const c = runCheck(fixed, check, { scope: "workbook" });
    expect(c.keys).not.toContain(a.keys[a.findings.indexOf(c9)]);
  });

  it("counts checked marks of the run, keeps marks of findings not in it", () => {
    const run = runCheck(demoWorkbook(), check, { scope: "workbook" });
    const firstError = run.findings.findIndex((x) => x.severity === "error");
    let marks = toggleChecked(new Set(), run.keys[firstError], true);
    marks = toggleChecked(marks, "gone\u001fkey", true);
    const st = checkedState(run.findings, run.keys, marks);
    expect(st.checked).toBe(1);
    expect(st.total).toBe(run.findings.length);
    expect(st.bySeverity.error).toEqual({ checked: 1, total: run.findings.filter((x) => x.severity === "error").length });
    expect(st.absent).toBe(1);
    expect(checkedState(run.findings, run.keys, toggleChecked(marks, run.keys[firstError], false)).checked).toBe(0);
    expect(storedMarks(["b", "a", "b", 3, null, ""])).toEqual(["a", "b"]);
    expect(storedMarks("x")).toEqual([]);
  });

  it("groups a table once: a finding without a table on the table's sheet joins its group", () => {
    const groups = groupFindings([
      f({ table: "T1", sheet: "收支总表", cell: "B5", severity: "info" }),
      f({ sheet: "收支总表", cell: "A1", severity: "warning" }),
      f({ table: "T3", cell: "C9" }),
      f({ sheet: "情况说明", cell: "A1", severity: "warning" }),
    ]);
    expect(groups.map((g) => g.label)).toEqual(["部门支出总表", "部门收支总表", "情况说明"]);
    expect(groups[1].total).toBe(2);
    // on the demo workbook: one heading per table
    const demo = groupFindings(check(demoWorkbook()));
    expect(demo.map((g) => g.label)).toEqual(["部门支出总表", "一般公共预算支出表"]);
  });
});
