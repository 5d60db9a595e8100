/** Running the checker on a base layout and on a re-laid-out copy, and comparing the findings. */
import { runChecks } from "../../src/core/checks/engine";
import type { CheckOptions } from "../../src/core/checks/types";
import type { Workbook } from "../../src/core/model";
import { recognizeWorkbook } from "../../src/core/recognize";
import { toDoc, type Doc, type Layout } from "../helpers/relayout";
import { findingKey } from "./findingKey";

export interface Outcome {
  keys: string[];
  errors: number;
}

export function outcome(wb: Workbook, amountFactor = 1, options: CheckOptions = {}): Outcome {
  const { facts, findings } = runChecks(wb, options);
  const kept = findings.filter((f) => f.severity !== "info");
  return { keys: kept.map((f) => findingKey(f, facts, amountFactor)).sort(), errors: kept.filter((f) => f.severity === "error").length };
}

export function baseDoc(wb: Workbook): Doc {
  return toDoc(wb, recognizeWorkbook(wb));
}

/**
 * A finding whose stated and expected figures differ by at most 0.05 万元. Once a 万元 table
 * is multiplied into 元 the printed precision no longer covers such a difference (641.15 vs
 * 641.14 万元 is 尾差; 6,411,500.00 vs 6,411,400.00 元 is not), and no transformation can
 * restore the unrounded 元 figures: layouts in 元 leave these out on both sides.
 */
export function roundingScale(key: string): boolean {
  const parts = key.split(" · ");
  const a = Number(parts[parts.length - 2]);
  const e = Number(parts[parts.length - 1]);
  return parts[parts.length - 1] !== "" && Number.isFinite(a) && Number.isFinite(e) && Math.abs(a - e) > 0 && Math.abs(a - e) <= 0.05 + 1e-9;
}

/** Keys found only in the base layout (missed) and only in the new layout (extra). */
export function compare(base: Outcome, other: Outcome, amountFactor = 1): { missed: string[]; extra: string[] } {
  const count = (xs: string[]) => xs.filter((k) => amountFactor === 1 || !roundingScale(k)).reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<string, number>());
  const a = count(base.keys);
  const b = count(other.keys);
  const missed: string[] = [];
  const extra: string[] = [];
  for (const [k, n] of a) for (let i = b.get(k) ?? 0; i < n; i++) missed.push(k);
  for (const [k, n] of b) for (let i = a.get(k) ?? 0; i < n; i++) extra.push(k);
  return { missed, extra };
}

export function relaid(doc: Doc, layout: Layout, options: CheckOptions = {}): Outcome & { amountFactor: number } {
  const d = layout.transform(doc);
  return { ...outcome(d.wb, d.amountFactor, options), amountFactor: d.amountFactor };
}
