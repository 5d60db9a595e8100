/** A1-style addresses <-> 0-based row/column indices. */
import type { RangeRef } from "./model";

export function colToLetters(c: number): string {
  let n = c + 1;
  let s = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function lettersToCol(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) throw new Error(`不是列标：${letters}`);
    n = n * 26 + (code - 64);
  }
  return n - 1;
}

export function toA1(r: number, c: number): string {
  return `${colToLetters(c)}${r + 1}`;
}

const CELL_RE = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;

export function parseA1(addr: string): { r: number; c: number } {
  const m = CELL_RE.exec(addr.trim());
  if (!m) throw new Error(`不是单元格地址：${addr}`);
  return { r: parseInt(m[2], 10) - 1, c: lettersToCol(m[1]) };
}

export function rangeToA1(r: RangeRef): string {
  const a = toA1(r.r1, r.c1);
  const b = toA1(r.r2, r.c2);
  return a === b ? a : `${a}:${b}`;
}

/** "B2:D5", "B2", "Sheet1!B2:D5", "'表 1'!B2" → a range (sheet name dropped). */
export function parseRangeA1(addr: string): RangeRef {
  let a = addr.trim();
  const bang = a.lastIndexOf("!");
  if (bang >= 0) a = a.slice(bang + 1);
  const [p, q] = a.split(":");
  const s = parseA1(p);
  const e = q ? parseA1(q) : s;
  return { r1: Math.min(s.r, e.r), c1: Math.min(s.c, e.c), r2: Math.max(s.r, e.r), c2: Math.max(s.c, e.c) };
}

/** Quote a sheet name for use in a formula or address when needed. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
