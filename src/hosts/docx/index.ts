/**
 * The Word host: the paragraphs and tables of a .docx (read straight from the package:
 * word/document.xml, no other dependency) into the workbook model — one sheet per table
 * (its title and unit line, when the paragraphs just before it are those, on top), and a
 * 情况说明 sheet with one paragraph per row — with the paragraph number of every cell kept
 * beside it, so that findings can be shown by paragraph.
 */
import JSZip from "jszip";
import { SaxesParser } from "saxes";
import { parseA1 } from "../../core/a1";
import { setCell, uniqueSheetName, type Cell, type Sheet, type Workbook } from "../../core/model";
import type { Finding } from "../../core/checks/types";
import type { InputRead } from "../narrativeInput";
import { figureCell } from "../pdf/table";

export const DOCX_NARRATIVE_SHEET = "情况说明";

/** Where a cell came from: the n-th paragraph of the document body (1-based, table paragraphs counted), and the table. */
export interface DocxLoc {
  paragraph: number;
  table?: number;
}

export interface DocxParagraph {
  text: string;
  /** 1-based position among the body's paragraphs (those inside tables included). */
  index: number;
  /** Paragraph style id (Heading1, Title …), if any. */
  style?: string;
  heading: boolean;
  /** Row in the 情况说明 sheet, when it went there. */
  row?: number;
}

export interface DocxTable {
  sheet: string;
  title?: string;
  rows: number;
  columns: number;
}

export interface DocxRead {
  file?: string;
  workbook: Workbook;
  paragraphs: DocxParagraph[];
  tables: DocxTable[];
  locations: Map<string, Map<string, DocxLoc>>;
}

interface RawCell {
  text: string;
  span: number;
  vMerge?: "restart" | "continue";
  paragraph: number;
}

export type Block = { kind: "p"; p: DocxParagraph } | { kind: "tbl"; rows: RawCell[][]; firstParagraph: number };

function displayName(file?: string): string {
  return file ? `“${file.split(/[\\/]/).pop()}”` : "该 Word 文件";
}

/** Parse word/document.xml into body blocks (paragraphs and top-level tables). */
export function parseDocumentXml(xml: string): Block[] {
  const parser = new SaxesParser({ xmlns: false });
  const blocks: Block[] = [];
  let pIndex = 0;
  let depthTbl = 0;
  let inT = false;
  let para: { text: string; style?: string } | null = null;
  let table: RawCell[][] | null = null;
  let row: RawCell[] | null = null;
  let cell: RawCell | null = null;
  let tableFirst = 0;
  let cellParas = 0;
  parser.on("opentag", (tag) => {
    const name = tag.name;
    const attr = (k: string) => {
      const v = tag.attributes[k];
      return typeof v === "string" ? v : undefined;
    };
    switch (name) {
      case "w:tbl":
        depthTbl++;
        if (depthTbl === 1) {
          table = [];
          tableFirst = pIndex + 1;
        }
        break;
      case "w:tr":
        if (depthTbl === 1) row = [];
        break;
      case "w:tc":
        if (depthTbl === 1) {
          cell = { text: "", span: 1, paragraph: pIndex + 1 };
          cellParas = 0;
        }
        break;
      case "w:gridSpan":
        if (cell && depthTbl === 1) cell.span = Math.max(1, Number(attr("w:val") ?? 1) || 1);
        break;
      case "w:vMerge":
        if (cell && depthTbl === 1) cell.vMerge = attr("w:val") === "restart" ? "restart" : "continue";
        break;
      case "w:p":
        pIndex++;
        para = { text: "" };
        break;
      case "w:pStyle":
        if (para) para.style = attr("w:val");
        break;
      case "w:t":
        inT = true;
        break;
      case "w:tab":
        if (para) para.text += "\t";
        break;
      case "w:br":
      case "w:cr":
        if (para) para.text += depthTbl ? " " : "\n";
        break;
    }
  });
  parser.on("text", (t) => {
    if (inT && para) para.text += t;
  });
  parser.on("closetag", (tag) => {
    switch (tag.name) {
      case "w:t":
        inT = false;
        break;
      case "w:p": {
        if (!para) break;
        if (depthTbl === 0) {
          const style = para.style;
          blocks.push({ kind: "p", p: { text: para.text, index: pIndex, style, heading: /^(Heading|Title|标题|\d+$)/i.test(style ?? "") } });
        } else if (cell && depthTbl === 1) {
          cell.text += (cellParas++ ? "\n" : "") + para.text;
        } else if (cell) cell.text += para.text; // a nested table's text stays in its cell
        para = null;
        break;
      }
      case "w:tc":
        if (depthTbl === 1 && cell && row) {
          row.push(cell);
          cell = null;
        }
        break;
      case "w:tr":
        if (depthTbl === 1 && row && table) {
          table.push(row);
          row = null;
        }
        break;
      case "w:tbl":
        if (depthTbl === 1 && table) blocks.push({ kind: "tbl", rows: table, firstParagraph: tableFirst });
        depthTbl--;
        if (depthTbl === 0) table = null;
        break;
    }
  });
  parser.write(xml).close();
  return blocks;
}

const TITLE = /表(（[^）]{1,8}）|\([^)]{1,8}\))?$/;
const UNIT = /(单位\s*[:：]|金额单位)/;

function cellValue(text: string): Cell {
  const t = text.trim();
  // Codes keep their zeros: a bare digit string of a code's length stays text.
  if (/^\d{3}(\d{2}){0,2}$/.test(t) || /^0\d$/.test(t)) return { value: t };
  return figureCell(t);
}

/** Blocks to the workbook model. */
export function blocksToWorkbook(blocks: Block[], opts: { file?: string } = {}): DocxRead {
  const wb: Workbook = { sheets: [] };
  const locations = new Map<string, Map<string, DocxLoc>>();
  const tables: DocxTable[] = [];
  const consumed = new Set<DocxParagraph>();
  let tableNo = 0;
  blocks.forEach((b, i) => {
    if (b.kind !== "tbl") return;
    tableNo++;
    // Title and unit line: the non-empty paragraphs right before the table.
    const before: DocxParagraph[] = [];
    for (let k = i - 1; k >= 0 && before.length < 3; k--) {
      const o = blocks[k];
      if (o.kind !== "p") break;
      if (!o.p.text.trim()) continue;
      before.unshift(o.p);
    }
    let title: DocxParagraph | undefined;
    let unit: DocxParagraph | undefined;
    const lastTwo = before.slice(-2);
    for (const p of lastTwo) {
      const t = p.text.replace(/\s+/g, "");
      if (UNIT.test(t) && t.length <= 60) unit = p;
      else if (TITLE.test(t) && t.length <= 60 && !/[，。；]/.test(t)) title = p;
    }
    if (title && unit && title.index > unit.index) title = undefined;
    const name = uniqueSheetName(
      wb.sheets.map((s) => s.name),
      title ? title.text.replace(/\s+/g, "") : `表格${tableNo}`,
    );
    const sheet: Sheet = { name, rows: [], merges: [] };
    const loc = new Map<string, DocxLoc>();
    let r = 0;
    const width = Math.max(1, ...b.rows.map((row) => row.reduce((n, c) => n + c.span, 0)));
    if (title) {
      setCell(sheet, r, 0, { value: title.text.replace(/\s+/g, ""), style: { bold: true, horizontal: "center" } });
      loc.set(`${r},0`, { paragraph: title.index });
      if (width > 1) sheet.merges.push({ r1: r, c1: 0, r2: r, c2: width - 1 });
      consumed.add(title);
      r++;
    }
    if (unit) {
      setCell(sheet, r, 0, { value: unit.text.trim() });
      loc.set(`${r},0`, { paragraph: unit.index });
      consumed.add(unit);
      r++;
    }
    const top = r;
    // Vertical merges: a "continue" cell extends the merge started above it in the same grid column.
    const open = new Map<number, { r1: number; c1: number; c2: number }>();
    b.rows.forEach((row, ri) => {
      let c = 0;
      const seen = new Set<number>();
      for (const cellRaw of row) {
        const rr = top + ri;
        if (cellRaw.vMerge === "continue") {
          const m = open.get(c);
          if (m) seen.add(c);
        } else {
          const m = open.get(c);
          if (m) {
            if (top + ri - 1 > m.r1 || m.c2 > m.c1) sheet.merges.push({ r1: m.r1, c1: m.c1, r2: top + ri - 1, c2: m.c2 });
            open.delete(c);
          }
          if (cellRaw.text.trim()) {
            setCell(sheet, rr, c, cellValue(cellRaw.text));
            loc.set(`${rr},${c}`, { paragraph: cellRaw.paragraph, table: tableNo });
          }
          if (cellRaw.vMerge === "restart") {
            open.set(c, { r1: rr, c1: c, c2: c + cellRaw.span - 1 });
            seen.add(c);
          } else if (cellRaw.span > 1) sheet.merges.push({ r1: rr, c1: c, r2: rr, c2: c + cellRaw.span - 1 });
        }
        c += cellRaw.span;
      }
      // Merges not continued in this row end above it.
      for (const [k, m] of [...open]) {
        if (!seen.has(k)) {
          if (top + ri - 1 > m.r1 || m.c2 > m.c1) sheet.merges.push({ r1: m.r1, c1: m.c1, r2: top + ri - 1, c2: m.c2 });
          open.delete(k);
        }
      }
    });
    const last = top + b.rows.length - 1;
    for (const m of open.values()) if (last > m.r1 || m.c2 > m.c1) sheet.merges.push({ r1: m.r1, c1: m.c1, r2: last, c2: m.c2 });
    wb.sheets.push(sheet);
    locations.set(name, loc);
    tables.push({ sheet: name, title: title?.text.trim(), rows: b.rows.length, columns: width });
  });

  const paragraphs: DocxParagraph[] = [];
  const narrative: Sheet = { name: uniqueSheetName(wb.sheets.map((s) => s.name), DOCX_NARRATIVE_SHEET), rows: [], merges: [], colWidths: [100] };
  const nloc = new Map<string, DocxLoc>();
  for (const b of blocks) {
    if (b.kind !== "p") continue;
    const p = b.p;
    // A line break inside a paragraph is a soft break: the text runs on.
    const text = p.text.replace(/\n/g, "").replace(/\t/g, " ").trim();
    if (!text) continue;
    const out: DocxParagraph = { ...p, text };
    if (!consumed.has(p)) {
      out.row = narrative.rows.length;
      narrative.rows.push([{ value: text, style: p.heading ? { bold: true, wrap: true } : { wrap: true } }]);
      nloc.set(`${out.row},0`, { paragraph: p.index });
    }
    paragraphs.push(out);
  }
  if (narrative.rows.length) {
    wb.sheets.push(narrative);
    locations.set(narrative.name, nloc);
  }
  return { file: opts.file, workbook: wb, paragraphs, tables, locations };
}

/** Read a .docx (its bytes; never modified) into the workbook model. */
export async function readDocx(data: Uint8Array, opts: { file?: string } = {}): Promise<DocxRead> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data);
  } catch {
    throw new Error(`${displayName(opts.file)}不是有效的 Word 文档（.docx），无法读取。旧版 .doc 文件请在 Word 中“另存为 .docx”后重试。`);
  }
  const doc = zip.file("word/document.xml");
  if (!doc) throw new Error(`${displayName(opts.file)}中没有正文（word/document.xml），不是 Word 文档或已损坏。请在 Word 中重新保存为 .docx 后重试。`);
  const xml = await doc.async("string");
  let blocks: Block[];
  try {
    blocks = parseDocumentXml(xml);
  } catch (e) {
    throw new Error(`${displayName(opts.file)}的正文无法解析（${(e as Error).message}），文件可能已损坏。请在 Word 中重新保存后重试。`);
  }
  return blocksToWorkbook(blocks, opts);
}

/** Paragraph (and table) of a finding's cell, when the workbook came from a .docx. */
export function locateDocxFinding(read: DocxRead, f: Pick<Finding, "sheet" | "cell">): DocxLoc | undefined {
  const m = read.locations.get(f.sheet);
  if (!m) return undefined;
  try {
    const { r, c } = parseA1(f.cell);
    return m.get(`${r},${c}`) ?? [...m.entries()].find(([k]) => k.startsWith(`${r},`))?.[1];
  } catch {
    return undefined;
  }
}

/** A read .docx as an input the checker takes (CLI and task pane alike): findings located by paragraph (and table). */
export function docxInput(file: string, read: DocxRead): InputRead {
  return {
    file,
    kind: "docx",
    workbook: read.workbook,
    readFindings: [],
    narrativeSheets: read.workbook.sheets.filter((s) => s.name.startsWith(DOCX_NARRATIVE_SHEET)).map((s) => s.name),
    locate: (f) => {
      const l = locateDocxFinding(read, f);
      return l ? (l.table ? `第 ${l.table} 个表格（第 ${l.paragraph} 段）` : `第 ${l.paragraph} 段`) : undefined;
    },
  };
}
