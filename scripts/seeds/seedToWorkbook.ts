/**
 * Turn the text of a published disclosure (../shared/seeds/*.txt) into a
 * workbook laid out as the unit would keep it: one table per sheet (title,
 * unit line, header rows with merges, data rows, the 本表无数据 note) and the
 * explanatory text on a 情况说明 sheet, one paragraph per row.
 *
 * Used by scripts/build-examples.ts for examples/ and test/fixtures/seeds/.
 */
import { newSheet, setCell, uniqueSheetName, type Cell, type Sheet, type Workbook } from "../../src/core/model";

export interface SeedConfig {
  id: string;
  file: string;
  /** Output file name (without .xlsx). */
  out: string;
  /** The tables lie between the first line matching tablesFrom and the first later line matching tablesTo. */
  tablesFrom?: RegExp;
  tablesTo?: RegExp;
  /** The explanatory text: one or more regions, each from a line matching `from` (its nth occurrence) to one matching `to`. */
  narrative?: { from: RegExp; to?: RegExp; occurrence?: number }[];
  /** Lines that are page furniture, not content. */
  noise?: RegExp[];
  /** Keep amounts printed with thousands separators as text cells (as a copy-paste from PDF gives). */
  amountsAsText?: boolean;
  /** Extra title lines that have no unit line under them. */
  extraTitles?: RegExp[];
}

const UNIT_LINE = /^(单位名称|单位：|单位:|部门：|部门:|部门\/单位|金额单位)/;
const NOTE_LINE = /^(注：|注:|备注|说明：|说明:)/;
const DEFAULT_NOISE = [/^仅供内部审核$/, /^(预算公开)?表\s*\d+(-\d+)?$/, /^附表[-\s]*\d+(-\d+)?$/, /^附件\s*\d+(-\d+)?$/];

function clean(line: string): string {
  return line
    .replace(/<\/?b>/g, "")
    .replace(/\\_/g, "_")
    .replace(/^#+\s*/, "")
    .replace(/\r$/, "");
}

const AMOUNT = /^-?\d{1,3}(,\d{3})+(\.\d+)?$|^-?\d+\.\d+$/;
const INTEGER = /^-?\d+$/;

function toCell(text: string, col: number, cfg: SeedConfig): Cell | undefined {
  const t = text.trim();
  if (t === "") return undefined;
  if (AMOUNT.test(t)) {
    if (cfg.amountsAsText && t.includes(",")) return { value: t };
    return { value: Number(t.replace(/,/g, "")), numFmt: "#,##0.00" };
  }
  if (INTEGER.test(t)) {
    // Codes (类/款/项, split or joined; unit codes; project codes) stay text, as budget systems export them.
    if (col < 4 && t.length >= 2) return { value: t };
    if (t.length > 12) return { value: t };
    return { value: Number(t), numFmt: "#,##0.00" };
  }
  return { value: t };
}

interface Block {
  title: string;
  units: string[];
  rows: string[][];
  notes: string[];
}

function findLine(lines: string[], re: RegExp | undefined, from = 0): number {
  if (!re) return -1;
  for (let i = from; i < lines.length; i++) if (re.test(clean(lines[i]).trim())) return i;
  return -1;
}

export function splitTables(text: string, cfg: SeedConfig): Block[] {
  const all = text.split("\n").map(clean);
  const start = cfg.tablesFrom ? findLine(all, cfg.tablesFrom) : 0;
  if (start < 0) return [];
  const endFound = cfg.tablesTo ? findLine(all, cfg.tablesTo, start + 1) : -1;
  const end = endFound < 0 ? all.length : endFound;
  const noise = [...DEFAULT_NOISE, ...(cfg.noise ?? [])];
  const lines = all.slice(start, end).filter((l) => {
    const t = l.trim();
    return t !== "" && !noise.some((re) => re.test(t));
  });
  const isTitle = (i: number): boolean => {
    const l = lines[i];
    if (l.includes("\t") || UNIT_LINE.test(l.trim()) || NOTE_LINE.test(l.trim())) return false;
    if (cfg.extraTitles?.some((re) => re.test(l.trim()))) return true;
    const next = lines[i + 1];
    return next !== undefined && UNIT_LINE.test(next.trim());
  };
  const blocks: Block[] = [];
  let cur: Block | null = null;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const t = l.trim();
    if (isTitle(i)) {
      cur = { title: t, units: [], rows: [], notes: [] };
      blocks.push(cur);
      continue;
    }
    if (!cur) continue;
    if (UNIT_LINE.test(t)) {
      for (const part of t.split(/\t+|\s{2,}/)) if (part.trim()) cur.units.push(part.trim());
      continue;
    }
    if (NOTE_LINE.test(t)) {
      cur.notes.push(t);
      continue;
    }
    if (!l.includes("\t")) continue; // stray heading text inside a table
    const cells = l.split("\t").map((s) => s.trim());
    while (cells.length && cells[cells.length - 1] === "") cells.pop();
    if (cells.length === 0) continue;
    cur.rows.push(cells);
  }
  // Drop headers repeated at page breaks: a row equal to one of the first 3 rows, seen again later.
  for (const b of blocks) {
    const head = b.rows.slice(0, 3).map((r) => r.join("\t"));
    b.rows = b.rows.filter((r, i) => i < 3 || !head.includes(r.join("\t")));
  }
  return blocks;
}

const HEADER_FILL = "#DDEBF7";

function isHeaderRow(row: string[]): boolean {
  // A row with no amount in it, before the first data row.
  return !row.some((c) => AMOUNT.test(c.trim())) && !row.some((c) => /^合\s*计$/.test(c.trim()));
}

export function blockToSheet(block: Block, name: string, cfg: SeedConfig): Sheet {
  const sheet = newSheet(name);
  const width = Math.max(2, ...block.rows.map((r) => r.length));
  setCell(sheet, 0, 0, { value: block.title, style: { bold: true, fontSize: 16, horizontal: "center" } });
  sheet.merges.push({ r1: 0, c1: 0, r2: 0, c2: width - 1 });
  let r = 1;
  if (block.units.length) {
    // "单位：万元" / "金额单位：万元" is the amount unit (right); "单位：某某中心", "部门：…", "单位名称：…" name the unit (left).
    const isAmountUnit = (u: string) => /^(金额单位|单位)[：:]\s*(万元|元|千元|亿元)\s*$/.test(u);
    const left = block.units.filter((u) => !isAmountUnit(u));
    const right = block.units.filter((u) => !left.includes(u));
    if (left.length) setCell(sheet, r, 0, { value: left.join(" ") });
    if (right.length) setCell(sheet, r, width - 1, { value: right.join(" "), style: { horizontal: "right" } });
    r++;
  }
  const firstRow = r;
  let inHeader = true;
  let headerRows = 0;
  for (const row of block.rows) {
    if (inHeader && !isHeaderRow(row)) inHeader = false;
    row.forEach((text, c) => {
      const cell = toCell(text, c, cfg);
      if (!cell) return;
      if (inHeader) cell.style = { bold: true, fill: HEADER_FILL, horizontal: "center", border: true, wrap: true };
      setCell(sheet, r, c, cell);
    });
    if (inHeader) {
      headerRows++;
      // A header label followed by empty cells spans them (收入 | | 支出 | | | ).
      for (let c = 0; c < width; c++) {
        if (!row[c]) continue;
        let e = c;
        while (e + 1 < width && (row[e + 1] === undefined || row[e + 1] === "") && e + 1 < row.length) e++;
        if (e > c) sheet.merges.push({ r1: r, c1: c, r2: r, c2: e });
      }
    }
    r++;
  }
  if (headerRows > 0) sheet.frozenRows = firstRow + headerRows;
  for (const note of block.notes) {
    r++;
    setCell(sheet, r, 0, { value: note });
  }
  sheet.colWidths = Array.from({ length: width }, (_, c) => (c === 1 || (c === 0 && width <= 3) ? 36 : 14));
  return sheet;
}

function sheetNameFor(title: string): string {
  return title
    .replace(/^\d{4}\s*年(度)?/, "")
    .replace(/[（(]不含上年结转[）)]/, "")
    .replace(/\s+/g, "")
    .slice(0, 31);
}

export function narrativeSheet(text: string, cfg: SeedConfig): Sheet | null {
  if (!cfg.narrative?.length) return null;
  const all = text.split("\n").map(clean);
  const noise = [...DEFAULT_NOISE, ...(cfg.noise ?? [])];
  const sheet = newSheet("情况说明");
  let r = 0;
  for (const region of cfg.narrative) {
    let start = -1;
    for (let k = 0; k < (region.occurrence ?? 1); k++) start = findLine(all, region.from, start + 1);
    if (start < 0) throw new Error(`${cfg.id}: narrative start ${region.from} not found`);
    const endFound = region.to ? findLine(all, region.to, start + 1) : -1;
    const end = endFound < 0 ? all.length : endFound;
    for (const l of all.slice(start, end)) {
      const t = l.trim();
      if (!t || l.includes("\t") || noise.some((re) => re.test(t))) continue;
      setCell(sheet, r++, 0, { value: t, style: { wrap: true } });
    }
  }
  sheet.colWidths = [120];
  return sheet;
}

export function seedToWorkbook(text: string, cfg: SeedConfig): Workbook {
  const wb: Workbook = { sheets: [] };
  const taken: string[] = [];
  for (const block of splitTables(text, cfg)) {
    const name = uniqueSheetName(taken, sheetNameFor(block.title));
    taken.push(name);
    wb.sheets.push(blockToSheet(block, name, cfg));
  }
  const narrative = narrativeSheet(text, cfg);
  if (narrative) {
    narrative.name = uniqueSheetName(taken, narrative.name);
    wb.sheets.push(narrative);
  }
  return wb;
}
