/**
 * 起草说明 in the task pane, in Debian's chromium, on a real seed workbook (达州 2024, its own
 * 情况说明 removed): preview the draft, insert it as a new sheet, undo — each outcome visible,
 * with screenshots at 320 px for docs/ (UPDATE_DOCS=1).
 */
import * as path from "path";
import type { Page } from "playwright-core";
import { stripNarrative } from "../../src/core/draft";
import type { Workbook } from "../../src/core/model";
import { readXlsxFile } from "../../src/hosts/xlsx/xlsxHost";
import { openPage, ROOT, screenshotPath, servedPane } from "./browserHarness";

async function sheetNames(page: Page): Promise<string[]> {
  const json = await page.evaluate(async () => JSON.stringify((await window.__budgetTablesHost!.readWorkbook()).sheets.map((s) => s.name)));
  return JSON.parse(json) as string[];
}

/** The element's box lies inside the viewport (the outcome is visible without scrolling). */
async function inView(page: Page, testId: string): Promise<boolean> {
  return page.getByTestId(testId).evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.top < window.innerHeight && r.height > 0;
  });
}

describe("起草说明 in headless chromium", () => {
  const pane = servedPane();
  let wb: Workbook;
  beforeAll(async () => {
    wb = stripNarrative(await readXlsxFile(path.join(ROOT, "test", "fixtures", "seeds", "dazhou-2024.xlsx")));
  });

  it("previews the draft, inserts it as a new sheet, and undoes the insertion", async () => {
    const { page, problems } = await openPage(pane.browser, `${pane.url}/taskpane.html?tab=draft`, 320, { workbook: wb, height: 900 });
    const before = await sheetNames(page);
    expect(before).not.toContain("情况说明");

    await page.getByTestId("draft-preview").click();
    const text = page.getByTestId("draft-text");
    await text.waitFor();
    // the figures come from the tables: 达州's 收支总表 total and its 一般公共预算 classes
    await expect(text.innerText()).resolves.toMatch(/641\.15 ?万元/);
    await expect(text.innerText()).resolves.toContain("【请填写");
    await page.screenshot({ path: screenshotPath("taskpane-draft-preview-320.png") });

    await page.getByTestId("draft-insert").click();
    await page.getByTestId("draft-notice").waitFor();
    expect(await inView(page, "draft-notice")).toBe(true);
    const after = await sheetNames(page);
    expect(after.length).toBe(before.length + 1);
    const added = after.filter((n) => !before.includes(n));
    expect(added).toHaveLength(1);
    await page.screenshot({ path: screenshotPath("taskpane-draft-inserted-320.png") });

    await page.getByTestId("draft-undo").click();
    for (let i = 0; i < 50 && (await sheetNames(page)).length !== before.length; i++) await page.waitForTimeout(100);
    expect(await sheetNames(page)).toEqual(before);
    await page.screenshot({ path: screenshotPath("taskpane-draft-undone-320.png") });
    expect(problems.pageErrors).toEqual([]);
  });
});
