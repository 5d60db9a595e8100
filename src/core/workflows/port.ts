/**
 * What a workflow needs from the workbook it works on: the pane passes its WorkbookHost
 * (Office.js, memory), the CLI a file model behind the same three calls. Core never imports a
 * host; any object with these methods will do.
 */
import type { ChangeSet } from "../changes";
import type { Sheet, Workbook } from "../model";
import { cells, isEmptyCell } from "../model";

export interface WorkbookPort {
  /** Read the workbook afresh (with each sheet's protection: Sheet.protected). */
  readWorkbook(): Promise<Workbook>;
  /** Apply a change set in one batch. */
  applyChanges(changes: ChangeSet): Promise<void>;
  /** The current selection (sheet and A1 address without the sheet), if the host has one. */
  getSelection?(): Promise<{ sheet: string; address: string } | null>;
}

/**
 * The values and formulas of sheets (what a user could have typed), formatting left out: the
 * fingerprint that tells whether sheets are still exactly as a workflow wrote them.
 */
export function sheetsContent(sheets: (Sheet | undefined)[]): string {
  return JSON.stringify(
    sheets.map((sh) => {
      if (!sh) return null;
      const filled: string[] = [];
      for (const { r, c, cell } of cells(sh)) {
        if (isEmptyCell(cell)) continue; // formatting only
        filled.push(`${r},${c}=${cell.formula ?? JSON.stringify(cell.value)}`);
      }
      return filled;
    }),
  );
}

/** The outcome of an undo: done, or refused because undoing would lose the user's work. */
export type UndoOutcome = { status: "undone" } | { status: "refused"; reason: "edited" | "missing" };
