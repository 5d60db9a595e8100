/**
 * Phase 1 — title and unit lines: the unit name, budget year and amount unit a table's
 * title row and the lines under it give ("编制部门：…  单位：元", "单位名称：…"), and where
 * the header starts.
 */
import type { Sheet } from "../../model";
import { BLANK_UNIT_LINE, rowCells, strOf } from "../cells";
import type { Region } from "../regions";
import { isUnitLine, parseUnitLine } from "../titles";

export interface UnitLines {
  unitName?: string;
  year?: number;
  amountUnit?: "万元" | "元";
  unitCell?: { r: number; c: number };
  blankUnitLine?: { r: number; c: number };
  /** Read the unit-line facts of one more row (header rows may carry a unit on their right). */
  read(r: number): void;
}

/** The unit lines of a region, and the first row after them. */
export function readUnitLines(sheet: Sheet, reg: Region): { units: UnitLines; next: number } {
  const units: UnitLines = {
    unitName: reg.titleUnit,
    year: reg.titleYear,
    read(r: number) {
      for (const { c, cell } of rowCells(sheet, r)) {
        const t = strOf(cell);
        if (!t || (!reg.fromSheetName && r === reg.titleCell.r && c === reg.titleCell.c)) continue;
        if (!units.blankUnitLine && BLANK_UNIT_LINE.test(t)) units.blankUnitLine = { r, c };
        const info = parseUnitLine(t);
        if (info.unitName && !units.unitName) {
          units.unitName = info.unitName;
          units.unitCell = { r, c };
        }
        if (info.amountUnit && !units.amountUnit) units.amountUnit = info.amountUnit;
        if (info.year && !units.year && isUnitLine(t)) units.year = info.year;
      }
    },
  };
  // The title row's other cells and up to 4 rows under the title.
  let h = reg.start;
  if (reg.foundBy === "title") {
    if (!reg.fromSheetName) units.read(reg.titleCell.r);
    for (let k = 0; k < 4 && h <= reg.end; k++) {
      const cells = rowCells(sheet, h);
      if (cells.length === 0) {
        h++;
        continue;
      }
      const texts = cells.map(({ cell }) => strOf(cell));
      const unitish = texts.every((t) => isUnitLine(t) || /^[（(].{0,20}[）)]$/.test(t) || /^(单位|金额单位)?[：:]?(万元|元)$/.test(t));
      if (!unitish) break;
      units.read(h);
      h++;
    }
  }
  return { units, next: h };
}
