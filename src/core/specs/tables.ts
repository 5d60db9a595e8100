/**
 * The standard disclosure tables (部门预算公开 14-table set). Layouts follow what most
 * of the five published seed documents use (see docs/specs.md for which unit uses what);
 * variants are kept in ./variants.ts.
 *
 * Column keys are shared across tables so cross-table rules can name them:
 *   total 合计 · basic 基本支出 · basic.subtotal 小计 · basic.personnel 人员经费 · basic.public 公用经费 ·
 *   project 项目支出 · operating 事业单位经营支出 · toSuperior 上缴上级支出 · toSubsidiary 对附属单位补助支出 ·
 *   gpb 一般公共预算 · gfb 政府性基金预算 · socb 国有资本经营预算 · special 财政专户管理资金 · unit 单位资金 …
 */
import type { ColumnSpec, FixedRowSpec, RelationSpec, TableSpec } from "./types";

export const YEARS = [2023, 2024, 2025, 2026];

/** The row relations every code table has: 类 = Σ 款 (= Σ 项 below), 合计 = Σ 类. */
export function codeRowRelations(id: string, depth: 2 | 3 = 3): RelationSpec[] {
  return [
    { id: `${id}.hierarchy`, over: "rows", text: depth === 3 ? "类 = Σ 款; 款 = Σ 项" : "类 = Σ 款" },
    { id: `${id}.total`, over: "rows", text: "合计 = Σ 类" },
  ];
}

const code = (domain: ColumnSpec["domain"] = "function"): ColumnSpec => ({
  key: "code",
  header: "科目编码",
  aliases: ["编码", "功能科目编码", "科目代码", "支出功能分类科目编码", "功能分类科目编码"],
  role: "code",
  domain,
  width: 12,
});
const name: ColumnSpec = { key: "name", header: "科目名称", aliases: ["名称", "功能科目名称", "功能分类科目名称", "支出功能分类科目名称", "单位名称（科目）", "项目"], role: "name", width: 36 };
const amount = (key: string, header: string, aliases: string[] = [], group?: string[], optional?: boolean): ColumnSpec => ({
  key,
  header,
  aliases,
  role: "amount",
  group,
  width: 14,
  optional,
});

const TOTAL = amount("total", "合计", ["总计", "小计", "预算数", "金额"]);
const BASIC = amount("basic", "基本支出");
const PROJECT = amount("project", "项目支出");

/** Income lines of 部门收支总表 (2024 layout most units use). */
const T1_INCOME: FixedRowSpec[] = [
  { key: "in.gpb", label: "一般公共预算拨款收入", aliases: ["一般公共预算", "一般公共预算拨款", "财政拨款收入"], kind: "detail", side: "income", numbering: "cn" },
  { key: "in.gfb", label: "政府性基金预算拨款收入", aliases: ["政府性基金预算", "政府性基金预算拨款", "政府性基金收入"], kind: "detail", side: "income", numbering: "cn" },
  { key: "in.socb", label: "国有资本经营预算拨款收入", aliases: ["国有资本经营预算", "国有资本经营预算拨款"], kind: "detail", side: "income", numbering: "cn" },
  { key: "in.special", label: "财政专户管理资金收入", aliases: ["财政专户管理资金"], kind: "detail", side: "income", numbering: "cn" },
  { key: "in.business", label: "事业收入", kind: "detail", side: "income", numbering: "cn" },
  { key: "in.operating", label: "事业单位经营收入", kind: "detail", side: "income", numbering: "cn" },
  { key: "in.superior", label: "上级补助收入", kind: "detail", side: "income", numbering: "cn" },
  { key: "in.subsidiary", label: "附属单位上缴收入", kind: "detail", side: "income", numbering: "cn" },
  { key: "in.other", label: "其他收入", kind: "detail", side: "income", numbering: "cn" },
];

export const T1: TableSpec = {
  id: "T1",
  title: "部门收支总表",
  titleEn: "Department income and expenditure summary",
  titleAliases: ["收支总表", "预算收支总表", "收入支出预算总表", "部门收支预算总表", "单位收支总表", "收支预算总表", "财务收支预算总表", "部门财务收支预算总表"],
  description: "全部收入按来源、全部支出按功能分类“类”列示，收支平衡。",
  layout: "two-sided",
  columns: [],
  sides: [
    { key: "income", header: "收入", columns: [{ key: "label", header: "项目", role: "label", width: 30 }, amount("amount", "预算数", ["金额", "预算金额", "本年预算"])] },
    {
      key: "expense",
      header: "支出",
      columns: [
        { key: "label", header: "项目", role: "label", width: 30 },
        amount("amount", "预算数", ["金额", "预算金额", "合计"]),
        // 忻州's layout splits the expenditure side by source (the templates' t1Expense: "split")
        { ...amount("current", "当年预算安排", ["当年财政拨款安排", "本年预算安排"], undefined, true), variant: true },
        { ...amount("carry", "上年结转安排", [], undefined, true), variant: true },
        // 上海's 单位 layout splits the expenditure side: 合计 | 基本支出 (人员经费, 公用经费) | 项目支出
        { ...amount("basic.personnel", "人员经费", [], ["基本支出"], true), variant: true },
        { ...amount("basic.public", "公用经费", [], ["基本支出"], true), variant: true },
        { ...amount("project", "项目支出", [], undefined, true), variant: true },
      ],
    },
  ],
  fixedRows: [
    ...T1_INCOME,
    { key: "in.currentTotal", label: "本年收入合计", kind: "subtotal", side: "income" },
    { key: "in.carry", label: "上年结转结余", aliases: ["上年结转", "上年结余", "上年结转（结余）"], kind: "carry", side: "income" },
    { key: "in.fund", label: "用事业基金弥补收支差额", kind: "carry", side: "income" },
    { key: "in.grand", label: "收入总计", kind: "grand-total", side: "income" },
    { key: "out.currentTotal", label: "本年支出合计", kind: "subtotal", side: "expense" },
    { key: "out.carry", label: "年终结转结余", aliases: ["年终结转", "结转下年", "年末结转结余"], kind: "carry", side: "expense" },
    { key: "out.grand", label: "支出总计", kind: "grand-total", side: "expense" },
  ],
  classLines: "expense",
  relations: [
    { id: "T1.income", over: "rows", side: "income", text: "本年收入合计 = Σ 收入明细" },
    { id: "T1.expense", over: "rows", side: "expense", text: "本年支出合计 = Σ 支出功能分类类" },
    { id: "T1.incomeGrand", over: "rows", side: "income", text: "收入总计 = 本年收入合计 + 上年结转结余 + 用事业基金弥补收支差额" },
    { id: "T1.expenseGrand", over: "rows", side: "expense", text: "支出总计 = 本年支出合计 + 年终结转结余" },
    { id: "T1.balance", over: "rows", text: "收入总计 = 支出总计", note: "收支总表必须收支平衡" },
    { id: "T1.expenseSources", over: "columns", side: "expense", text: "预算数 = 当年预算安排 + 上年结转安排" },
    { id: "T1.expenseSplit", over: "columns", side: "expense", text: "预算数 = 人员经费 + 公用经费 + 项目支出" },
  ],
  emptyNote: "本表无数据",
  required: true,
  years: YEARS,
};

const SOURCES_CURRENT = [
  amount("cur.gpb", "一般公共预算", ["一般公共预算拨款收入", "一般公共预算拨款"], ["本年收入"], true),
  amount("cur.gfb", "政府性基金预算", ["政府性基金", "政府性基金预算拨款收入"], ["本年收入"], true),
  amount("cur.socb", "国有资本经营预算", ["国有资本经营预算拨款收入"], ["本年收入"], true),
  amount("cur.special", "财政专户管理资金", [], ["本年收入"], true),
  amount("cur.business", "事业收入", [], ["本年收入"], true),
  amount("cur.operating", "事业单位经营收入", [], ["本年收入"], true),
  amount("cur.superior", "上级补助收入", [], ["本年收入"], true),
  amount("cur.subsidiary", "附属单位上缴收入", [], ["本年收入"], true),
  amount("cur.other", "其他收入", [], ["本年收入"], true),
];

export const T2: TableSpec = {
  id: "T2",
  title: "部门收入总表",
  titleEn: "Department income summary",
  titleAliases: ["收入总表", "预算收入总表", "单位收入总表", "部门收入预算总表"],
  description: "按单位（或科目）列示本年收入各来源和上年结转。",
  layout: "unit-rows",
  columns: [
    { key: "code", header: "单位代码", aliases: ["部门（单位）代码", "单位编码", "科目编码", "部门(单位)代码", "功能分类科目编码"], role: "code", domain: "unit", width: 12 },
    { key: "name", header: "单位名称", aliases: ["部门（单位）名称", "单位名称（科目）", "科目名称", "部门(单位)名称", "功能分类科目名称"], role: "name", width: 32 },
    TOTAL,
    amount("cur.subtotal", "小计", ["本年收入"], ["本年收入"], true),
    // 9-table sets (收入预算总表 by 功能分类): one 财政拨款收入 column instead of its three parts.
    { ...amount("cur.fiscal", "财政拨款收入", ["财政拨款", "财政拨款资金"], ["本年收入"], true), variant: true },
    ...SOURCES_CURRENT,
    amount("carry.subtotal", "小计", ["上年结转", "上年结转结余"], ["上年结转结余"], true),
    amount("carry.gpb", "一般公共预算", [], ["上年结转结余"], true),
    amount("carry.gfb", "政府性基金预算", [], ["上年结转结余"], true),
    amount("carry.socb", "国有资本经营预算", [], ["上年结转结余"], true),
    amount("carry.special", "财政专户管理资金", [], ["上年结转结余"], true),
    amount("carry.unit", "单位资金", [], ["上年结转结余"], true),
  ],
  codeDepth: 3,
  relations: [
    { id: "T2.total", over: "columns", text: "合计 = 本年收入小计 + 上年结转结余小计" },
    { id: "T2.current", over: "columns", text: "本年收入小计 = Σ 本年收入" },
    { id: "T2.carry", over: "columns", text: "上年结转结余小计 = Σ 上年结转结余" },
    { id: "T2.rows", over: "rows", text: "合计 = Σ 顶层行" },
  ],
  emptyNote: "本表无数据",
  required: true,
  years: YEARS,
  landscape: true,
};

export const T3: TableSpec = {
  id: "T3",
  title: "部门支出总表",
  titleEn: "Department expenditure summary",
  titleAliases: ["支出总表", "预算支出总表", "单位支出总表", "部门支出预算总表"],
  description: "全部支出按功能分类列到“项”，分基本支出、项目支出等。",
  layout: "code-rows",
  columns: [
    code(),
    name,
    TOTAL,
    BASIC,
    PROJECT,
    amount("operating", "事业单位经营支出", [], undefined, true),
    amount("toSuperior", "上缴上级支出", [], undefined, true),
    amount("toSubsidiary", "对附属单位补助支出", [], undefined, true),
  ],
  codeDepth: 3,
  relations: [
    { id: "T3.columns", over: "columns", text: "合计 = 基本支出 + 项目支出 + 事业单位经营支出 + 上缴上级支出 + 对附属单位补助支出" },
    ...codeRowRelations("T3"),
  ],
  emptyNote: "本表无数据",
  required: true,
  years: YEARS,
};

const T4_INCOME: FixedRowSpec[] = [
  { key: "in.current", label: "本年收入", aliases: ["本年收入合计"], kind: "subtotal", side: "income", numbering: "cn" },
  { key: "in.cur.gpb", label: "一般公共预算拨款", aliases: ["一般公共预算", "一般公共预算拨款收入", "一般公共预算资金"], kind: "detail", side: "income", numbering: "cn-paren" },
  { key: "in.cur.gfb", label: "政府性基金预算拨款", aliases: ["政府性基金预算", "政府性基金预算拨款收入", "政府性基金"], kind: "detail", side: "income", numbering: "cn-paren" },
  { key: "in.cur.socb", label: "国有资本经营预算拨款", aliases: ["国有资本经营预算", "国有资本经营预算拨款收入"], kind: "detail", side: "income", numbering: "cn-paren" },
  { key: "in.carry", label: "上年结转", aliases: ["上年财政拨款结转", "上年结转结余"], kind: "subtotal", side: "income", numbering: "cn" },
  { key: "in.carry.gpb", label: "一般公共预算拨款", aliases: ["一般公共预算", "一般公共预算拨款收入"], kind: "detail", side: "income", numbering: "cn-paren" },
  { key: "in.carry.gfb", label: "政府性基金预算拨款", aliases: ["政府性基金预算", "政府性基金预算拨款收入"], kind: "detail", side: "income", numbering: "cn-paren" },
  { key: "in.carry.socb", label: "国有资本经营预算拨款", aliases: ["国有资本经营预算", "国有资本经营预算拨款收入"], kind: "detail", side: "income", numbering: "cn-paren" },
  { key: "in.grand", label: "收入总计", kind: "grand-total", side: "income" },
];

export const T4: TableSpec = {
  id: "T4",
  title: "财政拨款收支总表",
  titleEn: "Fiscal appropriation income and expenditure summary",
  titleAliases: ["财政拨款收支预算总表", "财政拨款收支总体情况表", "财政拨款预算收支总表"],
  description: "一般公共预算、政府性基金、国有资本经营三类财政拨款的收支。",
  layout: "two-sided",
  columns: [],
  sides: [
    { key: "income", header: "收入", columns: [{ key: "label", header: "项目", role: "label", width: 30 }, amount("amount", "预算数", ["金额"])] },
    {
      key: "expense",
      header: "支出",
      columns: [
        { key: "label", header: "项目", role: "label", width: 30 },
        amount("amount", "预算数", ["金额", "合计", "小计"]),
        amount("gpb", "一般公共预算", [], undefined, true),
        amount("gfb", "政府性基金预算", [], undefined, true),
        amount("socb", "国有资本经营预算", [], undefined, true),
      ],
    },
  ],
  fixedRows: [
    ...T4_INCOME,
    { key: "out.current", label: "本年支出", aliases: ["本年支出合计"], kind: "subtotal", side: "expense", numbering: "cn" },
    { key: "out.carry", label: "年终结转结余", aliases: ["年终结转", "结转下年"], kind: "carry", side: "expense", numbering: "cn" },
    { key: "out.grand", label: "支出总计", kind: "grand-total", side: "expense" },
  ],
  classLines: "expense",
  relations: [
    { id: "T4.current", over: "rows", side: "income", text: "本年收入 = Σ 本年收入明细" },
    { id: "T4.carry", over: "rows", side: "income", text: "上年结转 = Σ 上年结转明细" },
    { id: "T4.incomeGrand", over: "rows", side: "income", text: "收入总计 = 本年收入 + 上年结转" },
    { id: "T4.expense", over: "rows", side: "expense", text: "本年支出 = Σ 支出功能分类类" },
    { id: "T4.expenseGrand", over: "rows", side: "expense", text: "支出总计 = 本年支出 + 年终结转结余" },
    { id: "T4.balance", over: "rows", text: "收入总计 = 支出总计" },
    { id: "T4.expenseColumns", over: "columns", side: "expense", text: "预算数 = 一般公共预算 + 政府性基金预算 + 国有资本经营预算" },
  ],
  emptyNote: "本表无数据",
  required: true,
  years: YEARS,
};

export const T5: TableSpec = {
  id: "T5",
  title: "一般公共预算支出表",
  titleEn: "General public budget expenditure",
  titleAliases: ["一般公共预算支出预算表", "一般公共预算支出表（分功能科目）", "一般公共预算支出情况表", "一般公共预算财政拨款支出表", "一般公共预算支出功能分类预算表"],
  description: "一般公共预算拨款按功能分类列到“项”，基本支出分人员经费、公用经费。",
  layout: "code-rows",
  columns: [
    code(),
    name,
    TOTAL,
    amount("basic", "小计", ["基本支出", "基本支出小计"], ["基本支出"]),
    amount("basic.personnel", "人员经费", [], ["基本支出"]),
    amount("basic.public", "公用经费", [], ["基本支出"]),
    PROJECT,
    { ...amount("cur", "当年财政拨款安排", ["当年预算安排", "本年财政拨款安排"], undefined, true), variant: true },
    { ...amount("carry", "上年结转安排", ["上年结转"], undefined, true), variant: true },
  ],
  codeDepth: 3,
  relations: [
    { id: "T5.columns", over: "columns", text: "合计 = 基本支出 + 项目支出" },
    { id: "T5.sources", over: "columns", text: "合计 = 当年财政拨款安排 + 上年结转安排", note: "达州等地的版式按资金来源分列" },
    { id: "T5.basic", over: "columns", text: "基本支出 = 人员经费 + 公用经费" },
    ...codeRowRelations("T5"),
  ],
  emptyNote: "本表无数据",
  required: true,
  years: YEARS,
};

export const T6: TableSpec = {
  id: "T6",
  title: "一般公共预算基本支出表",
  titleEn: "General public budget basic expenditure",
  titleAliases: [
    "一般公共预算基本支出预算表",
    "一般公共预算安排基本支出分经济科目表",
    "一般公共预算基本支出情况表",
    "一般公共预算财政拨款基本支出表",
    "一般公共预算基本支出表（部门预算支出经济分类科目）",
    "一般公共预算基本支出部门预算经济分类预算表",
  ],
  description: "一般公共预算基本支出按部门预算支出经济分类列到“款”，分人员经费、公用经费。",
  layout: "code-rows",
  columns: [
    { ...code("econ-dept"), aliases: ["经济科目编码", "部门预算支出经济分类科目编码", "科目代码", "部门预算经济分类科目编码", "经济分类科目编码"] },
    { ...name, aliases: ["部门预算支出经济分类科目名称", "部门预算支出经济科目名称", "经济科目名称", "经济分类科目名称", "部门经济分类科目名称", "科目名称"] },
    TOTAL,
    amount("basic.personnel", "人员经费"),
    amount("basic.public", "公用经费"),
  ],
  codeDepth: 2,
  relations: [
    { id: "T6.columns", over: "columns", text: "合计 = 人员经费 + 公用经费" },
    ...codeRowRelations("T6", 2),
  ],
  emptyNote: "本表无数据",
  required: true,
  years: YEARS,
};

export const T7: TableSpec = {
  id: "T7",
  title: "一般公共预算“三公”经费支出表",
  titleEn: "General public budget “three public” expenses",
  titleAliases: ["一般公共预算“三公”经费支出预算表", "“三公”经费支出表", "财政拨款“三公”经费支出表", "“三公”经费和机关运行经费预算表", "“三公”经费预算表"],
  description: "因公出国（境）费、公务用车购置及运行费、公务接待费。",
  layout: "single-row",
  columns: [
    amount("total", "“三公”经费合计", ["合计", "三公经费合计"]),
    amount("abroad", "因公出国（境）费", ["因公出国（境）费用", "因公出国(境)费"]),
    amount("car", "小计", ["公务用车购置及运行费", "公务用车购置及运行维护费"], ["公务用车购置及运行费"]),
    amount("car.purchase", "公务用车购置费", ["购置费"], ["公务用车购置及运行费"]),
    amount("car.running", "公务用车运行费", ["公务用车运行维护费", "运行费"], ["公务用车购置及运行费"]),
    amount("reception", "公务接待费"),
    // “三公”经费和机关运行经费预算表 (上海) adds the 机关运行经费 in the same table
    { ...amount("runningCost", "机关运行经费预算数", ["机关运行经费", "机关运行经费预算"], undefined, true), variant: true },
  ],
  relations: [
    { id: "T7.total", over: "columns", text: "“三公”经费合计 = 因公出国（境）费 + 公务用车购置及运行费 + 公务接待费" },
    { id: "T7.car", over: "columns", text: "公务用车购置及运行费 = 公务用车购置费 + 公务用车运行费" },
  ],
  emptyNote: "本表无数据",
  required: true,
  years: YEARS,
};

const fundTable = (id: string, title: string, titleEn: string, aliases: string[], desc: string, label: string): TableSpec => ({
  id,
  title,
  titleEn,
  titleAliases: aliases,
  description: desc,
  layout: "code-rows",
  columns: [code(), name, amount("total", "合计", [], [label]), amount("basic", "基本支出", [], [label]), amount("project", "项目支出", [], [label])],
  codeDepth: 3,
  relations: [
    { id: `${id}.columns`, over: "columns", text: "合计 = 基本支出 + 项目支出" },
    ...codeRowRelations(id),
  ],
  emptyNote: "本表无数据",
  required: true,
  years: YEARS,
});

export const T8 = fundTable(
  "T8",
  "政府性基金预算支出表",
  "Government fund budget expenditure",
  ["政府性基金预算支出预算表", "政府性基金支出表", "政府性基金预算财政拨款支出表", "政府性基金预算支出功能分类预算表"],
  "政府性基金预算拨款按功能分类列示；没有时保留空表并注明。",
  "本年政府性基金预算支出",
);
export const T9 = fundTable(
  "T9",
  "国有资本经营预算支出表",
  "State capital operation budget expenditure",
  ["国有资本经营预算支出预算表", "国有资本经营预算财政拨款支出表", "国有资本经营预算支出功能分类预算表"],
  "国有资本经营预算拨款按功能分类列示；没有时保留空表并注明。",
  "本年国有资本经营预算支出",
);

export const T10: TableSpec = {
  id: "T10",
  title: "项目支出表",
  titleEn: "Project expenditure",
  titleAliases: ["项目支出预算表", "项目支出预算表（本年预算）", "一般公共预算项目支出预算表", "项目支出情况表"],
  description: "逐个项目列示资金来源：本年拨款、财政拨款结转结余、财政专户、单位资金。",
  layout: "list",
  columns: [
    { key: "code", header: "项目编码", aliases: ["项目代码"], role: "code", domain: "project", width: 22, optional: true },
    { key: "name", header: "项目名称", role: "name", width: 32 },
    { key: "unit", header: "项目单位", aliases: ["单位名称", "实施单位"], role: "text", width: 24, optional: true },
    amount("total", "合计"),
    amount("cur.gpb", "一般公共预算", [], ["本年拨款"]),
    amount("cur.gfb", "政府性基金预算", [], ["本年拨款"], true),
    amount("cur.socb", "国有资本经营预算", [], ["本年拨款"], true),
    amount("carry.gpb", "一般公共预算", [], ["财政拨款结转结余"], true),
    amount("carry.gfb", "政府性基金预算", [], ["财政拨款结转结余"], true),
    amount("carry.socb", "国有资本经营预算", [], ["财政拨款结转结余"], true),
    amount("special", "财政专户管理资金", [], undefined, true),
    amount("unit.funds", "单位资金", [], undefined, true),
  ],
  relations: [
    {
      id: "T10.columns",
      over: "columns",
      text: "合计 = Σ 本年拨款 + Σ 财政拨款结转结余 + 财政专户管理资金 + 单位资金",
    },
    { id: "T10.rows", over: "rows", text: "合计 = Σ 顶层行" },
  ],
  emptyNote: "本表无数据",
  required: true,
  years: YEARS,
  landscape: true,
};

export const T11: TableSpec = {
  id: "T11",
  title: "项目支出绩效目标表",
  titleEn: "Project expenditure performance targets",
  titleAliases: ["部门预算项目绩效目标表", "项目绩效目标表", "项目支出绩效目标申报表"],
  description: "每个项目的年度绩效目标和产出、效益、满意度指标。",
  layout: "form",
  columns: [
    { key: "name", header: "项目名称", role: "name", width: 24 },
    amount("budget", "预算数", ["项目资金", "项目当年预算", "年度资金总额"]),
    { key: "goal", header: "年度目标", aliases: ["年度绩效目标", "项目绩效总目标"], role: "text", width: 30 },
    { key: "ind1", header: "一级指标", role: "text", width: 10 },
    { key: "ind2", header: "二级指标", role: "text", width: 12 },
    { key: "ind3", header: "三级指标", role: "text", width: 24 },
    { key: "value", header: "指标值", aliases: ["指标值（包含数字及文字描述）"], role: "text", width: 16 },
  ],
  relations: [],
  emptyNote: "本表无数据",
  required: true,
  years: YEARS,
  landscape: true,
};

export const T12: TableSpec = {
  id: "T12",
  title: "部门整体支出绩效目标表",
  titleEn: "Department overall expenditure performance targets",
  titleAliases: ["整体支出绩效目标表", "部门整体绩效目标表", "部门整体支出绩效目标申报表", "单位整体支出绩效目标表"],
  description: "部门（单位）整体的年度任务、资金总额和绩效指标。",
  layout: "form",
  columns: [
    { key: "ind1", header: "一级指标", role: "text", width: 12 },
    { key: "ind2", header: "二级指标", role: "text", width: 14 },
    { key: "ind3", header: "三级指标", role: "text", width: 30 },
    { key: "value", header: "指标值", aliases: ["年初目标值", "指标值（包含数字及文字描述）"], role: "text", width: 20 },
  ],
  relations: [],
  emptyNote: "本表无数据",
  required: true,
  years: YEARS,
};

export const T13: TableSpec = {
  id: "T13",
  title: "政府采购预算表",
  titleEn: "Government procurement budget",
  titleAliases: ["政府采购预算明细表", "政府采购支出表", "政府采购预算情况表"],
  description: "政府采购预算按货物、工程、服务列示。",
  layout: "unit-rows",
  columns: [
    { key: "code", header: "单位编码", aliases: ["单位代码"], role: "code", domain: "unit", width: 12, optional: true },
    { key: "name", header: "单位名称", aliases: ["项目名称", "采购项目"], role: "name", width: 30 },
    amount("total", "合计"),
    amount("goods", "货物", ["货物类"]),
    amount("works", "工程", ["工程类"]),
    amount("services", "服务", ["服务类"]),
  ],
  relations: [
    { id: "T13.columns", over: "columns", text: "合计 = 货物 + 工程 + 服务" },
    { id: "T13.rows", over: "rows", text: "合计 = Σ 顶层行" },
  ],
  emptyNote: "本表无数据",
  required: true,
  years: YEARS,
};

export const T14: TableSpec = {
  id: "T14",
  title: "机关运行经费预算表",
  titleEn: "Agency operating expenses budget",
  titleAliases: ["机关运行经费预算财政拨款情况统计表", "机关运行经费表", "机关运行经费支出表"],
  description: "行政单位和参公事业单位用财政拨款安排的公用经费。",
  layout: "unit-rows",
  columns: [
    { key: "name", header: "单位名称", aliases: ["项目"], role: "name", width: 30 },
    amount("total", "合计"),
    amount("gpb", "一般公共预算"),
    amount("gfb", "政府性基金预算", [], undefined, true),
    amount("socb", "国有资本经营预算", [], undefined, true),
  ],
  relations: [
    { id: "T14.columns", over: "columns", text: "合计 = 一般公共预算 + 政府性基金预算 + 国有资本经营预算" },
    { id: "T14.rows", over: "rows", text: "合计 = Σ 顶层行" },
  ],
  emptyNote: "本表无数据",
  required: true,
  years: YEARS,
};

export const STANDARD_TABLES: TableSpec[] = [T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14];

export function tableSpec(id: string): TableSpec {
  const t = STANDARD_TABLES.find((s) => s.id === id);
  if (!t) throw new Error(`未知的表：${id}`);
  return t;
}

/**
 * 支出功能分类 类 codes that department budgets do not list on the expenditure side of
 * 收支总表 / 财政拨款收支总表 (most units leave them out): 209 社会保险基金支出 belongs to the
 * social insurance fund budget, 227 预备费 is held by the finance department, 230 转移性支出
 * is between governments. The `allClasses` option keeps them.
 */
export const EXCLUDED_CLASS_LINES = ["209", "227", "230"];

/** T1–T9: the budget tables of 《地方预决算公开操作规程》, the set some provinces prescribe on its own. */
export const NINE_TABLE_SET = ["T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9"];

/**
 * The standard tables a complete disclosure must have: the 14, or the 9 (T1–T9). "auto":
 * 14 when any of T10–T14 is present, else 9.
 */
export function requiredTables(present: Iterable<string>, tableSet: 9 | 14 | "auto" = "auto"): TableSpec[] {
  const ids = new Set(present);
  const set = tableSet === "auto" ? ([...ids].some((id) => /^T\d+$/.test(id) && !NINE_TABLE_SET.includes(id)) ? 14 : 9) : tableSet;
  return STANDARD_TABLES.filter((s) => s.required && (set === 14 || NINE_TABLE_SET.includes(s.id)));
}
