/**
 * Read + check benchmark on real .xlsx files of realistic shape: the 14 standard tables as the
 * templates render them (headers, merges, styles, live formulas with cached results), with the
 * 部门支出总表 (joined codes) and the 一般公共预算支出表 (codes split over 类/款/项 columns)
 * holding 5k / 50k / 200k code rows of real 功能分类 codes from the catalog (the whole tree,
 * repeated as for many units, every figure consistent within each repetition).
 *
 * Each measurement runs in its own node process (peak RSS is per process), after global.gc():
 *   bare     unzip every part (jszip) and parse its XML (saxes), nothing kept: the usual libraries' floor
 *   bare-native  the same with the reader's own means (Node's inflate, its tokenizer, no handler
 *            work): the floor of this reader; reader ÷ bare-native is the cost of building the model
 *   exceljs  the former read (exceljs builds its workbook, then the model is copied out) + check
 *   reader   src/hosts/xlsx/read.ts (parts straight into the model) + check
 *
 * Run: npm run bench -- read   or   npx tsx --expose-gc bench/read.bench.ts [rows…]
 * Files are generated once into $TMPDIR/budget-tables-bench/.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const CACHE = path.join(os.tmpdir(), "budget-tables-bench");

// ---------------------------------------------------------------------------------------
// generation (in a child process, so its memory does not count)

async function generate(rows: number, file: string): Promise<void> {
  const { builtinCatalog } = await import("../src/core/catalog/builtin");
  const { renderTemplateSet } = await import("../src/core/templates");
  const { computeFormulaResults } = await import("../src/core/templates/evaluate");
  const { newSheet, setCell } = await import("../src/core/model");
  const { writeXlsxFile } = await import("../src/hosts/xlsx/xlsxHost");
  type Sheet = import("../src/core/model").Sheet;
  const entries = builtinCatalog().entries("function", 2025);
  const parentOf = new Map(entries.map((e) => [e.code, e.parent]));
  let seed = rows;
  const rand = () => ((seed = (seed * 48271) % 2147483647) % 100000000) / 100;
  const FMT = "#,##0.00";
  const thin = { border: true } as const;

  /** One consistent pass over the catalog tree: leaves random, parents their sums. */
  function tree(cols: number, limit: number): { code: string; name: string; v: number[] }[] {
    const out: { code: string; name: string; v: number[] }[] = [];
    const byCode = new Map<string, { code: string; name: string; v: number[] }>();
    // the catalog lists each parent before its children: any prefix is a consistent tree
    const part = entries.slice(0, limit);
    for (const e of part) {
      const row = { code: e.code, name: e.name, v: new Array(cols).fill(0) };
      byCode.set(e.code, row);
      out.push(row);
    }
    const hasChild = new Set(part.map((e) => e.parent).filter(Boolean) as string[]);
    for (const e of part) {
      if (hasChild.has(e.code)) continue;
      const row = byCode.get(e.code)!;
      // 合计 = 基本 + 项目, 基本 = 人员 + 公用 (five columns) or 合计 = 基本 + 项目 (three)
      const personnel = Math.round(rand() * 100);
      const pub = Math.round(rand() * 10);
      const project = Math.round(rand() * 100);
      const v = cols === 5 ? [personnel + pub + project, personnel + pub, personnel, pub, project] : [personnel + pub + project, personnel + pub, project];
      row.v = v;
      for (let p = e.parent; p; p = parentOf.get(p) ?? null) byCode.get(p)!.v.forEach((_, i, a) => (a[i] += v[i]));
    }
    return out;
  }

  function codeSheet(name: string, title: string, n: number, split: boolean): Sheet {
    const s = newSheet(name);
    const cols = split ? 5 : 3;
    const heads = split ? ["合计", "基本支出", "人员经费", "公用经费", "项目支出"] : ["合计", "基本支出", "项目支出"];
    const codeCols = split ? 3 : 1;
    setCell(s, 0, 0, { value: title, style: { bold: true, fontSize: 16, horizontal: "center" } });
    setCell(s, 1, 0, { value: "单位名称：某某区教育局" });
    setCell(s, 1, codeCols + cols, { value: "单位：元" });
    setCell(s, 2, 0, { value: "科目编码", style: thin });
    if (split) {
      s.merges.push({ r1: 2, c1: 0, r2: 2, c2: 2 });
      ["类", "款", "项"].forEach((h, c) => setCell(s, 3, c, { value: h, style: thin }));
    } else s.merges.push({ r1: 2, c1: 0, r2: 3, c2: 0 });
    setCell(s, 2, codeCols, { value: "科目名称", style: thin });
    s.merges.push({ r1: 2, c1: codeCols, r2: 3, c2: codeCols });
    heads.forEach((h, i) => {
      setCell(s, 2, codeCols + 1 + i, { value: h, style: thin });
      s.merges.push({ r1: 2, c1: codeCols + 1 + i, r2: 3, c2: codeCols + 1 + i });
    });
    const total = new Array(cols).fill(0);
    const body: { code: string; name: string; v: number[] }[] = [];
    while (body.length < n) body.push(...tree(cols, n - body.length));
    let r = 4;
    setCell(s, r, codeCols, { value: "合计", style: thin });
    const totalRow = r;
    for (const row of body) {
      r++;
      if (row.code.length === 3) row.v.forEach((a, i) => (total[i] += a));
      if (split) {
        setCell(s, r, 0, { value: row.code.slice(0, 3), numFmt: "@" });
        if (row.code.length >= 5) setCell(s, r, 1, { value: row.code.slice(3, 5), numFmt: "@" });
        if (row.code.length === 7) setCell(s, r, 2, { value: row.code.slice(5, 7), numFmt: "@" });
      } else setCell(s, r, 0, { value: row.code, numFmt: "@" });
      setCell(s, r, codeCols, { value: row.name });
      row.v.forEach((a, i) => setCell(s, r, codeCols + 1 + i, { value: a, numFmt: FMT, style: thin }));
    }
    total.forEach((a, i) => setCell(s, totalRow, codeCols + 1 + i, { value: Math.round(a * 100) / 100, numFmt: FMT, style: thin }));
    s.frozenRows = 4;
    return s;
  }

  const set = renderTemplateSet({ year: 2025, unitName: "某某区教育局", scope: "部门", amountUnit: "元" });
  computeFormulaResults({ sheets: set.sheets });
  const sheets = set.sheets.map((s) =>
    s.name === "部门支出总表" ? codeSheet(s.name, "2025年部门支出总表", Math.ceil(rows / 2), false) : s.name === "一般公共预算支出表" ? codeSheet(s.name, "2025年一般公共预算支出表", Math.floor(rows / 2), true) : s,
  );
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await writeXlsxFile({ sheets }, file + ".part");
  fs.renameSync(file + ".part", file);
}

// ---------------------------------------------------------------------------------------
// one measurement (child process)

interface Measure {
  /** CPU time (user + system) of the read: the machine is shared, so wall time is noisy. */
  readMs: number;
  wallMs: number;
  checkMs: number;
  heapMB: number;
  peakRssMB: number;
  cells: number;
  findings: number;
}

async function measure(mode: string, file: string): Promise<Measure> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error("run with --expose-gc");
  const JSZip = (await import("jszip")).default;
  const { SaxesParser } = await import("saxes");
  const { readXlsxPackage } = await import("../src/hosts/xlsx/read");
  const { readXlsxBufferViaExcelJs } = await import("../src/hosts/xlsx/xlsxHost");
  const { checkWorkbook } = await import("../src/core/checks/engine");
  const { cells } = await import("../src/core/model");
  gc();
  const base = process.memoryUsage().heapUsed;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const buf = fs.readFileSync(file);
  let wb: import("../src/core/model").Workbook | null = null;
  let n = 0;
  if (mode === "bare") {
    const zip = await JSZip.loadAsync(buf);
    for (const name of Object.keys(zip.files)) {
      const f = zip.files[name];
      if (f.dir || !/\.(xml|rels)$/.test(name)) continue;
      const xml = await f.async("string");
      const p = new SaxesParser();
      p.on("opentag", () => n++);
      p.write(xml).close();
    }
  } else if (mode === "bare-native") {
    const { openZipNative } = await import("../src/hosts/xlsx/readZip");
    const { scanXml } = await import("../src/hosts/xlsx/readXml");
    const src = openZipNative(buf)!;
    for (const name of src.names()) {
      if (!/\.(xml|rels)$/.test(name)) continue;
      scanXml((await src.text(name))!, { open: () => void n++ });
    }
  } else if (mode === "exceljs") wb = await readXlsxBufferViaExcelJs(buf);
  else wb = (await readXlsxPackage(buf, file)).wb;
  const t1 = performance.now();
  const c1 = process.cpuUsage();
  gc();
  const heapMB = (process.memoryUsage().heapUsed - base) / 1048576;
  let findings = 0;
  if (wb) {
    n = wb.sheets.reduce((a, s) => a + [...cells(s)].length, 0);
    findings = checkWorkbook(wb).length;
  }
  const c2 = process.cpuUsage();
  const cpu = (a: NodeJS.CpuUsage, b: NodeJS.CpuUsage) => (b.user - a.user + b.system - a.system) / 1000;
  return { readMs: cpu(c0, c1), checkMs: wb ? cpu(c1, c2) : 0, wallMs: t1 - t0 + (performance.now() - t1), heapMB, peakRssMB: process.resourceUsage().maxRSS / 1024, cells: n, findings };
}

// ---------------------------------------------------------------------------------------

function child(args: string[]): string {
  return execFileSync(process.execPath, ["--expose-gc", "--max-old-space-size=8192", "--import", "tsx", __filename, ...args], { encoding: "utf8", maxBuffer: 1 << 24 }).trim();
}

/** Targets for the reader, printed against the figures. */
const TARGETS = {
  readPlusCheckMsAt50k: 2000,
  peakRssMBAt200k: 700,
  readOverBare: 3,
};

async function mainBench(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv[0] === "--generate") return generate(Number(argv[1]), argv[2]);
  if (argv[0] === "--measure") {
    console.log(JSON.stringify(await measure(argv[1], argv[2])));
    return;
  }
  const sizes = argv.map(Number).filter((x) => x > 0);
  const runs = sizes.length ? sizes : [5000, 50000, 200000];
  const rows: string[] = [];
  const results: Record<number, Record<string, Measure>> = {};
  for (const n of runs) {
    const file = path.join(CACHE, `rows-${n}.xlsx`);
    if (!fs.existsSync(file)) {
      process.stderr.write(`generating ${file} …\n`);
      child(["--generate", String(n), file]);
    }
    results[n] = {};
    for (const mode of (process.env.BENCH_MODES ?? "bare,bare-native,exceljs,reader").split(",")) {
      const m = JSON.parse(child(["--measure", mode, file]).split("\n").pop()!) as Measure;
      results[n][mode] = m;
      const bare = results[n].bare;
      const isBare = mode.startsWith("bare");
      rows.push(
        [
          n,
          (fs.statSync(file).size / 1048576).toFixed(1),
          mode,
          m.readMs.toFixed(0),
          isBare ? "" : m.checkMs.toFixed(0),
          isBare ? "" : (m.readMs + m.checkMs).toFixed(0),
          bare ? (m.readMs / bare.readMs).toFixed(2) : "",
          results[n]["bare-native"] ? (m.readMs / results[n]["bare-native"].readMs).toFixed(2) : "",
          m.heapMB.toFixed(0),
          isBare ? "" : ((m.heapMB * 1048576) / m.cells).toFixed(0),
          m.peakRssMB.toFixed(0),
          isBare ? "" : String(m.findings),
        ].join("\t"),
      );
      process.stderr.write(rows[rows.length - 1] + "\n");
    }
  }
  console.log("(times are CPU ms, user + system, of one process; wall time on a shared machine is noisier)");
  console.log("code rows\tfile MB\tmode\tread ms\tcheck ms\tread+check ms\tread ÷ bare\tread ÷ bare-native\theap after read (GC) MB\tbytes/cell\tpeak RSS MB\tfindings");
  for (const r of rows) console.log(r);
  console.log("\ntargets (reader):");
  const ok = (b: boolean) => (b ? "✓" : "✗");
  const at = (n: number) => results[n]?.reader;
  if (at(50000)?.checkMs) {
    const m = at(50000)!;
    console.log(`  read + check at 50k rows ≤ ${TARGETS.readPlusCheckMsAt50k} ms: ${(m.readMs + m.checkMs).toFixed(0)} ms ${ok(m.readMs + m.checkMs <= TARGETS.readPlusCheckMsAt50k)}`);
  }
  if (at(200000)) {
    const m = at(200000)!;
    console.log(`  peak RSS at 200k rows ≤ ${TARGETS.peakRssMBAt200k} MB: ${m.peakRssMB.toFixed(0)} MB ${ok(m.peakRssMB <= TARGETS.peakRssMBAt200k)}`);
  }
  for (const n of runs) {
    const floor = results[n]["bare-native"] ?? results[n].bare;
    if (!results[n].reader || !floor) continue;
    const r = results[n].reader.readMs / floor.readMs;
    console.log(`  read ≤ ${TARGETS.readOverBare}× its bare load (unzip + tokenize) at ${n} rows: ${r.toFixed(2)}× ${ok(r <= TARGETS.readOverBare)}`);
  }
}

mainBench().catch((e) => {
  console.error(e);
  process.exit(1);
});
