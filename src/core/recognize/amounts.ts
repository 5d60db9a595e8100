/** Reading one amount cell as printed: its number, its printed decimals, and whether it was text. */
import { isCellError, type Cell } from "../model";
import { parseAmount, printedDecimals, toHalfWidth } from "../text";
import type { AmountCell } from "./types";

/** Decimals an Excel number format prints ("#,##0.00" → 2, "0" → 0); undefined for General / text / unknown. */
export function numFmtDecimals(fmt: string | undefined): number | undefined {
  if (!fmt) return undefined;
  // a workbook has a handful of formats and hundreds of thousands of cells: parse each format once
  if (FMT_DECIMALS.has(fmt)) return FMT_DECIMALS.get(fmt);
  const d = parseFmtDecimals(fmt);
  if (FMT_DECIMALS.size >= 4096) FMT_DECIMALS.clear();
  FMT_DECIMALS.set(fmt, d);
  return d;
}

const FMT_DECIMALS = new Map<string, number | undefined>();

function parseFmtDecimals(fmt: string): number | undefined {
  const first = fmt.split(";")[0].replace(/"[^"]*"/g, "").replace(/\[[^\]]*\]/g, "").replace(/\\./g, "");
  if (/general/i.test(first) || first.trim() === "@") return undefined;
  if (!/[0#?]/.test(first)) return undefined;
  const m = /\.([0#?]+)/.exec(first);
  return m ? m[1].length : 0;
}

/** Decimals a number shows under General (float noise removed), at most 6. */
export function generalDecimals(v: number): number {
  if (!Number.isFinite(v)) return 0;
  const clean = Number(v.toPrecision(12));
  return Math.min(6, printedDecimals(clean));
}

export type AmountRead =
  | { kind: "blank" }
  | { kind: "amount"; cell: AmountCell; explicitDecimals: boolean }
  | { kind: "error"; error: string }
  | { kind: "text"; text: string };

const DASH = /^[-—–－―~～\s]*$/;

export function readAmount(cell: Cell | undefined, r: number, c: number): AmountRead {
  if (!cell) return { kind: "blank" };
  const v = cell.value;
  if (v === null || v === undefined) {
    if (cell.formula) return { kind: "amount", cell: { r, c, value: null, decimals: 2, raw: null, formula: cell.formula, fromText: false }, explicitDecimals: false };
    return { kind: "blank" };
  }
  if (isCellError(v)) return { kind: "error", error: v.error };
  if (typeof v === "boolean") return { kind: "text", text: String(v) };
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return { kind: "error", error: String(v) };
    const fd = numFmtDecimals(cell.numFmt);
    return {
      kind: "amount",
      cell: { r, c, value: v, decimals: fd ?? generalDecimals(v), raw: v, formula: cell.formula, fromText: false },
      explicitDecimals: fd !== undefined,
    };
  }
  const s = String(v);
  if (s.trim() === "" || DASH.test(s)) return { kind: "blank" };
  const n = parseAmount(s);
  if (n === null) {
    // "12.5万元" or "1,209.02元": a figure with its unit is still a figure.
    const m = /^\s*([-+]?[\d,，.．０-９]+)\s*(万元|元)?\s*$/.exec(toHalfWidth(s));
    const n2 = m ? parseAmount(m[1]) : null;
    if (n2 === null) return { kind: "text", text: s };
    return { kind: "amount", cell: { r, c, value: n2, decimals: Math.min(6, printedDecimals(m![1])), raw: v, formula: cell.formula, fromText: true }, explicitDecimals: true };
  }
  return { kind: "amount", cell: { r, c, value: n, decimals: Math.min(6, printedDecimals(s)), raw: v, formula: cell.formula, fromText: true }, explicitDecimals: true };
}
