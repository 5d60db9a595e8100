/**
 * The simulated workbook shown outside Excel (preview mode and browser tests): two
 * standard tables with names to fill, a truncated name, a rounding difference and a real
 * error, and a 情况说明 text. Also: turning a JSON copy of a workbook (injected by tests)
 * back into the sparse model.
 */
import { newSheet, setCell, sheetFromRows, type Cell, type Sheet, type Workbook } from "../core/model";

const AMT = "#,##0.00";

function withMerges(sheet: Sheet, widths: number[]): Sheet {
  sheet.merges.push({ r1: 0, c1: 0, r2: 0, c2: widths.length - 1 });
  sheet.colWidths = widths;
  const title = sheet.rows[0]?.[0];
  if (title) title.style = { bold: true, fontSize: 16, horizontal: "center" };
  return sheet;
}

export function demoWorkbook(): Workbook {
  const t3 = sheetFromRows(
    "支出总表",
    [
      ["示例市人力资源和社会保障局2024年部门支出总表"],
      ["部门：示例市人力资源和社会保障局", undefined, undefined, undefined, "单位：万元"],
      ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
      [undefined, "合计", 1209.02, 825.26, 383.76],
      ["208", "社会保障和就业支出", 1209.02, 825.26, 383.76],
      ["20801", "人力资源和社会保障管理事务", 955.32, 571.56, 383.76],
      ["2080101", undefined, 571.56, 571.56, 0],
      ["2080109", undefined, 383.76, 0, 383.76],
      ["20805", "行政事业单位养老支出", 253.7, 253.7, 0],
      ["2080505", "机关事业单位基本养老保险缴费", 235.7, 235.7, 0],
    ],
    AMT,
  );
  const t5 = sheetFromRows(
    "一般公共预算支出表",
    [
      ["示例市人力资源和社会保障局2024年一般公共预算支出表"],
      ["部门：示例市人力资源和社会保障局", undefined, undefined, undefined, undefined, undefined, "单位：万元"],
      ["科目编码", "科目名称", "合计", "基本支出", undefined, undefined, "项目支出"],
      [undefined, undefined, undefined, "小计", "人员经费", "公用经费", undefined],
      [undefined, "合计", 1109.02, 825.26, 701.5, 123.77, 283.76],
      ["208", "社会保障和就业支出", 1109.02, 825.26, 701.5, 123.77, 283.76],
      ["20801", "人力资源和社会保障管理事务", 855.32, 571.56, 447.8, 123.76, 283.76],
      ["2080101", "行政运行", 571.56, 571.56, 447.8, 123.76, 0],
      ["2080109", "社会保险经办机构", 283.76, 0, 0, 0, 283.76],
      ["20805", "行政事业单位养老支出", 253.7, 253.7, 253.7, 0, 0],
      ["2080505", "机关事业单位基本养老保险缴费支出", 253.7, 253.7, 253.7, 0, 0],
    ],
    AMT,
  );
  t5.merges.push({ r1: 2, c1: 3, r2: 2, c2: 5 }, { r1: 2, c1: 0, r2: 3, c2: 0 }, { r1: 2, c1: 1, r2: 3, c2: 1 }, { r1: 2, c1: 2, r2: 3, c2: 2 }, { r1: 2, c1: 6, r2: 3, c2: 6 });
  const text = sheetFromRows("情况说明", [["2024年收支总预算1209.02万元，其中一般公共预算拨款1109.02万元，占91.73%。"]]);
  // code cells are text, as units type them
  for (const sheet of [t3, t5]) for (const row of sheet.rows) if (row?.[0] && typeof row[0].value === "string" && /^\d+$/.test(row[0].value)) row[0].numFmt = "@";
  return { sheets: [withMerges(t3, [12, 30, 14, 14, 14]), withMerges(t5, [12, 30, 14, 14, 14, 14, 14]), text] };
}

/** A blank workbook (one empty sheet), for trying 插入模板. */
export function emptyWorkbook(): Workbook {
  return { sheets: [newSheet("Sheet1")] };
}

/**
 * A workbook that went through JSON (sparse arrays became nulls) back into the model:
 * missing rows and cells are holes again, so the model behaves exactly as the original.
 */
export function reviveWorkbook(json: unknown): Workbook {
  const src = json as { sheets?: { name: string; rows?: (((Cell | null)[] | null))[]; merges?: Sheet["merges"] } & Partial<Sheet>[] };
  const sheets = (src?.sheets ?? []) as (Partial<Sheet> & { name: string; rows?: ((Cell | null)[] | null)[] })[];
  return {
    sheets: sheets.map((s) => {
      const sheet: Sheet = { ...(s as Sheet), name: String(s.name), rows: [], merges: s.merges ?? [] };
      (s.rows ?? []).forEach((row, r) => row?.forEach((cell, c) => cell && setCell(sheet, r, c, cell)));
      return sheet;
    }),
  };
}
