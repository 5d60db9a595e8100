/**
 * The check use-case, shared by the task pane and the CLI: what to check (the workbook, or one
 * sheet — never the 审核结果 sheet the pane writes), the run itself, stable keys for findings
 * (so a reviewer's 已核对 marks survive a re-check) and the state of those marks. Pure.
 */
import type { CheckOptions, Finding, Severity } from "../checks/types";
import type { Sheet, Workbook } from "../model";
import { REPORT_SHEET_NAME } from "../report/reportSheet";
import type { TaskControl } from "./progress";

/** The header row the 审核结果 sheet starts its table with (row 3). */
const REPORT_HEADER_START = ["序号", "级别", "表", "单元格", "说明"];

function text(sheet: Sheet, r: number, c: number): string {
  const v = sheet.rows[r]?.[c]?.value;
  return typeof v === "string" ? v.trim() : "";
}

/**
 * A sheet written by 生成审核结果表 (planReport): its title cell says 审核结果 and its third
 * row holds the report's column heads. Told by content, not name, so a renamed report is still
 * one and a user's own sheet that happens to be called 审核结果 is still checked.
 */
export function isReportSheet(sheet: Sheet): boolean {
  if (!text(sheet, 0, 0).startsWith(REPORT_SHEET_NAME)) return false;
  return REPORT_HEADER_START.every((h, c) => text(sheet, 2, c) === h);
}

/** The workbook without its 审核结果 sheets (same sheet objects). */
export function withoutReportSheets(wb: Workbook): Workbook {
  const sheets = wb.sheets.filter((s) => !isReportSheet(s));
  return sheets.length === wb.sheets.length ? wb : { ...wb, sheets };
}

export type CheckScopeKind = "workbook" | "sheet";

/** What a "当前工作表" check will check. */
export type SheetTarget =
  | { sheet: string; /** the active sheet was a 审核结果 sheet: this is the sheet the user came from */ cameFrom?: boolean }
  | { sheet: null; reason: "results-sheet" | "no-sheet" };

/**
 * The sheet a 当前工作表 check looks at: the active one, unless it is a 审核结果 sheet — then the
 * sheet the user was on before (when it is still there and not a report), else none, with why.
 */
export function sheetTarget(wb: Workbook, active: string | null | undefined, previous?: string | null): SheetTarget {
  const find = (name: string | null | undefined) => (name ? wb.sheets.find((s) => s.name === name) : undefined);
  const a = find(active) ?? (active ? undefined : wb.sheets.find((s) => !isReportSheet(s)));
  if (!a) return { sheet: null, reason: "no-sheet" };
  if (!isReportSheet(a)) return { sheet: a.name };
  const p = find(previous);
  if (p && !isReportSheet(p)) return { sheet: p.name, cameFrom: true };
  return { sheet: null, reason: "results-sheet" };
}

export interface CheckRequest {
  scope: CheckScopeKind;
  /** The active sheet (host selection), for scope "sheet". */
  activeSheet?: string | null;
  /** The last sheet the user was on that is not a 审核结果 sheet. */
  previousSheet?: string | null;
  options?: CheckOptions;
}

export interface CheckRun {
  findings: Finding[];
  /** The stable key of each finding (same order). */
  keys: string[];
  scope: CheckScopeKind;
  /** The sheet checked (scope "sheet"), or null when there was nothing to check. */
  sheet?: string | null;
  /** Set when the active sheet was a 审核结果 sheet and the previous sheet was checked instead. */
  cameFrom?: boolean;
  /** Set when a sheet check had nothing to check. */
  refused?: "results-sheet" | "no-sheet";
  /** 审核结果 sheets left out of the check. */
  skippedReports: string[];
}

export type Checker = (wb: Workbook, options: CheckOptions) => Finding[];
/** The pane's checker: the same findings as a Checker, with progress, pauses and cancel (core/workflows/progress). */
export type AsyncChecker = (wb: Workbook, options: CheckOptions, control?: TaskControl) => Promise<Finding[]>;

/**
 * Run the checker for the request. The checker always sees the whole workbook (less its
 * 审核结果 sheets) — cross-table rules need the other tables — and a sheet check keeps that
 * sheet's findings.
 */
export function runCheck(wb: Workbook, check: Checker, req: CheckRequest): CheckRun {
  const plan = planCheck(wb, req);
  return "refused" in plan ? plan.refused : plan.finish(check(plan.wb, plan.options));
}

/** runCheck with an async checker: the same run, the control passed to the checker (TaskCancelledError when cancelled). */
export async function runCheckAsync(wb: Workbook, check: AsyncChecker, req: CheckRequest, control?: TaskControl): Promise<CheckRun> {
  const plan = planCheck(wb, req);
  return "refused" in plan ? plan.refused : plan.finish(await check(plan.wb, plan.options, control));
}

/** What runCheck and runCheckAsync check, and how they make the checker's findings into the run. */
function planCheck(wb: Workbook, req: CheckRequest): { refused: CheckRun } | { wb: Workbook; options: CheckOptions; finish(found: Finding[]): CheckRun } {
  const skippedReports = wb.sheets.filter(isReportSheet).map((s) => s.name);
  const base = { scope: req.scope, skippedReports };
  let sheet: string | null | undefined;
  let cameFrom: boolean | undefined;
  if (req.scope === "sheet") {
    const target = sheetTarget(wb, req.activeSheet, req.previousSheet);
    if (target.sheet === null) return { refused: { ...base, findings: [], keys: [], sheet: null, refused: target.reason } };
    sheet = target.sheet;
    if (target.cameFrom) cameFrom = true;
  }
  return {
    wb: withoutReportSheets(wb),
    options: req.options ?? {},
    finish: (found) => {
      const findings = sheet ? found.filter((f) => f.sheet === sheet) : found;
      return { ...base, findings, keys: findingKeys(findings), ...(sheet !== undefined ? { sheet } : {}), ...(cameFrom ? { cameFrom } : {}) };
    },
  };
}

/**
 * A finding's stable key: rule, sheet, cell and message id (or, for a rule without ids, the
 * message). The same problem found again by a re-check has the same key; the problem changed
 * (another figure in a message without an id) is a new finding.
 */
export function findingKey(f: Finding): string {
  const cell = (f.cell ?? "").replace(/\$/g, "").toUpperCase();
  return [f.ruleId, f.sheet ?? "", cell, f.messageId ? `#${f.messageId}` : f.message].join("\u001f");
}

/**
 * Keys for a list of findings; two findings with the same key (one rule saying the same thing
 * twice about one cell) get "…\u001f2", "…\u001f3" so each can be marked on its own.
 */
export function findingKeys(findings: readonly Finding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const k = findingKey(f);
    const n = (seen.get(k) ?? 0) + 1;
    seen.set(k, n);
    return n === 1 ? k : `${k}\u001f${n}`;
  });
}

export interface CheckedState {
  /** Findings of this run marked 已核对. */
  checked: number;
  total: number;
  bySeverity: Record<Severity, { checked: number; total: number }>;
  /** Marks whose finding is not in this run (fixed, or outside the scope): kept, not counted. */
  absent: number;
}

export function checkedState(findings: readonly Finding[], keys: readonly string[], marks: ReadonlySet<string>): CheckedState {
  const bySeverity: CheckedState["bySeverity"] = { error: { checked: 0, total: 0 }, warning: { checked: 0, total: 0 }, info: { checked: 0, total: 0 } };
  let checked = 0;
  const present = new Set(keys);
  findings.forEach((f, i) => {
    const s = bySeverity[f.severity];
    s.total++;
    if (marks.has(keys[i])) {
      s.checked++;
      checked++;
    }
  });
  let absent = 0;
  for (const m of marks) if (!present.has(m)) absent++;
  return { checked, total: findings.length, bySeverity, absent };
}

/** Marks after ticking or unticking one finding (a new set; sorted when saved, so the stored value is stable). */
export function toggleChecked(marks: ReadonlySet<string>, key: string, on: boolean): Set<string> {
  const next = new Set(marks);
  if (on) next.add(key);
  else next.delete(key);
  return next;
}

/** Marks as stored with the workbook: sorted, unique, strings only (what a host hands back may be anything). */
export function storedMarks(raw: unknown): string[] {
  if (!Array.isArray(raw)) return [];
  return [...new Set(raw.filter((k): k is string => typeof k === "string" && k.length > 0 && k.length < 2000))].sort();
}
