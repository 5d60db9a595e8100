/**
 * A workbook held in memory behind the WorkbookHost interface: the simulated
 * workbook of the browser tests and the base of the .xlsx host.
 */
import { applyToModel, protectedSheetsTouched, type ChangeSet } from "../../core/changes";
import { parseRangeA1 } from "../../core/a1";
import { getCell, getSheet, setCell, type Cell, type Workbook } from "../../core/model";
import { HostError, type CellMark, type Selection, type WorkbookHost } from "../host";

/** What a marked cell was before marking: the whole cell (undefined when it did not exist). */
interface MarkOriginal {
  sheet: string;
  r: number;
  c: number;
  cell: Cell | undefined;
}

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
    const locked = protectedSheetsTouched(this.wb, changes);
    if (locked.length) throw new HostError(`工作表“${locked.join("”“")}”受保护，无法写入，未做任何修改。请在“审阅 → 撤消工作表保护”后重试。`, "protected");
    applyToModel(this.wb, changes);
    this.applied.push(changes);
  }

  async select(target: Selection): Promise<void> {
    this.selection = target;
  }

  async getSelection(): Promise<Selection | null> {
    return this.selection;
  }

  /** Originals of the marked cells, by "sheet\0r\0c". */
  protected marks = new Map<string, MarkOriginal>();

  async markCells(marks: CellMark[]): Promise<void> {
    for (const m of marks) {
      const sheet = getSheet(this.wb, m.sheet);
      if (!sheet) throw new HostError(`找不到工作表“${m.sheet}”，可能已被重命名或删除。请重新检查。`, "not-found");
      const rr = parseRangeA1(m.address);
      for (let r = rr.r1; r <= rr.r2; r++)
        for (let c = rr.c1; c <= rr.c2; c++) {
          const key = `${m.sheet}\u0000${r}\u0000${c}`;
          const old = getCell(sheet, r, c);
          if (!this.marks.has(key)) this.marks.set(key, { sheet: m.sheet, r, c, cell: old ? { ...old, style: old.style ? { ...old.style } : undefined } : undefined });
          const base: Cell = old ?? { value: null };
          setCell(sheet, r, c, { ...base, style: { ...(base.style ?? {}), fill: m.color } });
        }
    }
  }

  async clearMarks(): Promise<void> {
    for (const o of this.marks.values()) {
      const sheet = getSheet(this.wb, o.sheet);
      if (!sheet) continue; // the sheet went away: nothing to restore
      const now = getCell(sheet, o.r, o.c);
      if (!now) continue;
      const style = { ...(now.style ?? {}) };
      const origFill = o.cell?.style?.fill;
      if (origFill === undefined) delete style.fill;
      else style.fill = origFill;
      if (o.cell === undefined && now.value === null && !now.formula && !now.numFmt && Object.keys(style).length === 0) {
        setCell(sheet, o.r, o.c, undefined);
        continue;
      }
      const restored: Cell = { ...now };
      if (Object.keys(style).length) restored.style = style;
      else if (o.cell && o.cell.style !== undefined) restored.style = {};
      else delete restored.style;
      setCell(sheet, o.r, o.c, restored);
    }
    this.marks.clear();
  }

  markedCount(): number {
    return this.marks.size;
  }

  // — checked marks (已核对), kept with this workbook in memory
  protected checkedFindings: string[] = [];

  async loadCheckedFindings(): Promise<string[]> {
    return [...this.checkedFindings];
  }

  async saveCheckedFindings(keys: string[]): Promise<void> {
    this.checkedFindings = [...keys];
  }

  async activateSheet(name: string): Promise<void> {
    if (!getSheet(this.wb, name)) throw new HostError(`找不到工作表“${name}”。`, "not-found");
    this.selection = { sheet: name, address: "A1" };
  }
}
