#!/usr/bin/env bash
# The main job on the bundled examples: check two published disclosures (忻州 2023, 达州 2024).
# Exit code of `check`: 0 no errors, 1 errors found (达州's real mistakes), 2 could not read a file.
set -uo pipefail
cd "$(dirname "$0")/.."
npm run --silent build:cli || exit 2
node bin/budget-tables.js check examples/dazhou-2024.xlsx examples/xinzhou-2023.xlsx "$@"
code=$?
if [ "$code" -eq 1 ]; then
  echo
  echo "（检查发现了错误：上面列出的是示例工作簿中公开文件原有的真实错误。退出码 1 = 发现错误。）"
  exit 0
fi
exit "$code"
