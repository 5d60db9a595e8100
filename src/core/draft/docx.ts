/**
 * A draft as a Word document (the `docx` package): the title centred, section headings bold,
 * paragraphs with a first-line indent of two characters as official documents are set; the
 * placeholders left to fill are highlighted so they cannot be missed.
 */
import { AlignmentType, Document, Packer, Paragraph, TextRun } from "docx";
import { paragraphText } from "./render";
import type { Draft, DraftParagraph } from "./types";

const FONT = { ascii: "Times New Roman", eastAsia: "仿宋", hAnsi: "Times New Roman" };

function runs(p: DraftParagraph, bold: boolean): TextRun[] {
  const out: TextRun[] = [];
  for (const r of p.runs) {
    if (typeof r === "string") out.push(new TextRun({ text: r, bold, font: FONT, size: 32 }));
    else if ("figure" in r) out.push(new TextRun({ text: r.figure.text, bold, font: FONT, size: 32 }));
    else out.push(new TextRun({ text: r.placeholder, bold, font: FONT, size: 32, highlight: "yellow" }));
  }
  return out;
}

export function draftDocument(d: Draft): Document {
  const children: Paragraph[] = [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun({ text: d.title, bold: true, font: { ascii: "Times New Roman", eastAsia: "黑体", hAnsi: "Times New Roman" }, size: 36 })] })];
  for (const s of d.sections) {
    for (const p of s.paragraphs) {
      const heading = !!p.heading;
      children.push(new Paragraph({ indent: heading ? undefined : { firstLine: 640 }, spacing: { line: 560 }, children: runs(p, heading) }));
    }
  }
  return new Document({ creator: "budget-tables", title: d.title, description: paragraphText({ runs: d.conventions }), sections: [{ children }] });
}

export async function draftDocx(d: Draft): Promise<Buffer> {
  return Packer.toBuffer(draftDocument(d));
}
