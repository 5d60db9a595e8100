/**
 * Build the example workbook (examples/) and the seed fixtures (test/fixtures/seeds/)
 * from the published documents in ../shared/seeds/. Run: npm run examples
 */
import { promises as fs } from "fs";
import * as path from "path";
import { writeXlsxFile } from "../src/hosts/xlsx/xlsxHost";
import { SEEDS } from "./seeds/configs";
import { seedToWorkbook } from "./seeds/seedToWorkbook";

export const ROOT = path.join(__dirname, "..");
export const SEED_DIR = process.env.BUDGET_SEEDS_DIR ?? path.join(ROOT, "..", "shared", "seeds");

async function main(): Promise<void> {
  const fixtures = path.join(ROOT, "test", "fixtures", "seeds");
  await fs.mkdir(fixtures, { recursive: true });
  await fs.mkdir(path.join(ROOT, "examples"), { recursive: true });
  for (const cfg of SEEDS) {
    const text = await fs.readFile(path.join(SEED_DIR, cfg.file), "utf8");
    const wb = seedToWorkbook(text, cfg);
    const out = path.join(fixtures, `${cfg.out}.xlsx`);
    await writeXlsxFile(wb, out);
    console.log(`${cfg.id}: ${wb.sheets.length} sheets → ${path.relative(ROOT, out)}  [${wb.sheets.map((s) => s.name).join(", ")}]`);
    if (cfg.id === "xinzhou-2023" || cfg.id === "dazhou-2024") {
      await writeXlsxFile(wb, path.join(ROOT, "examples", `${cfg.out}.xlsx`));
      console.log(`  also → examples/${cfg.out}.xlsx`);
    }
  }
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
