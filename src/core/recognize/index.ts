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
import { displayValue, getCell, type Cell, type Sheet, type Workbook } from "../model";
import { STANDARD_TABLES } from "../specs/tables";
import type { FixedRowSpec, TableSpec } from "../specs/types";
import { cleanText, labelKey, toHalfWidth } from "../text";
import { readAmount } from "./amounts";
import { cellText, headerKey, headerPaths, mapColumns, requiredColumns } from "./columns";
import { transposeItemRows } from "./transpose";
import { EXTRA_TABLES } from "../specs/extras";
import { classCodeByName, econClassByName, econItemByName } from "./names";
import { TitleIndex, isUnitLine, looksLikeTitle, parseUnitLine, yearIn } from "./titles";
import type { AmountCell, Paragraph, RecognizedColumn, RecognizedRow, RecognizedTable, WorkbookFacts } from "./types";

export type { AmountCell, Paragraph, RecognizedColumn, RecognizedRow, RecognizedTable, WorkbookFacts } from "./types";
export { titleKey } from "./titles";

export interface RecognizeOptions {
  /** Specs to recognise (default: the 14 standard tables). */
  specs?: TableSpec[];
}

const TOTAL_LABEL = /^(合计|总计|部门合计|单位合计|本部门合计|合计数|总合计|本级合计)$/;
const NOTE_RE = /(本表无数据|此表无数据|本表无内容|此表无内容|本表为空|此表为空|^注[：:]|^备注|^说明[：:]|^填表说明)/;
/** A unit line whose unit name was left blank: "部门/单位： _____ 单位：万元", "单位名称：". */
const BLANK_UNIT_LINE = /^(部门\/单位|单位名称|部门|单位)\s*[：:]\s*(_+\s*)?(单位[：:]\s*万?元)?\s*$/;
const NUMBERING = /^(（[一二三四五六七八九十廿卅百零〇\d]+）|[一二三四五六七八九十廿卅百零〇]+[、.．]|\d{1,2}[、.．](?!\d)|[①-⑳])/;

/** A row label without its numbering ("一、" "（一）" "(十七)" "廿一、" "1." "①"), compared by labelKey. */
export function stripNumbering(label: string): string {
  return labelKey(label).replace(NUMBERING, "");
}

interface CellInfo {
  c: number;
  cell: Cell;
}

function rowCells(sheet: Sheet, r: number, limit = Infinity): CellInfo[] {
  const row = sheet.rows[r];
  const out: CellInfo[] = [];
  if (!row) return out;
  for (let c = 0; c < row.length; c++) {
    const cell = row[c];
    if (!cell) continue;
    const v = cell.value;
    // A formula counts even without a computed value (a file written but never opened in Excel).
    if (!cell.formula && (v === null || v === undefined || (typeof v === "string" && v.trim() === ""))) continue;
    out.push({ c, cell });
    if (out.length >= limit) break;
  }
  return out;
}

function strOf(cell: Cell | undefined): string {
  if (!cell) return "";
  const v = cell.value;
  if (typeof v === "string") return v.trim();
  if (typeof v === "number") return String(v);
  return "";
}

/** A code as printed, normalised: 208, "208", "２０８", " 2080101 " → "2080101". */
export function normCode(v: unknown): string {
  if (typeof v === "number") return Number.isInteger(v) && v >= 0 ? String(v) : "";
  if (typeof v !== "string") return "";
  const s = toHalfWidth(v).replace(/\s+/g, "");
  return /^[0-9A-Za-z-]+$/.test(s) ? s : "";
}

const CLASSIFICATION = /^\d{3}(\d{2}){0,2}$/;

function domainOf(code: string): RecognizedRow["domain"] {
  switch (code[0]) {
    case "2":
      return "function";
    case "3":
      return "econ-dept";
    case "5":
      return "econ-gov";
    case "1":
      return "revenue";
    default:
      return undefined;
  }
}

function isNumericCell(cell: Cell): boolean {
  const v = cell.value;
  if (typeof v === "number") return true;
  if (typeof v === "string") return /^\s*[-+]?[\d,，]*\d(\.\d+)?\s*$/.test(toHalfWidth(v)) && /[.,，]/.test(v);
  return false;
}

function isCodeLike(cell: Cell): boolean {
  const v = cell.value;
  return typeof v === "string" && /^\s*\d{3,}\s*$/.test(toHalfWidth(v));
}

/** 1 2 3 … n under a header (栏次). */
function isColumnNumberRow(cells: CellInfo[]): boolean {
  const nums: number[] = [];
  let labelled = false;
  for (const { cell } of cells) {
    const v = cell.value;
    if (typeof v === "string" && /^(栏次|行次)$/.test(v.replace(/\s+/g, ""))) {
      labelled = true;
      continue;
    }
    const n = typeof v === "number" ? v : typeof v === "string" && /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
    if (!Number.isInteger(n)) return false;
    nums.push(n);
  }
  if (nums.length < (labelled ? 1 : 3)) return false;
  for (let i = 1; i < nums.length; i++) if (nums[i] !== nums[i - 1] + 1) return false;
  return nums[0] <= 1;
}

function isNoteRow(cells: CellInfo[]): string | null {
  if (cells.length === 0 || cells.length > 2) return null;
  for (const { cell } of cells) if (typeof cell.value === "number") return null;
  const t = cells.map(({ cell }) => strOf(cell)).join(" ");
  return NOTE_RE.test(labelKey(t)) || NOTE_RE.test(t.trim()) ? t : null;
}

function isDataRow(cells: CellInfo[]): boolean {
  if (isColumnNumberRow(cells)) return false;
  if (cells.some(({ cell }) => isNumericCell(cell) || isCodeLike(cell) || typeof cell.value === "object")) return true;
  const texts = cells.filter(({ cell }) => typeof cell.value === "string");
  return texts.length <= 2 && texts.some(({ cell }) => TOTAL_LABEL.test(stripNumbering(strOf(cell))));
}

interface TitleHit {
  r: number;
  c: number;
  text: string;
  spec?: TableSpec;
  unitName?: string;
  year?: number;
  fromSheetName?: boolean;
}

/** A line of a table of contents: "十三、整体支出绩效目标表", "13 | 整体支出绩效目标表 | 表13", "部门收支总表……3". */
function isContentsLine(sheet: Sheet, t: TitleHit): boolean {
  if (/^\s*(（[一二三四五六七八九十\d]+）|[一二三四五六七八九十]+[、.．]|\d{1,2}[、.．\s])/.test(t.text) || /(…|\.{3,}|·{3,})\s*\d*\s*$/.test(t.text)) return true;
  return rowCells(sheet, t.r).some(({ c, cell }) => c !== t.c && (typeof cell.value === "number" || (typeof cell.value === "string" && /^\s*(表|附表)?\s*[\d一二三四五六七八九十]+\s*$/.test(cell.value))));
}

/** The first row with content after row r (-1 if none). */
function nextContentRow(sheet: Sheet, r: number, lastRow: number): number {
  for (let k = r + 1; k <= lastRow; k++) if (rowCells(sheet, k, 1).length) return k;
  return -1;
}

function prevContentRow(sheet: Sheet, r: number): number {
  for (let k = r - 1; k >= 0; k--) if (rowCells(sheet, k, 1).length) return k;
  return -1;
}

/** Rows with content above row `before`. */
function contentRows(sheet: Sheet, before: number): number {
  let n = 0;
  for (let r = 0; r < Math.min(before, sheet.rows.length); r++) if (rowCells(sheet, r, 1).length) n++;
  return n;
}

function findTitles(sheet: Sheet, index: TitleIndex): TitleHit[] {
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

interface Region {
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
function findByHeaders(sheet: Sheet, specs: TableSpec[], from: number, to: number): Region | null {
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
function sheetNameRegion(sheet: Sheet, index: TitleIndex, lastRow: number): Region | null {
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

function maxDecimals(cells: AmountCell[]): number {
  let m = 0;
  for (const a of cells) if (a.decimals > m) m = a.decimals;
  return Math.min(4, m);
}

function recognizeRegion(sheet: Sheet, reg: Region): RecognizedTable {
  const spec = reg.spec;
  const issues: RecognizedTable["issues"] = [];
  let unitName = reg.titleUnit;
  let year = reg.titleYear;
  let amountUnit: "万元" | "元" | undefined;
  let unitCell: { r: number; c: number } | undefined;
  let blankUnitLine: { r: number; c: number } | undefined;

  // Unit lines: the title row's other cells and up to 4 rows under the title.
  let h = reg.start;
  const readUnit = (r: number) => {
    for (const { c, cell } of rowCells(sheet, r)) {
      const t = strOf(cell);
      if (!t || (!reg.fromSheetName && r === reg.titleCell.r && c === reg.titleCell.c)) continue;
      if (!blankUnitLine && BLANK_UNIT_LINE.test(t)) blankUnitLine = { r, c };
      const info = parseUnitLine(t);
      if (info.unitName && !unitName) {
        unitName = info.unitName;
        unitCell = { r, c };
      }
      if (info.amountUnit && !amountUnit) amountUnit = info.amountUnit;
      if (info.year && !year && isUnitLine(t)) year = info.year;
    }
  };
  if (reg.foundBy === "title") {
    if (!reg.fromSheetName) readUnit(reg.titleCell.r);
    for (let k = 0; k < 4 && h <= reg.end; k++) {
      const cells = rowCells(sheet, h);
      if (cells.length === 0) {
        h++;
        continue;
      }
      const texts = cells.map(({ cell }) => strOf(cell));
      const unitish = texts.every((t) => isUnitLine(t) || /^[（(].{0,20}[）)]$/.test(t) || /^(单位|金额单位)?[：:]?(万元|元)$/.test(t));
      if (!unitish) break;
      readUnit(h);
      h++;
    }
  }

  // Header rows.
  const headerStart = h;
  let headerEnd = h - 1;
  const skip = new Set<number>();
  for (let r = h; r <= reg.end && r < h + 5; r++) {
    const cells = rowCells(sheet, r);
    if (cells.length === 0) {
      if (headerEnd >= headerStart) break;
      continue;
    }
    if (isColumnNumberRow(cells)) {
      skip.add(r);
      headerEnd = r;
      continue;
    }
    if (isDataRow(cells) || isNoteRow(cells)) break;
    if (cells.some(({ cell }) => strOf(cell).length > 60)) break;
    // A lone label in the first column under a header block is a row label (an empty table's 项目 rows).
    // (Not a group header merged across columns: "预算数" over every amount column.)
    if (headerEnd >= headerStart && cells.length === 1 && cells[0].c <= firstHeaderCol(sheet, headerStart, headerEnd) && r - headerStart >= 1 && !sheet.merges.some((m) => m.r1 === r && m.c1 === cells[0].c && m.c2 > m.c1)) break;
    if (reg.foundBy === "title") readUnit(r);
    headerEnd = r;
  }
  const hasHeader = headerEnd >= headerStart;

  // Column span: header cells and merges, widened by data cells below.
  let c1 = Infinity;
  let c2 = -1;
  for (let r = headerStart; r <= headerEnd; r++) {
    for (const { c } of rowCells(sheet, r)) {
      c1 = Math.min(c1, c);
      c2 = Math.max(c2, c);
    }
    for (const m of sheet.merges) {
      if (m.r1 <= r && m.r2 >= r) {
        c1 = Math.min(c1, m.c1);
        c2 = Math.max(c2, m.c2);
      }
    }
  }

  const columns: RecognizedColumn[] = [];
  if (hasHeader && c2 >= 0) {
    const paths = headerPaths(sheet, headerStart, headerEnd, c1, c2, skip);
    const taken = new Set<string>();
    if (spec.sides) {
      const labelCols = paths.map((p, j) => (p.length && headerKey(p[p.length - 1]) === "项目" ? j : -1)).filter((j) => j >= 0);
      let split = labelCols.length >= 2 ? labelCols[1] : -1;
      if (split < 0) split = paths.findIndex((p) => p.length > 0 && headerKey(p[0]).startsWith("支出"));
      if (split < 0) split = Math.ceil(paths.length / 2);
      const sides: [typeof spec.sides[number], string[][], number][] = [
        [spec.sides[0], paths.slice(0, split), c1],
        [spec.sides[1], paths.slice(split), c1 + split],
      ];
      for (const [side, ps, start] of sides) {
        if (!side) continue;
        const mapped = mapColumns(ps, start, side.columns, `${side.key}.`, side.key, taken);
        // A side whose figure column is headed only by the year ("2023年"): its first other column.
        if (!mapped.some((m) => m.spec.role === "amount")) {
          const amountSpec = side.columns.find((c) => c.role === "amount");
          const labelCol = mapped.find((m) => m.spec.role === "label");
          for (let j = 0; j < ps.length; j++) {
            const c = start + j;
            if (mapped.some((m) => m.c === c) || (labelCol && c < labelCol.c)) continue;
            // A spacer column under the side's group header ("收入" merged over it) is no figure column.
            if (amountSpec && ps[j].length && !(ps[j].length === 1 && j > 0 && ps[0].length && headerKey(ps[j][0]) === headerKey(ps[0][0]))) {
              mapped.push({ key: `${side.key}.${amountSpec.key}`, c, header: ps[j].join(" / "), spec: amountSpec, side: side.key });
              break;
            }
          }
        }
        columns.push(...mapped);
      }
    } else {
      columns.push(...mapColumns(paths, c1, spec.columns, "", undefined, taken));
    }
    columns.sort((a, b) => a.c - b.c);
  }
  const has = (key: string) => columns.some((c) => c.key === key) || (key === "code" && columns.some((c) => c.key === "code.lei"));
  const missing = spec.layout !== "form" ? requiredColumns(spec).filter((rc) => !has(rc.key)) : [];
  if (missing.length && spec.layout !== "form") {
    issues.push({
      r: reg.titleCell.r,
      c: reg.titleCell.c,
      kind: "missing-column",
      message: `未找到列：${missing.map((m) => m.header).join("、")}（与这些列有关的检查不做）`,
    });
  }

  // Data rows.
  const rows: RecognizedRow[] = [];
  let note: RecognizedTable["note"];
  let lastRow = Math.max(headerEnd, reg.titleCell.r);
  const headerTexts = new Set<string>();
  for (let r = headerStart; r <= headerEnd; r++) for (const { cell } of rowCells(sheet, r)) if (typeof cell.value === "string") headerTexts.add(headerKey(cell.value));

  const amountCols = columns.filter((c) => c.spec.role === "amount");
  const amountColSet = new Set(amountCols.map((c) => c.c));
  const firstAmountCol = amountCols.length ? Math.min(...amountCols.map((c) => c.c)) : Infinity;
  const col = (key: string) => columns.find((c) => c.key === key);
  const codeCol = col("code");
  const lei = col("code.lei");
  const kuan = col("code.kuan");
  const xiang = col("code.xiang");
  const unitCodeCol = col("unitCode");
  const nameCol = col("name") ?? columns.find((c) => c.spec.role === "name" || c.spec.role === "label");
  const codeSpec = spec.columns.find((c) => c.role === "code");
  // Codes split over 类 / 款 / 项 are classification codes whatever the table's usual code column holds.
  const codeHeaderIsSubject = lei ? true : codeCol ? /科目|功能|经济/.test(codeCol.header) : false;
  const codeKind: "classification" | "unit" | "project" | "none" = !codeSpec
    ? "none"
    : codeSpec.domain === "project"
      ? "project"
      : codeSpec.domain === "unit" && !codeHeaderIsSubject
        ? "unit"
        : "classification";
  const domainDigit = codeSpec?.domain === "function" ? "2" : codeSpec?.domain === "econ-dept" ? "3" : codeSpec?.domain === "econ-gov" ? "5" : "";
  const hasCodeColumn = !!(codeCol || lei);
  let currentEconClass: string | undefined;
  const splitCarry: { lei?: string; kuan?: string } = {};
  const allAmounts: { a: AmountCell; explicit: boolean }[] = [];
  const twoSided = !!spec.sides;
  const sideState: Record<string, { section: "current" | "carry" }> = { income: { section: "current" }, expense: { section: "current" } };

  const readAmounts = (r: number, cols: RecognizedColumn[]): Record<string, AmountCell> => {
    const out: Record<string, AmountCell> = {};
    for (const ac of cols) {
      const cell = getCell(sheet, r, ac.c);
      const read = readAmount(cell, r, ac.c);
      if (read.kind === "amount") {
        out[ac.key] = read.cell;
        allAmounts.push({ a: read.cell, explicit: read.explicitDecimals });
        if (read.cell.fromText) issues.push({ r, c: ac.c, kind: "text-amount", message: `金额为文本“${String(read.cell.raw)}”，已按 ${read.cell.value} 读取` });
      } else if (read.kind === "error") {
        out[ac.key] = { r, c: ac.c, value: null, decimals: 0, raw: cell!.value, fromText: false };
        issues.push({ r, c: ac.c, kind: "error-value", message: `单元格为错误值 ${read.error}，无法参与核对` });
      } else if (read.kind === "text") {
        issues.push({ r, c: ac.c, kind: "text-in-amount", message: `金额列中是文字“${read.text.slice(0, 20)}”，不是数字` });
      }
    }
    return out;
  };

  for (let r = headerEnd + 1; r <= reg.end && spec.layout !== "form"; r++) {
    const cells = rowCells(sheet, r);
    if (cells.length === 0) continue;
    const noteText = isNoteRow(cells);
    if (noteText) {
      if (!note) note = { text: noteText, r, c: cells[0].c };
      lastRow = r;
      break;
    }
    if (cells.length === 1 && strOf(cells[0].cell).length > 40) break; // the text after the table
    const hasAmount = cells.some(({ c }) => amountColSet.has(c) && !(typeof getCell(sheet, r, c)?.value === "string" && /^[-—\s]*$/.test(strOf(getCell(sheet, r, c)))));
    if (!hasAmount && cells.every(({ cell }) => typeof cell.value === "string" && headerTexts.has(headerKey(cell.value)))) {
      lastRow = r;
      continue; // a header repeated at a page break
    }
    lastRow = r;

    if (twoSided) {
      for (const side of spec.sides!) {
        const sideCols = columns.filter((c) => c.side === side.key);
        const labelC = sideCols.find((c) => c.spec.role === "label");
        const amts = sideCols.filter((c) => c.spec.role === "amount");
        const label = labelC ? strOf(getCell(sheet, r, labelC.c)) : "";
        const amounts = readAmounts(r, amts);
        if (!label && Object.keys(amounts).length === 0) continue;
        const key = stripNumbering(label);
        const st = sideState[side.key];
        const fixedAll = (spec.fixedRows ?? []).filter((f) => (f.side ?? side.key) === side.key && [f.label, ...(f.aliases ?? [])].some((a) => labelKey(a) === key));
        let fixed: FixedRowSpec | undefined;
        if (fixedAll.length) {
          const carryOnes = fixedAll.filter((f) => /\.carry\./.test(f.key));
          const others = fixedAll.filter((f) => !/\.carry\./.test(f.key));
          fixed = st.section === "carry" && carryOnes.length ? carryOnes[0] : others[0] ?? fixedAll[0];
        }
        const row: RecognizedRow = {
          r,
          kind: fixed ? fixed.kind : TOTAL_LABEL.test(key) ? "total" : "detail",
          side: side.key,
          label,
          labelCell: labelC ? { r, c: labelC.c } : undefined,
          amounts,
        };
        if (fixed) row.fixed = fixed;
        const isCarryLine = fixed?.kind === "carry" || /\.carry$/.test(fixed?.key ?? "");
        if (isCarryLine) st.section = "carry";
        row.section = isCarryLine || fixed?.kind === "grand-total" ? undefined : st.section;
        if (side.key === "expense" && !fixed && label) {
          const cc = classCodeByName(key);
          if (cc) row.classCode = cc;
        }
        rows.push(row);
      }
      continue;
    }

    // One-sided tables.
    let label = nameCol ? strOf(getCell(sheet, r, nameCol.c)) : "";
    let labelC = nameCol && label ? nameCol.c : undefined;
    if (!label && codeCol) {
      // "合计" typed into the code column.
      const t = getCell(sheet, r, codeCol.c)?.value;
      if (typeof t === "string" && t.trim() && !normCode(t)) {
        label = t.trim();
        labelC = codeCol.c;
      }
    }
    if (!label) {
      for (const { c, cell } of cells) {
        if (c >= firstAmountCol || amountColSet.has(c) || c === codeCol?.c || c === lei?.c || c === kuan?.c || c === xiang?.c || c === unitCodeCol?.c) continue;
        if (typeof cell.value === "string" && !/^\s*[\d\s]+\s*$/.test(cell.value)) {
          label = cell.value.trim();
          labelC = c;
          break;
        }
      }
    }
    let code: string | undefined;
    let codeCell: { r: number; c: number } | undefined;
    let codeSource: RecognizedRow["codeSource"];
    if (lei) {
      // A 类 cell merged down its block reads through the merge; a 类 (and 款) printed only on its own row carries down.
      let a = normCode(displayValue(sheet, r, lei.c));
      let b = kuan ? normCode(displayValue(sheet, r, kuan.c)) : "";
      const x = xiang ? normCode(displayValue(sheet, r, xiang.c)) : "";
      if (!a && (/^\d{1,2}$/.test(b) || /^\d{1,2}$/.test(x)) && splitCarry.lei) a = splitCarry.lei;
      if (/^\d{3}$/.test(a) && !b && /^\d{1,2}$/.test(x) && splitCarry.lei === a && splitCarry.kuan) b = splitCarry.kuan;
      if (/^\d{3}$/.test(a)) {
        code = a;
        if (/^\d{1,2}$/.test(b)) {
          code += b.padStart(2, "0");
          if (/^\d{1,2}$/.test(x)) code += x.padStart(2, "0");
        } else if (/^\d{5}$/.test(b) && b.startsWith(a)) code = b;
        codeCell = { r, c: lei.c };
        codeSource = "split";
        splitCarry.lei = code.slice(0, 3);
        splitCarry.kuan = code.length >= 5 ? code.slice(3, 5) : undefined;
      }
    }
    if (!code && codeCol) {
      const v = normCode(getCell(sheet, r, codeCol.c)?.value);
      if (v) {
        code = v;
        codeCell = { r, c: codeCol.c };
        codeSource = "cell";
      }
    }
    if (!code && codeKind === "classification") {
      for (const { c, cell } of cells) {
        if (c >= firstAmountCol || amountColSet.has(c)) continue;
        const v = normCode(cell.value);
        if (v && CLASSIFICATION.test(v) && (!domainDigit || v[0] === domainDigit)) {
          code = v;
          codeCell = { r, c };
          codeSource = "other-cell";
          break;
        }
      }
    }
    if (!code && label && codeKind === "classification") {
      const m = /^(\d{3}(?:\d{2}){0,2})\s*(\S.*)$/.exec(toHalfWidth(label).trim());
      if (m && (!domainDigit || m[1][0] === domainDigit)) {
        code = m[1];
        label = m[2];
        codeCell = labelC !== undefined ? { r, c: labelC } : undefined;
        codeSource = "cell";
      }
    }
    const key = stripNumbering(label);
    if (!code && label && codeKind === "classification" && !hasCodeColumn && !TOTAL_LABEL.test(key)) {
      if (codeSpec?.domain === "econ-dept") {
        const c1c = econClassByName(label);
        const c2c = c1c ? undefined : econItemByName(label, currentEconClass);
        code = c1c ?? c2c;
      } else if (codeSpec?.domain === "function") {
        code = classCodeByName(label);
      }
      if (code) {
        codeSource = "name";
        codeCell = labelC !== undefined ? { r, c: labelC } : undefined;
      }
    }
    const amounts = readAmounts(r, amountCols);
    const row: RecognizedRow = { r, kind: "detail", label, amounts };
    if (labelC !== undefined) row.labelCell = { r, c: labelC };
    if (code) {
      row.code = code;
      if (codeCell) row.codeCell = codeCell;
      row.codeSource = codeSource;
      if (codeKind === "classification" && CLASSIFICATION.test(code)) {
        row.level = (code.length === 3 ? 1 : code.length === 5 ? 2 : 3) as 1 | 2 | 3;
        row.domain = domainOf(code);
        if (row.level === 1 && row.domain === "econ-dept") currentEconClass = code;
      } else if (codeKind === "project") row.domain = "project";
      else if (codeKind === "unit") row.domain = "unit";
      else if (codeKind === "classification" && codeSource !== "other-cell") {
        issues.push({ r, c: codeCell?.c ?? 0, kind: "bad-code", message: `编码“${code}”不是 3、5 或 7 位的科目编码` });
      }
    }
    if (unitCodeCol && !row.code) {
      const u = normCode(getCell(sheet, r, unitCodeCol.c)?.value);
      if (u) {
        row.code = u;
        row.codeCell = { r, c: unitCodeCol.c };
        row.domain = "unit";
        row.codeSource = "cell";
      }
    }
    if (TOTAL_LABEL.test(key)) row.kind = "total";
    else if (key === "小计") row.kind = "subtotal";
    else if (/^其中[：:]?/.test(labelKey(label))) {
      row.ofWhich = true;
      row.kind = "detail";
    } else if (!label && !row.code) {
      const anyAmount = Object.values(amounts).some((a) => a.value !== null);
      const explicitTotal = rows.some((x) => x.kind === "total");
      row.kind = !explicitTotal && rows.length === 0 && anyAmount && spec.layout !== "single-row" ? "total" : spec.layout === "single-row" ? "detail" : "subtotal";
    }
    rows.push(row);
  }

  // Code tables: label-only rows beside code rows are group headings (a unit name), not parts.
  if (codeKind === "classification" && rows.some((x) => x.level)) {
    for (const x of rows) if (x.kind === "detail" && !x.level && !x.ofWhich) x.kind = "heading";
    // Several units' rows: each code row belongs to the unit heading above it (the same code under two units is two rows).
    let group: string | undefined;
    for (const x of rows) {
      if (x.kind === "heading" && x.label) group = stripNumbering(x.label);
      else if (x.kind === "total") group = undefined;
      else if (x.level && group) x.group = group;
    }
  }

  // Precision: General numbers take the table's printed precision.
  const precision = maxDecimals(allAmounts.filter((x) => x.explicit).map((x) => x.a)) || maxDecimals(allAmounts.map((x) => x.a));
  for (const { a, explicit } of allAmounts) if (!explicit && a.value !== null) a.decimals = Math.max(a.decimals, precision);

  // Columns with figures but no recognised header.
  if (!twoSided && hasHeader && rows.length && spec.layout !== "form") {
    let dataC2 = c2;
    for (const x of rows) dataC2 = Math.max(dataC2, (sheet.rows[x.r]?.length ?? 0) - 1);
    for (let c = c1; c <= dataC2; c++) {
      if (columns.some((x) => x.c === c)) continue;
      const nums = rows.filter((x) => typeof getCell(sheet, x.r, c)?.value === "number" || isNumericCell(getCell(sheet, x.r, c) ?? { value: null }));
      if (nums.length === 0) continue;
      const head = cellText(sheet, headerEnd, c) || cellText(sheet, headerStart, c);
      issues.push({
        r: hasHeader ? headerStart : reg.titleCell.r,
        c,
        kind: "unmapped-column",
        message: head ? `列“${cleanText(head)}”不是本表的标准列，其中的数字未参与核对` : `第 ${c + 1} 列有数字但没有表头，未参与核对`,
      });
    }
  }

  const empty = !rows.some((x) => Object.values(x.amounts).some((a) => a.value !== null && a.value !== 0)) && !(spec.layout === "form" && regionHasNumbers(sheet, reg));
  if (spec.layout === "form") {
    // Forms: find a note anywhere in the region; the region is the table.
    for (let r = headerEnd + 1; r <= reg.end; r++) {
      const cells = rowCells(sheet, r);
      if (cells.length === 0) continue;
      lastRow = r;
      const nt = isNoteRow(cells);
      if (nt && !note) note = { text: nt, r, c: cells[0].c };
    }
  }

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
  return table;
}

function firstHeaderCol(sheet: Sheet, r1: number, r2: number): number {
  let c = Infinity;
  for (let r = r1; r <= r2; r++) {
    const cells = rowCells(sheet, r);
    if (cells.length >= 2) c = Math.min(c, cells[0].c);
  }
  return c;
}

function regionHasNumbers(sheet: Sheet, reg: Region): boolean {
  for (let r = reg.start; r <= reg.end; r++) for (const { cell } of rowCells(sheet, r)) if (typeof cell.value === "number") return true;
  return false;
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

/** "2024年部门预算" / "2024年度单位预算": the first budget year the text names. */
function budgetYearInText(paragraphs: Paragraph[]): number | undefined {
  for (const p of paragraphs) {
    const m = /((?:19|20)\d{2})年度?(部门|单位)?(预算|收支预算)/.exec(p.text.replace(/\s+/g, ""));
    if (m) return Number(m[1]);
  }
  return undefined;
}

/** Recognise every table and every paragraph of explanatory text in a workbook. */
export function recognizeWorkbook(wb: Workbook, opts: RecognizeOptions = {}): WorkbookFacts {
  const specs = opts.specs ?? [...STANDARD_TABLES, ...EXTRA_TABLES];
  const index = new TitleIndex(specs);
  const tables: RecognizedTable[] = [];
  const paragraphs: Paragraph[] = [];
  const unrecognized: NonNullable<WorkbookFacts["unrecognized"]> = [];
  for (const sheet of wb.sheets) {
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
        // A known title with nothing under it (a heading in running text) is not a table.
        if (reg.foundBy === "title" && t.columns.length === 0 && t.rows.length === 0 && !t.note && reg.spec.layout !== "form") {
          const next = rowCells(sheet, reg.start);
          if (next.length === 0 || strOf(next[0].cell).length > 40) continue;
        }
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
  const facts: WorkbookFacts = {
    tables,
    paragraphs,
    textLines,
    amountUnit: mode(tables.map((t) => t.amountUnit)) ?? "万元",
  };
  if (year) facts.year = year;
  const unitName = mode(tables.map((t) => t.unitName));
  if (unitName) facts.unitName = unitName;
  if (unrecognized.length) facts.unrecognized = unrecognized;
  return facts;
}
