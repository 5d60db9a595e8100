import { applyToModel, conflicts } from "../../src/core/changes";
import { getSheet, sheetFromRows, type Workbook } from "../../src/core/model";
import { planInsertion, renameSheetRefs, renderTemplateSet } from "../../src/core/templates";
import { OfficeHost } from "../../src/hosts/office/officeHost";
import { makeExcelMock } from "../hosts/excelMock";

function existingWorkbook(): Workbook {
  return {
    sheets: [
      sheetFromRows("部门支出总表", [["旧数据", 1]]),
      sheetFromRows("部门收入总表", [["旧数据", 2]]),
      sheetFromRows("部门收入总表(2)", [["旧数据", 3]]),
      sheetFromRows("说明", [["x"]]),
    ],
  };
}

describe("planInsertion", () => {
  it("renames taken sheet names and rewrites the cross-sheet formulas to the new names", () => {
    const set = renderTemplateSet({ year: 2024, unitName: "某某单位" });
    const wb = existingWorkbook();
    const before = JSON.stringify(wb);
    const { changes, renamed } = planInsertion(wb, set.sheets);
    expect(renamed).toEqual([
      { wanted: "部门收入总表", actual: "部门收入总表(3)" },
      { wanted: "部门支出总表", actual: "部门支出总表(2)" },
    ]);
    expect(JSON.stringify(wb)).toBe(before); // the plan does not touch its input
    expect(changes.edits).toEqual([]);
    expect(changes.removeSheets).toEqual([]);
    expect(conflicts(wb, changes)).toEqual([]);
    const t1 = changes.newSheets.find((s) => s.name === "部门收支总表")!;
    const formulas = t1.rows.flatMap((row) => (row ?? []).map((c) => c?.formula).filter((f): f is string => !!f));
    const L = set.layouts.T1;
    expect(t1.rows[L.rows["in.gpb"]][L.columns["income.amount"]]!.formula).toBe("='部门收入总表(3)'!$E$5");
    expect(t1.rows[L.rows["class.208"]][L.columns["expense.amount"]]!.formula).toBe(
      `=SUMIF('部门支出总表(2)'!$A$5:$A$25,"208",'部门支出总表(2)'!$C$5:$C$25)`,
    );
    expect(formulas.some((f) => /'部门收入总表'!|'部门支出总表'!/.test(f))).toBe(false);
    // applying it keeps every existing sheet as it was
    applyToModel(wb, changes);
    expect(wb.sheets.slice(0, 4).map((s) => [s.name, s.rows[0][1]?.value ?? s.rows[0][0]?.value])).toEqual([
      ["部门支出总表", 1],
      ["部门收入总表", 2],
      ["部门收入总表(2)", 3],
      ["说明", "x"],
    ]);
    expect(wb.sheets).toHaveLength(18);
    expect(getSheet(wb, "部门支出总表(2)")!.rows[2][0]!.value).toBe("科目编码");
  });

  it("changes nothing when no name is taken", () => {
    const set = renderTemplateSet({ year: 2024, unitName: "某某单位", tables: ["T1", "T3"] });
    const { changes, renamed } = planInsertion({ sheets: [sheetFromRows("Sheet1", [[1]])] }, set.sheets);
    expect(renamed).toEqual([]);
    expect(changes.newSheets.map((s) => s.name)).toEqual(["部门收支总表", "部门支出总表"]);
    expect(changes.newSheets[0].rows).toEqual(set.sheets[0].rows);
  });

  it("rewrites quoted and unquoted references but not text in string literals", () => {
    const m = new Map([
      ["表1", "表1(2)"],
      ["Data", "Data(2)"],
      ["it's", "it's(2)"],
    ]);
    expect(renameSheetRefs(`='表1'!A1+Data!B2+'it''s'!C3+OtherData!D4&"表1!A1"`, m)).toBe(
      `='表1(2)'!A1+'Data(2)'!B2+'it''s(2)'!C3+OtherData!D4&"表1!A1"`,
    );
  });
});

describe("inserting templates through the Office.js host (office-addin-mock)", () => {
  it.each([
    ["the whole 14-table set", undefined],
    ["a 3-table set", ["T1", "T3", "T7"]],
  ])("inserts %s in exactly 1 context.sync", async (_label, tables) => {
    const set = renderTemplateSet({ year: 2024, unitName: "某某单位", tables });
    const wb = existingWorkbook();
    const { changes } = planInsertion(wb, set.sheets);
    const m = makeExcelMock(wb);
    await new OfficeHost(m.run).applyChanges(changes);
    expect(m.syncs()).toBe(1);
    expect(m.addedSheets).toEqual(changes.newSheets.map((s) => s.name));
    expect(m.addedSheets).toHaveLength(tables ? 3 : 14);
    expect(m.writes.filter((w) => w.op === "delete")).toEqual([]);
    // every new sheet: frozen header rows and repeated print title rows
    expect(m.writes.filter((w) => w.op === "freezeRows")).toHaveLength(m.addedSheets.length);
    const titles = m.writes.filter((w) => w.op === "printTitleRows");
    expect(titles).toHaveLength(m.addedSheets.length);
    expect(titles.find((w) => w.sheet === "部门收支总表")!.value).toBe("$3:$4");
    // cross-sheet formulas written as the plan rewrote them
    const t1Block = m.writes.find((w) => w.sheet === "部门收支总表" && w.op === "formulas")!;
    expect(JSON.stringify(t1Block.value)).toContain("'部门支出总表(2)'!");
  });
});
