/** UI strings: zh-CN first, en-US available. */
export type Lang = "zh-CN" | "en-US";

const zh = {
  appTitle: "预算公开表格助手",
  tabInsert: "插入模板",
  tabFill: "填充科目名称",
  tabCheck: "检查",
  outsideExcel: "当前不在 Excel 中运行：这是预览模式，使用示例工作簿。请在 Excel 中通过“开始 → 预算表格助手”打开。",
  inExcel: "已连接 Excel 工作簿",
  readWorkbook: "读取工作簿",
  reading: "正在读取…",
  sheets: "工作表",
  usedRange: "已用区域",
  empty: "（空）",
  numbers: "数字",
  texts: "文本",
  formulas: "公式",
  noSheets: "工作簿中没有工作表。",
  insertIntro: "为所选预算年度和单位插入标准公开表（标题、表头、合计公式、格式）。",
  fillIntro: "在科目编码旁填入官方科目名称，并标出错误、截断或未知的名称。",
  checkIntro: "检查整本工作簿：合计、科目层级、列间关系、表间一致、百分比与尾差。",
  year: "预算年度",
  unit: "单位名称",
  language: "English",
  error: "出错了",
} as const;

export type Strings = { [K in keyof typeof zh]: string };

const en: Strings = {
  appTitle: "Budget Disclosure Tables",
  tabInsert: "Insert",
  tabFill: "Fill names",
  tabCheck: "Check",
  outsideExcel: "Not running inside Excel: preview mode with an example workbook. Open it in Excel from Home → Budget tables.",
  inExcel: "Connected to the Excel workbook",
  readWorkbook: "Read workbook",
  reading: "Reading…",
  sheets: "Sheets",
  usedRange: "Used range",
  empty: "(empty)",
  numbers: "numbers",
  texts: "texts",
  formulas: "formulas",
  noSheets: "The workbook has no sheets.",
  insertIntro: "Insert the standard disclosure tables for a budget year and unit (title, headers, total formulas, formats).",
  fillIntro: "Fill official classification names next to codes and flag wrong, truncated or unknown names.",
  checkIntro: "Check the whole workbook: totals, code hierarchy, column relations, cross-table figures, percentages and rounding.",
  year: "Budget year",
  unit: "Unit",
  language: "中文",
  error: "Something went wrong",
};

export const STRINGS: Record<Lang, Strings> = { "zh-CN": zh, "en-US": en };

export function pickLang(officeLang: string | undefined): Lang {
  return officeLang && officeLang.toLowerCase().startsWith("en") ? "en-US" : "zh-CN";
}
