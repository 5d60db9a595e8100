/**
 * PDFs whose text is in a CID font that is not embedded (STSong-Light, encoded with Adobe's
 * predefined CMap UniGB-UCS2-H), as iText and many Chinese reporting systems write them.
 * pdfjs reads such text only through Adobe's CMap files (pdfjs-dist/cmaps): without them it
 * gives no text at all, and the file would be refused as having no text layer. The PDF here is
 * built byte by byte (test/helpers/cidPdf.ts) from the 情况说明 of a real disclosure (曾都 2024,
 * the seed workbook's text sheet), wrapped and paginated as a word processor would.
 */
import * as path from "path";
import { cidFontPdf } from "../helpers/cidPdf";
import { pdfInput, readPdf } from "../../src/hosts/pdf";
import { readPages } from "../../src/hosts/pdf/pdfjs";
import { readXlsxFile } from "../../src/hosts/xlsx/xlsxHost";
import { withNarrative, type InputRead } from "../../src/hosts/narrativeInput";
import { runChecks } from "../../src/core/checks/engine";
import type { Workbook } from "../../src/core/model";

const SEED = path.join(__dirname, "..", "fixtures", "seeds", "zengdu-2024.xlsx");

function xlsxInput(file: string, wb: Workbook): InputRead {
  return { file, kind: "xlsx", workbook: wb, readFindings: [], narrativeSheets: [], locate: (f) => f.cell };
}

/** The seed's 情况说明 paragraphs, as the workbook holds them. */
function paragraphsOf(wb: Workbook): string[] {
  const sheet = wb.sheets.find((s) => s.name === "情况说明")!;
  return sheet.rows.map((r) => r?.[0]?.value).filter((v): v is string => typeof v === "string" && v.trim() !== "");
}

describe("text in a CID font that is not embedded (UniGB-UCS2-H)", () => {
  it("is read through Adobe's CMaps: every character, in order", async () => {
    const pages = await readPages(cidFontPdf(["2025年部门预算编制说明", "一般公共预算支出1,234.56万元，占68.25%。"]));
    expect(pages[0].items.map((i) => i.str).join("")).toBe("2025年部门预算编制说明一般公共预算支出1,234.56万元，占68.25%。");
  });

  it("reads a real 情况说明 set that way into paragraphs, and the checker finds in it what it finds in the workbook's text", async () => {
    const wb = await readXlsxFile(SEED);
    const paras = paragraphsOf(wb);
    expect(paras.length).toBeGreaterThan(50);
    const read = await readPdf(cidFontPdf(paras), { file: "zengdu-2024-说明.pdf" });
    expect(read.unread).toEqual([]);
    const nospace = (s: string) => s.replace(/\s+/g, "");
    // every paragraph's text is there (the PDF path joins the wrapped lines back)
    const text = nospace(read.paragraphs.map((p) => p.text).join(""));
    for (const p of paras) expect(text).toContain(nospace(p));
    expect(read.paragraphs.map((p) => p.text)).toContain("收入总计81.70万元（上年收入总计96.70万元，同比减少15.00万元，同比减少15.51%）。其中财政拨款收入73.42万元，为区本级财政当年拨付的资金。");

    // the tables of the workbook with the PDF's text, against the workbook alone: the same findings in the text
    const both = withNarrative(xlsxInput(SEED, wb), pdfInput("zengdu-2024-说明.pdf", read));
    const inText = (w: Workbook, sheets: string[]) =>
      runChecks(w, { year: 2024 })
        .findings.filter((f) => sheets.includes(f.sheet))
        // the quoted words around a figure are cut at a fixed length, so they depend on the spaces the reading keeps: left out
        .map((f) => `${f.severity} ${f.ruleId} ${f.messageId} ${JSON.stringify({ ...(f.data ?? {}), quote: undefined }).replace(/\s+/g, "")}`)
        .sort();
    const fromWorkbook = inText(wb, ["情况说明"]);
    expect(fromWorkbook.some((f) => f.startsWith("error"))).toBe(true);
    expect(inText(both.workbook, both.narrativeSheets)).toEqual(fromWorkbook);
  });
});
