/**
 * axe-core in the page under test: injects node_modules/axe-core/axe.min.js and runs it on
 * the whole document (or a selector). Returns the violations; `seriousOrWorse` keeps those an
 * issue says must not occur (impact serious or critical).
 */
import * as fs from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import { ROOT } from "./browserHarness";

export interface AxeViolation {
  id: string;
  impact: "minor" | "moderate" | "serious" | "critical" | null;
  help: string;
  nodes: { target: string[]; html: string; failureSummary?: string }[];
}

const AXE = fs.readFileSync(path.join(ROOT, "node_modules", "axe-core", "axe.min.js"), "utf8");

export async function axeScan(page: Page, context = "body"): Promise<AxeViolation[]> {
  const has = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== "undefined");
  // evaluated through the DevTools protocol: the pane's Content-Security-Policy (script-src 'self') refuses an inline <script>
  if (!has) await page.evaluate(AXE);
  return page.evaluate(async (ctx: string) => {
    const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const r = await axe.run(document.querySelector(ctx) ?? document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })) }));
  }, context);
}

export function seriousOrWorse(violations: AxeViolation[]): AxeViolation[] {
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/** One line per violation, for a readable test failure. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations.map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => `${n.target.join(" ")} ${n.html.slice(0, 160)} ${(n.failureSummary ?? "").replace(/\s+/g, " ").slice(0, 200)}`).join("; ")}`).join("\n");
}
