/**
 * Fill the detail tables of rendered templates with the figures of two published seed
 * disclosures, recalculate with LibreOffice, and check that the linked summary tables
 * show the published totals. Figures typed from /work/shared/seeds/001_*.txt (忻州 2023)
 * and 002_*.txt (武汉 2024).
 */
import { getCell, getSheet, setCell, setValue, type Sheet, type Workbook } from "../../src/core/model";
import { checkWorkbook } from "../../src/core/checks/engine";
import { renderTemplateSet, type TableLayoutInfo, type TemplateOptions } from "../../src/core/templates";
import { errorCells, recalculate as recalcWithLibreOffice } from "../helpers/libreoffice";

/** Rows "code|name|v1|v2…" into the body rows of a table, values into the given column keys. */
function fill(sheet: Sheet, L: TableLayoutInfo, lines: string[], keys: string[]): void {
  lines.forEach((line, i) => {
    const [code, name, ...vals] = line.split("|");
    const r = L.body.first + i;
    if (r > L.body.last) throw new Error(`too many rows for ${L.sheet}`);
    if (L.columns.code !== undefined) setCell(sheet, r, L.columns.code, { value: code, numFmt: "@" });
    setValue(sheet, r, L.columns.name, name);
    vals.forEach((v, k) => {
      if (v !== "") setValue(sheet, r, L.columns[keys[k]], Number(v));
    });
  });
}

async function renderFillRecalc(options: TemplateOptions, data: Record<string, { lines: string[]; keys: string[] }>, t7?: Record<string, number>) {
  const set = renderTemplateSet({ ...options, bodyRows: 40 });
  const wb: Workbook = { sheets: set.sheets };
  const sheetOf = (id: string) => getSheet(wb, set.layouts[id].sheet)!;
  for (const [id, d] of Object.entries(data)) fill(sheetOf(id), set.layouts[id], d.lines, d.keys);
  if (t7) for (const [k, v] of Object.entries(t7)) setValue(sheetOf("T7"), set.layouts.T7.body.first, set.layouts.T7.columns[k], v);
  const out = await recalcWithLibreOffice(wb);
  const value = (id: string, r: number, key: string): number => {
    const v = getCell(getSheet(out, set.layouts[id].sheet)!, r, set.layouts[id].columns[key])?.value;
    return typeof v === "number" ? v : v === null || v === undefined ? 0 : NaN;
  };
  return { set, out, value };
}

const XINZHOU_T3 = [
  "208|社会保障和就业支出|50.31|83.00",
  "20801|人力资源和社会保障管理事务|44.56|83.00",
  "2080199|其他人力资源和社会保障管理事务支出|44.56|83.00",
  "20805|行政事业单位养老支出|5.75|",
  "2080505|机关事业单位基本养老保险缴费支出|5.75|",
  "210|卫生健康支出|2.52|",
  "21011|行政事业单位医疗|2.52|",
  "2101102|事业单位医疗|2.52|",
  "221|住房保障支出|4.47|",
  "22102|住房改革支出|4.47|",
  "2210201|住房公积金|4.47|",
];
// 忻州 prints T6 by name only; the codes are the 部门预算支出经济分类 codes of those names.
const XINZHOU_T6 = [
  "301|工资福利支出|51.16|",
  "30101|基本工资|22.94|",
  "30102|津贴补贴|2.01|",
  "30107|绩效工资|13.15|",
  "30108|机关事业单位基本养老保险缴费|5.75|",
  "30110|职工基本医疗保险缴费|2.52|",
  "30112|其他社会保障缴费|0.32|",
  "30113|住房公积金|4.47|",
  "302|商品和服务支出||5.43",
  "30201|办公费||0.90",
  "30207|邮电费||0.20",
  "30209|物业管理费||0.04",
  "30211|差旅费||1.00",
  "30228|工会经费||0.44",
  "30229|福利费||1.28",
  "30299|其他商品和服务支出||1.56",
  "303|对个人和家庭的补助|0.62|",
  "30302|退休费|0.56|",
  "30305|生活补助|0.06|",
  "310|资本性支出||0.09",
  "31099|其他资本性支出||0.09",
];

const WUHAN_T3 = [
  "208|社会保障和就业支出|640.24|383.76",
  "20801|人力资源和社会保障管理事务|571.56|383.76",
  "2080150|事业运行|571.56|",
  "2080199|其他人力资源和社会保障管理事务支出||383.76",
  "20805|行政事业单位养老支出|64.81|",
  "2080502|事业单位离退休|10.81|",
  "2080505|机关事业单位基本养老保险缴费支出|54.00|",
  "20899|其他社会保障和就业支出|3.87|",
  "2089999|其他社会保障和就业支出|3.87|",
  "210|卫生健康支出|87.19|",
  "21011|行政事业单位医疗|87.19|",
  "2101102|事业单位医疗|43.85|",
  "2101199|其他行政事业单位医疗支出|43.34|",
  "221|住房保障支出|97.83|",
  "22102|住房改革支出|97.83|",
  "2210201|住房公积金|60.55|",
  "2210202|提租补贴|11.77|",
  "2210203|购房补贴|25.51|",
];
const WUHAN_T5 = [
  "208|社会保障和就业支出|578.39|61.85|383.76",
  "20801|人力资源和社会保障管理事务|510.67|60.89|383.76",
  "2080150|事业运行|510.67|60.89|",
  "2080199|其他人力资源和社会保障管理事务|||383.76",
  "20805|行政事业单位养老支出|63.85|0.96|",
  "2080502|事业单位离退休|9.85|0.96|",
  "2080505|机关事业单位基本养老保险缴费支出|54.00||",
  "20899|其他社会保障和就业支出|3.87||",
  "2089999|其他社会保障和就业支出|3.87||",
  "210|卫生健康支出|87.19||",
  "21011|行政事业单位医疗|87.19||",
  "2101102|事业单位医疗|43.85||",
  "2101199|其他行政事业单位医疗支出|43.34||",
  "221|住房保障支出|97.83||",
  "22102|住房改革支出|97.83||",
  "2210201|住房公积金|60.55||",
  "2210202|提租补贴|11.77||",
  "2210203|购房补贴|25.51||",
];
const WUHAN_T6 = [
  "301|工资福利支出|751.60|",
  "30101|基本工资|114.84|",
  "30102|津贴补贴|51.28|",
  "30103|奖金|0.90|",
  "30107|绩效工资|329.93|",
  "30108|机关事业单位基本养老保险缴费|54.00|",
  "30110|职工基本医疗保险缴费|41.89|",
  "30112|其他社会保障缴费|53.63|",
  "30113|住房公积金|60.55|",
  "30199|其他工资福利支出|44.58|",
  "302|商品和服务支出||61.85",
  "30201|办公费||0.94",
  "30205|水费||0.64",
  "30207|邮电费||1.26",
  "30209|物业管理费||19.94",
  "30211|差旅费||1.20",
  "30217|公务接待费||0.20",
  "30228|工会经费||6.80",
  "30229|福利费||23.84",
  "30231|公务用车运行维护费||1.50",
  "30299|其他商品和服务支出||5.53",
  "303|对个人和家庭的补助|11.81|",
  "30305|生活补助|1.65|",
  "30307|医疗费补助|1.96|",
  "30399|其他对个人和家庭的补助|8.20|",
];

describe("templates filled with seed figures, recalculated by LibreOffice", () => {
  it("忻州 2023 (T5 without 人员/公用 split): T1, T4 and the 合计 rows show the published totals", async () => {
    const { set, out, value } = await renderFillRecalc(
      { year: 2023, unitName: "忻州市社会保障卡服务中心", scope: "单位", t5Basic: "plain", t1Expense: "split", t4Expense: "funds" },
      {
        T2: { lines: ["001|忻州市社会保障卡服务中心|140.30"], keys: ["cur.gpb"] },
        T3: { lines: XINZHOU_T3, keys: ["basic", "project"] },
        T5: { lines: XINZHOU_T3, keys: ["basic", "project"] },
        T6: { lines: XINZHOU_T6, keys: ["basic.personnel", "basic.public"] },
        T10: { lines: ["P001|金保工程信息系统日常运营维护|83.00"], keys: ["cur.gpb"] },
      },
    );
    expect(errorCells(out)).toEqual([]);
    const T1 = set.layouts.T1;
    const T4 = set.layouts.T4;
    expect(value("T1", T1.rows["in.gpb"], "income.amount")).toBeCloseTo(140.3, 2);
    expect(value("T1", T1.rows["in.grand"], "income.amount")).toBeCloseTo(140.3, 2);
    expect(value("T1", T1.rows["class.208"], "expense.amount")).toBeCloseTo(133.31, 2);
    expect(value("T1", T1.rows["class.208"], "expense.current")).toBeCloseTo(133.31, 2);
    expect(value("T1", T1.rows["class.210"], "expense.amount")).toBeCloseTo(2.52, 2);
    expect(value("T1", T1.rows["class.221"], "expense.amount")).toBeCloseTo(4.47, 2);
    expect(value("T1", T1.rows["out.currentTotal"], "expense.amount")).toBeCloseTo(140.3, 2);
    expect(value("T1", T1.rows["out.grand"], "expense.amount")).toBeCloseTo(140.3, 2);
    expect(value("T1", T1.rows["out.grand"], "expense.current")).toBeCloseTo(140.3, 2);
    expect(value("T4", T4.rows["in.grand"], "income.amount")).toBeCloseTo(140.3, 2);
    expect(value("T4", T4.rows["out.grand"], "expense.amount")).toBeCloseTo(140.3, 2);
    expect(value("T4", T4.rows["class.208"], "expense.amount")).toBeCloseTo(133.31, 2);
    expect(value("T4", T4.rows["class.221"], "expense.amount")).toBeCloseTo(4.47, 2);
    // 忻州's T4 splits the expenditure by fund: 小计 = 一般公共预算 + 政府性基金 + 国有资本经营
    expect(value("T4", T4.rows["class.208"], "expense.gpb")).toBeCloseTo(133.31, 2);
    expect(value("T4", T4.rows["out.grand"], "expense.gpb")).toBeCloseTo(140.3, 2);
    expect(value("T4", T4.rows["class.208"], "expense.gfb")).toBe(0);
    expect(value("T3", set.layouts.T3.totalRow!, "total")).toBeCloseTo(140.3, 2);
    expect(value("T3", set.layouts.T3.totalRow!, "basic")).toBeCloseTo(57.3, 2);
    expect(value("T3", set.layouts.T3.totalRow!, "project")).toBeCloseTo(83.0, 2);
    expect(value("T5", set.layouts.T5.totalRow!, "total")).toBeCloseTo(140.3, 2);
    expect(value("T6", set.layouts.T6.totalRow!, "total")).toBeCloseTo(57.3, 2);
    expect(value("T6", set.layouts.T6.totalRow!, "basic.personnel")).toBeCloseTo(51.78, 2);
    expect(value("T6", set.layouts.T6.totalRow!, "basic.public")).toBeCloseTo(5.52, 2);
    expect(value("T2", set.layouts.T2.totalRow!, "total")).toBeCloseTo(140.3, 2);
    expect(value("T7", set.layouts.T7.body.first, "total")).toBe(0);
    const findings = checkWorkbook(out, { year: 2023 });
    expect(findings.filter((f) => f.severity === "error").map((f) => `${f.sheet}!${f.cell} ${f.message}`)).toEqual([]);
  });

  it("武汉 2024: T1 1,209.02 / 1,024.00 / 87.19 / 97.83, T5 合计 825.26 / 763.41 / 61.85, 三公 1.70", async () => {
    const { set, out, value } = await renderFillRecalc(
      { year: 2024, unitName: "武汉市人力资源和社会保障信息中心", scope: "单位" },
      {
        T2: { lines: ["503019|武汉市人力资源和社会保障信息中心|1209.02"], keys: ["cur.gpb"] },
        T3: { lines: WUHAN_T3, keys: ["basic", "project"] },
        T5: { lines: WUHAN_T5, keys: ["basic.personnel", "basic.public", "project"] },
        T6: { lines: WUHAN_T6, keys: ["basic.personnel", "basic.public"] },
        T10: { lines: ["42010022503T000000142|日常系统运行经费|383.76"], keys: ["cur.gpb"] },
      },
      { "car.running": 1.5, reception: 0.2 },
    );
    expect(errorCells(out)).toEqual([]);
    const T1 = set.layouts.T1;
    const T4 = set.layouts.T4;
    expect(value("T1", T1.rows["in.gpb"], "income.amount")).toBeCloseTo(1209.02, 2);
    expect(value("T1", T1.rows["in.currentTotal"], "income.amount")).toBeCloseTo(1209.02, 2);
    expect(value("T1", T1.rows["in.grand"], "income.amount")).toBeCloseTo(1209.02, 2);
    expect(value("T1", T1.rows["class.208"], "expense.amount")).toBeCloseTo(1024.0, 2);
    expect(value("T1", T1.rows["class.210"], "expense.amount")).toBeCloseTo(87.19, 2);
    expect(value("T1", T1.rows["class.221"], "expense.amount")).toBeCloseTo(97.83, 2);
    expect(value("T1", T1.rows["out.grand"], "expense.amount")).toBeCloseTo(1209.02, 2);
    expect(value("T4", T4.rows["in.cur.gpb"], "income.amount")).toBeCloseTo(1209.02, 2);
    expect(value("T4", T4.rows["in.grand"], "income.amount")).toBeCloseTo(1209.02, 2);
    expect(value("T4", T4.rows["out.current"], "expense.amount")).toBeCloseTo(1209.02, 2);
    expect(value("T4", T4.rows["class.208"], "expense.amount")).toBeCloseTo(1024.0, 2);
    expect(value("T4", T4.rows["out.grand"], "expense.amount")).toBeCloseTo(1209.02, 2);
    const T5 = set.layouts.T5;
    expect(value("T5", T5.totalRow!, "total")).toBeCloseTo(1209.02, 2);
    expect(value("T5", T5.totalRow!, "basic")).toBeCloseTo(825.26, 2);
    expect(value("T5", T5.totalRow!, "basic.personnel")).toBeCloseTo(763.41, 2);
    expect(value("T5", T5.totalRow!, "basic.public")).toBeCloseTo(61.85, 2);
    expect(value("T5", T5.totalRow!, "project")).toBeCloseTo(383.76, 2);
    // a 款 row's computed 合计 and 基本支出 as published
    expect(value("T5", T5.body.first + 1, "total")).toBeCloseTo(955.32, 2);
    expect(value("T5", T5.body.first + 1, "basic")).toBeCloseTo(571.56, 2);
    const T6 = set.layouts.T6;
    expect(value("T6", T6.totalRow!, "total")).toBeCloseTo(825.26, 2);
    expect(value("T6", T6.totalRow!, "basic.personnel")).toBeCloseTo(763.41, 2);
    expect(value("T7", set.layouts.T7.body.first, "total")).toBeCloseTo(1.7, 2);
    expect(value("T7", set.layouts.T7.body.first, "car")).toBeCloseTo(1.5, 2);
    // One spec drives insertion and checking: the checker recognises every inserted table and finds no error in it.
    const findings = checkWorkbook(out, { year: 2024 });
    expect(findings.filter((f) => f.severity === "error").map((f) => `${f.sheet}!${f.cell} ${f.message}`)).toEqual([]);
    expect(findings.filter((f) => f.ruleId === "recognition" && /不是可识别的标准表|未找到列/.test(f.message))).toEqual([]);
  });
});
