/**
 * Words of a PDF with their boxes, as `pdftotext -bbox` (poppler-utils) prints
 * them, grouped into printed lines. Only the converter needs poppler; the
 * fixtures it writes are committed.
 */
import { execFileSync } from "child_process";

export interface Word {
  page: number;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  text: string;
}

export interface Line {
  page: number;
  y: number;
  words: Word[]; // left to right
  text: string; // the words joined, a space where the gap is wide
}

function unescape(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

export function parseBboxHtml(html: string): Word[] {
  const words: Word[] = [];
  let page = -1;
  const re = /<page\b|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(html))) {
    if (m[0] === "<page") {
      page++;
      continue;
    }
    words.push({ page, x1: +m[1], y1: +m[2], x2: +m[3], y2: +m[4], text: unescape(m[5]) });
  }
  return words;
}

export function pdfWords(pdfPath: string): Word[] {
  const html = execFileSync("pdftotext", ["-bbox", pdfPath, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return parseBboxHtml(html);
}

/** Join the words of one printed line (or cell): a space only where the gap is wider than a narrow character. */
export function joinWords(ws: Word[]): string {
  let s = "";
  let prev: Word | undefined;
  for (const w of ws) {
    if (prev && w.x1 - prev.x2 > 4) s += " ";
    s += w.text;
    prev = w;
  }
  return s;
}

/** Group words into lines: same page, vertical centres within 3 pt. */
export function toLines(words: Word[]): Line[] {
  const sorted = [...words].sort((a, b) => a.page - b.page || (a.y1 + a.y2) / 2 - (b.y1 + b.y2) / 2 || a.x1 - b.x1);
  const lines: Line[] = [];
  let cur: Word[] = [];
  let cy = -1;
  let cp = -1;
  const flush = () => {
    if (!cur.length) return;
    cur.sort((a, b) => a.x1 - b.x1);
    lines.push({ page: cp, y: cy, words: cur, text: joinWords(cur) });
    cur = [];
  };
  for (const w of sorted) {
    const y = (w.y1 + w.y2) / 2;
    if (w.page !== cp || Math.abs(y - cy) > 3) {
      flush();
      cp = w.page;
      cy = y;
    }
    cur.push(w);
  }
  flush();
  return lines;
}
