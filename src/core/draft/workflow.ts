/**
 * The draft workflow the task pane and the CLI share: plan (write the draft), preview (text),
 * insert (a change set adding one new sheet, never over an existing one), undo (its inverse).
 */
import { inverseOf, type ChangeSet } from "../changes";
import { uniqueSheetName, type Sheet, type Workbook } from "../model";
import { guessYear } from "../fill/year";
import { recognizeWorkbook } from "../recognize";
import type { WorkbookFacts } from "../recognize/types";
import { draftSheet, renderText } from "./render";
import type { Draft } from "./types";
import { writeDraft, type DraftOptions } from "./write";

export const DRAFT_SHEET_NAME = "情况说明";

export interface DraftInsertion {
  draft: Draft;
  /** The text to preview or copy. */
  text: string;
  /** The name the new sheet gets (情况说明, or 情况说明 (2) … when taken). */
  sheetName: string;
  changes: ChangeSet;
  /** Applying this after `changes` removes the sheet again. */
  undo: ChangeSet;
}

/** Plan the insertion of a draft into a workbook: nothing is written here. */
export function planDraftInsertion(wb: Workbook, opts: DraftOptions & { previousWorkbook?: Workbook; facts?: WorkbookFacts; sheetName?: string } = {}): DraftInsertion {
  const facts = opts.facts ?? recognizeWorkbook(wb, { year: opts.year ?? guessYear(wb) ?? undefined });
  const previous = opts.previous ?? (opts.previousWorkbook ? recognizeWorkbook(opts.previousWorkbook) : undefined);
  const year = opts.year ?? facts.year ?? guessYear(wb) ?? undefined;
  const draft = writeDraft(facts, { ...opts, year, previous });
  const sheetName = uniqueSheetName(
    wb.sheets.map((s) => s.name),
    opts.sheetName ?? DRAFT_SHEET_NAME,
  );
  const changes: ChangeSet = { newSheets: [draftSheet(draft, sheetName)], edits: [], removeSheets: [] };
  return { draft, text: renderText(draft), sheetName, changes, undo: inverseOf(wb, changes) };
}

/**
 * A copy of a workbook without its explanatory text: the sheets that hold only text (no
 * recognised table) are dropped. For round-trip tests and for drafting afresh.
 */
export function stripNarrative(wb: Workbook): Workbook {
  const facts = recognizeWorkbook(wb);
  const tableSheets = new Set(facts.tables.map((t) => t.sheet));
  return { ...wb, sheets: wb.sheets.filter((s) => tableSheets.has(s.name)) };
}

/**
 * Whether undoing an insertion keeps the user's data: the drafted sheet is still there and
 * unchanged (no reason filled in, nothing edited). Otherwise undo would throw their work away.
 */
export function canUndoDraft(wb: Workbook, ins: Pick<DraftInsertion, "sheetName" | "changes">): boolean {
  const now = wb.sheets.find((s) => s.name === ins.sheetName);
  const made = ins.changes.newSheets[0];
  if (!now || !made) return false;
  const content = (sheet: Sheet) => {
    const out: string[] = [];
    sheet.rows.forEach((row, r) => row?.forEach((c, k) => {
      if (c && ((c.value !== null && c.value !== "") || c.formula)) out.push(`${r},${k}=${JSON.stringify(c.value)}${c.formula ?? ""}`);
    }));
    return out.join("\n");
  };
  return content(now) === content(made);
}
