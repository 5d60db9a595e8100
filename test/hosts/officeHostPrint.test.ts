import { renderTemplateSet, planInsertion } from "../../src/core/templates";
import { sheetFromRows, type Workbook } from "../../src/core/model";
import { OfficeHost, type ExcelRun } from "../../src/hosts/office/officeHost";
import { detectCapabilities } from "../../src/hosts/office/features";
import { makeExcelMock, type ExcelMock } from "./excelMock";

/**
 * The Excel mock's run, with every worksheet it hands out watched: each read of
 * Worksheet.pageLayout is recorded with the sheet's name.
 */
function watchPageLayout(m: ExcelMock): { run: ExcelRun; touched: string[] } {
  const touched: string[] = [];
  const watch = <T extends object>(target: T, onGet: (t: T, p: string | symbol) => unknown): T =>
    new Proxy(target, { get: (t, p) => onGet(t, p) ?? Reflect.get(t, p) });
  const sheet = (ws: Excel.Worksheet, name: string) =>
    watch(ws, (_t, p) => {
      if (p === "pageLayout") touched.push(name);
      return undefined;
    });
  const run: ExcelRun = (batch) =>
    m.run((context) => {
      const worksheets = watch(context.workbook.worksheets, (t, p) =>
        p === "add" ? (name: string) => sheet(t.add(name), name) : p === "getItem" ? (name: string) => sheet(t.getItem(name), name) : undefined,
      );
      const workbook = watch(context.workbook, (_t, p) => (p === "worksheets" ? worksheets : undefined));
      return batch(watch(context, (_t, p) => (p === "workbook" ? workbook : undefined)));
    });
  return { run, touched };
}

function insertion() {
  const wb: Workbook = { sheets: [sheetFromRows("说明", [["x"]])] };
  const { changes } = planInsertion(wb, renderTemplateSet({ year: 2026, unitName: "某某单位", tables: ["T1", "T3", "T7"] }).sheets);
  return { wb, changes };
}

describe("Office.js host: print setup only where this Excel has it (office-addin-mock)", () => {
  it("with printSetup: every new sheet gets its page layout (the watch sees it)", async () => {
    const { wb, changes } = insertion();
    const m = makeExcelMock(wb);
    const w = watchPageLayout(m);
    await new OfficeHost(w.run, detectCapabilities({ isSetSupported: (set, v) => set === "ExcelApi" && Number(v?.split(".")[1] ?? 1) <= 13 }).has).applyChanges(changes);
    expect(m.addedSheets).toHaveLength(3);
    expect([...new Set(w.touched)].sort()).toEqual([...m.addedSheets].sort());
    expect(m.writes.filter((x) => x.op === "printTitleRows")).toHaveLength(3);
  });

  it("without printSetup: the same sheets, values and formulas are written in one sync, and pageLayout is never touched", async () => {
    const { wb, changes } = insertion();
    const withPrint = makeExcelMock(wb);
    await new OfficeHost(withPrint.run).applyChanges(changes);
    const m = makeExcelMock(wb);
    const w = watchPageLayout(m);
    await new OfficeHost(w.run, { write: true, printSetup: false }).applyChanges(changes);
    expect(m.syncs()).toBe(1);
    expect(m.addedSheets).toEqual(changes.newSheets.map((s) => s.name));
    expect(w.touched).toEqual([]);
    expect(m.writes.filter((x) => x.op === "printTitleRows")).toEqual([]);
    // everything else is as with print setup
    expect(m.writes).toEqual(withPrint.writes.filter((x) => x.op !== "printTitleRows"));
  });
});
