import { promises as fs } from "fs";
import * as path from "path";
import { batchSummary, formatHtml, formatJson, formatText, type FileFindings } from "../../core/checks/report";
import type { CheckOptions } from "../../core/checks/types";
import { RULES } from "../../core/checks/rules";
import { isHostError } from "../../hosts/host";
import { checkInputFile, readAnyInput } from "../../hosts/input";
import { catalogFromFlags, IMPORT_FLAGS, IMPORT_USAGE } from "../catalogOption";
import { CheckPool } from "../checkWorker";
import { parseArgs, type CliCommand } from "../io";
import { guardOutputPath, writeGuarded } from "../outputPath";
import { toolVersion } from "../version";


export const checkCommand: CliCommand = {
  name: "check",
  summary: "检查工作簿中各表的勾稽关系（合计、科目层级、列间关系、收支平衡）（check the arithmetic of every table）",
  usage: `budget-tables check FILE.xlsx|FILE.pdf|FILE.docx|FOLDER... [--narrative 说明.docx|.pdf] [--previous 上年.xlsx] [--format text|json|html] [--lang zh-CN|en-US] [--year 2000-2100] [--rounding 0-10] [--timeout 秒] [--out FILE [--force]] [--tables 9|14] ${IMPORT_USAGE}`,
  async run(args, io) {
    const { flags, positional } = parseArgs(args, ["force"]);
    if (positional.length === 0) {
      io.err(`用法：${this.usage}`);
      return 2;
    }
    const format = typeof flags.format === "string" ? flags.format : "text";
    if (!["text", "json", "html"].includes(format)) {
      io.err(`--format 只能是 text、json 或 html：${format}`);
      return 2;
    }
    const lang = typeof flags.lang === "string" ? flags.lang : "zh-CN";
    if (lang !== "zh-CN" && lang !== "en-US") {
      io.err(`--lang 只能是 zh-CN 或 en-US：${lang}`);
      return 2;
    }
    const loaded = await catalogFromFlags(flags, io, "check", format !== "text");
    if ("exit" in loaded) return loaded.exit;
    const options: CheckOptions = { catalog: loaded.catalog };
    if (flags.year !== undefined) {
      const y = typeof flags.year === "string" && /^\d{4}$/.test(flags.year.trim()) ? Number(flags.year) : NaN;
      if (!(y >= 2000 && y <= 2100)) {
        io.err(`budget-tables check：--year 应为 2000—2100 之间的四位年份，例如 --year 2025：${flags.year === true ? "（缺少年份）" : flags.year}`);
        return 2;
      }
      options.year = y;
    }
    if (flags.tables !== undefined) {
      if (flags.tables !== "9" && flags.tables !== "14") {
        io.err(`--tables 只能是 9 或 14：${flags.tables}`);
        return 2;
      }
      options.tableSet = Number(flags.tables) as 9 | 14;
    }
    if (flags.rounding !== undefined) {
      const f = typeof flags.rounding === "string" && flags.rounding.trim() !== "" ? Number(flags.rounding) : NaN;
      if (!Number.isFinite(f) || f < 0 || f > MAX_ROUNDING) {
        io.err(
          `budget-tables check：--rounding 应为 0—${MAX_ROUNDING} 之间的数（尾差容许度：0 严格，不容许尾差；1 标准，按各数的印出精度；2 宽松，加倍）：${flags.rounding === true ? "（缺少数值）" : flags.rounding}`,
        );
        return 2;
      }
      options.roundingFactor = f;
    }
    const narrative = typeof flags.narrative === "string" ? flags.narrative : undefined;
    if (flags.narrative !== undefined && !narrative) {
      io.err("budget-tables check：--narrative 后面要给说明文字所在的文件（.docx、.pdf 或 .xlsx），用它的文字核对各表。");
      return 2;
    }
    const inputs = [...positional, ...(typeof flags.previous === "string" ? [flags.previous] : []), ...(narrative ? [narrative] : [])];
    if (typeof flags.out === "string") {
      // before any work: the report never goes over an input, a folder, or an existing file without --force
      try {
        await guardOutputPath(flags.out, inputs, { force: !!flags.force });
      } catch (e) {
        io.err(`budget-tables check：${(e as Error).message}`);
        return 2;
      }
    }
    if (flags.previous !== undefined) {
      if (typeof flags.previous !== "string") {
        io.err("budget-tables check：--previous 后面要给上年的工作簿文件（.xlsx），用于核对说明中与上年的比较。");
        return 2;
      }
      try {
        options.previous = (await readAnyInput(flags.previous)).workbook;
      } catch (e) {
        io.err(`budget-tables check：上年的工作簿无法读取——${(e as Error).message}`);
        return 2;
      }
    }
    const results: FileFindings[] = [];
    let unreadable = false;
    const expanded = await expandFiles(positional);
    for (const note of expanded.notes) io.err(`budget-tables check：${note}`);
    if (expanded.fatal) return 2;
    // Several files (a folder run), or --timeout: each file is checked in a child process with
    // a time limit, so one pathological file cannot stall the run. One file: in this process.
    const timeoutSec = flags.timeout === undefined ? DEFAULT_TIMEOUT_SEC : typeof flags.timeout === "string" && /^\d+$/.test(flags.timeout.trim()) ? Number(flags.timeout) : NaN;
    if (!(timeoutSec >= 0 && timeoutSec <= 86400)) {
      io.err(`budget-tables check：--timeout 应为 0—86400 之间的整数秒数（每个文件的检查时限，0 为不限）：${flags.timeout === true ? "（缺少数值）" : flags.timeout}`);
      return 2;
    }
    const pooled = timeoutSec > 0 && (expanded.files.length > 1 || flags.timeout !== undefined);
    const pool = pooled ? new CheckPool(timeoutSec * 1000, Object.fromEntries(Object.entries(flags).filter(([k]) => IMPORT_FLAGS.includes(k)))) : null;
    const { catalog: _catalog, ...plainOptions } = options;
    void _catalog;
    let timedOut = 0;
    try {
      for (const file of expanded.files) {
        if (pool) {
          const r = await pool.check(file, plainOptions, narrative);
          if ("error" in r) {
            unreadable = true;
            if (r.timedOut) timedOut++;
            io.err(`budget-tables check：${r.error}`);
            results.push({ file, findings: [], error: r.error });
          } else {
            if (r.note) io.err(`budget-tables check：${r.note}`);
            results.push({ file, findings: r.findings });
          }
          continue;
        }
        try {
          // .xlsx (or .xls / .ods … converted), .pdf or .docx; with --narrative, that file's text checked against these tables
          const { findings, note } = await checkInputFile(file, options, narrative);
          if (note) io.err(`budget-tables check：${note}`);
          results.push({ file, findings });
        } catch (e) {
          unreadable = true;
          const msg = isHostError(e) ? e.message : lang === "en-US" ? `${file}: the check failed (${(e as Error).message})` : `${file} 检查时出错（${(e as Error).message}）`;
          io.err(`budget-tables check：${msg}`);
          results.push({ file, findings: [], error: msg });
        }
      }
    } finally {
      pool?.close();
    }
    void timedOut;
    let text = format === "json" ? formatJson(results, lang) : format === "html" ? formatHtml(results, { ...reportMeta(options, loaded.catalog), lang }) : formatText(results, lang);
    if (format === "text" && results.length > 1) text += `\n${batchSummary(results, lang)}\n`;
    if (typeof flags.out === "string") {
      try {
        await writeGuarded(flags.out, [...inputs, ...expanded.files], text, { force: !!flags.force });
      } catch (e) {
        io.err(`budget-tables check：${(e as Error).message}`);
        return 2;
      }
      io.err(lang === "en-US" ? `Results written to ${flags.out}` : `结果已写入 ${flags.out}`);
    } else io.out(text);
    const errors = results.some((r) => r.findings.some((f) => f.severity === "error"));
    if (unreadable || expanded.emptyFolder) return 2;
    return errors ? 1 : 0;
  },
};

const MAX_ROUNDING = 10;
/** Time allowed per file when several are checked (seconds); --timeout changes it. */
const DEFAULT_TIMEOUT_SEC = 300;

/** Files a folder run picks up: workbooks, and published .pdf / .docx documents; others (.csv …) are left alone unless named. */
const SPREADSHEET = /\.(xlsx|xlsm|xls|et|ods|pdf|docx)$/i;

/**
 * Files to check: each argument, or every spreadsheet inside an argument that is a folder
 * (sorted, recursively). Entries that are not regular files (a FIFO, a device, a socket) are
 * skipped with a note and never opened; a folder without any spreadsheet is an error.
 */
export async function expandFiles(args: string[]): Promise<{ files: string[]; notes: string[]; fatal: boolean; emptyFolder: boolean }> {
  const files: string[] = [];
  const notes: string[] = [];
  let fatal = false;
  const walk = async (dir: string): Promise<number> => {
    let entries;
    try {
      entries = (await fs.readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
    } catch (e) {
      notes.push(`无法读取文件夹 ${dir}（${(e as NodeJS.ErrnoException).code === "EACCES" ? "没有权限" : (e as NodeJS.ErrnoException).code ?? "读取失败"}），已跳过。`);
      return 0;
    }
    let n = 0;
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) n += await walk(p);
      else if (!SPREADSHEET.test(e.name) || e.name.startsWith("~$")) continue;
      else if (e.isFile()) {
        files.push(p);
        n++;
      } else if (e.isSymbolicLink()) {
        const st = await fs.stat(p).catch(() => null);
        if (st?.isFile()) {
          files.push(p);
          n++;
        } else notes.push(`${p} 是指向${st ? "非普通文件" : "不存在的文件"}的链接，已跳过。`);
      } else notes.push(`${p} 不是普通文件（${e.isFIFO() ? "命名管道 FIFO" : e.isSocket() ? "套接字" : "设备文件"}），已跳过（没有打开它）。`);
    }
    return n;
  };
  for (const a of args) {
    const st = await fs.stat(a).catch(() => null);
    if (st?.isDirectory()) {
      const before = notes.length;
      if ((await walk(a)) === 0) {
        fatal = true;
        notes.splice(before, 0, `文件夹 ${a} 中没有 Excel 工作簿（.xlsx、.xls、.et、.ods）或公开文件（.pdf、.docx），没有可检查的文件。`);
      }
    } else files.push(a);
  }
  return { files, notes, fatal: fatal && files.length === 0, emptyFolder: fatal };
}


/** How the check was made, for the HTML report's header. */
function reportMeta(options: CheckOptions, catalog: CheckOptions["catalog"]): Parameters<typeof formatHtml>[1] {
  const years = catalog?.years("function") ?? [];
  const range = years.length ? `${years[0]}${years.length > 1 ? `—${years[years.length - 1]}` : ""}` : "";
  const span = years.length ? `支出功能分类 ${range} 年版，各文件按其预算年度取对应版本（没有对应版本的取最接近的版本）` : undefined;
  const spanEn = years.length ? `Functional classification of expenditure, editions ${range}; each file is checked against the edition of its budget year (the nearest one when there is none)` : undefined;
  return {
    version: toolVersion(),
    roundingFactor: options.roundingFactor ?? 1,
    rules: RULES.filter((r) => options.rules?.[r.id] !== "off").map((r) => r.id),
    catalogEdition: span,
    catalogEditionEn: spanEn,
  };
}
