/**
 * 填充科目名称 as a use case the task pane and the CLI share:
 *   target  — the scope resolved once, at preview (selection / active sheet / all sheets), so
 *             going to a cell of the preview does not change what 确认 writes;
 *   preview — the plan on a fresh read, with the protected sheets named (nothing is planned there);
 *   choose  — each name change (填入 / 更正) can be accepted or rejected; the rest of the plan
 *             (上级行, indentation) follows the options;
 *   confirm — re-plan on a fresh read; if the workbook changed since the preview, nothing is
 *             written and the fresh preview is returned instead; else the accepted changes are
 *             applied in one batch, with their inverse computed before;
 *   undo    — the inverse, only while the written cells are still as written.
 */
import { parseA1, parseRangeA1 } from "../a1";
import { inverseOf, type ChangeSet } from "../changes";
import type { Catalog } from "../catalog/catalog";
import { mergePlans, planFill, type FillItem, type FillPlan } from "../fill/plan";
import { getCell, getSheet, type Cell, type RangeRef, type Workbook } from "../model";
import type { UndoOutcome, WorkbookPort } from "./port";

export type FillScope = "selection" | "active" | "all";

export interface FillRequest {
  scope: FillScope;
  /** The year of WorkContext (core/workflows/context.ts): the pane's props.work.year, the CLI's resolved year. */
  year: number;
  fixNames: boolean;
  addParents: boolean;
  indent: boolean;
}

/** Where the plan is made: all sheets, or one sheet (and a block of rows of it). */
export interface FillTarget {
  scope: FillScope;
  /** The sheet (scopes "active" and "selection"). */
  sheet?: string;
  /** The selection's address (scope "selection"). */
  address?: string;
}

export class FillScopeError extends Error {
  constructor(readonly code: "no-selection" | "no-sheet", message: string) {
    super(message);
  }
}

/** Resolve the scope against the host's selection (asked once, at preview). */
export async function resolveFillTarget(host: Pick<WorkbookPort, "getSelection">, wb: Workbook, scope: FillScope): Promise<FillTarget> {
  if (scope === "all") return { scope };
  const sel = host.getSelection ? await host.getSelection() : null;
  if (!sel) throw new FillScopeError("no-selection", "没有读到选区：请先在 Excel 中选中要填充的区域，或改选“全部工作表”。");
  if (!getSheet(wb, sel.sheet)) throw new FillScopeError("no-sheet", `找不到工作表“${sel.sheet}”。`);
  return scope === "selection" ? { scope, sheet: sel.sheet, address: sel.address } : { scope, sheet: sel.sheet };
}

/** The fill plan of a target (no host: the CLI calls this on its file model). */
export function planFillTarget(wb: Workbook, catalog: Catalog, target: FillTarget, req: Omit<FillRequest, "scope">): FillPlan {
  const opts = { year: req.year, fixNames: req.fixNames, addParents: req.addParents, indent: req.indent };
  if (target.scope === "all") return mergePlans(wb.sheets.map((sh) => planFill(sh, catalog, opts)));
  const sheet = getSheet(wb, target.sheet ?? "");
  if (!sheet) throw new FillScopeError("no-sheet", `找不到工作表“${target.sheet ?? ""}”。`);
  const range: RangeRef | undefined = target.scope === "selection" && target.address ? parseRangeA1(target.address) : undefined;
  return planFill(sheet, catalog, range ? { ...opts, range } : opts);
}

/** Edits no preview item describes: names that only get indented (counted, not listed one by one). */
export function indentOnlyEdits(plan: FillPlan): number {
  const parentRows = new Set<string>();
  for (const it of plan.items) if (it.action === "add-parent") parentRows.add(`${it.sheet}!${parseA1(it.cell).r}`);
  const inParentRows = plan.changes.edits.filter((e) => parentRows.has(`${e.sheet}!${e.r}`)).length;
  return Math.max(0, plan.changes.edits.length - plan.counts.fill - plan.counts.fix - inParentRows);
}

/** A stable key of a preview item (to accept or reject it, and to keep that choice over a re-plan). */
export function fillItemKey(it: Pick<FillItem, "sheet" | "cell" | "action" | "code">): string {
  return `${it.sheet}!${it.cell}!${it.action}!${it.code}`;
}

/** Whether an item is a single change the user can accept or reject (a name filled or corrected). */
export function isChoosable(it: FillItem): boolean {
  return it.action === "fill" || it.action === "fix";
}

export interface FillPreview {
  request: FillRequest;
  target: FillTarget;
  plan: FillPlan;
  /** Protected sheets in the target that have names to judge: nothing is planned there. */
  protectedSheets: string[];
  /** The plan's edits, to see whether the workbook changed before 确认. */
  fingerprint: string;
}

function fingerprintOf(plan: FillPlan): string {
  return JSON.stringify([plan.changes.edits, plan.changes.insertRows ?? []]);
}

function makePreview(wb: Workbook, catalog: Catalog, target: FillTarget, request: FillRequest): FillPreview {
  const plan = planFillTarget(wb, catalog, target, request);
  return { request, target, plan, protectedSheets: plan.protectedSheets, fingerprint: fingerprintOf(plan) };
}

/** Preview: resolve the scope, plan on a fresh read. Nothing is written. */
export async function previewFill(host: WorkbookPort, catalog: Catalog, request: FillRequest): Promise<FillPreview> {
  const wb = await host.readWorkbook();
  return makePreview(wb, catalog, await resolveFillTarget(host, wb, request.scope), request);
}

/**
 * The change set of the accepted changes: the plan without the edits of rejected 填入 / 更正
 * items. Item cells are where the names are now; with 上级行 inserted above them the edit is
 * further down by the rows inserted at or above it.
 */
export function acceptedChanges(plan: FillPlan, rejected: ReadonlySet<string>): ChangeSet {
  const cs: ChangeSet = { ...plan.changes, edits: [...plan.changes.edits] };
  if (!rejected.size) return cs;
  const drop = new Set<string>();
  for (const it of plan.items) {
    if (!isChoosable(it) || !rejected.has(fillItemKey(it))) continue;
    const { r, c } = parseA1(it.cell);
    const below = (plan.changes.insertRows ?? []).filter((b) => b.sheet === it.sheet && b.at <= r).reduce((n, b) => n + b.count, 0);
    drop.add(`${it.sheet}\u0000${r + below}\u0000${c}`);
  }
  cs.edits = cs.edits.filter((e) => !drop.has(`${e.sheet}\u0000${e.r}\u0000${e.c}`));
  return cs;
}

export interface FillApplied {
  changes: ChangeSet;
  /** Applying this restores the cells (and removes the rows inserted) exactly. */
  inverse: ChangeSet;
  count: number;
}

export type FillConfirmation = { status: "applied"; applied: FillApplied } | { status: "changed"; preview: FillPreview } | { status: "nothing" };

/**
 * Confirm a preview: re-plan on a fresh read for the same target; a different plan means the
 * workbook changed since the preview — nothing is written, the fresh preview is returned.
 */
export async function confirmFill(host: WorkbookPort, catalog: Catalog, preview: FillPreview, rejected: ReadonlySet<string> = new Set()): Promise<FillConfirmation> {
  const wb = await host.readWorkbook();
  const fresh = makePreview(wb, catalog, preview.target, preview.request);
  if (fresh.fingerprint !== preview.fingerprint) return { status: "changed", preview: fresh };
  const changes = acceptedChanges(fresh.plan, rejected);
  if (!changes.edits.length) return { status: "nothing" };
  const inverse = inverseOf(wb, changes);
  await host.applyChanges(changes);
  return { status: "applied", applied: { changes, inverse, count: changes.edits.length } };
}

function sameWritten(now: Cell | undefined, written: Cell | null): boolean {
  if (!written) return !now || (now.value === null && !now.formula);
  if (!now) return false;
  if (written.formula) return (now.formula ?? "").replace(/\s+/g, "").toUpperCase() === written.formula.replace(/\s+/g, "").toUpperCase();
  return !now.formula && now.value === written.value;
}

/** Whether undo keeps the user's work: every written cell still holds what was written. */
export function canUndoFill(wb: Workbook, applied: FillApplied): UndoOutcome {
  for (const e of applied.changes.edits) {
    const sheet = getSheet(wb, e.sheet);
    if (!sheet) return { status: "refused", reason: "missing" };
    if (!sameWritten(getCell(sheet, e.r, e.c), e.cell)) return { status: "refused", reason: "edited" };
  }
  return { status: "undone" };
}

/** Undo: restore the cells exactly (and remove inserted rows), only while they are as written. */
export async function undoFill(host: WorkbookPort, applied: FillApplied): Promise<UndoOutcome> {
  const verdict = canUndoFill(await host.readWorkbook(), applied);
  if (verdict.status === "refused") return verdict;
  await host.applyChanges(applied.inverse);
  return verdict;
}
