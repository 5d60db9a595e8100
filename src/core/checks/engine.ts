/**
 * The checker: recognise the workbook once, run every registered rule, apply the
 * caller's rule overrides, merge each table's 尾差 into one info finding, and sort
 * the findings by sheet, row and column.
 */
import { parseA1 } from "../a1";
import type { Workbook } from "../model";
import { builtinCatalog } from "../catalog";
import { analyzeNarrative } from "../narrative/analyze";
import { recognizeSteps } from "../recognize";
import { runSteps, runStepsAsync, type Steps, type TaskControl } from "../workflows/progress";
import type { WorkbookFacts } from "../recognize/types";
import { ENGINE_MESSAGES, say } from "./messages";
import { isTailFinding, TAIL_RULE_ID, tailSay, type TailFinding, type TailItem } from "./rounding";
import { RULES } from "./rules";
import type { CheckOptions, Finding, Rule, RuleContext, Severity } from "./types";

export { TAIL_RULE_ID } from "./rounding";

export interface CheckResult {
  facts: WorkbookFacts;
  findings: Finding[];
}

function position(f: Finding): { r: number; c: number } {
  try {
    return parseA1(f.cell);
  } catch {
    return { r: 0, c: 0 };
  }
}

/** Merge the per-rule 尾差 findings of each table into one. */
function mergeTails(findings: Finding[]): Finding[] {
  const out: Finding[] = [];
  const groups = new Map<string, TailFinding>();
  for (const f of findings) {
    if (!isTailFinding(f)) {
      out.push(f);
      continue;
    }
    const key = `${f.sheet}\u0000${f.table ?? ""}`;
    const g = groups.get(key);
    if (!g) {
      const merged: TailFinding = { ...f, ruleId: TAIL_RULE_ID, tail: [...f.tail] };
      groups.set(key, merged);
      out.push(merged);
    } else for (const t of f.tail) g.tail.push(t);
  }
  for (const g of groups.values()) {
    const seen = new Set<string>();
    const items: TailItem[] = [];
    for (const t of g.tail) {
      const k = `${t.cell}|${t.what}|${t.expected}`;
      if (!seen.has(k)) {
        seen.add(k);
        items.push(t);
      }
    }
    items.sort((a, b) => cmpCell(a.cell, b.cell));
    g.tail = items;
    g.cell = items[0].cell;
    g.related = [...new Set(items.slice(1).map((t) => t.cell))].filter((c) => c !== g.cell);
    Object.assign(g, tailSay(items));
  }
  return out;
}

function cmpCell(a: string, b: string): number {
  const pa = position({ cell: a } as Finding);
  const pb = position({ cell: b } as Finding);
  return pa.r - pb.r || pa.c - pb.c;
}

/** A finding a rule gave without a message id (a rule not converted yet): its text stands as the message. */
function unconverted(f: Finding): { messageId: string; data: { text: string } } {
  return { messageId: "unconverted", data: { text: f.message } };
}

/** Run the rules on a workbook; recognition facts can be passed in when already computed. */
export function runChecks(wb: Workbook, options: CheckOptions = {}, facts?: WorkbookFacts, rules: Rule[] = RULES): CheckResult {
  return runSteps(checkSteps(wb, options, facts, rules));
}

/**
 * runChecks for the task pane: the same run (the same steps: same findings, same order),
 * pausing with `control` between sheets during recognition (stage "recognize") and between
 * rules (stage "rules", done / total over the rules that run). Throws TaskCancelledError
 * before the next step once control.signal is aborted.
 */
export function runChecksAsync(wb: Workbook, options: CheckOptions = {}, facts?: WorkbookFacts, rules: Rule[] = RULES, control?: TaskControl): Promise<CheckResult> {
  return runStepsAsync(checkSteps(wb, options, facts, rules), control);
}

/** The checker's run as steps: one per sheet recognised, one per rule. */
function* checkSteps(wb: Workbook, options: CheckOptions, facts: WorkbookFacts | undefined, rules: Rule[]): Steps<CheckResult> {
  let f: WorkbookFacts;
  try {
    f = facts ?? (yield* recognizeSteps(wb));
  } catch (e) {
    return { facts: { tables: [], paragraphs: [], amountUnit: "万元" }, findings: [{ ruleId: "recognition", severity: "warning", sheet: wb.sheets[0]?.name ?? "", cell: "A1", ...say(ENGINE_MESSAGES, "recognitionFailed", { error: (e as Error).message }) }] };
  }
  // The context every rule shares, built once: the catalog, the text's analysis and the budget year.
  const catalog = options.catalog ?? builtinCatalog();
  let narrative: RuleContext["narrative"];
  try {
    narrative = analyzeNarrative(f, wb, { catalog });
  } catch {
    narrative = undefined; // each text rule then reports the failure as its own
  }
  const ctx: RuleContext = { wb, facts: f, options: { ...options, roundingFactor: options.roundingFactor ?? 1 }, catalog, narrative, year: options.year ?? narrative?.year ?? f.year };
  let findings: Finding[] = [];
  const running = rules.filter((rule) => options.rules?.[rule.id] !== "off");
  for (const [done, rule] of running.entries()) {
    yield { stage: "rules", done, total: running.length, item: rule.id };
    const override = options.rules?.[rule.id] as Severity | undefined; // "off" is not running
    let found: Finding[];
    try {
      found = rule.check(ctx);
    } catch (e) {
      found = [{ ruleId: rule.id, severity: "warning", sheet: wb.sheets[0]?.name ?? "", cell: "A1", ...say(ENGINE_MESSAGES, "ruleFailed", { rule: rule.id, error: (e as Error).message }) }];
    }
    if (override) found = found.map((x) => (isTailFinding(x) ? x : { ...x, severity: override }));
    for (const x of found) findings.push(x.messageId ? x : { ...x, ...unconverted(x) });
  }
  yield { stage: "rules", done: running.length, total: running.length };
  findings = mergeTails(findings);
  const tailOverride = options.rules?.[TAIL_RULE_ID];
  if (tailOverride === "off") findings = findings.filter((x) => x.ruleId !== TAIL_RULE_ID);
  else if (tailOverride) findings = findings.map((x) => (x.ruleId === TAIL_RULE_ID ? { ...x, severity: tailOverride } : x));
  const order = new Map(wb.sheets.map((s, i) => [s.name, i]));
  findings.sort((a, b) => {
    const sa = order.get(a.sheet) ?? 1e9;
    const sb = order.get(b.sheet) ?? 1e9;
    if (sa !== sb) return sa - sb;
    const pa = position(a);
    const pb = position(b);
    return pa.r - pb.r || pa.c - pb.c;
  });
  return { facts: f, findings };
}

/** Check a workbook: every registered rule, sorted findings. */
export function checkWorkbook(wb: Workbook, options: CheckOptions = {}): Finding[] {
  return runChecks(wb, options).findings;
}

/** checkWorkbook for the task pane: progress, pauses and cancel through `control` (runChecksAsync). */
export async function checkWorkbookAsync(wb: Workbook, options: CheckOptions = {}, control?: TaskControl): Promise<Finding[]> {
  return (await runChecksAsync(wb, options, undefined, RULES, control)).findings;
}
