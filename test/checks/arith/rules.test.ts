import { runChecks } from "../../../src/core/checks/engine";
import { RULES } from "../../../src/core/checks/rules";
import { recognizeWorkbook } from "../../../src/core/recognize";

const MINE = ["total-row", "hierarchy", "columns", "balance", "recognition"];

describe("every registered rule's own cases", () => {
  test("the arithmetic rules are registered with Chinese descriptions and cases", () => {
    for (const id of MINE) {
      const r = RULES.find((x) => x.id === id);
      expect(r).toBeDefined();
      expect(r!.description).toMatch(/[\u4e00-\u9fff]/);
      expect(r!.valid.length).toBeGreaterThan(0);
      expect(r!.invalid.length).toBeGreaterThan(0);
    }
  });
  for (const rule of RULES) {
    describe(rule.id, () => {
      for (const c of rule.valid) {
        test(`valid: ${c.name}`, () => {
          const wb = c.workbook();
          const found = rule.check({ wb, facts: recognizeWorkbook(wb), options: { roundingFactor: 1 } });
          expect(found.filter((f) => f.severity !== "info")).toEqual([]);
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
          // Through the engine too: the same findings survive sorting and merging.
          const all = runChecks(wb).findings.filter((f) => f.ruleId === rule.id);
          expect(all.length).toBeGreaterThan(0);
        });
      }
    });
  }
});
