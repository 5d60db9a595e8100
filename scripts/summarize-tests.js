// Print "N passed, N failed" from jest's JSON results (the real per-test outcomes).
const fs = require("fs");
const file = process.argv[2];
let passed = 0;
let failed = 0;
if (!file || !fs.existsSync(file)) {
  console.error("test results missing: the test run crashed before reporting");
  failed = 1;
} else {
  const r = JSON.parse(fs.readFileSync(file, "utf8"));
  for (const suite of r.testResults) {
    for (const t of suite.assertionResults) {
      if (t.status === "passed") passed++;
      else if (t.status === "failed") failed++;
    }
    // a suite that failed to run (syntax error, missing module) has no assertions: count it as a failure
    if (suite.status === "failed" && suite.assertionResults.length === 0) failed++;
  }
  const pending = r.testResults.reduce((n, s) => n + s.assertionResults.filter((t) => t.status !== "passed" && t.status !== "failed").length, 0);
  if (pending) console.error(`${pending} tests neither passed nor failed (skipped or todo)`);
}
console.log(`${passed} passed, ${failed} failed`);
