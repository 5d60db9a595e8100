/**
 * Declarative specs of the disclosure tables. One spec per table drives three jobs:
 *  - insertion (src/core/templates): title, unit line, header rows with merges, fixed rows, formulas;
 *  - recognition (src/core/recognize): title patterns and header aliases map a user's sheet to a spec;
 *  - checking (src/core/checks): the arithmetic that holds between columns and rows.
 *
 * Relations are written as text a finance person can read, like the 审核公式 of
 * financial reporting software, e.g. "合计 = 基本支出 + 项目支出" or
 * "本年收入合计 = Σ 收入明细". See ./relations.ts for the grammar.
 */

/** The code catalog a code column draws from. */
export type CodeDomain = "function" | "econ-dept" | "econ-gov" | "revenue" | "unit" | "project";

export type ColumnRole =
  | "code" // a joined code (2080101)
  | "code-lei" // 类 part of a split code (208)
  | "code-kuan" // 款 part (01)
  | "code-xiang" // 项 part (50)
  | "name" // 科目名称 / 项目名称 / 单位名称
  | "label" // 项目 (the row label of fixed-row tables)
  | "amount"
  | "percent"
  | "text";

export interface ColumnSpec {
  /** Stable key used by relations and cross-table rules, e.g. "total", "basic.personnel". */
  key: string;
  /** Canonical header text as the template prints it (the leaf). */
  header: string;
  /** Other header texts that mean this column in real workbooks (compared with labelKey). */
  aliases?: string[];
  role: ColumnRole;
  /** Header groups above the leaf, outermost first, e.g. ["基本支出"] for 人员经费. */
  group?: string[];
  /** For code columns: the catalog. */
  domain?: CodeDomain;
  /** Template column width in character units. */
  width?: number;
  /** A column real layouts often leave out; recognition does not require it. */
  optional?: boolean;
  /**
   * A column of a regional layout variant (e.g. 达州's 当年财政拨款安排 / 上年结转安排 split of
   * 一般公共预算支出表): recognised and checked when a workbook has it, not printed by the
   * templates. Always also optional.
   */
  variant?: boolean;
}

export type RowKind = "detail" | "subtotal" | "total" | "grand-total" | "carry" | "heading";

export interface FixedRowSpec {
  key: string;
  /** Label as printed (without the 一、/（一） numbering, which templates add when `numbered`). */
  label: string;
  aliases?: string[];
  kind: RowKind;
  /** For two-sided tables: which side the row belongs to. */
  side?: "income" | "expense";
  /** For expense class lines: the 类 code the row stands for. */
  classCode?: string;
  /** Print numbering style: "一、", "（一）" or none. */
  numbering?: "cn" | "cn-paren" | "none";
}

export interface SideSpec {
  key: "income" | "expense";
  header: string; // 收入 / 支出
  columns: ColumnSpec[];
}

export interface RelationSpec {
  id: string;
  /** Readable relation, e.g. "合计 = 基本支出 + 项目支出" (column relation) or "收入总计 = 本年收入合计 + 上年结转结余" (row relation). */
  text: string;
  /** "columns": holds in every data row between the named columns; "rows": between the named rows in every amount column. */
  over: "columns" | "rows";
  /** For two-sided tables: which side's rows/columns. */
  side?: "income" | "expense";
  severity?: "error" | "warning";
  /** Chinese explanation shown with a finding. */
  note?: string;
}

export type TableLayout =
  | "code-rows" // rows are 类/款/项 codes with a 合计 row (T3, T5, T6, T8, T9)
  | "two-sided" // 收入 | 支出 side by side with fixed rows (T1, T4)
  | "unit-rows" // rows are units (or codes) with a 合计 row (T2, T13, T14)
  | "single-row" // one row of figures under the header (T7)
  | "list" // free list of projects (T10)
  | "form"; // text form (T11, T12)

export interface TableSpec {
  /** T1 … T14, or an id for optional extra tables. */
  id: string;
  /** Canonical title as the template prints it, without year and unit. */
  title: string;
  /** The title in English, for English messages ("Government procurement budget"); messages add the Chinese title in brackets. */
  titleEn: string;
  /** Title variants seen in real workbooks (matched after removing year, unit name and spaces). */
  titleAliases: string[];
  /** One line for the task pane list. */
  description: string;
  layout: TableLayout;
  /** Columns in print order (for two-sided tables, see `sides`). */
  columns: ColumnSpec[];
  sides?: SideSpec[];
  fixedRows?: FixedRowSpec[];
  /** code-rows tables: how many levels the code rows go down to (3 = 项, 2 = 款). */
  codeDepth?: 2 | 3;
  relations: RelationSpec[];
  /** Whether the table lists 支出功能分类 类 lines that follow the year's catalog. */
  classLines?: "expense";
  /** Note printed under an empty table. */
  emptyNote: string;
  /** Required in a complete disclosure set (完整性). */
  required: boolean;
  /** Budget years whose official layout this spec follows; other years fall back to the nearest. */
  years: number[];
  /** Template print orientation. */
  landscape?: boolean;
}
