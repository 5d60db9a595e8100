/**
 * Task pane start-up in this machine's Chromium: load the built pane (dist/web, served by the
 * browser tests' harness, office.js answered from the package) N times, each in a fresh
 * browser context (a cold cache), and report median and max of
 *   first paint       the start-up skeleton (taskpane.html) on screen
 *   script start      taskpane.js downloaded, parsed and its modules evaluated ("pane-script")
 *   first render      React's first commit of the pane (performance mark "pane-first-render")
 *   services ready    the lazy chunks (catalog data, engine) in ("pane-services-ready")
 *   header facts      the detected year shown in the header (recognition done)
 * and the script bytes the page fetched (first scripts and lazy chunks, raw and gzipped).
 * Wall-clock times depend on what else the machine runs (its load average is printed), so the
 * bench also reports the page's main-thread CPU time from navigation to the first render
 * (Chromium's trace: the thread time of every task on the renderer's main thread), which
 * does not grow when other processes compete for the cores.
 * Run: npx tsx bench/pane.bench.ts  (target: first render ≤ 500 ms; first scripts ≤ 200 KB gzipped)
 * Builds dist/web first when it is missing (npm run build:web); otherwise measures what is built.
 * BENCH_PANE_N sets the number of loads (default 10).
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as zlib from "zlib";
import { chromiumPath, launch, openPage, ROOT, startServer } from "../test/browser/browserHarness";

const N = Number(process.env.BENCH_PANE_N ?? 10);
const WEB = path.join(ROOT, "dist", "web");

interface Load {
  paint: number;
  script: number;
  render: number;
  ready: number;
  facts: number;
  cpu: number;
  scripts: { name: string; bytes: number }[];
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (x: number) => `${x.toFixed(0)} ms`;
const kb = (x: number) => `${(x / 1024).toFixed(1)} KB`;
const gz = (name: string) => zlib.gzipSync(fs.readFileSync(path.join(WEB, name)), { level: 9 }).length;

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(WEB, "taskpane.html"))) execFileSync("npm", ["run", "--silent", "build:web"], { cwd: ROOT, stdio: "inherit" });
  const server = await startServer();
  const browser = await launch();
  const loads: Load[] = [];
  try {
    for (let i = 0; i < N + 1; i++) {
      await browser.startTracing(undefined, { categories: ["devtools.timeline", "blink.user_timing", "disabled-by-default-devtools.timeline"] });
      const { page, problems } = await openPage(browser, `${server.url}/taskpane.html`, 320);
      await page.waitForFunction(() => performance.getEntriesByName("pane-services-ready").length > 0, undefined, { timeout: 20000 });
      // polled in the page at each frame, so the time is the page's own
      const facts = (await (
        await page.waitForFunction(() => (document.querySelector('[data-testid="detected-year"]') ? performance.now() : 0), undefined, { polling: "raf", timeout: 20000 })
      ).jsonValue()) as number;
      const m = await page.evaluate(() => ({
        paint: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN,
        script: performance.getEntriesByName("pane-script")[0]?.startTime ?? NaN,
        render: performance.getEntriesByName("pane-first-render")[0]?.startTime ?? NaN,
        ready: performance.getEntriesByName("pane-services-ready")[0]?.startTime ?? NaN,
        scripts: (performance.getEntriesByType("resource") as PerformanceResourceTiming[])
          .filter((r) => r.initiatorType === "script" && r.name.startsWith(location.origin))
          .map((r) => ({ name: new URL(r.name).pathname.slice(1), bytes: r.encodedBodySize })),
      }));
      const cpu = mainThreadCpuToMark(await browser.stopTracing(), "pane-first-render");
      if (problems.pageErrors.length) throw new Error(`page errors: ${problems.pageErrors.join("; ")}`);
      await page.context().close();
      // the first load warms the OS file cache and Chromium's code paths: not counted
      if (i > 0) loads.push({ ...m, facts, cpu });
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const row = (label: string, xs: number[]) => console.log(`${label.padEnd(16)} median ${ms(median(xs)).padStart(7)}   max ${ms(Math.max(...xs)).padStart(7)}`);
  console.log(`pane start-up, ${N} loads at 320 px, cold cache each (Chromium ${browserVersion()}; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores)`);
  row("first paint", loads.map((l) => l.paint));
  row("script start", loads.map((l) => l.script));
  row("first render", loads.map((l) => l.render));
  row("services ready", loads.map((l) => l.ready));
  row("render CPU", loads.map((l) => l.cpu));
  row("header facts", loads.map((l) => l.facts));
  const page = fs.readFileSync(path.join(WEB, "taskpane.html"), "utf8");
  const first = [...page.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]).filter((s) => !/^https?:/.test(s));
  const fetched = loads[0].scripts;
  for (const s of fetched) console.log(`  ${first.includes(s.name) ? "first" : "lazy "}  ${s.name.padEnd(28)} ${kb(s.bytes).padStart(9)}  gzip ${kb(gz(s.name)).padStart(8)}`);
  const firstGz = first.reduce((n, f) => n + gz(f), 0);
  const allGz = fetched.reduce((n, s) => n + gz(s.name), 0);
  console.log(`first scripts ${kb(firstGz)} gzipped (budget 200 KB); all scripts fetched ${kb(allGz)} gzipped`);
  const r = median(loads.map((l) => l.render));
  const c = median(loads.map((l) => l.cpu));
  console.log(`first render ${ms(r)} wall clock (${r <= 500 ? "within" : "over"} the 500 ms target at this load), ${ms(c)} of main-thread CPU`);
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  tdur?: number;
}

/** Thread CPU time (ms) of the renderer main thread's tasks from navigationStart to the user-timing mark. */
function mainThreadCpuToMark(trace: Buffer, markName: string): number {
  const events = (JSON.parse(trace.toString("utf8")) as { traceEvents: TraceEvent[] }).traceEvents;
  const mark = events.find((e) => e.name === markName);
  if (!mark) return NaN;
  const start = events.find((e) => e.name === "navigationStart" && e.pid === mark.pid)?.ts ?? -Infinity;
  let us = 0;
  for (const e of events) {
    if (e.pid === mark.pid && e.tid === mark.tid && e.ph === "X" && e.name === "RunTask" && e.ts >= start && e.ts < mark.ts) us += e.tdur ?? 0;
  }
  return us / 1000;
}

function browserVersion(): string {
  try {
    return execFileSync(chromiumPath(), ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim().replace(/^Chromium\s*/, "").replace(/ built on.*/, "");
  } catch {
    return "?";
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
