/**
 * A file the user picks in the task pane, read in the browser: last year's disclosure or the
 * 情况说明 as a Word / PDF document, into the same model the CLI reads (InputRead). This module
 * is small and sits in the first bundle; the readers (jszip + saxes for .docx and .xlsx, pdfjs
 * for .pdf) are loaded by dynamic import() only when a file of that kind is picked.
 */
import type { Workbook } from "../../core/model";
import type { CheckOptions, Finding } from "../../core/checks/types";
import { parseA1 } from "../../core/a1";
import { recognizeWorkbook } from "../../core/recognize";
import { HostError } from "../host";
import { withNarrative, type InputKind, type InputRead } from "../narrativeInput";

/** What the picked file is for: the text to check against the open workbook, or last year's disclosure. */
export type CompanionPurpose = "narrative" | "previous";

export const COMPANION_ACCEPT: Record<CompanionPurpose, string> = {
  narrative: ".docx,.pdf",
  previous: ".xlsx,.xlsm,.pdf,.docx",
};

/** A picked file, read. */
export interface CompanionRead extends InputRead {
  /** The file's name as picked. */
  name: string;
  size: number;
  /** Tables recognised and paragraphs of running text (for the line under the file's name). */
  tables: number;
  paragraphs: number;
  /** The budget year the file's tables (or text) give, when they give one. */
  year?: number;
}

/** The kind of a file by its name (the readers then check its bytes). */
export function companionKind(name: string): InputKind | undefined {
  const m = /\.([A-Za-z0-9]+)$/.exec(name);
  const ext = m ? m[1].toLowerCase() : "";
  if (ext === "xlsx" || ext === "xlsm") return "xlsx";
  if (ext === "pdf") return "pdf";
  if (ext === "docx") return "docx";
  return undefined;
}

/** Chinese sentence for a file that cannot be used for this purpose, by its name. */
function kindError(name: string, purpose: CompanionPurpose): HostError {
  const want = purpose === "narrative" ? "Word 文档（.docx）或 PDF 文件" : "Excel 工作簿（.xlsx）、Word 文档（.docx）或 PDF 文件";
  if (/\.(doc|wps|rtf|odt)$/i.test(name)) return new HostError(`“${name}”是 Word / WPS 旧版或其他格式的文档，不能直接读取。请在 Word 或 WPS 中另存为 .docx 后再选择。`, "unreadable");
  if (/\.(xls|et|ods|csv)$/i.test(name)) return new HostError(`“${name}”不是 .xlsx 工作簿，不能直接读取。请在 Excel 或 WPS 中打开，另存为“Excel 工作簿（*.xlsx）”后再选择。`, "unreadable");
  return new HostError(`“${name}”不是可读取的文件类型，请选择${want}。`, "unreadable");
}

/** The bytes of a picked file (Blob.arrayBuffer, or FileReader where that is missing). */
export async function fileBytes(file: Blob): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === "function") return new Uint8Array(await file.arrayBuffer());
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(new Uint8Array(r.result as ArrayBuffer));
    r.onerror = () => reject(r.error ?? new Error("read failed"));
    r.readAsArrayBuffer(file);
  });
}

function inBrowser(): boolean {
  return typeof window !== "undefined" && !(typeof process !== "undefined" && (process as { versions?: { node?: string } }).versions?.node);
}

/** Read these bytes (a file named `name`) with the reader of its kind, loaded on demand. */
export async function readCompanionBytes(name: string, bytes: Uint8Array, purpose: CompanionPurpose): Promise<CompanionRead> {
  const kind = companionKind(name);
  if (!kind || (purpose === "narrative" && kind === "xlsx")) throw kindError(name, purpose);
  if (bytes.length === 0) throw new HostError(`“${name}”是空文件（0 字节），里面没有内容。请确认文件已完整保存或下载。`, "unreadable");
  let read: InputRead;
  if (kind === "docx") {
    const m = await import(/* webpackChunkName: "read-docx" */ "./readDocx");
    read = await m.readDocxBytes(name, bytes);
  } else if (kind === "pdf") {
    const m = await import(/* webpackChunkName: "read-pdf" */ "./readPdf");
    if (inBrowser()) await m.usePdfjsInBrowser();
    read = await m.readPdfBytes(name, bytes);
  } else {
    const m = await import(/* webpackChunkName: "read-xlsx" */ "./readXlsx");
    read = await m.readXlsxBytes(name, bytes);
  }
  const facts = recognizeWorkbook(read.workbook);
  const paragraphs = read.narrativeSheets.length
    ? read.workbook.sheets.filter((s) => read.narrativeSheets.includes(s.name)).reduce((n, s) => n + s.rows.filter((r) => typeof r?.[0]?.value === "string").length, 0)
    : facts.paragraphs.length;
  const out: CompanionRead = { ...read, name, size: bytes.length, tables: facts.tables.length, paragraphs, year: facts.year };
  if (purpose === "narrative" && paragraphs === 0)
    throw new HostError(`“${name}”中没有找到说明文字（段落），无法核对。若是扫描件，请取得带文字层的文件（由 Word / WPS 直接导出的 PDF 或 .docx）。`, "unreadable");
  if (purpose === "previous" && out.tables === 0)
    throw new HostError(`“${name}”中没有识别到预算表，无法用作上年数据。请选择上年公开的预算工作簿（.xlsx）或带文字层的 PDF。`, "unreadable");
  return out;
}

/** Read a file the user picked. Errors are HostErrors with a Chinese message naming the file. */
export async function readCompanionFile(file: Blob & { name: string }, purpose: CompanionPurpose): Promise<CompanionRead> {
  const kind = companionKind(file.name);
  if (!kind || (purpose === "narrative" && kind === "xlsx")) throw kindError(file.name, purpose);
  let bytes: Uint8Array;
  try {
    bytes = await fileBytes(file);
  } catch {
    throw new HostError(`无法读取“${file.name}”：浏览器没能打开这个文件，请确认文件仍在原处并且没有被其他程序独占后重试。`, "unreadable");
  }
  return readCompanionBytes(file.name, bytes, purpose);
}

/** The files picked in a panel. */
export interface Companions {
  narrative?: CompanionRead | null;
  previous?: CompanionRead | null;
}

/** The open workbook as an input (its own cells: a finding is located at its cell). */
function workbookInput(wb: Workbook): InputRead {
  return { file: "", kind: "xlsx", workbook: wb, readFindings: [], narrativeSheets: [], locate: (f) => f.cell };
}

/** A finding in the picked document's text, with the paragraph it is about. */
export interface ParagraphFinding {
  file: string;
  /** "第 12 段", "第 3 页第 12 行". */
  where?: string;
  text: string;
}

const located = new WeakMap<Finding, ParagraphFinding>();

/** The paragraph of a finding returned by checkWithCompanions that is in the picked document's text. */
export function paragraphOf(f: Finding): ParagraphFinding | undefined {
  return located.get(f);
}

/**
 * The check of the open workbook with the picked files: the workbook's own text sheets
 * replaced by the document's text (as `check 表.xlsx --narrative 说明.docx`) and last year's
 * workbook as CheckOptions.previous. `run` is the pane's checker. The findings in the
 * document's text carry where they are in it (added to the message, as the CLI does) and
 * their paragraph (paragraphOf): there is no cell of the workbook to select for them.
 */
export function checkWithCompanions(wb: Workbook, companions: Companions, options: CheckOptions, run: (wb: Workbook, options: CheckOptions) => Finding[]): Finding[] {
  const c = withCompanions(wb, companions, options);
  return c.finish(run(c.wb, c.options));
}

/** checkWithCompanions with an async checker (the pane's, with progress and cancel). */
export async function checkWithCompanionsAsync(wb: Workbook, companions: Companions, options: CheckOptions, run: (wb: Workbook, options: CheckOptions) => Promise<Finding[]>): Promise<Finding[]> {
  const c = withCompanions(wb, companions, options);
  return c.finish(await run(c.wb, c.options));
}

/** What the checker is run on with the picked files, and how its findings are made into the run's. */
function withCompanions(wb: Workbook, companions: Companions, options: CheckOptions): { wb: Workbook; options: CheckOptions; finish(found: Finding[]): Finding[] } {
  const opts: CheckOptions = companions.previous ? { ...options, previous: companions.previous.workbook } : options;
  const text = companions.narrative;
  if (!text) return { wb, options: opts, finish: (found) => found };
  const combined = withNarrative(workbookInput(wb), text);
  const textSheets = new Set(combined.narrativeSheets);
  const finish = (found: Finding[]): Finding[] => {
    for (const f of text.readFindings) located.set(f, { file: text.name, text: "" });
    return [...text.readFindings, ...found].map((f) => {
      if (!textSheets.has(f.sheet)) return f;
      const sheet = combined.workbook.sheets.find((s) => s.name === f.sheet);
      let paragraph = "";
      try {
        const v = sheet?.rows[parseA1(f.cell).r]?.[0]?.value;
        paragraph = typeof v === "string" ? v : v == null ? "" : String(v);
      } catch {
        paragraph = "";
      }
      const where = combined.locate(f);
      const out: Finding = where ? { ...f, message: `${f.message}（${where}）` } : { ...f };
      located.set(out, { file: text.name, where: where?.slice(text.name.length).trim() || undefined, text: paragraph });
      return out;
    });
  };
  return { wb: combined.workbook, options: opts, finish };
}

/** Where the figure of a finding is in its paragraph: [start, end) of the stated figure (the finding's `actual`), near the quoted excerpt. */
export function figureSpan(text: string, f: Pick<Finding, "actual" | "message">): [number, number] | undefined {
  const quote = /“([^”]{4,})”/.exec(f.message)?.[1];
  const qAt = quote ? text.indexOf(quote.replace(/…$/, "")) : -1;
  const near = (spans: [number, number][]) => {
    if (!spans.length) return undefined;
    if (qAt < 0) return spans[0];
    return spans.find(([s]) => s >= qAt) ?? spans[spans.length - 1];
  };
  const a = f.actual;
  if (typeof a === "number") {
    const spans: [number, number][] = [];
    for (const m of text.matchAll(/\d[\d,，]*(?:\.\d+)?/g)) {
      const v = Number(m[0].replace(/[,，]/g, ""));
      if (Math.abs(v - a) < 1e-9) spans.push([m.index!, m.index! + m[0].length + (text[m.index! + m[0].length] === "%" ? 1 : 0)]);
    }
    const s = near(spans);
    if (s) return s;
  } else if (typeof a === "string" && a) {
    const spans: [number, number][] = [];
    for (let i = text.indexOf(a); i >= 0; i = text.indexOf(a, i + 1)) spans.push([i, i + a.length]);
    const s = near(spans);
    if (s) return s;
  }
  if (quote && qAt >= 0) return [qAt, qAt + quote.replace(/…$/, "").length];
  return undefined;
}
