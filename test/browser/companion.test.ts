/**
 * Files picked in the task pane, in Debian's chromium at 320 px: the 情况说明 as .docx checked
 * against the open workbook (a finding in the text shows its paragraph, the figure marked);
 * a PDF read with pdfjs in its worker (dist/web/pdf.worker.js), also one whose text is in a
 * CID font that is not embedded (read through the CMaps served in dist/web/cmaps); last year's .xlsx picked in
 * 起草说明 gives the draft its 比上年 comparisons. axe finds nothing serious; screenshot for docs/.
 */
import { mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import type { Page } from "playwright-core";
import { stripNarrative } from "../../src/core/draft";
import type { Workbook } from "../../src/core/model";
import { readXlsxFile, writeXlsxFile } from "../../src/hosts/xlsx/xlsxHost";
import { wuhan2023 } from "../draft/previous";
import { cidFontPdf } from "../helpers/cidPdf";
import { axeScan, describeViolations, seriousOrWorse } from "./axe";
import { openPage, ROOT, screenshotPath, servedPane } from "./browserHarness";

const FIX = path.join(ROOT, "test", "fixtures");

/**
 * axe on what this work adds (the pickers, the paragraph under a finding), each scanned on its
 * own. The pane's Content-Security-Policy (script-src 'self') refuses axeScan's inline <script>:
 * axe-core is evaluated through the DevTools protocol instead (not subject to the page's CSP),
 * so axeScan finds it already there.
 */
async function scan(page: Page, selectors: string[]) {
  await page.evaluate(readFileSync(path.join(ROOT, "node_modules", "axe-core", "axe.min.js"), "utf8"));
  const out = [];
  for (const sel of selectors) {
    expect(await page.locator(sel).count()).toBeGreaterThan(0);
    out.push(...seriousOrWorse(await axeScan(page, sel)));
  }
  if (process.env.AXE_DEBUG) console.log(JSON.stringify(seriousOrWorse(await axeScan(page)), null, 1));
  return out;
}

describe("files picked in the task pane, in headless chromium", () => {
  const pane = servedPane();
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "bt-companion-"));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
  });

  it("checks a picked .docx 情况说明 against the workbook: a finding in the text shows its paragraph", async () => {
    const wb: Workbook = stripNarrative(await readXlsxFile(path.join(FIX, "seeds", "zengdu-2024.xlsx")));
    const { page, problems } = await openPage(pane.browser, `${pane.url}/taskpane.html?tab=check`, 320, { workbook: wb, height: 1100 });
    await page.getByTestId("companions-toggle").click(); // the files are folded under the scope line
    await page.getByTestId("companion-narrative-choose").waitFor();
    await page.getByTestId("companion-narrative-input").setInputFiles(path.join(FIX, "docx", "zengdu-2024-说明.docx"));
    const chosen = page.getByTestId("companion-narrative-chosen");
    await chosen.waitFor();
    await expect(chosen.innerText()).resolves.toMatch(/zengdu-2024-说明\.docx[\s\S]*2024 年，\d+ 段文字/);

    await page.getByTestId("run-check").click();
    await page.getByTestId("check-results").waitFor({ timeout: 60000 });
    const finding = page.locator('[data-testid="finding"][data-cell="情况说明!A4"]').first();
    await expect(finding.innerText()).resolves.toContain("zengdu-2024-说明.docx 第 4 段");
    await finding.click();
    const para = finding.getByTestId("finding-paragraph");
    await para.waitFor();
    await expect(para.innerText()).resolves.toContain("其中财政拨款收入 73.42 万元");
    await expect(para.getByTestId("finding-figure").innerText()).resolves.toBe("73.42");
    await finding.scrollIntoViewIfNeeded();

    const serious = await scan(page, ['[data-testid="companion-narrative"]', '[data-testid="companion-previous"]', '[data-testid="finding-paragraph"]']);
    expect(describeViolations(serious)).toBe("");
    await page.screenshot({ path: screenshotPath("taskpane-companion-320.png") });

    // removed: the next check is of the workbook alone, no text findings
    await page.getByTestId("companion-narrative-remove").click();
    await expect(page.getByTestId("companion-narrative-chosen").count()).resolves.toBe(0);
    expect(problems.pageErrors).toEqual([]);
  });

  it("reads a picked field PDF with pdfjs in its own worker, and says why a damaged file cannot be read", async () => {
    const doc = "2025-putuo-commerce-department";
    const wb = await readXlsxFile(path.join(FIX, "field", `${doc}.office.xlsx`));
    const { page, problems } = await openPage(pane.browser, `${pane.url}/taskpane.html?tab=check`, 320, { workbook: wb });
    const workers: string[] = [];
    page.on("worker", (w) => workers.push(w.url()));
    await page.getByTestId("companions-toggle").click();
    await page.getByTestId("companion-narrative-input").setInputFiles(path.join(ROOT, "..", "shared", "field", `${doc}.pdf`));
    const chosen = page.getByTestId("companion-narrative-chosen");
    await chosen.waitFor({ timeout: 60000 });
    await expect(chosen.innerText()).resolves.toMatch(/段文字/);
    expect(workers.some((u) => u.endsWith("/pdf.worker.js"))).toBe(true);
    await page.getByTestId("run-check").click();
    await page.getByTestId("check-results").waitFor({ timeout: 60000 });

    await page.getByTestId("companion-narrative-input").setInputFiles({ name: "坏.pdf", mimeType: "application/pdf", buffer: Buffer.from("not a pdf at all, just text") });
    const err = page.getByTestId("companion-narrative-error");
    await err.waitFor();
    await expect(err.innerText()).resolves.toMatch(/无法读取所选文件[\s\S]*“坏\.pdf”不是有效的 PDF 文件或已损坏/);
    expect(problems.pageErrors).toEqual([]);
  });

  it("reads a PDF whose text is in STSong-Light (not embedded, UniGB-UCS2-H) through the CMaps served beside the pane", async () => {
    const wb: Workbook = await readXlsxFile(path.join(FIX, "seeds", "zengdu-2024.xlsx"));
    const text = wb.sheets.find((s) => s.name === "情况说明")!;
    const paras = text.rows.map((r) => r?.[0]?.value).filter((v): v is string => typeof v === "string" && v.trim() !== "");
    const { page, problems } = await openPage(pane.browser, `${pane.url}/taskpane.html?tab=check`, 320, { workbook: stripNarrative(wb), height: 1100 });
    const fetched: string[] = [];
    page.on("request", (r) => fetched.push(new URL(r.url()).pathname));
    await page.getByTestId("companions-toggle").click();
    await page.getByTestId("companion-narrative-input").setInputFiles({ name: "曾都-说明.pdf", mimeType: "application/pdf", buffer: Buffer.from(cidFontPdf(paras)) });
    const chosen = page.getByTestId("companion-narrative-chosen");
    await chosen.waitFor({ timeout: 60000 });
    await expect(chosen.innerText()).resolves.toMatch(/曾都-说明\.pdf[\s\S]*\d+ 段文字/);
    // the worker fetched Adobe's CMaps for the font's encoding and its CID → Unicode map
    expect(fetched.filter((p) => p.startsWith("/cmaps/")).sort()).toEqual(["/cmaps/Adobe-GB1-UCS2.bcmap", "/cmaps/UniGB-UCS2-H.bcmap"]);
    await page.getByTestId("run-check").click();
    await page.getByTestId("check-results").waitFor({ timeout: 60000 });
    // the text's 财政拨款收入 73.42 万元 against the tables' 61.42: found in the PDF, located by page and line
    const finding = page.locator('[data-testid="finding"]', { hasText: "曾都-说明.pdf" }).filter({ hasText: "73.42" }).first();
    await expect(finding.innerText()).resolves.toMatch(/曾都-说明\.pdf 第 \d+ 页第 \d+ 行/);
    expect(problems.pageErrors).toEqual([]);
  });

  it("drafts with last year's .xlsx picked in 起草说明: the preview compares with last year", async () => {
    const prev = path.join(dir, "武汉2023.xlsx");
    await writeXlsxFile(wuhan2023(), prev);
    const wb = stripNarrative(await readXlsxFile(path.join(FIX, "seeds", "wuhan-2024.xlsx")));
    const { page, problems } = await openPage(pane.browser, `${pane.url}/taskpane.html?tab=draft`, 320, { workbook: wb });
    await page.getByTestId("companion-previous-input").setInputFiles(prev);
    await page.getByTestId("companion-previous-chosen").waitFor();
    await page.getByTestId("draft-preview").click();
    const text = page.getByTestId("draft-text");
    await text.waitFor();
    const draft = await text.innerText();
    expect(draft).toMatch(/比上年[^。]*?(增加|减少)/);
    expect(draft).toContain("比上年收支预算总数 1236.74 万元减少 27.72 万元，下降 2.24%");
    const serious = await scan(page, ['[data-testid="companion-previous"]']);
    expect(describeViolations(serious)).toBe("");
    expect(problems.pageErrors).toEqual([]);
  });
});
