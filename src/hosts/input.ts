/**
 * Any input the checker accepts — .xlsx, .pdf, .docx — read into the workbook model,
 * with what could not be read as findings and a way to say where a finding is in the
 * original (cell, page and line, or paragraph). And the text of one file put together
 * with the tables of another (`check 表.xlsx --narrative 说明.docx`).
 */
import { readFile } from "fs/promises";
import { extname } from "path";
import { uniqueSheetName, type Sheet, type Workbook } from "../core/model";
import { checkWorkbook } from "../core/checks/engine";
import { withoutReportSheets } from "../core/workflows/check";
import { recognizeWorkbook } from "../core/recognize";
import type { CheckOptions, Finding } from "../core/checks/types";
import { NARRATIVE_SHEET, locateFinding, readPdf, unreadFindings } from "./pdf";
import { DOCX_NARRATIVE_SHEET, locateDocxFinding, readDocx } from "./docx/index";
import { InputError, readInputFile, statInput } from "./xlsx/readInput";
import type { XlsxReadInfo } from "./xlsx/read";
import { withUncachedFormulas } from "./xlsx/uncached";

export type InputKind = "xlsx" | "pdf" | "docx";

export interface InputRead {
  file: string;
  kind: InputKind;
  workbook: Workbook;
  /** Findings about the reading itself (scanned pages, tables left unread). */
  readFindings: Finding[];
  /** Sheets holding the document's running text (PDF and Word: the 情况说明 sheet). */
  narrativeSheets: string[];
  /** Where a finding is in the original: "A5" for a workbook, "第 3 页第 12 行", "第 12 段". */
  locate(f: Pick<Finding, "sheet" | "cell">): string | undefined;
  /** A workbook's read: which formulas have no cached result. */
  xlsxInfo?: XlsxReadInfo;
  /** A sentence for the user about how the file was read (converted with LibreOffice …). */
  note?: string;
}

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
  if (kind === "pdf") {
    const read = await readPdf(new Uint8Array(data), { file });
    return {
      file,
      kind,
      workbook: read.workbook,
      readFindings: unreadFindings(read),
      narrativeSheets: read.workbook.sheets.filter((s) => s.name.startsWith(NARRATIVE_SHEET)).map((s) => s.name),
      locate: (f) => {
        const l = locateFinding(read, f);
        return l ? `第 ${l.page} 页第 ${l.line} 行` : undefined;
      },
    };
  }
  const read = await readDocx(new Uint8Array(data), { file });
  return {
    file,
    kind,
    workbook: read.workbook,
    readFindings: [],
    narrativeSheets: read.workbook.sheets.filter((s) => s.name.startsWith(DOCX_NARRATIVE_SHEET)).map((s) => s.name),
    locate: (f) => {
      const l = locateDocxFinding(read, f);
      return l ? (l.table ? `第 ${l.table} 个表格（第 ${l.paragraph} 段）` : `第 ${l.paragraph} 段`) : undefined;
    },
  };
}

/**
 * The tables of `tables` with the running text of `narrative`: the text sheets of the
 * tables' file (its 情况说明; in a workbook, the sheets with text and no table) are replaced by the other file's text,
 * so that each figure of the text is checked against the tables of the other file.
 */
export function withNarrative(tables: InputRead, narrative: InputRead): InputRead {
  // A workbook's own text sheets: those with paragraphs and no table.
  let own = tables.narrativeSheets;
  if (tables.kind === "xlsx") {
    const facts = recognizeWorkbook(tables.workbook);
    const withTables = new Set(facts.tables.map((t) => t.sheet));
    own = [...new Set(facts.paragraphs.map((p) => p.sheet))].filter((s) => !withTables.has(s));
  }
  const dropped = new Set(own);
  const sheets: Sheet[] = tables.workbook.sheets.filter((s) => !dropped.has(s.name));
  const textSheets = narrative.narrativeSheets.length
    ? narrative.workbook.sheets.filter((s) => narrative.narrativeSheets.includes(s.name))
    : narrative.workbook.sheets.filter((s) => s.rows.some((row) => row?.some((c) => typeof c?.value === "string" && c.value.length >= 20)));
  const renamed = new Map<string, string>();
  for (const s of textSheets) {
    const name = uniqueSheetName(
      sheets.map((x) => x.name),
      s.name,
    );
    renamed.set(name, s.name);
    sheets.push({ ...s, name });
  }
  const nname = narrative.file.split(/[\\/]/).pop();
  return {
    file: tables.file,
    kind: tables.kind,
    workbook: { sheets },
    readFindings: [...tables.readFindings, ...narrative.readFindings],
    narrativeSheets: [...renamed.keys()],
    locate: (f) => {
      const orig = renamed.get(f.sheet);
      if (orig === undefined) return tables.locate(f);
      const where = narrative.locate({ sheet: orig, cell: f.cell });
      return `${nname} ${where ?? f.cell}`;
    },
  };
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
