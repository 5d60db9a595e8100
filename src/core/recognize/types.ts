/**
 * What table recognition finds in a user's workbook: each table mapped to its spec,
 * each column to its role, each row to its kind, each amount parsed with its printed
 * precision. Checks, name filling and the task pane all work on this.
 */
import type { CellValue } from "../model";
import type { ColumnSpec, FixedRowSpec, RowKind, TableSpec } from "../specs/types";

/** One amount as printed: the number, and how many decimals it was printed with (for rounding). */
export interface AmountCell {
  r: number;
  c: number;
  /** null for a blank cell (blank is not zero) or a non-numeric text. */
  value: number | null;
  /** Decimals printed (from the number format for numbers, from the text for text amounts). */
  decimals: number;
  raw: CellValue;
  formula?: string;
  /** The amount was stored as text ("1,209.02"). */
  fromText: boolean;
}

export interface RecognizedColumn {
  /** The spec column key ("total", "basic.personnel", …); for two-sided tables prefixed by side ("expense.amount"). */
  key: string;
  c: number;
  /** Header text as found (joined over header rows, outermost first, " / " between levels). */
  header: string;
  spec: ColumnSpec;
  side?: "income" | "expense";
}

export interface RecognizedRow {
  r: number;
  kind: RowKind;
  side?: "income" | "expense";
  /** Normalised code (joined from split 类/款/项 cells when needed). */
  code?: string;
  /** 1 类, 2 款, 3 项 (by code length). */
  level?: 1 | 2 | 3;
  /** Where the code is (the first code cell). */
  codeCell?: { r: number; c: number };
  /** Label or name text as printed, and where. */
  label: string;
  labelCell?: { r: number; c: number };
  /** The fixed row this is (two-sided and fixed-row tables). */
  fixed?: FixedRowSpec;
  /** For expense class lines: the 类 code recognised from the label. */
  classCode?: string;
  /** Amounts by column key. */
  amounts: Record<string, AmountCell>;
  /** An "其中：" row: a part of the row above, already counted — never added into a total. */
  ofWhich?: boolean;
  /** Catalog of the code: 2xx function, 3xx econ-dept, 5xx econ-gov; "unit" / "project" for unit and project codes. */
  domain?: "function" | "econ-dept" | "econ-gov" | "revenue" | "unit" | "project";
  /** How the code was found: a code cell, split 类/款/项 cells, another cell of the row, or the name. */
  codeSource?: "cell" | "split" | "other-cell" | "name";
  /** Code rows under a unit heading (tables listing several units' rows): that heading, so the same code under two units stays two rows. */
  group?: string;
  /** Two-sided tables: the part of the side the row is in (before / after the 上年结转 or 年终结转 line). */
  section?: "current" | "carry";
  /** Cells of the table's year columns (last year's figure, the change, the change in percent), keyed yearKey(role, current column key). */
  yearAmounts?: Record<string, AmountCell>;
}

export interface RecognizedTable {
  spec: TableSpec;
  sheet: string;
  /** Title as printed, and its cell. */
  title: string;
  titleCell: { r: number; c: number };
  /** Budget year read from the title or unit line, if any. */
  year?: number;
  /** Unit (单位/部门) name from the title or unit line, if any. */
  unitName?: string;
  unitCell?: { r: number; c: number };
  /** A unit line printed with the unit name left blank ("部门/单位： _____ 单位：万元"), and where. */
  blankUnitLine?: { r: number; c: number };
  amountUnit: "万元" | "元";
  headerRows: { r1: number; r2: number };
  columns: RecognizedColumn[];
  rows: RecognizedRow[];
  /** No amounts at all. */
  empty: boolean;
  /** A 本表无数据 / 此表无数据 / 说明：… note under the table, if any. */
  note?: { text: string; r: number; c: number };
  /** Problems met while recognising (unmapped headers, text amounts, error values), for the checker to report. */
  /** `data`: the parts of the message (the value, the text, the code, the columns), so a rule can word it in any language without reading the message back. */
  issues: { r: number; c: number; message: string; kind?: "text-amount" | "error-value" | "missing-column" | "unmapped-column" | "text-in-amount" | "bad-code"; data?: Record<string, string | string[]> }[];
  /** First and last sheet row of the table (title to last data row or note). */
  range?: { r1: number; r2: number };
  /** Decimals most of the table's figures are printed with. */
  precision?: number;
  /** How the table was found. */
  foundBy?: "title" | "headers";
  /** Spec keys of the columns the spec requires but the sheet lacks. */
  missingColumns?: string[];
  /** Columns of last year's figures, of the change and of the change in percent (yearColumns.ts). */
  yearColumns?: import("./yearColumns").YearColumn[];
  /** The years were rows (“三公” table: 上年预算数 / 本年预算数 / 增减 down the side), folded into this year's row (yearRows.ts). */
  yearRows?: boolean;
}

/** A paragraph of explanatory text (情况说明) found in a text cell. */
export interface Paragraph {
  sheet: string;
  r: number;
  c: number;
  text: string;
  /** Line inside a cell that holds several lines (0-based); absent for a one-line cell. */
  line?: number;
}

export interface WorkbookFacts {
  tables: RecognizedTable[];
  paragraphs: Paragraph[];
  /**
   * Every line of text to read, in reading order: on a sheet of text (no table on it) each
   * text line, headings included; elsewhere the paragraphs. Cells with several lines give
   * one entry per line.
   */
  textLines?: Paragraph[];
  /** 占比 columns in tables: lines with an amount and a stated percentage, grouped up to each 合计 line. */
  shareColumns?: import("./shareColumns").ShareColumnGroup[];
  /** The budget year most tables and the text agree on. */
  year?: number;
  /** The unit name most tables agree on. */
  unitName?: string;
  amountUnit: "万元" | "元";
  /** Titles that look like a table title but match no spec (the table is not checked). */
  unrecognized?: { sheet: string; r: number; c: number; title: string }[];
}
