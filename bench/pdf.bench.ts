/**
 * Benchmark of PDF reading: the six field PDFs (../shared/field, 21–26 pages each), timed in
 * two parts — pdfjs extracting the text layer, and our reconstruction (lines, tables,
 * paragraphs into the workbook model) — then the checker on the result. Also a document
 * of 40+ pages: the pages of two field documents read as one. Prints pages per second.
 * Run: npx tsx bench/pdf.bench.ts
 */
import { readFileSync, readdirSync } from "fs";
import { join } from "path";
import { runChecks } from "../src/core/checks/engine";
import { pagesToWorkbook } from "../src/hosts/pdf";
import { readPages, type PageText } from "../src/hosts/pdf/pdfjs";

const FIELD = join(__dirname, "../../shared/field");

async function main(): Promise<void> {
  const files = readdirSync(FIELD).filter((f) => f.endsWith(".pdf")).sort();
  const all: PageText[][] = [];
  let pages = 0;
  let tExtract = 0;
  let tBuild = 0;
  let tCheck = 0;
  // Warm-up (module load, font tables).
  await readPages(new Uint8Array(readFileSync(join(FIELD, files[0]))));
  for (const f of files) {
    const data = new Uint8Array(readFileSync(join(FIELD, f)));
    const t0 = performance.now();
    const pt = await readPages(data);
    const t1 = performance.now();
    const read = pagesToWorkbook(pt, { file: f });
    const t2 = performance.now();
    const { findings } = runChecks(read.workbook);
    const t3 = performance.now();
    all.push(pt);
    pages += pt.length;
    tExtract += t1 - t0;
    tBuild += t2 - t1;
    tCheck += t3 - t2;
    console.log(`${f.padEnd(46)} ${String(pt.length).padStart(3)} pages  text layer ${(t1 - t0).toFixed(0).padStart(5)} ms  rebuild ${(t2 - t1).toFixed(0).padStart(4)} ms  check ${(t3 - t2).toFixed(0).padStart(4)} ms  ${read.tables.length} tables  ${read.paragraphs.length} paragraphs  ${findings.length} findings`);
  }
  const total = tExtract + tBuild;
  console.log(`\n${pages} pages: ${((pages / total) * 1000).toFixed(1)} pages/s read (text layer ${((pages / tExtract) * 1000).toFixed(1)} pages/s, rebuild ${((pages / tBuild) * 1000).toFixed(0)} pages/s); checking ${(tCheck / files.length).toFixed(0)} ms per document`);

  // 40+ pages: two documents back to back.
  const joined: PageText[] = [...all[0], ...all[1]].map((p, i) => ({ ...p, page: i + 1 }));
  const t0 = performance.now();
  const read = pagesToWorkbook(joined);
  runChecks(read.workbook);
  const t1 = performance.now();
  const perPage = tExtract / pages;
  console.log(`${joined.length}-page document: rebuild + check ${(t1 - t0).toFixed(0)} ms; with the text layer at the measured rate ≈ ${((t1 - t0 + perPage * joined.length) / 1000).toFixed(1)} s in all`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
