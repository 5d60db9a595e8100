/**
 * Find code columns and name columns in a block of a sheet: joined codes (2080101,
 * "2080101", 2080101 as a number), codes split over 类/款/项 columns (208 | 01 | 50, or
 * 301 | 2 with the leading zero lost), and the name column next to them.
 */
import { getCell, mergeAt, usedRange, type RangeRef, type Sheet, isCellError, type CellValue } from "../model";
import { parseAmount, toHalfWidth } from "../text";

export interface CodeRow {
  r: number;
  code: string;
  /** Name text as found (trimmed), "" when empty. */
  name: string;
  /**
   * How the code was read: one text cell, one number cell (which could also be an amount or a
   * row number), split 类/款/项 cells, or split cells whose blank 类 (or 款) is taken from the
   * code row above (the 类 printed only on its own row).
   */
  source: "text" | "number" | "split" | "split-inherited";
}

export interface CodeBlock {
  /** Columns holding the code: one (joined) or two/three (split 类/款/项). */
  codeCols: number[];
  /** Column where names are (or belong), or null when there is none. */
  nameCol: number | null;
  /** Columns right of the name holding amounts in code rows. */
  amountCols: number[];
  rows: CodeRow[];
  /** A header above the code column names it (科目编码 / 功能分类科目 / 类 款 项 …). */
  codeHeader: boolean;
  /** First and last row of the block. */
  r1: number;
  r2: number;
}

const JOINED = /^(\d{3}|\d{5}|\d{7})$/;

function cellText(sheet: Sheet, r: number, c: number): string {
  const v = getCell(sheet, r, c)?.value;
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isInteger(v) ? String(v) : String(v);
  if (typeof v === "string") return toHalfWidth(v).replace(/\s+/g, "").replace(/^'/, "");
  return "";
}

/** A name cell's text: an error value shows as Excel shows it (#N/A), a number as its digits. */
function nameText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  if (isCellError(v)) return v.error;
  return String(v).trim();
}

/** The occupied rows of `sheet` within r1..r2, ascending (holes of the sparse array skipped). */
function occupiedRows(sheet: Sheet, r1: number, r2: number): number[] {
  const out: number[] = [];
  sheet.rows.forEach((row, r) => {
    if (row && r >= r1 && r <= r2) out.push(r);
  });
  return out;
}

/** The occupied columns of row r within c1..c2, ascending. */
function occupiedCols(sheet: Sheet, r: number, c1: number, c2: number): number[] {
  const out: number[] = [];
  sheet.rows[r]?.forEach((cell, c) => {
    if (cell && c >= c1 && c <= c2) out.push(c);
  });
  return out;
}

function joinedCode(t: string): string | null {
  return JOINED.test(t) && /^[1235]/.test(t) ? t : null;
}

/** A split code at (r, c): 类 in c, 款 in c+1, 项 in c+2 (optional). */
function splitCode(sheet: Sheet, r: number, c: number): { code: string; width: number } | null {
  const lei = cellText(sheet, r, c);
  if (!/^[1235]\d{2}$/.test(lei)) return null;
  const kuan = cellText(sheet, r, c + 1);
  if (!/^\d{1,2}$/.test(kuan)) return null;
  const xiang = cellText(sheet, r, c + 2);
  const k = kuan.padStart(2, "0");
  if (/^\d{1,2}$/.test(xiang)) return { code: lei + k + xiang.padStart(2, "0"), width: 3 };
  return { code: lei + k, width: 2 };
}

function isTextName(sheet: Sheet, r: number, c: number): boolean {
  const v = getCell(sheet, r, c)?.value;
  return typeof v === "string" && v.trim() !== "" && parseAmount(v) === null && !/^\d+$/.test(v.trim());
}

/** Text of the header cells above the first code row in column c (merged masters included). */
function headerText(sheet: Sheet, firstRow: number, c: number): string {
  let t = "";
  for (let r = Math.max(0, firstRow - 5); r < firstRow; r++) {
    const m = mergeAt(sheet, r, c);
    t += " " + cellText(sheet, m ? m.r1 : r, m ? m.c1 : c);
  }
  return t;
}

function isCodeHeader(sheet: Sheet, firstRow: number, c: number): boolean {
  return /(科目|编码|代码|^\s*类|\s类)/.test(headerText(sheet, firstRow, c));
}

function isUnitCodeHeader(sheet: Sheet, firstRow: number, c: number): boolean {
  for (let r = Math.max(0, firstRow - 4); r < firstRow; r++) {
    const t = cellText(sheet, r, c);
    if (/(单位|部门|项目)/.test(t) && /(代码|编码)/.test(t)) return true;
  }
  return false;
}

/** How many code columns a split row uses: 1 (类), 2 (类 | 款) or 3 (类 | 款 | 项). */
function splitWidth(sheet: Sheet, row: CodeRow, c: number): number {
  if (row.code.length === 7) return 3;
  if (row.code.length === 5) return /^\d{1,2}$/.test(cellText(sheet, row.r, c + 2)) ? 3 : 2;
  return 1;
}

/** The name column and amount columns of one block of code rows. */
function finishBlock(sheet: Sheet, ur: RangeRef, rows: CodeRow[], codeCols: number[]): CodeBlock {
  // Name column: first column to the right of the code whose cells in code rows are text or
  // empty — skipping a unit-code column (302002) and never an amount column.
  let nameCol: number | null = null;
  for (let c = codeCols[codeCols.length - 1] + 1; c <= Math.min(ur.c2 + 1, codeCols[codeCols.length - 1] + 3); c++) {
    let text = 0;
    let numeric = 0;
    let codeLike = 0;
    for (const row of rows) {
      const v = getCell(sheet, row.r, c)?.value;
      if (v === null || v === undefined || v === "") continue;
      if (typeof v === "string" && /^\s*\d+\s*$/.test(toHalfWidth(v))) codeLike++; // a unit code or the joined code beside split parts
      else if (isTextName(sheet, row.r, c)) text++;
      else if (typeof v === "number" || parseAmount(v) !== null) numeric++;
    }
    if (text > 0 && text >= numeric) {
      nameCol = c;
      break;
    }
    if (codeLike > 0 && text === 0 && numeric === 0) continue;
    if (numeric > 0) break;
    nameCol = c; // an empty column right of the codes: the names belong here
    break;
  }
  if (nameCol !== null) {
    for (const row of rows) row.name = nameText(getCell(sheet, row.r, nameCol)?.value);
  }
  // Occupied cells only: a sheet with one cell at XFD1048576 costs no more than its cells.
  const from = (nameCol ?? codeCols[codeCols.length - 1]) + 1;
  const amountSet = new Set<number>();
  for (const row of rows)
    for (const c of occupiedCols(sheet, row.r, from, ur.c2)) {
      if (amountSet.has(c)) continue;
      const cell = getCell(sheet, row.r, c);
      if (cell?.formula || parseAmount(cell?.value) !== null) amountSet.add(c);
    }
  const amountCols = [...amountSet].sort((a, b) => a - b);
  return { codeCols, nameCol, amountCols, rows, codeHeader: isCodeHeader(sheet, rows[0].r, codeCols[0]), r1: rows[0].r, r2: rows[rows.length - 1].r };
}

/**
 * Find the code blocks in `range` (default: the used range). `isKnown` (e.g. a catalog
 * lookup) keeps out columns of numbers that merely look like codes (100, 302 repeated).
 */
export function scanCodeBlocks(sheet: Sheet, range?: RangeRef, isKnown?: (code: string) => boolean): CodeBlock[] {
  const ur = range ?? usedRange(sheet);
  if (!ur) return [];
  const blocks: CodeBlock[] = [];
  // Only occupied cells are visited: a sheet with one cell at XFD1048576 costs no more than its cells.
  const rowList = occupiedRows(sheet, ur.r1, ur.r2);
  // Candidate code columns: count code-looking cells per column (joined) and per column start (split).
  const joinedCount = new Map<number, number>();
  const splitCount = new Map<number, number>();
  const leiCount = new Map<number, number>();
  const subCount = new Map<number, number>(); // 类 blank, 款 (and 项) beside it: a 类 printed only on its own row
  const bump = (m: Map<number, number>, c: number) => m.set(c, (m.get(c) ?? 0) + 1);
  const at = (m: Map<number, number>, c: number) => m.get(c) ?? 0;
  for (const r of rowList) {
    for (const c of occupiedCols(sheet, r, ur.c1, ur.c2 + 1)) {
      const t = cellText(sheet, r, c);
      if (!t) continue;
      // the blank cell left of a 款: "   | 03 | 01"
      if (c - 1 >= ur.c1 && /^\d{1,2}$/.test(t) && !cellText(sheet, r, c - 1) && /^(\d{1,2})?$/.test(cellText(sheet, r, c + 1))) bump(subCount, c - 1);
      if (c > ur.c2) continue;
      if (joinedCode(t)) bump(joinedCount, c);
      if (/^[1235]\d{2}$/.test(t)) bump(leiCount, c);
      if (splitCode(sheet, r, c)) bump(splitCount, c);
    }
  }
  const used = new Set<number>();
  const candidates: { c: number; split: boolean; n: number }[] = [];
  for (const c of [...new Set([...joinedCount.keys(), ...splitCount.keys(), ...subCount.keys()])].sort((a, b) => a - b)) {
    const own = at(leiCount, c) >= 1 && at(subCount, c) >= 2 ? at(subCount, c) : 0;
    // split when the rows with a 款 beside the 类 outnumber the whole 5- or 7-digit codes of the column
    // (a 类 repeated on every row is a 3-digit "code" too, and must not make the column a joined one)
    if (at(splitCount, c) + own >= 2 && at(splitCount, c) + own >= at(joinedCount, c) - at(leiCount, c)) candidates.push({ c, split: true, n: Math.max(at(joinedCount, c), at(splitCount, c) + own) });
    else if (at(joinedCount, c) >= 2) candidates.push({ c, split: false, n: at(joinedCount, c) });
  }
  candidates.sort((a, b) => b.n - a.n || a.c - b.c);
  for (const cand of candidates) {
    if (used.has(cand.c)) continue;
    if (!cand.split && candidates.some((o) => o.split && cand.c > o.c && cand.c <= o.c + 3)) continue;
    const rows: CodeRow[] = [];
    let codeWidth = 1;
    for (const r of rowList) {
      if (cand.split) {
        const s = splitCode(sheet, r, cand.c);
        if (s) {
          rows.push({ r, code: s.code, name: "", source: "split" });
          codeWidth = Math.max(codeWidth, s.width);
          continue;
        }
        // a 类 row in a split layout has only the 类 part
        const lei = cellText(sheet, r, cand.c);
        if (/^[1235]\d{2}$/.test(lei) && !cellText(sheet, r, cand.c + 1)) {
          rows.push({ r, code: lei, name: "", source: "split" });
          continue;
        }
        // the 类 (or 类 and 款) left blank under its own row: "   | 03 | 01 | 行政运行"
        const prev = rows[rows.length - 1];
        if (lei || !prev) continue;
        const kuan = cellText(sheet, r, cand.c + 1);
        const xiang = cellText(sheet, r, cand.c + 2);
        if (/^\d{1,2}$/.test(kuan)) {
          const code = prev.code.slice(0, 3) + kuan.padStart(2, "0") + (/^\d{1,2}$/.test(xiang) ? xiang.padStart(2, "0") : "");
          rows.push({ r, code, name: "", source: "split-inherited" });
          if (code.length === 7) codeWidth = Math.max(codeWidth, 3);
          else codeWidth = Math.max(codeWidth, 2);
        } else if (!kuan && /^\d{1,2}$/.test(xiang) && prev.code.length >= 5) {
          rows.push({ r, code: prev.code.slice(0, 5) + xiang.padStart(2, "0"), name: "", source: "split-inherited" });
          codeWidth = Math.max(codeWidth, 3);
        }
      } else {
        const t = cellText(sheet, r, cand.c);
        const code = joinedCode(t);
        if (code) rows.push({ r, code, name: "", source: typeof getCell(sheet, r, cand.c)?.value === "number" ? "number" : "text" });
      }
    }
    const allCols = Array.from({ length: codeWidth }, (_, k) => cand.c + k);
    allCols.forEach((c) => used.add(c));
    const distinct = new Set(rows.map((row) => row.code));
    if (distinct.size < 2) continue;
    if (!cand.split && rows.length && isUnitCodeHeader(sheet, rows[0].r, cand.c)) continue;
    if (isKnown && [...distinct].filter(isKnown).length * 2 < distinct.size) continue;
    // Tables stacked on one sheet (a title and a header between them) are separate blocks: a
    // 类 | 款 table under a 类 | 款 | 项 one has its names one column further left.
    const groups: CodeRow[][] = [];
    for (const row of rows) {
      const last = groups[groups.length - 1];
      if (last && row.r - last[last.length - 1].r <= 3) last.push(row);
      else groups.push([row]);
    }
    for (const group of groups) {
      const width = cand.split ? Math.max(...group.map((row) => splitWidth(sheet, row, cand.c))) : 1;
      const block = finishBlock(sheet, ur, group, Array.from({ length: width }, (_, k) => cand.c + k));
      blocks.push(block);
    }
  }
  return blocks.sort((a, b) => a.codeCols[0] - b.codeCols[0]);
}
