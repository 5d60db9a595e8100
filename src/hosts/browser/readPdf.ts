/**
 * The PDF reader for the task pane (its own chunk; pdfjs in a further one): bytes → InputRead,
 * as the CLI reads a PDF. In the browser pdfjs runs its parser in a Web Worker served as a
 * separate file next to the pane (dist/web/pdf.worker.js, copied from pdfjs-dist's legacy build).
 */
import { pdfInput, readPdf, setPdfjs, type PdfRead } from "../pdf";
import type { PdfjsLike } from "../pdf/pdfjs";
import { HostError } from "../host";
import type { InputRead } from "../narrativeInput";

/** The worker file, relative to the pane's page. */
export const PDF_WORKER_FILE = "pdf.worker.js";
/** Adobe's CMap files (pdfjs-dist/cmaps, copied by webpack), relative to the pane's page: fetched only for a PDF whose text is in a CID font that is not embedded. */
export const PDF_CMAP_DIR = "cmaps/";

let ready: Promise<void> | undefined;

/** Load the bundled pdfjs (legacy build: older WebViews) and point it at its worker file. */
export function usePdfjsInBrowser(workerSrc?: string): Promise<void> {
  ready ??= (async () => {
    const pdfjs = (await import(/* webpackChunkName: "pdfjs" */ "pdfjs-dist/legacy/build/pdf.mjs")) as unknown as PdfjsLike & { GlobalWorkerOptions: { workerSrc: string } };
    pdfjs.GlobalWorkerOptions.workerSrc = workerSrc ?? new URL(PDF_WORKER_FILE, document.baseURI).href;
    setPdfjs(pdfjs, { cMapUrl: new URL(PDF_CMAP_DIR, document.baseURI).href });
  })().catch((e) => {
    ready = undefined;
    throw new HostError(`无法加载 PDF 读取组件（${(e as Error).message}），请刷新任务窗格后重试。`, "other");
  });
  return ready;
}

export async function readPdfBytes(name: string, bytes: Uint8Array): Promise<InputRead> {
  let read: PdfRead;
  try {
    read = await readPdf(bytes, { file: name });
  } catch (e) {
    throw new HostError((e as Error).message, "unreadable");
  }
  const scans = read.unread.filter((u) => u.kind === "scan");
  if (!read.tables.length && !read.paragraphs.length) {
    if (scans.length)
      throw new HostError(`“${name}”是扫描件或图片（${scans.length} 页都没有文字层），无法读取其中的表格和文字。请取得带文字层的 PDF（由 Word / Excel 直接导出），或改用 .docx / .xlsx 文件。`, "unreadable");
    throw new HostError(`“${name}”中没有可读取的文字或表格。请确认文件完整，或改用 .docx / .xlsx 文件。`, "unreadable");
  }
  return pdfInput(name, read);
}
