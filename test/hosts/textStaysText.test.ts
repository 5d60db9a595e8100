/**
 * Text stays text in every host: a text is written as a value, never as a formula,
 * unless the change set marks a formula; undo restores exactly what was there.
 */
import { emptyChangeSet, inverseOf, type ChangeSet } from "../../src/core/changes";
import { getCell, getSheet, sheetFromRows, type Workbook } from "../../src/core/model";
import { buildReportSheet } from "../../src/core/report/reportSheet";
import { MemoryHost } from "../../src/hosts/memory/memoryHost";
import { OfficeHost, textNeedsTextFormat } from "../../src/hosts/office/officeHost";
import { makeExcelMock } from "./excelMock";

const LINK = '=HYPERLINK("http://czj.example.gov.cn/yusuan","公开平台")';

function book(): Workbook {
  const s = sheetFromRows("一般公共预算支出表", [
    ["科目编码", "科目名称", "合计"],
    ["2080101", "行政运行", 571.56],
    ["2080199", "其他人力资源和社会保障管理事务支出", 383.76],
    [undefined, "合计", "=SUM(C2:C3)"],
  ]);
  s.rows[3][2]!.value = 955.32;
  s.rows[1][3] = { value: LINK }; // a text that looks like a formula, as a user typed it with '
  return { sheets: [s] };
}

function edits(cs: ChangeSet, list: [number, number, ChangeSet["edits"][number]["cell"]][]): ChangeSet {
  for (const [r, c, cell] of list) cs.edits.push({ sheet: "一般公共预算支出表", r, c, cell });
  return cs;
}

describe("Office host: text is written as text", () => {
  it("writes a text starting with = through values with the text format, a formula only where the change marks one — in one sync", async () => {
    const m = makeExcelMock(book());
    const cs = edits(emptyChangeSet(), [
      [4, 1, { value: LINK }],
      [4, 2, { value: null, formula: "=SUM(C2:C3)" }],
      [5, 0, { value: "2080505" }],
      [5, 1, { value: "机关事业单位基本养老保险缴费支出" }],
    ]);
    await new OfficeHost(m.run).applyChanges(cs);
    expect(m.syncs()).toBe(1);
    const formulaWrites = m.writes.filter((w) => w.op === "formulas").flatMap((w) => (w.value as unknown[][]).flat());
    expect(formulaWrites).not.toContain(LINK);
    expect(formulaWrites).toContain("=SUM(C2:C3)");
    const valueWrites = m.writes.filter((w) => w.op === "values");
    const row4 = valueWrites.find((w) => (w.value as unknown[][])[0].includes(LINK))!;
    expect((row4.value as unknown[][])[0]).toEqual([LINK, null]); // the formula cell is left to the formulas write
    const formatAt = (row: number) => m.writes.find((w) => w.op === "numberFormat" && w.row === row)!.value as unknown[][];
    expect(formatAt(4)).toEqual([["@", "General"]]); // the text cell as text, the formula cell as the change asks
    // the code written as text stays text (Excel would turn "2080505" into a number); a plain name needs nothing
    expect(formatAt(5)).toEqual([["@", "General"]]);
    expect(m.writes.filter((w) => w.op === "formulas" && w.row === 5)).toEqual([]);
  });

  it("reads a text that looks like a formula as text, and undo writes it back as text", async () => {
    const wb = book();
    const host = new OfficeHost(makeExcelMock(wb).run);
    const read = await host.readWorkbook();
    const s = getSheet(read, "一般公共预算支出表")!;
    expect(getCell(s, 1, 3)).toEqual({ value: LINK });
    expect(getCell(s, 3, 2)!.formula).toBe("=SUM(C2:C3)");
    // overwrite both, then undo
    const cs = edits(emptyChangeSet(), [
      [1, 3, { value: "新值" }],
      [3, 2, { value: 1 }],
    ]);
    const undo = inverseOf(read, cs);
    const m2 = makeExcelMock(wb);
    await new OfficeHost(m2.run).applyChanges(undo);
    expect(m2.syncs()).toBe(1);
    const formulas = m2.writes.filter((w) => w.op === "formulas").flatMap((w) => (w.value as unknown[][]).flat());
    expect(formulas).toEqual(["=SUM(C2:C3)"]); // the formula comes back as a formula …
    const values = m2.writes.filter((w) => w.op === "values").flatMap((w) => (w.value as unknown[][]).flat());
    expect(values).toContain(LINK); // … and the text as text
  });

  it("the 审核结果 sheet: its HYPERLINKs are formulas, its messages text even when they start with = or -", async () => {
    const sheet = buildReportSheet(
      [
        { ruleId: "total-row", severity: "error", sheet: "一般公共预算支出表", cell: "C4", message: "=合计行与明细不符", expected: 955.32, actual: 955.33 },
        { ruleId: "names", severity: "warning", sheet: "一般公共预算支出表", cell: "B3", message: "-名称截断", expected: "其他人力资源和社会保障管理事务支出", actual: "其他人力资源和社会保障管理" },
      ] as never,
      [],
    );
    const cs = emptyChangeSet();
    cs.newSheets.push(sheet);
    const m = makeExcelMock(book());
    await new OfficeHost(m.run).applyChanges(cs);
    const block = (op: string) => m.writes.find((w) => w.op === op && w.sheet === sheet.name)!.value as unknown[][];
    const formulas = block("formulas").flat().filter((x) => x !== null);
    expect(formulas.length).toBeGreaterThan(0);
    expect(formulas.every((f) => typeof f === "string" && f.startsWith("=HYPERLINK("))).toBe(true);
    const values = block("values").flat();
    expect(values).toContain("=合计行与明细不符");
    expect(values).toContain("-名称截断");
  });

  it.each([
    ["=HYPERLINK(\"x\")", true],
    ["+86 10 1234", true],
    ["-5", true],
    ["2080101", true],
    ["10%", true],
    ["1,209.02", true],
    ["TRUE", true],
    ["2024-01-15", true],
    ["2024年1月", true],
    ["#N/A", true],
    ["208 01 01", false],
    ["行政运行", false],
    ["社会保障和就业支出1209.02万元", false],
    ["", false],
  ])("%s needs the text format: %s", (text, yes) => {
    expect(textNeedsTextFormat(text)).toBe(yes);
  });
});

describe("memory host: text stays text, undo restores value or formula", () => {
  it("keeps a text starting with = as a value and restores a formula as a formula", async () => {
    const wb = book();
    const host = new MemoryHost(wb);
    const cs = edits(emptyChangeSet(), [
      [4, 1, { value: LINK }],
      [3, 2, { value: 7 }],
    ]);
    const undo = inverseOf(wb, cs);
    await host.applyChanges(cs);
    const s = getSheet(wb, "一般公共预算支出表")!;
    expect(getCell(s, 4, 1)).toEqual({ value: LINK });
    expect(getCell(s, 3, 2)!.formula).toBeUndefined();
    await host.applyChanges(undo);
    expect(getCell(s, 4, 1)).toBeUndefined();
    expect(getCell(s, 3, 2)).toMatchObject({ formula: "=SUM(C2:C3)", value: 955.32 });
    expect(getCell(s, 1, 3)).toEqual({ value: LINK });
  });
});

describe("xlsx host: text stays text", () => {
  it("a new workbook written through exceljs keeps a text starting with = as text, and a formula as a formula", async () => {
    const { writeXlsxBuffer, readXlsxBuffer } = await import("../../src/hosts/xlsx/xlsxHost");
    const { entries } = await import("./patchCompare");
    const buf = await writeXlsxBuffer(book());
    const xml = (await entries(buf)).get("xl/worksheets/sheet1.xml")!.toString("utf8");
    expect(xml).not.toContain("<f>HYPERLINK");
    expect(xml).toContain("<f>SUM(C2:C3)</f>");
    const back = await readXlsxBuffer(buf);
    expect(getCell(back.sheets[0], 1, 3)).toEqual({ value: LINK });
  });
});
