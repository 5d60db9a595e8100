/**
 * The PDF host: a published disclosure (PDF with a text layer) read into the same
 * workbook model every rule works on — one sheet per table, a 情况说明 sheet with one
 * paragraph per row — with the page and line of every cell kept beside it, so that
 * findings can be shown by page.
 *
 * Honest about what it cannot read: pages without a text layer (scans) and tables
 * whose columns cannot be told apart are listed, never guessed into cells.
 */
import { parseA1 } from "../../core/a1";
import { uniqueSheetName, type Workbook } from "../../core/model";
import type { Finding } from "../../core/checks/types";
import type { InputRead } from "../narrativeInput";
import { buildLines, itemWords, type Word } from "./geometry";
import { layoutDocument, type ContentsEntry, type PageInfo } from "./layout";
import { readPages, type PageText } from "./pdfjs";
import { buildTable, type SourceLoc } from "./table";

export { setPdfjs, loadPdfjs } from "./pdfjs";
export type { SourceLoc } from "./table";

export const NARRATIVE_SHEET = "情况说明";

export interface PdfTableInfo {
  sheet: string;
  title: string;
  pages: number[];
  headerRows: number;
  bodyRows: number;
  columns: number;
}

export interface PdfUnread {
  page: number;
  title?: string;
  kind: "scan" | "table" | "rotated";
  message: string;
}

export interface PdfRead {
  file?: string;
  workbook: Workbook;
  pages: { page: number; kind: PageInfo["kind"]; lines: number }[];
  tables: PdfTableInfo[];
  contents: ContentsEntry[];
  paragraphs: { text: string; page: number; line: number; endPage: number; row: number; heading: boolean }[];
  unread: PdfUnread[];
  /** Source of every cell: sheet → "r,c" → page and line. */
  locations: Map<string, Map<string, SourceLoc>>;
}

export interface ReadPdfOptions {
  /** File name, for messages. */
  file?: string;
}

function displayName(file?: string): string {
  return file ? `“${file.split(/[\\/]/).pop()}”` : "该 PDF 文件";
}

/** Pages (text items) to the workbook model. Exported for tests that build pages by hand. */
export function pagesToWorkbook(pages: PageText[], opts: ReadPdfOptions = {}): PdfRead {
  const unread: PdfUnread[] = [];
  const infos: PageInfo[] = pages.map((p) => {
    const words: Word[] = [];
    let rotated = 0;
    for (const it of p.items) {
      const r = itemWords(it, p.viewport);
      words.push(...r.words);
      if (r.rotated) rotated++;
    }
    const lines = buildLines(words, p.page);
    const kind: PageInfo["kind"] = lines.length ? "text" : p.images > 0 ? "scan" : "blank";
    if (kind === "scan") unread.push({ page: p.page, kind: "scan", message: `${displayName(opts.file)}第 ${p.page} 页没有文字层（扫描件或图片），无法读取其中的表格和文字，未作检查。请取得带文字层的 PDF（由 Word / Excel 直接导出），或另行核对该页。` });
    if (rotated && rotated > 0.3 * (rotated + words.length)) unread.push({ page: p.page, kind: "rotated", message: `${displayName(opts.file)}第 ${p.page} 页的文字是旋转排版的（${rotated} 处），未读取。` });
    return { page: p.page, width: p.width, height: p.height, lines, kind };
  });
  const layout = layoutDocument(infos);
  const wb: Workbook = { sheets: [] };
  const locations = new Map<string, Map<string, SourceLoc>>();
  const tables: PdfTableInfo[] = [];
  for (const t of layout.tables) {
    const title = t.title.text.replace(/\s+/g, "");
    const name = uniqueSheetName(
      wb.sheets.map((s) => s.name),
      title.replace(/^\d+[.．、]\s*/, ""),
    );
    if (!t.header.length) {
      unread.push({
        page: t.title.page,
        title,
        kind: "table",
        message: `${displayName(opts.file)}第 ${t.pages.join("、")} 页的“${title}”：找不到表头，分不清各列是什么，本表未读取、未检查。请核对原表，或改用 Excel 版本检查。`,
      });
      continue;
    }
    const built = buildTable(name, t);
    if (built.ambiguous > 0) {
      unread.push({
        page: t.title.page,
        title,
        kind: "table",
        message: `${displayName(opts.file)}第 ${t.pages.join("、")} 页的“${title}”：有 ${built.ambiguous} 个数字跨在两列之间，分不清属于哪一列，本表未读取、未检查。请核对原表，或改用 Excel 版本检查。`,
      });
      continue;
    }
    wb.sheets.push(built.sheet);
    locations.set(name, built.locations);
    tables.push({ sheet: name, title, pages: t.pages, headerRows: built.headerRows, bodyRows: built.bodyRows, columns: built.sheet.colWidths?.length ?? 0 });
  }
  const paragraphs: PdfRead["paragraphs"] = [];
  if (layout.paragraphs.length) {
    const name = uniqueSheetName(
      wb.sheets.map((s) => s.name),
      NARRATIVE_SHEET,
    );
    const sheet = { name, rows: [] as Workbook["sheets"][number]["rows"], merges: [], colWidths: [100] };
    const loc = new Map<string, SourceLoc>();
    layout.paragraphs.forEach((p, r) => {
      sheet.rows[r] = [{ value: p.text, style: p.heading ? { bold: true, wrap: true } : { wrap: true } }];
      loc.set(`${r},0`, { page: p.page, line: p.line });
      paragraphs.push({ text: p.text, page: p.page, line: p.line, endPage: p.endPage, row: r, heading: p.heading });
    });
    wb.sheets.push(sheet);
    locations.set(name, loc);
  }
  return {
    file: opts.file,
    workbook: wb,
    pages: infos.map((p) => ({ page: p.page, kind: p.kind, lines: p.lines.length })),
    tables,
    contents: layout.contents,
    paragraphs,
    unread,
    locations,
  };
}

/** Read a PDF (its bytes; never modified) into the workbook model. */
export async function readPdf(data: Uint8Array, opts: ReadPdfOptions = {}): Promise<PdfRead> {
  let pages: PageText[];
  try {
    pages = await readPages(data);
  } catch (e) {
    const msg = (e as Error).message ?? String(e);
    if (/password/i.test(msg)) throw new Error(`${displayName(opts.file)}有密码保护，无法读取。请取得未加密的文件后重试。`);
    if (/pdfjs-dist/.test(msg)) throw e;
    throw new Error(`${displayName(opts.file)}不是有效的 PDF 文件或已损坏（${msg}），无法读取。请确认文件完整，或重新导出 PDF 后重试。`);
  }
  return pagesToWorkbook(pages, opts);
}

/** Page and line of a finding's cell, when the workbook came from a PDF. */
export function locateFinding(read: PdfRead, f: Pick<Finding, "sheet" | "cell">): SourceLoc | undefined {
  const m = read.locations.get(f.sheet);
  if (!m) return undefined;
  let rc: { r: number; c: number };
  try {
    rc = parseA1(f.cell);
  } catch {
    return undefined;
  }
  const exact = m.get(`${rc.r},${rc.c}`);
  if (exact) return exact;
  // An empty cell (a blank figure): the row's first located cell.
  for (let c = 0; c < 64; c++) {
    const l = m.get(`${rc.r},${c}`);
    if (l) return l;
  }
  return undefined;
}

/** What could not be read, as findings of the recognition rule (shown with the checker's). */
export function unreadFindings(read: PdfRead): Finding[] {
  return read.unread.map((u) => ({ ruleId: "recognition", severity: "warning" as const, sheet: u.title ?? `第${u.page}页`, cell: "A1", message: u.message }));
}

/** A read PDF as an input the checker takes (CLI and task pane alike): what could not be read as findings, findings located by page and line. */
export function pdfInput(file: string, read: PdfRead): InputRead {
  return {
    file,
    kind: "pdf",
    workbook: read.workbook,
    readFindings: unreadFindings(read),
    narrativeSheets: read.workbook.sheets.filter((s) => s.name.startsWith(NARRATIVE_SHEET)).map((s) => s.name),
    locate: (f) => {
      const l = locateFinding(read, f);
      return l ? `第 ${l.page} 页第 ${l.line} 行` : undefined;
    },
  };
}
