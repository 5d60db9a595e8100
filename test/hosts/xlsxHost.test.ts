import { getCell, sheetFromRows, type Workbook } from "../../src/core/model";
import { readXlsxBuffer, writeXlsxBuffer } from "../../src/hosts/xlsx/xlsxHost";

describe(".xlsx host", () => {
  it("round-trips values, formulas, number formats, merges, errors and frozen rows", async () => {
    const sheet = sheetFromRows("一般公共预算支出表", [
      ["一般公共预算支出表"],
      ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
      ["2080150", "事业运行", 571.56, 571.56],
      ["2080199", "其他人力资源和社会保障管理事务支出", 383.76, undefined, 383.76],
      [undefined, "合计", "=SUM(C3:C4)", "=SUM(D3:D4)", "=SUM(E3:E4)"],
    ]);
    sheet.rows[2][2]!.numFmt = "#,##0.00";
    sheet.rows[4][2]!.value = 955.32;
    sheet.rows[3][3] = { value: { error: "#DIV/0!" } };
    sheet.merges.push({ r1: 0, c1: 0, r2: 0, c2: 4 });
    sheet.frozenRows = 2;
    const wb: Workbook = { sheets: [sheet, sheetFromRows("情况说明", [["收支总预算1209.02万元"]])] };

    const back = await readXlsxBuffer(await writeXlsxBuffer(wb));
    expect(back.sheets.map((s) => s.name)).toEqual(["一般公共预算支出表", "情况说明"]);
    const s = back.sheets[0];
    expect(getCell(s, 2, 0)!.value).toBe("2080150"); // a code kept as text stays text
    expect(getCell(s, 2, 2)).toMatchObject({ value: 571.56, numFmt: "#,##0.00" });
    expect(getCell(s, 4, 2)).toMatchObject({ formula: "=SUM(C3:C4)", value: 955.32 });
    expect(getCell(s, 4, 3)!.formula).toBe("=SUM(D3:D4)");
    expect(getCell(s, 3, 3)!.value).toEqual({ error: "#DIV/0!" });
    expect(s.merges).toEqual([{ r1: 0, c1: 0, r2: 0, c2: 4 }]);
    expect(s.frozenRows).toBe(2);

    // and a second round trip changes nothing
    const again = await readXlsxBuffer(await writeXlsxBuffer(back));
    expect(JSON.stringify(again)).toBe(JSON.stringify(back));
  });

  it("says clearly in Chinese when a file is not an .xlsx", async () => {
    await expect(readXlsxBuffer(Buffer.from("not a zip file"))).rejects.toThrow(/不是 Excel 工作簿/);
  });
});

describe(".xlsx host: formula results", () => {
  it("keeps a cached formula result of 0 (exceljs hides it in cell.value)", async () => {
    const s = sheetFromRows("t", [[0, 0, "=SUM(A1,B1)"]]);
    s.rows[0][2]!.value = 0;
    const back = await readXlsxBuffer(await writeXlsxBuffer({ sheets: [s] }));
    expect(getCell(back.sheets[0], 0, 2)).toMatchObject({ formula: "=SUM(A1,B1)", value: 0 });
  });
});
