/**
 * Last year's columns recognised by their headers (issue #13), on the wordings real disclosures
 * print and on tables built from real figures, through the layouts of test/helpers/relayout.ts.
 *  - 上海市普陀区司法局 2026 (field set): five 司法 项 with "2025年当年预算执行数" and "2026年预算安排"
 *    as its 编制说明 gives them, printed as "2025年执行数 | 2026年预算数 | 增减额 | 增减%";
 *  - its unit's 财务收支预算总表 with 本年预算数 | 上年预算数 on both sides (the layout a Shanghai
 *    收支总表 prints): 8695.94 this year, "比2025年预算增加794.88万元" → 7901.06 last year.
 */
import { runChecks } from "../../src/core/checks/engine";
import { sheetFromRows, type Workbook } from "../../src/core/model";
import { recognizeWorkbook } from "../../src/core/recognize";
import { classifyYearHeader, splitYearPaths, yearKey } from "../../src/core/recognize/yearColumns";
import { codesAsNumbers, columnNumberRow, compose, lostMerges, mergedHeaders, moveTo, splitCodes, toDoc, type Transform } from "../helpers/relayout";

describe("header wordings", () => {
  test.each([
    ["上年预算数", "prior"],
    ["上年执行数", "prior"],
    ["上年预算", "prior"],
    ["本年预算数", "current"],
    ["增减额", "change"],
    ["增减", "change"],
    ["预算增减变化 (C-D)", "change"],
    ["增减%", "change-pct"],
    ["增减（%）", "change-pct"],
    ["增长率", "change-pct"],
    ["增减幅度", "change-pct"],
  ])("%s → %s", (h, role) => {
    expect(classifyYearHeader(h)?.role).toBe(role);
  });

  test("last year's carry-over is not last year's figure; a spec header is nothing", () => {
    for (const h of ["上年结转", "上年结转结余", "上年结转安排", "合计", "预算数", "基本支出"]) expect(classifyYearHeader(h)).toBeNull();
  });

  test("a header naming a year is settled by the table's year", () => {
    const paths = [["科目编码"], ["2025年预算数"], ["2026年预算数"], ["增减额"]];
    const split = splitYearPaths(paths, 2026);
    expect(split.found.map((f) => [f.j, f.cls.role, f.cls.year])).toEqual([
      [1, "prior", 2025],
      [3, "change", undefined],
    ]);
    expect(split.paths).toEqual([["科目编码"], [], ["预算数"], []]);
    // 曾都's 绩效目标表 prints 2024 (C) before 2023 (D): two years named, the later is this year.
    expect(splitYearPaths([["2024年预算金额 (C)"], ["2023年预算金额 (D)"], ["预算增减变化 (C-D)"]], undefined).found.map((f) => f.cls.role)).toEqual(["prior", "change"]);
    // Without any year column the paths are left as they are.
    expect(splitYearPaths([["合计"], ["2026年"]], 2026).paths).toEqual([["合计"], ["2026年"]]);
  });
});

const ITEMS: [string, string, number, number][] = [
  ["2040604", "基层司法业务", 2149.45, 2170.39],
  ["2040605", "普法宣传", 118.46, 124.29],
  ["2040607", "公共法律服务", 114.87, 116],
  ["2040613", "信息化建设", 60.41, 227.88],
  ["2040699", "其他司法支出", 3269.3, 3845.49],
];
const r2 = (x: number) => Math.round(x * 100) / 100;

function justiceT5(): Workbook {
  const sum = (k: 2 | 3) => r2(ITEMS.reduce((s, x) => s + x[k], 0));
  const line = (code: string | null, name: string, a: number, b: number) => [code, name, a, b, r2(b - a), r2(((b - a) / a) * 100)];
  return {
    sheets: [
      sheetFromRows(
        "一般公共预算支出表",
        [
          ["2026年一般公共预算支出功能分类预算表"],
          ["编制单位：上海市普陀区司法局", null, null, null, null, "单位：万元"],
          ["科目编码", "科目名称", "2025年执行数", "2026年预算数", "增减额", "增减%"],
          line(null, "合计", sum(2), sum(3)),
          line("204", "公共安全支出", sum(2), sum(3)),
          line("20406", "司法", sum(2), sum(3)),
          ...ITEMS.map(([code, name, a, b]) => line(code, name, a, b)),
        ],
        "#,##0.00",
      ),
    ],
  };
}

function justiceT1(): Workbook {
  return {
    sheets: [
      sheetFromRows(
        "财务收支预算总表",
        [
          ["2026年财务收支预算总表"],
          ["编制单位：上海市普陀区司法局", null, null, null, null, "单位：万元"],
          ["收入", null, null, "支出", null, null],
          ["项目", "本年预算数", "上年预算数", "项目", "本年预算数", "上年预算数"],
          ["一、财政拨款收入", 8695.94, 7901.06, "一、公共安全支出", 8695.94, 7901.06],
          ["收入总计", 8695.94, 7901.06, "支出总计", 8695.94, 7901.06],
        ],
        "#,##0.00",
      ),
      // The 编制说明's sentence, its comparison moved to the total the table prints (收入预算 = 收入总计).
      sheetFromRows("情况说明", [["一、2026年单位预算概况"], ["2026年，上海市普陀区司法局收入预算8695.94万元，比2025年预算增加794.88万元。"]]),
    ],
  };
}

const LAYOUTS: [string, Transform][] = [
  ["as built", (d) => d],
  ["moved down and right", moveTo(3, 2)],
  ["栏次 row", columnNumberRow],
  ["merged headers", mergedHeaders],
  ["merges lost", lostMerges],
  ["codes split over 类/款/项", splitCodes("repeat")],
  ["codes as numbers", codesAsNumbers],
  ["moved, 栏次 row and merged headers at once", compose(moveTo(2, 1), columnNumberRow, mergedHeaders)],
];

describe("普陀区司法局 2026: 2025年执行数 | 2026年预算数 | 增减额 | 增减%", () => {
  for (const [name, transform] of LAYOUTS) {
    test(name, () => {
      const base = justiceT5();
      const wb = transform(toDoc(base, recognizeWorkbook(base))).wb;
      const t5 = recognizeWorkbook(wb).tables.find((t) => t.spec.id === "T5")!;
      expect(t5.yearColumns?.map((y) => [y.role, y.current, y.basis ?? null])).toEqual([
        ["prior", "total", "actual"],
        ["change", "total", null],
        ["change-pct", "total", null],
      ]);
      expect(t5.issues.filter((i) => i.kind === "unmapped-column")).toEqual([]);
      for (const [code, , a, b] of ITEMS) {
        const row = t5.rows.find((r) => r.code === code)!;
        expect({ code, cur: row.amounts.total.value, prior: row.yearAmounts?.[yearKey("prior", "total")]?.value, change: row.yearAmounts?.[yearKey("change", "total")]?.value }).toEqual({ code, cur: b, prior: a, change: r2(b - a) });
      }
      const findings = runChecks(wb).findings.filter((f) => f.ruleId === "year-columns" && f.severity !== "info");
      expect(findings).toEqual([]);
    });
  }

  test("the 增减% the 说明 prints for 其他司法支出 (17.62%) recomputes; one altered to 17.26% is an error at its cell", () => {
    const wb = justiceT5();
    const sheet = wb.sheets[0];
    const r = sheet.rows.findIndex((row) => row?.[0]?.value === "2040699");
    expect(sheet.rows[r]![5]!.value).toBe(17.62);
    sheet.rows[r]![5]!.value = 17.26;
    const errs = runChecks(wb).findings.filter((f) => f.ruleId === "year-columns" && f.severity === "error");
    expect(errs.map((f) => [f.cell, f.messageId, f.expected])).toEqual([[`F${r + 1}`, "wrongPercent", 17.62]]);
  });
});

describe("普陀区司法局 2026 单位: 本年预算数 | 上年预算数 on both sides of the 收支总表", () => {
  test("each side's last-year column goes with that side's figure column", () => {
    const t1 = recognizeWorkbook(justiceT1()).tables.find((t) => t.spec.id === "T1")!;
    expect(t1.yearColumns?.map((y) => [y.c, y.role, y.current])).toEqual([
      [2, "prior", "income.amount"],
      [5, "prior", "expense.amount"],
    ]);
    const total = t1.rows.filter((r) => r.fixed?.key === "in.grand" || r.fixed?.key === "out.grand");
    expect(total.map((r) => [r.side, r.amounts[`${r.side}.amount`]?.value, r.yearAmounts?.[yearKey("prior", `${r.side}.amount`)]?.value])).toEqual([
      ["income", 8695.94, 7901.06],
      ["expense", 8695.94, 7901.06],
    ]);
  });

  test("the text's 比2025年预算增加 794.88 agrees with the column; 784.88 is reported by year-over-year", () => {
    const yoy = (wb: Workbook) => runChecks(wb).findings.filter((f) => f.ruleId === "year-over-year" && f.severity === "error");
    expect(yoy(justiceT1())).toEqual([]);
    const wb = justiceT1();
    const text = wb.sheets[1].rows[1]![0]!;
    text.value = String(text.value).replace("794.88", "784.88");
    expect(yoy(wb).map((f) => f.message)).toEqual([expect.stringMatching(/8695\.94 − 上年 7901\.06 = \+794\.88.*784\.88/)]);
  });
});

/** 武汉 2024 “三公” with the items as rows (the 岳阳县 layout "项目 | 2016年执行数 | 2017年预算数"), last year's figures from its text. */
function wuhanSanGong(totalPct = -54.05): Workbook {
  return {
    sheets: [
      sheetFromRows(
        "三公",
        [
          ["2024年一般公共预算“三公”经费支出表"],
          ["单位：万元"],
          ["项目", "2023年预算数", "2024年预算数", "增减额", "增减%"],
          ["合计", 3.7, 1.7, -2, totalPct],
          ["因公出国（境）费", 0, 0, 0, null],
          ["公务用车购置及运行费", 3.0, 1.5, -1.5, -50],
          ["①公务用车购置费", 0, 0, 0, null],
          ["②公务用车运行费", 3.0, 1.5, -1.5, -50],
          ["公务接待费", 0.7, 0.2, -0.5, -71.43],
        ],
        "0.00",
      ),
      // 002_dc36c76f723eee1f.txt (武汉), 第三部分 七.
      sheetFromRows("情况说明", [["七、“三公”经费预算情况"], ["2024年一般公共预算“三公”经费支出1.7万元，比2023年减少2万元，下降54.05%，主要是本着厉行节约的精神，缩减日常运转经费。"]]),
    ],
  };
}

describe("武汉 2024 “三公”, items as rows: 2023年预算数 | 2024年预算数 | 增减额 | 增减%", () => {
  test("the budget kinds are this year's column only; last year's, the change and its percent go with it, item by item", () => {
    const t7 = recognizeWorkbook(wuhanSanGong()).tables.find((t) => t.spec.id === "T7")!;
    expect(t7.rows.map((r) => r.label)).toEqual(["2024年预算数"]);
    const y = t7.rows[0].yearAmounts!;
    expect([y[yearKey("prior", "total")]?.value, y[yearKey("prior", "car")]?.value, y[yearKey("prior", "reception")]?.value, y[yearKey("change-pct", "reception")]?.value]).toEqual([3.7, 3.0, 0.7, -71.43]);
    // No column relation is judged on the change or percent columns, and the columns agree.
    const found = runChecks(wuhanSanGong()).findings.filter((f) => f.severity !== "info" && f.ruleId !== "completeness");
    expect(found.map((f) => `${f.ruleId} ${f.cell} ${f.message}`)).toEqual([]);
  });

  test("the 合计's 增减% copied from 公务用车 (-50%) is an error; the text's 下降 54.05% agrees with the columns", () => {
    const errs = runChecks(wuhanSanGong(-50)).findings.filter((f) => f.severity === "error");
    expect(errs.map((f) => [f.ruleId, f.cell, f.messageId])).toEqual([["year-columns", "E4", "wrongPercent"]]);
    // The text is compared with the columns: 减少 3 万元 where they give 1.7 − 3.7 = −2.
    const wb = wuhanSanGong();
    const cell = wb.sheets[1].rows[1]![0]!;
    cell.value = String(cell.value).replace("减少2万元", "减少3万元");
    const yoy = runChecks(wb).findings.filter((f) => f.ruleId === "year-over-year" && f.severity === "error");
    expect(yoy.map((f) => f.message)).toEqual([expect.stringMatching(/本年 1\.70 − 上年 3\.70 = −2\.00，说明写减少 3\.00/)]);
  });
});
