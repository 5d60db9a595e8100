/**
 * Benchmark of recognition + checking: a synthetic workbook of the 14 standard tables
 * with 5k / 50k / 500k code rows (split between 支出总表 and 一般公共预算支出表, the
 * rest of the tables small), every figure consistent. Prints time and memory; target
 * under 1 s at 50k rows and linear growth. Run: npx tsx bench/check.bench.ts [rows…]
 * This one builds the model in memory and never reads a file: bench/read.bench.ts measures
 * read + check on real .xlsx files.
 */
import { runChecks } from "../src/core/checks/engine";
import { RULES } from "../src/core/checks/rules";
import type { Workbook } from "../src/core/model";
import { recognizeWorkbook } from "../src/core/recognize";
import { workbook } from "./synthetic";

function countRows(wb: Workbook): number {
  return wb.sheets.reduce((a, s) => a + s.rows.filter(Boolean).length, 0);
}

const sizes = process.argv.slice(2).map(Number).filter((x) => x > 0);
const runs = sizes.length ? sizes : [5000, 50000, 500000];
const ARITH = ["total-row", "hierarchy", "columns", "balance", "recognition"];
console.log("code rows\tsheet rows\trecognise ms\tarithmetic rules ms\tall rules ms\tarith findings (errors)\theap MB\tpeak RSS MB");
for (const n of runs) {
  const wb = workbook(n);
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) console.warn("run with --expose-gc (npm run bench does) for meaningful heap figures");
  gc?.();
  const before = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const facts = recognizeWorkbook(wb);
  const t1 = performance.now();
  const arith = runChecks(wb, {}, facts, RULES.filter((r) => ARITH.includes(r.id))).findings;
  const t2 = performance.now();
  const all = runChecks(wb, {}, facts).findings;
  const t3 = performance.now();
  gc?.(); // what the facts and findings keep, not garbage not yet collected
  const heap = (process.memoryUsage().heapUsed - before) / 1048576;
  void facts;
  const peak = process.resourceUsage().maxRSS / 1024;
  const errors = arith.filter((f) => f.severity === "error").length;
  console.log(`${n}\t${countRows(wb)}\t${(t1 - t0).toFixed(0)}\t${(t2 - t1).toFixed(0)}\t${(t3 - t2).toFixed(0)}\t${arith.length} (${errors})\t${heap.toFixed(0)}\t${peak.toFixed(0)}`);
  void all;
}
