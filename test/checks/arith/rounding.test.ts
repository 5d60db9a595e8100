import { judgeSum } from "../../../src/core/checks/rounding";
import { checkWorkbook as checkAll } from "../../../src/core/checks/engine";
import { RULES } from "../../../src/core/checks/rules";
import type { CheckOptions } from "../../../src/core/checks/types";
import { sheetFromRows } from "../../../src/core/model";

const MINE = ["total-row", "hierarchy", "columns", "balance", "recognition"];
const OFF = Object.fromEntries(RULES.filter((r) => !MINE.includes(r.id)).map((r) => [r.id, "off" as const]));
const checkWorkbook = (wb: Parameters<typeof checkAll>[0], o: CheckOptions = {}) => checkAll(wb, { ...o, rules: { ...OFF, ...o.rules } });
const f = (value: number, decimals = 2) => ({ value, decimals });

describe("XBRL-style rounding envelope", () => {
  test("exact, 尾差 and error at two decimals", () => {
    expect(judgeSum(f(0.3), [f(0.1), f(0.2)]).verdict).toBe("exact"); // no float noise
    expect(judgeSum(f(81.7), [f(78.83), f(1.53), f(1.35)])).toMatchObject({ verdict: "rounding", expected: 81.71, difference: -0.01 });
    expect(judgeSum(f(81.7), [f(78.83), f(1.53), f(1.35)]).tolerance).toBeCloseTo(0.02, 10);
    expect(judgeSum(f(81.75), [f(78.83), f(1.53), f(1.35)]).verdict).toBe("error"); // 0.04 > 0.02, and ≥ 3 cents of truncation
    expect(judgeSum(f(82.7), [f(78.83), f(1.53), f(1.35)]).verdict).toBe("error");
  });
  test("a figure printed without decimals stands for ±0.5", () => {
    expect(judgeSum(f(17192, 0), [f(17191.62), f(0.1)]).verdict).toBe("rounding");
    expect(judgeSum(f(17192, 0), [f(17190.62), f(0.1)]).verdict).not.toBe("rounding");
  });
  test("the rounding factor scales the envelope", () => {
    expect(judgeSum(f(81.7), [f(78.83), f(1.53), f(1.35)], 0).verdict).toBe("error");
    expect(judgeSum(f(81.74), [f(78.83), f(1.53), f(1.35)], 2).verdict).toBe("rounding");
    expect(judgeSum(f(81.74), [f(78.83), f(1.53), f(1.35)], 1).verdict).toBe("error");
  });
  test("truncated parts: beyond the rounding envelope but inside the truncation one is a warning", () => {
    // true values 1.008 ×5 = 5.04; parts truncated to 1.00 → Σ 5.00; diff 0.04 > 6 half-cents (0.03) but < 5 cents
    expect(judgeSum(f(5.04), [f(1), f(1), f(1), f(1), f(1)]).verdict).toBe("truncation");
  });
  test("尾差 of a table are one info finding, never errors", () => {
    const wb = {
      sheets: [
        sheetFromRows(
          "支出总表",
          [["部门支出总表"], ["科目编码", "科目名称", "合计", "基本支出", "项目支出"], [null, "合计", 81.7, 66.7, 15], ["208", "社会保障和就业支出", 78.83, 63.83, 15], ["210", "卫生健康支出", 1.53, 1.53, 0], ["221", "住房保障支出", 1.35, 1.35, 0]],
          "#,##0.00",
        ),
      ],
    };
    const fs = checkWorkbook(wb);
    expect(fs.filter((x) => x.severity === "error")).toEqual([]);
    const tails = fs.filter((x) => x.ruleId === "tail-difference");
    expect(tails).toHaveLength(1);
    expect(tails[0]).toMatchObject({ severity: "info", cell: "C3", related: ["D3"] });
    expect(checkWorkbook(wb, { roundingFactor: 0 }).filter((x) => x.severity === "error").map((x) => x.cell)).toEqual(["C3", "D3"]);
    expect(checkWorkbook(wb, { rules: { "tail-difference": "off" } })).toEqual([]);
  });
});
