/**
 * Every registered rule's own valid and invalid cases (ESLint-style), read through
 * recognition as the engine does, and once more through the engine.
 */
import { runChecks } from "../../src/core/checks/engine";
import { RULES } from "../../src/core/checks/rules";
import { recognizeWorkbook } from "../../src/core/recognize";

const EXPECTED_IDS = ["total-row", "hierarchy", "columns", "balance", "recognition", "percent", "narrative", "cross-table", "names", "completeness", "year-over-year", "year-columns"];
// completeness needs a whole 14-table workbook to be valid; its valid side is covered by the seed tests
const NO_VALID_CASES: string[] = [];

describe("rule registry", () => {
  test("every rule is registered once, with a Chinese description, a default severity and its cases", () => {
    expect(RULES.map((r) => r.id).sort()).toEqual([...EXPECTED_IDS].sort());
    for (const r of RULES) {
      expect(r.description).toMatch(/[\u4e00-\u9fff]/);
      expect(["error", "warning", "info"]).toContain(r.defaultSeverity);
      expect(r.invalid.length).toBeGreaterThan(0);
      if (!NO_VALID_CASES.includes(r.id)) expect(r.valid.length).toBeGreaterThan(0);
    }
  });
});

for (const rule of RULES) {
  describe(`rule ${rule.id}`, () => {
    for (const c of rule.valid) {
      test(`valid: ${c.name}`, () => {
        const wb = c.workbook();
        const found = rule.check({ wb, facts: recognizeWorkbook(wb), options: { roundingFactor: 1, ...c.options } });
        expect(found.filter((f) => f.severity !== "info").map((f) => `${f.severity} ${f.cell} ${f.message}`)).toEqual([]);
      });
    }
    for (const c of rule.invalid) {
      test(`invalid: ${c.name}`, () => {
        const wb = c.workbook();
        const found = rule.check({ wb, facts: recognizeWorkbook(wb), options: { roundingFactor: 1, ...c.options } });
        expect(found.length).toBeGreaterThan(0);
        for (const e of c.expect ?? []) {
          const hit = found.find((f) => f.severity === e.severity && (!e.cell || f.cell === e.cell) && (!e.messageId || f.messageId === e.messageId) && (!e.messageIncludes || f.message.includes(e.messageIncludes)));
          if (!hit) throw new Error(`expected ${JSON.stringify(e)} among:\n${found.map((f) => `${f.severity} ${f.cell} ${f.message}`).join("\n")}`);
        }
        // Through the engine too: the findings survive sorting and overrides.
        expect(runChecks(wb, c.options).findings.some((f) => f.ruleId === rule.id)).toBe(true);
      });
    }
  });
}
