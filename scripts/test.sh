#!/usr/bin/env bash
# Run every test: install missing system tools (Debian packages), build the CLI and the
# task pane, run jest, and end with "N passed, N failed" computed from jest's results.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-system-deps.sh || { echo "0 passed, 1 failed"; exit 1; }
npm run --silent build:cli || { echo "0 passed, 1 failed"; exit 1; }
npm run --silent build:web >/dev/null || { echo "0 passed, 1 failed"; exit 1; }
mkdir -p test-results
rm -f test-results/jest.json
npx jest --ci --json --outputFile=test-results/jest.json "$@"
status=$?
node scripts/summarize-tests.js test-results/jest.json
exit $status
