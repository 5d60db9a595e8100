/**
 * The five seed documents: every finding of the text, percentage, cross-table, name and
 * completeness rules, located (sheet + cell) — and nothing else at error or warning level
 * (尾差 such as 达州 641.15 vs 560.62 + 21.43 + 59.09 = 641.14 and percentages right within their
 * printed precision are not flagged). docs/findings-text.md explains each one.
 */
import path from "path";
import { RULES } from "../../../src/core/checks/rules";
import type { Finding } from "../../../src/core/checks/types";
import { recognizeWorkbook } from "../../../src/core/recognize";
import { readXlsxFile } from "../../../src/hosts/xlsx/xlsxHost";

const MINE = ["percent", "narrative", "cross-table", "names", "completeness"];

async function findings(seed: string, tableSet: 9 | 14 | "auto" = "auto"): Promise<Finding[]> {
  const wb = await readXlsxFile(path.join(__dirname, "../../fixtures/seeds", `${seed}.xlsx`));
  const facts = recognizeWorkbook(wb);
  return RULES.filter((r) => MINE.includes(r.id))
    .flatMap((r) => r.check({ wb, facts, options: { roundingFactor: 1, tableSet } }))
    .filter((f) => f.severity !== "info");
}

type Expect = [rule: string, severity: "error" | "warning", where: string, fragment: string];

const EXPECTED: Record<string, Expect[]> = {
  "haikou-2024": [
    ["narrative", "error", "情况说明!A8", "合计 +23.91"],
    ["narrative", "warning", "情况说明!A16", "2023"],
    ["completeness", "warning", "情况说明!A1", "没有识别到任何预算表"],
  ],
  "dazhou-2024": [
    ["percent", "error", "情况说明!A20", "= 87.44%，说明写 85.66%"],
    ["percent", "error", "情况说明!A20", "= 3.34%，说明写 3.8%"],
    ["percent", "error", "情况说明!A20", "= 9.22%，说明写 10.54%"],
    ["names", "error", "情况说明!A24", "应为 2101102 事业单位医疗"],
    ["completeness", "warning", "部门收支总表!A1", "T13 政府采购预算表、T14 机关运行经费预算表"],
    ["completeness", "warning", "一般公共预算项目支出预算表!A2", "达州市人力资源和社会保障信息中心"],
    ["completeness", "error", "情况说明!A2", "达州市职业技能鉴定指导中心"],
    ["completeness", "warning", "情况说明!A5", "达州市人力资源和社会保障信息中心"],
  ],
  "zengdu-2024": [
    ["percent", "error", "情况说明!A26", "3.02 ÷ 5.04 = 59.92%"],
    ["narrative", "error", "情况说明!A4", "说明写 73.42 万元"],
    ["narrative", "error", "情况说明!A12", "49.74 万元，说明写 54.75 万元"],
    ["narrative", "error", "情况说明!A13", "20.28 万元，说明写 25.28 万元"],
    ["narrative", "warning", "情况说明!A68", "2023 年"],
    ["cross-table", "error", "收支总表!B13", "收支总表[其他收入]"],
    ["cross-table", "error", "收支总表!B30", "收支总表[上年结转结余]"],
    ["names", "warning", "情况说明!A9", "卫生健康支出"],
    // 曾都 publishes none of T10–T14 in this text: judged as a 9-table set, T9 is the one missing
    ["completeness", "warning", "收支总表!A1", "按 9 张表口径）：T9 国有资本经营预算支出表"],
    ["completeness", "warning", "政府性基金预算支出表!A1", "空表没有注明"],
    ["completeness", "warning", "收支总表!A2", "表头没有填写单位名称"],
  ],
  "xinzhou-2023": [["completeness", "warning", "预算收支总表!A1", "T13 政府采购预算表"]],
  "wuhan-2024": [
    // 占比 is 100% on every 支出构成 line: not shares of the 合计 (they would add up to 300%) — one warning, naming what shares would be
    ["percent", "warning", "整体支出绩效目标表!E10", "都是 100%，不是各行占合计的比例（那样应为 63.14%、5.12%、31.74%）"],
    ["names", "warning", "支出总表!B6", "人力资源和社会保障管理事务"],
    ["names", "warning", "支出总表!B8", "其他人力资源和社会保障管理事务支出"],
    ["names", "warning", "支出总表!B11", "机关事业单位基本养老保险缴费支出"],
    ["names", "warning", "支出总表!B17", "其他行政事业单位医疗支出"],
    ["names", "warning", "一般公共预算支出表(分功能科目)!B9", "缺少结尾的「支出」"],
    ["names", "warning", "一般公共预算支出表(分功能科目)!B12", "机关事业单位基本养老保险缴费支出"],
    ["completeness", "warning", "收支总表!A1", "T2 部门收入总表"],
    ["completeness", "warning", "项目支出表!A2", "表头没有填写单位名称"],
  ],
};

describe("seed documents: text, percentage, cross-table, name and completeness findings", () => {
  for (const [seed, expected] of Object.entries(EXPECTED)) {
    test(seed, async () => {
      const found = await findings(seed);
      const lines = found.map((f) => `${f.ruleId} ${f.severity} ${f.sheet}!${f.cell} ${f.message}`);
      for (const [rule, sev, where, frag] of expected) {
        const hit = found.find((f) => f.ruleId === rule && f.severity === sev && `${f.sheet}!${f.cell}` === where && f.message.includes(frag));
        if (!hit) throw new Error(`missing ${rule} ${sev} ${where} «${frag}» among:\n${lines.join("\n")}`);
      }
      // Nothing else: every finding is one of the expected ones.
      expect(found.length).toBe(expected.length);
    });
  }

  test("达州: 641.15 vs 560.62 + 21.43 + 59.09 = 641.14 is 尾差, not a cross-table error", async () => {
    const found = await findings("dazhou-2024");
    expect(found.filter((f) => f.ruleId === "cross-table")).toEqual([]);
  });

  test("海口 92.76% / 4.22% / 3.02% and 忻州 37.66% are right and not flagged", async () => {
    expect((await findings("haikou-2024")).filter((f) => f.ruleId === "percent")).toEqual([]);
    expect((await findings("xinzhou-2023")).filter((f) => f.ruleId === "percent")).toEqual([]);
  });

  test("曾都: T1 社会保障和就业支出 78.83 and T4 66.83 are different scopes, not compared", async () => {
    const found = await findings("zengdu-2024");
    expect(found.some((f) => f.ruleId === "cross-table" && /208/.test(f.message))).toBe(false);
  });

  test("曾都 checked as a 14-table set: T10–T14 are reported missing too", async () => {
    const missing = (await findings("zengdu-2024", 14)).find((f) => f.ruleId === "completeness" && f.message.startsWith("缺少"))!;
    expect(missing.message).toContain("按 14 张表口径");
    for (const id of ["T9", "T10", "T11", "T12", "T13", "T14"]) expect(missing.message).toContain(`${id} `);
  });
});
