/**
 * The workbook model: what every host adapter reads a workbook into and what
 * every core module works on. Pure data, no Office and no DOM.
 *
 * Rows and columns are 0-based internally; addresses shown to users are A1.
 */

/** An Excel error value such as #DIV/0! or #REF!. */
export interface CellError {
  error: string;
}

export type CellValue = number | string | boolean | CellError | null;

export interface CellStyle {
  bold?: boolean;
  fill?: string; // "#RRGGBB"
  horizontal?: "left" | "center" | "right";
  wrap?: boolean;
  border?: boolean;
  fontSize?: number;
  indent?: number;
}

export interface Cell {
  /** The value Excel shows (for a formula: its last computed result, or null if unknown). */
  value: CellValue;
  /** Formula text with the leading "=", e.g. "=SUM(C5:C9)". */
  formula?: string;
  /** Excel number format code, e.g. "#,##0.00". "General" is left out. */
  numFmt?: string;
  style?: CellStyle;
}

/** A rectangular block, inclusive, 0-based. */
export interface RangeRef {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export interface Sheet {
  name: string;
  /** Sparse: rows[r][c]. Missing entries are empty cells. */
  rows: (Cell | undefined)[][];
  merges: RangeRef[];
  /** Column widths in Excel character units, by column index (optional). */
  colWidths?: (number | undefined)[];
  /** Number of header rows frozen at the top, if any. */
  frozenRows?: number;
  protected?: boolean;
  /** Print setup (optional, set by templates): landscape pages, fit to one page wide, rows repeated on every page (0-based, inclusive). */
  print?: SheetPrint;
}

export interface SheetPrint {
  landscape?: boolean;
  fitToWidth?: boolean;
  repeatRows?: { first: number; last: number };
}

export interface Workbook {
  sheets: Sheet[];
}

export function isCellError(v: unknown): v is CellError {
  return typeof v === "object" && v !== null && typeof (v as CellError).error === "string";
}

export function newSheet(name: string): Sheet {
  return { name, rows: [], merges: [] };
}

export function newWorkbook(sheets: Sheet[] = []): Workbook {
  return { sheets };
}

export function getSheet(wb: Workbook, name: string): Sheet | undefined {
  return wb.sheets.find((s) => s.name === name);
}

export function getCell(sheet: Sheet, r: number, c: number): Cell | undefined {
  const row = sheet.rows[r];
  return row ? row[c] : undefined;
}

export function setCell(sheet: Sheet, r: number, c: number, cell: Cell | undefined): void {
  let row = sheet.rows[r];
  if (!row) {
    if (cell === undefined) return;
    row = sheet.rows[r] = [];
  }
  if (cell !== undefined) {
    row[c] = cell;
    return;
  }
  // Clearing: keep the arrays as short as their content, so undo restores the same shape.
  delete row[c];
  while (row.length && row[row.length - 1] === undefined) row.length--;
  if (row.length === 0) {
    delete sheet.rows[r];
    while (sheet.rows.length && sheet.rows[sheet.rows.length - 1] === undefined) sheet.rows.length--;
  }
}

/** Set a plain value (keeps the cell's number format and style, drops its formula). */
export function setValue(sheet: Sheet, r: number, c: number, value: CellValue): void {
  const old = getCell(sheet, r, c);
  setCell(sheet, r, c, { ...old, value, formula: undefined });
}

export function isEmptyCell(cell: Cell | undefined): boolean {
  if (!cell) return true;
  if (cell.formula) return false;
  const v = cell.value;
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** Iterate the non-missing cells in row-major order. */
export function* cells(sheet: Sheet): Generator<{ r: number; c: number; cell: Cell }> {
  const rows = sheet.rows;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!row) continue;
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (cell) yield { r, c, cell };
    }
  }
}

/** The smallest block holding every non-empty cell and every merge; null for an empty sheet. */
export function usedRange(sheet: Sheet): RangeRef | null {
  let r1 = Infinity;
  let c1 = Infinity;
  let r2 = -1;
  let c2 = -1;
  const rows = sheet.rows;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!row) continue;
    for (let c = 0; c < row.length; c++) {
      if (isEmptyCell(row[c])) continue;
      if (r < r1) r1 = r;
      if (r > r2) r2 = r;
      if (c < c1) c1 = c;
      if (c > c2) c2 = c;
    }
  }
  for (const m of sheet.merges) {
    r1 = Math.min(r1, m.r1);
    c1 = Math.min(c1, m.c1);
    r2 = Math.max(r2, m.r2);
    c2 = Math.max(c2, m.c2);
  }
  if (r2 < 0) return null;
  return { r1, c1, r2, c2 };
}

export interface SheetStats {
  numbers: number;
  texts: number;
  formulas: number;
  errors: number;
  booleans: number;
}

export function sheetStats(sheet: Sheet): SheetStats {
  const s: SheetStats = { numbers: 0, texts: 0, formulas: 0, errors: 0, booleans: 0 };
  for (const { cell } of cells(sheet)) {
    if (cell.formula) {
      s.formulas++;
      continue;
    }
    const v = cell.value;
    if (typeof v === "number") s.numbers++;
    else if (typeof v === "string") {
      if (v.trim() !== "") s.texts++;
    } else if (typeof v === "boolean") s.booleans++;
    else if (isCellError(v)) s.errors++;
  }
  return s;
}

/** The merge that covers (r, c), if any. */
export function mergeAt(sheet: Sheet, r: number, c: number): RangeRef | undefined {
  return sheet.merges.find((m) => r >= m.r1 && r <= m.r2 && c >= m.c1 && c <= m.c2);
}

/**
 * The value a reader sees at (r, c): inside a merged block that is the value of
 * its top-left cell (Excel keeps the others empty).
 */
export function displayValue(sheet: Sheet, r: number, c: number): CellValue {
  const m = mergeAt(sheet, r, c);
  const cell = m ? getCell(sheet, m.r1, m.c1) : getCell(sheet, r, c);
  return cell ? cell.value : null;
}

export function rangesOverlap(a: RangeRef, b: RangeRef): boolean {
  return a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;
}

/** Deep copy (cells are small plain objects). */
export function cloneSheet(sheet: Sheet, name = sheet.name): Sheet {
  return {
    ...sheet,
    name,
    rows: sheet.rows.map((row) => (row ? row.map((c) => (c ? { ...c, style: c.style ? { ...c.style } : undefined } : c)) : row)),
    merges: sheet.merges.map((m) => ({ ...m })),
    colWidths: sheet.colWidths ? [...sheet.colWidths] : undefined,
  };
}

/**
 * Build a sheet from a 2-D array of plain values: strings starting with "=" become
 * formulas. Handy for tests, examples and templates.
 */
export function sheetFromRows(name: string, data: (CellValue | undefined)[][], numFmt?: string): Sheet {
  const sheet = newSheet(name);
  data.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === undefined || v === null || v === "") return;
      if (typeof v === "string" && v.startsWith("=")) setCell(sheet, r, c, { value: null, formula: v, numFmt });
      else setCell(sheet, r, c, { value: v, numFmt: typeof v === "number" ? numFmt : undefined });
    }),
  );
  return sheet;
}

/** Names Excel accepts for a sheet: at most 31 characters, none of : \ / ? * [ ]. */
export function validSheetName(name: string): string {
  const cleaned = name.replace(/[:\\/?*[\]]/g, "").replace(/^'+|'+$/g, "").trim();
  return (cleaned || "Sheet").slice(0, 31);
}

/** A sheet name not yet taken in the workbook: 名称, 名称(2), 名称(3) … */
export function uniqueSheetName(taken: Iterable<string>, wanted: string): string {
  const set = new Set([...taken].map((n) => n.toLowerCase()));
  const base = validSheetName(wanted);
  if (!set.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = `(${i})`;
    const candidate = base.slice(0, 31 - suffix.length) + suffix;
    if (!set.has(candidate.toLowerCase())) return candidate;
  }
}
