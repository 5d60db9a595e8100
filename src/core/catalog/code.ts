/**
 * Code normalisation: the many ways a 科目编码 is written in real workbooks, to
 * one canonical digit string ("2080505").
 */
import { toHalfWidth } from "../text";
import type { CatalogKind, CatalogLevel, CodeInput } from "./types";

const PLAIN = /^(\d{3}|\d{5}|\d{7})$/;
const DIGITS = /^\d+$/;
/** Separators allowed between 类/款/项 parts written in one string. */
const SEPARATORS = /[\s\u3000\-‐‑–—_.·/\\,，、]+/;

function validLength(s: string): boolean {
  return s.length === 3 || s.length === 5 || s.length === 7;
}

/** One part of a split code as a digit string, or null. Numbers lose leading zeros: that is handled by padding later. */
function partToDigits(p: string | number | null | undefined): string | null | "" {
  if (p === null || p === undefined) return "";
  if (typeof p === "number") {
    if (!Number.isInteger(p) || p < 0) return null;
    return String(p);
  }
  if (DIGITS.test(p)) return p;
  const s = toHalfWidth(p).replace(/[\s\u3000]+/g, "").replace(/^'/, "");
  if (s === "") return "";
  return /^\d+$/.test(s) ? s : null;
}

/**
 * Join 类/款/项 parts: the first part is a 类 (3 digits) or a 类+款 (5 digits); each later part is
 * 2 digits (1 digit is padded: a number that lost its leading zero, or "301","2" → 30102).
 * Empty trailing parts are ignored (a 类 row leaves 款 and 项 empty); an empty part followed by a
 * non-empty one is not a code.
 */
function joinParts(parts: ReadonlyArray<string | number | null | undefined>): string | null {
  const digits: string[] = [];
  let ended = false;
  for (const p of parts) {
    const d = partToDigits(p);
    if (d === null) return null;
    if (d === "") {
      if (digits.length) ended = true;
      continue;
    }
    if (ended) return null;
    digits.push(d);
  }
  if (digits.length === 0) return null;
  if (digits.length === 1) return validLength(digits[0]) ? digits[0] : null;
  let code = digits[0];
  if (code.length !== 3 && code.length !== 5) return null;
  for (const d of digits.slice(1)) {
    if (d.length > 2) return null;
    code += d.padStart(2, "0");
  }
  return validLength(code) ? code : null;
}

/**
 * The canonical code for any accepted form, or null for something that is not a code:
 * 2080101, "2080101", "208 01 01", "208-01-01", "２０８０１０１", " 2080101 ", ["208","01","01"],
 * ["208", 1, 1], ["301","2"] → "30102".
 */
export function normalizeCode(input: CodeInput | null | undefined): string | null {
  if (input === null || input === undefined) return null;
  if (typeof input === "number") {
    if (!Number.isInteger(input) || input < 100) return null;
    const s = String(input);
    return validLength(s) ? s : null;
  }
  if (typeof input === "string") {
    if (PLAIN.test(input)) return input;
    const trimmed = input.trim();
    if (PLAIN.test(trimmed)) return trimmed;
    const s = toHalfWidth(trimmed).trim().replace(/^'/, "");
    if (PLAIN.test(s)) return s;
    if (s === "") return null;
    const parts = s.split(SEPARATORS);
    if (!parts.every((p) => /^\d+$/.test(p))) return null;
    if (parts.length === 1) return null;
    // "208 01 01" and "208-1-1": treat as 类/款/项 parts; else stray separators inside one code ("2080 101").
    const joined = joinParts(parts);
    if (joined) return joined;
    const concat = parts.join("");
    return validLength(concat) ? concat : null;
  }
  if (Array.isArray(input)) return joinParts(input as ReadonlyArray<string | number | null | undefined>);
  return null;
}

/** Kind from the first digit: 2xx 支出功能, 3xx 部门经济, 5xx 政府经济, 1xx 收入. */
export function inferKind(code: string): CatalogKind | null {
  switch (code.charCodeAt(0)) {
    case 50: // "2"
      return "function";
    case 51: // "3"
      return "econ-dept";
    case 53: // "5"
      return "econ-gov";
    case 49: // "1"
      return "revenue";
    default:
      return null;
  }
}

/** 3 → 类 (1), 5 → 款 (2), 7 → 项 (3). */
export function levelOfCode(code: string): CatalogLevel | null {
  return code.length === 3 ? 1 : code.length === 5 ? 2 : code.length === 7 ? 3 : null;
}

/** The code of the parent by prefix ("2080505" → "20805"); null for a 类. */
export function parentOfCode(code: string): string | null {
  return code.length > 3 ? code.slice(0, code.length - 2) : null;
}
