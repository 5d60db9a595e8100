/**
 * Benchmark of the narrative analysis and the text rules (percent, narrative, names,
 * completeness) on one long paragraph of real-looking 情况说明 sentences, repeated to
 * 10 KB / 160 KB / 1 MB (and, with no sentence end at all, the worst case for clause
 * scanning). Target: a 1 MB paragraph checks in under a second, time growing linearly.
 * Run: npx tsx bench/narrative.bench.ts [kilobytes…]
 */
import { runChecks } from "../src/core/checks/engine";
import { RULES } from "../src/core/checks/rules";
import { sheetFromRows, type Workbook } from "../src/core/model";

const SENTENCES = [
  "2024年收支预算总数641.15万元，比2023年收支预算总数650.27万元减少9.12万元，下降1.40%。",
  "其中：基本支出560.62万元，占87.44%；项目支出80.53万元，占12.56%。",
  "社会保障和就业支出（类）人力资源和社会保障管理事务（款）事业运行（项）560.62万元，主要用于单位正常运转。",
  "“三公”经费预算数为1.00万元，与2024年预算持平，其中：公务接待费1.00万元。",
  "一般公共预算拨款支出预算37,151.47万元，比2024年预算增加24,491.71万元，增长193.46%；",
  "数量指标：完成率100%，满意度≥95%，社保卡补卡换卡年增3.5万张，",
];

function paragraph(bytes: number, withEnds: boolean): string {
  const parts: string[] = [];
  let n = 0;
  for (let i = 0; n < bytes; i++) {
    let s = SENTENCES[i % SENTENCES.length];
    if (!withEnds) s = s.replace(/[。；]/g, "，");
    parts.push(s);
    n += Buffer.byteLength(s);
  }
  return parts.join("");
}

function workbook(text: string): Workbook {
  return { sheets: [sheetFromRows("情况说明", [["一、收支预算总体情况"], [text]])] };
}

const TEXT_RULES = RULES.filter((r) => ["percent", "narrative", "names", "completeness"].includes(r.id));
const sizes = process.argv.slice(2).map(Number).filter((x) => x > 0);
runChecks(workbook(paragraph(4096, true)), {}, undefined, TEXT_RULES); // warm-up: JIT and the catalog's subject dictionary
console.log("wall time is what a user waits; CPU time is this process's own (the machine may be shared)");
for (const kb of sizes.length ? sizes : [10, 160, 1024]) {
  for (const withEnds of [true, false]) {
    const wb = workbook(paragraph(kb * 1024, withEnds));
    (global as { gc?: () => void }).gc?.();
    const t0 = process.hrtime.bigint();
    const c0 = process.cpuUsage();
    const { findings } = runChecks(wb, {}, undefined, TEXT_RULES);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const cpu = process.cpuUsage(c0);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    const heap = process.memoryUsage().heapUsed / 2 ** 20;
    console.log(`${String(kb).padStart(5)} KB ${withEnds ? "sentences  " : "one clause "}: wall ${ms.toFixed(0).padStart(7)} ms, CPU ${cpuMs.toFixed(0).padStart(7)} ms, ${findings.length} findings, heap ${heap.toFixed(0)} MB${kb >= 1024 && cpuMs > 1000 ? "  (over the 1 s target)" : ""}`);
  }
}
