/**
 * Interval arithmetic for printed figures (private to the text rules until
 * src/core/checks/rounding.ts offers the same). A figure printed with d decimals
 * stands for anything within ± half a unit of its last digit: "1024万元" = [1023.5, 1024.5],
 * "1.7万元" = [1.65, 1.75]. Sums, differences and ratios of such figures are intervals;
 * a claim is consistent when its own interval meets the recomputed one.
 */

export interface Interval {
  lo: number;
  hi: number;
}

/** Half a unit of the last printed digit. */
export function halfUnit(decimals: number): number {
  return 0.5 * Math.pow(10, -Math.max(0, decimals));
}

/** Floating-point slack so that 0.1 + 0.2 style noise never decides a finding. */
const EPS = 1e-9;

/** The interval a figure printed with `decimals` decimals stands for; `factor` scales the envelope (0 = exact). */
export function figure(value: number, decimals: number, factor = 1, scale = 1): Interval {
  const h = halfUnit(decimals) * factor * Math.abs(scale);
  return { lo: value - h - EPS, hi: value + h + EPS };
}

export function exact(value: number): Interval {
  return { lo: value - EPS, hi: value + EPS };
}

export function add(...xs: Interval[]): Interval {
  return xs.reduce((a, b) => ({ lo: a.lo + b.lo, hi: a.hi + b.hi }), { lo: 0, hi: 0 });
}

export function sub(a: Interval, b: Interval): Interval {
  return { lo: a.lo - b.hi, hi: a.hi - b.lo };
}

export function neg(a: Interval): Interval {
  return { lo: -a.hi, hi: -a.lo };
}

export function scale(a: Interval, k: number): Interval {
  return k >= 0 ? { lo: a.lo * k, hi: a.hi * k } : { lo: a.hi * k, hi: a.lo * k };
}

/** a / b; null when b may be zero. */
export function div(a: Interval, b: Interval): Interval | null {
  if (b.lo <= 0 && b.hi >= 0) return null;
  const qs = [a.lo / b.lo, a.lo / b.hi, a.hi / b.lo, a.hi / b.hi];
  return { lo: Math.min(...qs), hi: Math.max(...qs) };
}

export function overlaps(a: Interval, b: Interval): boolean {
  return a.lo <= b.hi && b.lo <= a.hi;
}

export function mid(a: Interval): number {
  return (a.lo + a.hi) / 2;
}

/** Round for messages: at most `d` decimals, no trailing float noise. */
export function fmt(n: number, d = 2): string {
  const r = Math.round(n * Math.pow(10, d)) / Math.pow(10, d);
  return r.toFixed(d);
}

/** Print a figure with the decimals it had. */
export function fmtAs(n: number, decimals: number): string {
  return n.toFixed(Math.max(0, Math.min(6, decimals)));
}
