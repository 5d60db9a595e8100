/**
 * Pictures of the template tables for docs/specs.md: renders the 2024 set for an example
 * unit, prints key tables to PDF with LibreOffice headless and turns page 1 of each into a
 * PNG with pdftoppm (Debian poppler-utils).
 *
 *   npx tsx scripts/render-template-pictures.ts
 */
import { execFileSync } from "child_process";
import { mkdtempSync, renameSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { renderTemplateSet } from "../src/core/templates";
import { writeXlsxFile } from "../src/hosts/xlsx/xlsxHost";

const OUT = join(__dirname, "..", "docs", "templates");
const TABLES = ["T1", "T3", "T4", "T5", "T6", "T7"];

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), "tpl-pictures-"));
  const profile = `-env:UserInstallation=file://${work}/lo-profile`;
  for (const id of TABLES) {
    // One table per workbook, so page 1 of each PDF is that table; a few code rows keep the picture small.
    const set = renderTemplateSet({ year: 2024, unitName: "示例单位", tables: [id], bodyRows: 8 });
    const xlsx = join(work, `${id}.xlsx`);
    await writeXlsxFile({ sheets: set.sheets }, xlsx);
    execFileSync("soffice", ["--headless", "--norestore", profile, "--convert-to", "pdf", "--outdir", work, xlsx], { stdio: "pipe" });
    execFileSync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", join(work, `${id}.pdf`), join(work, id)]);
    renameSync(join(work, `${id}.png`), join(OUT, `2024-${id}.png`));
    console.log(`docs/templates/2024-${id}.png  ${set.sheets[0].name}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
