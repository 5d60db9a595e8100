/**
 * From the text items of a PDF page (strings with a transform and a width) to
 * words, segments and lines in page coordinates (points, origin top-left, y down).
 *
 * Pure: no pdfjs here, so the reconstruction can be tested on hand-made items.
 */

/** A text item as pdfjs gives it (only the fields used). */
export interface RawItem {
  str: string;
  /** Text matrix [a, b, c, d, e, f] in PDF user space. */
  transform: number[];
  /** Advance width in user space. */
  width: number;
  fontName?: string;
}

/** A word: a run of non-space characters with its estimated horizontal extent. */
export interface Word {
  text: string;
  x1: number;
  x2: number;
  /** Baseline, top-down. */
  y: number;
  /** Font size (em) in points. */
  size: number;
  /** A space came before it inside the same text item (producers put one between table cells). */
  spaced?: boolean;
}

/** Words of one line that belong together (a cell's text). */
export interface Segment {
  text: string;
  x1: number;
  x2: number;
  y: number;
  size: number;
  words: Word[];
}

export interface Line {
  page: number;
  /** 1-based position of the line on its page, top to bottom. */
  index: number;
  y: number;
  size: number;
  x1: number;
  x2: number;
  segments: Segment[];
  /** The segments' texts joined the way a reader would read the line. */
  text: string;
}

const WIDE = /[\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u3000-\u303f\u201c\u201d\u2018\u2019\u2026\u2014]/;

export function isWide(ch: string): boolean {
  return WIDE.test(ch);
}

function multiply(m1: number[], m2: number[]): number[] {
  return [
    m1[0] * m2[0] + m1[2] * m2[1],
    m1[1] * m2[0] + m1[3] * m2[1],
    m1[0] * m2[2] + m1[2] * m2[3],
    m1[1] * m2[2] + m1[3] * m2[3],
    m1[0] * m2[4] + m1[2] * m2[5] + m1[4],
    m1[1] * m2[4] + m1[3] * m2[5] + m1[5],
  ];
}

/**
 * Split an item into words with estimated extents: wide (CJK, full-width) characters
 * take one em, the others share the rest of the item's advance width.
 * `viewport` is the page's viewport transform (user space → top-down points).
 * Rotated text (not horizontal) is returned in `rotated` and not split.
 */
export function itemWords(item: RawItem, viewport: number[]): { words: Word[]; rotated: boolean } {
  const m = multiply(viewport, item.transform);
  const size = Math.hypot(m[2], m[3]) || Math.abs(m[3]) || 1;
  const horizontal = Math.abs(m[1]) < 1e-3 * size && Math.abs(m[2]) < 1e-3 * size && m[0] > 0;
  const str = item.str ?? "";
  if (!str.trim()) return { words: [], rotated: false };
  if (!horizontal) return { words: [], rotated: true };
  // item.width is in user space along the text direction; scale it like the x axis.
  const scaleX = Math.hypot(viewport[0], viewport[1]) || 1;
  const total = item.width * scaleX;
  const chars = [...str];
  let wide = 0;
  let narrow = 0;
  for (const ch of chars) if (isWide(ch)) wide++;
  else narrow++;
  let wideW = size;
  let narrowW = narrow ? (total - wide * size) / narrow : 0;
  if (narrow && (narrowW < 0.2 * size || narrowW > 0.8 * size)) {
    narrowW = Math.min(0.8 * size, Math.max(0.2 * size, narrowW));
    const est = wide * wideW + narrow * narrowW;
    if (est > 0 && total > 0) {
      wideW *= total / est;
      narrowW *= total / est;
    }
  } else if (!narrow && wide) wideW = total > 0 ? total / wide : size;
  const words: Word[] = [];
  let x = m[4];
  let cur = "";
  let start = x;
  let spaced = false;
  for (const ch of chars) {
    const w = isWide(ch) ? wideW : narrowW;
    if (/\s/.test(ch)) {
      if (cur) words.push({ text: cur, x1: start, x2: x, y: m[5], size, spaced });
      if (cur) spaced = true;
      cur = "";
      x += w;
      start = x;
      continue;
    }
    if (!cur) start = x;
    cur += ch;
    x += w;
  }
  if (cur) words.push({ text: cur, x1: start, x2: x, y: m[5], size, spaced });
  return { words, rotated: false };
}

/** A figure as printed in a table: 1,234.56 / -12 / (3.00) / 12.5% / 0. */
export const NUMERIC = /^[-−+]?[(（]?[-−]?\d[\d,，]*(\.\d+)?[)）]?%?$/;

export function isNumericText(s: string): boolean {
  return NUMERIC.test(s);
}

function lastChar(s: string): string {
  return s.charAt(s.length - 1);
}

/** Join two pieces of text the way they read: no space between CJK characters. */
export function joinText(a: string, b: string, gap: number, size: number): string {
  if (!a) return b;
  if (!b) return a;
  const cjk = isWide(lastChar(a)) || isWide(b.charAt(0));
  if (cjk && gap < 2 * size) return a + b;
  return gap >= 0.2 * size || (!cjk && gap >= 0.15 * size) ? `${a} ${b}` : a + b;
}

/**
 * Group words into lines (same baseline within 0.4 em) and, in each line, words into
 * segments: words closer than 0.3 em always join; texts (not figures) closer than
 * 0.6 em join; figures never join anything further away. Header cells can stand only
 * one em apart ("财政拨款收入  事业收入"), so a word spaced out by a full em ("合 计") is
 * two segments here and is joined again when both fall in one column. A space inside
 * one text item always separates segments ("政府性基金预算 国有资本经营预算" is two cells).
 */
export function buildLines(words: Word[], page: number): Line[] {
  const sorted = [...words].sort((a, b) => a.y - b.y || a.x1 - b.x1);
  const groups: Word[][] = [];
  for (const w of sorted) {
    const g = groups[groups.length - 1];
    if (g) {
      const gy = g.reduce((s, x) => s + x.y, 0) / g.length;
      const gs = Math.min(...g.map((x) => x.size));
      if (Math.abs(w.y - gy) <= 0.4 * Math.min(gs, w.size)) {
        g.push(w);
        continue;
      }
    }
    groups.push([w]);
  }
  return groups.map((g, i) => {
    g.sort((a, b) => a.x1 - b.x1);
    const segments: Segment[] = [];
    for (const w of g) {
      const s = segments[segments.length - 1];
      if (s) {
        const gap = w.x1 - s.x2;
        const em = Math.min(s.size, w.size);
        const figure = isNumericText(s.words[s.words.length - 1].text) || isNumericText(w.text);
        if (!w.spaced && (gap < 0.3 * em || (!figure && gap < 0.6 * em))) {
          s.text = joinText(s.text, w.text, gap, em);
          s.x2 = Math.max(s.x2, w.x2);
          s.words.push(w);
          continue;
        }
      }
      segments.push({ text: w.text, x1: w.x1, x2: w.x2, y: w.y, size: w.size, words: [w] });
    }
    const size = median(g.map((w) => w.size));
    let text = "";
    let prev: Segment | undefined;
    for (const s of segments) {
      text = prev ? joinText(text, s.text, s.x1 - prev.x2, size) : s.text;
      prev = s;
    }
    return {
      page,
      index: i + 1,
      y: median(g.map((w) => w.y)),
      size,
      x1: segments[0].x1,
      x2: Math.max(...segments.map((s) => s.x2)),
      segments,
      text,
    };
  });
}

/** Segments read as phrases: neighbours closer than 1.5 em are one phrase ("1. 2025年…表"). */
export function phraseCount(l: Line): number {
  let n = 0;
  let prev: Segment | undefined;
  for (const s of l.segments) {
    if (!prev || s.x1 - prev.x2 > 1.5 * Math.min(s.size, prev.size)) n++;
    prev = s;
  }
  return n;
}

export function median(xs: number[]): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
