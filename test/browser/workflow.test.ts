/**
 * The task pane driven end to end in Debian's chromium against a simulated workbook: a seed
 * workbook (武汉 2024, with one figure changed so the checker has an error to find) injected
 * as JSON into an in-memory host. Insert templates, fill names, check, go to a finding's cell,
 * mark and clear; then screenshots of each panel at 320 px and 800 px for the README.
 */
import * as path from "path";
import type { Page } from "playwright-core";
import { openPage, ROOT, screenshotPath, servedPane } from "./browserHarness";
import { readXlsxFile } from "../../src/hosts/xlsx/xlsxHost";
import { checkWorkbook } from "../../src/core/checks/engine";
import { getSheet, type Workbook } from "../../src/core/model";

/** The page's host, read from the page. */
async function pageWorkbook(page: Page): Promise<Workbook> {
  const json = await page.evaluate(async () => JSON.stringify(await window.__budgetTablesHost!.readWorkbook()));
  return JSON.parse(json) as Workbook;
}

/** Wait until the page's host has this selection (the pane selects asynchronously). */
async function expectSelection(page: Page, want: { sheet: string; address: string }): Promise<void> {
  let got: unknown = null;
  for (let i = 0; i < 50; i++) {
    got = await page.evaluate(() => window.__budgetTablesHost!.getSelection());
    if (JSON.stringify(got) === JSON.stringify(want)) return;
    await page.waitForTimeout(100);
  }
  expect(got).toEqual(want);
}

async function noOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

describe("task pane workflow in headless chromium (simulated workbook)", () => {
  const pane = servedPane();
  let seed: Workbook;
  beforeAll(async () => {
    seed = await readXlsxFile(path.join(ROOT, "test", "fixtures", "seeds", "wuhan-2024.xlsx"));
    // 2080502 事业单位离退休: 10.81 → 10.18, so 20805 no longer adds up
    getSheet(seed, "支出总表")!.rows[9][2] = { value: 10.18, numFmt: "#,##0.00" };
  });

  it("inserts the templates, fills names, checks, goes to a finding's cell, marks and clears", async () => {
    const { page, problems } = await openPage(pane.browser, `${pane.url}/taskpane.html?tab=insert`, 320, { workbook: seed });
    // header: what was detected in the seed
    await expect(page.getByTestId("detected-year").innerText()).resolves.toBe("2024");
    await expect(page.getByTestId("detected-unit").innerText()).resolves.toBe("武汉市人力资源和社会保障信息中心");
    await expect(page.getByTestId("detected-tables").innerText()).resolves.toContain("11/14");

    // 插入模板: all 14; taken names get new ones, existing sheets untouched
    const before = seed.sheets.map((s) => s.name);
    await page.getByTestId("insert-button").click();
    const summary = page.getByTestId("insert-summary");
    await summary.waitFor({ timeout: 30000 });
    await expect(summary.innerText()).resolves.toContain("已插入 14 张表");
    let wb = await pageWorkbook(page);
    expect(wb.sheets).toHaveLength(before.length + 14);
    expect(wb.sheets.slice(0, before.length).map((s) => s.name)).toEqual(before);
    expect(JSON.stringify(wb.sheets.slice(0, before.length))).toBe(JSON.stringify(JSON.parse(JSON.stringify(seed.sheets))));
    const taken = new Set(before);
    const clashes = wb.sheets.slice(before.length).filter((s) => /\(\d+\)$/.test(s.name));
    expect(clashes.length).toBeGreaterThan(0);
    for (const s of clashes) {
      const wanted = s.name.replace(/\(\d+\)$/, "");
      expect(taken.has(wanted)).toBe(true);
      await expect(summary.getByTestId("renamed").innerText()).resolves.toContain(`${wanted} → ${s.name}`);
    }
    // a link in the summary activates the new sheet
    const newName = wb.sheets[before.length + 2].name;
    await summary.getByRole("button", { name: newName, exact: true }).click();
    await expectSelection(page, { sheet: newName, address: "A1" });
    expect(await noOverflow(page)).toBeLessThanOrEqual(0);

    // 填充科目名称 on all sheets: preview, confirm, names fixed in the seed's 支出总表
    await page.getByRole("tab", { name: "填充科目名称" }).click();
    await page.getByRole("radio", { name: "全部工作表" }).check();
    await page.getByTestId("fill-preview").click();
    const list = page.getByTestId("fill-preview-list");
    await list.waitFor();
    await expect(list.innerText()).resolves.toMatch(/支出总表!B6[\s\S]*人力资源和社会保障管理事\s*→\s*人力资源和社会保障管理事务/);
    wb = await pageWorkbook(page);
    expect(getSheet(wb, "支出总表")!.rows[5][1]!.value).toBe("人力资源和社会保障管理事"); // not yet
    await page.getByTestId("fill-confirm").click();
    await page.getByTestId("fill-applied").waitFor();
    wb = await pageWorkbook(page);
    expect(getSheet(wb, "支出总表")!.rows[5][1]!.value).toBe("人力资源和社会保障管理事务");

    // 检查: the changed figure is found; clicking the finding selects its cell
    const expected = checkWorkbook(wb, { roundingFactor: 1 }).filter((f) => f.severity === "error" && f.sheet === "支出总表");
    expect(expected.length).toBeGreaterThan(0);
    await page.getByRole("tab", { name: "检查" }).click();
    await page.getByTestId("run-check").click();
    await page.getByTestId("check-results").waitFor({ timeout: 30000 });
    const target = expected[0];
    const item = page.locator(`[data-testid="finding"][data-cell="${target.sheet}!${target.cell}"]`).first();
    await item.scrollIntoViewIfNeeded();
    await item.click();
    await expectSelection(page, { sheet: target.sheet, address: target.cell });

    // 在表中标记 → red fill on the error cells; 清除标记 → the sheets exactly as before marking
    const unmarked = JSON.stringify(await pageWorkbook(page));
    await page.getByTestId("mark").click();
    await page.getByText(/已标记 \d+ 个单元格/).waitFor();
    wb = await pageWorkbook(page);
    const r = Number(/\d+/.exec(target.cell)![0]) - 1;
    const c = target.cell.charCodeAt(0) - 65;
    expect(getSheet(wb, target.sheet)!.rows[r][c]!.style!.fill).toBe("#FFC7CE");
    await page.getByTestId("clear-marks").click();
    await page.getByText("标记已清除，单元格恢复原来的底色。").waitFor();
    expect(JSON.stringify(await pageWorkbook(page))).toBe(unmarked);
    expect(await noOverflow(page)).toBeLessThanOrEqual(0);

    expect(problems.pageErrors).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
  });

  it("is usable from the keyboard: tabs with arrow keys, a finding with Enter", async () => {
    const { page, problems } = await openPage(pane.browser, `${pane.url}/taskpane.html`, 360);
    await page.getByTestId("detected-year").waitFor();
    await page.getByRole("tab", { name: "检查" }).focus();
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("Enter");
    await page.getByTestId("insert-button").waitFor();
    await page.getByRole("tab", { name: "插入模板" }).focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    await page.getByTestId("run-check").focus();
    await page.keyboard.press("Enter");
    await page.getByTestId("check-results").waitFor();
    const item = page.getByTestId("finding").first();
    // the finding's keyboard target: its button (severity and location); the card also holds the 已核对 box
    const first = item.getByTestId("finding-go");
    await first.focus();
    const cell = (await item.getAttribute("data-cell"))!;
    // the focused finding shows a focus outline
    const outline = await first.evaluate((el) => getComputedStyle(el, "::after").borderTopWidth + " " + getComputedStyle(el).outlineStyle);
    expect(outline).not.toBe("0px none");
    await page.keyboard.press("Enter");
    const [sheet, address] = cell.split("!");
    await expectSelection(page, { sheet, address });
    expect(problems.pageErrors).toEqual([]);
  });

  it("follows the theme: ?theme=dark renders dark", async () => {
    const { page, problems } = await openPage(pane.browser, `${pane.url}/taskpane.html?theme=dark`, 320);
    await page.getByTestId("detected-year").waitFor();
    await page.getByTestId("run-check").click();
    await page.getByTestId("check-results").waitFor();
    expect(problems.pageErrors).toEqual([]);
    const bg = await page.locator("main").evaluate((el) => getComputedStyle(el).backgroundColor);
    const [r, g, b] = bg.match(/\d+/g)!.map(Number);
    expect(0.299 * r + 0.587 * g + 0.114 * b).toBeLessThan(80);
    await page.screenshot({ path: screenshotPath("taskpane-check-dark-320.png"), fullPage: true });
  });

  it("takes screenshots of each panel at 320 px and 800 px, without horizontal overflow", async () => {
    for (const width of [320, 800]) {
      for (const tab of ["insert", "fill", "check"] as const) {
        const { page, problems } = await openPage(pane.browser, `${pane.url}/taskpane.html?tab=${tab}`, width);
        await page.getByTestId("detected-year").waitFor();
        if (tab === "fill") {
          await page.getByTestId("fill-preview").click();
          await page.getByTestId("fill-preview-list").waitFor();
        }
        if (tab === "check") {
          await page.getByTestId("run-check").click();
          await page.getByTestId("check-results").waitFor();
          await page.getByTestId("finding").first().click();
        }
        expect(await noOverflow(page)).toBeLessThanOrEqual(0);
        await page.screenshot({ path: screenshotPath(`taskpane-${tab}-${width}.png`), fullPage: true });
        expect(problems.pageErrors).toEqual([]);
        expect(problems.consoleErrors).toEqual([]);
        await page.context().close();
      }
    }
  });
});
