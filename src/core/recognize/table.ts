/**
 * One table: the recognition phases run in order on a region a title (or the headers)
 * marked — title and unit lines → header rows and column roles → row roles and code
 * reading → amounts and precision → notes — and the facts they found put together.
 */
import type { Sheet } from "../model";
import { readHeader } from "./phases/header";
import { readNotes } from "./phases/notes";
import { applyPrecision } from "./phases/precision";
import { readRows } from "./phases/rows";
import { readUnitLines } from "./phases/units";
import type { Region } from "./regions";
import type { RecognizedTable } from "./types";
import { readYearAmounts, UNSETTLED } from "./yearColumns";

export function recognizeRegion(sheet: Sheet, reg: Region): RecognizedTable {
  const spec = reg.spec;
  const issues: RecognizedTable["issues"] = [];
  const { units, next } = readUnitLines(sheet, reg);
  const hdr = readHeader(sheet, reg, next, units, issues);
  const body = readRows(sheet, reg, hdr, issues);
  const precision = applyPrecision(sheet, reg, hdr, body, issues);
  const { empty } = readNotes(sheet, reg, hdr, body);
  const { headerStart, headerEnd, columns, missing } = hdr;
  const { rows, note, lastRow } = body;
  const { year, unitName, unitCell, blankUnitLine, amountUnit } = units;
  const table: RecognizedTable = {
    spec,
    sheet: sheet.name,
    title: reg.title,
    titleCell: reg.titleCell,
    amountUnit: amountUnit ?? "万元",
    headerRows: { r1: headerStart, r2: Math.max(headerStart, headerEnd) },
    columns,
    rows,
    empty,
    issues,
    range: { r1: reg.titleCell.r, r2: lastRow },
    precision,
    foundBy: reg.foundBy,
  };
  if (missing.length) table.missingColumns = missing.map((m) => m.key);
  if (year) table.year = year;
  if (unitName) table.unitName = unitName;
  if (unitCell) table.unitCell = unitCell;
  if (blankUnitLine && !unitName) table.blankUnitLine = blankUnitLine;
  if (note) table.note = note;
  readYearAmounts(sheet, table, hdr.yearColumns);
  if (hdr.yearUnsettled) UNSETTLED.add(table);
  return table;
}
