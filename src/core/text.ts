/**
 * Text normalisation for what real workbooks contain: full-width digits and
 * brackets, spaces inside words ("收 入 总 计"), amounts as text with thousands
 * separators, codes stored as numbers.
 */

const FULL_WIDTH = /[\uff01-\uff5e\u3000]/;

/** Full-width ASCII (！-～) to half-width, ideographic space to space. */
export function toHalfWidth(s: string): string {
  if (!FULL_WIDTH.test(s)) return s;
  let out = "";
  for (const ch of s) {
    const code = ch.charCodeAt(0);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) out += " ";
    else out += ch;
  }
  return out;
}

/**
 * A key for comparing labels: half-width, no white space, brackets unified to
 * the full-width （） the official names use, quotes removed, 其它 → 其他.
 */
export function labelKey(s: string): string {
  return toHalfWidth(s)
    .replace(/\s+/g, "")
    .replace(/\(/g, "（")
    .replace(/\)/g, "）")
    .replace(/[“”"'‘’「」]/g, "")
    .replace(/其它/g, "其他");
}

/** Collapse white space and trim; keeps the characters as they are. */
export function cleanText(s: string): string {
  return s.replace(/[\s\u3000]+/g, " ").trim();
}

/**
 * Parse an amount as users write it: 1,209.02 / 1，209.02 / " 12.5 " / "-3" /
 * "（3.00）" for a negative. Returns null for anything that is not a number.
 */
export function parseAmount(v: unknown): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v !== "string") return null;
  let s = toHalfWidth(v).replace(/[\s,，]/g, "");
  if (s === "" || s === "-" || s === "—" || s === "--") return null;
  let neg = false;
  const paren = /^\((.*)\)$/.exec(s);
  if (paren) {
    neg = true;
    s = paren[1];
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(s)) return null;
  const n = Number(s);
  if (!Number.isFinite(n)) return null;
  return neg ? -n : n;
}

/** Number of decimals a printed figure carries ("12.30" → 2, "12" → 0, 12.3 → 1). */
export function printedDecimals(v: unknown): number {
  const s = typeof v === "number" ? String(v) : typeof v === "string" ? toHalfWidth(v).replace(/[\s,，]/g, "") : "";
  const m = /\.(\d+)/.exec(s);
  return m ? m[1].length : 0;
}
