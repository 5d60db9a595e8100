/**
 * 表格识别: what recognition met that the user should know — amounts stored as text
 * (read, but better converted), error values (not checked), required columns not
 * found, columns with figures but no known header, codes that are not codes, and
 * titles of tables that match no standard table.
 */
import { toA1 } from "../../a1";
import { sheetFromRows, type Workbook } from "../../model";
import type { RecognizedTable } from "../../recognize/types";
import { listText, say, tr, type Text } from "../messages";
import { COLUMN_HEADERS_EN } from "../../specs/columnsEn";
import type { Finding, Rule, RuleContext } from "../types";

const ID = "recognition";

const MESSAGES = {
  textAmounts: {
    "zh-CN": "{count} 个金额以文本形式存储（如 {cells}），已按数字读取并核对；建议转换为数字",
    "en-US": "{count} amount(s) are stored as text (e.g. {cells}); they were read as numbers and checked, but should be converted to numbers",
  },
  errorValue: {
    "zh-CN": "单元格为错误值 {value}，无法参与核对",
    "en-US": "The cell holds the error value {value} and cannot be checked",
  },
  textInAmount: {
    "zh-CN": "金额列中是文字“{text}”，不是数字",
    "en-US": "The amount column holds the text “{text}”, not a number",
  },
  badCode: {
    "zh-CN": "编码“{code}”不是 3、5 或 7 位的科目编码",
    "en-US": "“{code}” is not a classification code (3, 5 or 7 digits)",
  },
  missingColumns: {
    "zh-CN": "未找到列：{columns}（与这些列有关的检查不做）",
    "en-US": "Columns not found: {columns} (the checks that need them are skipped)",
  },
  unmappedColumn: {
    "zh-CN": "列“{header}”不是本表的标准列，其中的数字未参与核对",
    "en-US": "The column “{header}” is not a standard column of this table; its figures were not checked",
  },
  unlabelledColumn: {
    "zh-CN": "第 {column} 列有数字但没有表头，未参与核对",
    "en-US": "Column {column} has figures but no header; they were not checked",
  },
  issue: {
    "zh-CN": "{detail}",
    "en-US": "{detail}",
  },
  unrecognizedTable: {
    "zh-CN": "“{title}”不是可识别的标准表，未做核对",
    "en-US": "“{title}” is not a standard table the checker recognises; it was not checked",
  },
};

type Issue = RecognizedTable["issues"][number];

/** A standard column as the English message names it: “personnel expenses (人员经费)”; a group path “基本支出/人员经费” word by word. */
function columnText(header: string): Text {
  const parts = header.split("/");
  if (!parts.every((p) => COLUMN_HEADERS_EN[p])) return header;
  return tr(header, `${parts.map((p) => COLUMN_HEADERS_EN[p]).join(" / ")} (${header})`);
}

/** A recognition issue's message id, from the parts recognition recorded with it (issue.data). */
function issueSay(i: Issue): ReturnType<typeof say> {
  // Every part is one string but the missing columns, a list (worded per language).
  const raw = i.data ?? {};
  const d: Record<string, string | undefined> = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v.join("、") : v]));
  if (i.kind === "missing-column" && Array.isArray(raw.columns)) return say(MESSAGES, "missingColumns", { columns: listText(raw.columns.map(columnText)) });
  if (i.kind === "error-value" && d.value !== undefined) return say(MESSAGES, "errorValue", { value: d.value });
  if (i.kind === "text-in-amount" && d.text !== undefined) return say(MESSAGES, "textInAmount", { text: d.text });
  if (i.kind === "bad-code" && d.code !== undefined) return say(MESSAGES, "badCode", { code: d.code });
  if (i.kind === "missing-column" && d.columns !== undefined) return say(MESSAGES, "missingColumns", { columns: d.columns });
  if (i.kind === "unmapped-column") return d.header !== undefined ? say(MESSAGES, "unmappedColumn", { header: d.header }) : say(MESSAGES, "unlabelledColumn", { column: toA1(0, i.c).replace(/\d+$/, "") });
  return say(MESSAGES, "issue", { detail: i.message });
}

function check(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const table of ctx.facts.tables) {
    const textAmounts = table.issues.filter((i) => i.kind === "text-amount");
    if (textAmounts.length) {
      const cells = textAmounts.map((i) => toA1(i.r, i.c));
      out.push({
        ruleId: ID,
        severity: "info",
        sheet: table.sheet,
        cell: cells[0],
        related: cells.slice(1),
        table: table.spec.id,
        ...say(MESSAGES, "textAmounts", { count: cells.length, cells: listText(cells.slice(0, 5)) }),
      });
    }
    for (const i of table.issues) {
      if (i.kind === "text-amount") continue;
      const severity = i.kind === "error-value" || i.kind === "text-in-amount" ? "warning" : "info";
      out.push({ ruleId: ID, severity, sheet: table.sheet, cell: toA1(i.r, i.c), table: table.spec.id, ...issueSay(i) });
    }
  }
  for (const u of ctx.facts.unrecognized ?? []) {
    out.push({ ruleId: ID, severity: "info", sheet: u.sheet, cell: toA1(u.r, u.c), ...say(MESSAGES, "unrecognizedTable", { title: u.title.replace(/\s+/g, "") }) });
  }
  return out;
}

const wb = (rows: (string | number | null | { error: string })[][]): Workbook => ({
  sheets: [sheetFromRows("支出总表", [["部门支出总表"], ["单位：万元"], ["科目编码", "科目名称", "合计", "基本支出", "项目支出"], ...rows], "#,##0.00")],
});

export const recognitionRule: Rule = {
  id: ID,
  description: "表格识别：文本形式的金额、错误值、缺少的必需列、无法识别的列和表",
  defaultSeverity: "warning",
  messages: MESSAGES,
  check,
  valid: [{ name: "规范的表", workbook: () => wb([[null, "合计", 30, 20, 10], ["208", "社会保障和就业支出", 30, 20, 10]]) }],
  invalid: [
    { name: "错误值", workbook: () => wb([[null, "合计", 30, { error: "#REF!" }, 10], ["208", "社会保障和就业支出", 30, 20, 10]]), expect: [{ severity: "warning", cell: "D4", messageId: "errorValue" }] },
    { name: "文本金额", workbook: () => wb([[null, "合计", "1,030.00", 1020, 10], ["208", "社会保障和就业支出", 1030, 1020, 10]]), expect: [{ severity: "info", cell: "C4", messageId: "textAmounts" }] },
    {
      name: "缺少必需列",
      workbook: () => ({ sheets: [sheetFromRows("支出总表", [["部门支出总表"], ["科目编码", "科目名称", "合计", "基本支出"], [null, "合计", 30, 20]], "#,##0.00")] }),
      expect: [{ severity: "info", messageId: "missingColumns", messageIncludes: "项目支出" }],
    },
  ],
};
