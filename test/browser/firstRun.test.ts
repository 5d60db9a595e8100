/**
 * A new user's first minutes, in chromium at the narrowest pane (320 px) and a wide one (800 px):
 * an empty workbook opens on the first-run view → one click inserts the year's standard tables
 * and the outcome is in view without scrolling → in 设置 a year is chosen and the header shows it
 * → the language is switched to English (the title on at most two lines) → every view passes
 * axe with no serious or critical violation, and every target of every view (buttons, links,
 * tabs, form controls) is at least 24 × 24 px or spaced as WCAG 2.2 SC 2.5.8 allows (targets.ts).
 */
import * as fs from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import { openPage, ROOT, screenshotPath, servedPane } from "./browserHarness";
import { axeScan, describeViolations, seriousOrWorse } from "./axe";
import { smallTargets } from "./targets";

const AXE = fs.readFileSync(path.join(ROOT, "node_modules", "axe-core", "axe.min.js"), "utf8");

/** axe under the page's Content-Security-Policy (no inline scripts): evaluated through the protocol, then scanned. */
async function expectNoSeriousAxe(page: Page, view: string): Promise<void> {
  const has = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== "undefined");
  if (!has) await page.evaluate(AXE);
  const bad = seriousOrWorse(await axeScan(page));
  if (bad.length) throw new Error(`${view}: ${describeViolations(bad)}`);
}

async function inViewport(page: Page, testId: string): Promise<boolean> {
  const box = await page.getByTestId(testId).boundingBox();
  const vp = page.viewportSize()!;
  return !!box && box.y >= 0 && box.x >= 0 && box.y + box.height <= vp.height && box.x + box.width <= vp.width;
}

describe("first run in headless chromium", () => {
  const pane = servedPane();

  for (const width of [320, 800]) {
    it(`at ${width} px: first-run view → one-click start → settings → year → English, each view accessible`, async () => {
      const { page, problems } = await openPage(pane.browser, `${pane.url}/taskpane.html?demo=empty`, width, { height: 720 });
      const firstRun = page.getByTestId("first-run");
      await firstRun.waitFor({ timeout: 60000 });
      for (const name of ["插入模板", "填充科目名称", "检查", "起草说明"]) await firstRun.getByRole("button", { name: new RegExp(`^${name}`) }).waitFor();
      await expect(page.getByTestId("detected-tables").innerText()).resolves.toMatch(/已识别标准表 0\/9\s*缺少 9/);
      const year = Number(await page.getByTestId("detected-year").innerText());
      await expect(page.getByTestId("work-year-source").innerText()).resolves.toBe("默认");
      await expectNoSeriousAxe(page, "first run");
      expect(await smallTargets(page, "first run", 10)).toEqual([]);
      await page.screenshot({ path: screenshotPath(`taskpane-firstrun-${width}.png`) });

      // one click: the year's standard tables, only the unit name asked
      await page.getByTestId("first-run-unit").fill("示例市财政局");
      await page.getByTestId("first-run-start").click();
      const done = page.getByTestId("first-run-done");
      await done.waitFor({ timeout: 60000 });
      await expect(done.innerText()).resolves.toContain(`已插入 ${year} 年标准表 14 张`);
      expect(await inViewport(page, "first-run-done")).toBe(true);
      await expect(page.getByTestId("detected-tables").innerText()).resolves.toMatch(/已识别标准表 14\/14/);
      await expectNoSeriousAxe(page, "first run, tables inserted");
      expect(await smallTargets(page, "first run, tables inserted", 10)).toEqual([]);
      await page.screenshot({ path: screenshotPath(`taskpane-firstrun-inserted-${width}.png`) });

      // the year, set in one place
      await page.getByTestId("settings-button").click();
      await page.getByTestId("settings-panel").waitFor();
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("settings-title");
      await page.getByRole("radio", { name: "指定年度" }).check();
      await page.getByTestId("settings-year").fill("2026");
      await expect(page.getByTestId("detected-year").innerText()).resolves.toBe("2026");
      await expect(page.getByTestId("work-year-source").innerText()).resolves.toBe("所选");
      await expectNoSeriousAxe(page, "settings");
      expect(await smallTargets(page, "settings", 20)).toEqual([]);
      await page.screenshot({ path: screenshotPath(`taskpane-settings-${width}.png`), fullPage: true });

      // English, the user's own setting
      await page.getByRole("radio", { name: "English" }).check();
      await page.getByRole("tab", { name: "Check" }).waitFor();
      await expect(page.getByTestId("work-year-source").innerText()).resolves.toBe("chosen");
      const lines = await page.getByTestId("app-title").evaluate((h) => Math.round(h.getBoundingClientRect().height / parseFloat(getComputedStyle(h).lineHeight)));
      expect(lines).toBeLessThanOrEqual(width === 320 ? 2 : 1);
      await expect(page.evaluate((key) => localStorage.getItem(key), "budgetTables.user")).resolves.toBe(JSON.stringify({ lang: "en-US" }));
      await expectNoSeriousAxe(page, "settings, English");
      expect(await smallTargets(page, "settings, English", 20)).toEqual([]);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: screenshotPath(`taskpane-settings-en-${width}.png`) });
      await page.getByTestId("settings-done").click();
      await expect(page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).resolves.toBe("settings-button");

      // every panel view
      for (const tab of ["Check", "Insert", "Fill names", "Draft text"]) {
        await page.getByRole("tab", { name: tab }).click();
        await page.waitForTimeout(300);
        await expectNoSeriousAxe(page, `${tab} panel`);
        expect(await smallTargets(page, `${tab} panel`, 10)).toEqual([]);
      }
      // forced colors (Windows high contrast): the open tab still shows as open, in a system colour
      await page.emulateMedia({ forcedColors: "active" });
      const [open, other] = await page.evaluate(() =>
        ["[role=tab][aria-selected=true]", "[role=tab][aria-selected=false]"].map((q) => getComputedStyle(document.querySelector(q)!).borderBottomColor),
      );
      expect(open).not.toBe(other);
      expect(open).not.toBe("rgba(0, 0, 0, 0)");
      await expectNoSeriousAxe(page, "forced colors");
      await page.emulateMedia({ forcedColors: "none" });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      expect(problems.pageErrors).toEqual([]);
      expect(problems.consoleErrors).toEqual([]);
    });
  }
});
