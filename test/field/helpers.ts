/**
 * Reading the field-set fixtures the way a person reads a sheet, independent of how
 * scripts/field/ wrote them: a table is found by its printed title, its rows by their
 * codes (split over 类/款/项 or joined) or labels, its figures left to right.
 */
import * as path from "path";
import { displayValue, type Sheet, type Workbook } from "../../src/core/model";
import { readXlsxFile } from "../../src/hosts/xlsx/xlsxHost";

export const FIELD_FIXTURES = path.join(__dirname, "..", "fixtures", "field");
export const FIELD_DOCS = [
  "2025-putuo-district-office-department",
  "2025-putuo-district-office-unit",
  "2025-putuo-commerce-department",
  "2025-putuo-commerce-unit",
  "2026-putuo-justice-department",
  "2026-putuo-justice-unit",
] as const;
export type FieldDoc = (typeof FIELD_DOCS)[number];
export const FIELD_LAYOUTS = ["printed", "office", "stacked"] as const;
export type FieldLayout = (typeof FIELD_LAYOUTS)[number];

const cache = new Map<string, Promise<Workbook>>();
export function fieldWorkbook(doc: FieldDoc, layout: FieldLayout): Promise<Workbook> {
  const file = path.join(FIELD_FIXTURES, `${doc}.${layout}.xlsx`);
  if (!cache.has(file)) cache.set(file, readXlsxFile(file));
  return cache.get(file)!;
}

const TITLE = /^\d{4}年.*表$/;

function text(sheet: Sheet, r: number, c: number): string {
  const v = displayValue(sheet, r, c);
  return typeof v === "string" ? v.trim() : typeof v === "number" ? String(v) : "";
}

function width(sheet: Sheet, r: number): number {
  return sheet.rows[r]?.length ?? 0;
}

export interface FoundTable {
  sheet: Sheet;
  r0: number;
  r1: number; // exclusive
}

/** The table whose printed title ends with `title` ("部门收入预算总表"), on whichever sheet. */
export function findTable(wb: Workbook, title: string): FoundTable {
  for (const sheet of wb.sheets)
    for (let r = 0; r < sheet.rows.length; r++) {
      const t = text(sheet, r, 0);
      if (!TITLE.test(t) || !t.endsWith(title)) continue;
      let r1 = r + 1;
      while (r1 < sheet.rows.length && !TITLE.test(text(sheet, r1, 0))) r1++;
      return { sheet, r0: r, r1 };
    }
  throw new Error(`table ${title} not found`);
}

/** The code a row prints: 类 | 款 | 项 cells joined, or the joined code cell. */
export function rowCode(t: FoundTable, r: number): string | undefined {
  let code = "";
  for (let c = 0; c < width(t.sheet, r); c++) {
    const s = text(t.sheet, r, c);
    if (/^\d{2,7}$/.test(s)) code += s;
    else if (s !== "" || code) break;
  }
  return code || undefined;
}

export function codeRows(t: FoundTable): { r: number; code: string }[] {
  const out: { r: number; code: string }[] = [];
  for (let r = t.r0 + 1; r < t.r1; r++) {
    const code = rowCode(t, r);
    if (code && code.length >= 3) out.push({ r, code });
  }
  return out;
}

/** The figures of a row, left to right (blank cells skipped). */
export function figures(t: FoundTable, r: number): number[] {
  const out: number[] = [];
  for (let c = 0; c < width(t.sheet, r); c++) {
    const cell = t.sheet.rows[r]?.[c];
    if (cell && typeof cell.value === "number" && !(c === 0 && rowCode(t, r))) out.push(cell.value);
  }
  // Codes printed as text never count; numeric-looking code cells are text in every layout.
  return out;
}

export function rowByCode(t: FoundTable, code: string): number {
  const hit = codeRows(t).find((x) => x.code === code);
  if (!hit) throw new Error(`row ${code} not found`);
  return hit.r;
}

/** The first row with figures and a cell reading `label` (合计, 收入总计, 一、财政拨款收入 …); header cells have no figures beside them. */
export function rowByLabel(t: FoundTable, label: string): number {
  for (let r = t.r0 + 1; r < t.r1; r++)
    for (let c = 0; c < width(t.sheet, r); c++) if (text(t.sheet, r, c).replace(/\s+/g, "") === label && figures(t, r).length > 0) return r;
  throw new Error(`row ${label} not found`);
}

export function numFmtOf(t: FoundTable, r: number, value: number): string | undefined {
  return t.sheet.rows[r]?.find((c) => c && c.value === value)?.numFmt;
}
