/** The simulated workbook shown outside Excel (preview mode and browser tests). */
import { sheetFromRows, type Workbook } from "../core/model";

export function demoWorkbook(): Workbook {
  return {
    sheets: [
      sheetFromRows("支出总表", [
        ["2024年支出总表"],
        ["单位名称：示例单位", undefined, undefined, undefined, "单位：万元"],
        ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
        [undefined, "合计", 1209.02, 825.26, 383.76],
        ["208", "社会保障和就业支出", 1024.0, 640.24, 383.76],
        ["20801", "人力资源和社会保障管理事务", 955.32, 571.56, 383.76],
        ["2080150", "事业运行", 571.56, 571.56, undefined],
      ], "#,##0.00"),
      sheetFromRows("情况说明", [["2024年收支总预算1209.02万元。"]]),
    ],
  };
}
