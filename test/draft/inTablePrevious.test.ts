/**
 * Last year's figures printed in the tables themselves (issue #13): the 武汉 2024 seed's
 * 一般公共预算支出表 given the columns "2023年预算数 | 增减额 | 增减%" some disclosures print, with
 * last year's figures of test/draft/previous.ts (from the seed's own text) and the change worked
 * out from them. Without any previous workbook: recognition reads the columns as facts, the
 * year-columns rule agrees with them and catches a change altered by hand, the year-over-year
 * rule checks the text's 比上年 comparisons against them, and the draft writer states them.
 */
import path from "path";
import { runChecks } from "../../src/core/checks/engine";
import { planDraftInsertion, stripNarrative } from "../../src/core/draft";
import { type Workbook } from "../../src/core/model";
import { recognizeWorkbook } from "../../src/core/recognize";
import { yearKey } from "../../src/core/recognize/yearColumns";
import { readXlsxFile } from "../../src/hosts/xlsx/xlsxHost";
import { wuhan2023 } from "./previous";

const seed = () => readXlsxFile(path.join(__dirname, "../fixtures/seeds", "wuhan-2024.xlsx"));

/** 2023 figures by code, read from last year's 一般公共预算支出表 (previous.ts). */
function lastYearByCode(): Map<string, number> {
  const t5 = recognizeWorkbook(wuhan2023()).tables.find((t) => t.spec.id === "T5")!;
  const out = new Map<string, number>();
  for (const r of t5.rows) if (r.code && r.amounts.total?.value != null) out.set(r.code, r.amounts.total.value);
  return out;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** The seed with "2023年预算数 | 增减额 | 增减%" appended to its 一般公共预算支出表, on every 项 row. */
async function withLastYearColumns(alter?: { code: string; change: number }, priorHeader = "2023年预算数"): Promise<{ wb: Workbook; sheet: string; cols: number[]; rows: Map<string, number> }> {
  const wb = await seed();
  const t5 = recognizeWorkbook(wb).tables.find((t) => t.spec.id === "T5")!;
  const sheet = wb.sheets.find((s) => s.name === t5.sheet)!;
  const last = Math.max(...t5.columns.map((c) => c.c), ...t5.rows.flatMap((r) => Object.values(r.amounts).map((a) => a.c)));
  const cols = [last + 1, last + 2, last + 3];
  const header = t5.headerRows.r1;
  [priorHeader, "增减额", "增减%"].forEach((h, i) => {
    const row = (sheet.rows[header] ??= []);
    row[cols[i]] = { value: h };
  });
  const prior = lastYearByCode();
  const rows = new Map<string, number>();
  for (const r of t5.rows) {
    if (!r.code || r.code.length !== 7) continue;
    const cur = r.amounts.total?.value;
    const p = prior.get(r.code);
    if (cur == null || p === undefined) continue;
    const change = alter?.code === r.code ? alter.change : round2(cur - p);
    const row = (sheet.rows[r.r] ??= []);
    row[cols[0]] = { value: p, numFmt: "#,##0.00" };
    row[cols[1]] = { value: change, numFmt: "#,##0.00" };
    row[cols[2]] = p === 0 ? { value: null } : { value: round2(((cur - p) / p) * 100), numFmt: "0.00" };
    rows.set(r.code, r.r);
  }
  return { wb, sheet: sheet.name, cols, rows };
}

describe("武汉 2024 with last year's columns in its 一般公共预算支出表", () => {
  test("recognition: the three columns, each paired with 合计, and every 项 row's figures as facts", async () => {
    const { wb, cols, rows } = await withLastYearColumns();
    const t5 = recognizeWorkbook(wb).tables.find((t) => t.spec.id === "T5")!;
    expect(t5.yearColumns?.map((y) => [y.c, y.role, y.current, y.year])).toEqual([
      [cols[0], "prior", "total", 2023],
      [cols[1], "change", "total", undefined],
      [cols[2], "change-pct", "total", undefined],
    ]);
    // The spec's own columns are unchanged, and no column is reported as unmapped.
    expect(t5.columns.map((c) => c.c)).not.toEqual(expect.arrayContaining(cols));
    expect(t5.issues.filter((i) => i.kind === "unmapped-column")).toEqual([]);
    const prior = lastYearByCode();
    expect(rows.size).toBe(10);
    for (const [code, r] of rows) {
      const row = t5.rows.find((x) => x.r === r)!;
      expect({ code, prior: row.yearAmounts?.[yearKey("prior", "total")]?.value }).toEqual({ code, prior: prior.get(code) });
    }
  });

  test("year-columns: the worked-out columns agree; a change altered by hand is an error at its cell", async () => {
    const ok = await withLastYearColumns();
    const findings = runChecks(ok.wb).findings.filter((f) => f.ruleId === "year-columns" && f.severity !== "info");
    expect(findings).toEqual([]);
    const bad = await withLastYearColumns({ code: "2080150", change: -8.26 });
    const errs = runChecks(bad.wb).findings.filter((f) => f.ruleId === "year-columns" && f.severity === "error");
    expect(errs.map((f) => [f.messageId, f.cell, f.expected])).toEqual([["wrongChange", `${String.fromCharCode(65 + bad.cols[1])}${bad.rows.get("2080150")! + 1}`, -6.26]]);
  });

  test("year-over-year without a previous workbook: the text's comparisons of the 项 against the columns — only growth from 0 is wrong", async () => {
    const { wb } = await withLastYearColumns();
    const errs = runChecks(wb).findings.filter((f) => f.ruleId === "year-over-year" && f.severity === "error").map((f) => f.message);
    // The same verdict last year's workbook gives for these items (yoy.test.ts): 3.87 "增长 100%" from 0.
    expect(errs).toEqual([expect.stringMatching(/上年为 0.*3\.87.*增长100%.*应写“新增”/)]);
    // and the seed without the columns compares nothing
    expect(runChecks(await seed()).findings.filter((f) => f.ruleId === "year-over-year" && f.severity === "error")).toEqual([]);
  });

  test("the draft, no previous workbook: the 项 compared with the columns as the seed states them", async () => {
    const { wb } = await withLastYearColumns();
    const { text } = planDraftInsertion(stripNarrative(wb), { year: 2024 });
    for (const s of [
      "事业运行（项）2024年预算数为 571.56 万元，比2023年预算数 577.82 万元减少 6.26 万元，下降 1.08%",
      "减少 14.60 万元，下降 3.67%",
      "增加 1.91 万元，增长 21.46%",
      "减少 15.69 万元，下降 22.51%",
      "住房公积金（项）2024年预算数为 60.55 万元，与2023年预算数持平",
      "增加 2.20 万元，增长 9.44%",
      "其他社会保障和就业支出（项）2024年预算数为 3.87 万元，比2023年预算数新增 3.87 万元",
    ])
      expect(text).toContain(s);
    expect(text).not.toMatch(/增长 100/);
    // Without the columns, no comparison is drafted.
    expect(planDraftInsertion(stripNarrative(await seed()), { year: 2024 }).text).not.toMatch(/比2023年预算数/);
  });

  test("a column of last year's outturns (2023年执行数) is stated as such: 比2023年预算执行数", async () => {
    const { wb } = await withLastYearColumns(undefined, "2023年执行数");
    const { text } = planDraftInsertion(stripNarrative(wb), { year: 2024 });
    expect(text).toContain("事业运行（项）2024年预算数为 571.56 万元，比2023年预算执行数 577.82 万元减少 6.26 万元，下降 1.08%");
    expect(text).not.toMatch(/比2023年预算数/);
  });
});
