/** data/catalog/README.md shows the counts per kind, level and year: they must be the data's. */
import * as fs from "fs";
import * as path from "path";
import { formatStats } from "../../src/cli/commands/catalog";
import { builtinCatalog, formatVerifiedStats } from "../../src/core/catalog";

it("the counts table in data/catalog/README.md matches the data", () => {
  const readme = fs.readFileSync(path.join(__dirname, "..", "..", "data", "catalog", "README.md"), "utf8");
  const table = formatStats(builtinCatalog().stats()).trim();
  expect(readme).toContain(table);
});

it("the verified-entries table in data/catalog/README.md matches the evidence", () => {
  const readme = fs.readFileSync(path.join(__dirname, "..", "..", "data", "catalog", "README.md"), "utf8");
  expect(readme).toContain(formatVerifiedStats(builtinCatalog()));
});
