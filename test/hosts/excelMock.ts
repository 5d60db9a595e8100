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
  target.__raw = target; // reads fill the object directly, without being recorded as writes
  return new Proxy(target, {
    set(obj, prop, value) {
      if (prop === "values" || prop === "formulas" || prop === "numberFormat") rec(String(prop), value);
      obj[prop as string] = value;
      return true;
    },
  });
}

export interface ExcelMockOptions {
  /**
   * Like Excel on the web: a sync whose loaded cell data (values, formulas, formats, types)
   * exceeds this many cells fails with ResponsePayloadSizeLimitExceeded.
   */
  responseLimitCells?: number;
}

export function makeExcelMock(wb: Workbook, opts: ExcelMockOptions = {}): ExcelMock {
  let syncs = 0;
  /** Cells of data loaded since the last sync. */
  let pendingCells = 0;
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
    const typeOf = (r: number, c: number) => {
      const v = sheet && getCell(sheet, r, c)?.value;
      return v && typeof v === "object" ? "Error" : typeof v === "number" ? "Double" : v ? "String" : "Empty";
    };
    const mock = new OfficeMockObject({
      name,
      protection: { protected: !!sheet?.protected },
      usedRange: {
        address: rect ? `${name}!${rangeToA1(rect)}` : "",
        values: grid(valueOf),
        formulas: grid((r, c) => (sheet && getCell(sheet, r, c)?.formula) ?? valueOf(r, c)),
        numberFormat: grid((r, c) => (sheet && getCell(sheet, r, c)?.numFmt) ?? "General"),
        valueTypes: grid(typeOf),
        load: function (props: string) {
          if (/values|formulas/.test(props) && rect) pendingCells += (rect.r2 + 1) * (rect.c2 + 1);
          return OfficeMockObject.prototype.load.call(this, props);
        },
        merged: { address: (sheet?.merges ?? []).map((m) => `${name}!${rangeToA1(m)}`).join(", ") },
        getMergedAreasOrNullObject: function () {
          return this.merged;
        },
      },
      getUsedRangeOrNullObject: function () {
        return this.usedRange;
      },
      getRangeByIndexes: (row: number, col: number, rows: number, cols: number) => {
        const range = recordingRange(name, writes, { row, col, rows, cols });
        // Reading a block (the chunked read of huge sheets): loading fills it from the model.
        range.load = (props: string) => {
          const block = (f: (r: number, c: number) => unknown) => Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => f(row + i, col + j)));
          const target = range as Record<string, unknown> & { __raw?: Record<string, unknown> };
          const raw = (target.__raw ?? target) as Record<string, unknown>;
          raw.address = `${name}!${rangeToA1({ r1: row, c1: col, r2: row + rows - 1, c2: col + cols - 1 })}`;
          raw.values = block(valueOf);
          raw.formulas = block((r, c) => (sheet && getCell(sheet, r, c)?.formula) ?? valueOf(r, c));
          raw.numberFormat = block((r, c) => (sheet && getCell(sheet, r, c)?.numFmt) ?? "General");
          raw.valueTypes = block(typeOf);
          if (/values|formulas/.test(props)) pendingCells += rows * cols;
          return range;
        };
        return range;
      },
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
            writes.push({ sheet: name, op: "addSheet" });
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
    const cells = pendingCells;
    pendingCells = 0;
    if (opts.responseLimitCells !== undefined && cells > opts.responseLimitCells) {
      throw Object.assign(new Error("The response payload size has exceeded the limit."), { code: "ResponsePayloadSizeLimitExceeded" });
    }
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
