/**
 * The HTML report a reviewer opens on a phone or prints: checked in Debian's chromium at
 * 375 px and 1,000 px, on the findings of the real example workbooks.
 */
import * as path from "path";
import type { Browser } from "playwright-core";
import { checkWorkbook } from "../../src/core/checks/engine";
import { formatHtml } from "../../src/core/checks/report";
import { readXlsxFile } from "../../src/hosts/xlsx/xlsxHost";
import { launch, ROOT, screenshotPath } from "./browserHarness";

let browser: Browser;
let html: string;

beforeAll(async () => {
  browser = await launch();
  const files = ["dazhou-2024.xlsx", "xinzhou-2023.xlsx"].map((f) => path.join(ROOT, "examples", f));
  const results = [];
  for (const file of files) results.push({ file: path.relative(ROOT, file), findings: checkWorkbook(await readXlsxFile(file)) });
  html = formatHtml(results, { version: "test", roundingFactor: 1, rules: ["total-row"] });
});

afterAll(async () => {
  await browser?.close();
});

async function render(width: number) {
  const context = await browser.newContext({ viewport: { width, height: 800 }, locale: "zh-CN" });
  await context.route(/.*/, (route) => route.abort()); // the report loads nothing
  const page = await context.newPage();
  await page.setContent(html, { waitUntil: "load" });
  return { page, context };
}

describe("HTML report in a browser", () => {
  it.each([375, 1000])("does not overflow at %i px wide", async (width) => {
    const { page, context } = await render(width);
    const { scroll, client, findings } = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
      findings: document.querySelectorAll("table.findings tbody tr").length,
    }));
    expect(findings).toBeGreaterThan(0);
    expect(scroll).toBeLessThanOrEqual(client);
    await page.screenshot({ path: screenshotPath(`report-${width}.png`), fullPage: false });
    await context.close();
  });

  it("shows the first error of the first file in the first screen on a phone, with its label", async () => {
    const { page, context } = await render(375);
    const first = page.locator("table.findings tr.error").first();
    const box = await first.boundingBox();
    expect(box).not.toBeNull();
    // The contents come before the findings, so the first error may be a little below: within two screens.
    expect(box!.y).toBeLessThan(1600);
    expect(await first.locator("td.msg").evaluate((el) => getComputedStyle(el, "::before").content)).toContain("说明");
    await context.close();
  });
});
