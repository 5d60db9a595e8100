import { clipAtClause, formatHtml, formatJson, formatText } from "../../src/core/checks/report";
import type { Finding } from "../../src/core/checks/types";

const findings: Finding[] = [
  { ruleId: "hierarchy", severity: "error", sheet: "支出总表", cell: "C8", expected: 1024, actual: 1025, difference: 1, message: "支出总表 C8：208 合计 应为 1,024.00，填列 1,025.00，相差 1.00 万元" },
  { ruleId: "names", severity: "warning", sheet: "支出总表", cell: "B6", message: "名称不完整 <截断>" },
  { ruleId: "tail-difference", severity: "info", sheet: "收支总表", cell: "D29", message: "1 处尾差" },
];

describe("reporters", () => {
  it("text: counts per file and sheet, errors named first, severities in order", () => {
    const text = formatText([{ file: "a.xlsx", findings }, { file: "b.xlsx", findings: [] }, { file: "c.xlsx", findings: [], error: "文件不存在" }]);
    const lines = text.split("\n");
    expect(lines[0]).toBe("a.xlsx：错误 1 个，警告 1 个，提示 1 个");
    expect(lines[1]).toBe("  有错误的表：支出总表（1）");
    expect(text.indexOf("[错误] C8")).toBeLessThan(text.indexOf("[警告] B6"));
    expect(text).toContain("b.xlsx：错误 0 个，警告 0 个，提示 0 个\n  未发现问题。");
    expect(text).toContain("c.xlsx：无法读取——文件不存在");
  });

  it("JSON: one flat array with the file on every finding; unreadable files are findings too", () => {
    const arr = JSON.parse(formatJson([{ file: "a.xlsx", findings }, { file: "c.xlsx", findings: [], error: "文件不存在" }]));
    expect(arr).toHaveLength(4);
    expect(arr[0]).toMatchObject({ file: "a.xlsx", ruleId: "hierarchy", severity: "error", sheet: "支出总表", cell: "C8", expected: 1024, actual: 1025 });
    expect(arr[3]).toMatchObject({ file: "c.xlsx", severity: "error" });
  });

  it("HTML: a self-contained page that escapes what it shows", () => {
    const html = formatHtml([{ file: "a.xlsx", findings }]);
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain("&lt;截断&gt;");
    expect(html).not.toContain("<截断>");
    expect(html).not.toMatch(/<script[^>]+src=/);
  });
});

describe("HTML report for a reviewer", () => {
  const warnFirst: Finding[] = [
    { ruleId: "names", severity: "warning", sheet: "收支总表", cell: "B6", message: "名称不完整" },
    { ruleId: "tail-difference", severity: "info", sheet: "收支总表", cell: "D29", message: "1 处尾差" },
    { ruleId: "hierarchy", severity: "error", sheet: "支出总表", cell: "C8", expected: 1024, actual: 1025, difference: 1, message: "208 应为 1,024.00" },
    { ruleId: "percent", severity: "error", sheet: "支出总表", cell: "A3", message: "百分比不对" },
    { ruleId: "narrative", severity: "info", sheet: "支出总表", cell: "A4", message: "提示" },
  ];
  const meta = { generatedAt: new Date(2026, 11, 1, 9, 5), version: "0.1.0", roundingFactor: 1, rules: ["total-row", "hierarchy"], catalogEdition: "2024 年版（内置）" };

  it("puts errors first: sheets with errors before sheets with warnings, and within a sheet errors before information", () => {
    const html = formatHtml([{ file: "a.xlsx", findings: warnFirst }], meta);
    const body = html.slice(html.indexOf("<section"));
    expect(/<h3 id="[^"]+">([^<]+)<\/h3>/.exec(body)?.[1]).toBe("支出总表");
    expect(body.indexOf(">支出总表</h3>")).toBeLessThan(body.indexOf(">收支总表</h3>"));
    const sheet = body.slice(body.indexOf(">支出总表</h3>"), body.indexOf(">收支总表</h3>"));
    expect(sheet.indexOf("百分比不对")).toBeLessThan(sheet.indexOf("提示</td>"));
    expect(sheet.indexOf("208 应为")).toBeLessThan(sheet.indexOf(">提示<"));
  });

  it("says how it was made: date, version, catalog edition, tolerance, rules", () => {
    const html = formatHtml([{ file: "a.xlsx", findings: warnFirst }], meta);
    expect(html).toContain("<dt>检查时间</dt><dd>2026-12-01 09:05</dd>");
    expect(html).toContain("budget-tables 0.1.0");
    expect(html).toContain("2024 年版（内置）");
    expect(html).toContain("标准（1 倍四舍五入区间）");
    expect(html).toContain("total-row、hierarchy");
    expect(formatHtml([{ file: "a.xlsx", findings: [] }], { ...meta, roundingFactor: 0 })).toContain("严格（0，不容许尾差）");
  });

  it("has contents with links to every sheet, and a batch summary with files with errors first", () => {
    const html = formatHtml(
      [
        { file: "clean.xlsx", findings: [] },
        { file: "bad.xlsx", findings: warnFirst },
        { file: "broken.xlsx", findings: [], error: "文件已损坏" },
      ],
      meta,
    );
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    const links = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThanOrEqual(5); // 3 files + 2 sheets
    for (const l of links) expect(ids).toContain(l);
    expect(new Set(ids).size).toBe(ids.length);
    expect(html).toContain("共 3 个文件：有错误的 1 个，无法读取的 1 个；合计错误 2、警告 1、提示 2。");
    const summary = html.slice(html.indexOf('<table class="summary">'), html.indexOf("</table>"));
    expect(summary.indexOf("bad.xlsx")).toBeLessThan(summary.indexOf("clean.xlsx"));
    expect(summary.indexOf("broken.xlsx")).toBeLessThan(summary.indexOf("clean.xlsx"));
  });
});

describe("clipAtClause", () => {
  it("cuts at a clause boundary, never inside a number", () => {
    const t = "一般公共服务支出 21.43 万元，占一般公共预算支出的 3.34%，主要用于行政运行";
    for (let max = 8; max < t.length; max++) {
      const c = clipAtClause(t, max);
      expect(c.endsWith("…")).toBe(true);
      const kept = c.slice(0, -1);
      expect(t.startsWith(kept)).toBe(true);
      // The character after the cut and the last kept one are never both part of a number.
      const next = t[kept.length];
      expect(/[\d.]/.test(kept[kept.length - 1] ?? "") && /[\d.]/.test(next)).toBe(false);
    }
    expect(clipAtClause(t, 20)).toBe("一般公共服务支出 21.43 万元，…");
    expect(clipAtClause("短句", 10)).toBe("短句");
  });
});
