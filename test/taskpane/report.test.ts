import { buildReportSheet, hyperlinkFormula } from "../../src/core/report/reportSheet";
import { countBySeverity, groupFindings, marksForFindings, formatFigure } from "../../src/core/report/findings";
import { detectQuick } from "../../src/core/report/detected";
import type { Finding } from "../../src/core/checks/types";
import { getCell } from "../../src/core/model";
import { demoWorkbook } from "../../src/taskpane/demoWorkbook";

const f = (over: Partial<Finding>): Finding => ({ ruleId: "r", severity: "error", sheet: "支出总表", cell: "C8", message: "m", ...over });

describe("report builders (core/report)", () => {
  const findings = [
    f({ table: "T3", cell: "D9", severity: "warning" }),
    f({ table: "T5", sheet: "一般公共预算支出表", cell: "C5", severity: "info" }),
    f({ table: "T3", cell: "C10" }),
    f({ table: "T3", cell: "C9" }),
    f({ sheet: "情况说明", cell: "A1", severity: "warning" }),
  ];

  it("counts by severity", () => {
    expect(countBySeverity(findings)).toEqual({ error: 2, warning: 2, info: 1 });
  });

  it("groups by table (errors first, then standard order), severities in order, cells in row order", () => {
    const g = groupFindings(findings);
    expect(g.map((x) => x.label)).toEqual(["部门支出总表", "一般公共预算支出表", "情况说明"]);
    expect(g[0].counts).toEqual({ error: 2, warning: 1, info: 0 });
    expect(g[0].bySeverity.map((s) => [s.severity, s.findings.map((x) => x.cell)])).toEqual([
      ["error", ["C9", "C10"]],
      ["warning", ["D9"]],
    ]);
    const bySheet = groupFindings(findings, "sheet");
    expect(bySheet.map((x) => x.label)).toEqual(["支出总表", "一般公共预算支出表", "情况说明"]);
  });

  it("marks main cells red for errors and amber for warnings, not info; red wins on a shared cell", () => {
    const marks = marksForFindings([...findings, f({ table: "T3", cell: "D9" })]);
    expect(marks).toEqual([
      { sheet: "支出总表", address: "D9", color: "#FFC7CE" },
      { sheet: "支出总表", address: "C10", color: "#FFC7CE" },
      { sheet: "支出总表", address: "C9", color: "#FFC7CE" },
      { sheet: "情况说明", address: "A1", color: "#FFEB9C" },
    ]);
  });

  it("builds HYPERLINK formulas that survive quotes in sheet names", () => {
    expect(hyperlinkFormula("支出总表", "C8")).toBe(`=HYPERLINK("#'支出总表'!C8","支出总表!C8")`);
    expect(hyperlinkFormula(`A'B"C`, "A1")).toBe(`=HYPERLINK("#'A''B""C'!A1","A'B""C!A1")`);
  });

  it("builds the 审核结果 sheet: unique name, summary, one row per finding sorted, figures as numbers", () => {
    const sheet = buildReportSheet(
      [f({ table: "T3", expected: 235.7, actual: 253.7, difference: 18, message: "层级不符" }), f({ severity: "warning", cell: "B2" })],
      ["审核结果", "审核结果(2)"],
      { date: "2024-03-01", subject: "示例局" },
    );
    expect(sheet.name).toBe("审核结果(3)");
    expect(getCell(sheet, 1, 0)!.value).toBe("示例局　检查日期：2024-03-01　共 2 条：错误 1 条，警告 1 条，提示 0 条");
    expect(getCell(sheet, 3, 1)!.value).toBe("错误");
    expect(getCell(sheet, 3, 2)!.value).toBe("部门支出总表");
    expect(getCell(sheet, 3, 3)).toMatchObject({ value: "支出总表!C8", formula: `=HYPERLINK("#'支出总表'!C8","支出总表!C8")` });
    expect(getCell(sheet, 3, 5)!.value).toBe(235.7);
    expect(getCell(sheet, 3, 7)!.value).toBe(18);
    expect(getCell(sheet, 4, 1)!.value).toBe("警告");
    expect(sheet.frozenRows).toBe(3);
  });

  it("prints what the check ran with and which findings were marked 已核对, so the review can be handed on", () => {
    const checkedOne = f({ table: "T3", expected: 235.7, actual: 253.7, difference: 18, message: "层级不符" });
    const sheet = buildReportSheet([checkedOne, f({ severity: "warning", cell: "B2" })], [], {
      date: "2024-03-01",
      subject: "示例局",
      meta: { year: 2027, edition: 2026, editionNote: "2027 年没有科目版本，按 2026 年版", tolerance: 1, version: "0.1.0" },
      isChecked: (x) => x === checkedOne,
    });
    expect(getCell(sheet, 1, 0)!.value).toBe(
      "示例局　检查日期：2024-03-01　预算年度 2027　科目 2026 年版（2027 年没有科目版本，按 2026 年版）　尾差容许：标准 1　预算公开表格助手 0.1.0　共 2 条：错误 1 条，警告 1 条，提示 0 条，已核对 1 条",
    );
    expect(getCell(sheet, 2, 9)!.value).toBe("核对");
    expect(getCell(sheet, 3, 9)!.value).toBe("已核对");
    expect(getCell(sheet, 4, 9)!.value).toBeNull();
  });

  it("formats figures with two decimals (more when needed)", () => {
    expect(formatFigure(1209.02)).toBe("1,209.02");
    expect(formatFigure(18)).toBe("18.00");
    expect(formatFigure(-0.005)).toBe("-0.005");
    expect(formatFigure("文本")).toBe("文本");
  });

  it("detects year, unit, amount unit and tables from titles (quick scan)", () => {
    const d = detectQuick(demoWorkbook());
    expect(d).toMatchObject({ year: 2024, unitName: "示例市人力资源和社会保障局", amountUnit: "万元" });
    expect(d.tables.map((t) => t.id)).toEqual(["T3", "T5"]);
    // only T3 and T5 are there: judged as a 9-table set (T1–T9), seven are missing
    expect(d.missing).toEqual(["T1", "T2", "T4", "T6", "T7", "T8", "T9"]);
  });
});
