/**
 * Last year's columns in a table: some disclosures print last year's figure next to this year's,
 * and the change — the “三公” table with 上年预算数 / 本年预算数 / 增减, the 一般公共预算支出表 with
 * "2025年预算数 | 2026年预算数 | 增减额 | 增减%", the 收支总表 with "本年预算数 | 上年预算数" on both
 * sides, the 绩效目标表's "2024年预算金额 (C) | 2023年预算金额 (D) | 预算增减变化 (C-D)".
 *
 * Recognition reads them by their headers (the only reader of raw cells): each such column gets a
 * role — last year's figure, the change, the change in percent — and the current column it
 * compares with; each row carries the cells as facts (RecognizedRow.yearAmounts). The year-columns
 * rule judges them, the year-over-year rule and the draft writer read last year's figures from
 * them (priorFacts) when no previous workbook is given.
 */
import { getCell, type Sheet } from "../model";
import { labelKey } from "../text";
import { readAmount } from "./amounts";
import type { AmountCell, RecognizedColumn, RecognizedRow, RecognizedTable, WorkbookFacts } from "./types";

export type YearRole = "prior" | "change" | "change-pct";

/** A column of last year's figures, of the change, or of the change in percent. */
export interface YearColumn {
  c: number;
  /** Header as printed (levels joined with " / "). */
  header: string;
  role: YearRole;
  /** The key of the current-year column it goes with ("total", "expense.amount", "abroad"). */
  current: string;
  /** The year a prior column names ("2025年预算数" → 2025), when it names one. */
  year?: number;
  /** What last year's figure is: the budget (预算数) or the outturn (执行数 / 决算数). */
  basis?: "budget" | "actual";
}

/** The yearAmounts key of a role for a current column. */
export function yearKey(role: YearRole, current: string): string {
  return `${role}:${current}`;
}

const NOTE_SUFFIX = /[（(][A-Za-z+\-−—－=/%％\s]*[）)]$/;
const PRIOR_WORDS = /^(上年|上一年|去年|上年度)(年初)?(预算|预算数|预算金额|预算安排|预算安排数|执行数|预计执行数|预算执行数|决算|决算数|支出|支出数)$/;
const CURRENT_WORDS = /^(本年|本年度|当年|今年)(年初)?(预算|预算数|预算金额|预算安排|预算安排数)$/;
const YEAR_WORDS = /^((?:19|20)\d{2})年度?(年初)?(当年)?(预算|预算数|预算金额|预算安排|预算安排数|执行数|预计执行数|预算执行数|决算|决算数)?$/;
const CHANGE_WORDS = /^(比上年|较上年|与上年相比)?(增减|增减额|增减数|增减金额|增减变化|增减变动|增减变化额|预算增减变化|增\+减-|增减情况|变动额|变动金额|差额)$/;
const PCT_WORDS = /^(比上年|较上年)?(增减|增减变化|增减变动|增长|变动|增减幅度|增幅|变动幅度)?(%|率|幅度|百分比|比例|比率|幅)$/;

export interface HeaderClass {
  role: YearRole | "current";
  year?: number;
  basis?: "budget" | "actual";
}

/** What a header cell says about the year: last year's figure, this year's, the change, its percent; null for anything else. */
export function classifyYearHeader(text: string): HeaderClass | null {
  let k = labelKey(text);
  const pctNote = /[（(]\s*[%％]\s*[）)]$/.test(k);
  k = k.replace(NOTE_SUFFIX, "");
  if (!k || /结转|结余/.test(k)) return null;
  if (pctNote && /增|减|变动|幅/.test(k)) return { role: "change-pct" };
  if (PCT_WORDS.test(k) && /增|减|变动|幅/.test(k)) return { role: "change-pct" };
  if (CHANGE_WORDS.test(k)) return { role: "change" };
  const basisOf = (w: string | undefined): "budget" | "actual" => (w && /执行|决算|支出/.test(w) ? "actual" : "budget");
  const p = PRIOR_WORDS.exec(k);
  if (p) return { role: "prior", basis: basisOf(p[3]) };
  if (CURRENT_WORDS.test(k)) return { role: "current" };
  const y = YEAR_WORDS.exec(k);
  if (y) return { role: "current", year: Number(y[1]), basis: basisOf(y[4]) }; // settled against the table's year below
  return null;
}

/** A header naming a year, settled against the table's year: that year is this year's, the one before last year's, any other none. */
export function settleYear(c: HeaderClass | null, current: number | undefined): HeaderClass | null {
  if (!c || c.year === undefined) return c;
  if (current === undefined) return null;
  if (c.year === current) return { role: "current", year: c.year };
  if (c.year === current - 1) return { role: "prior", year: c.year, basis: c.basis };
  return null;
}

export interface YearPaths {
  /** The paths to map to spec columns: year columns taken out, this year's columns named as the spec names them. */
  paths: string[][];
  /** Year columns found, before pairing (by offset j into the paths). */
  found: { j: number; header: string; cls: HeaderClass; rest: string[] }[];
  /** Headers name a year but the table's year is unknown: recognition settles them with the workbook's year. */
  unsettled?: boolean;
}

/** Tables whose year-named headers wait for the workbook's year (recognizeWorkbook recognises them again with it). */
export const UNSETTLED = new WeakSet<object>();

/**
 * Take the year columns out of a table's header paths. `year` is the table's budget year when
 * known; a header naming another (earlier) year is last year's column. Nothing changes unless at
 * least one column is last year's, a change or a change in percent.
 */
export function splitYearPaths(paths: string[][], year: number | undefined, sided = false): YearPaths {
  const classes = paths.map((p) => p.map((t) => classifyYearHeader(t)));
  const years = classes.flatMap((cs) => cs.flatMap((c) => (c?.year ? [c.year] : [])));
  const distinct = new Set(years);
  // One year named and the table's own unknown: it may be this year's or last year's — wait for the workbook's.
  if (year === undefined && distinct.size === 1) {
    const other = classes.some((cs) => cs.some((c) => !!c && c.year === undefined && c.role !== "current"));
    if (other) return { paths, found: [], unsettled: true };
  }
  const current = year ?? (distinct.size >= 2 ? Math.max(...years) : undefined);
  const settled = classes.map((cs) => cs.map((c) => settleYear(c, current)));
  const isYear = (c: HeaderClass | null) => !!c && c.role !== "current";
  if (!settled.some((cs) => cs.some(isYear))) return { paths, found: [] };
  const out: string[][] = [];
  const found: YearPaths["found"] = [];
  paths.forEach((p, j) => {
    const cs = settled[j];
    const at = cs.findIndex(isYear);
    if (at >= 0) {
      found.push({ j, header: p.join(" / "), cls: cs[at]!, rest: p.filter((_, i) => i !== at) });
      out.push([]);
      return;
    }
    const cur = cs.findIndex((c) => c?.role === "current");
    if (cur < 0) {
      out.push(p);
      return;
    }
    // This year's column: named by its group ("合计 / 本年预算数" → 合计), else as the spec's figure column
    // (预算数) — on a two-sided table under its side ("收入 / 本年预算数" → 收入 / 预算数).
    const rest = p.filter((_, i) => i !== cur);
    out.push(sided ? [...rest, "预算数"] : rest.length ? rest : ["预算数"]);
  });
  return { paths: out, found };
}

/** Pair each year column with the current column it compares with. */
export function pairYearColumns(found: YearPaths["found"], c1: number, columns: RecognizedColumn[], paths: string[][]): YearColumn[] {
  const amounts = columns.filter((c) => c.spec.role === "amount");
  const out: YearColumn[] = [];
  const norm = (p: string[]) => p.map((t) => labelKey(t)).join("/");
  for (const f of found) {
    const c = c1 + f.j;
    // The side: the nearest recognised column to the left (two-sided tables).
    const left = [...columns].filter((x) => x.c < c).sort((a, b) => b.c - a.c)[0];
    const side = left?.side;
    const pool = amounts.filter((x) => x.side === side);
    if (!pool.length) continue;
    const rest = norm(f.rest);
    const same = f.rest.length ? pool.filter((x) => norm(paths[x.c - c1] ?? []) === rest || labelKey(x.spec.header) === labelKey(f.rest[f.rest.length - 1])) : [];
    let cur: RecognizedColumn | undefined;
    if (same.length) cur = same.sort((a, b) => Math.abs(a.c - c) - Math.abs(b.c - c))[0];
    else {
      // No group to go by: the side's total (合计 / 预算数), else its first figure column.
      const byCol = [...pool].sort((a, b) => a.c - b.c);
      cur = byCol.find((x) => /(^|\.)(total|amount)$/.test(x.key)) ?? byCol[0];
    }
    if (!cur) continue;
    const y: YearColumn = { c, header: f.header, role: f.cls.role as YearRole, current: cur.key };
    if (f.cls.year) y.year = f.cls.year;
    if (f.cls.role === "prior") y.basis = f.cls.basis ?? "budget";
    out.push(y);
  }
  return out;
}

/** A percentage cell as printed, in percent (5.05 for 5.05% or 0.0505 formatted 0.00%). */
export function readPercent(sheet: Sheet, r: number, c: number): AmountCell | undefined {
  const cell = getCell(sheet, r, c);
  if (!cell) return undefined;
  if (typeof cell.value === "number" && cell.numFmt && cell.numFmt.includes("%")) {
    const dm = /\.(0+)/.exec(cell.numFmt);
    return { r, c, value: Number((cell.value * 100).toFixed(10)), decimals: dm ? dm[1].length : 0, raw: cell.value, formula: cell.formula, fromText: false };
  }
  if (typeof cell.value === "string") {
    const m = /^\s*([-+−]?\d+(?:\.(\d+))?)\s*[%％]?\s*$/.exec(cell.value.replace(/,/g, "").replace("−", "-"));
    if (m) return { r, c, value: Number(m[1]), decimals: m[2]?.length ?? 0, raw: cell.value, formula: cell.formula, fromText: true };
  }
  const read = readAmount(cell, r, c);
  return read.kind === "amount" ? read.cell : undefined;
}

/** Read the year columns' cells of every row of a recognised table. */
export function readYearAmounts(sheet: Sheet, t: RecognizedTable, cols: YearColumn[]): void {
  if (!cols.length) return;
  t.yearColumns = cols;
  for (const row of t.rows) attachRow(sheet, row, cols, t.precision ?? 0);
}

function attachRow(sheet: Sheet, row: RecognizedRow, cols: YearColumn[], precision: number): void {
  // A two-sided table's row holds one side's figures: only that side's year columns.
  const own = cols.filter((y) => !row.side || y.current.startsWith(`${row.side}.`));
  const amounts: Record<string, AmountCell> = {};
  for (const y of own) {
    const cell = y.role === "change-pct" ? readPercent(sheet, row.r, y.c) : (() => {
      const read = readAmount(getCell(sheet, row.r, y.c), row.r, y.c);
      if (read.kind !== "amount") return undefined;
      // General numbers take the table's printed precision, as the table's own figures do.
      if (!read.explicitDecimals && read.cell.value !== null) read.cell.decimals = Math.max(read.cell.decimals, precision);
      return read.cell;
    })();
    if (cell) amounts[yearKey(y.role, y.current)] = cell;
  }
  if (Object.keys(amounts).length) row.yearAmounts = amounts;
}

/**
 * Last year's figures the tables print, as the facts of a previous workbook would give them: each
 * table with a prior column, its rows holding last year's cells under this year's column keys.
 * Undefined when no table prints last year's figures.
 */
export function priorFacts(facts: WorkbookFacts): WorkbookFacts | undefined {
  const tables: RecognizedTable[] = [];
  for (const t of facts.tables) {
    const priors = (t.yearColumns ?? []).filter((y) => y.role === "prior");
    if (!priors.length) continue;
    const rows: RecognizedRow[] = [];
    for (const r of t.rows) {
      const amounts: Record<string, AmountCell> = {};
      for (const y of priors) {
        const cell = r.yearAmounts?.[yearKey("prior", y.current)];
        if (cell) amounts[y.current] = cell;
      }
      if (Object.keys(amounts).length) rows.push({ ...r, amounts, yearAmounts: undefined });
    }
    if (!rows.length) continue;
    const year = priors.find((y) => y.year)?.year ?? (t.year ? t.year - 1 : undefined);
    const columns = t.columns.filter((c) => c.spec.role !== "amount" || priors.some((y) => y.current === c.key));
    tables.push({ ...t, rows, columns, year, yearColumns: undefined, empty: !rows.some((r) => Object.values(r.amounts).some((a) => a.value)) });
  }
  if (!tables.length) return undefined;
  const year = facts.year ? facts.year - 1 : undefined;
  return { tables, paragraphs: [], textLines: [], amountUnit: facts.amountUnit, ...(year ? { year } : {}), ...(facts.unitName ? { unitName: facts.unitName } : {}) };
}
