/**
 * The layout-invariance property: every fixture, re-laid out the way real offices lay
 * out the same content (test/helpers/relayout.ts), gives the same non-info findings as
 * its base layout — same rule, severity, table, row (by code or label), column role,
 * stated and expected figures — and a clean fixture stays at zero errors in every layout.
 *
 * Size: FIXTURES × (LAYOUTS + RANDOM_COMBINATIONS) checks, listed in the test names.
 */
import fc from "fast-check";
import type { Workbook } from "../../src/core/model";
import { compose, inLayoutOrder, LAYOUTS, type Doc, type Layout } from "../helpers/relayout";
import { FIXTURES, type Fixture } from "./fixtures";
import { baseDoc, compare, outcome, relaid, roundingScale, type Outcome } from "./invariance";

/** Random combinations of two or three transformations (fixed seed: the same ones every run). */
const RANDOM_COMBINATIONS = 10;

function randomCombinations(seed: number): Layout[] {
  const singles = LAYOUTS.filter((l) => l.family !== "combined");
  return fc
    .sample(fc.shuffledSubarray(singles, { minLength: 2, maxLength: 3 }), { seed, numRuns: RANDOM_COMBINATIONS })
    .map(inLayoutOrder)
    .map((ls) => ({ family: "random", name: ls.map((l) => l.name).join(" + "), transform: compose(...ls.map((l) => l.transform)) }));
}

describe.each(FIXTURES.map((f, i) => [f.name, f, i] as [string, Fixture, number]))("layout invariance: %s", (_name, fixture, i) => {
  let wb: Workbook;
  let base: Outcome;
  let doc: Doc;
  beforeAll(async () => {
    wb = await fixture.load();
    base = outcome(wb, 1, fixture.options);
    doc = baseDoc(wb);
  });

  if (fixture.clean) {
    test("the base layout has no error", () => {
      expect(base.keys.filter((k) => k.includes(" · error · "))).toEqual([]);
    });
  }

  const layouts = [...LAYOUTS, ...randomCombinations(20240501 + i)];
  test.each(layouts.map((l) => [`${l.family}: ${l.name}`, l] as [string, Layout]))("%s", (_n, layout) => {
    const o = relaid(doc, layout, fixture.options);
    expect(compare(base, o, o.amountFactor)).toEqual({ missed: [], extra: [] });
    // (In 元 layouts a 尾差 of the 万元 figures scaled up is left out on both sides: see roundingScale.)
    if (fixture.clean) expect(o.keys.filter((k) => k.includes(" · error · ") && (o.amountFactor === 1 || !roundingScale(k)))).toEqual([]);
  });
});

describe("the suite can fail", () => {
  test("a changed figure in a re-laid-out copy is a difference", async () => {
    const wb = await FIXTURES.find((f) => f.name === "hand-built consistent set")!.load();
    const base = outcome(wb);
    const layout = LAYOUTS.find((l) => l.name === "split 类 on own row")!;
    const d = layout.transform(baseDoc(wb));
    const t3 = d.wb.sheets.find((s) => s.name === "支出总表")!;
    // 2080101 行政运行 500 → 510: its 款 and the 合计 no longer add up.
    const row = t3.rows.find((r) => r?.some((c) => c?.value === "行政运行"))!;
    const cell = row.find((c) => c?.value === 500)!;
    cell.value = 510;
    const diff = compare(base, outcome(d.wb));
    expect(diff.missed).toEqual([]);
    expect(diff.extra.some((k) => k.startsWith("hierarchy · error · T3 · T3||20801|total"))).toBe(true);
  });
});
