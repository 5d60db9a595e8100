import { colToLetters, lettersToCol, parseA1, parseRangeA1, rangeToA1, toA1 } from "../../src/core/a1";
import { applyToModel, conflicts, emptyChangeSet, inverseOf, rowRuns } from "../../src/core/changes";
import {
  cloneSheet,
  displayValue,
  getCell,
  isEmptyCell,
  newSheet,
  setCell,
  sheetFromRows,
  sheetStats,
  uniqueSheetName,
  usedRange,
  validSheetName,
} from "../../src/core/model";
import { labelKey, parseAmount, printedDecimals, toHalfWidth } from "../../src/core/text";

describe("A1 addresses", () => {
  it("converts columns both ways, past Z and ZZ", () => {
    for (const [c, s] of [[0, "A"], [25, "Z"], [26, "AA"], [701, "ZZ"], [702, "AAA"], [16383, "XFD"]] as const) {
      expect(colToLetters(c)).toBe(s);
      expect(lettersToCol(s)).toBe(c);
    }
  });
  it("parses cells and ranges with sheet names and $ signs", () => {
    expect(parseA1("$C$7")).toEqual({ r: 6, c: 2 });
    expect(parseRangeA1("'表 1'!B2:D5")).toEqual({ r1: 1, c1: 1, r2: 4, c2: 3 });
    expect(parseRangeA1("D5:B2")).toEqual({ r1: 1, c1: 1, r2: 4, c2: 3 });
    expect(rangeToA1({ r1: 0, c1: 0, r2: 0, c2: 0 })).toBe("A1");
    expect(toA1(9, 27)).toBe("AB10");
    expect(() => parseA1("收入")).toThrow("不是单元格地址");
  });
});

describe("workbook model", () => {
  const sheet = sheetFromRows("支出总表", [
    ["支出总表"],
    [],
    ["科目编码", "科目名称", "合计"],
    ["208", "社会保障和就业支出", 133.31],
    [undefined, "合计", "=SUM(C4:C4)"],
  ]);
  sheet.merges.push({ r1: 0, c1: 0, r2: 0, c2: 4 });

  it("computes the used range from cells and merges", () => {
    expect(rangeToA1(usedRange(sheet)!)).toBe("A1:E5");
    expect(usedRange(newSheet("空"))).toBeNull();
    const s = newSheet("x");
    setCell(s, 3, 2, { value: "  " });
    expect(usedRange(s)).toBeNull();
  });

  it("counts numbers, texts and formulas", () => {
    expect(sheetStats(sheet)).toEqual({ numbers: 1, texts: 7, formulas: 1, errors: 0, booleans: 0 });
    const e = newSheet("e");
    setCell(e, 0, 0, { value: { error: "#DIV/0!" } });
    expect(sheetStats(e).errors).toBe(1);
  });

  it("reads merged cells through their top-left cell", () => {
    expect(displayValue(sheet, 0, 3)).toBe("支出总表");
    expect(getCell(sheet, 0, 3)).toBeUndefined();
  });

  it("treats formulas as non-empty even without a cached value", () => {
    expect(isEmptyCell(getCell(sheet, 4, 2))).toBe(false);
    expect(isEmptyCell({ value: "" })).toBe(true);
  });

  it("clones deeply", () => {
    const c = cloneSheet(sheet, "copy");
    setCell(c, 3, 2, { value: 1 });
    expect(getCell(sheet, 3, 2)!.value).toBe(133.31);
    expect(c.name).toBe("copy");
  });

  it("makes valid, unique sheet names", () => {
    expect(validSheetName("收支总表[2024]/草稿")).toBe("收支总表2024草稿");
    expect(uniqueSheetName(["收支总表", "收支总表(2)"], "收支总表")).toBe("收支总表(3)");
    expect(uniqueSheetName([], "一".repeat(40)).length).toBe(31);
  });
});

describe("change sets", () => {
  it("finds conflicts, applies, and undoes exactly", () => {
    const wb = { sheets: [sheetFromRows("表", [["a", 1], [undefined, "=A1"]])] };
    const before = JSON.stringify(wb);
    const cs = emptyChangeSet();
    cs.edits.push({ sheet: "表", r: 0, c: 1, cell: { value: 2 } }, { sheet: "表", r: 2, c: 0, cell: { value: "new" } });
    cs.newSheets.push(sheetFromRows("新表", [["x"]]));
    const found = conflicts(wb, cs);
    expect(found).toEqual([expect.objectContaining({ kind: "cell-not-empty", sheet: "表", cell: "B1" })]);
    const inv = inverseOf(wb, cs);
    applyToModel(wb, cs);
    expect(getCell(wb.sheets[0], 0, 1)!.value).toBe(2);
    expect(wb.sheets.map((s) => s.name)).toEqual(["表", "新表"]);
    applyToModel(wb, inv);
    expect(JSON.stringify(wb)).toBe(before);
  });

  it("refuses to replace an existing sheet", () => {
    const wb = { sheets: [newSheet("表")] };
    const cs = emptyChangeSet();
    cs.newSheets.push(newSheet("表"));
    expect(conflicts(wb, cs)[0].kind).toBe("sheet-exists");
    expect(() => applyToModel(wb, cs)).toThrow("已存在");
  });

  it("groups adjacent edits of a row into runs", () => {
    const runs = rowRuns([
      { sheet: "s", r: 1, c: 2, cell: { value: 3 } },
      { sheet: "s", r: 1, c: 0, cell: { value: 1 } },
      { sheet: "s", r: 1, c: 1, cell: { value: 2 } },
      { sheet: "s", r: 2, c: 0, cell: null },
    ]);
    expect(runs.map((r) => [r.r, r.c, r.cells.length])).toEqual([[1, 0, 3], [2, 0, 1]]);
  });
});

describe("text helpers", () => {
  it("normalises full-width characters and spaces in labels", () => {
    expect(toHalfWidth("２０８０１０１")).toBe("2080101");
    expect(labelKey("收 入 总 计")).toBe("收入总计");
    expect(labelKey("因公出国(境)费")).toBe(labelKey("因公出国（境）费"));
    expect(labelKey("其它支出")).toBe("其他支出");
  });
  it("parses amounts as users type them", () => {
    expect(parseAmount("1,209.02")).toBe(1209.02);
    expect(parseAmount("１，２０９．０２")).toBe(1209.02);
    expect(parseAmount(" 12 ")).toBe(12);
    expect(parseAmount("(3.50)")).toBe(-3.5);
    expect(parseAmount("合计")).toBeNull();
    expect(parseAmount("")).toBeNull();
    expect(parseAmount("-")).toBeNull();
    expect(parseAmount(NaN)).toBeNull();
    expect(printedDecimals("140.30")).toBe(2);
    expect(printedDecimals("83")).toBe(0);
  });
});

describe("row insertion and deletion", () => {
  const { shiftFormulaRows } = require("../../src/core/formulaShift") as typeof import("../../src/core/formulaShift");
  it("moves references like Excel does", () => {
    expect(shiftFormulaRows("=SUM(C5:C9)+C3", "表", "表", 4, 2)).toBe("=SUM(C7:C11)+C3");
    expect(shiftFormulaRows("=SUM(C3:C9)", "表", "表", 5, 1)).toBe("=SUM(C3:C10)");
    expect(shiftFormulaRows("='支出 总表'!C8+C8", "收支总表", "支出 总表", 2, 3)).toBe("='支出 总表'!C11+C8");
    expect(shiftFormulaRows('=IF(A9="C9",1,0)', "表", "表", 0, 1)).toBe('=IF(A10="C9",1,0)');
    expect(shiftFormulaRows("=SUM(C3:C12)", "表", "表", 4, -2)).toBe("=SUM(C3:C10)");
  });

  it("inserts rows with edits, and undoes them exactly", () => {
    const wb = {
      sheets: [
        sheetFromRows("支出总表", [["208", "x", 5], ["2080150", "y", 5], [undefined, "合计", "=SUM(C1:C2)"]]),
        sheetFromRows("收支总表", [["社保", "=支出总表!C3"]]),
      ],
    };
    const before = JSON.stringify(wb);
    const cs = emptyChangeSet();
    cs.insertRows = [{ sheet: "支出总表", at: 1, count: 1 }];
    cs.edits.push({ sheet: "支出总表", r: 1, c: 0, cell: { value: "20801" } }, { sheet: "支出总表", r: 0, c: 1, cell: { value: "社会保障和就业支出" } });
    const inv = inverseOf(wb, cs);
    applyToModel(wb, cs);
    expect(getCell(wb.sheets[0], 1, 0)!.value).toBe("20801");
    expect(getCell(wb.sheets[0], 3, 2)!.formula).toBe("=SUM(C1:C3)");
    expect(getCell(wb.sheets[1], 0, 1)!.formula).toBe("=支出总表!C4");
    applyToModel(wb, inv);
    expect(JSON.stringify(wb)).toBe(before);
  });
});
