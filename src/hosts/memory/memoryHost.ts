/**
 * A workbook held in memory behind the WorkbookHost interface: the simulated
 * workbook of the browser tests and the base of the .xlsx host.
 */
import { applyToModel, type ChangeSet } from "../../core/changes";
import type { Workbook } from "../../core/model";
import type { Selection, WorkbookHost } from "../host";

export class MemoryHost implements WorkbookHost {
  readonly kind: "memory" | "xlsx" = "memory";
  protected selection: Selection | null = null;
  /** Every batch applied, for tests and for the demo page. */
  readonly applied: ChangeSet[] = [];
  constructor(protected wb: Workbook) {}

  async readWorkbook(options?: { sheets?: string[] }): Promise<Workbook> {
    if (!options?.sheets) return this.wb;
    return { sheets: this.wb.sheets.filter((s) => options.sheets!.includes(s.name)) };
  }

  async applyChanges(changes: ChangeSet): Promise<void> {
    applyToModel(this.wb, changes);
    this.applied.push(changes);
  }

  async select(target: Selection): Promise<void> {
    this.selection = target;
  }

  async getSelection(): Promise<Selection | null> {
    return this.selection;
  }
}
