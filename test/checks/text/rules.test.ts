/** Each text rule's own valid and invalid cases, read through recognition as the engine does. */
import { runChecks } from "../../../src/core/checks/engine";
import { RULES } from "../../../src/core/checks/rules";
import { recognizeWorkbook } from "../../../src/core/recognize";

const MINE = ["percent", "narrative", "cross-table", "names", "completeness"];

describe("text, percentage, cross-table, name and completeness rules", () => {
  test("are registered with Chinese descriptions and invalid cases", () => {
    for (const id of MINE) {
      const r = RULES.find((x) => x.id === id);
      expect(r).toBeDefined();
      expect(r!.description).toMatch(/[\u4e00-\u9fff]/);
      expect(r!.invalid.length).toBeGreaterThan(0);
    }
  });
  for (const rule of RULES.filter((r) => MINE.includes(r.id))) {
    describe(rule.id, () => {
      for (const c of rule.valid) {
        test(`valid: ${c.name}`, () => {
          const wb = c.workbook();
          const found = rule.check({ wb, facts: recognizeWorkbook(wb), options: { roundingFactor: 1 } });
          expect(found.filter((f) => f.severity !== "info").map((f) => `${f.severity} ${f.cell} ${f.message}`)).toEqual([]);
        });
      }
      for (const c of rule.invalid) {
        test(`invalid: ${c.name}`, () => {
          const wb = c.workbook();
          const found = rule.check({ wb, facts: recognizeWorkbook(wb), options: { roundingFactor: 1 } });
          expect(found.length).toBeGreaterThan(0);
          for (const e of c.expect ?? []) {
            const hit = found.find((f) => f.severity === e.severity && (!e.cell || f.cell === e.cell) && (!e.messageIncludes || f.message.includes(e.messageIncludes)));
            if (!hit) throw new Error(`expected ${JSON.stringify(e)} among:\n${found.map((f) => `${f.severity} ${f.cell} ${f.message}`).join("\n")}`);
          }
          expect(runChecks(wb).findings.some((f) => f.ruleId === rule.id)).toBe(true);
        });
      }
    });
  }
});
