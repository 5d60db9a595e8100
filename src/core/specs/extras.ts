/**
 * Tables some units publish beyond the standard 14 (recognised and checked, not inserted
 * by the templates and not required by the completeness rule).
 */
import type { TableSpec } from "./types";
import { codeRowRelations, YEARS } from "./tables";

export const X1_FUND_REVENUE: TableSpec = {
  id: "X1",
  title: "政府性基金预算收入表",
  titleEn: "Government fund budget revenue",
  titleAliases: ["政府性基金收入表", "政府性基金预算收入预算表"],
  description: "政府性基金预算收入按收入分类科目列示（忻州等单位公开）。",
  layout: "code-rows",
  columns: [
    { key: "code", header: "收入科目编码", aliases: ["科目编码", "编码"], role: "code", domain: "revenue", width: 12 },
    { key: "name", header: "科目名称", aliases: ["收入科目名称", "名称"], role: "name", width: 36 },
    { key: "total", header: "政府性基金收入预算", aliases: ["合计", "预算数", "金额"], role: "amount", width: 16 },
  ],
  codeDepth: 3,
  relations: codeRowRelations("X1"),
  emptyNote: "本表无数据",
  required: false,
  years: YEARS,
};

export const EXTRA_TABLES: TableSpec[] = [X1_FUND_REVENUE];
