/**
 * Serve the built task pane (dist/web) on localhost and drive it with Playwright in
 * Debian's chromium. Requests for office.js on Microsoft's CDN are answered from the
 * @microsoft/office-js package, so nothing leaves the machine.
 */
import * as fs from "fs";
import * as http from "http";
import * as path from "path";
import type { AddressInfo } from "net";
import { chromium, type Browser, type Page } from "playwright-core";

export const ROOT = path.join(__dirname, "..", "..");
const WEB = path.join(ROOT, "dist", "web");
const OFFICE_JS = path.join(ROOT, "node_modules", "@microsoft", "office-js", "dist");

const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "application/javascript", ".png": "image/png", ".xml": "application/xml", ".css": "text/css" };

export function chromiumPath(): string {
  for (const p of [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"]) if (p && fs.existsSync(p)) return p;
  throw new Error("找不到 chromium：请运行 npm test（它会用 apt-get 安装 Debian 的 chromium）");
}

export async function startServer(): Promise<{ url: string; close: () => Promise<void> }> {
  if (!fs.existsSync(path.join(WEB, "taskpane.html"))) throw new Error("dist/web 尚未构建：请先运行 npm run build:web");
  const server = http.createServer((req, res) => {
    const u = new URL(req.url ?? "/", "http://localhost");
    const file = path.join(WEB, path.normalize(decodeURIComponent(u.pathname)).replace(/^(\.\.[/\\])+/, ""));
    if (!file.startsWith(WEB) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/**
 * The built pane served on localhost and a chromium, for the enclosing describe (or file): starts
 * both in a beforeAll and closes them in an afterAll it registers itself.
 */
export function servedPane(): { readonly browser: Browser; readonly url: string } {
  let server: { url: string; close: () => Promise<void> } | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startServer();
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error("chromium is not started yet (servedPane's beforeAll has not run)");
      return browser;
    },
    get url() {
      if (!server) throw new Error("the pane is not served yet (servedPane's beforeAll has not run)");
      return server.url;
    },
  };
}

export interface PageProblems {
  consoleErrors: string[];
  pageErrors: string[];
}

export interface OpenOptions {
  /** A workbook (the model as JSON) the page works on instead of its example, through window.__budgetTablesWorkbook. */
  workbook?: unknown;
  height?: number;
}

export async function openPage(browser: Browser, url: string, width: number, options: OpenOptions = {}): Promise<{ page: Page; problems: PageProblems }> {
  const context = await browser.newContext({ viewport: { width, height: options.height ?? 900 }, locale: "zh-CN" });
  if (options.workbook !== undefined) {
    await context.addInitScript((json: string) => {
      (window as unknown as { __budgetTablesWorkbook: unknown }).__budgetTablesWorkbook = JSON.parse(json);
    }, JSON.stringify(options.workbook));
  }
  // Anything off this machine is refused outright (registered first: later routes take precedence).
  await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
  await context.route(/^https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/(.*)$/, async (route) => {
    const name = /hosted\/(.*)$/.exec(route.request().url())![1].split("?")[0];
    const file = path.join(OFFICE_JS, name);
    if (fs.existsSync(file)) await route.fulfill({ path: file, contentType: "application/javascript" });
    else await route.fulfill({ status: 404, body: "" });
  });
  const page = await context.newPage();
  const problems: PageProblems = { consoleErrors: [], pageErrors: [] };
  page.on("console", (m) => {
    if (m.type() === "error") problems.consoleErrors.push(m.text());
  });
  page.on("pageerror", (e) => problems.pageErrors.push(String(e)));
  await page.goto(url, { waitUntil: "load" });
  return { page, problems };
}

/**
 * Where screenshots go: docs/ (the pictures the README shows) when UPDATE_DOCS=1, else
 * test-results/screenshots/, so an ordinary test run leaves the committed pictures alone.
 */
export function screenshotPath(name: string): string {
  const dir = process.env.UPDATE_DOCS === "1" ? path.join(ROOT, "docs") : path.join(ROOT, "test-results", "screenshots");
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
}

/** The page's timers held by {@link holdTimers}. */
export interface TimerHold {
  /** How many callbacks are waiting. */
  held(): Promise<number>;
  /** Run `fn` with new timers let through (axe's own), the ones held staying held. */
  letThrough<T>(fn: () => Promise<T>): Promise<T>;
  /** Give the page its setTimeout back and run what was held, in order. */
  release(): Promise<void>;
}

/**
 * Hold the page's setTimeout callbacks from now on: a task that pauses between its steps with a
 * timer (the pane's check) stops at its next pause and stays there, while clicks and React's
 * renders (which use no timers) go on. A test can then look at the task under way without racing
 * its end. Playwright's own actions run in their own world and are not held.
 */
export async function holdTimers(page: Page): Promise<TimerHold> {
  await page.evaluate(() => {
    type Held = { ids: Map<number, () => void>; next: number; holding: boolean; setTimeout: typeof setTimeout; clearTimeout: typeof clearTimeout };
    const w = window as unknown as typeof window & { __timerHold?: Held };
    const h: Held = { ids: new Map(), next: -1, holding: true, setTimeout: w.setTimeout, clearTimeout: w.clearTimeout };
    w.__timerHold = h;
    w.setTimeout = ((fn: TimerHandler, delay?: number, ...args: unknown[]) => {
      if (!h.holding) return h.setTimeout.call(w, fn, delay, ...args);
      const id = h.next--;
      h.ids.set(id, () => (typeof fn === "function" ? fn(...args) : undefined));
      return id;
    }) as typeof setTimeout;
    w.clearTimeout = ((id?: number) => {
      if (typeof id === "number" && h.ids.has(id)) h.ids.delete(id);
      else h.clearTimeout.call(w, id);
    }) as typeof clearTimeout;
  });
  const set = (holding: boolean) =>
    page.evaluate((on: boolean) => {
      (window as unknown as { __timerHold: { holding: boolean } }).__timerHold.holding = on;
    }, holding);
  return {
    held: () => page.evaluate(() => (window as unknown as { __timerHold: { ids: Map<number, unknown> } }).__timerHold.ids.size),
    letThrough: async (fn) => {
      await set(false);
      try {
        return await fn();
      } finally {
        await set(true);
      }
    },
    release: () =>
      page.evaluate(() => {
        const w = window as unknown as typeof window & { __timerHold: { ids: Map<number, () => void>; setTimeout: typeof setTimeout; clearTimeout: typeof clearTimeout } };
        const h = w.__timerHold;
        w.setTimeout = h.setTimeout;
        w.clearTimeout = h.clearTimeout;
        for (const run of h.ids.values()) h.setTimeout.call(w, run, 0);
        h.ids.clear();
      }),
  };
}
