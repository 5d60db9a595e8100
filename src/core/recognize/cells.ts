/**
 * Reading raw cells, shared by the recognition phases (and only by them): a row's
 * non-empty cells, a cell's text, codes as printed, and what kind of row a row is
 * (data, 栏次, note).
 */
import type { Cell, Sheet } from "../model";
import { labelKey, toHalfWidth } from "../text";
import type { AmountCell, RecognizedRow } from "./types";

export const TOTAL_LABEL = /^(合计|总计|部门合计|单位合计|本部门合计|合计数|总合计|本级合计)$/;
export const NOTE_RE = /(本表无数据|此表无数据|本表无内容|此表无内容|本表为空|此表为空|^注[：:]|^备注|^说明[：:]|^填表说明)/;
/** A unit line whose unit name was left blank: "部门/单位： _____ 单位：万元", "单位名称：". */
export const BLANK_UNIT_LINE = /^(部门\/单位|单位名称|部门|单位)\s*[：:]\s*(_+\s*)?(单位[：:]\s*万?元)?\s*$/;
export const NUMBERING = /^(（[一二三四五六七八九十廿卅百零〇\d]+）|[一二三四五六七八九十廿卅百零〇]+[、.．]|\d{1,2}[、.．](?!\d)|[①-⑳])/;

/** A row label without its numbering ("一、" "（一）" "(十七)" "廿一、" "1." "①"), compared by labelKey. */
export function stripNumbering(label: string): string {
  return labelKey(label).replace(NUMBERING, "");
}

export interface CellInfo {
  c: number;
  cell: Cell;
}

export function rowCells(sheet: Sheet, r: number, limit = Infinity): CellInfo[] {
  const row = sheet.rows[r];
  const out: CellInfo[] = [];
  if (!row) return out;
  for (let c = 0; c < row.length; c++) {
    const cell = row[c];
    if (!cell) continue;
    const v = cell.value;
    // A formula counts even without a computed value (a file written but never opened in Excel).
    if (!cell.formula && (v === null || v === undefined || (typeof v === "string" && v.trim() === ""))) continue;
    out.push({ c, cell });
    if (out.length >= limit) break;
  }
  return out;
}

export function strOf(cell: Cell | undefined): string {
  if (!cell) return "";
  const v = cell.value;
  if (typeof v === "string") return v.trim();
  if (typeof v === "number") return String(v);
  return "";
}

/** A code as printed, normalised: 208, "208", "２０８", " 2080101 " → "2080101". */
export function normCode(v: unknown): string {
  if (typeof v === "number") return Number.isInteger(v) && v >= 0 ? String(v) : "";
  if (typeof v !== "string") return "";
  const s = toHalfWidth(v).replace(/\s+/g, "");
  return /^[0-9A-Za-z-]+$/.test(s) ? s : "";
}

export const CLASSIFICATION = /^\d{3}(\d{2}){0,2}$/;

export function domainOf(code: string): RecognizedRow["domain"] {
  switch (code[0]) {
    case "2":
      return "function";
    case "3":
      return "econ-dept";
    case "5":
      return "econ-gov";
    case "1":
      return "revenue";
    default:
      return undefined;
  }
}

export function isNumericCell(cell: Cell): boolean {
  const v = cell.value;
  if (typeof v === "number") return true;
  if (typeof v === "string") return /^\s*[-+]?[\d,，]*\d(\.\d+)?\s*$/.test(toHalfWidth(v)) && /[.,，]/.test(v);
  return false;
}

export function isCodeLike(cell: Cell): boolean {
  const v = cell.value;
  return typeof v === "string" && /^\s*\d{3,}\s*$/.test(toHalfWidth(v));
}

/** 1 2 3 … n under a header (栏次). */
export function isColumnNumberRow(cells: CellInfo[]): boolean {
  const nums: number[] = [];
  let labelled = false;
  for (const { cell } of cells) {
    const v = cell.value;
    if (typeof v === "string" && /^(栏次|行次)$/.test(v.replace(/\s+/g, ""))) {
      labelled = true;
      continue;
    }
    const n = typeof v === "number" ? v : typeof v === "string" && /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
    if (!Number.isInteger(n)) return false;
    nums.push(n);
  }
  if (nums.length < (labelled ? 1 : 3)) return false;
  for (let i = 1; i < nums.length; i++) if (nums[i] !== nums[i - 1] + 1) return false;
  return nums[0] <= 1;
}

export function isNoteRow(cells: CellInfo[]): string | null {
  if (cells.length === 0 || cells.length > 2) return null;
  for (const { cell } of cells) if (typeof cell.value === "number") return null;
  const t = cells.map(({ cell }) => strOf(cell)).join(" ");
  return NOTE_RE.test(labelKey(t)) || NOTE_RE.test(t.trim()) ? t : null;
}

export function isDataRow(cells: CellInfo[]): boolean {
  if (isColumnNumberRow(cells)) return false;
  if (cells.some(({ cell }) => isNumericCell(cell) || isCodeLike(cell) || typeof cell.value === "object")) return true;
  const texts = cells.filter(({ cell }) => typeof cell.value === "string");
  return texts.length <= 2 && texts.some(({ cell }) => TOTAL_LABEL.test(stripNumbering(strOf(cell))));
}

export function firstHeaderCol(sheet: Sheet, r1: number, r2: number): number {
  let c = Infinity;
  for (let r = r1; r <= r2; r++) {
    const cells = rowCells(sheet, r);
    if (cells.length >= 2) c = Math.min(c, cells[0].c);
  }
  return c;
}

export function maxDecimals(cells: AmountCell[]): number {
  let m = 0;
  for (const a of cells) if (a.decimals > m) m = a.decimals;
  return Math.min(4, m);
}
