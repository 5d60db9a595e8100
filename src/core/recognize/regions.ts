/**
 * Where the tables are: title rows (and the contents lines that only look like them),
 * titles only in the sheet name, tables without a title found by their headers.
 */
import type { Sheet } from "../model";
import type { TableSpec } from "../specs/types";
import { toHalfWidth } from "../text";
import { NOTE_RE, isDataRow, rowCells } from "./cells";
import { headerKey } from "./columns";
import { TitleIndex, looksLikeTitle, yearIn } from "./titles";

export interface TitleHit {
  r: number;
  c: number;
  text: string;
  spec?: TableSpec;
  unitName?: string;
  year?: number;
  fromSheetName?: boolean;
}

/** A line of a table of contents: "十三、整体支出绩效目标表", "13 | 整体支出绩效目标表 | 表13", "部门收支总表……3". */
export function isContentsLine(sheet: Sheet, t: TitleHit): boolean {
  if (/^\s*(（[一二三四五六七八九十\d]+）|[一二三四五六七八九十]+[、.．]|\d{1,2}[、.．\s])/.test(t.text) || /(…|\.{3,}|·{3,})\s*\d*\s*$/.test(t.text)) return true;
  return rowCells(sheet, t.r).some(({ c, cell }) => c !== t.c && (typeof cell.value === "number" || (typeof cell.value === "string" && /^\s*(表|附表)?\s*[\d一二三四五六七八九十]+\s*$/.test(cell.value))));
}

/** The first row with content after row r (-1 if none). */
export function nextContentRow(sheet: Sheet, r: number, lastRow: number): number {
  for (let k = r + 1; k <= lastRow; k++) if (rowCells(sheet, k, 1).length) return k;
  return -1;
}

export function prevContentRow(sheet: Sheet, r: number): number {
  for (let k = r - 1; k >= 0; k--) if (rowCells(sheet, k, 1).length) return k;
  return -1;
}

/** Rows with content above row `before`. */
export function contentRows(sheet: Sheet, before: number): number {
  let n = 0;
  for (let r = 0; r < Math.min(before, sheet.rows.length); r++) if (rowCells(sheet, r, 1).length) n++;
  return n;
}

export function findTitles(sheet: Sheet, index: TitleIndex): TitleHit[] {
  const hits: TitleHit[] = [];
  const rows = sheet.rows;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!row) continue;
    const cells = rowCells(sheet, r, 4);
    if (cells.length === 0 || cells.length > 3) continue;
    for (const { c, cell } of cells) {
      if (typeof cell.value !== "string") continue;
      const text = cell.value.trim();
      if (text.length > 80 || text.length < 2) continue;
      const m = index.match(text);
      if (m) {
        hits.push({ r, c, text, spec: m.spec, unitName: m.unitName, year: m.year });
        break;
      }
      if (cells.length === 1 && looksLikeTitle(text) && !NOTE_RE.test(text)) {
        hits.push({ r, c, text });
        break;
      }
    }
  }
  return hits;
}

export interface Region {
  spec: TableSpec;
  title: string;
  titleCell: { r: number; c: number };
  /** First row after the title (or the first header row when found by headers). */
  start: number;
  end: number;
  foundBy: "title" | "headers";
  titleUnit?: string;
  titleYear?: number;
  /** The title is only in the sheet name (no title row): titleCell is the table's first cell. */
  fromSheetName?: boolean;
}

/** A table without a title: the spec whose headers best match a block of header rows. */
export function findByHeaders(sheet: Sheet, specs: TableSpec[], from: number, to: number): Region | null {
  const limit = Math.min(to, from + 60);
  for (let r = from; r <= limit; r++) {
    const cells = rowCells(sheet, r);
    const texts = cells.filter(({ cell }) => typeof cell.value === "string");
    if (texts.length < 2 || isDataRow(cells)) continue;
    const keys = new Set<string>();
    for (let k = r; k <= Math.min(limit, r + 2); k++) {
      const ks = rowCells(sheet, k);
      if (k > r && isDataRow(ks)) break;
      for (const { cell } of ks) if (typeof cell.value === "string") keys.add(headerKey(cell.value));
    }
    let best: TableSpec | null = null;
    let bestScore = 0;
    for (const spec of specs) {
      if (spec.layout === "form") continue;
      const cols = spec.sides ? spec.sides.flatMap((s) => s.columns) : spec.columns;
      let score = 0;
      let amounts = 0;
      const seen = new Set<string>();
      for (const col of cols) {
        if (seen.has(col.key)) continue;
        if ([col.header, ...(col.aliases ?? [])].some((h) => keys.has(headerKey(h)))) {
          score++;
          seen.add(col.key);
          if (col.role === "amount") amounts++;
        }
      }
      if (spec.sides && !(keys.has("收入") && keys.has("支出"))) continue;
      if (amounts === 0) continue;
      if (score > bestScore) {
        best = spec;
        bestScore = score;
      }
    }
    if (best && bestScore >= 3) {
      const c = texts[0].c;
      return { spec: best, title: "", titleCell: { r, c }, start: r, end: to, foundBy: "headers" };
    }
  }
  return null;
}

/**
 * A sheet name as a title: "部门收支总表", "2.15单位收支总表" (an export's numbering),
 * "表1-部门收支总表". Null for names that are no table title (Sheet1, 表1, 情况说明).
 */
export function sheetNameTitle(name: string): string | null {
  const t = toHalfWidth(name)
    .trim()
    .replace(/^\d{1,3}(?:[.\-_、]\d{1,3})*[.\-_、\s]*(?=[^\d年])/, "")
    .replace(/^(附表|表)\s*[\d一二三四五六七八九十]+\s*[-—_.、:：\s]*/, "");
  return t.length >= 4 ? t : null;
}

/** A sheet without any title row whose name is a table title: the table starts at the sheet's first row. */
export function sheetNameRegion(sheet: Sheet, index: TitleIndex, lastRow: number): Region | null {
  const name = sheetNameTitle(sheet.name);
  const m = name ? index.match(name) : null;
  if (!m) return null;
  for (let r = 0; r <= lastRow; r++) {
    const cells = rowCells(sheet, r, 1);
    if (!cells.length) continue;
    return { spec: m.spec, title: sheet.name, titleCell: { r, c: cells[0].c }, start: r, end: lastRow, foundBy: "title", titleUnit: m.unitName, titleYear: m.year ?? yearIn(sheet.name), fromSheetName: true };
  }
  return null;
}

export function regionHasNumbers(sheet: Sheet, reg: Region): boolean {
  for (let r = reg.start; r <= reg.end; r++) for (const { cell } of rowCells(sheet, r)) if (typeof cell.value === "number") return true;
  return false;
}
