/**
 * 表间审核公式：the relations between disclosure tables, written the way a finance person
 * reads them. Each term is 表名[行][列]:
 *   - 表名 is one of TABLE_NAMES below;
 *   - 行 is a row label of that table (收入总计, 本年收入合计, 上年结转结余 …), "合计行", a code
 *     (30217), "每个类" (every 支出功能分类 类 line, bound for the whole relation) or "该类"
 *     (the same 类 on the other side); "A.B" means row B under row A (本年收入.一般公共预算拨款);
 *   - 列 is a column header (合计, 基本支出, 人员经费 …); "A.B" means column B under header group A
 *     (本年收入.一般公共预算). Two-sided tables (收支总表, 财政拨款收支总表) leave 列 out: the
 *     row's own 预算数 is meant.
 * A relation is checked only when every table it names is present, not empty, and the
 * scope conditions (`when`) hold; a term whose row or column the table does not have makes
 * the relation not applicable (never an error).
 *
 * docs/audit-formulas.md lists these in Chinese; keep both in step.
 */

export type ScopeCondition =
  /** 一般公共预算支出表 title says （不含上年结转）, or 财政拨款收支总表 has no 上年结转 in 一般公共预算. */
  | "T5本年口径"
  /** 一般公共预算支出表 includes 上年结转 (no such title note) and 财政拨款收支总表 has some. */
  | "T5含上年结转"
  /** 项目支出表 lists 本年 general-budget projects (has the column, not the 上年结转 variant). */
  | "T10列示一般公共预算项目"
  /** Every expenditure is 一般公共预算 (收支总表 支出总计 = 一般公共预算支出表 合计): its 人员 / 公用经费 are the 基本支出表's. */
  | "支出全部为一般公共预算";

export interface CrossRelationSpec {
  id: string;
  /** The relation as text: 表名[行][列] terms joined by + and −, one of = ≤ ≥ between two sides. */
  text: string;
  severity: "error" | "warning";
  when?: ScopeCondition[];
  /** Chinese note shown with a finding. */
  note?: string;
  /** The note in English (the en-US message). */
  noteEn?: string;
}

/** 表名 → table spec id. */
export const TABLE_NAMES: Record<string, string> = {
  收支总表: "T1",
  收入总表: "T2",
  支出总表: "T3",
  财政拨款收支总表: "T4",
  一般公共预算支出表: "T5",
  一般公共预算基本支出表: "T6",
  三公经费支出表: "T7",
  政府性基金预算支出表: "T8",
  国有资本经营预算支出表: "T9",
  项目支出表: "T10",
  政府采购预算表: "T13",
  机关运行经费表: "T14",
};

export const SCOPE_TEXT: Record<ScopeCondition, string> = {
  T5本年口径: "一般公共预算支出表标题注明“不含上年结转”，或财政拨款收支总表没有一般公共预算上年结转",
  T5含上年结转: "一般公共预算支出表未注明“不含上年结转”，且财政拨款收支总表有一般公共预算上年结转",
  T10列示一般公共预算项目: "项目支出表列示本年一般公共预算拨款项目（非“上年结转”项目表）",
  支出全部为一般公共预算: "收支总表支出总计等于一般公共预算支出表合计（全部支出都是一般公共预算拨款）",
};

export const CROSS_RELATIONS: CrossRelationSpec[] = [
  // 收支总表 ↔ 收入总表
  { id: "X.T1-T2.grand", text: "收支总表[收入总计] = 收入总表[合计行][合计]", severity: "error" },
  { id: "X.T1-T2.current", text: "收支总表[本年收入合计] = 收入总表[合计行][本年收入.小计]", severity: "error" },
  { id: "X.T1-T2.gpb", text: "收支总表[一般公共预算拨款收入] = 收入总表[合计行][本年收入.一般公共预算]", severity: "error" },
  { id: "X.T1-T2.gfb", text: "收支总表[政府性基金预算拨款收入] = 收入总表[合计行][本年收入.政府性基金预算]", severity: "error" },
  { id: "X.T1-T2.business", text: "收支总表[事业收入] = 收入总表[合计行][本年收入.事业收入]", severity: "error" },
  { id: "X.T1-T2.other", text: "收支总表[其他收入] = 收入总表[合计行][本年收入.其他收入]", severity: "error" },
  { id: "X.T1-T2.carry", text: "收支总表[上年结转结余] = 收入总表[合计行][上年结转结余.小计]", severity: "error" },
  // 收支总表 ↔ 支出总表
  { id: "X.T1-T3.total", text: "收支总表[本年支出合计] = 支出总表[合计行][合计]", severity: "error" },
  { id: "X.T1-T3.class", text: "收支总表[每个类] = 支出总表[该类][合计]", severity: "error" },
  // 收支总表 ↔ 财政拨款收支总表
  { id: "X.T1-T4.gpb", text: "收支总表[一般公共预算拨款收入] = 财政拨款收支总表[本年收入.一般公共预算拨款]", severity: "error" },
  { id: "X.T1-T4.gfb", text: "收支总表[政府性基金预算拨款收入] = 财政拨款收支总表[本年收入.政府性基金预算拨款]", severity: "error" },
  {
    id: "X.T1-T4.carry",
    text: "收支总表[上年结转结余] ≥ 财政拨款收支总表[上年结转]",
    severity: "warning",
    note: "收支总表的上年结转结余包含财政拨款结转和其他资金结转，不应小于财政拨款收支总表的上年结转",
    noteEn: "The carry-over in the summary of revenue and expenditure includes both fiscal-appropriation and other funds' carry-over, so it cannot be less than the carry-over in the fiscal appropriation summary",
  },
  // 财政拨款收支总表 ↔ 一般公共预算支出表
  {
    id: "X.T4-T5.current",
    text: "财政拨款收支总表[本年收入.一般公共预算拨款] = 一般公共预算支出表[合计行][合计]",
    severity: "error",
    when: ["T5本年口径"],
  },
  {
    id: "X.T4-T5.withCarry",
    text: "财政拨款收支总表[本年收入.一般公共预算拨款] + 财政拨款收支总表[上年结转.一般公共预算拨款] = 一般公共预算支出表[合计行][合计]",
    severity: "error",
    when: ["T5含上年结转"],
  },
  {
    id: "X.T4-T5.class",
    text: "财政拨款收支总表[每个类] = 一般公共预算支出表[该类][合计] + 政府性基金预算支出表[该类][合计] + 国有资本经营预算支出表[该类][合计]",
    severity: "error",
    note: "财政拨款收支总表的支出按功能分类类列示三类财政拨款；缺少的基金表按零计",
    noteEn: "The fiscal appropriation summary lists the three kinds of appropriation by functional category; a fund table that is missing counts as zero",
  },
  // 一般公共预算支出表 ↔ 一般公共预算基本支出表
  { id: "X.T5-T6.basic", text: "一般公共预算支出表[合计行][基本支出] = 一般公共预算基本支出表[合计行][合计]", severity: "error" },
  { id: "X.T5-T6.personnel", text: "一般公共预算支出表[合计行][人员经费] = 一般公共预算基本支出表[合计行][人员经费]", severity: "error" },
  { id: "X.T5-T6.public", text: "一般公共预算支出表[合计行][公用经费] = 一般公共预算基本支出表[合计行][公用经费]", severity: "error" },
  // 收支总表（支出方分人员经费、公用经费的版式）↔ 一般公共预算基本支出表
  {
    id: "X.T1-T6.personnel",
    text: "收支总表[支出总计][人员经费] = 一般公共预算基本支出表[合计行][人员经费]",
    severity: "error",
    when: ["支出全部为一般公共预算"],
  },
  {
    id: "X.T1-T6.public",
    text: "收支总表[支出总计][公用经费] = 一般公共预算基本支出表[合计行][公用经费]",
    severity: "error",
    when: ["支出全部为一般公共预算"],
  },
  // 一般公共预算支出表 ↔ 项目支出表
  {
    id: "X.T5-T10.project",
    text: "一般公共预算支出表[合计行][项目支出] = 项目支出表[合计行][本年拨款.一般公共预算]",
    severity: "error",
    when: ["T10列示一般公共预算项目"],
  },
  // 基金预算
  { id: "X.T8-T4.gfb", text: "政府性基金预算支出表[合计行][合计] = 财政拨款收支总表[本年收入.政府性基金预算拨款] + 财政拨款收支总表[上年结转.政府性基金预算拨款]", severity: "error" },
  { id: "X.T9-T4.socb", text: "国有资本经营预算支出表[合计行][合计] = 财政拨款收支总表[本年收入.国有资本经营预算拨款] + 财政拨款收支总表[上年结转.国有资本经营预算拨款]", severity: "error" },
  // 三公经费
  {
    id: "X.T6-T7.reception",
    text: "一般公共预算基本支出表[30217][合计] ≤ 三公经费支出表[合计行][公务接待费]",
    severity: "warning",
    note: "三公经费表还含项目支出安排的公务接待费，基本支出中的公务接待费不应超过它",
    noteEn: "The “three public expenses” table also includes official reception paid from project expenditure, so the reception expenses in basic expenditure cannot exceed it",
  },
  {
    id: "X.T6-T7.runningCost",
    text: "三公经费支出表[合计行][机关运行经费预算数] ≤ 一般公共预算基本支出表[合计行][公用经费]",
    severity: "warning",
    note: "机关运行经费是行政单位和参公事业单位一般公共预算基本支出中的日常公用经费，不应超过基本支出表的公用经费",
    noteEn: "Administrative operating expenses are the day-to-day public expenses within the general public budget's basic expenditure, so they cannot exceed the public expenses of the basic expenditure table",
  },
  {
    id: "X.T6-T7.car",
    text: "一般公共预算基本支出表[30231][合计] ≤ 三公经费支出表[合计行][公务用车运行费]",
    severity: "warning",
    note: "三公经费表还含项目支出安排的公务用车运行维护费，基本支出中的公务用车运行维护费不应超过它",
    noteEn: "The “three public expenses” table also includes official vehicle running costs paid from project expenditure, so those in basic expenditure cannot exceed it",
  },
];
