/**
 * The first ten minutes of a finance officer new to the add-in, in one walk, at the narrowest
 * pane (320 px) and a wide one (800 px), 720 px high: an empty workbook → the first-run view's
 * one-click start inserts the standard tables → the officer types codes and figures into the
 * 一般公共预算支出表 (with a total that does not add up) → 填充科目名称 previews and writes the
 * names → 检查 finds the errors → "next" goes to an error's cell → the finding is marked
 * 已核对 → 生成审核结果表 → 起草说明 previews the text → 插入模板 inserts one more table. After
 * every action its outcome is on screen without scrolling, every view passes axe with no serious
 * or critical violation, and every target is at least 24 × 24 px or spaced as WCAG 2.2 SC 2.5.8
 * allows (targets.ts).
 */
import type { Page } from "playwright-core";
import { openPage, screenshotPath, servedPane } from "./browserHarness";
import { axeScan, describeViolations, seriousOrWorse } from "./axe";
import { smallTargets } from "./targets";
import type { ChangeSet } from "../../src/core/changes";
import type { WorkbookHost } from "../../src/hosts/host";

/** No serious or critical axe violation, and every target at least 24 × 24 px or spaced (WCAG 2.2 SC 2.5.8, targets.ts). */
async function expectAccessible(page: Page, view: string): Promise<void> {
  await page.waitForTimeout(400); // Fluent's fade-ins: axe measures colours as they are shown, not mid-transition
  const bad = seriousOrWorse(await axeScan(page));
  if (bad.length) throw new Error(`${view}: ${describeViolations(bad)}`);
  expect(await smallTargets(page, view, 10)).toEqual([]);
}

/** The element is inside the viewport as the page stands (no scrolling done for it). */
async function expectInView(page: Page, testId: string, within = "body"): Promise<void> {
  const el = page.locator(within).getByTestId(testId).first();
  await el.waitFor({ timeout: 60000 });
  const box = await el.boundingBox();
  const vp = page.viewportSize()!;
  const where = box ? `${Math.round(box.x)},${Math.round(box.y)} ${Math.round(box.width)}×${Math.round(box.height)}` : "not laid out";
  expect([testId, where, !!box && box.y >= 0 && box.y + Math.min(box.height, 40) <= vp.height && box.x >= 0 && box.x + box.width <= vp.width + 1]).toEqual([testId, where, true]);
}

/** What the officer types into the inserted 一般公共预算支出表: codes without names, figures over the row formulas; 2010101's 合计 is 1 too much. */
function typing(sheet: string): ChangeSet {
  const rows: [string, number, number, number, number, number][] = [
    ["201", 100, 60, 50, 10, 40],
    ["20101", 100, 60, 50, 10, 40],
    ["2010101", 101, 60, 50, 10, 40],
  ];
  const edits: ChangeSet["edits"] = [];
  rows.forEach(([code, ...amounts], i) => {
    edits.push({ sheet, r: 5 + i, c: 0, cell: { value: code } });
    amounts.forEach((v, k) => edits.push({ sheet, r: 5 + i, c: 2 + k, cell: { value: v } }));
  });
  return { newSheets: [], edits, removeSheets: [] };
}

describe("the first ten minutes, in headless chromium", () => {
  const pane = servedPane();

  for (const width of [320, 800]) {
    it(`at ${width} px: empty workbook → insert → fill → check → next error → 已核对 → 审核结果 → draft → insert`, async () => {
      const { page, problems } = await openPage(pane.browser, `${pane.url}/taskpane.html?demo=empty`, width, { height: 720 });

      // 1. first run: one click inserts the standard tables
      await page.getByTestId("first-run").waitFor({ timeout: 60000 });
      await expectAccessible(page, "first run");
      await page.getByTestId("first-run-unit").fill("示例市财政局");
      await page.getByTestId("first-run-start").click();
      await expectInView(page, "first-run-done");
      await expect(page.getByTestId("detected-tables").innerText()).resolves.toMatch(/已识别标准表 14\/14/);
      await expectAccessible(page, "tables inserted");

      // 2. the officer types codes and figures (as Excel would receive them), and the pane reads again
      await page.evaluate((cs) => (window as unknown as { __budgetTablesHost: WorkbookHost }).__budgetTablesHost.applyChanges(cs), typing("一般公共预算支出表"));
      await page.getByTestId("refresh").click();

      // 3. 填充科目名称 over all sheets: preview, confirm, the outcome in view and the focus on 撤销
      await page.getByRole("tab", { name: "填充科目名称" }).click();
      await page.getByRole("radio", { name: "全部工作表" }).check();
      await page.getByTestId("fill-preview").click();
      await expectInView(page, "fill-confirm");
      const items = page.getByTestId("fill-item");
      await items.first().waitFor({ timeout: 60000 });
      const proposed = (await items.allInnerTexts()).join("\n");
      for (const name of ["一般公共服务支出", "人大事务", "行政运行"]) expect(proposed).toContain(name);
      await expectAccessible(page, "fill preview");
      await page.getByTestId("fill-confirm").click();
      await expectInView(page, "fill-applied");
      await expect(page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).resolves.toBe("fill-undo");
      const written = await page.evaluate(async () => {
        const wb = await (window as unknown as { __budgetTablesHost: WorkbookHost }).__budgetTablesHost.readWorkbook();
        const sh = wb.sheets.find((s) => s.name === "一般公共预算支出表")!;
        return [5, 6, 7].map((r) => sh.rows[r]?.[1]?.value);
      });
      expect(written).toEqual(["一般公共服务支出", "人大事务", "行政运行"]);
      await expectAccessible(page, "fill applied");
      await page.screenshot({ path: screenshotPath(`taskpane-walk-fill-${width}.png`) });

      // 4. 检查: the summary and the first finding in view
      await page.getByRole("tab", { name: "检查" }).click();
      await page.getByTestId("run-check").click();
      await expectInView(page, "check-summary");
      await expectInView(page, "finding");
      await expect(page.getByTestId("filter-error").innerText()).resolves.toMatch(/[1-9]/);
      await expectAccessible(page, "check results");

      // 5. next error: the cell of the error is selected in the workbook, the finding has the focus
      await page.getByTestId("filter-error").click(); // errors only
      await page.getByTestId("next-finding").click();
      const current = page.locator('[data-testid="finding"][aria-current="true"], [data-testid="finding"]:has([aria-current="true"])').first();
      await current.waitFor();
      const cell = await current.getAttribute("data-cell");
      expect(cell).toMatch(/^[^!]+![A-Z]+\d+$/);
      const selection = await page.evaluate(() => (window as unknown as { __budgetTablesHost: WorkbookHost }).__budgetTablesHost.getSelection());
      expect(`${selection?.sheet}!${selection?.address}`).toBe(cell);
      await expectInView(page, "action-status", "#panel-check");
      await expectAccessible(page, "next error");

      // 6. marked as checked, counted
      await current.getByTestId("finding-checked").check();
      await expect(page.getByTestId("checked-count").innerText()).resolves.toMatch(/^1\//);
      await expectAccessible(page, "finding checked");

      // 7. the review as a sheet: the outcome in the action bar's status, in view
      await page.getByTestId("report").click();
      await expect(page.locator("#panel-check").getByTestId("action-status").innerText()).resolves.toContain("审核结果");
      await expectInView(page, "action-status", "#panel-check");
      const sheets = await page.evaluate(async () => (await (window as unknown as { __budgetTablesHost: WorkbookHost }).__budgetTablesHost.readWorkbook()).sheets.map((s) => s.name));
      expect(sheets).toContain("审核结果");
      await expectAccessible(page, "report written");
      await page.screenshot({ path: screenshotPath(`taskpane-walk-check-${width}.png`) });

      // 8. 起草说明: the draft previewed from the tables, its buttons in the action bar
      await page.getByRole("tab", { name: "起草说明" }).click();
      await page.getByTestId("draft-preview").click();
      await expectInView(page, "draft-insert");
      expect((await page.getByTestId("draft-text").innerText()).length).toBeGreaterThan(50);
      await expectAccessible(page, "draft preview");

      // 9. 插入模板 with the layout variants open: one more table, the outcome's links to the new sheets
      await page.getByRole("tab", { name: "插入模板" }).click();
      await page.getByTestId("insert-unit").fill("示例市财政局");
      await page.locator("#panel-insert summary").first().click();
      await page.getByRole("button", { name: "全不选" }).click();
      await page.getByTestId("table-list").getByRole("checkbox").first().check();
      await page.getByTestId("insert-button").click();
      await expectInView(page, "insert-summary");
      await page.getByTestId("renamed").waitFor();
      await expectAccessible(page, "insert done");

      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      expect(problems.pageErrors).toEqual([]);
    });
  }
});
