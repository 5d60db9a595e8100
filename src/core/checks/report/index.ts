/** Reporters: the same findings as text (grouped by sheet and severity), JSON, or a self-contained HTML page. */
import type { Finding, Severity } from "../types";

export interface FileFindings {
  file: string;
  findings: Finding[];
  /** Set when the file could not be read. */
  error?: string;
}

const SEV_NAME: Record<Severity, string> = { error: "错误", warning: "警告", info: "提示" };
const SEV_ORDER: Severity[] = ["error", "warning", "info"];

export function countBySeverity(findings: Finding[]): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

function bySheet(findings: Finding[]): Map<string, Finding[]> {
  const m = new Map<string, Finding[]>();
  for (const f of findings) {
    let l = m.get(f.sheet);
    if (!l) m.set(f.sheet, (l = []));
    l.push(f);
  }
  return m;
}

export function formatText(files: FileFindings[]): string {
  const lines: string[] = [];
  for (const { file, findings, error } of files) {
    if (error) {
      lines.push(`${file}：无法读取——${error}`, "");
      continue;
    }
    const c = countBySeverity(findings);
    lines.push(`${file}：错误 ${c.error} 个，警告 ${c.warning} 个，提示 ${c.info} 个`);
    const withErrors = [...bySheet(findings)].map(([sheet, fs]) => [sheet, countBySeverity(fs).error] as const).filter(([, n]) => n > 0);
    if (withErrors.length) lines.push(`  有错误的表：${withErrors.map(([sheet, n]) => `${sheet}（${n}）`).join("、")}`);
    for (const [sheet, fs] of bySheet(findings)) {
      const sc = countBySeverity(fs);
      lines.push(`  【${sheet}】错误 ${sc.error}，警告 ${sc.warning}，提示 ${sc.info}`);
      for (const sev of SEV_ORDER) {
        for (const f of fs.filter((x) => x.severity === sev)) lines.push(`    [${SEV_NAME[sev]}] ${f.cell}  ${f.message}  (${f.ruleId})`);
      }
    }
    if (findings.length === 0) lines.push("  未发现问题。");
    lines.push("");
  }
  return lines.join("\n");
}

/** A flat JSON array: every finding with its file. */
export function formatJson(files: FileFindings[]): string {
  const out: Record<string, unknown>[] = [];
  for (const { file, findings, error } of files) {
    if (error) {
      out.push({ file, ruleId: "file", severity: "error", sheet: "", cell: "", expected: null, actual: null, message: `无法读取文件：${error}` });
      continue;
    }
    for (const f of findings) {
      out.push({ file, ruleId: f.ruleId, severity: f.severity, sheet: f.sheet, cell: f.cell, expected: f.expected ?? null, actual: f.actual ?? null, difference: f.difference ?? null, table: f.table ?? null, related: f.related ?? [], message: f.message });
    }
  }
  return JSON.stringify(out, null, 2);
}

function esc(s: unknown): string {
  return String(s ?? "").replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!);
}

function anchor(file: string, sheet: string): string {
  return `s-${[...`${file}/${sheet}`].map((ch) => ch.codePointAt(0)!.toString(36)).join("")}`;
}

export function formatHtml(files: FileFindings[]): string {
  const parts: string[] = [];
  parts.push(`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>预算公开表格检查结果</title><style>
body{font-family:"Microsoft YaHei","PingFang SC",sans-serif;margin:24px;color:#222}
h1{font-size:20px}h2{font-size:17px;margin-top:28px}h3{font-size:15px;margin:18px 0 6px}
table{border-collapse:collapse;width:100%;margin-bottom:12px}th,td{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top;font-size:13px}
th{background:#f3f3f3;white-space:nowrap}td.sev,td.cell,td.rule{white-space:nowrap;width:1%}td.num{white-space:nowrap;width:1%}
.error td.sev{background:#fde2e1;color:#a4262c}.warning td.sev{background:#fff4ce;color:#8a6d00}.info td.sev{background:#e6f2fb;color:#0f548c}
.summary span{margin-right:16px}.num{text-align:right;font-variant-numeric:tabular-nums}
</style></head><body><h1>预算公开表格检查结果</h1>`);
  for (const { file, findings, error } of files) {
    parts.push(`<h2>${esc(file)}</h2>`);
    if (error) {
      parts.push(`<p class="error">无法读取：${esc(error)}</p>`);
      continue;
    }
    const c = countBySeverity(findings);
    parts.push(`<p class="summary"><span>错误 ${c.error}</span><span>警告 ${c.warning}</span><span>提示 ${c.info}</span></p>`);
    const withErrors = [...bySheet(findings)].filter(([, fs]) => fs.some((f) => f.severity === "error"));
    if (withErrors.length) parts.push(`<p>有错误的表：${withErrors.map(([sheet, fs]) => `<a href="#${esc(anchor(file, sheet))}">${esc(sheet)}</a>（${fs.filter((f) => f.severity === "error").length}）`).join("、")}</p>`);
    if (!findings.length) parts.push("<p>未发现问题。</p>");
    for (const [sheet, fs] of bySheet(findings)) {
      parts.push(`<h3 id="${esc(anchor(file, sheet))}">${esc(sheet)}</h3><table><thead><tr><th>级别</th><th>单元格</th><th>说明</th><th>应为</th><th>填列</th><th>差额</th><th>规则</th></tr></thead><tbody>`);
      for (const f of fs) {
        parts.push(
          `<tr class="${f.severity}"><td class="sev">${SEV_NAME[f.severity]}</td><td class="cell">${esc(f.cell)}</td><td>${esc(f.message)}</td><td class="num">${esc(f.expected ?? "")}</td><td class="num">${esc(f.actual ?? "")}</td><td class="num">${esc(f.difference ?? "")}</td><td class="rule">${esc(f.ruleId)}</td></tr>`,
        );
      }
      parts.push("</tbody></table>");
    }
  }
  parts.push("</body></html>");
  return parts.join("\n");
}
