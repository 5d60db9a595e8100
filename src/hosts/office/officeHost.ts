/**
 * The Excel host over Office.js. Every operation costs a small constant number
 * of context.sync calls whatever the number of sheets, rows or cells:
 *   readWorkbook: 2 (sheet list, then every sheet's used range at once)
 *   applyChanges: 1 (everything queued, then one sync)
 *   select: 1
 *   markCells: 2 (read the original fills of all cells, then write the marks)
 *   clearMarks: 1 (restore every original fill)
 */
import { colToLetters, parseRangeA1, rangeToA1 } from "../../core/a1";
import { rowRuns, type ChangeSet } from "../../core/changes";
import { newSheet, setCell, usedRange, getCell, type Cell, type CellValue, type Sheet, type Workbook, type CellStyle } from "../../core/model";
import { HostError, type CellMark, type Selection, type WorkbookHost } from "../host";
import { storedMarks } from "../../core/workflows/check";
import type { Feature } from "./features";

/** A marked cell's fill before marking (RangeFill color, pattern and pattern colour as Excel reported them). */
interface FillOriginal {
  sheet: string;
  address: string;
  color: string | null;
  pattern: string | null;
  patternColor: string | null;
}

/** The document setting holding the 已核对 finding keys. */
export const CHECKED_SETTING = "budgetTables.checkedFindings";

/** What the host uses of Office.Settings. */
export interface DocumentSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(callback?: (result: { status: string; error?: { message?: string } }) => void): void;
}

/** More cells than this in one markCells call is refused (findings mark single cells). */
export const MAX_MARK_CELLS = 20000;

/** Split marks into single cells ("C7:D8" → C7, D7, C8, D8), first mark of a cell wins. */
export function markedCells(marks: CellMark[]): CellMark[] {
  const out = new Map<string, CellMark>();
  for (const m of marks) {
    const rr = parseRangeA1(m.address);
    const n = (rr.r2 - rr.r1 + 1) * (rr.c2 - rr.c1 + 1);
    if (out.size + n > MAX_MARK_CELLS) throw new HostError(`要标记的单元格太多（超过 ${MAX_MARK_CELLS} 个）。请只标记一部分结果。`, "too-large");
    for (let r = rr.r1; r <= rr.r2; r++)
      for (let c = rr.c1; c <= rr.c2; c++) {
        const address = `${colToLetters(c)}${r + 1}`;
        out.set(`${m.sheet}\u0000${address}`, { sheet: m.sheet, address, color: m.color });
      }
  }
  return [...out.values()];
}

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Cells per block when a workbook is too large to read in one response. */
export const READ_CHUNK_CELLS = 50_000;

const ERROR_CODES: Record<string, HostError["code"]> = {
  AccessDenied: "protected",
  InvalidOperationInCellEditMode: "other",
  RequestPayloadSizeLimitExceeded: "too-large",
  PayloadTooLarge: "too-large",
  ResponsePayloadSizeLimitExceeded: "too-large",
  ApiNotFound: "api-unsupported",
  ItemNotFound: "not-found",
};

const ERROR_TEXT: Record<HostError["code"], string> = {
  protected: "工作表受保护或只读，无法写入。请在“审阅 → 撤消工作表保护”后重试。",
  "too-large": "工作簿太大，一次请求装不下。请先选择较少的工作表（或删除空白行列）后重试。",
  "api-unsupported": "当前 Excel 版本不支持所需的功能（需要 ExcelApi 1.9 以上）。请更新 Office 或使用 Excel 网页版。",
  "not-found": "找不到指定的工作表或区域，可能已被重命名或删除。请重新读取工作簿。",
  unreadable: "无法读取工作簿。",
  other: "Excel 返回错误。",
};

/** Turn an Office.js error into a HostError with a Chinese message that says what to do. */
export function toHostError(e: unknown): HostError {
  if (e instanceof HostError) return e;
  const err = e as { code?: string; message?: string; debugInfo?: { code?: string } };
  const code = ERROR_CODES[err?.code ?? ""] ?? ERROR_CODES[err?.debugInfo?.code ?? ""] ?? "other";
  const detail = err?.message ? `（${err.message}）` : "";
  return new HostError(ERROR_TEXT[code] + (code === "other" ? detail : ""), code);
}

function isErrorType(t: string | undefined): boolean {
  return t === "Error";
}

/** Convert one loaded used range into a model sheet. */
export function sheetFromRange(
  name: string,
  address: string,
  values: unknown[][],
  formulas: unknown[][],
  numberFormat: unknown[][] | undefined,
  valueTypes: string[][] | undefined,
  mergedAddress: string | undefined,
): Sheet {
  const sheet = newSheet(name);
  const origin = parseRangeA1(address);
  for (let i = 0; i < values.length; i++) {
    const vrow = values[i];
    for (let j = 0; j < vrow.length; j++) {
      const raw = vrow[j];
      const f = formulas[i]?.[j];
      const fmt = numberFormat?.[i]?.[j];
      // Range.formulas gives a constant cell's value: a text "=HYPERLINK(…)" reads the same in both and is text, not a formula
      const isFormula = typeof f === "string" && f.startsWith("=") && f !== raw;
      const empty = raw === "" || raw === null || raw === undefined;
      if (empty && !isFormula) continue;
      let value: CellValue;
      if (isErrorType(valueTypes?.[i]?.[j])) value = { error: String(raw) };
      else if (typeof raw === "number" || typeof raw === "boolean" || typeof raw === "string") value = raw === "" ? null : raw;
      else value = null;
      const cell: Cell = { value };
      if (isFormula) cell.formula = f as string;
      if (typeof fmt === "string" && fmt !== "General" && fmt !== "") cell.numFmt = fmt;
      setCell(sheet, origin.r1 + i, origin.c1 + j, cell);
    }
  }
  if (mergedAddress) {
    sheet.merges = mergedAddress
      .split(",")
      .map((a) => a.trim())
      .filter(Boolean)
      .map((a) => parseRangeA1(a));
  }
  return sheet;
}

/**
 * A text Excel would not keep as that text when written through Range.values — it parses a
 * written string as if typed: "=…", "+…", "-…", "@…" become formulas, "2080101" or "10%" a
 * number, "TRUE" a boolean, "2024-01-01" a date, "#N/A" an error. Such a cell gets the text
 * number format "@" first, so the string is stored as it is.
 */
export function textNeedsTextFormat(s: string): boolean {
  const t = s.trim();
  if (/^[=+\-@]/.test(s)) return true;
  if (t === "") return false;
  if (/^[-+]?[(]?[¥$€£]?\s*(\d[\d,]*\.?\d*|\.\d+)([eE][-+]?\d+)?\s*%?[)]?$/.test(t)) return true;
  if (/^(true|false)$/i.test(t)) return true;
  if (/^\d{1,4}\s*[-/.年]\s*\d{1,2}\s*月?(\s*[-/.]?\s*\d{1,4}\s*日?)?$/.test(t) || /^\d{1,2}\s*月\s*\d{1,2}\s*日$/.test(t)) return true;
  if (/^\d{1,2}:\d{2}(:\d{2})?(\s*[AaPp][Mm])?$/.test(t)) return true;
  if (/^#(N\/A|REF!|VALUE!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|CALC!|GETTING_DATA)$/i.test(t)) return true;
  return false;
}

/** What goes into Range.values for a cell (null for a formula cell: a null in the grid leaves that cell to the formulas write). */
function valueInput(c: Cell | null | undefined): string | number | boolean | null {
  if (!c) return "";
  if (c.formula) return null;
  const v = c.value;
  if (v === null || v === undefined) return "";
  if (typeof v === "object") return v.error; // writing "#N/A" back restores the error value
  return v;
}

/** What goes into Range.formulas: the formula for a formula cell, null (leave alone) for every other. */
function formulaInput(c: Cell | null | undefined): string | null {
  return c?.formula ? c.formula : null;
}

/** The number format to write: the cell's own, or "@" for a text that Excel would otherwise turn into something else. */
function formatInput(c: Cell | null | undefined): string {
  if (c && !c.formula && typeof c.value === "string" && textNeedsTextFormat(c.value)) return "@";
  return c?.numFmt ?? "General";
}

/**
 * Queue the writes of a block of cells: number formats first (so "@" applies before the
 * text arrives), then values, then formulas only where the cells hold formulas. Text is
 * never written through Range.formulas, so "=HYPERLINK(…)" copied as text stays text.
 */
function queueCells(range: Excel.Range, grid: (Cell | null | undefined)[][]): void {
  range.numberFormat = grid.map((row) => row.map(formatInput));
  range.values = grid.map((row) => row.map(valueInput)) as unknown as (string | number | boolean)[][];
  if (grid.some((row) => row.some((c) => c?.formula))) range.formulas = grid.map((row) => row.map(formulaInput)) as unknown as string[][];
}

function applyStyle(range: Excel.Range, st: CellStyle): void {
  if (st.bold !== undefined) range.format.font.bold = st.bold;
  if (st.fontSize) range.format.font.size = st.fontSize;
  if (st.fill) range.format.fill.color = st.fill;
  if (st.horizontal) range.format.horizontalAlignment = st.horizontal === "left" ? "Left" : st.horizontal === "center" ? "Center" : "Right";
  if (st.wrap) range.format.wrapText = true;
  if (st.indent) range.format.indentLevel = st.indent;
  if (st.border) {
    for (const edge of ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal"] as const) {
      const b = range.format.borders.getItem(edge);
      b.style = "Continuous";
      b.color = "#808080";
    }
  }
}

function styleKey(st: CellStyle | undefined): string {
  return st ? JSON.stringify(st) : "";
}

/** Queue the writes that fill a sheet just added (no sync); `printSetup`: this Excel has Worksheet.pageLayout. */
function queueSheetContent(ws: Excel.Worksheet, sheet: Sheet, printSetup: boolean): void {
  const ur = usedRange(sheet);
  if (ur) {
    const rows = ur.r2 + 1;
    const cols = ur.c2 + 1;
    const grid: (Cell | undefined)[][] = [];
    for (let r = 0; r < rows; r++) {
      const row: (Cell | undefined)[] = [];
      for (let c = 0; c < cols; c++) row.push(getCell(sheet, r, c));
      grid.push(row);
    }
    queueCells(ws.getRangeByIndexes(0, 0, rows, cols), grid);
    // Styles: one range per run of equal style in a row.
    for (let r = 0; r < rows; r++) {
      let c = 0;
      while (c < cols) {
        const st = getCell(sheet, r, c)?.style;
        const key = styleKey(st);
        let end = c;
        while (end + 1 < cols && styleKey(getCell(sheet, r, end + 1)?.style) === key) end++;
        if (st) applyStyle(ws.getRangeByIndexes(r, c, 1, end - c + 1), st);
        c = end + 1;
      }
    }
  }
  for (const m of sheet.merges) ws.getRange(rangeToA1(m)).merge(false);
  sheet.colWidths?.forEach((w, i) => {
    if (w) ws.getRange(`${colToLetters(i)}:${colToLetters(i)}`).format.columnWidth = Math.round(w * 6 + 5);
  });
  if (sheet.frozenRows) ws.freezePanes.freezeRows(sheet.frozenRows);
  if (sheet.print && printSetup) queuePrint(ws, sheet.print);
}

/** Print setup (ExcelApi 1.9 pageLayout): orientation, fit to one page wide, repeated header rows. */
function queuePrint(ws: Excel.Worksheet, print: NonNullable<Sheet["print"]>): void {
  const layout = ws.pageLayout;
  layout.orientation = print.landscape ? "Landscape" : "Portrait";
  if (print.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  if (print.repeatRows) layout.setPrintTitleRows(`$${print.repeatRows.first + 1}:$${print.repeatRows.last + 1}`);
}

/**
 * The optional features this Excel has (Capabilities.has, src/hosts/office/features.ts). The host
 * leaves out what a missing one needs: without printSetup (ExcelApi 1.9 Worksheet.pageLayout)
 * new sheets are written without their print setup, never touching pageLayout.
 */
export type OfficeFeatures = Partial<Readonly<Record<Feature, boolean>>>;

export class OfficeHost implements WorkbookHost {
  readonly kind = "excel" as const;
  private readonly printSetup: boolean;
  /** `features`: what detectCapabilities() found; a feature not named there is taken to be present. */
  constructor(
    private readonly run: ExcelRun = (batch) => Excel.run(batch),
    features: OfficeFeatures = {},
  ) {
    this.printSetup = features.printSetup !== false;
  }

  /**
   * Read the whole workbook (or the named sheets): 2 syncs. When Excel answers that the
   * response is too large (Excel on the web caps a response at a few MB), read again in
   * blocks of rows — one sync per block of READ_CHUNK_CELLS cells — instead of failing.
   */
  async readWorkbook(options?: { sheets?: string[] }): Promise<Workbook> {
    try {
      return await this.readAtOnce(options);
    } catch (e) {
      const err = toHostError(e);
      if (err.code !== "too-large") throw err;
    }
    try {
      return await this.readInBlocks(options);
    } catch (e) {
      throw toHostError(e);
    }
  }

  private readAtOnce(options?: { sheets?: string[] }): Promise<Workbook> {
    return this.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name");
      await context.sync(); // 1: the sheet list
      const wanted = worksheets.items.filter((ws) => !options?.sheets || options.sheets.includes(ws.name));
      const loaded = wanted.map((ws) => {
        const range = ws.getUsedRangeOrNullObject(true);
        range.load("address,values,formulas,numberFormat,valueTypes");
        const merged = range.getMergedAreasOrNullObject();
        merged.load("address");
        ws.load("name");
        const protection = ws.protection;
        protection.load("protected");
        return { ws, range, merged, protection };
      });
      await context.sync(); // 2: every sheet's used range, formats and merges at once
      return {
        sheets: loaded.map(({ ws, range, merged, protection }) => {
          if (range.isNullObject === true) return newSheet(ws.name);
          const sheet = sheetFromRange(
            ws.name,
            range.address,
            range.values,
            range.formulas,
            range.numberFormat,
            range.valueTypes as unknown as string[][],
            merged.isNullObject === true ? undefined : merged.address,
          );
          if (protection.protected === true) sheet.protected = true;
          return sheet;
        }),
      };
    });
  }

  private readInBlocks(options?: { sheets?: string[] }): Promise<Workbook> {
    return this.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name");
      await context.sync();
      const wanted = worksheets.items.filter((ws) => !options?.sheets || options.sheets.includes(ws.name));
      const shapes = wanted.map((ws) => {
        const range = ws.getUsedRangeOrNullObject(true);
        range.load("address");
        const merged = range.getMergedAreasOrNullObject();
        merged.load("address");
        const protection = ws.protection;
        protection.load("protected");
        return { ws, range, merged, protection };
      });
      await context.sync(); // the used ranges' addresses only
      const sheets: Sheet[] = [];
      for (const { ws, range, merged, protection } of shapes) {
        const sheet = newSheet(ws.name);
        if (protection.protected === true) sheet.protected = true;
        sheets.push(sheet);
        if (range.isNullObject === true) continue;
        const used = parseRangeA1(range.address);
        const cols = used.c2 - used.c1 + 1;
        const step = Math.max(1, Math.floor(READ_CHUNK_CELLS / cols));
        for (let r = used.r1; r <= used.r2; r += step) {
          const rows = Math.min(step, used.r2 - r + 1);
          const block = ws.getRangeByIndexes(r, used.c1, rows, cols);
          block.load("address,values,formulas,numberFormat,valueTypes");
          await context.sync(); // one block of rows
          const part = sheetFromRange(ws.name, block.address, block.values, block.formulas, block.numberFormat, block.valueTypes as unknown as string[][], undefined);
          part.rows.forEach((row, i) => {
            if (row) sheet.rows[i] = row;
          });
        }
        if (merged.isNullObject !== true) sheet.merges = sheetFromRange(ws.name, "A1", [], [], undefined, undefined, merged.address).merges;
      }
      return { sheets };
    });
  }

  async applyChanges(changes: ChangeSet): Promise<void> {
    try {
      await this.run(async (context) => {
        const sheets = context.workbook.worksheets;
        for (const name of changes.removeSheets) sheets.getItem(name).delete();
        // Add every new sheet before writing any formula: a formula that refers to a sheet
        // not yet there would be stored as #REF! (templates link 收支总表 to 支出总表 and others).
        const added = changes.newSheets.map((sheet) => ({ sheet, ws: sheets.add(sheet.name) }));
        for (const { sheet, ws } of added) queueSheetContent(ws, sheet, this.printSetup);
        for (const b of changes.insertRows ?? []) sheets.getItem(b.sheet).getRange(`${b.at + 1}:${b.at + b.count}`).insert("Down");
        for (const run of rowRuns(changes.edits)) {
          const range = sheets.getItem(run.sheet).getRangeByIndexes(run.r, run.c, 1, run.cells.length);
          queueCells(range, [run.cells]);
          run.cells.forEach((c, i) => {
            if (c?.style) applyStyle(range.getCell(0, i), c.style);
          });
        }
        for (const b of changes.deleteRows ?? []) sheets.getItem(b.sheet).getRange(`${b.at + 1}:${b.at + b.count}`).delete("Up");
        await context.sync(); // the only sync
      });
    } catch (e) {
      throw toHostError(e);
    }
  }

  async select(target: Selection): Promise<void> {
    try {
      await this.run(async (context) => {
        const ws = context.workbook.worksheets.getItem(target.sheet);
        ws.activate();
        ws.getRange(target.address).select();
        await context.sync();
      });
    } catch (e) {
      throw toHostError(e);
    }
  }

  /** Originals of the marked cells, by "sheet\0A1". */
  private readonly marks = new Map<string, FillOriginal>();

  async markCells(marks: CellMark[]): Promise<void> {
    const cells = markedCells(marks);
    if (!cells.length) return;
    try {
      await this.run(async (context) => {
        const sheets = context.workbook.worksheets;
        const fresh = cells.filter((m) => !this.marks.has(`${m.sheet}\u0000${m.address}`));
        const read = fresh.map((m) => {
          const fill = sheets.getItem(m.sheet).getRange(m.address).format.fill;
          fill.load("color,pattern,patternColor");
          return { m, fill };
        });
        await context.sync(); // 1: every original fill at once
        const originals: FillOriginal[] = read.map(({ m, fill }) => ({
          sheet: m.sheet,
          address: m.address,
          color: fill.color ?? null,
          pattern: (fill.pattern as string | undefined) ?? null,
          patternColor: fill.patternColor ?? null,
        }));
        for (const m of cells) sheets.getItem(m.sheet).getRange(m.address).format.fill.color = m.color;
        await context.sync(); // 2: every mark at once
        for (const o of originals) this.marks.set(`${o.sheet}\u0000${o.address}`, o);
      });
    } catch (e) {
      throw toHostError(e);
    }
  }

  async clearMarks(): Promise<void> {
    if (!this.marks.size) return;
    try {
      await this.run(async (context) => {
        const sheets = context.workbook.worksheets;
        for (const o of this.marks.values()) {
          const fill = sheets.getItem(o.sheet).getRange(o.address).format.fill;
          const noFill = o.pattern === "None" || (o.pattern === null && (o.color === null || o.color.toUpperCase() === "#FFFFFF"));
          if (noFill) {
            fill.clear();
            continue;
          }
          if (o.color !== null) fill.color = o.color;
          if (o.pattern !== null && o.pattern !== "Solid") fill.pattern = o.pattern as Excel.FillPattern;
          if (o.patternColor !== null && o.pattern !== null && o.pattern !== "Solid") fill.patternColor = o.patternColor;
        }
        await context.sync(); // the only sync
      });
      this.marks.clear();
    } catch (e) {
      throw toHostError(e);
    }
  }

  markedCount(): number {
    return this.marks.size;
  }

  async activateSheet(name: string): Promise<void> {
    try {
      await this.run(async (context) => {
        context.workbook.worksheets.getItem(name).activate();
        await context.sync();
      });
    } catch (e) {
      throw toHostError(e);
    }
  }

  // — checked marks (已核对): in the document's settings (Office.context.document.settings),
  // which Excel stores in the workbook file, so the marks travel with the workbook.

  /** The document settings (replaceable in tests). */
  documentSettings: () => DocumentSettings = () => Office.context.document.settings as unknown as DocumentSettings;

  async loadCheckedFindings(): Promise<string[]> {
    try {
      return storedMarks(this.documentSettings().get(CHECKED_SETTING));
    } catch {
      return [];
    }
  }

  async saveCheckedFindings(keys: string[]): Promise<void> {
    let settings: DocumentSettings;
    try {
      settings = this.documentSettings();
      settings.set(CHECKED_SETTING, storedMarks(keys));
    } catch (e) {
      throw new HostError(`无法保存“已核对”标记（工作簿设置不可用）。${(e as Error)?.message ?? ""}`.trim(), "api-unsupported");
    }
    await new Promise<void>((resolve, reject) =>
      settings.saveAsync((r) => (r && r.status === "failed" ? reject(new HostError(`无法保存“已核对”标记：${r.error?.message ?? "Excel 未能保存工作簿设置"}。`, "other")) : resolve())),
    );
  }

  async getSelection(): Promise<Selection | null> {
    try {
      return await this.run(async (context) => {
        const range = context.workbook.getSelectedRange();
        range.load("address");
        await context.sync();
        const addr: string = range.address;
        const bang = addr.lastIndexOf("!");
        if (bang < 0) return null;
        return { sheet: addr.slice(0, bang).replace(/^'|'$/g, "").replace(/''/g, "'"), address: addr.slice(bang + 1) };
      });
    } catch (e) {
      throw toHostError(e);
    }
  }
}
