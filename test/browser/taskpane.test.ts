import { openPage, screenshotPath, servedPane } from "./browserHarness";

describe("task pane in headless chromium, outside Excel", () => {
  const pane = servedPane();

  it("renders, says it runs outside Excel, shows what it detected in the simulated workbook, and logs no error", async () => {
    const { page, problems } = await openPage(pane.browser, `${pane.url}/taskpane.html`, 320);
    await page.getByTestId("host-banner").waitFor();
    await expect(page.getByTestId("host-banner").innerText()).resolves.toContain("当前不在 Excel 中运行");
    await expect(page.getByRole("heading", { level: 1 }).innerText()).resolves.toBe("预算公开表格助手");
    for (const tab of ["插入模板", "填充科目名称", "检查"]) await page.getByRole("tab", { name: tab }).waitFor();
    const detected = page.getByTestId("detected");
    await page.getByTestId("detected-year").waitFor();
    await expect(page.getByTestId("detected-year").innerText()).resolves.toBe("2024");
    await expect(page.getByTestId("detected-unit").innerText()).resolves.toBe("示例市人力资源和社会保障局");
    await expect(detected.innerText()).resolves.toMatch(/3 个工作表[\s\S]*已识别标准表 2\/9/);
    // no horizontal scrolling at the narrowest task pane width
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: screenshotPath("taskpane-outside-excel-320.png"), fullPage: true });
    expect(problems.pageErrors).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
  });

  it("switches to English and back, and is usable from the keyboard", async () => {
    const { page, problems } = await openPage(pane.browser, `${pane.url}/taskpane.html`, 480);
    await page.getByRole("tab", { name: "检查" }).waitFor();
    await page.getByRole("tab", { name: "检查" }).focus();
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("Enter");
    await page.getByText("在科目编码旁填入官方科目名称").waitFor();
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("tab", { name: "Check" }).waitFor();
    await expect(page.getByTestId("host-banner").innerText()).resolves.toContain("Not running inside Excel");
    expect(problems.pageErrors).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
  });
});
