/**
 * The seeds' 情况说明 laid out as real offices do: one paragraph per row (the fixtures), the whole
 * text in one cell (lines separated by line breaks), or split over two sheets. The text rules find
 * the same things, with the same recomputations, in every layout.
 */
import path from "path";
import { runChecks } from "../../../src/core/checks/engine";
import type { Finding } from "../../../src/core/checks/types";
import type { Sheet, Workbook } from "../../../src/core/model";
import { readXlsxFile } from "../../../src/hosts/xlsx/xlsxHost";

const SEEDS = ["haikou-2024", "dazhou-2024", "zengdu-2024", "xinzhou-2023", "wuhan-2024"];
const TEXT = ["percent", "narrative"];

const textLines = (s: Sheet) => s.rows.map((r) => (r ?? []).map((c) => (typeof c?.value === "string" ? c.value : "")).join("")).filter((t) => t.trim() !== "");
const sheetOf = (name: string, rows: string[]): Sheet => ({ name, rows: rows.map((t) => [{ value: t }]) }) as Sheet;
const key = (f: Finding) => `${f.ruleId} ${f.severity} ${f.message}`;
const found = (wb: Workbook) =>
  runChecks(wb, {})
    .findings.filter((f) => TEXT.includes(f.ruleId) && f.severity !== "info" && f.sheet.startsWith("情况说明"))
    .map(key)
    .sort();

describe("the narrative in other layouts", () => {
  for (const seed of SEEDS) {
    test(seed, async () => {
      const wb = await readXlsxFile(path.join(__dirname, "../../fixtures/seeds", `${seed}.xlsx`));
      const i = wb.sheets.findIndex((s) => s.name === "情况说明");
      expect(i).toBeGreaterThanOrEqual(0);
      const lines = textLines(wb.sheets[i]);
      const base = found(wb);
      const replace = (...sheets: Sheet[]): Workbook => ({ ...wb, sheets: [...wb.sheets.slice(0, i), ...sheets, ...wb.sheets.slice(i + 1)] });
      // The whole text in one cell.
      expect(found(replace(sheetOf("情况说明", [lines.join("\n")])))).toEqual(base);
      // Two sheets, split where a level-1 heading starts (a sentence is never cut).
      const cut = lines.findIndex((l, k) => k > lines.length / 2 && /^[一二三四五六七八九十]+、/.test(l.trim()));
      expect(cut).toBeGreaterThan(0);
      expect(found(replace(sheetOf("情况说明", lines.slice(0, cut)), sheetOf("情况说明（续）", lines.slice(cut))))).toEqual(base);
    });
  }
});
