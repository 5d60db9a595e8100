/**
 * Property tests of the package reader: random workbooks read back as written (and as the
 * exceljs-based read sees them), and random damage to real workbooks — bytes of the zip, or
 * the XML inside its parts — never makes the reader throw anything but a Chinese message that
 * names the file.
 */
import * as fc from "fast-check";
import * as fs from "fs";
import JSZip from "jszip";
import * as path from "path";
import { cells, newSheet, setCell, type CellValue, type Workbook } from "../../src/core/model";
import { HostError } from "../../src/hosts/host";
import { readXlsxPackage } from "../../src/hosts/xlsx/read";
import { readXlsxBuffer, readXlsxBufferViaExcelJs, writeXlsxBuffer } from "../../src/hosts/xlsx/xlsxHost";

const SEEDS = path.join(__dirname, "..", "fixtures", "seeds");
const seedBytes = ["xinzhou-2023.xlsx", "wuhan-2024.xlsx"].map((f) => fs.readFileSync(path.join(SEEDS, f)));

const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom("一般公共服务支出", "合计", "科目编码", " 前后空格 ", "A&B<C>\"'", "2080501", "第一行\n第二行", "=HYPERLINK(\"x\")"),
);
const value: fc.Arbitrary<CellValue> = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }),
  fc.integer({ min: -1e6, max: 1e6 }),
  text,
  fc.boolean(),
  fc.constantFrom({ error: "#N/A" }, { error: "#DIV/0!" }, { error: "#REF!" }),
);
const cellArb = fc.record({
  r: fc.integer({ min: 0, max: 40 }),
  c: fc.integer({ min: 0, max: 12 }),
  value,
  numFmt: fc.option(fc.constantFrom("#,##0.00", "0.0%", "0", "@", "#,##0.00_ "), { nil: undefined }),
  formula: fc.option(fc.constantFrom("=SUM(A1:A3)", "=B2+C2", '="x"&"y"', "=IF(A1>0,1,0)"), { nil: undefined }),
});
const sheetArb = fc.record({
  name: fc.stringMatching(/^[A-Za-z0-9\u4e00-\u9fa5 ]{1,20}$/).filter((s) => s.trim() === s && s.length > 0),
  cells: fc.array(cellArb, { maxLength: 60 }),
  merge: fc.option(fc.record({ r: fc.integer({ min: 50, max: 60 }), c: fc.integer({ min: 0, max: 5 }), h: fc.integer({ min: 0, max: 3 }), w: fc.integer({ min: 1, max: 4 }) }), { nil: undefined }),
});

function build(sheets: { name: string; cells: { r: number; c: number; value: CellValue; numFmt?: string; formula?: string }[]; merge?: { r: number; c: number; h: number; w: number } }[]): Workbook {
  const seen = new Set<string>();
  const wb: Workbook = { sheets: [] };
  for (const s of sheets) {
    if (seen.has(s.name.toLowerCase())) continue;
    seen.add(s.name.toLowerCase());
    const sh = newSheet(s.name);
    for (const c of s.cells) {
      // a formula's cached result is a number, string or boolean (exceljs writes no error results)
      const given = c.formula && typeof c.value === "object" ? null : c.value;
      // a spreadsheet number has no negative zero (Excel and our writer store -0 as 0)
      const v = Object.is(given, -0) ? 0 : given;
      setCell(sh, c.r, c.c, { value: v, ...(c.numFmt ? { numFmt: c.numFmt } : {}), ...(c.formula ? { formula: c.formula } : {}) });
    }
    if (s.merge) {
      sh.merges.push({ r1: s.merge.r, c1: s.merge.c, r2: s.merge.r + s.merge.h, c2: s.merge.c + s.merge.w });
      setCell(sh, s.merge.r, s.merge.c, { value: "合并" });
    }
    wb.sheets.push(sh);
  }
  if (!wb.sheets.length) wb.sheets.push(newSheet("Sheet1"));
  return wb;
}

function summary(wb: Workbook): unknown {
  return wb.sheets.map((s) => ({
    name: s.name,
    merges: s.merges,
    cells: [...cells(s)].map(({ r, c, cell }) => [r, c, cell.value, cell.formula ?? null, cell.numFmt ?? null]),
  }));
}

/** Cells the writer drops or changes by design: empty ones, and a text-only format on numbers is kept. */
function expected(wb: Workbook): unknown {
  return summary({ sheets: wb.sheets.map((s) => ({ ...s, rows: s.rows.map((row) => row?.map((c) => (c && (c.value !== null || c.formula) ? c : undefined))) })) });
}

describe("package reader: random workbooks", () => {
  it("reads back what was written, as the exceljs-based read does", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(sheetArb, { minLength: 1, maxLength: 3 }), async (sheets) => {
        const wb = build(sheets);
        const buf = await writeXlsxBuffer(wb);
        const { wb: back } = await readXlsxPackage(buf, "随机.xlsx");
        expect(summary(back)).toEqual(expected(wb));
        // exceljs loses a formula's cached empty-string result (<v></v>); the package reader keeps it
        const lossy = (w: Workbook) => JSON.parse(JSON.stringify(summary(w)).replace(/,"",("=[^"]*(?:\\"[^"]*)*"),/g, ",null,$1,"));
        expect(lossy(back)).toEqual(summary(await readXlsxBufferViaExcelJs(buf)));
      }),
      { numRuns: 40 },
    );
  });
});

function expectCleanFailure(e: unknown, label: string): void {
  expect(e).toBeInstanceOf(HostError);
  const m = (e as Error).message;
  expect(m).toContain(label);
  expect(m).toMatch(/[\u4e00-\u9fa5]/);
  expect(m).not.toMatch(/jszip|https?:|Error|undefined|\bat\b/i);
}

describe("package reader: damaged real workbooks", () => {
  it("never throws anything but a Chinese message on random byte damage to the zip", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: seedBytes.length - 1 }),
        fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), byte: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 20 }),
        fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
        async (which, flips, cut) => {
          const buf = Buffer.from(seedBytes[which]);
          for (const f of flips) buf[Math.min(buf.length - 1, Math.floor(f.at * buf.length))] = f.byte;
          const bytes = cut === undefined ? buf : buf.subarray(0, Math.floor(cut * buf.length));
          try {
            const wb = await readXlsxBuffer(bytes, "坏文件.xlsx");
            expect(Array.isArray(wb.sheets)).toBe(true);
          } catch (e) {
            expectCleanFailure(e, "坏文件.xlsx");
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it("never throws anything but a Chinese message on damage to the XML inside the parts", async () => {
    const zip = await JSZip.loadAsync(seedBytes[0]);
    const parts = Object.keys(zip.files).filter((p) => /\.(xml|rels)$/.test(p));
    const original = new Map(await Promise.all(parts.map(async (p) => [p, await zip.file(p)!.async("string")] as const)));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...parts),
        fc.array(
          fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), len: fc.integer({ min: 0, max: 40 }), insert: fc.constantFrom("", "<", ">", "\"", "&", "&#xFFFFFF;", "<c r=\"ZZZZ9\" t=\"s\"><v>99999</v></c>", "<row r=\"-1\">", "<!--", "<![CDATA[", "</sheetData>", "<mergeCell ref=\"A1:XFD1048576\"/>", "<f t=\"shared\" si=\"7\"/>") }),
          { minLength: 1, maxLength: 6 },
        ),
        async (part, edits) => {
          let xml = original.get(part)!;
          for (const e of edits) {
            const i = Math.floor(e.at * xml.length);
            xml = xml.slice(0, i) + e.insert + xml.slice(i + e.len);
          }
          const z = await JSZip.loadAsync(seedBytes[0]);
          z.file(part, xml);
          const buf = await z.generateAsync({ type: "nodebuffer" });
          try {
            const wb = await readXlsxBuffer(buf, "坏部件.xlsx");
            expect(Array.isArray(wb.sheets)).toBe(true);
          } catch (e) {
            expectCleanFailure(e, "坏部件.xlsx");
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
