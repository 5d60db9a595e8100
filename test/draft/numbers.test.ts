/** The draft's arithmetic: largest-remainder shares, comparisons on last year's base, rounding of printed figures. */
import fc from "fast-check";
import { compare, largestRemainder, roundTo, type Amount } from "../../src/core/draft";

const amt = (value: number, decimals = 2): Amount => ({ value, decimals, sources: [] });

test("largest remainder: shares of parts that make up the whole add up to exactly 100.00%, each within 0.01 of its exact share", () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 5_000_000 }), { minLength: 1, maxLength: 12 }), (cents) => {
      fc.pre(cents.some((c) => c > 0));
      const parts = cents.map((c) => c / 100);
      const whole = cents.reduce((s, c) => s + c, 0) / 100;
      const { shares, method } = largestRemainder(parts, whole);
      expect(method).toBe("largest-remainder");
      expect(Math.round(shares.reduce((s, x) => s + x, 0) * 100)).toBe(10000);
      shares.forEach((s, i) => expect(Math.abs(s - (parts[i] / whole) * 100)).toBeLessThan(0.01 + 1e-9));
    }),
  );
});

test("largest remainder: where rounding each share alone gives 99.99% (three equal parts: 33.34 + 33.33 + 33.33)", () => {
  expect(largestRemainder([1, 1, 1], 3).shares).toEqual([33.34, 33.33, 33.33]);
  expect(largestRemainder([560.62, 21.43, 59.09], 641.14).shares).toEqual([87.44, 3.34, 9.22]);
  // parts that do not add up to the whole (尾差): each share rounded on its own
  expect(largestRemainder([560.62, 21.43, 59.09], 641.15)).toEqual({ shares: [87.44, 3.34, 9.22], method: "rounded" });
});

test("comparisons: on last year's base; 持平 when equal at the printed precision; 新增 (no rate) from 0", () => {
  expect(compare(amt(641.15), amt(650.27))).toMatchObject({ kind: "decrease", delta: 9.12 });
  expect(compare(amt(641.15), amt(650.27)).percent).toBeCloseTo((9.12 / 650.27) * 100, 10);
  expect(compare(amt(60.55), amt(60.55))).toMatchObject({ kind: "flat", delta: 0 });
  const n = compare(amt(3.87), amt(0));
  expect(n).toMatchObject({ kind: "new", delta: 3.87 });
  expect(n.percent).toBeUndefined();
  expect(compare(amt(1024, 0), amt(1000.4, 1))).toMatchObject({ kind: "increase", deltaDecimals: 1, delta: 23.6 });
});

test("rounding of printed figures is half away from zero, without binary noise", () => {
  expect(roundTo(1.005, 2)).toBe(1.01);
  expect(roundTo(2.675, 2)).toBe(2.68);
  expect(roundTo(-0.125, 2)).toBe(-0.13);
  expect(roundTo(9628.221344, 2)).toBe(9628.22);
});
