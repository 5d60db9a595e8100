/** The 表间审核公式 as data: every relation parses, names known tables, and is evaluated only in scope. */
import { CROSS_RELATIONS, evaluateCrossRelations, parseCrossRelation } from "../../../src/core/checks/crossRelations";
import { sheetFromRows } from "../../../src/core/model";
import { recognizeWorkbook } from "../../../src/core/recognize";
import { readFileSync } from "fs";
import path from "path";

const T4 = (cur: number, carry: number | null) =>
  sheetFromRows("财政拨款收支总表", [
    ["财政拨款收支总表"],
    ["单位：万元"],
    ["收入", null, "支出"],
    ["项目", "预算数", "项目", "预算数"],
    ["一、本年收入", cur, "一、本年支出", cur + (carry ?? 0)],
    ["（一）一般公共预算拨款", cur, "（一）社会保障和就业支出", cur + (carry ?? 0)],
    ["二、上年结转", carry, null, null],
    ["（一）一般公共预算拨款", carry, null, null],
    ["收入总计", cur + (carry ?? 0), "支出总计", cur + (carry ?? 0)],
  ], "#,##0.00");
const T5 = (title: string, total: number) =>
  sheetFromRows("一般公共预算支出表", [
    [title],
    ["单位：万元"],
    ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
    [null, "合计", total, total, null],
    ["208", "社会保障和就业支出", total, total, null],
  ], "#,##0.00");

describe("cross-table relations", () => {
  test("every relation parses into known tables, and docs/audit-formulas.md lists each", () => {
    const doc = readFileSync(path.join(__dirname, "../../../docs/audit-formulas.md"), "utf8");
    for (const r of CROSS_RELATIONS) {
      const p = parseCrossRelation(r);
      expect(p.left.length + p.right.length).toBeGreaterThanOrEqual(2);
      expect(doc).toContain(r.text);
    }
  });

  test("T5 without 上年结转 compares with 本年 only; with 上年结转 with 本年 + 上年结转 (曾都)", () => {
    const withCarry = recognizeWorkbook({ sheets: [T4(61.42, 8.28), T5("一般公共预算支出表", 69.7)] });
    const ids = evaluateCrossRelations(withCarry).map((r) => `${r.relation.spec.id}:${r.holds}`);
    expect(ids).toContain("X.T4-T5.withCarry:true");
    expect(ids.some((x) => x.startsWith("X.T4-T5.current"))).toBe(false);
    const excl = recognizeWorkbook({ sheets: [T4(61.42, null), T5("2024年一般公共预算支出表（不含上年结转）", 70)] });
    const res = evaluateCrossRelations(excl).find((r) => r.relation.spec.id === "X.T4-T5.current");
    expect(res?.holds).toBe(false);
    expect(res?.leftSum).toBeCloseTo(61.42);
  });

  test("a relation whose table is missing is not evaluated", () => {
    const facts = recognizeWorkbook({ sheets: [T5("一般公共预算支出表", 10)] });
    expect(evaluateCrossRelations(facts)).toEqual([]);
  });
});
