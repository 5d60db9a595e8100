/**
 * Progress and 取消 of a long check in Debian's chromium (320 px): on a synthetic workbook of
 * 140 sheets (the 14 tables with 5 000 code rows, ten times; seconds of checking) the ActionBar shows the
 * counts with a determinate bar while the pane stays responsive; Tab from 检查 reaches 取消,
 * Enter cancels, the status says nothing was changed, no result is listed and the focus is on
 * 检查 again. Prints how soon the counts appeared and how soon the cancel was taken.
 * Screenshot: taskpane-check-progress-320.png.
 */
import { holdTimers, openPage, screenshotPath, servedPane } from "./browserHarness";
import { axeScan, describeViolations, seriousOrWorse } from "./axe";
import { workbook } from "../../bench/synthetic";

/** The 14 tables with 5 000 code rows, ten times over (140 sheets): recognition alone takes seconds, sheet by sheet. */
function bigWorkbook() {
  const one = workbook(5000);
  const sheets = [];
  for (let k = 0; k < 10; k++) for (const s of one.sheets) sheets.push({ ...s, name: k ? `${s.name.slice(0, 26)} (${k + 1})` : s.name });
  return { sheets };
}

describe("a long check in the task pane: progress with counts and 取消 (headless chromium)", () => {
  const pane = servedPane();

  it("shows 正在识别表格：工作表 n / 140, and Tab + Enter on 取消 stops it with nothing listed and the focus on 检查", async () => {
    const { page, problems } = await openPage(pane.browser, `${pane.url}/taskpane.html?tab=check`, 320, { workbook: bigWorkbook(), height: 700 });
    await page.getByTestId("detected-year").waitFor({ timeout: 60000 });
    const run = page.getByTestId("run-check");
    await run.focus();
    const t0 = Date.now();
    await page.keyboard.press("Enter");
    const status = page.getByTestId("action-status");
    // the counts of the sheets recognised, while the check runs
    await page.waitForFunction(() => /正在识别表格：工作表 \d+ \/ 140/.test(document.querySelector("[data-testid=action-status]")?.textContent ?? ""), null, { timeout: 60000, polling: 20 });
    const countsAfter = Date.now() - t0;
    const text = await status.innerText();
    const [, n, total] = /工作表 (\d+) \/ (\d+)/.exec(text)!.map(Number);
    expect(n).toBeGreaterThanOrEqual(1);
    expect(n).toBeLessThanOrEqual(total);
    const bar = page.getByRole("progressbar");
    const now = Number(await bar.getAttribute("aria-valuenow"));
    expect(now).toBeGreaterThanOrEqual(0);
    expect(now).toBeLessThanOrEqual(1);
    // 检查 kept the focus (disabled but focusable); Tab reaches 取消 next
    await expect(page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).resolves.toBe("run-check");
    await page.keyboard.press("Tab");
    await expect(page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).resolves.toBe("cancel-task");
    const t1 = Date.now();
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => /已取消检查/.test(document.querySelector("[data-testid=action-status]")?.textContent ?? ""), null, { timeout: 30000, polling: 20 });
    const cancelTaken = Date.now() - t1;
    await expect(status.innerText()).resolves.toBe("已取消检查，未作任何修改。");
    await expect(page.getByTestId("check-results").count()).resolves.toBe(0);
    await expect(page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).resolves.toBe("run-check");
    // again, to look at it: the check is held at its next pause between steps (the page's timers
    // held; clicks and renders go on), so the picture, axe and the click on 取消 cannot race its end
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => /正在识别表格：工作表 \d+ \/ 140/.test(document.querySelector("[data-testid=action-status]")?.textContent ?? ""), null, { timeout: 60000, polling: 20 });
    const hold = await holdTimers(page);
    await page.waitForFunction(() => ((window as unknown as { __timerHold: { ids: Map<number, unknown> } }).__timerHold.ids.size > 0), null, { timeout: 30000, polling: 20 });
    // the last counts reported before the pause drawn (React renders without timers; two frames)
    await page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
    const held = await status.innerText();
    expect(held).toMatch(/正在识别表格：工作表 \d+ \/ 140|正在检查：规则 \d+ \/ \d+/);
    await page.screenshot({ path: screenshotPath("taskpane-check-progress-320.png") });
    const violations = seriousOrWorse(await hold.letThrough(() => axeScan(page, "[data-testid=action-bar]")));
    expect(describeViolations(violations)).toBe("");
    // still where it was held
    await expect(status.innerText()).resolves.toBe(held);
    await page.getByTestId("cancel-task").click();
    // taken at once (取消 can no longer be pressed); the check stops when it next looks, at its next step
    await page.waitForFunction(() => /正在取消/.test(document.querySelector("[data-testid=action-status]")?.textContent ?? ""), null, { timeout: 30000, polling: 20 });
    await expect(page.getByTestId("cancel-task").getAttribute("aria-disabled")).resolves.toBe("true");
    expect(await hold.held()).toBeGreaterThan(0);
    await hold.release();
    await page.waitForFunction(() => /已取消检查/.test(document.querySelector("[data-testid=action-status]")?.textContent ?? ""), null, { timeout: 30000, polling: 20 });
    await expect(status.innerText()).resolves.toBe("已取消检查，未作任何修改。");
    await expect(page.getByTestId("check-results").count()).resolves.toBe(0);
    console.log(`progress: counts shown ${countsAfter} ms after 检查 (${text.trim()}); cancel taken ${cancelTaken} ms after Enter on 取消`);
    expect(problems.pageErrors).toEqual([]);
  });
});
