/**
 * The checker is built like ESLint: each rule is a small module with an id, a one-line
 * description, a default severity and its own valid and invalid cases; reporters
 * (task pane, text, JSON, HTML) are separate from rules.
 */
import type { Catalog } from "../catalog/catalog";
import type { Workbook } from "../model";
import type { NarrativeAnalysis } from "../narrative/analyze";
import type { WorkbookFacts } from "../recognize/types";
import type { MessageData, Messages } from "./messages";

export type Severity = "error" | "warning" | "info";

export interface Finding {
  ruleId: string;
  severity: Severity;
  sheet: string;
  /** A1 address of the main cell (the stated figure). */
  cell: string;
  /** Other cells involved (the parts of a sum, the other table's figure), as "Sheet!A1" or "A1". */
  related?: string[];
  /** Table id (T1 …) when the finding is about a table. */
  table?: string;
  expected?: number | string;
  actual?: number | string;
  /** actual − expected, for numbers. */
  difference?: number;
  /** Chinese message: what is wrong, where, expected vs stated, and the difference (the zh-CN text of messageId). */
  message: string;
  /** The rule's message id (Rule.messages); with `data` it renders the message in any language (messages.ts). */
  messageId?: string;
  /** Placeholder values of the message, already formatted. */
  data?: MessageData;
}

export interface CheckOptions {
  /** Budget year to judge names against; default: the workbook's own year. */
  year?: number;
  /**
   * Multiplier of the rounding envelope (XBRL Calculations 1.1 intervals): 1 = exactly the
   * envelope of the printed precision; 0 = no rounding allowed; 2 = twice as loose.
   */
  roundingFactor?: number;
  /** Rules to turn off, or severities to override, by rule id. */
  rules?: Record<string, Severity | "off">;
  /**
   * Which set of tables a complete disclosure has: 14 (the standard set) or 9 (T1–T9, the
   * budget tables of 《地方预决算公开操作规程》 that some provinces prescribe on their own).
   * "auto" (default): 14 when any of T10–T14 is present, else 9.
   */
  tableSet?: 9 | 14 | "auto";
  /** The classification catalog to judge names with (default: the built-in one; the task pane passes the one with the user's imported editions). */
  catalog?: Catalog;
  /** Last year's workbook: the year-over-year rule checks the text's 比上年 comparisons against it. */
  previous?: Workbook;
}

export interface RuleContext {
  wb: Workbook;
  facts: WorkbookFacts;
  options: Required<Pick<CheckOptions, "roundingFactor">> & CheckOptions;
  /** Built once by the engine and shared by every rule: the analysis of the explanatory text (read it with narrativeOf(ctx)). */
  narrative?: NarrativeAnalysis;
  /** The budget year of the run (options.year, else the workbook's, else the text's). */
  year?: number;
  /** The catalog every rule judges with (options.catalog, else the built-in one). */
  catalog?: Catalog;
}

export interface RuleCase {
  /** What the case shows, in a few words. */
  name: string;
  workbook: () => Workbook;
  /** Options the case runs with (e.g. last year's workbook). */
  options?: Partial<CheckOptions>;
  /** For invalid cases: what must be found (rule id implied). */
  expect?: { severity: Severity; cell?: string; messageId?: string; messageIncludes?: string }[];
}

export interface Rule {
  id: string;
  /** One line, Chinese. */
  description: string;
  defaultSeverity: Severity;
  /** Message ids with their zh-CN and en-US texts (ESLint's meta.messages). */
  messages?: Messages;
  check(ctx: RuleContext): Finding[];
  /** Cases the rule's own tests run: valid ones give no finding of this rule at error or warning level. */
  valid: RuleCase[];
  invalid: RuleCase[];
}
