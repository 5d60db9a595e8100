/**
 * Any input the checker accepts — .xlsx, .pdf, .docx — read into the workbook model,
 * with what could not be read as findings and a way to say where a finding is in the
 * original (cell, page and line, or paragraph). And the text of one file put together
 * with the tables of another (`check 表.xlsx --narrative 说明.docx`).
 */
import { readFile } from "fs/promises";
import { extname } from "path";
import { checkWorkbook } from "../core/checks/engine";
import { withoutReportSheets } from "../core/workflows/check";
import type { CheckOptions, Finding } from "../core/checks/types";
import { pdfInput, readPdf } from "./pdf";
import { docxInput, readDocx } from "./docx/index";
import { InputError, readInputFile, statInput } from "./xlsx/readInput";
import { withUncachedFormulas } from "./xlsx/uncached";
import { withNarrative, type InputKind, type InputRead } from "./narrativeInput";

export type { InputKind, InputRead } from "./narrativeInput";
export { withNarrative };

export function inputKind(file: string): InputKind | undefined {
  const ext = extname(file).toLowerCase();
  if (ext === ".xlsx" || ext === ".xlsm") return "xlsx";
  if (ext === ".pdf") return "pdf";
  if (ext === ".docx") return "docx";
  return undefined;
}

/**
 * Read a .pdf or .docx document, or a workbook (.xlsx; .xls / .et / .ods / .csv converted with
 * LibreOffice when it is installed), never written. The kind of a workbook is told from its
 * bytes; a FIFO or device is never opened. Errors are Chinese and name the file.
 */
export async function readAnyInput(file: string): Promise<InputRead> {
  const kind = inputKind(file);
  if (/\.(doc|wps|rtf|odt)$/i.test(file)) {
    const name = file.split(/[\\/]/).pop();
    throw new InputError(`“${name}”不是可检查的文件类型：这是 Word / WPS 旧版或其他格式的文档，请在 Word 或 WPS 中另存为 .docx 后再检查。`, "legacy");
  }
  if (kind !== "pdf" && kind !== "docx") {
    const { wb, info, note } = await readInputFile(file, { convert: true });
    return { file, kind: "xlsx", workbook: wb, readFindings: [], narrativeSheets: [], locate: (f) => f.cell, xlsxInfo: info, note };
  }
  const name = file.split(/[\\/]/).pop();
  await statInput(file);
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch (e) {
    throw new InputError(`无法读取“${name}”（${(e as NodeJS.ErrnoException).code ?? "读取失败"}），请检查文件权限。`, "other");
  }
  if (kind === "pdf") return pdfInput(file, await readPdf(new Uint8Array(data), { file }));
  return docxInput(file, await readDocx(new Uint8Array(data), { file }));
}

/**
 * Check one input file (and, with `narrative`, the text of another against its tables):
 * the checker's findings, each located in the original when it is a PDF or Word document
 * ("（第 3 页第 12 行）" added to the message), after the findings about what could not be read.
 */
export async function checkInputFile(file: string, options: CheckOptions = {}, narrative?: string): Promise<{ findings: Finding[]; note?: string }> {
  let input = await readAnyInput(file);
  const notes = [input.note];
  if (narrative) {
    const text = await readAnyInput(narrative);
    notes.push(text.note);
    input = { ...withNarrative(input, text), xlsxInfo: input.xlsxInfo };
  }
  // a workbook saved with the pane's 审核结果 sheet: that sheet is the last check's output, not a table to check
  let findings = checkWorkbook(withoutReportSheets(input.workbook), options);
  if (input.xlsxInfo) findings = withUncachedFormulas(findings, input.xlsxInfo);
  const located = findings.map((f) => {
    if (input.kind === "xlsx" && !input.narrativeSheets.includes(f.sheet)) return f;
    const where = input.locate(f);
    return where ? { ...f, message: `${f.message}（${where}）` } : f;
  });
  const note = notes.filter(Boolean).join(" ") || undefined;
  return { findings: [...input.readFindings, ...located], note };
}
