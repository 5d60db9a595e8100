/**
 * The pane is never blank: the static skeleton paints, and the pane is drawn, while office.js is
 * still downloading; when office.js cannot be had (offline) the pane still comes up, outside Excel.
 * Needs dist/web (npm run build:web; npm test builds it first).
 */
import * as fs from "fs";
import * as path from "path";
import type { Route } from "playwright-core";
import { ROOT, servedPane } from "./browserHarness";

const OFFICE_JS = path.join(ROOT, "node_modules", "@microsoft", "office-js", "dist");

const pane = servedPane();

async function open(office: (route: Route) => Promise<void>) {
  const context = await pane.browser.newContext({ viewport: { width: 320, height: 700 }, locale: "zh-CN" });
  await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
  await context.route(/^https:\/\/appsforoffice\.microsoft\.com\//, office);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  return { context, page, errors };
}

describe("pane start-up", () => {
  it("paints the skeleton, then draws the pane, while office.js has not arrived; then comes up with its host", async () => {
    // office.js is held back until the test has looked at the pane (a slow network, deterministically)
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const { context, page, errors } = await open(async (route) => {
      const name = /hosted\/(.*)$/.exec(route.request().url())?.[1].split("?")[0] ?? "";
      if (name === "office.js") await held;
      const file = path.join(OFFICE_JS, name);
      if (fs.existsSync(file)) await route.fulfill({ path: file, contentType: "application/javascript" });
      else await route.fulfill({ status: 404, body: "" });
    });
    await page.goto(`${pane.url}/taskpane.html`, { waitUntil: "commit" });
    // the pane itself, not only the skeleton, is there while office.js is on its way: it says it is connecting
    await page.getByTestId("app-title").waitFor({ timeout: 60000 });
    await expect(page.getByTestId("detected").innerText()).resolves.toContain("正在连接 Excel…");
    const early = await page.evaluate(() => ({
      render: performance.getEntriesByName("pane-first-render").length,
      paint: performance.getEntriesByName("first-contentful-paint").length,
      office: typeof (window as unknown as { Office?: unknown }).Office,
    }));
    expect(early).toEqual({ render: 1, paint: 1, office: "undefined" });
    await expect(page.getByTestId("host-banner").count()).resolves.toBe(0); // not yet known: in Excel or not
    release();
    await page.getByTestId("host-banner").waitFor({ state: "attached", timeout: 60000 });
    expect(await page.getByTestId("boot").count()).toBe(0); // React replaced the skeleton
    expect(errors).toEqual([]);
    await context.close();
  });

  it("comes up outside Excel when office.js cannot be loaded (offline)", async () => {
    const { context, page, errors } = await open((route) => route.abort("internetdisconnected"));
    await page.goto(`${pane.url}/taskpane.html`);
    await page.getByTestId("host-banner").waitFor({ timeout: 60000 });
    await page.getByTestId("detected-year").waitFor({ timeout: 60000 }); // the lazy chunks came and recognition ran
    expect(errors).toEqual([]);
    await context.close();
  });
});
