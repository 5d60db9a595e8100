/**
 * The field set's PDFs read directly give the same non-info findings as the workbooks made
 * from the same documents (test/fixtures/field/*.printed.xlsx): rule, severity, stated and
 * expected figures — whatever the reader, the checker sees the same document.
 */
import * as fs from "fs";
import * as path from "path";
import { checkWorkbook } from "../../src/core/checks/engine";
import type { Finding } from "../../src/core/checks/types";
import { readPdf } from "../../src/hosts/pdf";
import { readXlsxFile } from "../../src/hosts/xlsx/xlsxHost";
import { FIELD_DOCS } from "../field/helpers";

const FIELD = path.join(__dirname, "..", "..", "..", "shared", "field");
const FIXTURES = path.join(__dirname, "..", "fixtures", "field");

const key = (f: Finding) => `${f.ruleId} ${f.severity} ${f.expected ?? ""} ${f.actual ?? ""}`;
const keys = (fs: Finding[]) => fs.filter((f) => f.severity !== "info").map(key).sort();

test.each([...FIELD_DOCS])("%s: the PDF and its workbook give the same findings", async (name) => {
  const read = await readPdf(new Uint8Array(fs.readFileSync(path.join(FIELD, `${name}.pdf`))), { file: `${name}.pdf` });
  const fromPdf = keys(checkWorkbook(read.workbook));
  const fromXlsx = keys(checkWorkbook(await readXlsxFile(path.join(FIXTURES, `${name}.printed.xlsx`))));
  expect(fromPdf).toEqual(fromXlsx);
  // the 司法局 documents hold real errors (docs/findings-field.md), so the comparison is not empty there
  if (name.startsWith("2026")) expect(fromPdf.filter((k) => / error /.test(k)).length).toBeGreaterThan(0);
});
