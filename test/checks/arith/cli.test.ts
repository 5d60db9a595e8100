import { promises as fs } from "fs";
import os from "os";
import path from "path";
import { main } from "../../../src/cli/main";
import { captureIO } from "../../helpers/cliIO";
import { sheetFromRows } from "../../../src/core/model";
import { writeXlsxFile } from "../../../src/hosts/xlsx/xlsxHost";

const SEEDS = path.join(__dirname, "..", "..", "fixtures", "seeds");

describe("budget-tables check", () => {
  test("a consistent workbook: exit 0; JSON findings carry file, rule, cell, expected, actual", async () => {
    const o = captureIO();
    const code = await main(["check", path.join(SEEDS, "dazhou-2024.xlsx"), "--format", "json"], o);
    const arr = JSON.parse(o.stdout);
    expect(arr.filter((f: { severity: string }) => f.severity === "error").length === 0 ? 0 : 1).toBe(code);
    const tail = arr.find((f: { ruleId: string }) => f.ruleId === "tail-difference");
    expect(tail).toMatchObject({ file: expect.stringContaining("dazhou-2024.xlsx"), severity: "info", sheet: expect.any(String), cell: expect.stringMatching(/^[A-Z]+\d+$/), message: expect.stringContaining("尾差") });
    for (const k of ["file", "ruleId", "severity", "sheet", "cell", "expected", "actual", "message"]) expect(Object.keys(tail)).toContain(k);
  });

  test("errors give exit 1; an unreadable file gives exit 2 with a Chinese message while the others are still checked", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "bt-check-"));
    const bad = path.join(dir, "bad.xlsx");
    await writeXlsxFile({ sheets: [sheetFromRows("支出总表", [["部门支出总表"], ["科目编码", "科目名称", "合计", "基本支出", "项目支出"], [null, "合计", 31, 20, 10], ["208", "社会保障和就业支出", 30, 20, 10]], "#,##0.00")] }, bad);
    const o = captureIO();
    expect(await main(["check", bad, "--rounding", "1"], o)).toBe(1);
    expect(o.stdout).toMatch(/C3  合计行合计应为基本支出 \+ 项目支出 = 30\.00，填列 31\.00，相差 1\.00 万元  \(columns\)/);
    const o2 = captureIO();
    const out = path.join(dir, "r.html");
    expect(await main(["check", path.join(dir, "missing.xlsx"), bad, "--format", "html", "--out", out], o2)).toBe(2);
    expect(o2.stderr).toMatch(/无法打开 [^\n]*missing.xlsx：文件不存在/);
    expect(o2.stderr).not.toMatch(/检查时出错/);
    const html = await fs.readFile(out, "utf8");
    expect(html).toMatch(/<table class="findings">/);
    expect(html).toMatch(/错误 2/); // 合计行 (类之和) and 列间关系 at C3
    expect(html).toMatch(/无法读取/);
    const o3 = captureIO();
    expect(await main(["check", bad, "--format", "xml"], o3)).toBe(2);
  });
});

describe("budget-tables check on folders (a reviewer's batch)", () => {
  test("checks every .xlsx in a folder and sums up", async () => {
    const o = captureIO();
    const code = await main(["check", SEEDS], o);
    expect(code).toBe(1); // 达州, 曾都, 武汉 … have real errors
    for (const seed of ["dazhou-2024", "haikou-2024", "wuhan-2024", "xinzhou-2023", "zengdu-2024"]) expect(o.stdout).toContain(`${seed}.xlsx：错误`);
    expect(o.stdout).toMatch(/共检查 5 个文件：有错误的 \d 个，无法读取的 0 个。/);
  });
});

describe("budget-tables check --out", () => {
  test("writes the report, and never overwrites an existing file without --force", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "report-"));
    const out = path.join(dir, "报告.html");
    expect(await main(["check", path.join(SEEDS, "xinzhou-2023.xlsx"), "--format", "html", "--out", out], captureIO())).toBe(0);
    expect(await fs.readFile(out, "utf8")).toMatch(/^<!doctype html>/i);
    await fs.writeFile(out, "mine");
    const o = captureIO();
    expect(await main(["check", path.join(SEEDS, "xinzhou-2023.xlsx"), "--out", out], o)).toBe(2);
    expect(o.stderr).toContain("已存在，未覆盖");
    expect(await fs.readFile(out, "utf8")).toBe("mine");
    expect(await main(["check", path.join(SEEDS, "xinzhou-2023.xlsx"), "--out", out, "--force"], captureIO())).toBe(0);
  });
});

describe("budget-tables check --lang", () => {
  test("en-US: English messages in text and HTML (lang attribute too); JSON carries messageId and data", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "bt-lang-"));
    const bad = path.join(dir, "bad.xlsx");
    await writeXlsxFile({ sheets: [sheetFromRows("支出总表", [["部门支出总表"], ["单位：万元"], ["科目编码", "科目名称", "合计", "基本支出", "项目支出"], [null, "合计", 31, 20, 10], ["208", "社会保障和就业支出", 30, 20, 10]], "#,##0.00")] }, bad);
    const o = captureIO();
    expect(await main(["check", bad, "--lang", "en-US"], o)).toBe(1);
    expect(o.stdout).toContain("C4  row “合计”, column “合计” should equal 基本支出 + 项目支出 = 30.00, but 31.00 is filled in (difference 1.00 × 10,000 yuan)  (columns)");
    expect(o.stdout).not.toContain("应为");
    expect(o.stdout).toContain(": 2 errors, 1 warnings, 0 notes");
    expect(o.stdout).toContain("[Error] C4  ");
    const html = path.join(dir, "r.html");
    expect(await main(["check", bad, "--lang", "en-US", "--format", "html", "--out", html], captureIO())).toBe(1);
    const page = await fs.readFile(html, "utf8");
    expect(page).toMatch(/<html lang="en-US">/);
    expect(page).toContain("should equal 基本支出 + 项目支出 = 30.00");
    expect(page).toContain("<th>Severity</th>");
    expect(page).not.toMatch(/<th>级别<\/th>|应为/);
    const oz = captureIO();
    await main(["check", bad, "--format", "html", "--out", path.join(dir, "z.html")], oz);
    expect(await fs.readFile(path.join(dir, "z.html"), "utf8")).toMatch(/<html lang="zh-CN">/);
    for (const lang of ["zh-CN", "en-US"]) {
      const oj = captureIO();
      await main(["check", bad, "--format", "json", "--lang", lang], oj);
      const rows = JSON.parse(oj.stdout) as { ruleId: string; messageId: string; data: Record<string, string>; message: string }[];
      const col = rows.find((r) => r.ruleId === "columns")!;
      expect([col.messageId, col.data.expected, col.data.actual, col.data.parts]).toEqual(["columnSum", "30.00", "31.00", "基本支出 + 项目支出"]);
      expect(rows.every((r) => typeof r.messageId === "string")).toBe(true);
      expect(col.message.startsWith(lang === "en-US" ? "row “合计”, column “合计” should equal" : "合计行合计应为")).toBe(true);
      // Composed data is given in the report's language: the unit, the figure's name.
      expect([col.data.unit, col.data.subject]).toEqual(lang === "en-US" ? ["× 10,000 yuan", "row “合计”, column “合计”"] : ["万元", "合计行合计"]);
    }
    // A batch: the summary line and the HTML page's headings in English, Chinese by default.
    const good = path.join(dir, "good.xlsx");
    await writeXlsxFile({ sheets: [sheetFromRows("支出总表", [["部门支出总表"], ["单位：万元"], ["科目编码", "科目名称", "合计", "基本支出", "项目支出"], [null, "合计", 30, 20, 10], ["208", "社会保障和就业支出", 30, 20, 10]], "#,##0.00")] }, good);
    const ob = captureIO();
    await main(["check", bad, good, "--lang", "en-US"], ob);
    expect(ob.stdout).toContain("\n2 files checked: 1 with errors, 0 unreadable.\n");
    expect(ob.stdout).not.toContain("共检查");
    const obz = captureIO();
    await main(["check", bad, good], obz);
    expect(obz.stdout).toContain("\n共检查 2 个文件：有错误的 1 个，无法读取的 0 个。\n");
    const bhtml = path.join(dir, "b.html");
    await main(["check", bad, good, "--lang", "en-US", "--format", "html", "--out", bhtml], captureIO());
    const bpage = await fs.readFile(bhtml, "utf8");
    expect(bpage).toContain("<h1>Budget disclosure check results</h1>");
    expect(bpage).toContain("<p class=\"batch\">2 files: 1 with errors, 0 unreadable;");
    expect(bpage).toContain("<dt>Classification edition</dt><dd>Functional classification of expenditure, editions ");
    expect(bpage.match(/<(h1|h2|h3|th|dt|dd|p)[^>]*>[^<]*/g)!.filter((h) => /[\u4e00-\u9fff]/.test(h.replace(/^<[^>]*>/, "")) && !/bad\.xlsx|good\.xlsx|支出总表/.test(h))).toEqual([]);
    const oe = captureIO();
    expect(await main(["check", bad, "--lang", "fr"], oe)).toBe(2);
    expect(oe.stderr).toContain("--lang");
  });
});
