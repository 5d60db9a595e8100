import { formatHtml, formatJson, formatText } from "../../src/core/checks/report";
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
