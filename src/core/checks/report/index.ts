/** Reporters: the same findings as text (grouped by sheet and severity), JSON, or a self-contained HTML page. */
import { findingMessage, textIn, type Lang, type MessageData } from "../messages";
import { RULES } from "../rules";
import type { Finding, Severity } from "../types";

export interface FileFindings {
  file: string;
  findings: Finding[];
  /** Set when the file could not be read. */
  error?: string;
}

const SEV_NAME: Record<Severity, string> = { error: "错误", warning: "警告", info: "提示" };
const SEV_NAME_EN: Record<Severity, string> = { error: "Error", warning: "Warning", info: "Note" };
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

/** A finding's message in the report's language (zh-CN: the stored text). */
function messageIn(f: Finding, lang: Lang): string {
  return findingMessage(f, lang, RULES);
}

export function formatText(files: FileFindings[], lang: Lang = "zh-CN"): string {
  const lines: string[] = [];
  const en = lang === "en-US";
  for (const { file, findings, error } of files) {
    if (error) {
      lines.push(en ? `${file}: unreadable: ${error}` : `${file}：无法读取——${error}`, "");
      continue;
    }
    const c = countBySeverity(findings);
    lines.push(en ? `${file}: ${c.error} errors, ${c.warning} warnings, ${c.info} notes` : `${file}：错误 ${c.error} 个，警告 ${c.warning} 个，提示 ${c.info} 个`);
    const withErrors = [...bySheet(findings)].map(([sheet, fs]) => [sheet, countBySeverity(fs).error] as const).filter(([, n]) => n > 0);
    if (withErrors.length) lines.push(en ? `  Sheets with errors: ${withErrors.map(([sheet, n]) => `${sheet} (${n})`).join(", ")}` : `  有错误的表：${withErrors.map(([sheet, n]) => `${sheet}（${n}）`).join("、")}`);
    for (const [sheet, fs] of bySheet(findings)) {
      const sc = countBySeverity(fs);
      lines.push(en ? `  [${sheet}] errors ${sc.error}, warnings ${sc.warning}, notes ${sc.info}` : `  【${sheet}】错误 ${sc.error}，警告 ${sc.warning}，提示 ${sc.info}`);
      for (const sev of SEV_ORDER) {
        for (const f of fs.filter((x) => x.severity === sev)) lines.push(`    [${(en ? SEV_NAME_EN : SEV_NAME)[sev]}] ${f.cell}  ${messageIn(f, lang)}  (${f.ruleId})`);
      }
    }
    if (findings.length === 0) lines.push(en ? "  No problems found." : "  未发现问题。");
    lines.push("");
  }
  return lines.join("\n");
}

/** The line under a batch's text report: how many files, how many with errors, how many unreadable. */
export function batchSummary(files: FileFindings[], lang: Lang = "zh-CN"): string {
  const withErrors = files.filter((r) => r.findings.some((f) => f.severity === "error")).length;
  const failed = files.filter((r) => r.error).length;
  return lang === "en-US"
    ? `${files.length} files checked: ${withErrors} with errors, ${failed} unreadable.`
    : `共检查 ${files.length} 个文件：有错误的 ${withErrors} 个，无法读取的 ${failed} 个。`;
}

/** A finding's data as the report's language words it (a composed phrase becomes its text in that language). */
function dataIn(data: MessageData | undefined, lang: Lang): Record<string, string | number> {
  return Object.fromEntries(Object.entries(data ?? {}).map(([k, v]) => [k, typeof v === "number" ? v : textIn(v, lang)]));
}

/** A flat JSON array: every finding with its file, its message id and data, and its message in the language. */
export function formatJson(files: FileFindings[], lang: Lang = "zh-CN"): string {
  const out: Record<string, unknown>[] = [];
  for (const { file, findings, error } of files) {
    if (error) {
      out.push({ file, ruleId: "file", severity: "error", sheet: "", cell: "", expected: null, actual: null, message: lang === "en-US" ? `The file could not be read: ${error}` : `无法读取文件：${error}` });
      continue;
    }
    for (const f of findings) {
      out.push({ file, ruleId: f.ruleId, severity: f.severity, sheet: f.sheet, cell: f.cell, expected: f.expected ?? null, actual: f.actual ?? null, difference: f.difference ?? null, table: f.table ?? null, related: f.related ?? [], messageId: f.messageId ?? null, data: dataIn(f.data, lang), message: messageIn(f, lang) });
    }
  }
  return JSON.stringify(out, null, 2);
}

function esc(s: unknown): string {
  return String(s ?? "").replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!);
}

function anchor(file: string, sheet?: string): string {
  return `${sheet === undefined ? "f" : "s"}-${[...`${file}/${sheet ?? ""}`].map((ch) => ch.codePointAt(0)!.toString(36)).join("")}`;
}

/** What the report says about how it was made (printed at the top of the HTML page). */
export interface ReportMeta {
  /** When the check ran (default: now). */
  generatedAt?: Date;
  /** Version of budget-tables. */
  version?: string;
  /** 尾差 tolerance: the multiplier of the rounding envelope (1 = standard). */
  roundingFactor?: number;
  /** The rules that ran, by id. */
  rules?: string[];
  /** The catalog edition used, per file or for all (e.g. "2025 年版（内置）"). */
  catalogEdition?: string;
  /** catalogEdition in English, for an en-US page. */
  catalogEditionEn?: string;
  /** The language of the findings' messages (and of the page's lang attribute); default zh-CN. */
  lang?: Lang;
}

const TOLERANCE_NAME = (f: number) => (f === 0 ? "严格（0，不容许尾差）" : f === 1 ? "标准（1 倍四舍五入区间）" : `${f} 倍四舍五入区间${f > 1 ? "（宽松）" : ""}`);

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

function formatDate(d: Date): string {
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())} ${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
}

/**
 * Cut a text to about `max` characters at a clause boundary (，。；：、 or a space), never
 * inside a number or a word of digits: "… 21.43 万元，占 …" is cut after "万元，", not after "21.4".
 */
export function clipAtClause(text: string, max: number): string {
  if (text.length <= max) return text;
  const boundary = /[，。；：、,;:！？!?\s]/;
  for (let i = max; i > max / 2; i--) if (boundary.test(text[i - 1])) return text.slice(0, i).trimEnd() + "…";
  // No boundary near: cut outside any run of digits, separators and decimal points.
  let i = max;
  while (i > 0 && /[\d.,，．％%]/.test(text[i - 1]) && /[\d.,，．％%]/.test(text[i] ?? "")) i--;
  return text.slice(0, i) + "…";
}

function sheetsInOrder(findings: Finding[]): [string, Finding[]][] {
  // Sheets with errors first, then with warnings, then the rest; keeping the workbook order within each.
  const groups = [...bySheet(findings)];
  const rank = (fs: Finding[]) => (fs.some((f) => f.severity === "error") ? 0 : fs.some((f) => f.severity === "warning") ? 1 : 2);
  return groups.map((g, i) => [g, i] as const).sort((a, b) => rank(a[0][1]) - rank(b[0][1]) || a[1] - b[1]).map(([g]) => g);
}

const CSS = `
*{box-sizing:border-box}
body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC",sans-serif;margin:0 auto;padding:16px;max-width:1100px;color:#222;line-height:1.5}
h1{font-size:20px;margin:0 0 8px}h2{font-size:17px;margin-top:28px;overflow-wrap:anywhere}h3{font-size:15px;margin:18px 0 6px;overflow-wrap:anywhere}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;font-size:13px;color:#444;margin:0 0 12px}dl.meta dt{font-weight:600}dl.meta dd{margin:0;overflow-wrap:anywhere}
nav ul{margin:4px 0;padding-left:20px}nav li{margin:2px 0}
table{border-collapse:collapse;width:100%;margin-bottom:12px}th,td{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top;font-size:13px}
th{background:#f3f3f3;white-space:nowrap}td.msg{overflow-wrap:anywhere}td.sev,td.cell,td.rule,td.num{white-space:nowrap;width:1%}
.error td.sev,.badge.error{background:#fde2e1;color:#a4262c}.warning td.sev,.badge.warning{background:#fff4ce;color:#6b5500}.info td.sev,.badge.info{background:#e6f2fb;color:#0f548c}
.badge{display:inline-block;padding:0 6px;border-radius:3px;margin-right:8px;font-size:13px}
.num{text-align:right;font-variant-numeric:tabular-nums}
p.unreadable{color:#a4262c}
@media (max-width:600px){
  body{padding:10px}
  table.findings thead{display:none}
  table.findings,table.findings tbody,table.findings tr,table.findings td{display:block;width:100%}
  table.findings tr{border:1px solid #ccc;margin-bottom:8px}
  table.findings td{border:none;border-bottom:1px solid #eee;white-space:normal;width:auto}
  table.findings td[data-label]::before{content:attr(data-label) "：";font-weight:600}
  table.summary th:nth-child(n+5),table.summary td:nth-child(n+5){display:none}
}
@media print{nav{display:none}a{color:inherit;text-decoration:none}tr{break-inside:avoid}}
@media (forced-colors:active){.badge,td.sev{border:1px solid CanvasText}}
`;

/**
 * A self-contained HTML page: how the check was made (date, version, catalog edition,
 * tolerance, rules), a summary over the batch, then per file its contents (sheets with
 * links, errors first) and its findings, errors before warnings before information.
 * Narrow screens get one card per finding.
 */
/** The HTML page's own words in English (the page's lang attribute follows the findings' language). */
const HTML_EN: Record<string, string> = {
  预算公开表格检查结果: "Budget disclosure check results",
  检查时间: "Checked at",
  工具版本: "Tool version",
  科目版本: "Classification edition",
  尾差容许度: "Rounding tolerance",
  检查规则: "Rules",
  文件数: "Files",
  文件: "File",
  错误: "Errors",
  警告: "Warnings",
  提示: "Notes",
  状态: "Status",
  无法读取: "Unreadable",
  有错误: "Has errors",
  有警告: "Has warnings",
  未发现错误: "No errors found",
  级别: "Severity",
  单元格: "Cell",
  说明: "Finding",
  应为: "Expected",
  填列: "Filled in",
  差额: "Difference",
  规则: "Rule",
  "未发现问题。": "No problems found.",
  目录: "contents",
};

export function formatHtml(files: FileFindings[], meta: ReportMeta = {}): string {
  const parts: string[] = [];
  const lang = meta.lang ?? "zh-CN";
  const en = lang === "en-US";
  const L = (zh: string): string => (en ? HTML_EN[zh] ?? zh : zh);
  const SEV_NAME_L = en ? SEV_NAME_EN : SEV_NAME;
  const title = L("预算公开表格检查结果");
  parts.push(`<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${title}</title><style>${CSS}</style></head><body><h1>${title}</h1>`);
  const metaRows: [string, string][] = [[L("检查时间"), formatDate(meta.generatedAt ?? new Date())]];
  if (meta.version) metaRows.push([L("工具版本"), `budget-tables ${meta.version}`]);
  if (meta.catalogEdition) metaRows.push([L("科目版本"), en ? meta.catalogEditionEn ?? meta.catalogEdition : meta.catalogEdition]);
  if (meta.roundingFactor !== undefined) metaRows.push([L("尾差容许度"), en ? `${meta.roundingFactor} × the rounding envelope` : TOLERANCE_NAME(meta.roundingFactor)]);
  if (meta.rules?.length) metaRows.push([L("检查规则"), meta.rules.join(en ? ", " : "、")]);
  metaRows.push([L("文件数"), String(files.length)]);
  parts.push(`<dl class="meta">${metaRows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join("")}</dl>`);

  const total = countBySeverity(files.flatMap((f) => f.findings));
  if (files.length > 1) {
    const unreadable = files.filter((f) => f.error).length;
    const withErrors = files.filter((f) => f.findings.some((x) => x.severity === "error")).length;
    parts.push(
      en
        ? `<p class="batch">${files.length} files: ${withErrors} with errors, ${unreadable} unreadable; in all ${total.error} errors, ${total.warning} warnings, ${total.info} notes.</p>`
        : `<p class="batch">共 ${files.length} 个文件：有错误的 ${withErrors} 个，无法读取的 ${unreadable} 个；合计错误 ${total.error}、警告 ${total.warning}、提示 ${total.info}。</p>`,
    );
    // Files with errors (or unreadable) first.
    const order = files.map((f, i) => [f, i] as const).sort((a, b) => rankFile(a[0]) - rankFile(b[0]) || a[1] - b[1]);
    parts.push(`<table class="summary"><thead><tr>${["文件", "错误", "警告", "提示", "状态"].map((h) => `<th>${L(h)}</th>`).join("")}</tr></thead><tbody>`);
    for (const [f] of order) {
      const c = countBySeverity(f.findings);
      const state = L(f.error ? "无法读取" : c.error ? "有错误" : c.warning ? "有警告" : "未发现错误");
      parts.push(`<tr class="${f.error || c.error ? "error" : c.warning ? "warning" : "info"}"><td><a href="#${esc(anchor(f.file))}">${esc(f.file)}</a></td><td class="num">${c.error}</td><td class="num">${c.warning}</td><td class="num">${c.info}</td><td>${state}</td></tr>`);
    }
    parts.push("</tbody></table>");
  }

  for (const { file, findings, error } of files) {
    parts.push(`<section><h2 id="${esc(anchor(file))}">${esc(file)}</h2>`);
    if (error) {
      parts.push(`<p class="unreadable">${L("无法读取")}${en ? ": " : "："}${esc(error)}</p></section>`);
      continue;
    }
    const c = countBySeverity(findings);
    parts.push(`<p class="counts"><span class="badge error">${L("错误")} ${c.error}</span><span class="badge warning">${L("警告")} ${c.warning}</span><span class="badge info">${L("提示")} ${c.info}</span></p>`);
    if (!findings.length) {
      parts.push(`<p>${L("未发现问题。")}</p></section>`);
      continue;
    }
    const sheets = sheetsInOrder(findings);
    parts.push(`<nav aria-label="${esc(file)} ${L("目录")}"><ul>${sheets.map(([sheet, fs]) => {
      const sc = countBySeverity(fs);
      const counts = SEV_ORDER.filter((s) => sc[s]).map((s) => `${SEV_NAME_L[s]} ${sc[s]}`).join(en ? ", " : "，");
      return `<li><a href="#${esc(anchor(file, sheet))}">${esc(sheet)}</a>${en ? ` (${counts})` : `（${counts}）`}</li>`;
    }).join("")}</ul></nav>`);
    for (const [sheet, fs] of sheets) {
      parts.push(`<h3 id="${esc(anchor(file, sheet))}">${esc(sheet)}</h3><table class="findings"><thead><tr>${["级别", "单元格", "说明", "应为", "填列", "差额", "规则"].map((h) => `<th>${L(h)}</th>`).join("")}</tr></thead><tbody>`);
      const sorted = SEV_ORDER.flatMap((sev) => fs.filter((f) => f.severity === sev));
      for (const f of sorted) {
        const td = (label: string, cls: string, v: unknown) => (v === undefined || v === null || v === "" ? `<td class="${cls}"></td>` : `<td class="${cls}" data-label="${L(label)}">${esc(v)}</td>`);
        parts.push(
          `<tr class="${f.severity}">${td("级别", "sev", SEV_NAME_L[f.severity])}${td("单元格", "cell", f.cell)}${td("说明", "msg", messageIn(f, lang))}${td("应为", "num", f.expected)}${td("填列", "num", f.actual)}${td("差额", "num", f.difference)}${td("规则", "rule", f.ruleId)}</tr>`,
        );
      }
      parts.push("</tbody></table>");
    }
    parts.push("</section>");
  }
  parts.push("</body></html>");
  return parts.join("\n");
}

function rankFile(f: FileFindings): number {
  if (f.error) return 0;
  const c = countBySeverity(f.findings);
  return c.error ? 0 : c.warning ? 1 : 2;
}
