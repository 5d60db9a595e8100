/**
 * Table recognition: find each disclosure table in a user's workbook by its title
 * (or, without a title, by its headers), map its columns to the spec's columns by
 * header text, classify its rows (合计 / 小计 / 其中 / code rows with level / fixed
 * rows of two-sided tables) and read every amount with its printed precision.
 *
 * Real-file quirks handled: several tables on one sheet; amounts as text with
 * thousands separators; codes as numbers, text, or split over 类/款/项 columns;
 * rows named without codes; headers with spaces inside words and lost merges;
 * repeated page-break headers; empty tables with a 本表无数据 note.
 */
import { readShareColumns } from "./shareColumns";
import type { Workbook } from "../model";
import { STANDARD_TABLES } from "../specs/tables";
import type { TableSpec } from "../specs/types";
import { EXTRA_TABLES } from "../specs/extras";
import { NOTE_RE, rowCells, strOf } from "./cells";
import { contentRows, findByHeaders, findTitles, isContentsLine, nextContentRow, prevContentRow, sheetNameRegion, type Region, type TitleHit } from "./regions";
import { recognizeRegion } from "./table";
import { transposeItemRows } from "./transpose";
import { foldYearRows } from "./yearRows";
import { TitleIndex, yearIn } from "./titles";
import type { Paragraph, RecognizedTable, WorkbookFacts } from "./types";
import { UNSETTLED } from "./yearColumns";
import { runSteps, type Steps } from "../workflows/progress";

export type { AmountCell, Paragraph, RecognizedColumn, RecognizedRow, RecognizedTable, WorkbookFacts } from "./types";
export { titleKey } from "./titles";
export { normCode, stripNumbering } from "./cells";
export { sheetNameTitle } from "./regions";

export interface RecognizeOptions {
  /** Specs to recognise (default: the 14 standard tables). */
  specs?: TableSpec[];
  /** The budget year when the caller knows it: settles headers naming a year ("2023年预算数") where neither the tables nor the text give one. */
  year?: number;
}

function mode<T>(xs: (T | undefined)[]): T | undefined {
  const counts = new Map<T, number>();
  for (const x of xs) if (x !== undefined) counts.set(x, (counts.get(x) ?? 0) + 1);
  let best: T | undefined;
  let n = 0;
  for (const [k, v] of counts) if (v > n) [best, n] = [k, v];
  return best;
}

const CHINESE = /[\u4e00-\u9fff]/;

/** The lines of a text cell: one for a one-line cell, else each line with its index. */
function cellLines(sheet: string, r: number, c: number, text: string): Paragraph[] {
  if (!/[\r\n]/.test(text)) return [{ sheet, r, c, text }];
  return text.split(/\r?\n|\r/).map((t, line) => ({ sheet, r, c, text: t, line }));
}

/** "2024年部门预算" / "2024年度单位预算": the first budget year the text names — not a comparison's ("比2024年预算"). */
function budgetYearInText(paragraphs: Paragraph[]): number | undefined {
  for (const p of paragraphs) {
    const m = /(?<![比较与同上至])((?:19|20)\d{2})年度?(部门|单位)?(预算|收支预算)/.exec(p.text.replace(/\s+/g, ""));
    if (m) return Number(m[1]);
  }
  return undefined;
}

/** Recognise every table and every paragraph of explanatory text in a workbook. */
export function recognizeWorkbook(wb: Workbook, opts: RecognizeOptions = {}): WorkbookFacts {
  return runSteps(recognizeSteps(wb, opts));
}

/** Recognition as steps, one per sheet (stage "recognize"): the checker's async path pauses between sheets. */
export function* recognizeSteps(wb: Workbook, opts: RecognizeOptions = {}): Steps<WorkbookFacts> {
  const specs = opts.specs ?? [...STANDARD_TABLES, ...EXTRA_TABLES];
  const index = new TitleIndex(specs);
  const tables: RecognizedTable[] = [];
  const paragraphs: Paragraph[] = [];
  const unrecognized: NonNullable<WorkbookFacts["unrecognized"]> = [];
  // Tables whose headers name a year their own title does not settle: recognised again with the workbook's year.
  const again: { i: number; sheet: (typeof wb.sheets)[number]; reg: Region }[] = [];
  for (const [n, sheet] of wb.sheets.entries()) {
    yield { stage: "recognize", done: n, total: wb.sheets.length, item: sheet.name };
    const sheetTables: RecognizedTable[] = [];
    {
      const titles = findTitles(sheet, index);
      const lastRow = sheet.rows.length - 1;
      const regions: Region[] = [];
      // Unknown titles inside a form (绩效目标表 sub-headings) do not end it.
      const kept: TitleHit[] = [];
      // The title only in the sheet name: a table body above every title row.
      const bySheet = sheetNameRegion(sheet, index, lastRow);
      const firstSpec = titles.find((t) => t.spec)?.r ?? Infinity;
      if (bySheet && titles.length && contentRows(sheet, firstSpec) >= 2) {
        kept.push({ r: bySheet.titleCell.r, c: bySheet.titleCell.c, text: bySheet.title, spec: bySheet.spec, unitName: bySheet.titleUnit, year: bySheet.titleYear, fromSheetName: true });
      }
      for (const t of titles) {
        const open = kept[kept.length - 1];
        if (!t.spec && open?.spec?.layout === "form") continue;
        kept.push(t);
      }
      const hitRows = new Set(titles.map((t) => t.r));
      kept.forEach((t, i) => {
        const end = i + 1 < kept.length ? kept[i + 1].r - 1 : lastRow;
        // A contents line (目录 sheet, the narrative's own contents): the next line is another title.
        if (!t.fromSheetName) {
          const next = nextContentRow(sheet, t.r, lastRow);
          if (hitRows.has(next)) return;
          // The last contents line: a title line above it, and nothing of its own under it or it reads as a contents line.
          if (hitRows.has(prevContentRow(sheet, t.r)) && (next < 0 || next > end || isContentsLine(sheet, t))) return;
        }
        if (!t.spec) {
          const next = rowCells(sheet, t.r + 1).length >= 2 || rowCells(sheet, t.r + 2).length >= 2;
          if (next) unrecognized.push({ sheet: sheet.name, r: t.r, c: t.c, title: t.text });
          return;
        }
        regions.push({ spec: t.spec, title: t.text, titleCell: { r: t.r, c: t.c }, start: t.fromSheetName ? t.r : t.r + 1, end, foundBy: "title", titleUnit: t.unitName, titleYear: t.year ?? yearIn(t.text), fromSheetName: t.fromSheetName });
      });
      if (titles.length === 0) {
        const byHeaders = bySheet ? null : findByHeaders(sheet, specs, 0, lastRow);
        if (bySheet) regions.push(bySheet);
        else if (byHeaders) regions.push(byHeaders);
      }
      for (const reg of regions) {
        const t = recognizeRegion(sheet, reg);
        if (t.missingColumns?.length) transposeItemRows(sheet, t);
        foldYearRows(sheet, t);
        // A known title with nothing under it (a heading in running text) is not a table.
        if (reg.foundBy === "title" && t.columns.length === 0 && t.rows.length === 0 && !t.note && reg.spec.layout !== "form") {
          const next = rowCells(sheet, reg.start);
          if (next.length === 0 || strOf(next[0].cell).length > 40 || isContentsLine(sheet, { r: reg.titleCell.r, c: reg.titleCell.c, text: reg.title })) continue;
        }
        if (UNSETTLED.has(t)) again.push({ i: tables.length + sheetTables.length, sheet, reg });
        sheetTables.push(t);
      }
    }
    tables.push(...sheetTables);

    // Paragraphs: long Chinese text cells outside the tables.
    const covered = sheetTables.map((t) => t.range ?? { r1: t.titleCell.r, r2: t.titleCell.r });
    const rows = sheet.rows;
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      if (!row) continue;
      if (covered.some((g) => r >= g.r1 && r <= g.r2)) continue;
      for (let c = 0; c < row.length; c++) {
        const v = row[c]?.value;
        if (typeof v !== "string") continue;
        // A cell holding several lines (the whole text pasted into one cell) is read line by line, as rows would be.
        for (const line of cellLines(sheet.name, r, c, v)) {
          const text = line.text.trim();
          if (text.length < 20 || !CHINESE.test(text)) continue;
          if (!/[，。；、：,;:]/.test(text) && !/\d/.test(text)) continue;
          if (NOTE_RE.test(text) && text.length < 40) continue;
          paragraphs.push({ ...line, text });
        }
      }
    }
  }
  yield { stage: "recognize", done: wb.sheets.length, total: wb.sheets.length };
  // The text to read, headings included: every text line of a sheet of text, the paragraphs elsewhere.
  const textLines: Paragraph[] = [];
  const tableSheets = new Set(tables.map((t) => t.sheet));
  const textSheets = new Set(paragraphs.map((p) => p.sheet));
  for (const sheet of wb.sheets) {
    if (tableSheets.has(sheet.name) || !textSheets.has(sheet.name)) {
      textLines.push(...paragraphs.filter((p) => p.sheet === sheet.name));
      continue;
    }
    sheet.rows.forEach((row, r) =>
      row?.forEach((cell, c) => {
        if (cell && typeof cell.value === "string" && cell.value.trim()) textLines.push(...cellLines(sheet.name, r, c, cell.value).filter((l) => l.text.trim()));
      }),
    );
  }
  const year = mode(tables.map((t) => t.year)) ?? budgetYearInText(paragraphs);
  const settle = year ?? opts.year;
  if (settle)
    for (const { i, sheet, reg } of again) {
      const t = recognizeRegion(sheet, { ...reg, titleYear: settle });
      if (t.missingColumns?.length) transposeItemRows(sheet, t);
      foldYearRows(sheet, t);
      delete t.year; // the table's own title still prints none
      tables[i] = t;
    }
  const facts: WorkbookFacts = {
    tables,
    paragraphs,
    textLines,
    shareColumns: readShareColumns(wb, tables, paragraphs),
    amountUnit: mode(tables.map((t) => t.amountUnit)) ?? "万元",
  };
  if (year) facts.year = year;
  const unitName = mode(tables.map((t) => t.unitName));
  if (unitName) facts.unitName = unitName;
  if (unrecognized.length) facts.unrecognized = unrecognized;
  return facts;
}
