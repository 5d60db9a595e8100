/**
 * Loading pdfjs-dist and reading the text layer of each page.
 *
 * Node (CLI, jest): the legacy build `pdfjs-dist/legacy/build/pdf.mjs` is an ES module;
 * it is loaded with Node's own require (Node ≥ 20.19 loads ES modules that way, and
 * it bypasses jest's CommonJS loader), falling back to a real dynamic import.
 * Browser: the caller passes the module it bundled (`setPdfjs(await import("pdfjs-dist"))`,
 * with `GlobalWorkerOptions.workerSrc` set as pdfjs documents).
 */
import type { RawItem } from "./geometry";

/** The part of the pdfjs API used here. */
export interface PdfjsLike {
  getDocument(src: {
    data: Uint8Array;
    disableFontFace?: boolean;
    useSystemFonts?: boolean;
    isEvalSupported?: boolean;
    verbosity?: number;
    cMapUrl?: string;
    cMapPacked?: boolean;
  }): {
    promise: Promise<PdfDocLike>;
  };
  OPS?: Record<string, number>;
}

export interface PdfDocLike {
  numPages: number;
  getPage(n: number): Promise<PdfPageLike>;
  destroy(): Promise<void>;
}

export interface PdfPageLike {
  getViewport(o: { scale: number }): { width: number; height: number; transform: number[] };
  getTextContent(): Promise<{ items: unknown[] }>;
  getOperatorList(): Promise<{ fnArray: number[] }>;
  cleanup?(): void;
}

let injected: PdfjsLike | undefined;
/**
 * Where Adobe's CMap files are (pdfjs-dist/cmaps, packed .bcmap; a URL or, in Node, a folder
 * path, ending in "/"). Text in a CID font that is not embedded — STSong-Light with
 * UniGB-UCS2-H, as iText and many Chinese reporting systems write it — is read through them;
 * without them pdfjs gives no text at all for such a page. Loaded only when a PDF needs them.
 */
let cMapUrl: string | undefined;

/** Use this pdfjs module (the browser bundle passes its own, and the URL its CMap files are served at). */
export function setPdfjs(mod: PdfjsLike, options: { cMapUrl?: string } = {}): void {
  injected = mod;
  if (options.cMapUrl) cMapUrl = options.cMapUrl;
}

const SPEC = "pdfjs-dist/legacy/build/pdf.mjs";

export async function loadPdfjs(): Promise<PdfjsLike> {
  if (injected) return injected;
  const proc = typeof process !== "undefined" ? (process as unknown as { getBuiltinModule?: (m: string) => unknown }) : undefined;
  const errors: string[] = [];
  const mod = proc?.getBuiltinModule?.("module") as { createRequire(p: string): (id: string) => unknown } | undefined;
  if (mod) {
    try {
      const base = typeof __filename === "string" ? __filename : `${process.cwd()}/`;
      const req = mod.createRequire(base) as ((id: string) => unknown) & { resolve(id: string): string };
      injected = req(SPEC) as PdfjsLike;
      cMapUrl = cMapUrl ?? nodeCMapDir(req);
      return injected;
    } catch (e) {
      errors.push((e as Error).message);
    }
  }
  try {
    const dynamicImport = new Function("s", "return import(s)") as (s: string) => Promise<PdfjsLike>;
    injected = await dynamicImport(SPEC);
    return injected;
  } catch (e) {
    errors.push((e as Error).message);
  }
  throw new Error(`无法加载 PDF 读取组件 pdfjs-dist：${errors.join("；")}。请确认已安装依赖（npm ci）并使用 Node 20.19 以上版本。`);
}

/** pdfjs-dist's cmaps folder, beside its package.json (Node: pdfjs reads it with fs). */
function nodeCMapDir(req: { resolve(id: string): string }): string | undefined {
  try {
    const pkg = req.resolve("pdfjs-dist/package.json");
    return `${pkg.slice(0, pkg.length - "package.json".length)}cmaps/`;
  } catch {
    return undefined;
  }
}

export interface PageText {
  /** 1-based. */
  page: number;
  width: number;
  height: number;
  viewport: number[];
  items: RawItem[];
  /** Images painted on the page (a page with images and no text is a scan). */
  images: number;
}

/** The text items of every page, with the page geometry. */
export async function readPages(data: Uint8Array): Promise<PageText[]> {
  const pdfjs = await loadPdfjs();
  // pdfjs takes ownership of the buffer it is given: hand it a copy, never the caller's bytes.
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(data),
    disableFontFace: true,
    isEvalSupported: false,
    verbosity: 0,
    ...(cMapUrl ? { cMapUrl, cMapPacked: true } : {}),
  }).promise;
  const imageOps = new Set<number>();
  for (const k of ["paintImageXObject", "paintInlineImageXObject", "paintImageMaskXObject", "paintImageXObjectRepeat", "paintInlineImageXObjectGroup"]) {
    const v = pdfjs.OPS?.[k];
    if (typeof v === "number") imageOps.add(v);
  }
  const pages: PageText[] = [];
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const vp = page.getViewport({ scale: 1 });
      const tc = await page.getTextContent();
      const items: RawItem[] = [];
      for (const it of tc.items) {
        const o = it as Partial<RawItem>;
        if (typeof o.str === "string" && Array.isArray(o.transform)) items.push({ str: o.str, transform: o.transform, width: o.width ?? 0, fontName: o.fontName });
      }
      let images = 0;
      if (!items.some((i) => i.str.trim())) {
        const ops = await page.getOperatorList();
        for (const fn of ops.fnArray) if (imageOps.has(fn)) images++;
      }
      pages.push({ page: n, width: vp.width, height: vp.height, viewport: vp.transform, items, images });
      page.cleanup?.();
    }
  } finally {
    await doc.destroy();
  }
  return pages;
}
