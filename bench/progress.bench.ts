/**
 * Benchmark of the checker's async run (runChecksAsync, what the task pane runs): on the five
 * seeds, the six field workbooks and synthetic workbooks of 5k / 50k code rows it prints
 * - the synchronous run (runChecks) and the async run with a free pause (the cost of the steps),
 * - the async run with the pane's pause (a setTimeout macrotask once 16 ms have passed),
 * - the longest step: the longest stretch without a pause, i.e. how long the pane can be
 *   frozen and how late a 取消 click is taken at worst, and which step it was,
 * - the number of progress reports.
 * Then the plans of the other confirm steps (insert 14 tables, fill the whole workbook, draft),
 * which run in one go before their single write.
 * Run: npx tsx bench/progress.bench.ts [rows…]
 */
import fs from "fs";
import path from "path";
import { runChecks, runChecksAsync } from "../src/core/checks/engine";
import { RULES } from "../src/core/checks/rules";
import type { Workbook } from "../src/core/model";
import type { ProgressReport } from "../src/core/workflows/progress";
import { readXlsxFile } from "../src/hosts/xlsx/xlsxHost";
import { builtinCatalog } from "../src/core/catalog";
import { planInsertion, renderTemplates } from "../src/core/templates";
import { STANDARD_TABLES } from "../src/core/specs/tables";
import { planInsert } from "../src/core/workflows/insert";
import { planFillTarget } from "../src/core/workflows/fill";
import { planDraft } from "../src/core/workflows/draft";
import { workbook } from "./synthetic";

const ROOT = path.join(__dirname, "..");
const SLICE_MS = 16;

function paneYield(): () => Promise<void> {
  let last = performance.now();
  return () => {
    if (performance.now() - last < SLICE_MS) return Promise.resolve();
    return new Promise<void>((r) => setTimeout(r, 0)).then(() => {
      last = performance.now();
    });
  };
}

async function measure(name: string, wb: Workbook): Promise<void> {
  const t0 = performance.now();
  const sync = runChecks(wb, { roundingFactor: 1 });
  const t1 = performance.now();
  await runChecksAsync(wb, { roundingFactor: 1 }, undefined, RULES, { yield: async () => undefined });
  const t2 = performance.now();
  let last = performance.now();
  let longest = 0;
  let longestAt = "";
  let prev: ProgressReport | null = null;
  let reports = 0;
  const pause = paneYield();
  const out = await runChecksAsync(wb, { roundingFactor: 1 }, undefined, RULES, {
    onProgress: (p) => {
      reports++;
      const now = performance.now();
      if (now - last > longest) {
        longest = now - last;
        longestAt = prev ? `${prev.stage} ${prev.item ?? "(end)"}` : "start";
      }
      prev = p;
    },
    yield: async () => {
      await pause();
      last = performance.now();
    },
  });
  const t3 = performance.now();
  // the step after the last report (sorting, tail merging)
  if (performance.now() - last > longest) {
    longest = performance.now() - last;
    longestAt = "sort";
  }
  if (out.findings.length !== sync.findings.length) throw new Error(`${name}: async run found ${out.findings.length}, sync ${sync.findings.length}`);
  console.log(`${name}\t${(t1 - t0).toFixed(0)}\t${(t2 - t1).toFixed(0)}\t${(t3 - t2).toFixed(0)}\t${longest.toFixed(0)} (${longestAt})\t${reports}\t${sync.findings.length}`);
}

function time<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const r = fn();
  return [r, performance.now() - t0];
}

async function main(): Promise<void> {
  const sizes = process.argv.slice(2).map(Number).filter((x) => x > 0);
  const files = [
    ...fs.readdirSync(path.join(ROOT, "test", "fixtures", "seeds")).filter((f) => f.endsWith(".xlsx")).map((f) => path.join(ROOT, "test", "fixtures", "seeds", f)),
    ...fs.readdirSync(path.join(ROOT, "test", "fixtures", "field")).filter((f) => f.endsWith(".office.xlsx")).map((f) => path.join(ROOT, "test", "fixtures", "field", f)),
  ].sort();
  const books: [string, Workbook][] = [];
  for (const f of files) books.push([path.basename(f), await readXlsxFile(f)]);
  for (const n of sizes.length ? sizes : [5000, 50000]) books.push([`synthetic ${n} rows`, workbook(n)]);
  console.log("workbook\tsync ms\tasync (free pause) ms\tasync (pane pause) ms\tlongest step ms (which)\treports\tfindings");
  for (const [name, wb] of books) await measure(name, wb);

  console.log("\nconfirm-step plans (one go, then one write)\tms");
  const catalog = builtinCatalog();
  const all = STANDARD_TABLES.map((t) => t.id);
  const [, insertMs] = time(() => planInsert(books[0][1], { year: 2025, unitName: "某某单位", scope: "单位", amountUnit: "万元", tables: all, formulas: true }, { renderTemplates, planInsertion }));
  console.log(`insert: 14 tables into ${books[0][0]}\t${insertMs.toFixed(0)}`);
  for (const [name, wb] of books) {
    const [, fillMs] = time(() => planFillTarget(wb, catalog, { scope: "all" }, { year: 2025, fixNames: true, addParents: true, indent: true }));
    const [, draftMs] = time(() => planDraft(wb));
    console.log(`fill all sheets / draft: ${name}\t${fillMs.toFixed(0)} / ${draftMs.toFixed(0)}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
