import { emptyChangeSet } from "../../src/core/changes";
import { getCell, sheetFromRows, type Workbook } from "../../src/core/model";
import { OfficeHost, toHostError } from "../../src/hosts/office/officeHost";
import { makeExcelMock } from "./excelMock";

function workbook(sheets: number, rows: number): Workbook {
  return {
    sheets: Array.from({ length: sheets }, (_, s) =>
      sheetFromRows(`表${s + 1}`, [
        ["科目编码", "科目名称", "合计"],
        ...Array.from({ length: rows }, (_, r) => [String(2080101 + r), `科目${r}`, r + 0.25]),
        [undefined, "合计", `=SUM(C2:C${rows + 1})`],
      ]),
    ),
  };
}

describe("Office.js host (office-addin-mock)", () => {
  it("reads 10 sheets × 1,000 rows in as many syncs as 1 sheet × 10 rows", async () => {
    const small = makeExcelMock(workbook(1, 10));
    const big = makeExcelMock(workbook(10, 1000));
    const a = await new OfficeHost(small.run).readWorkbook();
    const b = await new OfficeHost(big.run).readWorkbook();
    expect(a.sheets).toHaveLength(1);
    expect(b.sheets).toHaveLength(10);
    expect(getCell(b.sheets[9], 1000, 2)!.value).toBe(999.25);
    expect(getCell(b.sheets[9], 1001, 2)!.formula).toBe("=SUM(C2:C1001)");
    expect(small.syncs()).toBe(2);
    expect(big.syncs()).toBe(small.syncs());
  });

  it("reads each sheet's protection in the same 2 syncs as its cells (no round trip of its own), and fill plans nothing there", async () => {
    const wb = workbook(3, 10);
    wb.sheets[1].protected = true;
    const m = makeExcelMock(wb);
    const read = await new OfficeHost(m.run).readWorkbook();
    expect(read.sheets.map((s) => !!s.protected)).toEqual([false, true, false]);
    expect(m.syncs()).toBe(2);
    // the fill use case reads once and names the protected sheet (core/workflows/fill.ts)
    const { previewFill } = await import("../../src/core/workflows/fill");
    const { builtinCatalog } = await import("../../src/core/catalog/builtin");
    const host = new OfficeHost(m.run);
    const before = m.syncs();
    const preview = await previewFill(host, builtinCatalog(), { scope: "all", year: 2024, fixNames: true, addParents: false, indent: false });
    expect(m.syncs() - before).toBe(2);
    expect(preview.protectedSheets).toEqual(["表2"]);
    expect(preview.plan.changes.edits.filter((e) => e.sheet === "表2")).toEqual([]);
  });

  it("keeps merges, number formats and error values when reading", async () => {
    const wb = workbook(1, 2);
    wb.sheets[0].merges.push({ r1: 0, c1: 0, r2: 0, c2: 1 });
    wb.sheets[0].rows[1][2] = { value: 12.5, numFmt: "#,##0.00" };
    wb.sheets[0].rows[2][2] = { value: { error: "#REF!" } };
    const m = makeExcelMock(wb);
    const read = await new OfficeHost(m.run).readWorkbook();
    expect(read.sheets[0].merges).toEqual([{ r1: 0, c1: 0, r2: 0, c2: 1 }]);
    expect(getCell(read.sheets[0], 1, 2)).toMatchObject({ value: 12.5, numFmt: "#,##0.00" });
    expect(getCell(read.sheets[0], 2, 2)!.value).toEqual({ error: "#REF!" });
  });

  it("writes new sheets and edits in one sync, whatever their size", async () => {
    const cs = emptyChangeSet();
    cs.newSheets.push(...workbook(5, 400).sheets.map((s) => ({ ...s, name: `新${s.name}`, frozenRows: 1 })));
    for (let r = 0; r < 300; r++) cs.edits.push({ sheet: "表1", r, c: 1, cell: { value: `名称${r}` } });
    const m = makeExcelMock(workbook(1, 300));
    await new OfficeHost(m.run).applyChanges(cs);
    expect(m.syncs()).toBe(1);
    expect(m.addedSheets).toEqual(["新表1", "新表2", "新表3", "新表4", "新表5"]);
    // one block write per new sheet, and the 300 edits of one column as 300 single-cell runs … batched in that one sync
    const blockWrites = m.writes.filter((w) => w.op === "formulas" && w.rows && w.rows > 1);
    expect(blockWrites).toHaveLength(5);
    expect((blockWrites[0].value as unknown[][])[401][2]).toBe("=SUM(C2:C401)");
    expect(m.writes.filter((w) => w.op === "freezeRows")).toHaveLength(5);
  });

  it("turns Excel errors into Chinese messages that say what to do", () => {
    expect(toHostError({ code: "AccessDenied" }).message).toContain("撤消工作表保护");
    expect(toHostError({ code: "RequestPayloadSizeLimitExceeded" }).code).toBe("too-large");
    expect(toHostError({ code: "Weird", message: "x" }).message).toContain("Excel 返回错误");
  });
});

describe("Office.js host: a workbook too large for one response", () => {
  it("reads it again in blocks of rows instead of failing, with the same result", async () => {
    const wb = workbook(3, 3000); // 3 sheets × 3,002 rows × 3 columns ≈ 27,000 cells
    wb.sheets[1].merges.push({ r1: 0, c1: 0, r2: 0, c2: 2 });
    const normal = await new OfficeHost(makeExcelMock(wb).run).readWorkbook();
    const limited = makeExcelMock(wb, { responseLimitCells: 10_000 });
    const read = await new OfficeHost(limited.run).readWorkbook();
    expect(JSON.stringify(read)).toBe(JSON.stringify(normal));
    expect(getCell(read.sheets[2], 3000, 2)!.value).toBe(2999.25);
    expect(read.sheets[1].merges).toEqual([{ r1: 0, c1: 0, r2: 0, c2: 2 }]);
    // failed attempt (2) + sheet list and addresses (2) + one sync per block of rows
    expect(limited.syncs()).toBeGreaterThan(4);
  });

  it("still says clearly when even one block is too large", async () => {
    const limited = makeExcelMock(workbook(1, 200), { responseLimitCells: 1 });
    await expect(new OfficeHost(limited.run).readWorkbook()).rejects.toThrow("工作簿太大");
  });
});

describe("Office.js host: new sheets that refer to each other", () => {
  it("adds every sheet before writing any formula, so cross-sheet references never become #REF!", async () => {
    const cs = emptyChangeSet();
    cs.newSheets.push(sheetFromRows("收支总表", [["社会保障和就业支出", "='支出总表'!C5"]]), sheetFromRows("支出总表", [["208", "x", 1]]));
    const m = makeExcelMock(workbook(1, 1));
    await new OfficeHost(m.run).applyChanges(cs);
    const ops = m.writes.map((w) => w.op);
    const lastAdd = ops.lastIndexOf("addSheet");
    const firstFormula = ops.indexOf("formulas");
    expect(lastAdd).toBeGreaterThanOrEqual(0);
    expect(firstFormula).toBeGreaterThan(lastAdd);
  });
});
