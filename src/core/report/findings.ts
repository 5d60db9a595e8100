/**
 * Grouping and counting of checker findings for the task pane and reports: by table
 * (or by sheet), then by severity, with counts. Pure functions.
 */
import type { Finding, Severity } from "../checks/types";
import { STANDARD_TABLES } from "../specs/tables";

export const SEVERITIES: Severity[] = ["error", "warning", "info"];

export type SeverityCounts = Record<Severity, number>;

export function countBySeverity(findings: readonly Finding[]): SeverityCounts {
  const c: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity] = (c[f.severity] ?? 0) + 1;
  return c;
}

export interface FindingGroup {
  /** Table id (T3), sheet name, or "" for findings without a table. */
  key: string;
  /** What the user reads: the table title (部门支出总表) or the sheet name. */
  label: string;
  /** Sheets the group's findings are on (for a table group). */
  sheets: string[];
  counts: SeverityCounts;
  /** Findings by severity, errors first; within a severity in sheet and cell order. */
  bySeverity: { severity: Severity; findings: Finding[] }[];
  total: number;
}

/** Row-major order of an A1 address (C8 < A9). */
function cellOrder(a1: string): number {
  const m = /^\$?([A-Za-z]+)\$?(\d+)/.exec(a1);
  if (!m) return Number.MAX_SAFE_INTEGER;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return Number(m[2]) * 20000 + col;
}

export function compareFindings(a: Finding, b: Finding): number {
  const s = SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity);
  if (s) return s;
  if (a.sheet !== b.sheet) return a.sheet < b.sheet ? -1 : 1;
  return cellOrder(a.cell) - cellOrder(b.cell);
}

const TABLE_ORDER = new Map(STANDARD_TABLES.map((t, i) => [t.id, i]));

export function tableTitle(id: string | undefined): string | undefined {
  return id ? STANDARD_TABLES.find((t) => t.id === id)?.title : undefined;
}

/**
 * Group findings by table (the default; findings without a table go to their sheet) or by sheet.
 * Groups with errors come first, then by standard table order (or sheet order of first appearance).
 */
export function groupFindings(
  findings: readonly Finding[],
  by: "table" | "sheet" = "table",
  otherLabel = "其他",
  /** Each sheet's table (tablesOfSheets of the whole run), so a filtered subset groups as the whole list does. */
  sheetTables?: ReadonlyMap<string, string>,
): FindingGroup[] {
  const groups = new Map<string, { label: string; findings: Finding[]; order: number }>();
  // A finding without a table on a sheet that holds one (收支总表 A1: 缺少 3 张标准表) belongs to
  // that table: grouped by its sheet it would give the table a second heading (部门收支总表 and 收支总表).
  const sheetTable = by === "table" ? (sheetTables ?? tablesOfSheets(findings)) : new Map<string, string>();
  let seq = 0;
  for (const f of findings) {
    let key: string;
    let label: string;
    let order: number;
    const table = by === "table" ? (f.table ?? sheetTable.get(f.sheet)) : undefined;
    if (table) {
      key = `table:${table}`;
      label = tableTitle(table) ?? table;
      order = TABLE_ORDER.get(table) ?? 100;
    } else if (f.sheet) {
      key = `sheet:${f.sheet}`;
      label = f.sheet;
      order = 1000 + seq;
    } else {
      key = "";
      label = otherLabel;
      order = 1_000_000;
    }
    let g = groups.get(key);
    if (!g) {
      g = { label, findings: [], order };
      groups.set(key, g);
      seq++;
    }
    g.findings.push(f);
  }
  const out: (FindingGroup & { order: number })[] = [];
  for (const [key, g] of groups) {
    const sorted = [...g.findings].sort(compareFindings);
    const counts = countBySeverity(sorted);
    out.push({
      key,
      label: g.label,
      sheets: [...new Set(sorted.map((f) => f.sheet).filter(Boolean))],
      counts,
      total: sorted.length,
      bySeverity: SEVERITIES.filter((s) => counts[s] > 0).map((severity) => ({ severity, findings: sorted.filter((f) => f.severity === severity) })),
      order: g.order,
    });
  }
  out.sort((a, b) => (b.counts.error > 0 ? 1 : 0) - (a.counts.error > 0 ? 1 : 0) || a.order - b.order);
  return out.map(({ order: _order, ...g }) => g);
}

/** The table each sheet holds, by the findings that name one (the table most of its findings name). */
export function tablesOfSheets(findings: readonly Finding[]): Map<string, string> {
  const votes = new Map<string, Map<string, number>>();
  for (const f of findings) {
    if (!f.table || !f.sheet) continue;
    const v = votes.get(f.sheet) ?? new Map<string, number>();
    v.set(f.table, (v.get(f.table) ?? 0) + 1);
    votes.set(f.sheet, v);
  }
  const out = new Map<string, string>();
  for (const [sheet, v] of votes) out.set(sheet, [...v].sort((a, b) => b[1] - a[1] || (TABLE_ORDER.get(a[0]) ?? 100) - (TABLE_ORDER.get(b[0]) ?? 100))[0][0]);
  return out;
}

/** A group's key for a finding, as groupFindings (by table) files it — the table filter's value. */
export function groupKeyOf(f: Finding, sheetTable: ReadonlyMap<string, string>): string {
  const table = f.table ?? sheetTable.get(f.sheet);
  return table ? `table:${table}` : f.sheet ? `sheet:${f.sheet}` : "";
}

export interface CellMark {
  sheet: string;
  /** A1 of one cell or a block. */
  address: string;
  /** "#RRGGBB". */
  color: string;
}

export const MARK_COLORS: Record<"error" | "warning", string> = { error: "#FFC7CE", warning: "#FFEB9C" };

/**
 * The cells to highlight for a list of findings: each finding's main cell, red for errors and
 * amber for warnings (info is not marked). A cell with both gets red. Order: first appearance.
 */
export function marksForFindings(findings: readonly Finding[]): CellMark[] {
  const byCell = new Map<string, CellMark>();
  for (const f of findings) {
    if (f.severity === "info" || !f.sheet || !f.cell) continue;
    const address = f.cell.replace(/\$/g, "").toUpperCase();
    const key = `${f.sheet}\u0000${address}`;
    const color = MARK_COLORS[f.severity];
    const had = byCell.get(key);
    if (!had) byCell.set(key, { sheet: f.sheet, address, color });
    else if (f.severity === "error") had.color = MARK_COLORS.error;
  }
  return [...byCell.values()];
}

/** "12.34", "-0.01", "1,209.02"-style figure for messages (keeps up to 2 decimals, or more when needed). */
export function formatFigure(v: number | string | undefined): string {
  if (v === undefined || v === null) return "";
  if (typeof v === "string") return v;
  if (!Number.isFinite(v)) return String(v);
  const abs = Math.abs(v);
  const decimals = Math.abs(abs * 100 - Math.round(abs * 100)) < 1e-7 ? 2 : Math.min(6, String(abs).split(".")[1]?.length ?? 2);
  return v.toLocaleString("en-US", { minimumFractionDigits: Math.min(2, decimals), maximumFractionDigits: decimals });
}
