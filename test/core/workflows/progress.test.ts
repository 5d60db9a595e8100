/**
 * Progress and cancel of the checker's async run (runChecksAsync): the same findings as the
 * synchronous run on the real seeds, counts that only go up to their total, and a cancel that
 * stops the run before the next rule.
 */
import fs from "fs";
import path from "path";
import { runChecks, runChecksAsync } from "../../../src/core/checks/engine";
import { RULES } from "../../../src/core/checks/rules";
import type { Rule } from "../../../src/core/checks/types";
import { recognizeSteps, recognizeWorkbook } from "../../../src/core/recognize";
import { isCancelled, runSteps, runStepsAsync, TaskCancelledError, type ProgressReport, type Steps } from "../../../src/core/workflows/progress";
import { runCheck, runCheckAsync } from "../../../src/core/workflows/check";
import { readXlsxFile } from "../../../src/hosts/xlsx/xlsxHost";
import type { Workbook } from "../../../src/core/model";

const SEEDS = path.join(__dirname, "..", "..", "fixtures", "seeds");
const seedFiles = fs.readdirSync(SEEDS).filter((f) => f.endsWith(".xlsx")).sort();
const books = new Map<string, Workbook>();
async function seed(name: string): Promise<Workbook> {
  if (!books.has(name)) books.set(name, await readXlsxFile(path.join(SEEDS, name)));
  return books.get(name)!;
}

/** A control that records every report and counts the pauses. */
function recorder() {
  const reports: ProgressReport[] = [];
  let pauses = 0;
  return {
    reports,
    pauses: () => pauses,
    control: {
      onProgress: (p: ProgressReport) => reports.push(p),
      yield: async () => {
        pauses++;
      },
    },
  };
}

describe("runChecksAsync", () => {
  it("finds the five seeds", () => {
    expect(seedFiles).toHaveLength(5);
  });

  it.each(seedFiles)("gives exactly runChecks' result on %s, with counts that only go up to their total", async (name) => {
    const wb = await seed(name);
    const sync = runChecks(wb, { roundingFactor: 1 });
    expect(sync.findings.length).toBeGreaterThan(0);
    const rec = recorder();
    const out = await runChecksAsync(wb, { roundingFactor: 1 }, undefined, RULES, rec.control);
    expect(out.findings).toEqual(sync.findings);
    expect(out.facts.tables.length).toBe(sync.facts.tables.length);
    // recognition: one report per sheet, then the end; then one per rule, then the end
    const recog = rec.reports.filter((p) => p.stage === "recognize");
    const rules = rec.reports.filter((p) => p.stage === "rules");
    expect(recog.map((p) => p.done)).toEqual([...Array(wb.sheets.length + 1).keys()]);
    expect(recog.every((p) => p.total === wb.sheets.length)).toBe(true);
    expect(recog.slice(0, -1).map((p) => p.item)).toEqual(wb.sheets.map((s) => s.name));
    expect(rules.map((p) => p.done)).toEqual([...Array(RULES.length + 1).keys()]);
    expect(rules.every((p) => p.total === RULES.length)).toBe(true);
    expect(rules.slice(0, -1).map((p) => p.item)).toEqual(RULES.map((r) => r.id));
    // recognition comes first, and the run paused after every report
    expect(rec.reports.indexOf(rules[0])).toBe(recog.length);
    expect(rec.pauses()).toBe(rec.reports.length);
  });

  it("counts only the rules that run: a rule turned off is neither run nor counted", async () => {
    const wb = await seed(seedFiles[0]);
    const off = RULES[1].id;
    const rec = recorder();
    const out = await runChecksAsync(wb, { rules: { [off]: "off" } }, undefined, RULES, rec.control);
    expect(out.findings).toEqual(runChecks(wb, { rules: { [off]: "off" } }).findings);
    const rules = rec.reports.filter((p) => p.stage === "rules");
    expect(rules.map((p) => p.item)).not.toContain(off);
    expect(rules[rules.length - 1]).toEqual({ stage: "rules", done: RULES.length - 1, total: RULES.length - 1 });
  });

  it("with facts passed in, recognises nothing again", async () => {
    const wb = await seed(seedFiles[1]);
    const facts = recognizeWorkbook(wb);
    const rec = recorder();
    const out = await runChecksAsync(wb, {}, facts, RULES, rec.control);
    expect(rec.reports.some((p) => p.stage === "recognize")).toBe(false);
    expect(out.findings).toEqual(runChecks(wb, {}, facts).findings);
  });

  it.each([1, 5, RULES.length])("an abort at the %i-th rule's report throws the cancel error and runs no later rule", async (k) => {
    const wb = await seed(seedFiles[2]);
    const facts = recognizeWorkbook(wb);
    const ran: string[] = [];
    // the real rules, each noting that it ran
    const rules: Rule[] = RULES.map((r) => ({ ...r, check: (ctx) => (ran.push(r.id), r.check(ctx)) }));
    const ac = new AbortController();
    const seen: ProgressReport[] = [];
    const run = runChecksAsync(wb, {}, facts, rules, {
      signal: ac.signal,
      onProgress: (p) => {
        seen.push(p);
        if (seen.length === k) ac.abort();
      },
    });
    await expect(run).rejects.toBeInstanceOf(TaskCancelledError);
    // the k-th report announced rule k; it and every later one did not run
    expect(seen).toHaveLength(k);
    expect(ran).toEqual(RULES.slice(0, k - 1).map((r) => r.id));
  });

  it("an abort during a pause (the 取消 click while the pane paints) stops before the next step", async () => {
    const wb = await seed(seedFiles[3]);
    const ac = new AbortController();
    const seen: ProgressReport[] = [];
    let pauses = 0;
    const run = runChecksAsync(wb, {}, undefined, RULES, {
      signal: ac.signal,
      onProgress: (p) => seen.push(p),
      yield: async () => {
        if (++pauses === 3) ac.abort();
      },
    });
    const e = await run.catch((x) => x);
    expect(isCancelled(e)).toBe(true);
    expect(seen).toHaveLength(3);
    // three sheets into recognition: no rule was reached
    expect(seen.every((p) => p.stage === "recognize")).toBe(true);
  });

  it("an already aborted signal runs nothing", async () => {
    const ac = new AbortController();
    ac.abort();
    const seen: ProgressReport[] = [];
    await expect(runChecksAsync(await seed(seedFiles[0]), {}, undefined, RULES, { signal: ac.signal, onProgress: (p) => seen.push(p) })).rejects.toBeInstanceOf(TaskCancelledError);
    expect(seen).toEqual([]);
  });
});

describe("steps", () => {
  function* three(log: string[]): Steps<string> {
    for (let i = 0; i < 3; i++) {
      yield { stage: "plan", done: i, total: 3 };
      log.push(`step ${i}`);
    }
    return "done";
  }

  it("run synchronously and asynchronously the same steps to the same result", async () => {
    const a: string[] = [];
    const b: string[] = [];
    const reportsA: ProgressReport[] = [];
    expect(runSteps(three(a), (p) => reportsA.push(p))).toBe("done");
    expect(await runStepsAsync(three(b))).toBe("done");
    expect(a).toEqual(["step 0", "step 1", "step 2"]);
    expect(b).toEqual(a);
    expect(reportsA.map((p) => p.done)).toEqual([0, 1, 2]);
  });

  it("recognizeWorkbook is recognizeSteps run to the end", async () => {
    const wb = await seed(seedFiles[4]);
    expect(runSteps(recognizeSteps(wb))).toEqual(recognizeWorkbook(wb));
  });
});

describe("runCheckAsync (the check use case)", () => {
  it("gives runCheck's run for the workbook and for one sheet, passing the control to the checker", async () => {
    const wb = await seed(seedFiles[0]);
    const sync = (w: Workbook, o: object) => runChecks(w, o).findings;
    const controls: unknown[] = [];
    const async = async (w: Workbook, o: object, c?: unknown) => {
      controls.push(c);
      return (await runChecksAsync(w, o, undefined, RULES, c as never)).findings;
    };
    const control = { yield: async () => undefined };
    expect(await runCheckAsync(wb, async, { scope: "workbook" }, control)).toEqual(runCheck(wb, sync, { scope: "workbook" }));
    const sheet = wb.sheets[2].name;
    const one = await runCheckAsync(wb, async, { scope: "sheet", activeSheet: sheet }, control);
    expect(one).toEqual(runCheck(wb, sync, { scope: "sheet", activeSheet: sheet }));
    expect(one.sheet).toBe(sheet);
    expect(controls).toEqual([control, control]);
  });

  it("a sheet check with nothing to check does not call the checker", async () => {
    const wb = await seed(seedFiles[0]);
    let called = 0;
    const out = await runCheckAsync(wb, async () => (called++, []), { scope: "sheet", activeSheet: "没有这张表" });
    expect(out.refused).toBe("no-sheet");
    expect(called).toBe(0);
  });
});
