/**
 * Catalog lookup speed: 100,000 lookups of mixed input forms on the built-in data.
 * Run: npx tsx bench/catalog.bench.ts   (target: well under 100 ms for the lookups)
 */
import { builtinCatalog, normalizeCode } from "../src/core/catalog";

const N = 100_000;
const t0 = performance.now();
const cat = builtinCatalog();
// First use builds the indexes of every kind.
for (const k of cat.kinds()) cat.lookup(k === "function" ? "208" : k === "econ-dept" ? "301" : k === "econ-gov" ? "501" : "101");
const tLoad = performance.now() - t0;

const codes = cat.kinds().flatMap((k) => cat.entries(k).map((e) => e.code));
const years = [2022, 2023, 2024, 2025, 2026, 2027];
type Input = Parameters<typeof cat.lookup>[0];
const toHalf = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
const split = (c: string) => [c.slice(0, 3), c.slice(3, 5), c.slice(5, 7)].filter(Boolean);
const forms: ((c: string) => Input)[] = [
  (c) => c,
  (c) => Number(c),
  (c) => split(c).join(" "),
  (c) => split(c).join("-"),
  (c) => toHalf(c),
  (c) => ` ${c} `,
  (c) => split(c),
  (c) => split(c).map((p, i) => (i === 0 ? p : Number(p))),
  (c) => c + "9", // not a code
];
const inputs: Input[] = [];
for (let i = 0; i < N; i++) inputs.push(forms[i % forms.length](codes[(i * 7919) % codes.length]));

function run(): { ms: number; found: number } {
  let found = 0;
  const t = performance.now();
  for (let i = 0; i < N; i++) if (cat.lookup(inputs[i], { year: years[i % years.length] })) found++;
  return { ms: performance.now() - t, found };
}
run(); // warm-up
const runs = [run(), run(), run()];
const best = Math.min(...runs.map((r) => r.ms));

let t = performance.now();
for (let i = 0; i < N; i++) normalizeCode(inputs[i]);
const tNorm = performance.now() - t;

t = performance.now();
for (let i = 0; i < 1000; i++) cat.judgeName(codes[i % codes.length], "人力资源和社会保障管理事", { year: 2024 });
const tJudge = performance.now() - t;

t = performance.now();
for (let i = 0; i < 100; i++) cat.search("其它人力资源和社会保障管理事务", { year: 2024 });
const tSearch = performance.now() - t;

console.log(`catalog: ${codes.length} codes in the newest editions, indexes built in ${tLoad.toFixed(1)} ms`);
console.log(`${N.toLocaleString("en")} lookups (mixed forms, years 2022–2027): best ${best.toFixed(1)} ms of ${runs.length} runs (${runs.map((r) => r.ms.toFixed(1)).join(" / ")}), ${runs[0].found} found`);
console.log(`${N.toLocaleString("en")} normalizeCode alone: ${tNorm.toFixed(1)} ms`);
console.log(`1,000 judgeName: ${tJudge.toFixed(1)} ms; 100 fuzzy searches: ${tSearch.toFixed(1)} ms`);
console.log(best < 100 ? "OK: under the 100 ms target" : "SLOW: over the 100 ms target");
