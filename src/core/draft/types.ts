/**
 * A drafted 情况说明: sections → paragraphs → runs of text, figures and placeholders.
 * Every figure knows the cells it comes from, so a reader (or the task pane) can trace it.
 */

/** One table cell a figure is read from. */
export interface SourceRef {
  /** Spec id of the table (T1 …). */
  table: string;
  sheet: string;
  /** A1 address. */
  cell: string;
  /** Row as a reader names it (收入总计, 208 社会保障和就业支出, 合计). */
  row: string;
  /** Column key as recognised (total, basic.personnel, income.amount …). */
  column: string;
  /** This year's workbook or last year's. */
  workbook: "current" | "previous";
}

export interface DraftFigure {
  kind: "amount" | "percent" | "delta" | "prior";
  /** As written in the text ("641.15", "87.44"), without the unit. */
  text: string;
  unit: "万元" | "元" | "%";
  /** The number the text states, in `unit`. */
  value: number;
  /** The cells it is read or computed from. */
  sources: SourceRef[];
  /** How it is computed when it is not a single cell ("本年 − 上年", "占 收入总计 的比例（最大余数法）"). */
  how?: string;
  /** Shares written together (one whole, its parts): the same id; they add up to 100% under the largest remainder method. */
  shareGroup?: number;
}

export type Run = string | { figure: DraftFigure } | { placeholder: string };

export interface DraftParagraph {
  runs: Run[];
  /** A heading line (一、… / （一）…). */
  heading?: boolean;
}

export interface DraftSection {
  /** Stable id: overall, income, expense, fiscal, gpb, basic, sanGong, gfb, socb, running, procurement, performance. */
  id: string;
  title: string;
  paragraphs: DraftParagraph[];
}

export interface OmittedSection {
  id: string;
  title: string;
  /** Why it is not written (which table is missing). */
  reason: string;
}

export interface Draft {
  year?: number;
  unitName?: string;
  /** 部门 or 单位, from the table titles. */
  scope: "部门" | "单位";
  /** The unit of the tables and the unit the text states amounts in. */
  tableUnit: "万元" | "元";
  textUnit: "万元";
  /** The document title line. */
  title: string;
  sections: DraftSection[];
  omitted: OmittedSection[];
  /** The conventions the text follows (units, rounding, shares), for the reader. */
  conventions: string[];
  /** Whether last year's figures were available (a previous workbook). */
  hasPrevious: boolean;
}

/** The placeholder the writer leaves where the person must write (reasons, uses). */
export const PLACEHOLDER_RE = /【请填写[^】]*】/g;
export const REASON_PLACEHOLDER = "【请填写原因】";
export const USE_PLACEHOLDER = "【请填写主要用途】";
