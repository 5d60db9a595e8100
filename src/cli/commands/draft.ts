/**
 * budget-tables draft: write the 情况说明 from the tables of a workbook (and last year's
 * workbook for the comparisons), as a new sheet of a copy of the workbook, a Word document or
 * plain text. The input file is never written; an existing output is kept unless --force.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { applyToModel, type ChangeSet } from "../../core/changes";
import { renderNotes, renderTrace } from "../../core/draft";
import { guessYear } from "../../core/fill/year";
import { recognizeWorkbook } from "../../core/recognize";
import { isValidYear, resolveWorkContext } from "../../core/workflows/context";
import { hasDraft, planDraft } from "../../core/workflows/draft";
import { draftDocx } from "../../core/draft/docx";
import type { Workbook } from "../../core/model";
import { readXlsxFile, writeXlsxFile } from "../../hosts/xlsx/xlsxHost";
import { parseArgs, type CliCommand } from "../io";

/**
 * Write the input workbook with a change set applied to `out`. One function, so that the
 * surgical package writer (src/hosts/xlsx/patch.ts) can replace the exceljs round trip here.
 */
export async function writeWorkbookWithChanges(_input: string, wb: Workbook, changes: ChangeSet, out: string): Promise<void> {
  applyToModel(wb, changes);
  await writeXlsxFile(wb, out);
}

async function exists(p: string): Promise<boolean> {
  try {
    await fs.access(p);
    return true;
  } catch {
    return false;
  }
}

export const draftCommand: CliCommand = {
  name: "draft",
  summary: "根据表格起草情况说明（可与上年工作簿比较），写成新工作表、Word 文档或文本（draft the explanatory text from the tables）",
  usage: "budget-tables draft IN.xlsx [--out OUT.xlsx|OUT.docx|OUT.txt] [--previous LAST.xlsx] [--year Y] [--format xlsx|docx|text] [--sheet 名称] [--trace] [--force]",
  async run(args, io) {
    const { flags, positional } = parseArgs(args, ["force", "trace"]);
    const input = positional[0];
    if (!input || positional.length > 1) {
      io.err(`用法：${this.usage}`);
      return 2;
    }
    const out = typeof flags.out === "string" ? flags.out : undefined;
    const ext = out ? path.extname(out).toLowerCase() : "";
    const format = typeof flags.format === "string" ? flags.format : ext === ".docx" ? "docx" : ext === ".txt" || !out ? "text" : "xlsx";
    if (!["xlsx", "docx", "text"].includes(format)) {
      io.err(`--format 只能是 xlsx、docx 或 text：${format}`);
      return 2;
    }
    if (format !== "text" && !out) {
      io.err(`--format ${format} 需要用 --out 指定输出文件。`);
      return 2;
    }
    if (out && path.resolve(out) === path.resolve(input)) {
      io.err(`输出文件不能与输入文件相同（${input}）：请另存为新文件，原文件保持不变。`);
      return 2;
    }
    if (out && typeof flags.previous === "string" && path.resolve(out) === path.resolve(flags.previous)) {
      io.err(`输出文件不能与上年工作簿相同（${flags.previous}）。`);
      return 2;
    }
    if (out && !flags.force && (await exists(out))) {
      io.err(`输出文件 ${out} 已存在，未覆盖。确需覆盖请加 --force。`);
      return 2;
    }
    let year: number | undefined;
    if (flags.year !== undefined) {
      year = Number(flags.year);
      if (!isValidYear(year)) {
        io.err(`--year 应为年份（如 2025）：${flags.year}`);
        return 2;
      }
    }
    const wb = await readXlsxFile(input);
    let previousWorkbook: Workbook | undefined;
    if (flags.previous !== undefined) {
      if (typeof flags.previous !== "string") {
        io.err("--previous 后面要给上年的工作簿文件（.xlsx）。");
        return 2;
      }
      previousWorkbook = await readXlsxFile(flags.previous);
    }
    // the year as the pane decides it (core/workflows/context.ts): --year, else the workbook's, else next year
    const facts = recognizeWorkbook(wb);
    const work = resolveWorkContext({ chosenYear: year, workbookYear: facts.year ?? guessYear(wb) });
    const plan = planDraft(wb, { year: work.year, previousWorkbook, facts, sheetName: typeof flags.sheet === "string" ? flags.sheet : undefined });
    const d = plan.draft;
    if (!hasDraft(plan)) {
      io.err(`${input}：没有识别到可据以起草的预算表（部门收支总表、一般公共预算支出表等），未生成情况说明。请确认文件中有这些表，或先用 budget-tables inspect 查看各工作表。`);
      return 1;
    }
    if (previousWorkbook && !plan.draft.sections.some((s) => s.paragraphs.some((p) => p.runs.some((r) => typeof r !== "string" && "figure" in r && r.figure.kind === "prior"))) && !/持平|新增/.test(plan.text)) {
      io.err(`提示：上年工作簿 ${flags.previous} 中没有找到与本年对应的数字，说明中未写与上年比较。`);
    }
    if (format === "text") {
      const body = plan.text + (flags.trace ? "\n" + renderTrace(d) : "");
      if (out) await fs.writeFile(out, body, "utf8");
      else io.out(body);
    } else if (format === "docx") {
      await fs.writeFile(out!, await draftDocx(d));
    } else {
      await writeWorkbookWithChanges(input, wb, plan.changes, out!);
    }
    const notes = renderNotes(d);
    if (out) {
      io.out(`已写入 ${out}${format === "xlsx" ? `（新工作表“${plan.sheetName}”）` : ""}：${d.sections.length} 节。`);
      io.out(notes);
    } else io.err(notes);
    const left = (plan.text.match(/【请填写[^】]*】/g) ?? []).length;
    if (left) (out ? io.out : io.err)(`还有 ${left} 处【请填写…】需要编制人填写（原因、用途）。`);
    return 0;
  },
};
