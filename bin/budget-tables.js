#!/usr/bin/env node
"use strict";
// Thin launcher: the CLI is compiled from src/cli by `npm run build:cli`.
const path = require("path");
const fs = require("fs");
const entry = path.join(__dirname, "..", "dist", "src", "cli", "main.js");
if (!fs.existsSync(entry)) {
  console.error("budget-tables: 尚未编译，请先运行 npm run build:cli（not built yet: run npm run build:cli）");
  process.exit(2);
}
require(entry).main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(`budget-tables: ${err && err.message ? err.message : err}`);
    process.exit(2);
  },
);
