/**
 * The one interface every host adapter implements: Excel through Office.js,
 * .xlsx files through exceljs, and an in-memory workbook for browser tests.
 * Core never sees a host; the task pane and the CLI talk to core and to a host.
 */
import type { Workbook } from "../core/model";
import type { ChangeSet } from "../core/changes";
import type { CellMark } from "../core/report/findings";

export type { CellMark };

export interface Selection {
  sheet: string;
  /** A1 address without the sheet, e.g. "C7" or "C7:E7". */
  address: string;
}

export interface WorkbookHost {
  readonly kind: "excel" | "xlsx" | "memory";
  /**
   * Read the whole workbook (or the named sheets) into the model, with each sheet's
   * protection (Sheet.protected) read in the same round trip as its cells: the workflows
   * (core/workflows) name a protected sheet and plan no change there without asking again.
   */
  readWorkbook(options?: { sheets?: string[] }): Promise<Workbook>;
  /** Apply a change set in one batch. The caller computes the inverse beforehand (core/changes). */
  applyChanges(changes: ChangeSet): Promise<void>;
  /** Select cells so the user sees them (the 检查 panel's "go to cell"). */
  select(target: Selection): Promise<void>;
  /** The current selection, if the host has one. */
  getSelection(): Promise<Selection | null>;
  /**
   * Highlight cells (the 检查 panel's "在表中标记"). The host first keeps each cell's
   * original fill, so clearMarks puts back exactly what was there. Marking a cell again
   * keeps the first original. Optional: hosts without it cannot mark.
   */
  markCells?(marks: CellMark[]): Promise<void>;
  /** Restore the original fill of every marked cell and forget the marks. */
  clearMarks?(): Promise<void>;
  /** How many cells are marked now (0 when none). */
  markedCount?(): number;
  /** Show a sheet (the insert summary's links). */
  activateSheet?(name: string): Promise<void>;

  // — checked marks (the 检查 panel's 已核对): stable finding keys (core/workflows/check findingKey),
  // saved with the workbook (Excel: the document's settings, stored in the file); optional.
  /** The keys of the findings marked 已核对 in this workbook ([] when none). */
  loadCheckedFindings?(): Promise<string[]>;
  /** Replace the stored keys (the whole set, sorted). */
  saveCheckedFindings?(keys: string[]): Promise<void>;
}

export class HostError extends Error {
  /** Tells a HostError apart even across module instances (a worker loading the modules anew). */
  readonly hostError = true;
  constructor(
    message: string,
    readonly code: "protected" | "too-large" | "api-unsupported" | "not-found" | "unreadable" | "other",
  ) {
    super(message);
  }
}

/** A HostError: its message is already a Chinese sentence for the user, naming the file. */
export function isHostError(e: unknown): e is HostError {
  return e instanceof HostError || (typeof e === "object" && e !== null && (e as { hostError?: unknown }).hostError === true);
}
