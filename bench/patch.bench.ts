/**
 * Writing a changed copy by patching the package: time to apply 1,000 name edits, and
 * 1,000 edits plus 100 inserted rows, to a code table of 5k / 50k / 200k rows (7 columns,
 * shared strings, styles on every cell, a SUM row), read from and written to a zip.
 * Run: npx tsx --expose-gc bench/patch.bench.ts   (target: under 2 s at 200k rows; linear)
 */
import JSZip from "jszip";
import { emptyChangeSet } from "../src/core/changes";
import { patchXlsxBuffer } from "../src/hosts/xlsx/patch";

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

async function makePackage(rows: number): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
  );
  zip.file("_rels/.rels", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>');
  zip.file("xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook ${NS}><sheets><sheet name="一般公共预算支出表" sheetId="1" r:id="rId1"/></sheets><calcPr calcId="191029"/></workbook>`);
  zip.file(
    "xl/_rels/workbook.xml.rels",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
  );
  zip.file(
    "xl/styles.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet ${NS}><fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="2"><border/><border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="49" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1"/><xf numFmtId="4" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1"/></cellXfs></styleSheet>`,
  );
  const strings: string[] = [];
  const parts: string[] = [];
  for (let r = 1; r <= rows; r++) {
    const code = String(2080101 + r);
    strings.push(code, `科目${r}`);
    const s = (r - 1) * 2;
    let row = `<row r="${r}" spans="1:7" ht="18" customHeight="1"><c r="A${r}" s="1" t="s"><v>${s}</v></c><c r="B${r}" s="1" t="s"><v>${s + 1}</v></c>`;
    for (let c = 0; c < 5; c++) row += `<c r="${"CDEFG"[c]}${r}" s="2"><v>${(r * 7 + c) % 1000}.25</v></c>`;
    parts.push(row + "</row>");
  }
  parts.push(`<row r="${rows + 1}"><c r="B${rows + 1}" s="1" t="s"><v>${strings.length}</v></c><c r="C${rows + 1}" s="2"><f>SUM(C1:C${rows})</f><v>0</v></c></row>`);
  strings.push("合计");
  zip.file(
    "xl/worksheets/sheet1.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet ${NS}><dimension ref="A1:G${rows + 1}"/><sheetData>${parts.join("")}</sheetData><mergeCells count="1"><mergeCell ref="A${rows + 2}:G${rows + 2}"/></mergeCells><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`,
  );
  zip.file("xl/sharedStrings.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst ${NS} count="${strings.length}" uniqueCount="${strings.length}">${strings.map((t) => `<si><t>${t}</t></si>`).join("")}</sst>`);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

async function main(): Promise<void> {
  console.log("rows      edits only   edits + 100 inserted rows   file size");
  for (const rows of (process.env.ROWS ? [Number(process.env.ROWS)] : [5_000, 50_000, 200_000])) {
    const buf = await makePackage(rows);
    const edits = emptyChangeSet();
    for (let i = 0; i < 1000; i++) edits.edits.push({ sheet: "一般公共预算支出表", r: Math.floor((i * rows) / 1000), c: 1, cell: { value: `名称${i}` } });
    global.gc?.();
    let t = performance.now();
    await patchXlsxBuffer(buf, edits);
    const tEdits = performance.now() - t;
    const inserts = emptyChangeSet();
    inserts.edits = edits.edits.map((e) => ({ ...e }));
    inserts.insertRows = Array.from({ length: 100 }, (_, i) => ({ sheet: "一般公共预算支出表", at: Math.floor(((100 - i) * rows) / 101), count: 1 }));
    global.gc?.();
    t = performance.now();
    await patchXlsxBuffer(buf, inserts);
    const tInserts = performance.now() - t;
    console.log(`${String(rows).padEnd(9)} ${(tEdits / 1000).toFixed(2).padStart(7)} s   ${(tInserts / 1000).toFixed(2).padStart(12)} s              ${(buf.length / 1e6).toFixed(1)} MB`);
  }
  console.log("target: under 2 s at 200k rows for the edits; growth close to linear");
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
