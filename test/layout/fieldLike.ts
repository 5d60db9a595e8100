/**
 * A 9-table set as 上海市普陀区 offices publish it (field set: 2025-putuo-commerce-department,
 * figures as printed): 元 tables with a 万元 text, codes split over 类 | 款 | 项 with the 类
 * repeated on every row, three-row headers (项目 / 功能分类科目编码 / 类 款 项), the
 * 收入预算总表 laid out by 功能分类 with the source columns 合计 / 财政拨款收入 / 事业收入 /
 * 事业单位经营收入 / 其他收入, the 合计 row at the bottom, and a combined “三公”经费和机关运行经费预算表.
 */
import { sheetFromRows, type CellValue, type Sheet, type Workbook } from "../../src/core/model";

const AMT = "#,##0.00";
const UNIT = "上海市普陀区商务委员会";

/** 类, 款, 项, 名称, 合计, 基本支出, 项目支出 (元). */
const FUNCTION_ROWS: [string, string, string, string, number, number | undefined, number | undefined][] = [
  ["201", "", "", "一般公共服务支出", 21601733, 12291733, 9310000],
  ["201", "13", "", "商贸事务", 21601733, 12291733, 9310000],
  ["201", "13", "01", "行政运行", 9389913, 9389913, undefined],
  ["201", "13", "02", "一般行政管理事务", 4545000, undefined, 4545000],
  ["201", "13", "50", "事业运行", 2901820, 2901820, undefined],
  ["201", "13", "99", "其他商贸事务支出", 4765000, undefined, 4765000],
  ["206", "", "", "科学技术支出", 17200000, undefined, 17200000],
  ["206", "05", "", "科技条件与服务", 17200000, undefined, 17200000],
  ["206", "05", "03", "科技条件专项", 17200000, undefined, 17200000],
  ["208", "", "", "社会保障和就业支出", 3808085, 3808085, undefined],
  ["208", "05", "", "行政事业单位养老支出", 3808085, 3808085, undefined],
  ["208", "05", "01", "行政单位离退休", 1661216, 1661216, undefined],
  ["208", "05", "02", "事业单位离退休", 17280, 17280, undefined],
  ["208", "05", "05", "机关事业单位基本养老保险缴费支出", 1410886, 1410886, undefined],
  ["208", "05", "06", "机关事业单位职业年金缴费支出", 705443, 705443, undefined],
  ["208", "05", "99", "其他行政事业单位养老支出", 13260, 13260, undefined],
  ["210", "", "", "卫生健康支出", 881803, 881803, undefined],
  ["210", "11", "", "行政事业单位医疗", 881803, 881803, undefined],
  ["210", "11", "01", "行政单位医疗", 631941, 631941, undefined],
  ["210", "11", "02", "事业单位医疗", 249862, 249862, undefined],
  ["215", "", "", "资源勘探工业信息等支出", 293810000, undefined, 293810000],
  ["215", "08", "", "支持中小企业发展和管理支出", 293810000, undefined, 293810000],
  ["215", "08", "99", "其他支持中小企业发展和管理支出", 293810000, undefined, 293810000],
  ["216", "", "", "商业服务业等支出", 31364000, undefined, 31364000],
  ["216", "99", "", "其他商业服务业等支出", 31364000, undefined, 31364000],
  ["216", "99", "99", "其他商业服务业等支出", 31364000, undefined, 31364000],
  ["221", "", "", "住房保障支出", 2849034, 2849034, undefined],
  ["221", "02", "", "住房改革支出", 2849034, 2849034, undefined],
  ["221", "02", "01", "住房公积金", 1361034, 1361034, undefined],
  ["221", "02", "03", "购房补贴", 1488000, 1488000, undefined],
];
const TOTAL = 371514655;
const BASIC = 19830655;
const PROJECT = 351684000;

function titled(name: string, title: string, unitRight: string, body: (CellValue | undefined)[][], merges: Sheet["merges"]): Sheet {
  const width = Math.max(...body.map((r) => r.length));
  const s = sheetFromRows(name, [[`2025年部门${title}`], [`编制部门：${UNIT}`, ...new Array(width - 2).fill(undefined), unitRight], ...body], AMT);
  s.merges.push({ r1: 0, c1: 0, r2: 0, c2: width - 1 }, ...merges.map((m) => ({ ...m, r1: m.r1 + 2, r2: m.r2 + 2 })));
  for (const row of s.rows) for (const c of row?.slice(0, 3) ?? []) if (c && typeof c.value === "string" && /^\d+$/.test(c.value)) c.numFmt = "@";
  return s;
}

/** The header of the 功能分类 tables: 项目 / 功能分类科目编码 | 功能分类科目名称 / 类 款 项, then the amount columns under a group. */
function functionHeader(group: string, leaves: string[]): { rows: (CellValue | undefined)[][]; merges: Sheet["merges"] } {
  const n = leaves.length;
  return {
    rows: [
      ["项目", undefined, undefined, undefined, group, ...new Array(n - 1).fill(undefined)],
      ["功能分类科目编码", undefined, undefined, "功能分类科目名称", ...leaves],
      ["类", "款", "项"],
    ],
    merges: [
      { r1: 0, c1: 0, r2: 0, c2: 3 },
      { r1: 0, c1: 4, r2: 0, c2: 3 + n },
      { r1: 1, c1: 0, r2: 1, c2: 2 },
      { r1: 1, c1: 3, r2: 2, c2: 3 },
      ...leaves.map((_, k) => ({ r1: 1, c1: 4 + k, r2: 2, c2: 4 + k })),
    ],
  };
}

export function putuoCommerce2025(): Workbook {
  const t1 = titled(
    "1",
    "财务收支预算总表",
    "单位：元",
    [
      ["本年收入", undefined, "本年支出"],
      ["项目", "预算数", "项目", "预算数"],
      ["一、财政拨款收入", TOTAL, "一、一般公共服务支出", 21601733],
      ["1. 一般公共预算资金", TOTAL, "二、科学技术支出", 17200000],
      ["2. 政府性基金", undefined, "三、社会保障和就业支出", 3808085],
      ["3. 国有资本经营预算", undefined, "四、卫生健康支出", 881803],
      ["二、事业收入", undefined, "五、资源勘探工业信息等支出", 293810000],
      ["三、事业单位经营收入", undefined, "六、商业服务业等支出", 31364000],
      ["四、其他收入", undefined, "七、住房保障支出", 2849034],
      ["收入总计", TOTAL, "支出总计", TOTAL],
    ],
    [{ r1: 0, c1: 0, r2: 0, c2: 1 }, { r1: 0, c1: 2, r2: 0, c2: 3 }],
  );
  const h2 = functionHeader("收入预算", ["合计", "财政拨款收入", "事业收入", "事业单位经营收入", "其他收入"]);
  const t2 = titled(
    "2",
    "收入预算总表",
    "单位：元",
    [...h2.rows, ...FUNCTION_ROWS.map(([a, b, c, n, total]) => [a, b || undefined, c || undefined, n, total, total]), [undefined, undefined, undefined, "合计", TOTAL, TOTAL]],
    h2.merges,
  );
  const h3 = functionHeader("支出预算", ["合计", "基本支出", "项目支出"]);
  const t3 = titled(
    "3",
    "支出预算总表",
    "单位：元",
    [...h3.rows, ...FUNCTION_ROWS.map(([a, b, c, n, total, basic, project]) => [a, b || undefined, c || undefined, n, total, basic, project]), [undefined, undefined, undefined, "合计", TOTAL, BASIC, PROJECT]],
    h3.merges,
  );
  const h5 = functionHeader("一般公共预算支出", ["合计", "基本支出", "项目支出"]);
  const t5 = titled(
    "5",
    "一般公共预算支出功能分类预算表",
    "单位：元",
    [...h5.rows, ...FUNCTION_ROWS.map(([a, b, c, n, total, basic, project]) => [a, b || undefined, c || undefined, n, total, basic, project]), [undefined, undefined, undefined, "合计", TOTAL, BASIC, PROJECT]],
    h5.merges,
  );
  const econ: [string, string, string, number, number | undefined, number | undefined][] = [
    ["301", "", "工资福利支出", 16671057, 16671057, undefined],
    ["301", "01", "基本工资", 1952616, 1952616, undefined],
    ["301", "02", "津贴补贴", 7533376, 7533376, undefined],
    ["301", "07", "绩效工资", 1852114, 1852114, undefined],
    ["301", "08", "机关事业单位基本养老保险缴费", 1410886, 1410886, undefined],
    ["301", "09", "职业年金缴费", 705443, 705443, undefined],
    ["301", "10", "职工基本医疗保险缴费", 881803, 881803, undefined],
    ["301", "12", "其他社会保障缴费", 36918, 36918, undefined],
    ["301", "13", "住房公积金", 1361034, 1361034, undefined],
    ["301", "99", "其他工资福利支出", 936867, 936867, undefined],
    ["302", "", "商品和服务支出", 1632062, undefined, 1632062],
    ["302", "01", "办公费", 273900, undefined, 273900],
    ["302", "02", "印刷费", 5000, undefined, 5000],
    ["302", "04", "手续费", 1500, undefined, 1500],
    ["302", "07", "邮电费", 15000, undefined, 15000],
    ["302", "11", "差旅费", 80000, undefined, 80000],
    ["302", "13", "维修（护）费", 10000, undefined, 10000],
    ["302", "16", "培训费", 5000, undefined, 5000],
    ["302", "17", "公务接待费", 10000, undefined, 10000],
    ["302", "26", "劳务费", 25000, undefined, 25000],
    ["302", "27", "委托业务费", 180000, undefined, 180000],
    ["302", "28", "工会经费", 194962, undefined, 194962],
    ["302", "29", "福利费", 423360, undefined, 423360],
    ["302", "39", "其他交通费用", 284480, undefined, 284480],
    ["302", "99", "其他商品和服务支出", 123860, undefined, 123860],
    ["303", "", "对个人和家庭的补助", 1449536, 1449536, undefined],
    ["303", "01", "离休费", 251936, 251936, undefined],
    ["303", "02", "退休费", 1197600, 1197600, undefined],
    ["310", "", "资本性支出", 78000, undefined, 78000],
    ["310", "02", "办公设备购置", 78000, undefined, 78000],
  ];
  const t6 = titled(
    "8",
    "一般公共预算基本支出部门预算经济分类预算表",
    "单位：元",
    [
      ["项目", undefined, undefined, "一般公共预算基本支出"],
      ["部门预算经济分类科目编码", undefined, "经济分类科目名称", "合计", "人员经费", "公用经费"],
      ["类", "款"],
      ...econ.map(([a, b, n, total, p, q]) => [a, b || undefined, n, total, p, q]),
      [undefined, undefined, "合计", BASIC, 18120593, 1710062],
    ],
    [
      { r1: 0, c1: 0, r2: 0, c2: 2 },
      { r1: 0, c1: 3, r2: 0, c2: 5 },
      { r1: 1, c1: 0, r2: 1, c2: 1 },
      { r1: 1, c1: 2, r2: 2, c2: 2 },
      { r1: 1, c1: 3, r2: 2, c2: 3 },
      { r1: 1, c1: 4, r2: 2, c2: 4 },
      { r1: 1, c1: 5, r2: 2, c2: 5 },
    ],
  );
  const text = sheetFromRows("情况说明", [
    [`${UNIT}2025年部门预算编制说明`],
    [`2025年，${UNIT}收入预算37151.47万元，其中：财政拨款收入37151.47万元，比2024年预算增加20553.16万元。`],
    [`支出预算37151.47万元，其中：财政拨款支出预算37151.47万元，比2024年预算增加20553.16万元。`],
    ["财政拨款收入支出增加的主要原因是：政策资金项目预算增加，根据实际工作安排编制预算。"],
    ["2025年“三公”经费预算数为1.00万元，与2024年预算持平。其中：公务接待费1.00万元。"],
  ]);
  return { sheets: [t1, t2, t3, t5, t6, text] };
}
