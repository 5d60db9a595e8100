/**
 * Year over year with a real pair of years: last year's workbook of a seed is built from the
 * figures its own 2024 text gives for 2023 (test/draft/previous.ts). The checker, given that
 * workbook, agrees with every comparison the seed gets right and reports the ones it gets
 * wrong; the draft writer states the comparisons as the seed does where the seed is right.
 */
import path from "path";
import { applyToModel } from "../../src/core/changes";
import { runChecks } from "../../src/core/checks/engine";
import { planDraftInsertion, stripNarrative } from "../../src/core/draft";
import { readXlsxFile } from "../../src/hosts/xlsx/xlsxHost";
import { wuhan2023, zengdu2023 } from "./previous";

const seed = (f: string) => readXlsxFile(path.join(__dirname, "../fixtures/seeds", f));

function yoyErrors(findings: { ruleId: string; severity: string; message: string }[]): string[] {
  return findings.filter((f) => f.ruleId === "year-over-year" && f.severity === "error").map((f) => f.message);
}

describe("武汉 2024 against its 2023 (from its own text)", () => {
  test("the checker: the ten items, the total, “三公” and its items agree; growth from 0 is reported", async () => {
    const errs = yoyErrors(runChecks(await seed("wuhan-2024.xlsx"), { previous: wuhan2023() }).findings);
    // 2023: 其他社会保障和就业支出 0 (3.87 − 3.87) — "增长 100%" has no base; 因公出国 0 → 0 — "增长 0%" neither.
    expect(errs).toHaveLength(2);
    expect(errs[0]).toMatch(/上年为 0.*3\.87.*增长100%.*应写“新增”/);
    expect(errs[1]).toMatch(/上年为 0.*因公出国.*0%.*应写“持平”/);
  });

  test("every item's comparison is really compared: last year's figure off by 1.00 is reported at that item", async () => {
    const wb = await seed("wuhan-2024.xlsx");
    const base = wuhan2023();
    const t5 = base.sheets.find((s) => s.name === "一般公共预算支出表")!;
    const items = t5.rows.map((row, r) => ({ r, code: row?.[0]?.value })).filter((x) => typeof x.code === "string" && /^\d{7}$/.test(x.code as string));
    expect(items).toHaveLength(10);
    for (const it of items) {
      const prev = wuhan2023();
      const cell = prev.sheets.find((s) => s.name === "一般公共预算支出表")!.rows[it.r]![2]!;
      cell.value = (cell.value as number) + 1;
      const errs = yoyErrors(runChecks(wb, { previous: prev }).findings);
      expect({ code: it.code, reported: errs.some((m) => m.includes(`上年 ${(cell.value as number).toFixed(2)}`)) }).toEqual({ code: it.code, reported: true });
    }
  });

  test("without last year's workbook the rule compares nothing", async () => {
    expect(yoyErrors(runChecks(await seed("wuhan-2024.xlsx")).findings)).toEqual([]);
  });

  test("the draft states the seed's own comparisons where the seed is right, and 新增 where it wrote 增长 100%", async () => {
    const { text } = planDraftInsertion(stripNarrative(await seed("wuhan-2024.xlsx")), { year: 2024, previousWorkbook: wuhan2023() });
    // As the seed states them (第三部分 五 (三) 1–10, 七):
    for (const s of [
      "收支预算总数 1209.02 万元，比2023年收支预算总数 1236.74 万元减少 27.72 万元，下降 2.24%",
      "事业运行（项）2024年预算数为 571.56 万元，比2023年预算数 577.82 万元减少 6.26 万元，下降 1.08%",
      "减少 14.60 万元，下降 3.67%",
      "增加 1.91 万元，增长 21.46%",
      "减少 15.69 万元，下降 22.51%",
      "增加 0.46 万元，增长 1.06%",
      "增加 0.39 万元，增长 0.91%",
      "住房公积金（项）2024年预算数为 60.55 万元，与2023年预算数持平",
      "提租补贴（项）2024年预算数为 11.77 万元，与2023年预算数持平",
      "增加 2.20 万元，增长 9.44%",
      "“三公”经费预算 1.70 万元，比2023年预算 3.70 万元减少 2.00 万元，下降 54.05%",
      "减少 1.50 万元，下降 50.00%",
      "减少 0.50 万元，下降 71.43%",
    ])
      expect(text).toContain(s);
    // Where the seed is wrong: no rate from a base of 0.
    expect(text).toContain("其他社会保障和就业支出（项）2024年预算数为 3.87 万元，比2023年预算数新增 3.87 万元，主要原因是");
    expect(text).toContain("因公出国（境）费 0.00 万元，与2023年预算持平");
    expect(text).not.toMatch(/增长 100/);
  });

  test("round trip with last year: the drafted comparisons pass the checker given the same workbook", async () => {
    const prev = wuhan2023();
    const wb = stripNarrative(await seed("wuhan-2024.xlsx"));
    const ins = planDraftInsertion(wb, { year: 2024, previousWorkbook: prev });
    applyToModel(wb, ins.changes);
    const onDraft = runChecks(wb, { previous: prev }).findings.filter((f) => f.sheet === ins.sheetName && f.severity !== "info" && !/请填写/.test(f.message));
    expect(onDraft.map((f) => `${f.ruleId} ${f.cell} ${f.message}`)).toEqual([]);
    // and a comparison changed by hand is caught
    const sheet = wb.sheets.find((s) => s.name === ins.sheetName)!;
    const r = sheet.rows.findIndex((row) => /减少 6\.26 万元/.test(String(row?.[0]?.value ?? "")));
    sheet.rows[r]![0]!.value = String(sheet.rows[r]![0]!.value).replace("减少 6.26 万元，下降 1.08%", "减少 8.26 万元，下降 1.43%").replace("577.82", "579.82");
    expect(yoyErrors(runChecks(wb, { previous: prev }).findings).length).toBeGreaterThan(0);
  });
});

describe("曾都 2024 against its 2023 (from its own text)", () => {
  test("the checker: totals agree; 机关运行经费 33.11% is 3.02 ÷ 5.04 = 59.92%; growth from 0 in “三公” is reported", async () => {
    const errs = yoyErrors(runChecks(await seed("zengdu-2024.xlsx"), { previous: zengdu2023() }).findings);
    expect(errs.filter((m) => /机关运行经费/.test(m))).toEqual([expect.stringMatching(/3\.02 ÷ 上年 5\.04 = 59\.92%.*33\.11%/)]);
    const zero = errs.filter((m) => /上年为 0/.test(m));
    // “三公” 0.06 增长 100%, 公务接待费 增长 100% (应写新增); 出国、车辆运行、车辆购置 0 → 0 增长 0.00% (应写持平)
    expect(zero.filter((m) => /100%.*新增/.test(m))).toHaveLength(2);
    expect(zero.filter((m) => /0\.00%.*持平/.test(m))).toHaveLength(3);
    expect(errs).toHaveLength(6);
  });

  test("the draft: 81.70 vs 96.70 and 69.70 vs 66.70 as the seed states them; “三公” 新增", async () => {
    const { text } = planDraftInsertion(stripNarrative(await seed("zengdu-2024.xlsx")), { year: 2024, previousWorkbook: zengdu2023() });
    expect(text).toContain("收支预算总数 81.70 万元，比2023年收支预算总数 96.70 万元减少 15.00 万元，下降 15.51%");
    expect(text).toContain("一般公共预算支出 69.70 万元，比2023年预算 66.70 万元增加 3.00 万元，增长 4.50%");
    expect(text).toContain("“三公”经费预算 0.06 万元，比2023年预算新增 0.06 万元");
    // last year's 一般公共预算支出表 has no 项 rows: no item is called 新增 for want of them
    expect(text).not.toMatch(/（项）2024年预算数为 [\d.]+ 万元，比2023年/);
  });
});
