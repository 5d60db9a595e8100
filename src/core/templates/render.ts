/**
 * Standard disclosure table templates (issue 4): renders the 14 tables of the
 * 部门预算公开 set as model sheets, driven by the table specs (src/core/specs/tables.ts).
 *
 * Pure: no fs, no Office. The add-in inserts the sheets through planInsertion (./insert.ts)
 * and WorkbookHost.applyChanges; the CLI writes them with the xlsx host.
 *
 * Every sheet has: a title row, a unit line, header rows (multi-row with merges, from each
 * column's `group` path), the body, and a note row under the table. With `formulas` on,
 * totals, column relations and the figures summary tables repeat from detail tables are
 * live formulas; with it off the same cells are plain empty amount cells.
 * See docs/specs.md (“插入标准表”) for the formula choices.
 */
import { colToLetters, quoteSheet } from "../a1";
import { newSheet, setCell, validSheetName, type Cell, type CellStyle, type Sheet } from "../model";
import { STANDARD_TABLES, tableSpec, YEARS } from "../specs/tables";
import type { ColumnSpec, FixedRowSpec, TableSpec } from "../specs/types";
import { cnNumber, expenseClassLines, nearestSpecYear, type ClassLine } from "./classes";

export type Scope = "部门" | "单位";
export type AmountUnit = "万元" | "元";

export interface TemplateOptions {
  /** Budget year printed in titles; 2023–2026 have their own class lists, other years use the nearest. */
  year: number;
  unitName: string;
  /** "部门" (default): titles 部门收支总表 …, unit line 部门：; "单位": 单位收支总表 …, unit line 单位名称：. */
  scope?: Scope;
  amountUnit?: AmountUnit;
  /** Table ids (T1 … T14); default all 14, in standard order. */
  tables?: string[];
  /** Live formulas (default true). */
  formulas?: boolean;
  /** Keep 209 / 227 / 230 among the 类 lines of T1 and T4. */
  allClasses?: boolean;
  /** Tables whose note row gets the text “注：本表无数据” (default none: the note cell stays empty). */
  emptyNoteTables?: string[];
  /** Empty rows offered for codes / units / projects / indicators (defaults: 20 codes, 5 units, 10 projects, 10 form rows). */
  bodyRows?: number;
  /** T1 expense side: "amount" (预算数, default) or "split" (合计 / 当年预算安排 / 上年结转安排, as 忻州 2023). */
  t1Expense?: "amount" | "split";
  /** T5 basic expenditure: "split" (小计 / 人员经费 / 公用经费, default) or "plain" (one 基本支出 column, as 忻州 2023). */
  t5Basic?: "split" | "plain";
  /** T4 expenditure side: "amount" (one 预算数 column, default) or "funds" (小计 / 一般公共预算 / 政府性基金预算 / 国有资本经营预算, as 忻州 and 达州). */
  t4Expense?: "amount" | "funds";
}

/** Where things are on a rendered sheet (0-based), for the task pane, the checker and tests. */
export interface TableLayoutInfo {
  id: string;
  sheet: string;
  /** Title as printed (with unit and year). */
  title: string;
  headerRows: { first: number; last: number };
  /** The 合计 row of code / unit / list tables. */
  totalRow?: number;
  /** Rows users fill (code, unit, project, indicator rows; the data row of T7; all body rows of T1/T4). */
  body: { first: number; last: number };
  /** The 本表无数据 note row right under the table; sum ranges run down to it (see docs/specs.md). */
  noteRow: number;
  /** Column index by spec key; two-sided tables use "income.label", "income.amount", "expense.label", "expense.amount" …. */
  columns: Record<string, number>;
  /** Fixed rows by spec key and class lines as "class.208". */
  rows: Record<string, number>;
  width: number;
}

export interface TemplateSet {
  sheets: Sheet[];
  layouts: Record<string, TableLayoutInfo>;
  year: number;
  /** The year whose 类 list and layout were used. */
  specYear: number;
  /** Messages for the user (Chinese), e.g. that another year's layout was used. */
  notes: string[];
  formulaCount: number;
}

export const AMOUNT_FMT = "#,##0.00";
/** Row formulas in empty code rows would print 0.00 all down the table: their zero section is empty. */
export const ROW_FORMULA_FMT = "#,##0.00;-#,##0.00;";
const TEXT_FMT = "@";

const ST = {
  title: { bold: true, fontSize: 16, horizontal: "center" } as CellStyle,
  unitLeft: { horizontal: "left" } as CellStyle,
  unitRight: { horizontal: "right" } as CellStyle,
  head: { bold: true, fill: "#D9E1F2", horizontal: "center", wrap: true, border: true } as CellStyle,
  text: { border: true, horizontal: "left" } as CellStyle,
  wrapText: { border: true, horizontal: "left", wrap: true } as CellStyle,
  amount: { border: true, horizontal: "right" } as CellStyle,
  totalLabel: { bold: true, border: true, horizontal: "center" } as CellStyle,
  totalAmount: { bold: true, border: true, horizontal: "right" } as CellStyle,
  note: { horizontal: "left" } as CellStyle,
};

interface Col {
  key: string;
  header: string;
  group: string[];
  role: ColumnSpec["role"];
  width: number;
}

function colsOf(columns: ColumnSpec[], prefix = "", outer: string[] = []): Col[] {
  return columns.map((c) => ({
    key: prefix + c.key,
    header: c.header,
    group: [...outer, ...(c.group ?? [])],
    role: c.role,
    width: c.width ?? (c.role === "amount" ? 14 : 16),
  }));
}

/** Column relations written as formulas in every data row: target = Σ parts (keys). */
const ROW_RELATIONS: Record<string, { target: string; parts: string[] }[]> = {
  T2: [
    { target: "total", parts: ["cur.subtotal", "carry.subtotal"] },
    { target: "cur.subtotal", parts: ["cur.gpb", "cur.gfb", "cur.socb", "cur.special", "cur.business", "cur.operating", "cur.superior", "cur.subsidiary", "cur.other"] },
    { target: "carry.subtotal", parts: ["carry.gpb", "carry.gfb", "carry.socb", "carry.special", "carry.unit"] },
  ],
  T3: [{ target: "total", parts: ["basic", "project", "operating", "toSuperior", "toSubsidiary"] }],
  T5: [
    { target: "total", parts: ["basic", "project"] },
    { target: "basic", parts: ["basic.personnel", "basic.public"] },
  ],
  T6: [{ target: "total", parts: ["basic.personnel", "basic.public"] }],
  T7: [
    { target: "total", parts: ["abroad", "car", "reception"] },
    { target: "car", parts: ["car.purchase", "car.running"] },
  ],
  T8: [{ target: "total", parts: ["basic", "project"] }],
  T9: [{ target: "total", parts: ["basic", "project"] }],
  T10: [{ target: "total", parts: ["cur.gpb", "cur.gfb", "cur.socb", "carry.gpb", "carry.gfb", "carry.socb", "special", "unit.funds"] }],
  T13: [{ target: "total", parts: ["goods", "works", "services"] }],
  T14: [{ target: "total", parts: ["gpb", "gfb", "socb"] }],
};

/** T1 income lines ← T2 合计 row, that source's column. */
const T1_FROM_T2: Record<string, string> = {
  "in.gpb": "cur.gpb",
  "in.gfb": "cur.gfb",
  "in.socb": "cur.socb",
  "in.special": "cur.special",
  "in.business": "cur.business",
  "in.operating": "cur.operating",
  "in.superior": "cur.superior",
  "in.subsidiary": "cur.subsidiary",
  "in.other": "cur.other",
  "in.carry": "carry.subtotal",
};

/** T4 本年收入 lines ← the 合计 of the table that details that fund. */
const T4_FROM_DETAIL: Record<string, string> = { "in.cur.gpb": "T5", "in.cur.gfb": "T8", "in.cur.socb": "T9" };

const RENDER_ORDER = ["T2", "T3", "T5", "T6", "T7", "T8", "T9", "T10", "T11", "T12", "T13", "T14", "T1", "T4"];

/** The title with the scope word: 部门收支总表 → 单位收支总表 for scope 单位. */
export function scopedTitle(spec: TableSpec, scope: Scope): string {
  return scope === "单位" && spec.title.startsWith("部门") ? "单位" + spec.title.slice(2) : spec.title;
}

class Builder {
  readonly sheet: Sheet;
  formulas = 0;
  constructor(
    name: string,
    private readonly live: boolean,
  ) {
    this.sheet = newSheet(name);
  }
  put(r: number, c: number, value: Cell["value"], style?: CellStyle, numFmt?: string): void {
    const cell: Cell = { value };
    if (numFmt) cell.numFmt = numFmt;
    if (style) cell.style = { ...style };
    setCell(this.sheet, r, c, cell);
  }
  /**
   * A formula cell; with formulas off a plain empty amount cell. No cached result is written
   * (value null), so Excel and LibreOffice compute every formula when the file is opened.
   */
  formula(r: number, c: number, formula: string, style: CellStyle, numFmt: string): void {
    if (!this.live) return this.put(r, c, null, style, numFmt);
    this.formulas++;
    setCell(this.sheet, r, c, { value: null, formula: formula.startsWith("=") ? formula : "=" + formula, numFmt, style: { ...style } });
  }
  /** Merge and give the covered cells the master's style, so borders and fills cover the block. */
  merge(r1: number, c1: number, r2: number, c2: number): void {
    if (r1 === r2 && c1 === c2) return;
    this.sheet.merges.push({ r1, c1, r2, c2 });
    const style = this.sheet.rows[r1]?.[c1]?.style;
    for (let r = r1; r <= r2; r++)
      for (let c = c1; c <= c2; c++) if ((r !== r1 || c !== c1) && style) setCell(this.sheet, r, c, { value: null, style: { ...style } });
  }
}

/** Header rows from the columns' group paths: groups merge horizontally, leaves without groups vertically. Returns the depth. */
function writeHeader(b: Builder, cols: Col[], top: number): number {
  const depth = Math.max(...cols.map((c) => c.group.length)) + 1;
  for (let level = 0; level < depth - 1; level++) {
    let i = 0;
    while (i < cols.length) {
      if (cols[i].group.length <= level) {
        i++;
        continue;
      }
      const path = cols[i].group.slice(0, level + 1).join("\u0000");
      let j = i;
      while (j + 1 < cols.length && cols[j + 1].group.length > level && cols[j + 1].group.slice(0, level + 1).join("\u0000") === path) j++;
      b.put(top + level, i, cols[i].group[level], ST.head);
      b.merge(top + level, i, top + level, j);
      i = j + 1;
    }
  }
  cols.forEach((c, i) => {
    const r = top + c.group.length;
    b.put(r, i, c.header, ST.head);
    b.merge(r, i, top + depth - 1, i);
  });
  return depth;
}

function addr(c: number, r: number, abs = false): string {
  return abs ? `$${colToLetters(c)}$${r + 1}` : `${colToLetters(c)}${r + 1}`;
}

/** target = parts (contiguous runs as SUM(a:b), else a+b+c). */
function partsFormula(cols: number[], r: number): string {
  const sorted = [...cols].sort((a, b) => a - b);
  const contiguous = sorted.every((c, i) => i === 0 || c === sorted[i - 1] + 1);
  if (contiguous && sorted.length > 2) return `SUM(${addr(sorted[0], r)}:${addr(sorted[sorted.length - 1], r)})`;
  return cols.map((c) => addr(c, r)).join("+");
}

interface Ctx {
  opts: Required<Pick<TemplateOptions, "year" | "unitName" | "scope" | "amountUnit" | "formulas" | "allClasses" | "t1Expense" | "t5Basic" | "t4Expense">> &
    TemplateOptions;
  selected: Set<string>;
  layouts: Record<string, TableLayoutInfo>;
  classes: ClassLine[];
}

function sheetRef(ctx: Ctx, id: string): string {
  return quoteSheet(ctx.layouts[id].sheet) + "!";
}

/** SUMIF of one 类 over a code table's body (code column → amount column), absolute so copies stay put. */
function sumIfClass(ctx: Ctx, id: string, classCode: string, amountKey = "total"): string {
  const L = ctx.layouts[id];
  const q = sheetRef(ctx, id);
  const code = L.columns.code;
  const amt = L.columns[amountKey];
  return `SUMIF(${q}${addr(code, L.body.first, true)}:${addr(code, L.noteRow, true)},"${classCode}",${q}${addr(amt, L.body.first, true)}:${addr(amt, L.noteRow, true)})`;
}

function totalCellRef(ctx: Ctx, id: string, key: string): string {
  const L = ctx.layouts[id];
  return sheetRef(ctx, id) + addr(L.columns[key], L.totalRow!, true);
}

/** Common start: title row, unit line. Returns the first header row. */
function start(ctx: Ctx, b: Builder, title: string, width: number): number {
  b.put(0, 0, title, ST.title);
  b.merge(0, 0, 0, width - 1);
  const unitLine = ctx.opts.scope === "单位" ? `单位名称：${ctx.opts.unitName}` : `部门：${ctx.opts.unitName}`;
  b.put(1, 0, unitLine, ST.unitLeft);
  if (width >= 3) b.merge(1, 0, 1, width - 2);
  b.put(1, width - 1, `单位：${ctx.opts.amountUnit}`, ST.unitRight);
  return 2;
}

function finish(ctx: Ctx, b: Builder, spec: TableSpec, cols: Col[], info: Omit<TableLayoutInfo, "width" | "id" | "sheet" | "title">, title: string): TableLayoutInfo {
  const width = cols.length;
  const noteText = ctx.opts.emptyNoteTables?.includes(spec.id) ? `注：${spec.emptyNote}` : null;
  b.put(info.noteRow, 0, noteText, ST.note);
  b.merge(info.noteRow, 0, info.noteRow, width - 1);
  const sheet = b.sheet;
  sheet.colWidths = cols.map((c) => c.width);
  sheet.frozenRows = info.headerRows.last + 1;
  const totalWidth = cols.reduce((s, c) => s + c.width, 0);
  sheet.print = { landscape: spec.landscape ?? totalWidth > 110, fitToWidth: true, repeatRows: { ...info.headerRows } };
  return { id: spec.id, sheet: sheet.name, title, width, ...info };
}

function amountInput(b: Builder, r: number, c: number, total = false): void {
  b.put(r, c, null, total ? ST.totalAmount : ST.amount, AMOUNT_FMT);
}

/** Columns of a table as the template prints them (variants applied). */
function tableCols(ctx: Ctx, spec: TableSpec): Col[] {
  const printed = spec.columns.filter((c) => !c.variant); // regional variants are recognised, not printed
  if (spec.id === "T5" && ctx.opts.t5Basic === "plain") {
    return colsOf(printed.filter((c) => c.key !== "basic.personnel" && c.key !== "basic.public").map((c) => (c.key === "basic" ? { ...c, header: "基本支出", group: undefined } : c)));
  }
  return colsOf(printed);
}

function rowRelations(ctx: Ctx, spec: TableSpec, cols: Col[]): { target: number; parts: number[] }[] {
  const idx = (k: string) => cols.findIndex((c) => c.key === k);
  return (ROW_RELATIONS[spec.id] ?? [])
    .map((rel) => ({ target: idx(rel.target), parts: rel.parts.map(idx).filter((i) => i >= 0) }))
    .filter((rel) => rel.target >= 0 && rel.parts.length > 0 && !(rel.parts.length === 1 && rel.parts[0] === rel.target));
}

/** Code rows (T3, T5, T6, T8, T9), unit rows (T2, T13, T14) and lists (T10): a 合计 row over empty rows. */
function renderRows(ctx: Ctx, spec: TableSpec, title: string, b: Builder): TableLayoutInfo {
  const cols = tableCols(ctx, spec);
  const top = start(ctx, b, title, cols.length);
  const depth = writeHeader(b, cols, top);
  const totalRow = top + depth;
  const n = ctx.opts.bodyRows ?? (spec.layout === "code-rows" ? 20 : spec.layout === "list" ? 10 : 5);
  const first = totalRow + 1;
  const last = totalRow + n;
  const noteRow = last + 1;
  const codeCol = cols.findIndex((c) => c.key === "code");
  const nameCol = cols.findIndex((c) => c.key === "name");
  const rels = rowRelations(ctx, spec, cols);
  const targets = new Set(rels.map((r) => r.target));
  // 合计 row
  cols.forEach((c, i) => {
    if (c.role !== "amount") return b.put(totalRow, i, i === nameCol ? "合计" : null, ST.totalLabel);
    const range = `${addr(i, first)}:${addr(i, noteRow)}`;
    if (spec.layout === "code-rows" && codeCol >= 0) {
      // Σ 类: rows whose code has 3 digits, over the whole block down to the note row (see docs/specs.md).
      const codes = `${addr(codeCol, first, true)}:${addr(codeCol, noteRow, true)}`;
      b.formula(totalRow, i, `SUMPRODUCT(--(LEN(TRIM(${codes}))=3),${range})`, ST.totalAmount, AMOUNT_FMT);
    } else {
      b.formula(totalRow, i, `SUM(${range})`, ST.totalAmount, AMOUNT_FMT);
    }
  });
  for (let r = first; r <= last; r++) {
    cols.forEach((c, i) => {
      if (c.role === "code") return b.put(r, i, null, ST.text, TEXT_FMT);
      if (c.role !== "amount") return b.put(r, i, null, c.role === "name" ? ST.wrapText : ST.text);
      if (!targets.has(i)) return amountInput(b, r, i);
    });
    for (const rel of rels) b.formula(r, rel.target, partsFormula(rel.parts, r), ST.amount, ROW_FORMULA_FMT);
  }
  const columns = Object.fromEntries(cols.map((c, i) => [c.key, i]));
  return finish(ctx, b, spec, cols, { headerRows: { first: top, last: top + depth - 1 }, totalRow, body: { first, last }, noteRow, columns, rows: {} }, title);
}

/** T7: one row of figures under the header. */
function renderSingleRow(ctx: Ctx, spec: TableSpec, title: string, b: Builder): TableLayoutInfo {
  const cols = tableCols(ctx, spec);
  const top = start(ctx, b, title, cols.length);
  const depth = writeHeader(b, cols, top);
  const r = top + depth;
  const rels = rowRelations(ctx, spec, cols);
  const targets = new Set(rels.map((x) => x.target));
  cols.forEach((_, i) => {
    if (!targets.has(i)) amountInput(b, r, i);
  });
  for (const rel of rels) b.formula(r, rel.target, partsFormula(rel.parts, r), ST.amount, AMOUNT_FMT);
  const columns = Object.fromEntries(cols.map((c, i) => [c.key, i]));
  return finish(ctx, b, spec, cols, { headerRows: { first: top, last: top + depth - 1 }, body: { first: r, last: r }, noteRow: r + 1, columns, rows: {} }, title);
}

/** T11, T12: text forms; indicator columns are text, the budget column an amount. */
function renderForm(ctx: Ctx, spec: TableSpec, title: string, b: Builder): TableLayoutInfo {
  const cols = tableCols(ctx, spec);
  let top = start(ctx, b, title, cols.length);
  const rows: Record<string, number> = {};
  if (spec.id === "T12") top = overallBlock(ctx, b, top, cols.length, rows);
  const depth = writeHeader(b, cols, top);
  const first = top + depth;
  const last = first + (ctx.opts.bodyRows ?? 10) - 1;
  for (let r = first; r <= last; r++)
    cols.forEach((c, i) => (c.role === "amount" ? amountInput(b, r, i) : b.put(r, i, null, ST.wrapText)));
  const columns = Object.fromEntries(cols.map((c, i) => [c.key, i]));
  return finish(ctx, b, spec, cols, { headerRows: { first: top, last: top + depth - 1 }, body: { first, last }, noteRow: last + 1, columns, rows }, title);
}

/**
 * The head of 部门整体支出绩效目标表 as published forms have it (达州, 武汉, 曾都): the unit,
 * its main tasks, the year's whole budget (资金总额 = 财政拨款 + 其他资金) and the overall
 * goal, above the indicator table. Returns the row where the indicator header starts.
 */
function overallBlock(ctx: Ctx, b: Builder, top: number, width: number, rows: Record<string, number>): number {
  const last = width - 1;
  const label = (r: number, text: string) => b.put(r, 0, text, ST.head);
  const field = (r: number, value: string | null, c1 = 1) => {
    b.put(r, c1, value, ST.wrapText);
    b.merge(r, c1, r, last);
  };
  const scope = ctx.opts.scope === "单位" ? "单位" : "部门";
  label(top, `${scope}名称`);
  field(top, ctx.opts.unitName || null);
  label(top + 1, "年度主要任务");
  field(top + 1, null);
  label(top + 2, `年度${scope}整体支出预算（${ctx.opts.amountUnit}）`);
  b.merge(top + 2, 0, top + 3, 0);
  ["资金总额", "财政拨款", "其他资金"].forEach((h, i) => b.put(top + 2, 1 + i, h, ST.head));
  const r = top + 3;
  b.formula(r, 1, `${addr(2, r)}+${addr(3, r)}`, ST.amount, AMOUNT_FMT);
  amountInput(b, r, 2);
  amountInput(b, r, 3);
  rows["budget"] = r;
  label(top + 4, "年度总体目标");
  field(top + 4, null);
  return top + 5;
}

interface SideRow {
  key: string;
  label: string;
  kind: FixedRowSpec["kind"];
  numbering?: FixedRowSpec["numbering"];
  classCode?: string;
}

function numberRows(rows: (SideRow | null)[]): string[] {
  let cn = 0;
  let paren = 0;
  return rows.map((row) => {
    if (!row) return "";
    if (row.numbering === "cn") {
      cn++;
      paren = 0;
      return `${cnNumber(cn)}、${row.label}`;
    }
    if (row.numbering === "cn-paren") {
      paren++;
      return `（${cnNumber(paren)}）${row.label}`;
    }
    return row.label;
  });
}

/** T1 and T4: 收入 | 支出 side by side; top blocks from the first body row, bottom blocks aligned at the end. */
function renderTwoSided(ctx: Ctx, spec: TableSpec, title: string, b: Builder): TableLayoutInfo {
  const isT1 = spec.id === "T1";
  const split = isT1 && ctx.opts.t1Expense === "split";
  const income = spec.sides!.find((s) => s.key === "income")!;
  const expense = spec.sides!.find((s) => s.key === "expense")!;
  const funds = !isT1 && ctx.opts.t4Expense === "funds";
  const expenseCols: ColumnSpec[] = split
    ? [
        expense.columns[0],
        { key: "amount", header: "合计", role: "amount", width: 14 },
        { key: "current", header: "当年预算安排", role: "amount", width: 14 },
        { key: "carry", header: "上年结转安排", role: "amount", width: 14 },
      ]
    : funds
      ? [expense.columns[0], { ...expense.columns[1], header: "小计" }, ...expense.columns.filter((c) => ["gpb", "gfb", "socb"].includes(c.key))]
      : expense.columns.filter((c) => !c.optional);
  const cols = [...colsOf(income.columns, "income.", [income.header]), ...colsOf(expenseCols, "expense.", [expense.header])];
  const inLabel = 0;
  const inAmt = 1;
  const exLabel = income.columns.length;
  const exAmts = expenseCols.slice(1).map((_, i) => exLabel + 1 + i);
  const fixed = (key: string): SideRow => {
    const f = spec.fixedRows!.find((x) => x.key === key)!;
    return { key: f.key, label: f.label, kind: f.kind, numbering: f.numbering };
  };
  const classRows: SideRow[] = ctx.classes.map((c) => ({ key: `class.${c.code}`, label: c.name, kind: "detail", classCode: c.code, numbering: isT1 ? "cn" : "cn-paren" }));
  const incomeRows = spec.fixedRows!.filter((f) => f.side === "income");
  let inTop: (SideRow | null)[];
  let inBottom: (SideRow | null)[];
  let exTop: (SideRow | null)[];
  let exBottom: (SideRow | null)[];
  if (isT1) {
    inTop = incomeRows.filter((f) => f.kind === "detail").map((f) => fixed(f.key));
    inBottom = ["in.currentTotal", "in.carry", "in.fund", "in.grand"].map(fixed);
    exTop = classRows;
    exBottom = [fixed("out.currentTotal"), fixed("out.carry"), null, fixed("out.grand")];
  } else {
    inTop = incomeRows.filter((f) => f.kind !== "grand-total").map((f) => fixed(f.key));
    inBottom = [fixed("in.grand")];
    exTop = [fixed("out.current"), ...classRows, fixed("out.carry")];
    exBottom = [fixed("out.grand")];
  }
  const top = start(ctx, b, title, cols.length);
  const depth = writeHeader(b, cols, top);
  const first = top + depth;
  const topLen = Math.max(inTop.length, exTop.length);
  const bottomStart = first + topLen;
  const last = bottomStart + inBottom.length - 1;
  const rows: Record<string, number> = {};
  const inLabels = numberRows(inTop);
  const exLabels = numberRows(exTop);
  const place = (list: (SideRow | null)[], labels: string[] | null, at: number) =>
    list.map((row, i) => {
      if (row) rows[row.key] = at + i;
      return { row, label: labels ? labels[i] : row?.label ?? "", r: at + i };
    });
  const inPlaced = [...place(inTop, inLabels, first), ...place(inBottom, null, bottomStart)];
  const exPlaced = [...place(exTop, exLabels, first), ...place(exBottom, null, bottomStart)];
  const isTotal = (row: SideRow | null) => !!row && (row.kind === "subtotal" || row.kind === "grand-total");
  const isGrand = (row: SideRow | null) => !!row && row.kind === "grand-total";
  const label = (r: number, c: number, row: SideRow | null, text: string) =>
    b.put(r, c, row ? text : null, isGrand(row) ? ST.totalLabel : isTotal(row) ? { ...ST.text, bold: true } : ST.text);
  const R = (key: string) => rows[key];
  const has = (id: string) => ctx.selected.has(id) && !!ctx.layouts[id];

  // Income side
  for (let r = first; r <= last; r++) {
    const p = inPlaced.find((x) => x.r === r);
    const row = p?.row ?? null;
    label(r, inLabel, row, p?.label ?? "");
    const st = isTotal(row) ? ST.totalAmount : ST.amount;
    if (!row) {
      b.put(r, inAmt, null, ST.amount, AMOUNT_FMT);
      continue;
    }
    let f: string | null = null;
    if (isT1) {
      if (row.key === "in.currentTotal") f = `SUM(${addr(inAmt, first)}:${addr(inAmt, r - 1)})`;
      else if (row.key === "in.grand") f = [R("in.currentTotal"), R("in.carry"), R("in.fund")].map((x) => addr(inAmt, x)).join("+");
      else if (T1_FROM_T2[row.key] && has("T2")) f = totalCellRef(ctx, "T2", T1_FROM_T2[row.key]);
    } else {
      if (row.key === "in.current" || row.key === "in.carry") {
        const prefix = row.key === "in.current" ? "in.cur." : "in.carry.";
        const parts = ["gpb", "gfb", "socb"].map((k) => R(prefix + k));
        f = `SUM(${addr(inAmt, Math.min(...parts))}:${addr(inAmt, Math.max(...parts))})`;
      } else if (row.key === "in.grand") f = `${addr(inAmt, R("in.current"))}+${addr(inAmt, R("in.carry"))}`;
      else if (T4_FROM_DETAIL[row.key] && has(T4_FROM_DETAIL[row.key])) f = totalCellRef(ctx, T4_FROM_DETAIL[row.key], "total");
    }
    if (f) b.formula(r, inAmt, f, st, AMOUNT_FMT);
    else b.put(r, inAmt, null, st, AMOUNT_FMT);
  }

  // Expense side
  const classFirst = isT1 ? first : first + 1;
  const classLast = classFirst + classRows.length - 1;
  for (let r = first; r <= last; r++) {
    const p = exPlaced.find((x) => x.r === r);
    const row = p?.row ?? null;
    label(r, exLabel, row, p?.label ?? "");
    exAmts.forEach((c, k) => {
      const st = isTotal(row) ? ST.totalAmount : ST.amount;
      let f: string | null = null;
      if (row?.classCode) {
        if (funds) {
          // 小计 = the three funds; each fund's 类 line ← its own detail table
          const fundTable = ["T5", "T8", "T9"][k - 1];
          if (k === 0) f = `SUM(${addr(exAmts[1], r)}:${addr(exAmts[3], r)})`;
          else if (has(fundTable)) f = sumIfClass(ctx, fundTable, row.classCode!);
        } else if (k === 0) {
          const sources = isT1 ? (has("T3") ? ["T3"] : []) : ["T5", "T8", "T9"].filter(has);
          if (sources.length) f = sources.map((id) => sumIfClass(ctx, id, row.classCode!)).join("+");
        } else if (split && k === 1) f = `${addr(exAmts[0], r)}-${addr(exAmts[2], r)}`; // 当年预算安排 = 合计 − 上年结转安排
      } else if (row && (row.key === "out.currentTotal" || row.key === "out.current")) {
        f = `SUM(${addr(c, classFirst)}:${addr(c, isT1 ? r - 1 : classLast)})`;
      } else if (row && row.key === "out.grand") {
        const cur = R(isT1 ? "out.currentTotal" : "out.current");
        f = `${addr(c, cur)}+${addr(c, R("out.carry"))}`;
      }
      if (f) b.formula(r, c, f, st, row?.classCode && split && k === 1 ? ROW_FORMULA_FMT : AMOUNT_FMT);
      else b.put(r, c, null, st, AMOUNT_FMT);
    });
  }
  const columns = Object.fromEntries(cols.map((c, i) => [c.key, i]));
  return finish(ctx, b, spec, cols, { headerRows: { first: top, last: top + depth - 1 }, body: { first, last }, noteRow: last + 1, columns, rows }, title);
}

function normaliseOptions(options: TemplateOptions): Ctx["opts"] {
  return {
    ...options,
    scope: options.scope ?? "部门",
    amountUnit: options.amountUnit ?? "万元",
    formulas: options.formulas ?? true,
    allClasses: options.allClasses ?? false,
    t1Expense: options.t1Expense ?? "amount",
    t5Basic: options.t5Basic ?? "split",
    t4Expense: options.t4Expense ?? "amount",
  };
}

/** Render the template set with layout information (see renderTemplates for sheets only). */
export function renderTemplateSet(options: TemplateOptions): TemplateSet {
  const opts = normaliseOptions(options);
  if (!Number.isInteger(opts.year)) throw new Error(`年度无效：${opts.year}`);
  const ids = (opts.tables ?? STANDARD_TABLES.map((t) => t.id)).map((id) => tableSpec(id.trim().toUpperCase()).id);
  const selected = new Set(ids);
  const specYear = nearestSpecYear(opts.year);
  const notes: string[] = [];
  if (!YEARS.includes(opts.year)) notes.push(`${opts.year} 年不在支持的年度（${YEARS[0]}–${YEARS[YEARS.length - 1]}）内，表式和支出功能分类“类”按 ${specYear} 年生成，请核对。`);
  const ctx: Ctx = { opts, selected, layouts: {}, classes: expenseClassLines(specYear, opts.allClasses) };
  const built: Record<string, Sheet> = {};
  let formulaCount = 0;
  for (const id of RENDER_ORDER) {
    if (!selected.has(id)) continue;
    const spec = tableSpec(id);
    const name = validSheetName(scopedTitle(spec, opts.scope));
    const title = `${opts.unitName}${opts.year}年${scopedTitle(spec, opts.scope)}`;
    const b = new Builder(name, opts.formulas);
    const render =
      spec.layout === "two-sided" ? renderTwoSided : spec.layout === "single-row" ? renderSingleRow : spec.layout === "form" ? renderForm : renderRows;
    ctx.layouts[id] = render(ctx, spec, title, b);
    built[id] = b.sheet;
    formulaCount += b.formulas;
  }
  const order = STANDARD_TABLES.map((t) => t.id).filter((id) => selected.has(id));
  return { sheets: order.map((id) => built[id]), layouts: ctx.layouts, year: opts.year, specYear, notes, formulaCount };
}

/** The template sheets, one per table, in standard order. */
export function renderTemplates(options: TemplateOptions): Sheet[] {
  return renderTemplateSet(options).sheets;
}
