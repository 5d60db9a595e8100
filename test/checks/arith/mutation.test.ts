/**
 * Mutation test: change one amount cell of a consistent workbook by more than any
 * rounding tolerance and the checker must report an error at that cell or naming it.
 */
import path from "path";
import { checkWorkbook as checkAll } from "../../../src/core/checks/engine";
import { RULES } from "../../../src/core/checks/rules";
import { cloneSheet, setValue, type Workbook } from "../../../src/core/model";
import { recognizeWorkbook } from "../../../src/core/recognize";
import { toA1 } from "../../../src/core/a1";
import { readXlsxFile } from "../../../src/hosts/xlsx/xlsxHost";

const MINE = ["total-row", "hierarchy", "columns", "balance", "recognition"];
const OFF = Object.fromEntries(RULES.filter((r) => !MINE.includes(r.id)).map((r) => [r.id, "off" as const]));
const checkWorkbook = (wb: Workbook) => checkAll(wb, { rules: OFF });

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function mutationRate(file: string, n: number, seed: number): Promise<{ caught: number; total: number; missed: string[] }> {
  const wb = await readXlsxFile(path.join(__dirname, "..", "..", "fixtures", "seeds", file));
  expect(checkWorkbook(wb).filter((f) => f.severity === "error")).toEqual([]);
  const facts = recognizeWorkbook(wb);
  const cells: { sheet: string; r: number; c: number; v: number }[] = [];
  for (const t of facts.tables) {
    if (t.spec.layout === "form") continue;
    for (const row of t.rows) for (const a of Object.values(row.amounts)) if (a.value !== null) cells.push({ sheet: t.sheet, r: a.r, c: a.c, v: a.value });
  }
  const rand = rng(seed);
  let caught = 0;
  const missed: string[] = [];
  for (let i = 0; i < n; i++) {
    const target = cells[Math.floor(rand() * cells.length)];
    const delta = (1 + Math.round(rand() * 49900) / 100) * (rand() < 0.5 ? -1 : 1);
    const copy: Workbook = { sheets: wb.sheets.map((s) => (s.name === target.sheet ? cloneSheet(s) : s)) };
    setValue(copy.sheets.find((s) => s.name === target.sheet)!, target.r, target.c, Math.round((target.v + delta) * 100) / 100);
    const addr = toA1(target.r, target.c);
    const hit = checkWorkbook(copy).some((f) => f.severity === "error" && f.sheet === target.sheet && (f.cell === addr || (f.related ?? []).includes(addr)));
    if (hit) caught++;
    else missed.push(`${target.sheet}!${addr}`);
  }
  return { caught, total: n, missed };
}

describe("mutation: single changed amounts are caught as errors", () => {
  test("武汉 (text amounts, two-sided tables, lists)", async () => {
    const { caught, total, missed } = await mutationRate("wuhan-2024.xlsx", 400, 20240501);
    if (caught / total < 0.99) throw new Error(`caught ${caught}/${total}; missed ${missed.join(" ")}`);
    expect(caught / total).toBeGreaterThanOrEqual(0.99);
  });
  test("忻州 (names without codes, empty tables)", async () => {
    const { caught, total } = await mutationRate("xinzhou-2023.xlsx", 300, 7);
    expect(caught / total).toBeGreaterThanOrEqual(0.99);
  });
});
