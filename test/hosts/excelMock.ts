/**
 * A simulated Excel for the Office.js host tests, built on office-addin-mock.
 * Loaded properties only become readable after context.sync(), as in Excel, and
 * every sync is counted. Writes are recorded per sheet.
 *
 * office-addin-mock does not walk into arrays (worksheets.items) on sync, so the
 * harness keeps a registry of the mock objects it hands out and syncs them too.
 */
import { OfficeMockObject } from "office-addin-mock";
import { rangeToA1 } from "../../src/core/a1";
import { usedRange, getCell, type Workbook } from "../../src/core/model";
import type { ExcelRun } from "../../src/hosts/office/officeHost";

export interface WriteRecord {
  sheet: string;
  op: string;
  address?: string;
  row?: number;
  col?: number;
  rows?: number;
  cols?: number;
  value?: unknown;
}

export interface ExcelMock {
  run: ExcelRun;
  syncs: () => number;
  writes: WriteRecord[];
  addedSheets: string[];
  selected: { sheet: string; address: string } | null;
}

function recordingRange(sheet: string, writes: WriteRecord[], where: Partial<WriteRecord>): Record<string, unknown> {
  const rec = (op: string, value?: unknown) => writes.push({ sheet, op, ...where, value });
  const border = () => ({});
  const target: Record<string, unknown> = {
    format: {
      font: {},
      fill: {},
      borders: { getItem: border },
    },
    merge: () => rec("merge"),
    insert: (shift: string) => rec("insert", shift),
    delete: (shift: string) => rec("delete", shift),
    select: () => rec("select"),
    getCell: (r: number, c: number) => recordingRange(sheet, writes, { ...where, op: "cell", row: (where.row ?? 0) + r, col: (where.col ?? 0) + c }),
  };
  return new Proxy(target, {
    set(obj, prop, value) {
      if (prop === "values" || prop === "formulas" || prop === "numberFormat") rec(String(prop), value);
      obj[prop as string] = value;
      return true;
    },
  });
}

export function makeExcelMock(wb: Workbook): ExcelMock {
  let syncs = 0;
  const registry: OfficeMockObject[] = [];
  const writes: WriteRecord[] = [];
  const addedSheets: string[] = [];
  const state: { selected: { sheet: string; address: string } | null } = { selected: null };

  const sheetMock = (name: string, sheet = wb.sheets.find((s) => s.name === name)) => {
    const ur = sheet ? usedRange(sheet) : null;
    const rect = ur ? { r1: 0, c1: 0, r2: ur.r2, c2: ur.c2 } : null;
    const grid = (f: (r: number, c: number) => unknown) =>
      rect ? Array.from({ length: rect.r2 + 1 }, (_, r) => Array.from({ length: rect.c2 + 1 }, (_, c) => f(r, c))) : [];
    const valueOf = (r: number, c: number) => {
      const v = sheet && getCell(sheet, r, c)?.value;
      if (v === null || v === undefined) return "";
      return typeof v === "object" ? v.error : v;
    };
    const mock = new OfficeMockObject({
      name,
      protection: { protected: !!sheet?.protected },
      usedRange: {
        address: rect ? `${name}!${rangeToA1(rect)}` : "",
        values: grid(valueOf),
        formulas: grid((r, c) => (sheet && getCell(sheet, r, c)?.formula) ?? valueOf(r, c)),
        numberFormat: grid((r, c) => (sheet && getCell(sheet, r, c)?.numFmt) ?? "General"),
        valueTypes: grid((r, c) => {
          const v = sheet && getCell(sheet, r, c)?.value;
          return v && typeof v === "object" ? "Error" : typeof v === "number" ? "Double" : v ? "String" : "Empty";
        }),
        merged: { address: (sheet?.merges ?? []).map((m) => `${name}!${rangeToA1(m)}`).join(", ") },
        getMergedAreasOrNullObject: function () {
          return this.merged;
        },
      },
      getUsedRangeOrNullObject: function () {
        return this.usedRange;
      },
      getRangeByIndexes: (row: number, col: number, rows: number, cols: number) => recordingRange(name, writes, { row, col, rows, cols }),
      getRange: (address: string) => recordingRange(name, writes, { address }),
      freezePanes: { freezeRows: (n: number) => writes.push({ sheet: name, op: "freezeRows", value: n }) },
      // Print setup: orientation and zoom are plain properties; print title rows are recorded.
      pageLayout: { setPrintTitleRows: (rows: string) => writes.push({ sheet: name, op: "printTitleRows", value: rows }) },
      activate: () => writes.push({ sheet: name, op: "activate" }),
      delete: () => writes.push({ sheet: name, op: "delete" }),
    });
    // The sheet list is loaded with "items/name": make the names readable as Excel would.
    mock.load("name");
    void mock.sync();
    registry.push(mock);
    return mock;
  };

  const items = wb.sheets.map((s) => sheetMock(s.name));
  const mock = new OfficeMockObject({
    context: {
      workbook: {
        worksheets: {
          items,
          load: function () {
            // office-addin-mock cannot load "items/name" through an array; "items" is what it can do.
            return OfficeMockObject.prototype.load.call(this, "items");
          },
          add: (name: string) => {
            addedSheets.push(name);
            return sheetMock(name, undefined);
          },
          getItem: (name: string) => items.find((m) => m.name === name) ?? sheetMock(name),
        },
        selectedRange: { address: "Sheet1!A1" },
        getSelectedRange: function () {
          return this.selectedRange;
        },
      },
    },
  });
  const context = mock.context as OfficeMockObject & { sync: () => Promise<void> };
  const baseSync = context.sync.bind(context);
  context.sync = async () => {
    syncs++;
    await baseSync();
    for (const m of registry) await m.sync();
  };
  const run: ExcelRun = async (batch) => batch(context as unknown as Excel.RequestContext);
  return {
    run,
    syncs: () => syncs,
    writes,
    addedSheets,
    get selected() {
      return state.selected;
    },
  } as ExcelMock;
}
