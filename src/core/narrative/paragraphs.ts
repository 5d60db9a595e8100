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

const SENTENCE_END = /[。！？!?；;：:）)」”"]$|\.{3,}$|…$/;
const CONTINUES = /[、，,（(\-—＋+]$/;

function looksLikeHeading(text: string): boolean {
  const t = text.trim();
  const lvl = markerLevel(t);
  if (lvl === undefined) return false;
  if (/万元|%|％/.test(t)) return false;
  if (t.length > 60) return false;
  if (CONTINUES.test(t)) return false;
  return true;
}

function isHeadingLine(text: string): boolean {
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
  let last: Paragraph | null = null;
  for (const p of sorted) {
    const text = p.text.replace(/\r?\n/g, "").trim();
    const canJoin =
      cur !== null &&
      last !== null &&
      last.sheet === p.sheet &&
      last.c === p.c &&
      (p.r === last.r + 1 || (p.r === last.r && p.line !== undefined && p.line === (last.line ?? -1) + 1)) &&
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
  // Headings and section paths.
  const open: (number | undefined)[] = [undefined, undefined, undefined, undefined];
  for (const para of out) {
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

/** The cell holding character `offset` of a paragraph. */
export function cellAt(para: NarrativeParagraph, offset: number): { sheet: string; cell: string } {
  const seg = para.segments.find((s) => offset >= s.start && offset < s.end) ?? para.segments[para.segments.length - 1];
  return { sheet: seg.sheet, cell: toA1(seg.r, seg.c) };
}
