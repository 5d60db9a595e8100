/** The 插入模板 use case: guards, variant flags, planning without overwriting, undo only while untouched. */
import { getSheet, newSheet, setCell } from "../../../src/core/model";
import { planInsertion, renderTemplates } from "../../../src/core/templates";
import { canUndoInsert, insertTables, InsertRefused, planInsert, templateOptions, undoInsert, validateInsert, variantOptions, type InsertRequest } from "../../../src/core/workflows/insert";
import { MemoryHost } from "../../../src/hosts/memory/memoryHost";

/** The template renderer the use case is given (the pane passes its lazily loaded services; the CLI these). */
const TEMPLATES = { renderTemplates, planInsertion };

const req = (over: Partial<InsertRequest> = {}): InsertRequest => ({ year: 2025, unitName: "示例单位", scope: "部门", amountUnit: "万元", tables: ["T3"], formulas: true, ...over });

describe("insert use case", () => {
  it("guards: an empty unit name, a bad year, no tables, an unknown table — each on its field", () => {
    expect(validateInsert(req())).toEqual([]);
    expect(validateInsert(req({ unitName: "  " })).map((p) => [p.field, p.code])).toEqual([["unitName", "unit-empty"]]);
    expect(validateInsert(req({ year: 1999 })).map((p) => p.field)).toEqual(["year"]);
    expect(validateInsert(req({ tables: [] })).map((p) => p.code)).toEqual(["no-tables"]);
    expect(validateInsert(req({ tables: ["T99"] })).map((p) => p.code)).toEqual(["unknown-table"]);
    expect(() => planInsert({ sheets: [] }, req({ unitName: "" }), TEMPLATES)).toThrow(InsertRefused);
  });

  it("maps the layout variants once for the pane and the CLI", () => {
    expect(variantOptions({})).toEqual({ t4Expense: "amount", t1Expense: "amount", t5Basic: "split" });
    expect(variantOptions({ t4Funds: true, t1Split: true, t5Plain: true })).toEqual({ t4Expense: "funds", t1Expense: "split", t5Basic: "plain" });
    const opts = templateOptions(req({ unitName: " 某局 ", tables: ["T4"], variants: { t4Funds: true } }));
    expect(opts).toMatchObject({ unitName: "某局", tables: ["T4"], t4Expense: "funds" });
    const headers = renderTemplates(opts)[0].rows.slice(0, 6).flatMap((row) => (row ?? []).map((c) => c?.value));
    expect(headers).toEqual(expect.arrayContaining(["一般公共预算", "政府性基金预算", "国有资本经营预算"]));
  });

  it("inserts beside an existing sheet of the same name, and undo removes exactly the new sheets", async () => {
    const wb = { sheets: [newSheet("部门支出总表")] };
    const host = new MemoryHost(wb);
    const before = JSON.stringify(wb);
    const ins = await insertTables(host, req(), TEMPLATES);
    expect(ins.sheets).toEqual([{ id: "T3", name: "部门支出总表(2)" }]);
    expect(ins.renamed).toEqual([{ wanted: "部门支出总表", actual: "部门支出总表(2)" }]);
    expect(wb.sheets.map((s) => s.name)).toEqual(["部门支出总表", "部门支出总表(2)"]);
    expect(await undoInsert(host, ins)).toEqual({ status: "undone" });
    expect(JSON.stringify(wb)).toBe(before);
  });

  it("refuses undo once the user has typed into an inserted sheet, or removed one", async () => {
    const wb = { sheets: [newSheet("我的表")] };
    const host = new MemoryHost(wb);
    const ins = await insertTables(host, req({ tables: ["T3", "T5"] }), TEMPLATES);
    const t3 = getSheet(wb, "部门支出总表")!;
    const original = t3.rows[8]?.[3];
    setCell(t3, 8, 3, { value: 12.5 });
    expect(await undoInsert(host, ins)).toEqual({ status: "refused", reason: "edited" });
    expect(wb.sheets).toHaveLength(3);
    setCell(t3, 8, 3, original);
    expect(canUndoInsert(wb, ins)).toEqual({ status: "undone" });
    wb.sheets.splice(2, 1);
    expect(await undoInsert(host, ins)).toEqual({ status: "refused", reason: "missing" });
    expect(wb.sheets.map((s) => s.name)).toEqual(["我的表", "部门支出总表"]);
  });
});
