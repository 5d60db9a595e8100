import { OfficeHost, markedCells } from "../../src/hosts/office/officeHost";
import { planReport } from "../../src/core/report/reportSheet";
import type { Finding } from "../../src/core/checks/types";
import { sheetFromRows } from "../../src/core/model";
import { colToLetters } from "../../src/core/a1";
import { makeFillMock, NO_FILL } from "./fillMock";
import { makeExcelMock } from "../hosts/excelMock";

const RED = "#FFC7CE";
const AMBER = "#FFEB9C";

describe("Office.js host: navigation, marking, clearing, report (office-addin-mock)", () => {
  it("select activates the sheet and selects the cell in one sync", async () => {
    const m = makeFillMock(["支出总表", "收入总表"]);
    await new OfficeHost(m.run).select({ sheet: "支出总表", address: "C8" });
    expect(m.syncs()).toBe(1);
    expect(m.events).toEqual(["activate 支出总表", "select 支出总表!C8"]);
    await new OfficeHost(m.run).activateSheet("收入总表");
    expect(m.syncs()).toBe(2);
    expect(m.events[2]).toBe("activate 收入总表");
  });

  it("marks one cell in 2 syncs and clears in 1, restoring no fill with fill.clear()", async () => {
    const m = makeFillMock(["支出总表"]);
    const host = new OfficeHost(m.run);
    await host.markCells([{ sheet: "支出总表", address: "C8", color: RED }]);
    expect(m.syncs()).toBe(2);
    expect(m.fill("支出总表", "C8")).toMatchObject({ color: RED, pattern: "Solid" });
    expect(host.markedCount()).toBe(1);
    await host.clearMarks();
    expect(m.syncs()).toBe(3);
    expect(m.clears()).toBe(1);
    expect(m.fill("支出总表", "C8")).toEqual(NO_FILL);
    expect(m.snapshot()).toEqual({});
    expect(host.markedCount()).toBe(0);
  });

  it("marks 500 cells in the same 2 syncs and clears them in 1, putting back every original fill exactly", async () => {
    const m = makeFillMock(["表1", "表2"]);
    // some cells already have fills: solid colours and a pattern
    m.setFill("表1", "B3", { color: "#D9E1F2", pattern: "Solid", patternColor: null });
    m.setFill("表2", "E10", { color: "#00B050", pattern: "Solid", patternColor: null });
    m.setFill("表2", "F12", { color: "#FFFF00", pattern: "Gray25", patternColor: "#FF0000" });
    const before = m.snapshot();
    const marks = Array.from({ length: 500 }, (_, i) => ({
      sheet: i % 2 ? "表2" : "表1",
      address: `${colToLetters(1 + (i % 7))}${3 + Math.floor(i / 7)}`,
      color: i % 3 ? AMBER : RED,
    }));
    const cells = markedCells(marks);
    expect(cells.length).toBeGreaterThan(400);
    const host = new OfficeHost(m.run);
    await host.markCells(marks);
    expect(m.syncs()).toBe(2);
    for (const c of cells) expect(m.fill(c.sheet, c.address).color).toBe(c.color);
    await host.clearMarks();
    expect(m.syncs()).toBe(3);
    expect(m.snapshot()).toEqual(before);
  });

  it("marking a cell twice keeps the first original", async () => {
    const m = makeFillMock(["表1"]);
    m.setFill("表1", "A1", { color: "#D9E1F2", pattern: "Solid", patternColor: null });
    const host = new OfficeHost(m.run);
    await host.markCells([{ sheet: "表1", address: "A1", color: AMBER }]);
    await host.markCells([{ sheet: "表1", address: "A1:B1", color: RED }]);
    expect(m.syncs()).toBe(4);
    expect(m.fill("表1", "A1").color).toBe(RED);
    expect(m.fill("表1", "B1").color).toBe(RED);
    await host.clearMarks();
    expect(m.syncs()).toBe(5);
    expect(m.snapshot()).toEqual({ "表1!A1": { color: "#D9E1F2", pattern: "Solid", patternColor: null } });
  });

  it("a missing sheet becomes a not-found HostError and nothing is remembered", async () => {
    const m = makeFillMock(["表1"]);
    const host = new OfficeHost(m.run);
    await expect(host.markCells([{ sheet: "没有这个表", address: "A1", color: RED }])).rejects.toMatchObject({ code: "not-found" });
    expect(host.markedCount()).toBe(0);
  });

  it("writes the 审核结果 sheet with HYPERLINK formulas in one applyChanges sync", async () => {
    const findings: Finding[] = [
      { ruleId: "hierarchy", severity: "error", sheet: "支出总表", cell: "C8", table: "T3", expected: 235.7, actual: 253.7, difference: 18, message: "支出总表 C8：…" },
      { ruleId: "names", severity: "warning", sheet: "O'Brien 表", cell: "B5", message: "名称被截断" },
    ];
    const m = makeExcelMock({ sheets: [sheetFromRows("支出总表", [["x"]]), sheetFromRows("审核结果", [["旧"]])] });
    const cs = planReport(findings, ["支出总表", "审核结果"], { date: "2024-01-02" });
    await new OfficeHost(m.run).applyChanges(cs);
    expect(m.syncs()).toBe(1);
    expect(m.addedSheets).toEqual(["审核结果(2)"]);
    const block = m.writes.find((w) => w.op === "formulas" && w.sheet === "审核结果(2)")!.value as unknown[][];
    const flat = block.flat();
    expect(flat).toContain(`=HYPERLINK("#'支出总表'!C8","支出总表!C8")`);
    expect(flat).toContain(`=HYPERLINK("#'O''Brien 表'!B5","O'Brien 表!B5")`);
  });
});
