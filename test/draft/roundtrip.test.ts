/**
 * Round trip: the checker run on a workbook with its drafted 情况说明 finds nothing wrong in
 * the text — for the seed workbooks (their own narrative removed first) and a hand-built
 * workbook in 元 with split codes. Every figure of the draft is traced to a cell that holds it;
 * shares add up to 100%; a figure changed by hand in the drafted sheet is caught.
 */
import path from "path";
import { applyToModel } from "../../src/core/changes";
import { runChecks } from "../../src/core/checks/engine";
import { planDraftInsertion, stripNarrative, type Draft, type DraftFigure } from "../../src/core/draft";
import { getCell, getSheet, type Workbook } from "../../src/core/model";
import { parseA1 } from "../../src/core/a1";
import { readXlsxFile } from "../../src/hosts/xlsx/xlsxHost";
import { justice2026 } from "./fixtures";

const SEEDS: { file: string; year: number }[] = [
  { file: "dazhou-2024.xlsx", year: 2024 },
  { file: "zengdu-2024.xlsx", year: 2024 },
  { file: "wuhan-2024.xlsx", year: 2024 },
  { file: "xinzhou-2023.xlsx", year: 2023 },
];

const seed = (f: string) => readXlsxFile(path.join(__dirname, "../fixtures/seeds", f));

function figures(d: Draft): DraftFigure[] {
  return d.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.runs.flatMap((r) => (typeof r !== "string" && "figure" in r ? [r.figure] : []))));
}

function cellNumber(wb: Workbook, sheet: string, a1: string): number {
  const s = getSheet(wb, sheet)!;
  const { r, c } = parseA1(a1);
  const v = getCell(s, r, c)?.value;
  return typeof v === "number" ? v : Number(String(v).replace(/,/g, ""));
}

/** Findings of error or warning level located in the drafted sheet, placeholders aside. */
function textFindings(wb: Workbook, sheet: string) {
  return runChecks(wb)
    .findings.filter((f) => f.sheet === sheet && f.severity !== "info" && !(f.ruleId === "year-over-year" && /请填写/.test(f.message)))
    .map((f) => `${f.severity} ${f.ruleId} ${f.cell} ${f.message}`);
}

async function drafted(wb: Workbook, year: number) {
  const plain = stripNarrative(wb);
  const ins = planDraftInsertion(plain, { year });
  applyToModel(plain, ins.changes);
  return { wb: plain, ins };
}

const CASES: { name: string; load: () => Promise<Workbook>; year: number }[] = [
  ...SEEDS.map((s) => ({ name: s.file, load: () => seed(s.file), year: s.year })),
  { name: "hand-built 普陀区司法局 2026（元，类/款/项分列）", load: async () => justice2026("元"), year: 2026 },
  { name: "hand-built 普陀区司法局 2026（元，编码一列）", load: async () => justice2026("元", "joined"), year: 2026 },
  // The field set as printed and as an office lays it out (元 tables, 9-table sets, split or joined codes).
  ...["2025-putuo-district-office-department", "2025-putuo-commerce-unit", "2026-putuo-justice-department", "2026-putuo-justice-unit"].flatMap((name) =>
    ["printed", "office"].map((layout) => ({
      name: `field ${name} (${layout})`,
      load: () => readXlsxFile(path.join(__dirname, "../fixtures/field", `${name}.${layout}.xlsx`)),
      year: Number(name.slice(0, 4)),
    })),
  ),
];

describe.each(CASES)("draft round trip: $name", ({ load, year }) => {
  test("the checker finds no error or warning in the drafted text", async () => {
    const { wb, ins } = await drafted(await load(), year);
    expect(ins.draft.sections.length).toBeGreaterThanOrEqual(6);
    expect(textFindings(wb, ins.sheetName)).toEqual([]);
  });

  test("every amount is the cell it names (万元 as printed, 元 converted to 万元 at 2 decimals)", async () => {
    const src = stripNarrative(await load());
    const { draft } = planDraftInsertion(src, { year });
    const single = figures(draft).filter((f) => f.kind === "amount" && f.sources.length === 1);
    expect(single.length).toBeGreaterThan(10);
    for (const f of single) {
      const s = f.sources[0];
      const raw = cellNumber(src, s.sheet, s.cell);
      const unit = /单位：元/.test(JSON.stringify(getSheet(src, s.sheet)!.rows.slice(0, 3))) ? "元" : "万元";
      const expected = unit === "元" ? Math.round(raw / 100) / 100 : raw;
      expect({ at: `${s.sheet}!${s.cell}`, value: f.value }).toEqual({ at: `${s.sheet}!${s.cell}`, value: Number(expected.toFixed(2)) });
    }
  });

  test("shares of one whole add up to 100% when the parts add up to the whole", async () => {
    const { draft } = planDraftInsertion(stripNarrative(await load()), { year });
    const groups = new Map<number, DraftFigure[]>();
    for (const f of figures(draft)) if (f.kind === "percent" && f.shareGroup && /最大余数法/.test(f.how ?? "")) groups.set(f.shareGroup, [...(groups.get(f.shareGroup) ?? []), f]);
    expect(groups.size).toBeGreaterThan(0);
    for (const g of groups.values()) expect(Math.round(g.reduce((s, f) => s + f.value, 0) * 100)).toBe(10000);
  });

  test("a figure changed by hand in the drafted sheet is caught", async () => {
    const { wb, ins } = await drafted(await load(), year);
    const sheet = getSheet(wb, ins.sheetName)!;
    const r = sheet.rows.findIndex((row) => typeof row?.[0]?.value === "string" && /^1\. .*预算数为 [\d.]+ 万元/.test(row[0].value as string));
    expect(r).toBeGreaterThan(0);
    const text = sheet.rows[r]![0]!.value as string;
    sheet.rows[r]![0]!.value = text.replace(/预算数为 ([\d.]+) 万元/, (_m, x) => `预算数为 ${(Number(x) + 1).toFixed(2)} 万元`);
    expect(textFindings(wb, ins.sheetName).some((f) => f.startsWith("error narrative"))).toBe(true);
  });

  test("a share or a 经济分类 amount changed by hand is caught too", async () => {
    for (const [re, bump, rule] of [
      [/占 (\d+\.\d\d)%/, (x: number) => `占 ${(x + 1).toFixed(2)}%`, "percent"],
      [/主要包括：(\S+?) (\d+\.\d\d) 万元/, (x: number) => `${(x + 1).toFixed(2)}`, "narrative"],
    ] as const) {
      const { wb, ins } = await drafted(await load(), year);
      const sheet = getSheet(wb, ins.sheetName)!;
      const cell = sheet.rows.map((row) => row?.[0]).find((c) => typeof c?.value === "string" && re.test(c.value as string))!;
      const text = cell.value as string;
      cell.value = rule === "percent" ? text.replace(re, (_m, x) => bump(Number(x))) : text.replace(re, (m, _n, x) => m.replace(x, bump(Number(x))));
      expect(cell.value).not.toBe(text);
      expect(textFindings(wb, ins.sheetName).some((f) => f.startsWith(`error ${rule}`))).toBe(true);
    }
  });
});

test("a workbook without tables (海口: only text) gets no invented figures: every section is left out and says why", async () => {
  const { draft } = planDraftInsertion(stripNarrative(await seed("haikou-2024.xlsx")));
  expect(draft.sections).toEqual([]);
  expect(draft.omitted.map((o) => o.id)).toEqual(expect.arrayContaining(["overall", "income", "expense", "fiscal", "gpb", "basic", "sanGong"]));
  expect(draft.omitted.every((o) => /没有/.test(o.reason))).toBe(true);
});

test("the insertion never takes an existing sheet name and undoes to the workbook as it was", async () => {
  const wb = await seed("dazhou-2024.xlsx");
  expect(wb.sheets.some((s) => s.name === "情况说明")).toBe(true);
  const names = wb.sheets.map((s) => s.name);
  const ins = planDraftInsertion(wb);
  expect(ins.sheetName).not.toBe("情况说明");
  expect(names).not.toContain(ins.sheetName);
  applyToModel(wb, ins.changes);
  expect(wb.sheets.map((s) => s.name)).toEqual([...names, ins.sheetName]);
  const cells = getSheet(wb, ins.sheetName)!.rows.flatMap((row) => (row ?? []).filter(Boolean));
  expect(cells.every((c) => typeof c!.value === "string" && !c!.formula)).toBe(true);
  applyToModel(wb, ins.undo);
  expect(wb.sheets.map((s) => s.name)).toEqual(names);
});

test("tables in 元: the text states 万元 with 2 decimals and says so; a workbook without 收支总表 leaves those sections out and says why", async () => {
  const wb = justice2026("元");
  const { draft, text } = planDraftInsertion(wb);
  expect(draft.year).toBe(2026);
  expect(text).toContain("上海市普陀区司法局2026年收支预算总数 9628.22 万元");
  expect(text.trim().split("\n").pop()).toMatch(/^注：表中金额单位为元，本说明中的金额换算为万元，保留两位小数/);
  // “三公” printed in 万元 in the published table, the rest in 元: each table's own unit is used
  expect(planDraftInsertion(justice2026("万元")).text).toContain("“三公”经费预算 10.81 万元");
  const partial = { sheets: wb.sheets.filter((s) => s.name !== "收支总表") };
  const p = planDraftInsertion(partial, { year: 2026 });
  expect(p.draft.omitted.map((o) => o.id)).toEqual(expect.arrayContaining(["overall", "income"]));
  expect(p.draft.sections.map((s) => s.id)).toEqual(expect.arrayContaining(["expense", "fiscal", "gpb", "basic", "sanGong"]));
  applyToModel(partial, p.changes);
  expect(textFindings(partial, p.sheetName)).toEqual([]);
});

test("the same content in two layouts (类/款/项 split or one code column) gives the same draft", () => {
  const a = planDraftInsertion(justice2026("元", "split")).text;
  const b = planDraftInsertion(justice2026("元", "joined")).text;
  expect(a).toContain("1. 公共安全支出（类）司法（款）行政运行（项）2026年预算数为 1672.67 万元");
  expect(b).toBe(a);
});
