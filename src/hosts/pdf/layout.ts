/**
 * The reading order of a whole document: page furniture (running headers, footers,
 * page numbers) dropped, the 目录 taken as contents, each table gathered from its
 * title over as many pages as it runs (a header repeated on the next page skipped),
 * and the remaining lines joined into paragraphs.
 */
import { isNumericText, median, phraseCount, type Line } from "./geometry";
import type { TableLines } from "./table";

export interface PageInfo {
  page: number;
  width: number;
  height: number;
  lines: Line[];
  /** No text layer: "scan" when the page paints images, "blank" otherwise. */
  kind: "text" | "scan" | "blank";
}

export interface ContentsEntry {
  text: string;
  /** The page number printed after the leader, if any. */
  printedPage?: number;
  page: number;
}

export interface Paragraph {
  text: string;
  page: number;
  line: number;
  /** Last page the paragraph runs onto. */
  endPage: number;
  heading: boolean;
}

export interface DocumentLayout {
  tables: (TableLines & { pages: number[] })[];
  paragraphs: Paragraph[];
  contents: ContentsEntry[];
  furniture: Line[];
}

const PAGE_NUMBER = /^([-—–－]\s*)?(第\s*)?\d{1,4}(\s*页)?(\s*[/／]\s*\d{1,4})?(\s*[-—–－])?$|^第\s*\d+\s*页\s*[,，]?\s*共\s*\d+\s*页$|^[-—–－]?\s*[ivxlcIVXLC]{1,6}\s*[-—–－]?$/;
const LEADER = /(…{2,}|\.{5,}|·{5,}|-{6,}|_{6,}|\u2026\s*\u2026)/;
const TITLE_END = /(表|表[（(][^）)]{1,6}[）)])$/;
const UNIT_LINE = /(单位\s*[:：]|金额单位|编制(部门|单位)\s*[:：]|预算(单位|部门)\s*[:：])/;
const NOTE = /^(注|备注|说明|附注)\s*[0-9一二三四五六七八九十]*\s*[:：]|^本表|本表(无|为空)|无.{0,20}(本表|此表)为空/;
const TOTAL = /^(合\s*计|总\s*计|收入总计|支出总计)$/;

function norm(s: string): string {
  return s.replace(/\s+/g, "");
}

/** Lines repeated at the same place on many pages, and lone page numbers at the top or bottom. */
export function dropFurniture(pages: PageInfo[]): Line[] {
  const dropped: Line[] = [];
  const textPages = pages.filter((p) => p.lines.length);
  const sig = (l: Line, p: PageInfo) => `${Math.round(l.y / 4)}|${norm(l.text).replace(/\d+/g, "#")}`;
  const count = new Map<string, Set<number>>();
  for (const p of textPages)
    for (const l of p.lines) {
      if (l.y > 0.12 * p.height && l.y < 0.88 * p.height) continue;
      const k = sig(l, p);
      if (!count.has(k)) count.set(k, new Set());
      count.get(k)!.add(p.page);
    }
  const need = Math.max(3, Math.ceil(0.3 * textPages.length));
  for (const p of textPages) {
    p.lines = p.lines.filter((l) => {
      const edge = l.y <= 0.12 * p.height || l.y >= 0.88 * p.height;
      if (!edge) return true;
      const repeated = (count.get(sig(l, p))?.size ?? 0) >= need;
      const outermost = l === p.lines[0] || l === p.lines[p.lines.length - 1];
      if (repeated || (outermost && PAGE_NUMBER.test(l.text.trim()))) {
        dropped.push(l);
        return false;
      }
      return true;
    });
  }
  return dropped;
}

function isContentsHeading(l: Line): boolean {
  return /^(目录|目次|contents)$/i.test(norm(l.text));
}

function isContentsEntry(l: Line): boolean {
  return LEADER.test(l.text) || (/\s\d{1,3}$/.test(l.text) && l.segments.length === 2 && phraseCount(l) === 2 && !isNumericText(norm(l.segments[0].text)) && norm(l.segments[0].text).length >= 4 && !/[，。；]/.test(l.text));
}

function isTitle(l: Line, p: PageInfo, bodySize: number): boolean {
  const t = norm(l.text);
  if (!TITLE_END.test(t) || t.length > 60 || t.length < 4 || LEADER.test(l.text)) return false;
  if (/[，。；]/.test(t)) return false;
  const centre = (l.x1 + l.x2) / 2;
  const centred = Math.abs(centre - p.width / 2) <= 0.15 * p.width;
  return phraseCount(l) === 1 && (centred || l.size >= 1.2 * bodySize);
}

function hasFigures(l: Line): boolean {
  return l.segments.some((s) => isNumericText(norm(s.text)));
}

function isBodyLine(l: Line): boolean {
  if (hasFigures(l)) return true;
  // Codes: 201 / 2010301 / 201 03 01 at the start.
  if (/^\d{3}(\d{2}){0,2}$/.test(norm(l.segments[0].text))) return true;
  // A total row of an empty table: nothing but 合计 (a header's 合计 stands among other headers).
  return l.segments.every((s) => TOTAL.test(norm(s.text)));
}

/**
 * A line of running text, not a row: one segment that is long, ends a sentence, or
 * stands over two header cells of one header line (a row's label stays in its column).
 */
function isProse(l: Line, width: number, header: Line[] = []): boolean {
  if (phraseCount(l) !== 1 || hasFigures(l)) return false;
  const t = norm(l.text);
  if ((t.length >= 25 && l.x2 - l.x1 >= 0.45 * width) || /[。；]$/.test(t)) return true;
  const s = { x1: l.x1, x2: l.x2 };
  return header.some((h) => h.segments.filter((o) => Math.min(o.x2, s.x2) - Math.max(o.x1, s.x1) > 0).length >= 2);
}

/** Lines of the next table header on a following page that repeat the current header (by text). */
function repeatedHeader(lines: Line[], start: number, header: Line[]): number {
  const texts = new Set(header.flatMap((l) => l.segments.map((s) => norm(s.text))));
  let i = start;
  while (i < lines.length && i - start < header.length + 2) {
    const l = lines[i];
    if (!l.segments.length || !l.segments.every((s) => texts.has(norm(s.text)))) break;
    i++;
  }
  return i - start;
}

export function layoutDocument(pages: PageInfo[]): DocumentLayout {
  const furniture = dropFurniture(pages);
  const all: { line: Line; p: PageInfo }[] = [];
  for (const p of pages) for (const l of p.lines) all.push({ line: l, p });
  const bodySize = median(all.map((a) => a.line.size)) || 10;
  const contents: ContentsEntry[] = [];
  const tables: DocumentLayout["tables"] = [];
  const prose: { line: Line; p: PageInfo }[] = [];

  let i = 0;
  let inContents = false;
  while (i < all.length) {
    const { line: l, p } = all[i];
    if (isContentsHeading(l)) {
      // The rest of the 目录 page: its entries, with or without leaders and page numbers.
      inContents = true;
      i++;
      while (i < all.length && all[i].line.page === l.page && !/[，。；]/.test(all[i].line.text) && norm(all[i].line.text).length <= 60) {
        const e = all[i].line;
        const m = LEADER.test(e.text) ? /(\d{1,3})\s*$/.exec(e.text) : null;
        contents.push({ text: e.text.replace(/[….·_\-]{2,}.*$/, "").trim(), printedPage: m ? Number(m[1]) : undefined, page: e.page });
        i++;
      }
      continue;
    }
    if (isContentsEntry(l)) {
      inContents = true;
      const m = /(\d{1,3})\s*$/.exec(l.text);
      contents.push({ text: l.text.replace(LEADER, " ").replace(/[….·_\-]{2,}.*$/, "").replace(/\s+\d{1,3}$/, "").trim(), printedPage: m ? Number(m[1]) : undefined, page: l.page });
      i++;
      continue;
    }
    // A 目录 entry without a leader (a wrapped entry, a section line) right inside the contents.
    if (inContents && !isTitle(l, p, bodySize) && norm(l.text).length < 40 && all[i + 1] && isContentsEntry(all[i + 1].line) && all[i + 1].line.page === l.page) {
      contents.push({ text: l.text.trim(), page: l.page });
      i++;
      continue;
    }
    inContents = false;
    if (isTitle(l, p, bodySize)) {
      const r = readTable(all, i, bodySize);
      if (r) {
        const prev = tables[tables.length - 1];
        const cont = /[（(]续[）)]$/.test(norm(l.text));
        if (cont && prev) {
          prev.body.push(...r.table.body);
          prev.notes.push(...r.table.notes);
          prev.pages.push(...r.table.pages.filter((x) => !prev.pages.includes(x)));
        } else tables.push(r.table);
        i = r.next;
        continue;
      }
    }
    prose.push(all[i]);
    i++;
  }
  return { tables, paragraphs: joinParagraphs(prose), contents, furniture };
}

function readTable(all: { line: Line; p: PageInfo }[], start: number, bodySize: number): { table: TableLines & { pages: number[] }; next: number } | null {
  const title = all[start].line;
  const page = all[start].p;
  let i = start + 1;
  const unitLines: Line[] = [];
  while (i < all.length && all[i].line.page === title.page && UNIT_LINE.test(all[i].line.text) && !hasFigures(all[i].line) && unitLines.length < 2) unitLines.push(all[i++].line);
  const header: Line[] = [];
  while (i < all.length && all[i].line.page === title.page && !isBodyLine(all[i].line) && !NOTE.test(norm(all[i].line.text)) && header.length < 10) {
    if (isProse(all[i].line, page.width)) break;
    header.push(all[i++].line);
  }
  // No header at all: a table only when rows follow (it is then reported unread, its rows kept out of the text).
  if (!header.length && !(i < all.length && isBodyLine(all[i].line) && hasFigures(all[i].line))) return null;
  const body: Line[] = [];
  const notes: Line[] = [];
  const pages = [title.page];
  let curPage = title.page;
  while (i < all.length) {
    const { line: l, p } = all[i];
    if (l.page !== curPage) {
      // A table runs on when the next page starts with its header again, or with rows.
      if (isTitle(l, p, bodySize) || notes.length) break;
      const rep = repeatedHeader(
        all.filter((a) => a.line.page === l.page).map((a) => a.line),
        0,
        header,
      );
      if (rep > 0) i += rep;
      else if (!isBodyLine(l)) break;
      curPage = l.page;
      pages.push(l.page);
      continue;
    }
    if (isTitle(l, p, bodySize)) break;
    const t = norm(l.text);
    if (NOTE.test(t)) {
      notes.push(l);
      i++;
      continue;
    }
    if (notes.length) break;
    if (isProse(l, p.width, header) && !hasFigures(l)) break;
    body.push(l);
    i++;
  }
  return { table: { title, unitLines, header, body, notes, pages }, next: i };
}

const NUMBERED = /^(（[一二三四五六七八九十\d]+）|\([一二三四五六七八九十\d]+\)|[一二三四五六七八九十]+、|\d{1,2}[.．、](?!\d)|[①-⑳])/;

/** Lines to paragraphs: a line that runs to the right margin continues on the next, unless that one is indented or numbered. */
export function joinParagraphs(lines: { line: Line; p: PageInfo }[]): Paragraph[] {
  if (!lines.length) return [];
  const left = median(lines.map((a) => a.line.x1));
  const rights = lines.map((a) => a.line.x2).sort((a, b) => a - b);
  const right = rights[Math.floor(rights.length * 0.9)] ?? rights[rights.length - 1];
  const out: Paragraph[] = [];
  let cur: Paragraph | null = null;
  let prev: { line: Line; p: PageInfo } | null = null;
  for (const a of lines) {
    const l = a.line;
    const em = l.size;
    const text = l.text.trim();
    const centred = Math.abs((l.x1 + l.x2) / 2 - a.p.width / 2) <= 0.1 * a.p.width && l.x1 > left + 3 * em && l.x2 < right - 3 * em;
    let cont = false;
    if (cur && prev && !cur.heading && !centred) {
      const pl = prev.line;
      // Full: the line reaches the right margin, or the next line's first word (a figure is
      // never broken) would not have fitted in what is left of it.
      const lead = /^[A-Za-z0-9.,，%+\-]+/.exec(text)?.[0] ?? text.charAt(0);
      const leadW = [...lead].reduce((w, ch) => w + (/[\u2e80-\uffff]/.test(ch) ? em : 0.55 * em), 0);
      const full = pl.x2 >= right - 1.5 * pl.size || (pl.x2 + leadW > right - 0.3 * em && !/[。；！？]$/.test(pl.text.trim()));
      const indented = l.x1 > left + 0.8 * em;
      const gap = pl.page === l.page ? l.y - pl.y : 0;
      const spaced = pl.page === l.page && gap > 2.2 * Math.max(em, pl.size);
      const sameSize = Math.abs(pl.size - em) <= 0.15 * em;
      cont = full && !indented && !spaced && sameSize && !NUMBERED.test(text);
      // A lone closing mark wrapped to the next line ("。").
      if (!cont && /^[。，；、）」”]+$/.test(text) && !spaced) cont = true;
    }
    if (cont && cur) {
      const last = cur.text.charAt(cur.text.length - 1);
      cur.text += /[A-Za-z0-9]/.test(last) && /^[A-Za-z]/.test(text) ? ` ${text}` : text;
      cur.endPage = l.page;
    } else {
      cur = { text, page: l.page, line: l.index, endPage: l.page, heading: centred || (text.length <= 30 && !/[，。；]/.test(text) && l.x2 < right - 3 * em && !/\d/.test(text)) };
      out.push(cur);
    }
    prev = a;
  }
  return out;
}
