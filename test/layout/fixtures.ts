/**
 * Fixtures of the layout-invariance suite: the five seed workbooks (real disclosures,
 * laid out by scripts/seeds), and hand-built workbooks — one consistent set (every figure
 * adds up, so it must stay at zero errors in every layout) and the task pane's demo
 * workbook (a real error and a 尾差 among correct figures).
 */
import { FIELD_DOCS } from "../field/helpers";
import path from "path";
import type { CheckOptions } from "../../src/core/checks/types";
import { sheetFromRows, type Workbook } from "../../src/core/model";
import { demoWorkbook } from "../../src/taskpane/demoWorkbook";
import { readXlsxFile } from "../../src/hosts/xlsx/xlsxHost";
import { putuoCommerce2025 } from "./fieldLike";

export interface Fixture {
  name: string;
  load: () => Promise<Workbook>;
  /** Options the fixture is checked with. */
  options?: CheckOptions;
  /** A clean fixture: no error in any layout. */
  clean?: boolean;
}

const AMT = "#,##0.00";
const SEEDS = path.join(__dirname, "..", "fixtures", "seeds");
const seed = (name: string, extra: Partial<Fixture> = {}): Fixture => ({ name, load: () => readXlsxFile(path.join(SEEDS, `${name}.xlsx`)), ...extra });
const FIELD = path.join(__dirname, "..", "fixtures", "field");
/** A field-set document (../shared/field) as printed: one sheet per table, split codes, 元 tables, 万元 text. */
const field = (name: string): Fixture => ({ name: `field ${name} (printed)`, load: () => readXlsxFile(path.join(FIELD, `${name}.printed.xlsx`)) });

/** The arithmetic rules only (the seeds whose tables add up but whose text has real mistakes). */
const ARITH: CheckOptions = { rules: { narrative: "off", percent: "off", names: "off", completeness: "off" } };

/** A small consistent disclosure: 收支总表, 支出总表, 一般公共预算支出表, 基本支出表, “三公”经费表 and a 情况说明. */
export function consistentSet(): Workbook {
  const unit = "示例市人力资源和社会保障局";
  const head = (title: string, width: number) => [[`${unit}2024年${title}`], [`部门：${unit}`, ...new Array(Math.max(0, width - 2)).fill(undefined), "单位：万元"]];
  const t1 = sheetFromRows(
    "收支总表",
    [
      ...head("部门收支总表", 4),
      ["收入", undefined, "支出"],
      ["项目", "预算数", "项目", "预算数"],
      ["一、一般公共预算拨款收入", 1100, "一、社会保障和就业支出", 1000],
      ["二、政府性基金预算拨款收入", undefined, "二、住房保障支出", 100],
      ["本年收入合计", 1100, "本年支出合计", 1100],
      ["上年结转结余", undefined, "年终结转结余", undefined],
      ["收入总计", 1100, "支出总计", 1100],
    ],
    AMT,
  );
  t1.merges.push({ r1: 2, c1: 0, r2: 2, c2: 1 }, { r1: 2, c1: 2, r2: 2, c2: 3 });
  const rowsT3: (string | number | undefined)[][] = [
    [undefined, "合计", 1100, 800, 300],
    ["208", "社会保障和就业支出", 1000, 700, 300],
    ["20801", "人力资源和社会保障管理事务", 800, 500, 300],
    ["2080101", "行政运行", 500, 500, undefined],
    ["2080109", "社会保险经办机构", 300, undefined, 300],
    ["20805", "行政事业单位养老支出", 200, 200, undefined],
    ["2080505", "机关事业单位基本养老保险缴费支出", 200, 200, undefined],
    ["221", "住房保障支出", 100, 100, undefined],
    ["22102", "住房改革支出", 100, 100, undefined],
    ["2210201", "住房公积金", 100, 100, undefined],
  ];
  const t3 = sheetFromRows("支出总表", [...head("部门支出总表", 5), ["科目编码", "科目名称", "合计", "基本支出", "项目支出"], ...rowsT3], AMT);
  const split: Record<string, [number, number]> = { 合计: [720, 80], "208": [620, 80], "20801": [420, 80], "2080101": [420, 80], "2080109": [0, 0], "20805": [200, 0], "2080505": [200, 0], "221": [100, 0], "22102": [100, 0], "2210201": [100, 0] };
  const t5 = sheetFromRows(
    "一般公共预算支出表",
    [
      ...head("一般公共预算支出表", 7),
      ["科目编码", "科目名称", "合计", "基本支出", undefined, undefined, "项目支出"],
      [undefined, undefined, undefined, "小计", "人员经费", "公用经费"],
      ...rowsT3.map(([code, name, total, basic, project]) => {
        const [p, q] = split[String(code ?? name)];
        return [code, name, total, basic, p || undefined, q || undefined, project];
      }),
    ],
    AMT,
  );
  t5.merges.push({ r1: 2, c1: 0, r2: 3, c2: 0 }, { r1: 2, c1: 1, r2: 3, c2: 1 }, { r1: 2, c1: 2, r2: 3, c2: 2 }, { r1: 2, c1: 3, r2: 2, c2: 5 }, { r1: 2, c1: 6, r2: 3, c2: 6 });
  const t6 = sheetFromRows(
    "一般公共预算基本支出表",
    [
      ...head("一般公共预算基本支出表", 5),
      ["科目编码", "科目名称", "合计", "人员经费", "公用经费"],
      [undefined, "合计", 800, 720, 80],
      ["301", "工资福利支出", 720, 720, undefined],
      ["30101", "基本工资", 400, 400, undefined],
      ["30108", "机关事业单位基本养老保险缴费", 200, 200, undefined],
      ["30113", "住房公积金", 120, 120, undefined],
      ["302", "商品和服务支出", 80, undefined, 80],
      ["30201", "办公费", 50, undefined, 50],
      ["30211", "差旅费", 30, undefined, 30],
    ],
    AMT,
  );
  const t7 = sheetFromRows(
    "三公经费支出表",
    [
      ...head("一般公共预算“三公”经费支出表", 6),
      ["“三公”经费合计", "因公出国（境）费", "公务用车购置及运行费", undefined, undefined, "公务接待费"],
      [undefined, undefined, "小计", "公务用车购置费", "公务用车运行费"],
      [10, 0, 6, 0, 6, 4],
    ],
    AMT,
  );
  t7.merges.push({ r1: 2, c1: 0, r2: 3, c2: 0 }, { r1: 2, c1: 1, r2: 3, c2: 1 }, { r1: 2, c1: 2, r2: 2, c2: 4 }, { r1: 2, c1: 5, r2: 3, c2: 5 });
  const text = sheetFromRows("情况说明", [
    [`${unit}2024年部门预算情况说明`],
    ["一、收支预算总体情况"],
    ["2024年收支总预算1100.00万元，其中一般公共预算拨款收入1100.00万元，占100%。"],
    ["二、支出预算情况"],
    ["2024年支出预算1100.00万元，其中基本支出800.00万元，占72.73%；项目支出300.00万元，占27.27%。"],
    ["三、“三公”经费预算情况"],
    ["2024年“三公”经费预算10.00万元，其中公务用车运行费6.00万元，公务接待费4.00万元。"],
  ]);
  for (const s of [t3, t5, t6]) for (const row of s.rows) if (row?.[0] && typeof row[0].value === "string" && /^\d+$/.test(row[0].value)) row[0].numFmt = "@";
  for (const s of [t1, t3, t5, t6, t7]) s.merges.push({ r1: 0, c1: 0, r2: 0, c2: 3 });
  return { sheets: [t1, t3, t5, t6, t7, text] };
}

export const FIXTURES: Fixture[] = [
  seed("dazhou-2024"),
  seed("haikou-2024"),
  seed("wuhan-2024"),
  seed("wuhan-2024", { name: "wuhan-2024 (arithmetic rules)", options: ARITH, clean: true }),
  seed("xinzhou-2023", { clean: true }),
  seed("zengdu-2024"),
  { name: "hand-built consistent set", load: async () => consistentSet(), clean: true },
  { name: "task pane demo workbook", load: async () => demoWorkbook() },
  { name: "9-table set in 元 (普陀区商务委员会 2025, field-like)", load: async () => putuoCommerce2025(), clean: true },
  ...FIELD_DOCS.map(field),
];
