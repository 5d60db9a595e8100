/**
 * From the text cells recognition found (one per row, as text copied from a PDF
 * gives them) to logical paragraphs: a line that stops mid-sentence ("…当年拨" / "款 641.15 万元")
 * is joined with the next; headings (一、 / （一） / 1.) start their own paragraph and
 * give each paragraph its section path. Every character keeps its cell, so a claim
 * can be located.
 */
import { toA1 } from "../a1";
import type { Paragraph } from "../recognize/types";

export interface Segment {
  sheet: string;
  r: number;
  c: number;
  /** Offsets of this cell's text inside the joined paragraph. */
  start: number;
  end: number;
}

export interface NarrativeParagraph {
  index: number;
  text: string;
  segments: Segment[];
  /** A heading line (一、… / （一）… / 1.… short, no amount, no sentence end). */
  heading: boolean;
  /** Heading level: 0 第X部分, 1 一、, 2 （一）, 3 1. / 1、 / (1); undefined for body text. */
  level?: number;
  /** Index of the enclosing heading paragraph at each level (0..3), for body text and headings alike. */
  sectionIds: (number | undefined)[];
  /** The enclosing headings' text, outermost first. */
  sections: string[];
  /** A line of a contents list (目录 and the entries under it): no heading, no section, no claim. */
  toc?: boolean;
}

const TOC_HEAD = /^目\s*录$/;
/** An entry of a contents list: a marker and a title, perhaps dot leaders and a page number. */
const TOC_ENTRY = /^([一二三四五六七八九十\d]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|第[一二三四五六七八九十\d]+部分|附件|表\s*\d)?[^。；;，,]{1,40}?([.…·\s-]{2,}\s*\d{1,3})?$/;

/**
 * Mark the lines of contents lists: from a 目录 line, the entries that follow while they are short
 * titles and no marker repeats (the second "一、" is where the text itself starts).
 */
function markContents(out: NarrativeParagraph[]): void {
  for (let i = 0; i < out.length; i++) {
    if (!TOC_HEAD.test(out[i].text.replace(/\s+/g, " ").trim())) continue;
    out[i].toc = true;
    const seen = new Set<string>();
    for (let k = i + 1; k < out.length; k++) {
      const t = out[k].text.trim().replace(/[.…·\s-]{2,}\s*\d{0,3}$/, ""); // dot leaders and page number
      if (t.length > 60 || /万元|%|。/.test(t) || !TOC_ENTRY.test(t)) break;
      const marker = /^([一二三四五六七八九十\d]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|第[一二三四五六七八九十\d]+部分)/.exec(t)?.[1];
      if (!marker && !/[.…·]{2,}\s*\d{0,3}$|\s\d{1,3}$/.test(out[k].text.trim())) break; // an entry without number has leaders or a page
      if (marker && seen.has(marker)) break;
      if (marker) seen.add(marker);
      out[k].toc = true;
    }
  }
}

const MARKERS: { level: number; re: RegExp }[] = [
  { level: 0, re: /^第[一二三四五六七八九十\d]+部分/ },
  { level: 1, re: /^[一二三四五六七八九十]+[、.．]/ },
  { level: 2, re: /^[（(][一二三四五六七八九十]+[）)]/ },
  { level: 3, re: /^(\d{1,2}\s*[.、．](?!\d)|[（(]\d{1,2}[）)]|[①②③④⑤⑥⑦⑧⑨⑩])/ },
];

/** The list/heading marker level a line starts with, if any. */
export function markerLevel(text: string): number | undefined {
  const t = text.trim();
  for (const m of MARKERS) if (m.re.test(t)) return m.level;
  return undefined;
}

const END_CHARS = new Set([..."。！？!?；;：:）)」”\"…"]);
const CONTINUE_CHARS = new Set([..."、，,（(-—＋+"]);
/** Tests on the last characters only: a paragraph can be megabytes long. */
const SENTENCE_END = { test: (s: string) => END_CHARS.has(s[s.length - 1]) || s.endsWith("...") };
const CONTINUES = { test: (s: string) => CONTINUE_CHARS.has(s[s.length - 1]) };

function looksLikeHeading(text: string): boolean {
  if (text.length > 200) return false;
  const t = text.trim();
  const lvl = markerLevel(t);
  if (lvl === undefined) return false;
  if (/万元|%|％/.test(t)) return false;
  if (t.length > 60) return false;
  if (CONTINUES.test(t)) return false;
  return true;
}

function isHeadingLine(text: string): boolean {
  if (text.length > 200) return false;
  return looksLikeHeading(text) || (/^第[一二三四五六七八九十\d]+部分/.test(text.trim()) && text.length <= 60);
}

/** Join the text cells into paragraphs and give each its section path. */
export function buildParagraphs(paragraphs: readonly Paragraph[]): NarrativeParagraph[] {
  const order = new Map<string, number>();
  for (const p of paragraphs) if (!order.has(p.sheet)) order.set(p.sheet, order.size);
  const sorted = [...paragraphs]
    .filter((p) => p.text && p.text.trim() !== "")
    .sort((a, b) => (a.sheet === b.sheet ? (a.r === b.r ? a.c - b.c : a.r - b.r) : order.get(a.sheet)! - order.get(b.sheet)!));
  const out: NarrativeParagraph[] = [];
  let cur: NarrativeParagraph | null = null;
  // A cell holding several lines (the whole text pasted into one cell) gives one line each, as rows would.
  const lines: (Paragraph & { line: number })[] = [];
  for (const p of sorted) {
    const parts = p.text.split(/\r?\n/);
    parts.forEach((t, line) => {
      // Recognition may have split the cell already (p.line): keep its line numbers.
      if (t.trim()) lines.push({ ...p, text: t, line: (p.line ?? 0) + line });
    });
  }
  let last: (Paragraph & { line: number }) | null = null;
  for (const p of lines) {
    const text = p.text.trim();
    const next = last !== null && last.sheet === p.sheet && last.c === p.c && ((p.r === last.r && p.line > last.line) || (p.r === last.r + 1 && p.line === 0));
    const canJoin =
      cur !== null &&
      last !== null &&
      next &&
      !TOC_HEAD.test(text.replace(/\s+/g, " ")) && // 目录 stands on its own line, and so does what follows it
      !TOC_HEAD.test(last.text.trim().replace(/\s+/g, " ")) &&
      !cur.heading &&
      !SENTENCE_END.test(cur.text) &&
      (markerLevel(text) === undefined || CONTINUES.test(cur.text)) &&
      !/^第[一二三四五六七八九十\d]+部分/.test(text);
    if (canJoin && cur) {
      const start = cur.text.length;
      cur.text += text;
      cur.segments.push({ sheet: p.sheet, r: p.r, c: p.c, start, end: cur.text.length });
    } else {
      cur = { index: out.length, text, segments: [{ sheet: p.sheet, r: p.r, c: p.c, start: 0, end: text.length }], heading: isHeadingLine(text), sectionIds: [], sections: [] };
      out.push(cur);
    }
    last = p;
  }
  markContents(out);
  // Headings and section paths.
  const open: (number | undefined)[] = [undefined, undefined, undefined, undefined];
  for (const para of out) {
    if (para.toc) {
      para.heading = false;
      para.sectionIds = [...open];
      para.sections = [];
      continue;
    }
    para.heading = isHeadingLine(para.text);
    const lvl = markerLevel(para.text);
    if (lvl !== undefined && (para.heading || lvl === 3)) {
      para.level = lvl;
      // An item line (1. …) is a section of its own for the text it holds; deeper levels close.
      open[lvl] = para.index;
      for (let k = lvl + 1; k < open.length; k++) open[k] = undefined;
    }
    para.sectionIds = [...open];
    para.sections = open.filter((i): i is number => i !== undefined && i !== para.index).map((i) => out[i].text);
  }
  return out;
}

/** The cell holding character `offset` of a paragraph (binary search over its cells). */
export function cellAt(para: NarrativeParagraph, offset: number): { sheet: string; cell: string } {
  const segs = para.segments;
  let lo = 0;
  let hi = segs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segs[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  const seg = segs[lo];
  return { sheet: seg.sheet, cell: toA1(seg.r, seg.c) };
}
