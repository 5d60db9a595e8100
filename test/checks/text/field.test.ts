/**
 * The field set's explanatory text (six real 2025–2026 上海市普陀区 disclosures, /work/shared/field),
 * pasted as printed — one `pdftotext -layout` line per row, 目录 included, lines broken inside figures
 * ("…服务预算1446.32" / "万元。") — into a 情况说明 sheet with no table. Every error the text rules
 * report is a real inconsistency of the document, recomputed below; nothing else is reported.
 */
import * as fs from "fs";
import * as path from "path";
import { runChecks } from "../../../src/core/checks/engine";
import { sheetFromRows } from "../../../src/core/model";
import { fieldNarrative } from "./fieldText";

const FIELD = "/work/shared/field";
const TEXT_RULES = ["percent", "narrative", "names"];

function check(doc: string) {
  const lines = fieldNarrative(fs.readFileSync(path.join(FIELD, `${doc}.txt`), "utf8"));
  const wb = { sheets: [sheetFromRows("情况说明", lines.map((l) => [l]))] };
  const { findings } = runChecks(wb, {});
  return { lines, found: findings.filter((f) => TEXT_RULES.includes(f.ruleId) && f.severity !== "info") };
}

/** [cell, the sentence's figures as printed, what the recomputation gives, rule (default: a percent error; others: a warning)]. */
type Expect = [cell: string, quoted: string, recomputed: string, rule?: "narrative" | "names"];

const EXPECTED: Record<string, Expect[]> = {
  "2025-putuo-commerce-department": [],
  "2025-putuo-commerce-unit": [],
  "2025-putuo-district-office-department": [],
  "2025-putuo-district-office-unit": [],
  "2026-putuo-justice-department": [
    // 编制说明 of a 2026 budget: "比2026年预算增加793.14万元" — compared with itself; the unit's document says 比2025年.
    ["A69", "比2026年预算", "应为 2025 年", "narrative"],
    // and four more in the next paragraph (支出 / 一般公共预算 增加 793.14, 政府性基金 / 国有资本经营 "与2026年预算持平").
    ["A71", "4 处", "应为 2025 年", "narrative"],
    // 210 is 卫生健康支出 from the 2019 edition on; the text still prints the 2014–2018 name.
    ["A99", "医疗卫生与计划生育支出（210类）", "卫生健康支出", "names"],
    // 3845.49 < 43269.3: a decrease of (3845.49 − 43269.3) ÷ 43269.3 = −91.11%, printed as 增加 17.62% (the 3269.3 of the unit's text has a 4 in front).
    ["A88", "执行数为43269.3万元，2026年预算安排3845.49万元", "减少 91.11%"],
    // (91.97 − 77.99) ÷ 77.99 = 13.98 ÷ 77.99 = 17.93% (17.91%–17.94% within rounding), printed 17.66%.
    ["A95", "执行数为77.99万元，2026年预算安排91.97万元", "= 17.93%"],
    // (201.50 − 198.34) ÷ 198.34 = 3.16 ÷ 198.34 = 1.59%, printed 5.27%.
    ["A102", "执行数为198.34万元，2026年预算安排201.50万元", "= 1.59%"],
  ],
  "2026-putuo-justice-unit": [
    ["A89", "医疗卫生与计划生育支出（210类）", "卫生健康支出", "names"],
    // (1434.89 − 1690.69) ÷ 1690.69 = −255.80 ÷ 1690.69 = −15.13%, printed 减少 1.10%.
    ["A67", "执行数为1690.69万元，2026年预算安排1434.89万元", "= -15.13%"],
    // 57.8 > 57.43: an increase of 0.37 ÷ 57.43 = 0.64%, printed 减少 2.27%.
    ["A80", "执行数为57.43万元，2026年预算安排57.8万元", "增加 0.64%"],
    // 170.03 < 241.76: a decrease of 71.73 ÷ 241.76 = 29.67%, printed 增加 21.74% (= 207 ÷ 170.03 − 1: the figures are muddled).
    ["A94", "执行数为241.76万元，2026年预算安排170.03万元", "减少 29.67%"],
  ],
};

describe("field set: the 编制说明 and 其他相关情况说明 as printed", () => {
  for (const [doc, expected] of Object.entries(EXPECTED)) {
    test(doc, () => {
      const { lines, found } = check(doc);
      expect(lines.length).toBeGreaterThan(100);
      const shown = found.map((f) => `${f.ruleId} ${f.severity} ${f.cell} ${f.message}`).join("\n");
      for (const [cell, quoted, recomputed, rule] of expected) {
        const hit = found.find((f) => f.ruleId === (rule ?? "percent") && f.severity === (rule ? "warning" : "error") && f.cell === cell && f.message.includes(quoted) && f.message.includes(recomputed));
        if (!hit) throw new Error(`${doc}: missing ${cell} «${quoted}» «${recomputed}» among:\n${shown}`);
      }
      if (found.length !== expected.length) throw new Error(`${doc}: ${found.length} findings, ${expected.length} expected:\n${shown}`);
    });
  }

  test("right rates of the same documents are not flagged (recomputed within the printed precision)", () => {
    const ok: [doc: string, text: string][] = [
      ["2026-putuo-justice-unit", "执行数为133.84万元，2026年预算安排157.23万元"], // 23.39 ÷ 133.84 = 17.48%, printed 增加17.48%
      ["2026-putuo-justice-unit", "执行数为205.04万元，2026年预算安排179.15万元"], // 25.89 ÷ 205.04 = 12.63%, printed 减少12.63%
      ["2026-putuo-justice-department", "执行数为59.11万元，2026年预算安排57.8万元"], // 57.8 ± 0.05: 2.12%–2.31%, printed 减少2.21%
    ];
    for (const [doc, text] of ok) {
      const { lines, found } = check(doc);
      const row = lines.findIndex((l) => l.includes(text));
      expect(row).toBeGreaterThanOrEqual(0);
      expect(found.filter((f) => f.cell === `A${row + 1}`)).toEqual([]);
    }
  });
});
