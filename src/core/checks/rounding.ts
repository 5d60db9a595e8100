/**
 * Rounding, judged the way XBRL Calculations 1.1 does: a figure printed with d decimals
 * stands for the interval [v − ½·10^−d, v + ½·10^−d]; a total is consistent when its
 * interval overlaps the interval of the sum of its parts' intervals. The half-units are
 * scaled by options.roundingFactor (1 default, 0 = exact, 2 = twice as loose).
 *
 * Results: exact; 尾差 (inside the envelope: info); truncation (outside the rounding
 * envelope but inside the one truncated figures give: a warning at most); error.
 *
 * All arithmetic is done in integers of a tenth of the smallest printed unit, so no
 * float noise can turn an exact sum into a 尾差 or a 尾差 into an error.
 */
import { toA1 } from "../a1";
import type { AmountCell, RecognizedTable } from "../recognize/types";
import { fmtAmount, say, TAIL_MESSAGES, tailItems, unitText, type MessageData, type Messages, type MessageText, type Text } from "./messages";
import type { Finding } from "./types";

export interface Figure {
  value: number;
  /** Decimals printed. */
  decimals: number;
}

export type Verdict = "exact" | "rounding" | "truncation" | "error";

export interface SumJudgement {
  verdict: Verdict;
  /** Σ parts. */
  expected: number;
  actual: number;
  /** actual − expected, rounded to the printed precision. */
  difference: number;
  /** Largest |difference| the rounding envelope allows. */
  tolerance: number;
  /** Decimals to print the figures with. */
  decimals: number;
}

const MAX_DEC = 6;

function dec(d: number): number {
  return Math.max(0, Math.min(MAX_DEC, Math.floor(Number.isFinite(d) ? d : 0)));
}

/** Compare a stated total with the sum of its parts. */
export function judgeSum(total: Figure, parts: Figure[], factor = 1): SumJudgement {
  const f = Number.isFinite(factor) && factor > 0 ? factor : 0;
  let D = dec(total.decimals);
  for (const p of parts) D = Math.max(D, dec(p.decimals));
  const unit = 10 ** D;
  // Integers in tenths of the finest unit, so a half-unit of any printed precision is whole.
  const toInt = (v: number) => Math.round(v * unit) * 10;
  const half = (d: number) => 5 * 10 ** (D - dec(d));
  const tInt = toInt(total.value);
  let sInt = 0;
  let envelope = half(total.decimals);
  let truncUp = 0;
  for (const p of parts) {
    sInt += toInt(p.value);
    envelope += half(p.decimals);
    truncUp += 2 * half(p.decimals);
  }
  const diff = tInt - sInt;
  const expected = sInt / (unit * 10);
  const difference = diff / (unit * 10);
  const tolerance = (f * envelope) / (unit * 10);
  const base = { expected, actual: total.value, difference, tolerance, decimals: D };
  if (diff === 0) return { verdict: "exact", ...base };
  if (Math.abs(diff) <= f * envelope) return { verdict: "rounding", ...base };
  // Truncated figures: each true value lies in [v, v + 10^-d); the stated total is truncated too.
  const truncDown = 2 * half(total.decimals);
  if (f > 0 && diff > -f * truncDown && diff < f * truncUp) return { verdict: "truncation", ...base };
  return { verdict: "error", ...base };
}

export function figureOf(a: AmountCell | undefined): Figure {
  return a && a.value !== null ? { value: a.value, decimals: a.decimals } : { value: 0, decimals: 0 };
}

export { fmtAmount } from "./messages";

/** 1.00 / -0.01 with sign when negative. */
export function fmtDiff(v: number, decimals = 2): string {
  return fmtAmount(v, decimals);
}

export function cellA1(a: { r: number; c: number }): string {
  return toA1(a.r, a.c);
}

/** One 尾差 (a difference inside the rounding envelope), collected per table. */
export interface TailItem {
  cell: string;
  /** The figure and its relation, in both languages when the checker composed it (messages.ts Text). */
  what: Text;
  expected: number;
  actual: number;
  difference: number;
  decimals: number;
}

/** A finding whose difference is only 尾差 carries its items; the engine merges them per table. */
export interface TailFinding extends Finding {
  tail: TailItem[];
}

export function isTailFinding(f: Finding): f is TailFinding {
  return Array.isArray((f as TailFinding).tail);
}

export { TAIL_RULE_ID } from "./messages";

/** The message fields of a 尾差 finding (id, data, zh-CN text). */
export function tailSay(items: readonly TailItem[]): { messageId: string; data: MessageData; message: string } {
  return say(TAIL_MESSAGES, "tail", { count: items.length, items: tailItems(items) });
}

export function tailMessage(_sheet: string, items: TailItem[]): string {
  return tailSay(items).message;
}

/** One info finding listing a table's 尾差. */
export function tailFinding(ruleId: string, table: RecognizedTable, items: TailItem[]): TailFinding {
  return {
    ruleId,
    severity: "info",
    sheet: table.sheet,
    cell: items[0].cell,
    related: items.slice(1).map((t) => t.cell),
    table: table.spec.id,
    ...tailSay(items),
    tail: items,
  };
}

export interface Judged {
  findings: Finding[];
  tails: TailItem[];
}

/**
 * The messages of a sum relation, from the relation's phrase ("应为各款之和" / "should equal the sum
 * of its subcategories"): `key` (the total is filled in and differs), `key`Blank (the total is not
 * filled in), `key`Truncated (outside the rounding envelope, inside the truncation one). Their
 * placeholders: {subject} {expected} {actual} {difference} {unit}, plus the phrase's own.
 */
export function sumMessages(key: string, phrase: MessageText): Messages {
  const zh = `{subject}${phrase["zh-CN"]} {expected}，填列 {actual}，相差 {difference} {unit}`;
  const en = `{subject} ${phrase["en-US"]} {expected}, but {actual} is filled in (difference {difference} {unit})`;
  return {
    [key]: { "zh-CN": zh, "en-US": en },
    [`${key}Blank`]: {
      "zh-CN": `{subject}${phrase["zh-CN"]} {expected}，未填列，相差 {difference} {unit}`,
      "en-US": `{subject} ${phrase["en-US"]} {expected}, but is not filled in (difference {difference} {unit})`,
    },
    [`${key}Truncated`]: {
      "zh-CN": `${zh}（超出四舍五入尾差范围，但在截尾范围内：疑似各数被截尾而非四舍五入）`,
      "en-US": `${en}; this is more than rounding explains but within what truncating the figures gives: the figures may have been truncated instead of rounded`,
    },
  };
}

/** Which sum message a finding uses: the rule's messages, the relation's key (sumMessages) and the phrase's own data. */
export interface SumMessage {
  messages: Messages;
  key: string;
  data?: MessageData;
}

/**
 * Turn a judgement into a finding (error / truncation warning) or a 尾差 item.
 * `what` names the figure ("社会保障和就业支出（208）合计"), `tailWhat` the 尾差 item's name
 * (the figure and its relation: "社会保障和就业支出（208）合计（款之和）"), `msg` the message.
 */
export function report(
  out: Judged,
  ruleId: string,
  table: RecognizedTable,
  at: { r: number; c: number },
  what: Text,
  tailWhat: Text,
  msg: SumMessage,
  j: SumJudgement,
  related: string[],
  stated: boolean = true,
): void {
  const cell = cellA1(at);
  const d = Math.max(j.decimals, table.precision ?? 0);
  const unit = table.amountUnit;
  if (j.verdict === "exact") return;
  if (j.verdict === "rounding") {
    out.tails.push({ cell, what: tailWhat, expected: j.expected, actual: j.actual, difference: j.difference, decimals: d });
    return;
  }
  const data: MessageData = { subject: what, ...msg.data, expected: fmtAmount(j.expected, d), actual: fmtAmount(j.actual, d), difference: fmtDiff(j.difference, d), unit: unitText(unit) };
  const id = !stated ? `${msg.key}Blank` : j.verdict === "truncation" ? `${msg.key}Truncated` : msg.key;
  out.findings.push({
    ruleId,
    severity: j.verdict === "truncation" ? "warning" : "error",
    sheet: table.sheet,
    cell,
    related,
    table: table.spec.id,
    expected: j.expected,
    actual: stated ? j.actual : "（空）",
    difference: j.difference,
    ...say(msg.messages, id, data),
  });
}

/** Close a rule's pass over one table: its findings plus one grouped 尾差 finding. */
export function flush(ruleId: string, table: RecognizedTable, j: Judged, into: Finding[]): void {
  for (const f of j.findings) into.push(f);
  if (j.tails.length) into.push(tailFinding(ruleId, table, j.tails));
  j.findings = [];
  j.tails = [];
}

// ── Intervals: the same model for figures that are not in a table (text, recomputed ratios) ──
//
// A figure printed with d decimals stands for anything within ± half a unit of its last digit:
// "1024万元" = [1023.5, 1024.5], "1.7万元" = [1.65, 1.75], "9,101.68万元" = [9101.675, 9101.685].
// Sums, differences and ratios of such figures are intervals; a claim is consistent when its own
// interval meets the recomputed one. judgeSum above is the same rule done in integers for sums.

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
