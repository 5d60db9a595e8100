/**
 * Reading the draft's figures from recognised tables (never from raw cells): a locator names a
 * table, a row (fixed row, code, 类 line, 合计) and a column; the same locator finds last
 * year's figure in last year's workbook.
 */
import { toA1 } from "../a1";
import { classRow, fixedRow, primaryTable, recognizedColumn, rowAmount, rowByCode, totalRow } from "../checks/crossRelations";
import type { AmountCell, RecognizedRow, RecognizedTable, WorkbookFacts } from "../recognize/types";
import type { Amount } from "./numbers";
import type { SourceRef } from "./types";

export type RowLocator = { fixed: string } | { code: string } | { classCode: string } | { total: true };

export interface Locator {
  table: string;
  row: RowLocator;
  /** Spec column key; omitted = the row's own amount column (预算数 / 合计). */
  col?: string;
}

export function findRow(t: RecognizedTable, row: RowLocator): RecognizedRow | undefined {
  if ("fixed" in row) return t.rows.find((r) => r.fixed?.key === row.fixed) ?? fixedRow(t, row.fixed);
  if ("code" in row) return rowByCode(t, row.code);
  if ("classCode" in row) return classRow(t, row.classCode);
  return totalRow(t);
}

function rowName(r: RecognizedRow): string {
  if (r.fixed) return r.fixed.label;
  if (r.code) return `${r.code} ${r.label}`.trim();
  if (r.classCode) return `${r.classCode} ${r.label}`.trim();
  return r.label || "合计";
}

export function cellAmount(t: RecognizedTable, r: RecognizedRow, cell: AmountCell, colKey: string, workbook: SourceRef["workbook"]): Amount | undefined {
  if (cell.value === null) return undefined;
  return { value: cell.value, decimals: cell.decimals, unit: t.amountUnit, sources: [{ table: t.spec.id, sheet: t.sheet, cell: toA1(cell.r, cell.c), row: rowName(r), column: colKey, workbook }] };
}

function colKeyOf(t: RecognizedTable, r: RecognizedRow, col?: string): string | undefined {
  if (!col) return undefined;
  if (r.amounts[col]) return col;
  const side = r.side ? `${r.side}.${col}` : undefined;
  if (side && r.amounts[side]) return side;
  return recognizedColumn(t, col)?.key;
}

/** The amount a locator names, or undefined (no table, no row, blank cell). */
export function pick(facts: WorkbookFacts | undefined, loc: Locator, workbook: SourceRef["workbook"] = "current"): Amount | undefined {
  if (!facts) return undefined;
  const t = primaryTable(facts, loc.table);
  if (!t) return undefined;
  const r = findRow(t, loc.row);
  if (!r) return undefined;
  const key = colKeyOf(t, r, loc.col);
  if (loc.col && !key) return undefined;
  const cell = key ? r.amounts[key] : rowAmount(t, r);
  if (!cell) return undefined;
  const usedKey = key ?? Object.entries(r.amounts).find(([, a]) => a === cell)?.[0] ?? "";
  return cellAmount(t, r, cell, usedKey, workbook);
}

/** Whether the table has a recognised column (by spec key). */
export function hasColumn(facts: WorkbookFacts, table: string, col: string): boolean {
  const t = primaryTable(facts, table);
  return !!t && !!recognizedColumn(t, col);
}

export function table(facts: WorkbookFacts | undefined, id: string): RecognizedTable | undefined {
  return facts ? primaryTable(facts, id) : undefined;
}

/** Sum of amounts (a figure the tables do not print as one cell). */
export function sumOf(parts: Amount[], how: string): Amount {
  return {
    value: parts.reduce((s, p) => s + p.value, 0),
    decimals: Math.max(0, ...parts.map((p) => p.decimals)),
    sources: parts.flatMap((p) => p.sources),
    how,
    unit: parts[0]?.unit,
  };
}

/** Convert an amount read in last year's workbook to this year's table unit. */
export function toUnit(a: Amount | undefined, from: "万元" | "元", to: "万元" | "元"): Amount | undefined {
  if (!a || from === to) return a;
  // 元 → 万元: as a 万元 table would print it (2 decimals); 万元 → 元: exact.
  if (from === "元") return { ...a, unit: "万元", value: Math.round(a.value / 100) / 100, decimals: 2, how: [a.how, "上年元换算为万元"].filter(Boolean).join("；") };
  return { ...a, unit: "元", value: Math.round(a.value * 1e4 * 100) / 100, decimals: Math.max(0, a.decimals - 4), how: [a.how, "上年万元换算为元"].filter(Boolean).join("；") };
}
