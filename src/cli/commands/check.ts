import { promises as fs } from "fs";
import * as path from "path";
import { formatHtml, formatJson, formatText, type FileFindings } from "../../core/checks/report";
import type { CheckOptions } from "../../core/checks/types";
import { readXlsxFile } from "../../hosts/xlsx/xlsxHost";
import { RULES } from "../../core/checks/rules";
import { checkInputFile } from "../../hosts/docx/input";
import { catalogFromFlags, IMPORT_USAGE } from "../catalogOption";
import { toolVersion } from "../version";
import { parseArgs, type CliCommand } from "../io";
import { guardOutputPath, writeGuarded } from "../outputPath";

export const checkCommand: CliCommand = {
  name: "check",
  summary: "检查工作簿中各表的勾稽关系（合计、科目层级、列间关系、收支平衡）（check the arithmetic of every table）",
  usage: `budget-tables check FILE.xlsx|FOLDER... [--format text|json|html] [--year Y] [--rounding F] [--out FILE [--force]] [--tables 9|14] [--previous LAST.xlsx] ${IMPORT_USAGE}`,
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
    const loaded = await catalogFromFlags(flags, io, "check", format !== "text");
    if ("exit" in loaded) return loaded.exit;
    const options: CheckOptions = { catalog: loaded.catalog };
    if (typeof flags.year === "string") {
      const y = Number(flags.year);
      if (!Number.isInteger(y)) {
        io.err(`--year 应为年份：${flags.year}`);
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
    if (typeof flags.rounding === "string") {
      const f = Number(flags.rounding);
      if (!Number.isFinite(f) || f < 0) {
        io.err(`--rounding 应为不小于 0 的数：${flags.rounding}`);
        return 2;
      }
      options.roundingFactor = f;
    }
    if (typeof flags.out === "string") {
      // before any work: the report never goes over an input, a folder, or an existing file without --force
      try {
        await guardOutputPath(flags.out, positional, { force: !!flags.force });
      } catch (e) {
        io.err(`budget-tables check：${(e as Error).message}`);
        return 2;
      }
    }
    if (flags.previous !== undefined) {
      if (typeof flags.previous !== "string") {
        io.err("--previous 后面要给上年的工作簿文件（.xlsx），用于核对说明中与上年的比较。");
        return 2;
      }
      options.previous = await readXlsxFile(flags.previous);
    }
    const results: FileFindings[] = [];
    let unreadable = false;
    const files = await expandFiles(positional);
    for (const file of files) {
      try {
        // .xlsx, .pdf or .docx; --narrative 说明.docx: that file's text checked against this file's tables.
        results.push({ file, findings: await checkInputFile(file, options, typeof flags.narrative === "string" ? flags.narrative : undefined) });
      } catch (e) {
        unreadable = true;
        const msg = (e as Error).message;
        io.err(`budget-tables check：${msg}`);
        results.push({ file, findings: [], error: msg });
      }
    }
    let text = format === "json" ? formatJson(results) : format === "html" ? formatHtml(results, reportMeta(options, loaded.catalog)) : formatText(results);
    if (format === "text" && results.length > 1) {
      const withErrors = results.filter((r) => r.findings.some((f) => f.severity === "error")).length;
      const failed = results.filter((r) => r.error).length;
      text += `\n共检查 ${results.length} 个文件：有错误的 ${withErrors} 个，无法读取的 ${failed} 个。\n`;
    }
    if (typeof flags.out === "string") {
      try {
        await writeGuarded(flags.out, [...positional, ...files], text, { force: !!flags.force });
      } catch (e) {
        io.err(`budget-tables check：${(e as Error).message}`);
        return 2;
      }
      io.err(`结果已写入 ${flags.out}`);
    } else io.out(text);
    const errors = results.some((r) => r.findings.some((f) => f.severity === "error"));
    if (unreadable) return 2;
    return errors ? 1 : 0;
  },
};

/** Files to check: each argument, or every .xlsx inside an argument that is a folder (sorted, recursively). */
async function expandFiles(args: string[]): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = (await fs.readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else if (/\.(xlsx|pdf|docx)$/i.test(e.name) && !e.name.startsWith("~$")) out.push(p);
    }
  };
  for (const a of args) {
    const st = await fs.stat(a).catch(() => null);
    if (st?.isDirectory()) await walk(a);
    else out.push(a);
  }
  return out;
}

/** How the check was made, for the HTML report's header. */
function reportMeta(options: CheckOptions, catalog: CheckOptions["catalog"]): Parameters<typeof formatHtml>[1] {
  const years = catalog?.years("function") ?? [];
  const span = years.length ? `支出功能分类 ${years[0]}${years.length > 1 ? `—${years[years.length - 1]}` : ""} 年版，各文件按其预算年度取对应版本（没有对应版本的取最接近的版本）` : undefined;
  return {
    version: toolVersion(),
    roundingFactor: options.roundingFactor ?? 1,
    rules: RULES.filter((r) => options.rules?.[r.id] !== "off").map((r) => r.id),
    catalogEdition: span,
  };
}
