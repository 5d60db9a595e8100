/**
 * Writing a changed copy by patching the package: on every real workbook we have
 * (examples/, test/fixtures/seeds/) and on a crafted workbook with every extra,
 * every zip entry other than the changed sheets / styles is byte-identical, and in
 * a changed sheet only the intended <c> elements differ.
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { parseA1, toA1 } from "../../src/core/a1";
import { emptyChangeSet, type CellEdit, type ChangeSet } from "../../src/core/changes";
import { cells, getCell, getSheet, mergeAt, type Cell, type Sheet, type Workbook } from "../../src/core/model";
import { fillNamesCommand } from "../../src/cli/commands/fillNames";
import { patchSheetXml, patchXlsxBuffer, type SheetContext } from "../../src/hosts/xlsx/patch";
import { storedEntries } from "../../src/hosts/xlsx/patchZip";
import { readXlsxBuffer, readXlsxFile } from "../../src/hosts/xlsx/xlsxHost";
import { captureIO } from "../helpers/cliIO";
import { convertWithLibreOffice } from "../helpers/libreoffice";
import { entries, stylesOnlyAppended, withoutCells, withoutFullCalc } from "./patchCompare";

const ROOT = path.join(__dirname, "..", "..");
const REAL = [
  ...["dazhou-2024", "xinzhou-2023"].map((n) => path.join(ROOT, "examples", `${n}.xlsx`)),
  ...["dazhou-2024", "haikou-2024", "wuhan-2024", "xinzhou-2023", "zengdu-2024"].map((n) => path.join(ROOT, "test", "fixtures", "seeds", `${n}.xlsx`)),
];
const CRAFTED = path.join(ROOT, "test", "fixtures", "crafted", "extras.xlsx");
const ALL = [...REAL, CRAFTED];

let tmp: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), "patch-test-"));
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

/** The sheet with the most cells among those with both text and numbers (a table, where a reviewer's edits would go). */
function busiest(wb: Workbook): Sheet {
  const tables = wb.sheets.filter((s) => [...cells(s)].some((x) => typeof x.cell.value === "number" && !x.cell.formula));
  return [...(tables.length ? tables : wb.sheets)].sort((a, b) => [...cells(b)].length - [...cells(a)].length)[0];
}

const inMerge = (s: Sheet, r: number, c: number) => !!mergeAt(s, r, c);

/** A change set touching every kind of cell: text over text, text starting with "=", number over number, a new cell in an existing row, a new row, a formula. */
function mixedChanges(wb: Workbook): { cs: ChangeSet; expect: { sheet: string; r: number; c: number; cell: Cell }[] } {
  const s = busiest(wb);
  const all = [...cells(s)];
  const text = all.find((x) => x.r >= 2 && typeof x.cell.value === "string" && !x.cell.formula && !inMerge(s, x.r, x.c))!;
  const lastRow = Math.max(...all.map((x) => x.r));
  // a number over a number (a sheet of text only, such as 海口's 情况说明: a new number cell)
  const num = all.find((x) => typeof x.cell.value === "number" && !x.cell.formula) ?? { r: lastRow + 2, c: 3, cell: {} as Cell };
  const rowCells = all.filter((x) => x.r === text.r);
  let maxC = Math.max(...rowCells.map((x) => x.c));
  while (inMerge(s, text.r, maxC + 1)) maxC++;
  const edits: CellEdit[] = [
    { sheet: s.name, r: text.r, c: text.c, cell: { value: "改过的名称 & <特殊> \"字符\"" } },
    { sheet: s.name, r: num.r, c: num.c, cell: { value: 1234.56, numFmt: num.cell.numFmt } },
    { sheet: s.name, r: text.r, c: maxC + 1, cell: { value: '=HYPERLINK("http://example.gov.cn","链接")' } },
    { sheet: s.name, r: lastRow + 2, c: 1, cell: { value: "新行" } },
    { sheet: s.name, r: lastRow + 2, c: 2, cell: { value: 7, formula: "=3+4" } },
  ];
  const cs = emptyChangeSet();
  cs.edits = edits;
  return { cs, expect: edits.map((e) => ({ sheet: e.sheet, r: e.r, c: e.c, cell: e.cell! })) };
}

async function comparePackages(before: Buffer, after: Buffer, changed: Map<string, { refs: string[]; rows: number[] }>, opts: { formulas: boolean }): Promise<void> {
  const a = await entries(before);
  const b = await entries(after);
  const removed = [...a.keys()].filter((k) => !b.has(k));
  expect(removed.filter((k) => k !== "xl/calcChain.xml")).toEqual([]);
  expect([...b.keys()].filter((k) => !a.has(k))).toEqual([]);
  for (const [name, buf] of a) {
    if (!b.has(name)) continue;
    const after = b.get(name)!;
    const sheet = changed.get(name);
    if (sheet) {
      const x = buf.toString("utf8");
      const y = after.toString("utf8");
      const norm = (s: string) => withoutCells(s, sheet.refs, sheet.rows).replace(/<dimension ref="[^"]*"\/>/, "<dimension/>");
      expect({ name, xml: norm(y) }).toEqual({ name, xml: norm(x) });
      continue;
    }
    if (name === "xl/styles.xml") {
      expect(stylesOnlyAppended(buf.toString("utf8"), after.toString("utf8"))).toEqual([]);
      continue;
    }
    if (name === "xl/workbook.xml" && opts.formulas) {
      expect(withoutFullCalc(after.toString("utf8"))).toBe(withoutFullCalc(buf.toString("utf8")));
      expect(after.toString("utf8")).toContain('fullCalcOnLoad="1"');
      continue;
    }
    if (name === "[Content_Types].xml" || name === "xl/_rels/workbook.xml.rels") {
      // only the calcChain entries may go
      const strip = (s: string) => s.replace(/<Override[^>]*calcChain[^>]*\/>|<Relationship[^>]*calcChain[^>]*\/>/g, "");
      expect(strip(after.toString("utf8"))).toBe(strip(buf.toString("utf8")));
      continue;
    }
    expect({ name, same: Buffer.compare(buf, after) === 0 }).toEqual({ name, same: true });
  }
}

/** Every cell of the workbook as read, except the ones in `skip` ("sheet!A1"). */
function cellMap(wb: Workbook, skip: Set<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const s of wb.sheets)
    for (const { r, c, cell } of cells(s)) {
      const key = `${s.name}!${toA1(r, c)}`;
      if (!skip.has(key)) out[key] = { v: cell.value, f: cell.formula, n: cell.numFmt, s: cell.style };
    }
  return out;
}

async function checkMixed(file: string): Promise<void> {
  {
    const input = await fs.readFile(file);
    const before = await readXlsxBuffer(input);
    const { cs, expect: wanted } = mixedChanges(before);
    const { buffer, report } = await patchXlsxBuffer(input, cs, before);
    expect(report.cellsWritten).toBe(cs.edits.length);
    expect(report.formulasWritten).toBe(true);

    // which part holds the sheet: the only worksheet part that changed
    const changedSheets = report.changedParts.filter((p) => /worksheets\/sheet\d+\.xml$/.test(p));
    expect(changedSheets).toHaveLength(1);
    const refs = cs.edits.map((e) => toA1(e.r, e.c));
    const rows = [...new Set(cs.edits.map((e) => e.r + 1))];
    await comparePackages(input, buffer, new Map([[changedSheets[0], { refs, rows }]]), { formulas: true });
    // unchanged entries are even stored the same: the same compressed bytes
    const [sa, sb] = [storedEntries(input)!, storedEntries(buffer)!];
    for (const [name, raw] of sa) if (!report.changedParts.includes(name) && !report.removedParts.includes(name)) expect({ name, same: Buffer.compare(raw, sb.get(name)!) === 0 }).toEqual({ name, same: true });

    // read back: the edited cells hold what was asked (text stays text), every other cell is as it was
    const back = await readXlsxBuffer(buffer);
    for (const w of wanted) {
      const got = getCell(getSheet(back, w.sheet)!, w.r, w.c)!;
      expect({ at: toA1(w.r, w.c), value: got.value, formula: got.formula }).toEqual({ at: toA1(w.r, w.c), value: w.cell.value, formula: w.cell.formula });
    }
    const skip = new Set(wanted.map((w) => `${w.sheet}!${toA1(w.r, w.c)}`));
    expect(cellMap(back, skip)).toEqual(cellMap(before, skip));
    for (const s of before.sheets) {
      const t = getSheet(back, s.name)!;
      expect({ sheet: s.name, merges: t.merges, widths: t.colWidths, frozen: t.frozenRows, print: t.print, protected: t.protected }).toEqual({
        sheet: s.name,
        merges: s.merges,
        widths: s.colWidths,
        frozen: s.frozenRows,
        print: s.print,
        protected: s.protected,
      });
    }
  }
}

describe("patching a real workbook: only the changed cells change", () => {
  it.each(ALL.map((f) => [path.relative(ROOT, f), f]))("%s", async (_label, file) => checkMixed(file));
});

async function checkFillNames(file: string): Promise<void> {
  {
    const out = path.join(tmp, `fill-${path.basename(path.dirname(path.dirname(file)))}-${path.basename(path.dirname(file))}-${path.basename(file)}`);
    const io = captureIO();
    const code = await fillNamesCommand.run([file, "--out", out, "--fix-names", "--force"], io);
    expect({ code, err: io.stderr }).toEqual({ code: 0, err: "" });
    const input = await fs.readFile(file);
    const output = await fs.readFile(out);
    // the cells fill-names says it changed, from its own listing
    const listed = [...io.stdout.matchAll(/\[(?:填入|更正)\] (.+)!([A-Z]+\d+) .* → (.+)$/gm)].map((m) => ({ sheet: m[1], ref: m[2], name: m[3] }));
    const before = await readXlsxBuffer(input);
    const after = await readXlsxBuffer(output);
    const skip = new Set(listed.map((l) => `${l.sheet}!${l.ref}`));
    expect(cellMap(after, skip)).toEqual(cellMap(before, skip));
    const a = await entries(input);
    const b = await entries(output);
    const differing = [...a.keys()].filter((k) => Buffer.compare(a.get(k)!, b.get(k) ?? Buffer.alloc(0)) !== 0);
    if (!listed.length) expect(differing).toEqual([]);
    else {
      expect(differing.every((k) => /worksheets\/sheet\d+\.xml$/.test(k) || k === "xl/styles.xml")).toBe(true);
      // compare each changed sheet with the listed cells removed
      const sheetOf = new Map<string, string[]>();
      for (const l of listed) sheetOf.set(l.sheet, [...(sheetOf.get(l.sheet) ?? []), l.ref]);
      const parts = new Map<string, { refs: string[]; rows: number[] }>();
      const wbXml = a.get("xl/workbook.xml")!.toString("utf8");
      const rels = a.get("xl/_rels/workbook.xml.rels")!.toString("utf8");
      for (const [sheet, refs] of sheetOf) {
        const rid = new RegExp(`<sheet [^>]*name="${sheet.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*r:id="([^"]+)"`).exec(wbXml)![1];
        const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)!;
        parts.set("xl/" + (target[1] ?? target[2]).replace(/^\/xl\//, ""), { refs, rows: refs.map((r) => Number(/\d+/.exec(r)![0])) });
      }
      await comparePackages(input, output, parts, { formulas: false });
      for (const l of listed) {
        const { r, c } = parseA1(l.ref);
        expect(getCell(getSheet(after, l.sheet)!, r, c)!.value).toBe(l.name);
      }
    }
  }
}

describe("fill-names writes by patching", () => {
  it.each(ALL.map((f) => [path.relative(ROOT, f), f]))("%s: every part other than the changed cells' is identical", async (_label, file) => checkFillNames(file));

  it("on the crafted workbook: fills and corrects the names, and keeps every extra", async () => {
    const out = path.join(tmp, "crafted-filled.xlsx");
    const io = captureIO();
    // --fix-names corrects only names whose catalog entry a published document verifies: the full
    // name of 2080199 is printed in 忻州's 2023 disclosure, so the names are judged by the 2023 edition.
    expect(await fillNamesCommand.run([CRAFTED, "--out", out, "--fix-names", "--indent", "--year", "2023"], io)).toBe(0);
    expect(io.stdout).toContain("填入 2 个，更正 1 个");
    const after = await readXlsxFile(out);
    const s = getSheet(after, "一般公共预算支出表")!;
    expect(getCell(s, 5, 1)!.value).toBe("人力资源和社会保障管理事务");
    expect(getCell(s, 7, 1)!.value).toBe("其他人力资源和社会保障管理事务支出");
    expect(getCell(s, 9, 1)!.value).toBe("机关事业单位基本养老保险缴费支出");
    expect(getCell(s, 7, 1)!.style?.indent).toBe(2); // --indent: a new cell format, derived from the cell's own (borders and font kept)
    expect(getCell(s, 7, 1)!.style?.border).toBe(true);
    const b = await entries(await fs.readFile(out));
    const text = (n: string) => b.get(n)!.toString("utf8");
    const sheet2 = text("xl/worksheets/sheet2.xml");
    // the list of what the crafted workbook keeps (each checked in the written package)
    const keeps: [string, boolean][] = [
      ["sheet protection with its SHA-512 hash (封面)", /<sheetProtection[^>]*hashValue="[^"]+"[^>]*saltValue=/.test(text("xl/worksheets/sheet1.xml"))],
      ["Excel-style protection of 说明", text("xl/worksheets/sheet3.xml").includes('spinCount="100000" sheet="1"')],
      ["hidden and very hidden sheets", text("xl/workbook.xml").includes('state="hidden"') && text("xl/workbook.xml").includes('state="veryHidden"')],
      ["custom row heights", (sheet2.match(/customHeight="1"/g) ?? []).length >= 7],
      ["column widths and a hidden column", /<col [^>]*width="38"/.test(sheet2) && /<col [^>]*hidden="1"/.test(sheet2)],
      ["rich text of an untouched cell", (text("xl/sharedStrings.xml").match(/<r>/g) ?? []).length >= 3],
      ["borders and fonts", /<border>.*thin/.test(text("xl/styles.xml")) && text("xl/styles.xml").includes("仿宋_GB2312")],
      ["data validation", (sheet2.match(/<dataValidation /g) ?? []).length === 2],
      ["conditional format", sheet2.includes("<conditionalFormatting")],
      ["comment", b.has("xl/comments2.xml") && text("xl/comments2.xml").includes("含 2023 年结转") && sheet2.includes("<legacyDrawing")],
      ["image", b.has("xl/media/image1.png") && sheet2.includes("<drawing ")],
      ["hyperlinks", (sheet2.match(/<hyperlink /g) ?? []).length === 2],
      ["defined names", text("xl/workbook.xml").includes('name="支出金额"') && text("xl/workbook.xml").includes("_xlnm.Print_Area")],
      ["print setup and headers/footers", /<pageSetup [^>]*orientation="landscape"/.test(sheet2) && sheet2.includes("<oddFooter>")],
      ["frozen panes", /<pane [^>]*state="frozen"/.test(sheet2)],
      ["shared formula group", sheet2.includes('<f t="shared" ref="D15:D17" si="0">C15*2</f>')],
      ["document properties", text("docProps/core.xml").includes("2024年部门预算公开表") && text("docProps/custom.xml").includes("编制单位")],
    ];
    expect(keeps.filter(([, ok]) => !ok).map(([what]) => what)).toEqual([]);
  });
});

describe("what the patcher writes", () => {
  async function patched(edits: CellEdit[], file = CRAFTED): Promise<{ xml: string; wb: Workbook; buffer: Buffer }> {
    const input = await fs.readFile(file);
    const cs = emptyChangeSet();
    cs.edits = edits;
    const { buffer } = await patchXlsxBuffer(input, cs, await readXlsxBuffer(input));
    const e = await entries(buffer);
    return { xml: e.get("xl/worksheets/sheet2.xml")!.toString("utf8"), wb: await readXlsxBuffer(buffer), buffer };
  }
  const S = "一般公共预算支出表";

  it("text is written as text, whatever it starts with; a formula only when the change marks one", async () => {
    const { xml, wb } = await patched([
      { sheet: S, r: 12, c: 3, cell: { value: '=HYPERLINK("http://x.example","x")' } },
      { sheet: S, r: 12, c: 4, cell: { value: null, formula: '=HYPERLINK("http://x.example","x")' } },
      { sheet: S, r: 13, c: 3, cell: { value: "001" } },
    ]);
    expect(xml).toContain('<c r="D13" t="inlineStr"><is><t xml:space="preserve">=HYPERLINK(&quot;http://x.example&quot;,&quot;x&quot;)</t></is></c>'.replace(/&quot;/g, '"'));
    expect(xml).toContain('<c r="E13"><f>HYPERLINK("http://x.example","x")</f></c>');
    const s = getSheet(wb, S)!;
    expect(getCell(s, 12, 3)).toMatchObject({ value: '=HYPERLINK("http://x.example","x")' });
    expect(getCell(s, 12, 3)!.formula).toBeUndefined();
    expect(getCell(s, 12, 4)!.formula).toBe('=HYPERLINK("http://x.example","x")');
    expect(getCell(s, 13, 3)!.value).toBe("001");
  });

  it("keeps the cell's style index; a cleared cell keeps its format", async () => {
    const { xml } = await patched([
      { sheet: S, r: 6, c: 2, cell: { value: 600, numFmt: "#,##0.00" } },
      { sheet: S, r: 6, c: 3, cell: null },
    ]);
    const before = (await entries(await fs.readFile(CRAFTED))).get("xl/worksheets/sheet2.xml")!.toString("utf8");
    const s = (ref: string, x: string) => new RegExp(`<c r="${ref}" s="(\\d+)"`).exec(x)?.[1];
    expect(s("C7", xml)).toBe(s("C7", before));
    expect(xml).toContain(`<c r="C7" s="${s("C7", before)}"><v>600</v></c>`);
    expect(xml).toContain(`<c r="D7" s="${s("D7", before)}"/>`);
  });

  it("a new number format is appended to styles.xml, the old entries untouched", async () => {
    const input = await fs.readFile(CRAFTED);
    const cs = emptyChangeSet();
    cs.edits = [{ sheet: S, r: 6, c: 2, cell: { value: 0.5, numFmt: "0.0%" } }];
    const { buffer } = await patchXlsxBuffer(input, cs, await readXlsxBuffer(input));
    const [a, b] = [await entries(input), await entries(buffer)];
    expect(stylesOnlyAppended(a.get("xl/styles.xml")!.toString(), b.get("xl/styles.xml")!.toString())).toEqual([]);
    expect(b.get("xl/styles.xml")!.toString()).toContain('formatCode="0.0%"');
    const back = await readXlsxBuffer(buffer);
    expect(getCell(getSheet(back, S)!, 6, 2)).toMatchObject({ value: 0.5, numFmt: "0.0%" });
    expect(getCell(getSheet(back, S)!, 6, 2)!.style?.border).toBe(true); // the cell's border kept
  });

  it("refuses to overwrite the first cell of a shared formula group, and writes nothing", async () => {
    await expect(patched([{ sheet: S, r: 14, c: 3, cell: { value: 1 } }])).rejects.toThrow(/共享公式.*D15:D17.*未写入/);
  });

  it("refuses to write into a protected sheet", async () => {
    await expect(patched([{ sheet: "说明", r: 3, c: 0, cell: { value: "x" } }])).rejects.toThrow(/受保护/);
  });

  it("a workbook written by the patcher opens in LibreOffice with the new values", async () => {
    const { buffer } = await patched([
      { sheet: S, r: 5, c: 1, cell: { value: "人力资源和社会保障管理事务" } },
      { sheet: S, r: 12, c: 3, cell: { value: '=HYPERLINK("http://x.example","x")' } },
      { sheet: S, r: 19, c: 2, cell: { value: null, formula: "=C5*2" } },
    ]);
    const dir = path.join(tmp, "lo");
    await fs.mkdir(path.join(dir, "in"), { recursive: true });
    const file = path.join(dir, "in", "patched.xlsx");
    await fs.writeFile(file, buffer);
    const back = await readXlsxFile(convertWithLibreOffice(file, "xlsx", dir));
    const s = getSheet(back, S)!;
    expect(getCell(s, 5, 1)!.value).toBe("人力资源和社会保障管理事务");
    expect(getCell(s, 12, 3)!.value).toBe('=HYPERLINK("http://x.example","x")');
    expect(getCell(s, 12, 3)!.formula).toBeUndefined();
    expect(getCell(s, 19, 2)).toMatchObject({ formula: "=C5*2", value: 2418.04 }); // recalculated: 1209.02 × 2
    expect(getSheet(back, "基础数据")).toBeDefined();
  });
});

/** The same workbooks saved by LibreOffice: another producer's XML (its own styles, spans, shared strings, row attributes). */
const LO_DIR = path.join(os.tmpdir(), `patch-lo-${process.pid}`);
const LO = ["wuhan-2024", "dazhou-2024"].map((n) => ({ n, src: path.join(ROOT, "test", "fixtures", "seeds", `${n}.xlsx`), file: path.join(LO_DIR, `${n}.xlsx`) }));
LO.push({ n: "extras", src: CRAFTED, file: path.join(LO_DIR, "extras.xlsx") });

describe("a workbook saved by LibreOffice", () => {
  beforeAll(async () => {
    await fs.mkdir(path.join(LO_DIR, "in"), { recursive: true });
    for (const w of LO) {
      await fs.copyFile(w.src, path.join(LO_DIR, "in", `${w.n}.xlsx`));
      convertWithLibreOffice(path.join(LO_DIR, "in", `${w.n}.xlsx`), "xlsx", LO_DIR);
    }
  });
  afterAll(async () => {
    await fs.rm(LO_DIR, { recursive: true, force: true });
  });
  it.each(LO.map((w) => [w.n, w.file]))("%s: only the changed cells change", async (_n, file) => {
    const app = (await entries(await fs.readFile(file))).get("docProps/app.xml")!.toString();
    expect(app).toContain("<Application>LibreOffice"); // really another producer's package
    await checkMixed(file);
  });
  it.each(LO.map((w) => [w.n, w.file]))("%s: fill-names --fix-names changes only the cells it lists", async (_n, file) => checkFillNames(file));
});

describe("sheet XML from other writers", () => {
  const ctx = (): SheetContext => ({
    sheetName: "表",
    styles: () => {
      throw new Error("no style needed");
    },
    before: undefined,
    colStyle: () => undefined,
    templates: new Map(),
    report: { formulasWritten: false, formulaOverwritten: false, cells: 0 },
  });

  it("a part with a namespace prefix (x:) gets prefixed cells, in place", () => {
    const xml =
      '<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:dimension ref="A1:B2"/><x:sheetData>' +
      '<x:row r="1"><x:c r="A1" s="3" t="s"><x:v>0</x:v></x:c><x:c r="B1" s="3"/></x:row><x:row r="2"><x:c r="A2"><x:v>5</x:v></x:c></x:row>' +
      "</x:sheetData><x:pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/></x:worksheet>";
    const out = patchSheetXml(
      xml,
      [
        { sheet: "表", r: 0, c: 1, cell: { value: "行政运行" } },
        { sheet: "表", r: 3, c: 0, cell: { value: 12.5 } },
      ],
      ctx(),
    );
    expect(out).toContain('<x:c r="B1" s="3" t="inlineStr"><x:is><x:t xml:space="preserve">行政运行</x:t></x:is></x:c>');
    expect(out).toContain('<x:row r="2"><x:c r="A2"><x:v>5</x:v></x:c></x:row><x:row r="4"><x:c r="A4"><x:v>12.5</x:v></x:c></x:row></x:sheetData>');
    expect(out).toContain('<x:dimension ref="A1:B4"/>');
  });

  it("rows and cells without an r attribute keep their places", () => {
    const xml =
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
      "<row><c><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c></row></sheetData></worksheet>";
    const out = patchSheetXml(xml, [{ sheet: "表", r: 0, c: 0, cell: { value: 9 } }, { sheet: "表", r: 1, c: 2, cell: { value: "新" } }], ctx());
    // the first row: A1 rewritten, B1 named so nothing can move it; the second: named, C2 added after A2
    expect(out).toContain('<row r="1"><c r="A1"><v>9</v></c><c r="B1"><v>2</v></c></row>');
    expect(out).toContain('<row r="2"><c r="A2"><v>3</v></c><c r="C2" t="inlineStr"><is><t xml:space="preserve">新</t></is></c></row>');
  });

  it("text with control characters, & and < is written so that Excel reads it back the same", () => {
    const xml = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>';
    const out = patchSheetXml(xml, [{ sheet: "表", r: 0, c: 0, cell: { value: "A&B<C>\u0001_x0041_" } }], ctx());
    expect(out).toContain("<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t xml:space=\"preserve\">A&amp;B&lt;C&gt;_x0001__x005F_x0041_</t></is></c></row></sheetData>");
  });
});
