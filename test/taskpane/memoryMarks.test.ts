import { MemoryHost } from "../../src/hosts/memory/memoryHost";
import { cloneSheet, getCell, sheetFromRows } from "../../src/core/model";

describe("MemoryHost marks", () => {
  it("marks on style.fill and restores exactly: undefined stays undefined, missing cells go away again", async () => {
    const sheet = sheetFromRows("表", [["a", 1, 2], ["b", 3]]);
    sheet.rows[0][1]!.style = { bold: true };
    sheet.rows[0][2]!.style = { fill: "#D9E1F2" };
    const wb = { sheets: [sheet] };
    const before = wb.sheets.map((s) => cloneSheet(s));
    const host = new MemoryHost(wb);
    await host.markCells([
      { sheet: "表", address: "A1:C1", color: "#FFC7CE" },
      { sheet: "表", address: "C2", color: "#FFEB9C" }, // an empty cell
    ]);
    expect(getCell(sheet, 0, 0)!.style).toEqual({ fill: "#FFC7CE" });
    expect(getCell(sheet, 0, 1)!.style).toEqual({ bold: true, fill: "#FFC7CE" });
    expect(getCell(sheet, 1, 2)!.style).toEqual({ fill: "#FFEB9C" });
    expect(host.markedCount()).toBe(4);
    // marking again keeps the first original
    await host.markCells([{ sheet: "表", address: "C1", color: "#FFEB9C" }]);
    await host.clearMarks();
    expect(wb.sheets).toEqual(before);
    expect(getCell(sheet, 0, 0)!.style).toBeUndefined();
    expect(getCell(sheet, 1, 2)).toBeUndefined();
    expect(host.markedCount()).toBe(0);
  });

  it("refuses an unknown sheet", async () => {
    const host = new MemoryHost({ sheets: [] });
    await expect(host.markCells([{ sheet: "无", address: "A1", color: "#FFC7CE" }])).rejects.toMatchObject({ code: "not-found" });
  });
});
