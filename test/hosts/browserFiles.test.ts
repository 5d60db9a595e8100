/**
 * The files picked in the task pane, read from their bytes as the browser reads them
 * (src/hosts/browser): a .docx or .pdf 情况说明 checked against the open workbook gives the
 * same findings as `check 表.xlsx --narrative 说明.docx` (checkInputFile), each finding in the
 * text with its paragraph and the stated figure found in it; last year's .xlsx feeds the
 * year-over-year rule as `check --previous` does; a damaged, encrypted, scanned or wrong file
 * gets a Chinese message naming it.
 */
import { mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { checkWorkbook } from "../../src/core/checks/engine";
import type { Finding } from "../../src/core/checks/types";
import { checkInputFile } from "../../src/hosts/input";
import { readXlsxFile, writeXlsxBuffer } from "../../src/hosts/xlsx/xlsxHost";
import { checkWithCompanions, figureSpan, paragraphOf, readCompanionBytes } from "../../src/hosts/browser/files";
import { isHostError } from "../../src/hosts/host";
import { wuhan2023 } from "../draft/previous";
import { scannedPdf } from "../helpers/scannedPdf";

const FIX = join(__dirname, "..", "fixtures");
const FIELD_PDF = join(__dirname, "..", "..", "..", "shared", "field");
const bytes = (p: string) => new Uint8Array(readFileSync(p));
const key = (f: Finding) => `${f.ruleId}|${f.severity}|${f.sheet}|${f.cell}|${f.message}`;

describe.each(["zengdu-2024", "dazhou-2024", "haikou-2024"])("%s: the .docx 情况说明 picked beside the open workbook", (id) => {
  const xlsx = join(FIX, "seeds", `${id}.xlsx`);
  const docx = join(FIX, "docx", `${id}-说明.docx`);

  test("the same findings as the CLI's check --narrative, each in the text with its paragraph", async () => {
    const cli = (await checkInputFile(xlsx, {}, docx)).findings;
    const text = await readCompanionBytes(`${id}-说明.docx`, bytes(docx), "narrative");
    expect(text.paragraphs).toBeGreaterThan(20);
    const pane = checkWithCompanions(await readXlsxFile(xlsx), { narrative: text }, {}, checkWorkbook);
    expect(pane.map(key).sort()).toEqual(cli.map(key).sort());
    const inText = pane.filter((f) => paragraphOf(f));
    expect(inText.length).toBeGreaterThan(0);
    const paras = text.workbook.sheets.find((s) => s.name === "情况说明")!.rows.map((r) => r?.[0]?.value);
    for (const f of inText) {
      const p = paragraphOf(f)!;
      expect(p.file).toBe(`${id}-说明.docx`);
      expect(p.where).toMatch(/^第 \d+ 段$/);
      expect(paras).toContain(p.text);
      expect(f.message.endsWith(`（${id}-说明.docx ${p.where}）`)).toBe(true);
      // the stated figure is found in its paragraph
      if (typeof f.actual === "number" && f.ruleId !== "completeness") {
        const span = figureSpan(p.text, f);
        expect(span).toBeDefined();
        expect(Number(p.text.slice(span![0], span![1]).replace(/[,%]/g, ""))).toBeCloseTo(f.actual, 6);
      }
    }
    // findings on the workbook's own tables have no paragraph (they select their cell)
    for (const f of pane.filter((x) => !x.sheet.startsWith("情况说明"))) expect(paragraphOf(f)).toBeUndefined();
  });
});

test("zengdu: the misstated 73.42 is highlighted in 第 4 段", async () => {
  const id = "zengdu-2024";
  const text = await readCompanionBytes(`${id}-说明.docx`, bytes(join(FIX, "docx", `${id}-说明.docx`)), "narrative");
  const pane = checkWithCompanions(await readXlsxFile(join(FIX, "seeds", `${id}.xlsx`)), { narrative: text }, {}, checkWorkbook);
  const f = pane.find((x) => x.ruleId === "narrative" && x.actual === 73.42)!;
  const p = paragraphOf(f)!;
  expect(p.where).toBe("第 4 段");
  const [s, e] = figureSpan(p.text, f)!;
  expect(p.text.slice(s, e)).toBe("73.42");
  expect(p.text).toContain("其中财政拨款收入 73.42 万元");
});

describe("a field PDF as the text", () => {
  const doc = "2025-putuo-commerce-department";
  test("against its workbook: the same findings as the CLI's check --narrative 说明.pdf, located by page and line", async () => {
    const xlsx = join(FIX, "field", `${doc}.office.xlsx`);
    const pdf = join(FIELD_PDF, `${doc}.pdf`);
    const cli = (await checkInputFile(xlsx, {}, pdf)).findings;
    const text = await readCompanionBytes(`${doc}.pdf`, bytes(pdf), "narrative");
    expect(text.kind).toBe("pdf");
    expect(text.paragraphs).toBeGreaterThan(10);
    const pane = checkWithCompanions(await readXlsxFile(xlsx), { narrative: text }, {}, checkWorkbook);
    expect(pane.map(key).sort()).toEqual(cli.map(key).sort());
    for (const f of pane.filter((x) => paragraphOf(x) && x.sheet.startsWith("情况说明"))) expect(paragraphOf(f)!.where).toMatch(/^第 \d+ 页第 \d+ 行$/);
  });
});

describe("last year's disclosure", () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "bt-prev-"))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("an .xlsx read from its bytes feeds the year-over-year rule as check --previous does", async () => {
    const buf = new Uint8Array(await writeXlsxBuffer(wuhan2023()));
    const prev = await readCompanionBytes("武汉2023.xlsx", buf, "previous");
    expect(prev.tables).toBeGreaterThan(0);
    const wb = await readXlsxFile(join(FIX, "seeds", "wuhan-2024.xlsx"));
    const yoy = (fs: Finding[]) => fs.filter((f) => f.ruleId === "year-over-year" && f.severity === "error").map((f) => f.message);
    const withPrev = yoy(checkWithCompanions(wb, { previous: prev }, {}, checkWorkbook));
    expect(withPrev).toEqual([expect.stringMatching(/3\.87.*增长100%/), expect.stringMatching(/因公出国.*增长0%/)]);
    expect(yoy(checkWithCompanions(wb, {}, {}, checkWorkbook))).toEqual([]);
    expect(withPrev).toEqual(yoy(checkWorkbook(wb, { previous: wuhan2023() })));
  });

  test("a field PDF as last year's disclosure: its tables are read", async () => {
    const prev = await readCompanionBytes("上年.pdf", bytes(join(FIELD_PDF, "2025-putuo-commerce-unit.pdf")), "previous");
    expect(prev.tables).toBeGreaterThanOrEqual(9);
  });
});

describe("files that cannot be read get a Chinese message naming the file", () => {
  async function message(name: string, data: Uint8Array, purpose: "narrative" | "previous" = "narrative"): Promise<string> {
    try {
      await readCompanionBytes(name, data, purpose);
    } catch (e) {
      expect(isHostError(e)).toBe(true);
      return (e as Error).message;
    }
    throw new Error(`${name} was read`);
  }
  const ole = (extra: string) => {
    const b = new Uint8Array(4096);
    b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const u = Buffer.from(extra, "utf16le");
    b.set(u, 600);
    return b;
  };

  test("encrypted Word and Excel files", async () => {
    expect(await message("加密.docx", ole("EncryptedPackage"))).toMatch(/“加密\.docx”有密码保护/);
    expect(await message("加密.xlsx", ole("EncryptionInfo"), "previous")).toMatch(/“加密\.xlsx”有密码保护/);
  });
  test("old .doc content named .docx, and .doc / .xls by name", async () => {
    expect(await message("旧.docx", ole("WordDocument"))).toMatch(/“旧\.docx”是旧版Word 文档格式.*另存为 \.docx/);
    expect(await message("旧.doc", ole("WordDocument"))).toMatch(/“旧\.doc”.*另存为 \.docx/);
    expect(await message("旧.xls", ole("Workbook"), "previous")).toMatch(/“旧\.xls”.*另存为“Excel 工作簿/);
  });
  test("damaged .docx, .pdf and .xlsx", async () => {
    const junk = Uint8Array.from({ length: 500 }, (_, i) => (i * 37) % 251);
    expect(await message("坏.docx", junk)).toMatch(/“坏\.docx”不是有效的 Word 文档/);
    expect(await message("坏.pdf", junk)).toMatch(/“坏\.pdf”不是有效的 PDF 文件或已损坏/);
    expect(await message("坏.xlsx", junk, "previous")).toMatch(/“坏\.xlsx”不是 Excel 工作簿/);
    const truncated = bytes(join(FIX, "seeds", "wuhan-2024.xlsx")).slice(0, 3000);
    expect(await message("截断.xlsx", truncated, "previous")).toMatch(/“截断\.xlsx” 已损坏/);
  });
  test("a scanned PDF: no text layer", async () => {
    expect(await message("扫描.pdf", scannedPdf())).toMatch(/“扫描\.pdf”是扫描件或图片（1 页都没有文字层）/);
  });
  test("empty files, workbooks as the text, other types", async () => {
    expect(await message("空.docx", new Uint8Array(0))).toMatch(/“空\.docx”是空文件/);
    expect(await message("表.xlsx", bytes(join(FIX, "seeds", "wuhan-2024.xlsx")))).toMatch(/“表\.xlsx”不是可读取的文件类型，请选择Word 文档/);
    expect(await message("图.png", new Uint8Array(10), "previous")).toMatch(/“图\.png”不是可读取的文件类型/);
  });
  test("a document without budget tables is not last year's disclosure", async () => {
    expect(await message("说明.docx", bytes(join(FIX, "docx", "wuhan-2024-说明.docx")), "previous")).toMatch(/“说明\.docx”中没有识别到预算表/);
  });
});
