/**
 * 起草说明 as a use case the task pane and the CLI share: plan (the draft of a workbook, for
 * the year of WorkContext), preview (its text), confirm (re-plan on a fresh read; when the
 * workbook changed since the preview, nothing is written and the fresh preview is returned;
 * else one new sheet is added, never over an existing one), undo (remove that sheet — only
 * while it is exactly as inserted, so a reason the user has filled in is never thrown away).
 */
import { getSheet, type Workbook } from "../model";
import { planDraftInsertion, type DraftInsertion } from "../draft/workflow";
import type { WorkbookFacts } from "../recognize/types";
import { sheetsContent, type UndoOutcome, type WorkbookPort } from "./port";

export interface DraftRequest {
  /** The year of WorkContext; absent: the workbook's own. */
  year?: number;
  /** Last year's workbook, for the comparisons with the previous year. */
  previousWorkbook?: Workbook;
  /** The new sheet's name (default 情况说明; a taken name gets 情况说明 (2) …). */
  sheetName?: string;
  /** Recognised facts of the workbook, when the caller has them already. */
  facts?: WorkbookFacts;
}

/** Plan: the draft and the change set inserting it (nothing is written). */
export function planDraft(wb: Workbook, req: DraftRequest = {}): DraftInsertion {
  return planDraftInsertion(wb, { year: req.year, previousWorkbook: req.previousWorkbook, sheetName: req.sheetName, facts: req.facts });
}

/** Whether a draft has anything to insert (a recognised table to draft from). */
export function hasDraft(ins: DraftInsertion): boolean {
  return ins.draft.sections.length > 0;
}

function fingerprintOf(ins: DraftInsertion): string {
  return JSON.stringify([ins.sheetName, ins.text]);
}

export async function previewDraft(host: WorkbookPort, req: DraftRequest = {}): Promise<DraftInsertion> {
  return planDraft(await host.readWorkbook(), { ...req, facts: undefined });
}

export type DraftConfirmation = { status: "inserted"; inserted: DraftInsertion } | { status: "changed"; preview: DraftInsertion } | { status: "nothing" };

/** Confirm a preview: re-plan; insert only when the draft is still the one previewed. */
export async function confirmDraft(host: WorkbookPort, preview: DraftInsertion, req: DraftRequest = {}): Promise<DraftConfirmation> {
  const fresh = await previewDraft(host, req);
  if (fingerprintOf(fresh) !== fingerprintOf(preview)) return { status: "changed", preview: fresh };
  if (!hasDraft(fresh)) return { status: "nothing" };
  await host.applyChanges(fresh.changes);
  return { status: "inserted", inserted: fresh };
}

/** Whether the drafted sheet is still there and exactly as inserted. */
export function canUndoDraftInsertion(wb: Workbook, ins: DraftInsertion): UndoOutcome {
  const now = getSheet(wb, ins.sheetName);
  if (!now) return { status: "refused", reason: "missing" };
  return sheetsContent([now]) === sheetsContent([ins.changes.newSheets[0]]) ? { status: "undone" } : { status: "refused", reason: "edited" };
}

export async function undoDraft(host: WorkbookPort, ins: DraftInsertion): Promise<UndoOutcome> {
  const verdict = canUndoDraftInsertion(await host.readWorkbook(), ins);
  if (verdict.status === "refused") return verdict;
  await host.applyChanges(ins.undo);
  return verdict;
}
