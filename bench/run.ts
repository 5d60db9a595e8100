/**
 * npm run bench: run every benchmark in bench/ (files named *.bench.ts), one process each,
 * so their timings and memory figures do not disturb one another. Not part of the tests.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

const dir = __dirname;
const only = process.argv.slice(2);
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
for (const f of files) {
  console.log(`\n=== ${f}`);
  execFileSync(process.execPath, [require.resolve("tsx/cli"), "--expose-gc", path.join(dir, f)], { stdio: "inherit" });
}
