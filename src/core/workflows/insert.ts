/**
 * 插入模板 as a use case the task pane and the CLI share: the request (year, unit, scope,
 * amount unit, tables, formulas, regional layout variants) is checked by guards, planned on a
 * fresh read (never over an existing sheet: a taken name gets a new one), applied in one batch,
 * and undone only while the inserted sheets are exactly as inserted — once the user has typed
 * into them, deleting them would lose that work.
 */
import { inverseOf, type ChangeSet } from "../changes";
import { getSheet, type Sheet, type Workbook } from "../model";
import { STANDARD_TABLES } from "../specs/tables";
import type { AmountUnit, InsertionPlan, Scope, TemplateOptions } from "../templates";
import { isValidYear } from "./context";
import { sheetsContent, type UndoOutcome, type WorkbookPort } from "./port";

/** Regional layouts (docs/specs.md): 忻州 and 达州 split T4 by fund, 忻州 splits T1's expenditure and keeps T5 plain. */
export interface LayoutVariants {
  /** 财政拨款收支总表: expenditure by 一般公共预算 / 政府性基金 / 国有资本经营. */
  t4Funds?: boolean;
  /** 收支总表: expenditure as 合计 / 当年预算安排 / 上年结转安排. */
  t1Split?: boolean;
  /** 一般公共预算支出表: one 基本支出 column (no 人员经费 / 公用经费). */
  t5Plain?: boolean;
}

/** The template options of the variant flags (the pane's checkboxes, the CLI's --t4-funds --t1-split --t5-plain). */
export function variantOptions(v: LayoutVariants = {}): Required<Pick<TemplateOptions, "t4Expense" | "t1Expense" | "t5Basic">> {
  return { t4Expense: v.t4Funds ? "funds" : "amount", t1Expense: v.t1Split ? "split" : "amount", t5Basic: v.t5Plain ? "plain" : "split" };
}

export interface InsertRequest {
  year: number;
  unitName: string;
  scope: Scope;
  amountUnit: AmountUnit;
  /** Table ids (T1 … T14) in standard order. */
  tables: string[];
  formulas: boolean;
  variants?: LayoutVariants;
}

export type InsertField = "year" | "unitName" | "tables";

export interface InsertProblem {
  field: InsertField;
  code: "year-invalid" | "unit-empty" | "no-tables" | "unknown-table";
  /** In Chinese, for the CLI; the pane shows its own string for the code. */
  message: string;
}

/** The guards: what keeps a request from being inserted, field by field (empty: fine). */
export function validateInsert(req: Pick<InsertRequest, "year" | "unitName" | "tables">): InsertProblem[] {
  const out: InsertProblem[] = [];
  if (!isValidYear(req.year)) out.push({ field: "year", code: "year-invalid", message: "请输入 2000–2100 之间的年度。" });
  if (!req.unitName.trim()) out.push({ field: "unitName", code: "unit-empty", message: "请填写单位名称：它印在每张表的表头（单位名称：…）。" });
  if (!req.tables.length) out.push({ field: "tables", code: "no-tables", message: "请至少选择一张表。" });
  const ids = new Set(STANDARD_TABLES.map((t) => t.id));
  const unknown = req.tables.filter((t) => !ids.has(t));
  if (unknown.length) out.push({ field: "tables", code: "unknown-table", message: `未知的表：${unknown.join("、")}。` });
  return out;
}

export class InsertRefused extends Error {
  constructor(readonly problems: InsertProblem[]) {
    super(problems.map((p) => p.message).join(" "));
  }
}

/** Template options of a request: one mapping for the pane and the CLI. */
export function templateOptions(req: InsertRequest): TemplateOptions {
  return {
    year: req.year,
    unitName: req.unitName.trim(),
    scope: req.scope,
    amountUnit: req.amountUnit,
    tables: req.tables,
    formulas: req.formulas,
    ...variantOptions(req.variants),
  };
}

/** Rendering and planning (the pane passes its Services, so component tests can replace them). */
export interface InsertDeps {
  renderTemplates(options: TemplateOptions): Sheet[];
  planInsertion(existing: Workbook, sheets: Sheet[]): InsertionPlan;
}


export interface Inserted {
  /** The inserted sheets in order: table id and the name the sheet got. */
  sheets: { id: string; name: string }[];
  /** Taken names and the names used instead. */
  renamed: { wanted: string; actual: string }[];
  /** Removes the inserted sheets again. */
  inverse: ChangeSet;
  /** The inserted sheets' content as written (see sheetsContent). */
  fingerprint: string;
}

export interface InsertPlan extends Inserted {
  changes: ChangeSet;
}

/** Plan an insertion into `wb` (nothing is written). Throws InsertRefused when a guard fails. */
export function planInsert(wb: Workbook, req: InsertRequest, deps: InsertDeps): InsertPlan {
  const problems = validateInsert(req);
  if (problems.length) throw new InsertRefused(problems);
  const sheets = deps.renderTemplates(templateOptions(req));
  const plan = deps.planInsertion(wb, sheets);
  const actualOf = new Map(plan.renamed.map((r) => [r.wanted, r.actual]));
  return {
    changes: plan.changes,
    sheets: sheets.map((sh, i) => ({ id: req.tables[i] ?? "", name: actualOf.get(sh.name) ?? sh.name })),
    renamed: plan.renamed,
    inverse: inverseOf(wb, plan.changes),
    fingerprint: sheetsContent(plan.changes.newSheets),
  };
}

/** Confirm: plan on a fresh read and apply in one batch. */
export async function insertTables(host: WorkbookPort, req: InsertRequest, deps: InsertDeps): Promise<Inserted> {
  const problems = validateInsert(req);
  if (problems.length) throw new InsertRefused(problems);
  const plan = planInsert(await host.readWorkbook(), req, deps);
  await host.applyChanges(plan.changes);
  const { changes: _changes, ...inserted } = plan;
  return inserted;
}

/** Whether the inserted sheets are all still there and exactly as inserted. */
export function canUndoInsert(wb: Workbook, ins: Inserted): UndoOutcome {
  const now = ins.inverse.removeSheets.map((name) => getSheet(wb, name));
  if (now.some((s) => !s)) return { status: "refused", reason: "missing" };
  return sheetsContent(now) === ins.fingerprint ? { status: "undone" } : { status: "refused", reason: "edited" };
}

/** Undo: remove the inserted sheets — only while they are exactly as inserted. */
export async function undoInsert(host: WorkbookPort, ins: Inserted): Promise<UndoOutcome> {
  const verdict = canUndoInsert(await host.readWorkbook(), ins);
  if (verdict.status === "refused") return verdict;
  await host.applyChanges(ins.inverse);
  return verdict;
}
