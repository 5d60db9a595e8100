/**
 * The built task pane (dist/web, built by `npm test` before jest: scripts/test.sh) keeps its
 * first scripts small: what taskpane.html loads, with what those load synchronously, is at
 * most 200 KB gzipped and holds none of the catalog data, which comes as a lazy chunk.
 * Reads the build; builds nothing.
 */
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";

const ROOT = path.join(__dirname, "..", "..");
const WEB = path.join(ROOT, "dist", "web");
const BUDGET = 200 * 1024;

function html(): string {
  const file = path.join(WEB, "taskpane.html");
  if (!fs.existsSync(file)) throw new Error("dist/web 尚未构建：请先运行 npm run build:web（npm test 会先构建）");
  return fs.readFileSync(file, "utf8");
}

/** The <script> tags of the page, in order, with their src and attributes. */
function scriptTags(page: string): { src: string; attrs: string; at: number }[] {
  return [...page.matchAll(/<script\b([^>]*)>/g)].map((m) => ({ src: /\bsrc="([^"]+)"/.exec(m[1])?.[1] ?? "", attrs: m[1], at: m.index ?? 0 }));
}

/**
 * The first scripts: the page's own scripts, and any script they load synchronously. A webpack
 * entry loads its initial chunks through <script> tags in the page (html-webpack-plugin) and
 * everything else through import() (a lazy chunk), so the page's own tags are the whole set;
 * the check below makes sure no local script was left out.
 */
function firstScripts(page: string): string[] {
  return scriptTags(page)
    .map((s) => s.src)
    .filter((src) => src && !/^https?:/.test(src))
    .map((src) => src.replace(/^\.?\//, "").split("?")[0]);
}

const gz = (file: string) => zlib.gzipSync(fs.readFileSync(path.join(WEB, file)), { level: 9 }).length;
const read = (file: string) => fs.readFileSync(path.join(WEB, file), "utf8");
const allScripts = () => fs.readdirSync(WEB).filter((f) => f.endsWith(".js"));

/** Every text under src/ (code, its own JSON): a name found there may rightly be in the first scripts. */
function sourceTexts(dir = path.join(ROOT, "src")): string {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .map((d) => (d.isDirectory() ? sourceTexts(path.join(dir, d.name)) : /\.(tsx?|json)$/.test(d.name) ? fs.readFileSync(path.join(dir, d.name), "utf8") : ""))
    .join("\n");
}

/** Names of function.json (6 characters or more) that only the data holds, not the code. */
function catalogSamples(): string[] {
  const data = JSON.parse(fs.readFileSync(path.join(ROOT, "data", "catalog", "function.json"), "utf8")) as { entries: { name: string }[] };
  const code = sourceTexts();
  return [...new Set(data.entries.map((e) => e.name))].filter((n) => n.length >= 6 && !code.includes(n));
}

describe("web bundle (dist/web)", () => {
  it("loads at most 200 KB gzipped of scripts before the first render", () => {
    const first = firstScripts(html());
    expect(first).toContain("taskpane.js");
    for (const f of first) expect(fs.existsSync(path.join(WEB, f))).toBe(true);
    const total = first.reduce((n, f) => n + gz(f), 0);
    expect(total).toBeLessThanOrEqual(BUDGET);
    // the rest of the code is there, as lazy chunks: the split is real, not a smaller program
    // (pdf.worker.js is pdfjs's worker, copied as it is, not a chunk of ours)
    const lazy = allScripts().filter((f) => !first.includes(f) && f !== "pdf.worker.js");
    expect(lazy.length).toBeGreaterThanOrEqual(2);
    // a chunk may open with its libraries' license comment
    for (const f of lazy) expect(read(f).replace(/^\/\*![\s\S]*?\*\/\s*/, "")).toMatch(/^("use strict";)?\(self\.webpackChunk/);
  });

  it("keeps the catalog data out of the first scripts and in a lazy chunk", () => {
    const samples = catalogSamples();
    expect(samples.length).toBeGreaterThan(500);
    const first = firstScripts(html()).map(read).join("\n");
    const inFirst = samples.filter((n) => first.includes(n));
    expect(inFirst).toEqual([]);
    const lazy = allScripts()
      .filter((f) => !firstScripts(html()).includes(f))
      .map(read)
      .join("\n");
    expect(samples.filter((n) => !lazy.includes(n))).toEqual([]);
  });

  it("shows a styled skeleton from the first paint, with office.js after it and the pane's script deferred", () => {
    const page = html();
    const root = page.indexOf('<div id="root">');
    expect(root).toBeGreaterThan(0);
    const skeleton = page.slice(root, page.indexOf("</div>", page.indexOf('class="bar tabs"')));
    expect(skeleton).toContain("预算公开表格助手");
    expect(skeleton).toContain("正在加载…");
    expect(skeleton).toContain("Loading…");
    expect(page).toMatch(/@media \(prefers-color-scheme: dark\)/);
    expect(page).toMatch(/@media \(forced-colors: active\)/);
    for (const s of scriptTags(page)) {
      // a classic script before the skeleton would hold the first paint until it has downloaded
      if (s.at < root) expect(s.attrs).toMatch(/\b(defer|async)\b/);
    }
    const office = scriptTags(page).find((s) => s.src.includes("appsforoffice.microsoft.com"));
    expect(office && office.at > root).toBe(true);
  });
});
