/**
 * Reviewing the findings in the task pane, in Debian's chromium at 320 and 800 px wide and
 * 700 px high, on a seed workbook (武汉 2024) with two figures changed so the checker finds
 * errors in two tables: run the check → the first findings are in view without scrolling →
 * next (F8) selects the next error's cell → 已核对 → a re-check keeps the mark → filters by
 * severity and by table → no serious or critical axe violation, every target 24 × 24 px or
 * spaced (WCAG 2.2 SC 2.5.8, targets.ts); forced-colors mode keeps the
 * severity visible. Screenshots: docs/taskpane-review-320.png, -800.png (UPDATE_DOCS=1).
 */
import * as fs from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import { openPage, ROOT, screenshotPath, servedPane } from "./browserHarness";
import { axeScan, describeViolations, seriousOrWorse } from "./axe";
import { smallTargets } from "./targets";
import { readXlsxFile } from "../../src/hosts/xlsx/xlsxHost";
import { checkWorkbook } from "../../src/core/checks/engine";
import { groupFindings, groupKeyOf, tablesOfSheets } from "../../src/core/report/findings";
import type { Finding } from "../../src/core/checks/types";
import { getSheet, type Workbook } from "../../src/core/model";

async function selection(page: Page): Promise<unknown> {
  return page.evaluate(() => window.__budgetTablesHost!.getSelection());
}

async function expectSelection(page: Page, want: { sheet: string; address: string }): Promise<void> {
  let got: unknown = null;
  for (let i = 0; i < 50; i++) {
    got = await selection(page);
    if (JSON.stringify(got) === JSON.stringify(want)) return;
    await page.waitForTimeout(100);
  }
  expect(got).toEqual(want);
}

const HEIGHT = 700;
const AXE_SOURCE = fs.readFileSync(path.join(ROOT, "node_modules", "axe-core", "axe.min.js"), "utf8");

describe("reviewing findings in the task pane (headless chromium, simulated workbook)", () => {
  const pane = servedPane();
  let seed: Workbook;
  /** The findings in the order the pane lists them (groups by table, errors first, each group errors first). */
  let listed: Finding[];
  beforeAll(async () => {
    seed = await readXlsxFile(path.join(ROOT, "test", "fixtures", "seeds", "wuhan-2024.xlsx"));
    // 2080502 事业单位离退休 10.81 → 10.18 in 支出总表 and in 一般公共预算支出表: 20805 no longer adds up in either
    getSheet(seed, "支出总表")!.rows[9][2] = { value: 10.18, numFmt: "#,##0.00" };
    getSheet(seed, "一般公共预算支出表(分功能科目)")!.rows[10][2] = { value: 10.18, numFmt: "#,##0.00" };
    const findings = checkWorkbook(JSON.parse(JSON.stringify(seed)) as Workbook, { roundingFactor: 1 });
    listed = groupFindings(findings).flatMap((g) => g.bySeverity.flatMap((b) => b.findings));
  });

  it.each([320, 800])("at %i px: check, first results in view, next error, 已核对 kept over a re-check, filters, axe", async (width) => {
    const errors = listed.filter((f) => f.severity === "error");
    expect(errors.length).toBeGreaterThanOrEqual(2);
    expect(new Set(errors.map((f) => f.table)).size).toBeGreaterThanOrEqual(2);
    const { page, problems } = await openPage(pane.browser, `${pane.url}/taskpane.html?tab=check`, width, { workbook: seed, height: HEIGHT });
    await expect(page.getByTestId("detected-year").innerText()).resolves.toBe("2024");
    await page.getByTestId("run-check").click();
    await page.getByTestId("check-results").waitFor({ timeout: 30000 });
    await expect(page.getByTestId("action-status").innerText()).resolves.toContain(`检查完成：错误 ${errors.length}`);
    // the focus is on the results summary, and the first findings are in view without scrolling
    await expect(page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).resolves.toBe("check-summary");
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await page.screenshot({ path: screenshotPath(`taskpane-review-${width}.png`), fullPage: false });
    const bar = (await page.getByTestId("action-bar").boundingBox())!;
    expect(bar.y + bar.height).toBeLessThanOrEqual(HEIGHT + 1);
    // the first finding's severity, location and the start of its message are above the sticky ActionBar
    const first = page.getByTestId("finding").first();
    const box = (await first.boundingBox())!;
    expect(box.y).toBeGreaterThan(0);
    const head = (await first.getByTestId("finding-go").boundingBox())!;
    expect(head.y + head.height).toBeLessThanOrEqual(bar.y);
    const msg = (await first.locator("[id$='-msg']").boundingBox())!;
    expect(msg.y + 20).toBeLessThanOrEqual(bar.y);
    console.log(`review ${width}px: first finding at ${Math.round(box.y)}–${Math.round(box.y + box.height)} px, ActionBar from ${Math.round(bar.y)} px`);
    await expect(first.getAttribute("data-cell")).resolves.toBe(`${listed[0].sheet}!${listed[0].cell}`);
    // no horizontal scrolling
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    // every target of the results (group toggles, 转到 buttons, 已核对 boxes, filters, next/prev) 24 × 24 px or spaced (WCAG 2.2 SC 2.5.8)
    expect(await smallTargets(page, "check results", 20)).toEqual([]);

    // only errors (the count is the toggle); next (button) then F8: the next error's cell is selected and focused
    await page.getByTestId("filter-error").click();
    await expect(page.getByTestId("finding").count()).resolves.toBe(errors.length);
    await page.getByTestId("next-finding").click();
    await expectSelection(page, { sheet: errors[0].sheet, address: errors[0].cell });
    await page.keyboard.press("F8");
    await expectSelection(page, { sheet: errors[1].sheet, address: errors[1].cell });
    const focused = await page.evaluate(() => document.activeElement?.closest("[data-testid=finding]")?.getAttribute("data-cell"));
    expect(focused).toBe(`${errors[1].sheet}!${errors[1].cell}`);
    await expect(page.getByTestId("action-status").innerText()).resolves.toContain(`第 2/${errors.length} 条`);
    await page.keyboard.press("Shift+F8");
    await expectSelection(page, { sheet: errors[0].sheet, address: errors[0].cell });
    await page.keyboard.press("Alt+ArrowDown");
    await expectSelection(page, { sheet: errors[1].sheet, address: errors[1].cell });
    expect(await smallTargets(page, "errors only, the current finding open", 20)).toEqual([]);

    // 已核对 on the second error, then a re-check: still checked
    const second = page.locator(`[data-testid="finding"][data-cell="${errors[1].sheet}!${errors[1].cell}"]`).first();
    await second.getByRole("checkbox").check();
    await page.getByText(/随工作簿保存/).waitFor();
    await expect(page.getByTestId("checked-count").innerText()).resolves.toBe(`1/${listed.length}`);
    await page.getByTestId("run-check").click();
    await page.getByText(/检查完成/).waitFor();
    await expect(second.getAttribute("data-checked")).resolves.toBe("true");
    await expect(page.getByTestId("checked-count").innerText()).resolves.toBe(`1/${listed.length}`);
    await expect(page.evaluate(() => window.__budgetTablesHost!.loadCheckedFindings!())).resolves.toHaveLength(1);

    // by table: the table of the second error only; hide checked hides it
    const tableKey = `table:${errors[1].table}`;
    await page.getByTestId("filter-table").selectOption(tableKey);
    const sheetTables = tablesOfSheets(listed);
    const inTable = listed.filter((f) => groupKeyOf(f, sheetTables) === tableKey);
    await expect(page.getByTestId("finding-group").count()).resolves.toBe(1);
    await expect(page.getByTestId("finding").count()).resolves.toBe(inTable.filter((f) => f.severity === "error").length);
    await page.getByTestId("filter-error").click(); // off: every severity of that table
    await expect(page.getByTestId("finding").count()).resolves.toBe(inTable.length);
    await page.getByTestId("hide-checked").check();
    await expect(page.getByTestId("finding").count()).resolves.toBe(inTable.length - 1);
    expect(await smallTargets(page, "filtered by table, checked hidden", 20)).toEqual([]);
    await page.getByTestId("hide-checked").uncheck();

    // the pane's CSP refuses axeScan's inline script tag: evaluate axe-core in the page instead (CDP is not subject to CSP)
    await page.evaluate(AXE_SOURCE);
    // the 检查 panel (with its ActionBar); the App's TabList carries tabster's focus sentinels
    // (<i aria-hidden tabindex=0>), which axe reports as aria-hidden-focus: that is the shell's, not this panel's
    const violations = seriousOrWorse(await axeScan(page, "#panel-check"));
    expect(describeViolations(violations) + violations.map((v) => v.nodes.map((n) => n.html).join("\n")).join("\n")).toBe("");

    // forced colors: the severity keeps a visible mark (label text, and a heavier border for errors)
    await page.emulateMedia({ forcedColors: "active" });
    const err = page.locator('[data-testid="finding"][data-severity="error"]').first();
    await expect(err.evaluate((el) => getComputedStyle(el).borderLeftWidth)).resolves.toBe("6px");
    await expect(err.getByTestId("finding-go").innerText()).resolves.toContain("错误");
    const warn = page.locator('[data-testid="finding"][data-severity="warning"]').first();
    if (await warn.count()) await expect(warn.evaluate((el) => getComputedStyle(el).borderLeftStyle)).resolves.toBe("dashed");
    if (width === 320) await page.screenshot({ path: screenshotPath("taskpane-review-forced-320.png"), fullPage: false });

    expect(problems.pageErrors).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
    await page.context().close();
  });
});
