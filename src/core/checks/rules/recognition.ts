/**
 * 表格识别: what recognition met that the user should know — amounts stored as text
 * (read, but better converted), error values (not checked), required columns not
 * found, columns with figures but no known header, codes that are not codes, and
 * titles of tables that match no standard table.
 */
import { toA1 } from "../../a1";
import { sheetFromRows, type Workbook } from "../../model";
import { tableName } from "../../recognize/helpers";
import type { Finding, Rule, RuleContext } from "../types";

const ID = "recognition";

function check(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const table of ctx.facts.tables) {
    const name = tableName(table);
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
        message: `${table.sheet}：${cells.length} 个金额以文本形式存储（如 ${cells.slice(0, 5).join("、")}），已按数字读取并核对；建议转换为数字`,
      });
    }
    for (const i of table.issues) {
      if (i.kind === "text-amount") continue;
      const severity = i.kind === "error-value" || i.kind === "text-in-amount" ? "warning" : "info";
      out.push({ ruleId: ID, severity, sheet: table.sheet, cell: toA1(i.r, i.c), table: table.spec.id, message: `${table.sheet} ${toA1(i.r, i.c)}：${name}——${i.message}` });
    }
  }
  for (const u of ctx.facts.unrecognized ?? []) {
    out.push({ ruleId: ID, severity: "info", sheet: u.sheet, cell: toA1(u.r, u.c), message: `${u.sheet} ${toA1(u.r, u.c)}：“${u.title.replace(/\s+/g, "")}”不是可识别的标准表，未做核对` });
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
  check,
  valid: [{ name: "规范的表", workbook: () => wb([[null, "合计", 30, 20, 10], ["208", "社会保障和就业支出", 30, 20, 10]]) }],
  invalid: [
    { name: "错误值", workbook: () => wb([[null, "合计", 30, { error: "#REF!" }, 10], ["208", "社会保障和就业支出", 30, 20, 10]]), expect: [{ severity: "warning", cell: "D4", messageIncludes: "#REF!" }] },
    { name: "文本金额", workbook: () => wb([[null, "合计", "1,030.00", 1020, 10], ["208", "社会保障和就业支出", 1030, 1020, 10]]), expect: [{ severity: "info", cell: "C4", messageIncludes: "文本" }] },
    {
      name: "缺少必需列",
      workbook: () => ({ sheets: [sheetFromRows("支出总表", [["部门支出总表"], ["科目编码", "科目名称", "合计", "基本支出"], [null, "合计", 30, 20]], "#,##0.00")] }),
      expect: [{ severity: "info", messageIncludes: "项目支出" }],
    },
  ],
};
