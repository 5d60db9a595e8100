/**
 * Build the field-set fixtures (test/fixtures/field/) from the six 普陀区
 * disclosures in ../shared/field/ (or BUDGET_FIELD_DIR): each PDF is read with
 * `pdftotext -bbox` (poppler-utils) and written in every layout of layouts.ts.
 * Run: npm run fixtures:field
 */
import { promises as fs } from "fs";
import * as path from "path";
import { writeXlsxFile } from "../../src/hosts/xlsx/xlsxHost";
import { LAYOUTS, layoutWorkbook } from "./layouts";
import { parseDoc } from "./parseDoc";
import { pdfWords } from "./pdfWords";

const ROOT = path.join(__dirname, "..", "..");
export const FIELD_DIR = process.env.BUDGET_FIELD_DIR ?? path.join(ROOT, "..", "shared", "field");
export const FIELD_DOCS = [
  "2025-putuo-district-office-department",
  "2025-putuo-district-office-unit",
  "2025-putuo-commerce-department",
  "2025-putuo-commerce-unit",
  "2026-putuo-justice-department",
  "2026-putuo-justice-unit",
];

async function main(): Promise<void> {
  const out = path.join(ROOT, "test", "fixtures", "field");
  await fs.mkdir(out, { recursive: true });
  for (const id of FIELD_DOCS) {
    const pdf = path.join(FIELD_DIR, `${id}.pdf`);
    const doc = parseDoc(pdfWords(pdf));
    for (const layout of LAYOUTS) {
      const file = path.join(out, `${id}.${layout}.xlsx`);
      const wb = layoutWorkbook(doc, layout);
      await writeXlsxFile(wb, file);
      console.log(`${path.relative(ROOT, file)}: ${wb.sheets.length} sheets, ${doc.tables.length} tables, ${doc.tables.reduce((n, t) => n + t.rows.length, 0)} rows, ${doc.paragraphs.filter((p) => !p.front).length} paragraphs`);
    }
  }
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
