/**
 * Changes the add-in wants to make to a workbook, decided in core and applied
 * by a host adapter in one batch. Every change set can be inverted against the
 * workbook it is about to change, so the task pane can undo exactly.
 */
import { getCell, getSheet, isEmptyCell, setCell, cloneSheet, type Cell, type Sheet, type Workbook } from "./model";
import { toA1 } from "./a1";
import { shiftFormulaRows } from "./formulaShift";

export interface CellEdit {
  sheet: string;
  r: number;
  c: number;
  /** The new cell; null clears it (value, formula, format). */
  cell: Cell | null;
}

export interface ChangeSet {
  /** Whole new sheets to add, in order, after the existing ones. */
  newSheets: Sheet[];
  /** Single-cell edits on existing sheets (or on sheets added above). */
  edits: CellEdit[];
  /** Sheets to remove (used by undo of an insertion). */
  removeSheets: string[];
  /**
   * Whole rows to insert before the edits are applied (0-based `at`, in the sheet as it is
   * then; applied in the order given — give them bottom-up). Cells below move down and
   * formulas that refer to them follow, as in Excel.
   */
  insertRows?: RowBlock[];
  /** Whole rows to delete after the edits (used by undo of an insertion). */
  deleteRows?: RowBlock[];
}

export interface RowBlock {
  sheet: string;
  at: number;
  count: number;
}

export function emptyChangeSet(): ChangeSet {
  return { newSheets: [], edits: [], removeSheets: [] };
}

export interface Conflict {
  kind: "sheet-exists" | "cell-not-empty";
  sheet: string;
  cell?: string;
  before?: Cell;
  after?: Cell | null;
}

/** What a change set would overwrite: existing sheets and non-empty cells. */
export function conflicts(wb: Workbook, cs: ChangeSet): Conflict[] {
  const out: Conflict[] = [];
  for (const s of cs.newSheets) if (getSheet(wb, s.name)) out.push({ kind: "sheet-exists", sheet: s.name });
  for (const e of cs.edits) {
    const sheet = getSheet(wb, e.sheet);
    if (!sheet) continue;
    const before = getCell(sheet, e.r, e.c);
    if (!isEmptyCell(before) && !sameCell(before, e.cell ?? undefined)) {
      out.push({ kind: "cell-not-empty", sheet: e.sheet, cell: toA1(e.r, e.c), before, after: e.cell });
    }
  }
  return out;
}

export function sameCell(a: Cell | undefined, b: Cell | undefined): boolean {
  if (isEmptyCell(a) && isEmptyCell(b)) return true;
  if (!a || !b) return false;
  return (a.formula ?? "") === (b.formula ?? "") && (a.formula ? true : a.value === b.value) && (a.numFmt ?? "") === (b.numFmt ?? "");
}

/** Protected sheets a change set would write to (Excel refuses such writes; hosts refuse them before writing anything). */
export function protectedSheetsTouched(wb: Workbook, cs: ChangeSet): string[] {
  const touched = new Set<string>([...cs.edits.map((e) => e.sheet), ...(cs.insertRows ?? []).map((b) => b.sheet), ...(cs.deleteRows ?? []).map((b) => b.sheet), ...cs.removeSheets]);
  return [...touched].filter((name) => getSheet(wb, name)?.protected);
}

/** Row index before `blocks` were inserted, or null for a row inside an inserted block. */
function rowBeforeInsert(blocks: RowBlock[], sheet: string, r: number): number | null {
  // undo the inserts in reverse order of application
  let row = r;
  for (let i = blocks.length - 1; i >= 0; i--) {
    const b = blocks[i];
    if (b.sheet !== sheet) continue;
    if (row >= b.at + b.count) row -= b.count;
    else if (row >= b.at) return null;
  }
  return row;
}

/** The change set that undoes `cs` once `cs` has been applied to `wb` (computed before applying). */
export function inverseOf(wb: Workbook, cs: ChangeSet): ChangeSet {
  const inv = emptyChangeSet();
  inv.removeSheets = cs.newSheets.map((s) => s.name);
  for (const name of cs.removeSheets) {
    const s = getSheet(wb, name);
    if (s) inv.newSheets.push(cloneSheet(s));
  }
  const inserts = cs.insertRows ?? [];
  const added = new Set(inv.removeSheets);
  const seen = new Set<string>();
  for (const e of cs.edits) {
    if (added.has(e.sheet)) continue;
    const key = `${e.sheet}\u0000${e.r}\u0000${e.c}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const sheet = getSheet(wb, e.sheet);
    const r0 = rowBeforeInsert(inserts, e.sheet, e.r);
    const before = sheet && r0 !== null ? getCell(sheet, r0, e.c) : undefined;
    if (r0 === null) continue; // the row goes away on undo anyway
    inv.edits.push({ sheet: e.sheet, r: e.r, c: e.c, cell: before ? { ...before, style: before.style ? { ...before.style } : undefined } : null });
  }
  if (inserts.length) inv.deleteRows = [...inserts].reverse().map((b) => ({ ...b }));
  return inv;
}

/** Insert (count > 0) or delete (count < 0) whole rows of a sheet in the model, moving formulas along. */
export function shiftRows(wb: Workbook, sheetName: string, at: number, count: number): void {
  const sheet = getSheet(wb, sheetName);
  if (!sheet) throw new Error(`找不到工作表“${sheetName}”。`);
  if (count > 0) sheet.rows.splice(at, 0, ...new Array(count).fill(undefined));
  else if (count < 0) sheet.rows.splice(at, -count);
  while (sheet.rows.length && sheet.rows[sheet.rows.length - 1] === undefined) sheet.rows.length--;
  // keep holes as holes (splice with undefined leaves real entries; make them sparse again)
  for (let r = 0; r < sheet.rows.length; r++) if (sheet.rows[r] === undefined) delete sheet.rows[r];
  const end = count < 0 ? at - count : at;
  sheet.merges = sheet.merges
    .map((m) => {
      const mv = (r: number, isEnd: boolean) => (count > 0 ? (r >= at ? r + count : r) : r >= end ? r + count : r >= at ? (isEnd ? at - 1 : at) : r);
      return { ...m, r1: mv(m.r1, false), r2: mv(m.r2, true) };
    })
    .filter((m) => m.r2 >= m.r1);
  for (const s of wb.sheets) {
    for (const row of s.rows) {
      if (!row) continue;
      for (const cell of row) {
        if (cell?.formula) cell.formula = shiftFormulaRows(cell.formula, s.name, sheetName, at, count);
      }
    }
  }
}

/** Apply a change set to the in-memory model (the xlsx and memory hosts use this). */
export function applyToModel(wb: Workbook, cs: ChangeSet): void {
  for (const name of cs.removeSheets) {
    const i = wb.sheets.findIndex((s) => s.name === name);
    if (i >= 0) wb.sheets.splice(i, 1);
  }
  for (const s of cs.newSheets) {
    if (getSheet(wb, s.name)) throw new Error(`工作表“${s.name}”已存在，未覆盖。`);
    wb.sheets.push(cloneSheet(s));
  }
  for (const b of cs.insertRows ?? []) shiftRows(wb, b.sheet, b.at, b.count);
  for (const e of cs.edits) {
    const sheet = getSheet(wb, e.sheet);
    if (!sheet) throw new Error(`找不到工作表“${e.sheet}”。`);
    setCell(sheet, e.r, e.c, e.cell ?? undefined);
  }
  for (const b of cs.deleteRows ?? []) shiftRows(wb, b.sheet, b.at, -b.count);
}

/**
 * Group edits of one sheet into runs of adjacent cells in a row, so a host can
 * write each run as one range instead of cell by cell.
 */
export function rowRuns(edits: CellEdit[]): { sheet: string; r: number; c: number; cells: (Cell | null)[] }[] {
  const sorted = [...edits].sort((a, b) => (a.sheet < b.sheet ? -1 : a.sheet > b.sheet ? 1 : a.r - b.r || a.c - b.c));
  const runs: { sheet: string; r: number; c: number; cells: (Cell | null)[] }[] = [];
  for (const e of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.sheet === e.sheet && last.r === e.r && last.c + last.cells.length === e.c) last.cells.push(e.cell);
    else if (last && last.sheet === e.sheet && last.r === e.r && last.c + last.cells.length - 1 === e.c) last.cells[last.cells.length - 1] = e.cell;
    else runs.push({ sheet: e.sheet, r: e.r, c: e.c, cells: [e.cell] });
  }
  return runs;
}
