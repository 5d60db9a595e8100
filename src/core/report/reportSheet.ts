/**
 * The 审核结果 sheet: the findings of a check as a table a reviewer can print or hand
 * back, every cell reference a HYPERLINK to the cell in the workbook. Never overwrites:
 * the sheet gets a name not yet taken (审核结果, 审核结果(2) …). Pure.
 */
import { emptyChangeSet, type ChangeSet } from "../changes";
import type { Finding, Severity } from "../checks/types";
import { newSheet, setCell, uniqueSheetName, type Cell, type CellStyle, type Sheet } from "../model";
import { compareFindings, countBySeverity, tableTitle } from "./findings";

export const REPORT_SHEET_NAME = "审核结果";

const SEVERITY_TEXT: Record<Severity, string> = { error: "错误", warning: "警告", info: "提示" };
const SEVERITY_FILL: Record<Severity, string | undefined> = { error: "#FFC7CE", warning: "#FFEB9C", info: undefined };

/** A string literal inside a formula: "…" with quotes doubled. */
function formulaString(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** 'Sheet name'!C8 as Excel's HYPERLINK location wants it (always quoted, ' doubled). */
export function hyperlinkTarget(sheet: string, cell: string): string {
  return `#'${sheet.replace(/'/g, "''")}'!${cell}`;
}

/** =HYPERLINK("#'支出总表'!C8","支出总表!C8") */
export function hyperlinkFormula(sheet: string, cell: string): string {
  return `=HYPERLINK(${formulaString(hyperlinkTarget(sheet, cell))},${formulaString(`${sheet}!${cell}`)})`;
}

export interface ReportOptions {
  /** Shown in the second line, e.g. the file or unit name. */
  subject?: string;
  /** Date printed on the report (default: today), as text. */
  date?: string;
  /** Name wanted for the sheet (default 审核结果). */
  name?: string;
  /** What the check was run with, printed under the title so the review can be handed on: year, catalog edition, tolerance, version. */
  meta?: { year?: number; edition?: number | null; editionNote?: string; tolerance?: number; version?: string };
  /** Findings the reviewer has marked 已核对 (a column says so). */
  isChecked?: (f: Finding) => boolean;
}

const TOLERANCE_TEXT: Record<number, string> = { 0: "严格 0", 1: "标准 1", 2: "宽松 2" };

/** "预算年度 2024　科目 2024 年版　尾差容许：标准 1　版本 0.1.0" (only what is known). */
export function reportMetaLine(meta: NonNullable<ReportOptions["meta"]>): string {
  const parts: string[] = [];
  if (meta.year) parts.push(`预算年度 ${meta.year}`);
  if (meta.edition) parts.push(`科目 ${meta.edition} 年版${meta.editionNote ? `（${meta.editionNote}）` : ""}`);
  if (meta.tolerance !== undefined) parts.push(`尾差容许：${TOLERANCE_TEXT[meta.tolerance] ?? String(meta.tolerance)}`);
  if (meta.version) parts.push(`预算公开表格助手 ${meta.version}`);
  return parts.join("　");
}

const HEADERS = ["序号", "级别", "表", "单元格", "说明", "应为", "填列", "相差", "规则", "核对"];
const WIDTHS = [6, 8, 18, 18, 60, 14, 14, 12, 22, 8];

/** Build the report sheet (named uniquely against `takenNames`). */
export function buildReportSheet(findings: readonly Finding[], takenNames: Iterable<string>, options: ReportOptions = {}): Sheet {
  const sheet = newSheet(uniqueSheetName(takenNames, options.name ?? REPORT_SHEET_NAME));
  const sorted = [...findings].sort(compareFindings);
  const counts = countBySeverity(sorted);
  const title: CellStyle = { bold: true, fontSize: 16, horizontal: "center" };
  setCell(sheet, 0, 0, { value: "审核结果", style: title });
  sheet.merges.push({ r1: 0, c1: 0, r2: 0, c2: HEADERS.length - 1 });
  const date = options.date ?? new Date().toISOString().slice(0, 10);
  const meta = options.meta ? reportMetaLine(options.meta) : "";
  const summary = `${options.subject ? `${options.subject}　` : ""}检查日期：${date}　${meta ? `${meta}　` : ""}共 ${sorted.length} 条：错误 ${counts.error} 条，警告 ${counts.warning} 条，提示 ${counts.info} 条${options.isChecked ? `，已核对 ${sorted.filter(options.isChecked).length} 条` : ""}`;
  setCell(sheet, 1, 0, { value: summary });
  sheet.merges.push({ r1: 1, c1: 0, r2: 1, c2: HEADERS.length - 1 });
  const head: CellStyle = { bold: true, horizontal: "center", fill: "#D9E1F2", border: true };
  HEADERS.forEach((h, c) => setCell(sheet, 2, c, { value: h, style: head }));
  sorted.forEach((f, i) => {
    const r = 3 + i;
    const fill = SEVERITY_FILL[f.severity];
    const base: CellStyle = { border: true };
    const num = (v: number | string | undefined): Cell =>
      typeof v === "number" ? { value: v, numFmt: "#,##0.00", style: base } : { value: v ?? null, style: base };
    setCell(sheet, r, 0, { value: i + 1, style: { ...base, horizontal: "center" } });
    setCell(sheet, r, 1, { value: SEVERITY_TEXT[f.severity], style: { ...base, horizontal: "center", ...(fill ? { fill } : {}) } });
    setCell(sheet, r, 2, { value: tableTitle(f.table) ?? f.sheet, style: base });
    if (f.sheet && f.cell) setCell(sheet, r, 3, { value: `${f.sheet}!${f.cell}`, formula: hyperlinkFormula(f.sheet, f.cell), style: base });
    else setCell(sheet, r, 3, { value: null, style: base });
    setCell(sheet, r, 4, { value: f.message, style: { ...base, wrap: true } });
    setCell(sheet, r, 5, num(f.expected));
    setCell(sheet, r, 6, num(f.actual));
    setCell(sheet, r, 7, num(f.difference));
    setCell(sheet, r, 8, { value: f.ruleId, style: base });
    setCell(sheet, r, 9, { value: options.isChecked?.(f) ? "已核对" : null, style: { ...base, horizontal: "center" } });
  });
  if (!sorted.length) setCell(sheet, 3, 0, { value: "未发现问题。" });
  sheet.colWidths = [...WIDTHS];
  sheet.frozenRows = 3;
  sheet.print = { landscape: true, fitToWidth: true, repeatRows: { first: 2, last: 2 } };
  return sheet;
}

/** The change set that adds the report sheet; the sheet's name is in `changes.newSheets[0].name`. */
export function planReport(findings: readonly Finding[], takenNames: Iterable<string>, options: ReportOptions = {}): ChangeSet {
  const cs = emptyChangeSet();
  cs.newSheets.push(buildReportSheet(findings, takenNames, options));
  return cs;
}
