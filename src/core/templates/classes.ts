/**
 * The 支出功能分类 类 lines that 收支总表 / 财政拨款收支总表 list for a budget year, read
 * straight from data/catalog/function.json (level-1 entries valid in that year), through the
 * catalog data registry (src/core/catalog/data.ts).
 * Kept tiny on purpose: the catalog API (src/core/catalog) may replace it later.
 */
import { catalogData } from "../catalog/data";
import { EXCLUDED_CLASS_LINES, YEARS } from "../specs/tables";

export interface ClassLine {
  code: string;
  name: string;
}

interface RawEntry {
  code: string;
  name: string;
  level: number;
  years: number[];
}

/** The supported year closest to `year` (ties go to the later year). */
export function nearestSpecYear(year: number): number {
  let best = YEARS[0];
  for (const y of YEARS) if (Math.abs(y - year) <= Math.abs(best - year)) best = y;
  return best;
}

/**
 * 类 lines valid in the catalog year, in code order. Without `allClasses` the classes in
 * EXCLUDED_CLASS_LINES (209, 227, 230) are left out, as most units do.
 */
export function expenseClassLines(year: number, allClasses = false): ClassLine[] {
  const y = nearestSpecYear(year);
  const entries = catalogData().files.function.entries as RawEntry[];
  return entries
    .filter((e) => e.level === 1 && e.years.includes(y) && (allClasses || !EXCLUDED_CLASS_LINES.includes(e.code)))
    .map((e) => ({ code: e.code, name: e.name }))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

const DIGITS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/** 1 → 一, 10 → 十, 21 → 二十一, 30 → 三十 (up to 99). */
export function cnNumber(n: number): string {
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return (tens === 1 ? "" : DIGITS[tens]) + "十" + (ones ? DIGITS[ones] : "");
}
