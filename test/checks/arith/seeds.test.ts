/**
 * The arithmetic findings on the five seed workbooks, worked out by hand from the
 * published figures (see docs/findings-arith.md). 尾差 are listed per table; no 尾差
 * may ever be an error.
 */
import path from "path";
import { checkWorkbook } from "../../../src/core/checks/engine";
import { RULES } from "../../../src/core/checks/rules";
import type { Finding } from "../../../src/core/checks/types";
import { readXlsxFile } from "../../../src/hosts/xlsx/xlsxHost";

const SEEDS = path.join(__dirname, "..", "..", "fixtures", "seeds");
const ARITH = ["total-row", "hierarchy", "columns", "balance"];
const MINE = [...ARITH, "recognition"];
/** Only this part's rules (the text, cross-table and completeness rules have their own tests). */
const OFF = Object.fromEntries(RULES.filter((r) => !MINE.includes(r.id)).map((r) => [r.id, "off" as const]));
const run = async (name: string) => checkWorkbook(await readXlsxFile(path.join(SEEDS, `${name}.xlsx`)), { rules: OFF });
const errors = (fs: Finding[]) => fs.filter((f) => f.severity === "error").map((f) => `${f.sheet}!${f.cell}`);
const warnings = (fs: Finding[]) => fs.filter((f) => f.severity === "warning" && ARITH.includes(f.ruleId));
/** sheet → cells of its one grouped 尾差 finding. */
const tails = (fs: Finding[]) => Object.fromEntries(fs.filter((f) => f.ruleId === "tail-difference").map((f) => [f.sheet, [f.cell, ...(f.related ?? [])]]));

describe("arithmetic findings on the seed workbooks", () => {
  test("曾都: the 收入总表 row has one figure too many (其他收入 12.00 lands under 上年结转); everything else is 尾差", async () => {
    const fs = await run("zengdu-2024");
    expect(errors(fs).sort()).toEqual(["收入总表!C5", "收入总表!C6", "收入总表!C7", "收入总表!D5", "收入总表!D6", "收入总表!D7", "收入总表!N5", "收入总表!N6", "收入总表!N7"].sort());
    const d5 = fs.find((f) => f.sheet === "收入总表" && f.cell === "D5")!;
    expect(d5).toMatchObject({ ruleId: "columns", expected: 61.42, actual: 73.42, difference: 12 });
    expect(fs.some((f) => f.sheet === "收入总表" && f.cell === "T3" && f.ruleId === "recognition")).toBe(true);
    expect(warnings(fs)).toEqual([]);
    expect(tails(fs)).toEqual({
      收支总表: ["D29"], // 本年支出合计 81.70 vs Σ类 81.71
      支出总表: ["C4", "D4"], // 合计 81.70 vs 81.71; 基本支出 66.70 vs 66.71
      财政拨款收支总表: ["D5"], // 本年支出 69.70 vs 69.71
      一般公共预算支出表: ["C5", "D5", "E5", "D6", "D7", "D8"], // 69.70/69.71, 54.70/54.71 & 54.69, 52.67/52.68, 基本 = 人员 + 公用 off by 0.01
      一般公共预算基本支出表: ["C5"], // 54.70 vs Σ类 54.69 and 人员 + 公用 54.69
    });
  });

  test("达州: no error; 工资福利支出 586.25 vs Σ款 586.24 and the 合计 lines are 尾差", async () => {
    const fs = await run("dazhou-2024");
    expect(errors(fs)).toEqual([]);
    expect(warnings(fs)).toEqual([]);
    expect(tails(fs)).toEqual({
      部门收支总表: ["D33"], // 本年支出合计 641.15 vs Σ类 641.14
      部门支出总表: ["F5", "G5"], // 合计 641.15 vs Σ项 641.14
      财政拨款收支预算总表: ["D5", "E5"],
      一般公共预算支出预算表: ["F5", "G5"], // 合计 and 当年财政拨款安排 (达州's variant columns): 641.15 vs Σ类 641.14
      一般公共预算基本支出预算表: ["E9", "F9", "E18", "G18"], // 301: 586.25 vs 586.24; 302: 54.87 vs 54.86
    });
    const t = fs.find((f) => f.sheet === "一般公共预算基本支出预算表" && f.ruleId === "tail-difference")!;
    expect(t.message).toMatch(/工资福利支出（301）合计（款之和）：各项之和 586\.24，填列 586\.25，相差 0\.01/);
  });

  test("忻州: no error; 商品和服务支出 5.43 vs Σ 5.42 is 尾差", async () => {
    const fs = await run("xinzhou-2023");
    expect(errors(fs)).toEqual([]);
    expect(warnings(fs)).toEqual([]);
    expect(tails(fs)).toEqual({ 一般公共预算安排基本支出分经济科目表: ["C14", "E14"] });
  });

  test("武汉: consistent, amounts as text are read and reported once per table", async () => {
    const fs = await run("wuhan-2024");
    expect(errors(fs)).toEqual([]);
    expect(warnings(fs)).toEqual([]);
    expect(tails(fs)).toEqual({});
    expect(fs.filter((f) => f.ruleId === "recognition" && /文本形式/.test(f.message)).map((f) => f.sheet)).toEqual(["收支总表", "支出总表", "一般公共预算支出表(分功能科目)"]);
  });

  test("海口: text only, nothing to add up", async () => {
    expect(await run("haikou-2024")).toEqual([]);
  });
});

describe("regional layout variants", () => {
  it("达州's 一般公共预算支出表 split by 当年财政拨款安排 / 上年结转安排 is checked column by column", async () => {
    const { readXlsxFile } = await import("../../../src/hosts/xlsx/xlsxHost");
    const { recognizeWorkbook } = await import("../../../src/core/recognize");
    const { checkWorkbook } = await import("../../../src/core/checks/engine");
    const { setValue } = await import("../../../src/core/model");
    const wb = await readXlsxFile(require("path").join(__dirname, "..", "..", "fixtures", "seeds", "dazhou-2024.xlsx"));
    const t5 = recognizeWorkbook(wb).tables.find((t) => t.sheet === "一般公共预算支出预算表")!;
    expect(t5.columns.map((c) => c.key)).toEqual(expect.arrayContaining(["total", "cur", "carry"]));
    // 491.32 in 合计 but 481.32 in 当年财政拨款安排: 合计 ≠ 当年 + 上年
    const row = t5.rows.find((r) => r.code === "2080150")!;
    setValue(wb.sheets.find((s) => s.name === t5.sheet)!, row.r, t5.columns.find((c) => c.key === "cur")!.c, 481.32);
    const found = checkWorkbook(wb).filter((f) => f.severity === "error" && f.sheet === t5.sheet);
    expect(found.some((f) => f.ruleId === "columns" && /当年财政拨款安排/.test(f.message))).toBe(true);
  });

  it("忻州's 收支总表 with 合计 / 当年预算安排 / 上年结转安排 on the expenditure side is checked column by column", async () => {
    const { readXlsxFile } = await import("../../../src/hosts/xlsx/xlsxHost");
    const { recognizeWorkbook } = await import("../../../src/core/recognize");
    const { checkWorkbook } = await import("../../../src/core/checks/engine");
    const { setValue } = await import("../../../src/core/model");
    const wb = await readXlsxFile(require("path").join(__dirname, "..", "..", "fixtures", "seeds", "xinzhou-2023.xlsx"));
    expect(checkWorkbook(wb).filter((f) => f.severity === "error")).toEqual([]);
    const t1 = recognizeWorkbook(wb).tables.find((t) => t.spec.id === "T1")!;
    expect(t1.columns.map((c) => c.key)).toEqual(expect.arrayContaining(["expense.current", "expense.carry"]));
    const row = t1.rows.find((r) => r.classCode === "208")!;
    setValue(wb.sheets.find((s) => s.name === t1.sheet)!, row.r, t1.columns.find((c) => c.key === "expense.current")!.c, 130);
    const found = checkWorkbook(wb).filter((f) => f.severity === "error" && f.sheet === t1.sheet);
    expect(found.some((f) => /当年预算安排/.test(f.message))).toBe(true);
  });
});
