/**
 * Figures as the draft writes them: amounts with their printed precision, shares that add
 * up to 100% (largest remainder), changes on last year's base.
 */
import type { DraftFigure, SourceRef } from "./types";

/** An amount read from the tables, in the tables' unit, with its printed decimals. */
export interface Amount {
  value: number;
  decimals: number;
  sources: SourceRef[];
  /** Set when the amount is a sum of cells rather than one cell. */
  how?: string;
  /** The unit of the table it is read from (tables of one workbook can differ: 三公 in 万元, the rest in 元). */
  unit?: "万元" | "元";
}

/** An amount in 元, for arithmetic across tables of different units. */
export function inYuan(a: Amount, fallback: "万元" | "元"): number {
  return (a.unit ?? fallback) === "万元" ? a.value * 1e4 : a.value;
}

export const PCT_DECIMALS = 2;

/** Round half away from zero at `d` decimals (as printed figures are rounded). */
export function roundTo(n: number, d: number): number {
  const k = Math.pow(10, d);
  const x = Math.abs(n) * k;
  const r = Math.round(x + 1e-9 * Math.max(1, x)) / k;
  return n < 0 ? -r : r;
}

export function fixed(n: number, d: number): string {
  const r = roundTo(n, d);
  return (Object.is(r, -0) ? 0 : r).toFixed(d);
}

/**
 * The text figure of an amount: in 万元 tables as printed (the cell's decimals); in 元 tables
 * converted to 万元 with 2 decimals.
 */
export function amountFigure(a: Amount, workbookUnit: "万元" | "元", kind: DraftFigure["kind"] = "amount", how?: string): DraftFigure {
  const tableUnit = a.unit ?? workbookUnit;
  const inWan = tableUnit === "元" ? a.value / 1e4 : a.value;
  const d = tableUnit === "元" ? 2 : a.decimals;
  const hows = [a.how, how, tableUnit === "元" ? "元换算为万元，保留两位小数" : undefined].filter(Boolean);
  return { kind, text: fixed(inWan, d), unit: "万元", value: roundTo(inWan, d), sources: a.sources, how: hows.length ? hows.join("；") : undefined };
}

export function percentFigure(value: number, sources: SourceRef[], how: string, decimals = PCT_DECIMALS): DraftFigure {
  return { kind: "percent", text: fixed(value, decimals), unit: "%", value: roundTo(value, decimals), sources, how };
}

/**
 * Shares of a whole in percent with `decimals` decimals, by the largest remainder method: each
 * share is floored, and the units left to reach 100% go to the largest remainders. Used only when
 * the parts add up to the whole; otherwise each share is rounded on its own.
 */
export function largestRemainder(parts: number[], whole: number, decimals = PCT_DECIMALS): { shares: number[]; method: "largest-remainder" | "rounded" } {
  const k = Math.pow(10, decimals);
  if (whole <= 0) return { shares: parts.map(() => 0), method: "rounded" };
  const raw = parts.map((p) => (p / whole) * 100 * k);
  const sum = parts.reduce((s, p) => s + p, 0);
  if (Math.abs(sum - whole) > 1e-6 * Math.max(1, Math.abs(whole))) return { shares: raw.map((x) => roundTo(x / k, decimals)), method: "rounded" };
  const floors = raw.map((x) => Math.floor(x + 1e-9));
  let left = 100 * k - floors.reduce((s, x) => s + x, 0);
  const order = raw.map((x, i) => ({ i, rem: x - floors[i] })).sort((a, b) => b.rem - a.rem || a.i - b.i);
  for (const o of order) {
    if (left <= 0) break;
    floors[o.i] += 1;
    left -= 1;
  }
  return { shares: floors.map((x) => x / k), method: "largest-remainder" };
}

/** A year-over-year comparison of an amount with last year's. */
export interface Comparison {
  kind: "increase" | "decrease" | "flat" | "new";
  cur: Amount;
  prior: Amount;
  /** |this year − last year|, in the tables' unit. */
  delta: number;
  deltaDecimals: number;
  /** On last year's base; undefined for a base of 0. */
  percent?: number;
}

/** Compare with last year, on the printed figures. */
export function compare(cur: Amount, prior: Amount): Comparison {
  const d = Math.max(cur.decimals, prior.decimals);
  const diff = roundTo(cur.value - prior.value, d);
  const half = 0.5 * Math.pow(10, -d);
  if (Math.abs(diff) < half) return { kind: "flat", cur, prior, delta: 0, deltaDecimals: d };
  if (Math.abs(prior.value) < half) return { kind: "new", cur, prior, delta: Math.abs(diff), deltaDecimals: d };
  return { kind: diff > 0 ? "increase" : "decrease", cur, prior, delta: Math.abs(diff), deltaDecimals: d, percent: (Math.abs(diff) / prior.value) * 100 };
}
