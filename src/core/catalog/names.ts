/**
 * Name comparison for catalog names: the keys and the fuzzy measures that
 * judgeName and search share.
 */
import { labelKey } from "../text";

/** Trailing words an official name has and a printed name often drops. Longest first. */
export const NAME_SUFFIXES = ["事务支出", "缴费支出", "基金支出", "支出", "费用", "缴费", "收入", "费"];

const LEVEL_MARKER = /[（(]\s*[类款项]\s*[)）]$/;

/** labelKey plus: a trailing （类）/（款）/（项） marker and leading numbering ("1." "（一）") dropped. */
export function nameKey(s: string): string {
  let k = labelKey(s);
  k = k.replace(/^(\d+[.、．]|（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、)/, "");
  k = k.replace(LEVEL_MARKER, "");
  k = k.replace(/[：:;；。，,]+$/, "");
  return k;
}

/** The suffix the given key lacks, when official = given + suffix; else null. */
export function missingSuffix(givenKey: string, officialKey: string): string | null {
  if (givenKey.length < 2 || !officialKey.startsWith(givenKey)) return null;
  const rest = officialKey.slice(givenKey.length);
  return NAME_SUFFIXES.includes(rest) ? rest : null;
}

/** True when the official key starts with the given key and the given text is long enough (≥ 4 characters). */
export function isTruncation(givenKey: string, officialKey: string): boolean {
  return givenKey.length >= 4 && givenKey.length < officialKey.length && officialKey.startsWith(givenKey);
}

function bigrams(s: string): Map<string, number> {
  const m = new Map<string, number>();
  const chars = [...s];
  if (chars.length === 1) m.set(s, 1);
  for (let i = 0; i + 1 < chars.length; i++) {
    const g = chars[i] + chars[i + 1];
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}

/** Sørensen–Dice similarity on character bigrams, 0–1. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (!a || !b) return 0;
  const A = bigrams(a);
  const B = bigrams(b);
  let inter = 0;
  let na = 0;
  let nb = 0;
  for (const v of A.values()) na += v;
  for (const [g, v] of B) {
    nb += v;
    const x = A.get(g);
    if (x) inter += Math.min(x, v);
  }
  return (2 * inter) / (na + nb);
}
