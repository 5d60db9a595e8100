/**
 * Rows inserted into a user's package (fill-names --add-parents): what must move moves,
 * in every part that refers to the rows; what cannot be moved is refused and nothing is
 * written.
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { toA1 } from "../../src/core/a1";
import { applyToModel, emptyChangeSet, type ChangeSet } from "../../src/core/changes";
import { builtinCatalog } from "../../src/core/catalog";
import { mergePlans, planFill } from "../../src/core/fill/plan";
import { cells, getCell, getSheet, type Workbook } from "../../src/core/model";
import { fillNamesCommand } from "../../src/cli/commands/fillNames";
import { patchXlsxBuffer, writeChangedCopy } from "../../src/hosts/xlsx/patch";
import { shiftFormula } from "../../src/hosts/xlsx/patchRows";
import { readXlsxBuffer, readXlsxFile } from "../../src/hosts/xlsx/xlsxHost";
import { captureIO } from "../helpers/cliIO";
import { convertWithLibreOffice } from "../helpers/libreoffice";
import { entries, stylesOnlyAppended, withoutFullCalc } from "./patchCompare";

const ROOT = path.join(__dirname, "..", "..");
const DAZHOU = path.join(ROOT, "test", "fixtures", "seeds", "dazhou-2024.xlsx");
const CRAFTED = path.join(ROOT, "test", "fixtures", "crafted", "extras.xlsx");
const S = "一般公共预算支出表";

let tmp: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), "patch-rows-"));
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe("shiftFormula: references to moved rows follow, nothing else changes", () => {
  const s = { sheet: "表1", steps: [{ at: 4, count: 2 }] }; // rows 5 and below (1-based) move down by 2
  it.each([
    ["C5", "表1", "C7"],
    ["C4", "表1", "C4"],
    ["SUM(C2:C9)", "表1", "SUM(C2:C11)"],
    ["SUM($C$5:$C$9)", "表1", "SUM($C$7:$C$11)"],
    ["表1!C5+'表1'!D6", "表2", "表1!C7+'表1'!D8"],
    ["C5+表2!C5", "表1", "C7+表2!C5"],
    ["C5", "表2", "C5"],
    ['"C5"&C5', "表1", '"C5"&C7'],
    ["LOG10(C5)+ATAN2(1,2)", "表1", "LOG10(C7)+ATAN2(1,2)"],
    ["[1]表1!C5", "表2", "[1]表1!C5"],
    ["'表1'!$3:$4", null, "'表1'!$3:$4"],
    ["'表1'!$5:$6", null, "'表1'!$7:$8"],
    ["SUM(C:C)", "表1", "SUM(C:C)"],
  ])("%s on %s → %s", (f, host, want) => {
    expect(shiftFormula(f, host, s)).toBe(want);
  });
  it("quoted sheet names with quotes and spaces", () => {
    expect(shiftFormula("'A''s 表'!B9", null, { sheet: "A's 表", steps: [{ at: 0, count: 1 }] })).toBe("'A''s 表'!B10");
  });
});

async function checkAddParents(src: string, tag: string): Promise<void> {
  {
    const DAZHOU = src;
    const out = path.join(tmp, `dazhou-parents-${tag}.xlsx`);
    const io = captureIO();
    expect(await fillNamesCommand.run([DAZHOU, "--out", out, "--add-parents"], io)).toBe(0);
    expect(io.stdout).toContain("插入上级行 20 个");
    // the model's own application of the same plan, recomputed here
    const wb = await readXlsxFile(DAZHOU);
    const plan = mergePlans(wb.sheets.map((s) => planFill(s, builtinCatalog(), { year: 2024, fixNames: false, addParents: true, indent: false })));
    applyToModel(wb, plan.changes);
    const got = await readXlsxFile(out);
    const key = (c: { value: unknown; formula?: string; numFmt?: string }) => JSON.stringify({ v: c.formula ? undefined : c.value, f: c.formula, n: c.numFmt });
    for (const s of wb.sheets) {
      const t = getSheet(got, s.name)!;
      const a = Object.fromEntries([...cells(s)].map((x) => [toA1(x.r, x.c), key(x.cell)]));
      const b = Object.fromEntries([...cells(t)].filter((x) => x.cell.value !== null || x.cell.formula).map((x) => [toA1(x.r, x.c), key(x.cell)]));
      expect({ sheet: s.name, cells: b }).toEqual({ sheet: s.name, cells: a });
      expect(t.merges).toEqual(s.merges);
    }
    // parts: only the four sheets, styles (appended) and workbook.xml (recalculate on load)
    const [x, y] = [await entries(await fs.readFile(DAZHOU)), await entries(await fs.readFile(out))];
    const differing = [...x.keys()].filter((k) => Buffer.compare(x.get(k)!, y.get(k)!) !== 0);
    expect(differing.filter((k) => !/worksheets\/sheet\d+\.xml$/.test(k))).toEqual(["xl/styles.xml", "xl/workbook.xml"]);
    expect(differing.filter((k) => /worksheets/.test(k))).toHaveLength(4);
    expect(stylesOnlyAppended(x.get("xl/styles.xml")!.toString(), y.get("xl/styles.xml")!.toString())).toEqual([]);
    expect(withoutFullCalc(y.get("xl/workbook.xml")!.toString())).toBe(x.get("xl/workbook.xml")!.toString());
    // LibreOffice opens it and computes each inserted parent as the sum of its children
    const dir = path.join(tmp, "lo-dz");
    await fs.mkdir(path.join(dir, "in"), { recursive: true });
    const file = path.join(dir, "in", "dz.xlsx");
    await fs.copyFile(out, file);
    const calc = await readXlsxFile(convertWithLibreOffice(file, "xlsx", dir));
    let checked = 0;
    for (const s of wb.sheets)
      for (const { r, c, cell } of cells(s)) {
        const m = /^=SUM\((.+)\)$/.exec(cell.formula ?? "");
        if (!m) continue;
        const sum = m[1].split(",").reduce((acc, ref) => {
          const mm = /^([A-Z]+)(\d+)$/.exec(ref)!;
          const v = getCell(getSheet(calc, s.name)!, Number(mm[2]) - 1, mm[1].charCodeAt(0) - 65)?.value;
          return acc + (typeof v === "number" ? v : 0);
        }, 0);
        const v = getCell(getSheet(calc, s.name)!, r, c)!.value as number;
        expect({ at: `${s.name}!${toA1(r, c)}`, v: Math.round(v * 100) }).toEqual({ at: `${s.name}!${toA1(r, c)}`, v: Math.round(sum * 100) });
        checked++;
      }
    expect(checked).toBeGreaterThan(20);
  }
}

describe("fill-names --add-parents on a real workbook (达州 2024: 20 parent rows in 4 sheets)", () => {
  it("gives the same cells as the model, every other part kept, and the new SUMs compute in LibreOffice", async () => checkAddParents(DAZHOU, "seed"));
  it("the same workbook as LibreOffice saves it (every cell styled): the same result", async () => {
    const dir = path.join(tmp, "lo-src");
    await fs.mkdir(path.join(dir, "in"), { recursive: true });
    await fs.copyFile(DAZHOU, path.join(dir, "in", "dazhou-2024.xlsx"));
    const lo = convertWithLibreOffice(path.join(dir, "in", "dazhou-2024.xlsx"), "xlsx", dir);
    expect((await entries(await fs.readFile(lo))).get("docProps/app.xml")!.toString()).toContain("LibreOffice");
    await checkAddParents(lo, "lo");
  });
});

describe("inserting a row in the crafted workbook moves everything that refers to the rows", () => {
  async function insertAt(at: number, extra: ChangeSet["edits"] = []): Promise<{ buf: Buffer; before: Map<string, Buffer>; after: Map<string, Buffer>; wb: Workbook }> {
    const input = await fs.readFile(CRAFTED);
    const cs = emptyChangeSet();
    cs.insertRows = [{ sheet: S, at, count: 1 }];
    cs.edits = [{ sheet: S, r: at, c: 1, cell: { value: "新插入的行" } }, { sheet: S, r: at, c: 2, cell: { value: null, formula: `=C${at + 2}` } }, ...extra];
    const { buffer } = await patchXlsxBuffer(input, cs, await readXlsxBuffer(input));
    return { buf: buffer, before: await entries(input), after: await entries(buffer), wb: await readXlsxBuffer(buffer) };
  }

  it("cells, formulas, merges, validation, conditional formats, hyperlinks, comments, names, shared formulas, heights", async () => {
    const { before, after, wb } = await insertAt(6); // above row 7 (2080101 行政运行)
    const x = after.get("xl/worksheets/sheet2.xml")!.toString();
    const s = getSheet(wb, S)!;
    expect(getCell(s, 6, 1)!.value).toBe("新插入的行");
    expect(getCell(s, 7, 1)!.value).toBe("行政运行"); // moved down
    expect(getCell(s, 11, 2)).toMatchObject({ formula: "=C5" }); // above the insertion: unchanged
    expect(x).toContain('<mergeCell ref="A1:E1"/>');
    expect(x).toContain('sqref="C5"');
    expect(x).toContain('sqref="D5:E11"');
    expect(x).toContain('<conditionalFormatting sqref="C5:E11">');
    expect(x).toContain('<hyperlink ref="A14"');
    expect(x).toContain('<hyperlink ref="B14"');
    expect(x).toContain('<f t="shared" ref="D16:D18" si="0">C16*2</f>');
    expect(x).toMatch(/<row r="8" ht="21.75" customHeight="1"[^>]*><c r="A8"/); // the moved row keeps its height
    expect(x).toMatch(/<row r="7" ht="21.75" customHeight="1"/); // the new row takes the table row's height …
    expect(x).toMatch(/<c r="A7" s="6"\/>/); // … and its cells' formats (borders)
    expect(after.get("xl/comments2.xml")!.toString()).toContain('ref="C8"');
    expect(after.get("xl/drawings/vmlDrawing2.vml")!.toString()).toContain("<x:Row>7</x:Row>");
    expect(after.get("xl/drawings/drawing1.xml")!.toString()).toBe(before.get("xl/drawings/drawing1.xml")!.toString()); // the image is in row 1
    const wbx = after.get("xl/workbook.xml")!.toString();
    expect(wbx).toContain("'一般公共预算支出表'!$C$5:$E$11"); // a changed name is re-escaped (&apos; → ', the same XML)
    expect(wbx).toContain("'一般公共预算支出表'!$A$1:$E$12");
    expect(wbx).toContain("&apos;一般公共预算支出表&apos;!$3:$4"); // print titles above: untouched, byte for byte
    expect(x).toContain('<pane xSplit="2" ySplit="4" topLeftCell="C5"');
    // parts that do not refer to the sheet's rows are byte for byte
    for (const name of ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet3.xml", "xl/worksheets/sheet4.xml", "xl/worksheets/sheet5.xml", "xl/sharedStrings.xml", "xl/media/image1.png", "docProps/core.xml", "docProps/custom.xml", "xl/theme/theme1.xml"]) {
      expect({ name, same: Buffer.compare(before.get(name)!, after.get(name)!) === 0 }).toEqual({ name, same: true });
    }
  });

  it("opens in LibreOffice with the rows moved and the formulas recomputed", async () => {
    const { buf } = await insertAt(6);
    const dir = path.join(tmp, "lo-crafted");
    await fs.mkdir(path.join(dir, "in"), { recursive: true });
    const file = path.join(dir, "in", "crafted.xlsx");
    await fs.writeFile(file, buf);
    const calc = await readXlsxFile(convertWithLibreOffice(file, "xlsx", dir));
    const s = getSheet(calc, S)!;
    expect(getCell(s, 6, 2)!.value).toBe(571.56); // =C8: the moved 行政运行 amount
    expect(getCell(s, 16, 3)!.value).toBe(2 * (getCell(s, 16, 2)!.value as number)); // the shared formula, moved with its cells
    expect(getCell(s, 11, 2)!.value).toBe(1209.02);
  });

  it("refuses an insertion that would split a shared formula group, and writes nothing", async () => {
    const out = path.join(tmp, "split.xlsx");
    const cs = emptyChangeSet();
    cs.insertRows = [{ sheet: S, at: 15, count: 1 }];
    await expect(writeChangedCopy(CRAFTED, cs, out)).rejects.toThrow(/不能插入上级科目行.*共享公式组.*未写入任何内容/);
    await expect(fs.stat(out)).rejects.toThrow();
  });
});

describe("several insertions on one sheet, done in one pass", () => {
  it("each reference moves by the rows inserted above it; a range over two points grows by both", () => {
    const s = { sheet: "表1", steps: [{ at: 20, count: 1 }, { at: 10, count: 2 }] }; // bottom-up, as fill plans them
    expect(shiftFormula("SUM(C5:C30)+C15+C25+C8", "表1", s)).toBe("SUM(C5:C33)+C17+C28+C8");
  });
});
