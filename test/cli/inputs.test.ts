/**
 * Every input gets a clear answer, in Chinese, naming the file: files made here the way users
 * end up with them — a FIFO named .xlsx, an encrypted workbook's OLE header, a truncated zip,
 * .ods and .xls written by LibreOffice, a CSV, an empty file, an empty folder — plus bad
 * numeric options, an error value in a name cell, and a sheet with one cell at XFD1048576.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import JSZip from "jszip";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { scanCodeBlocks } from "../../src/core/fill/scan";
import { newSheet, setCell } from "../../src/core/model";
import { readXlsxFile, writeXlsxFile } from "../../src/hosts/xlsx/xlsxHost";
import { captureIO } from "../helpers/cliIO";
import { convertWithLibreOffice, recalculate } from "../helpers/libreoffice";
import { renderTemplateSet } from "../../src/core/templates";
import { computeFormulaResults } from "../../src/core/templates/evaluate";
import { readInputFile } from "../../src/hosts/xlsx/readInput";

const SEED = path.join(__dirname, "..", "fixtures", "seeds", "xinzhou-2023.xlsx");
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "inputs-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** No library text, no stack, no URL: what a finance user may be shown. */
function clean(text: string): void {
  expect(text).not.toMatch(/jszip|https?:\/\/|\bat .*\.js|Error:|End of data|Corrupted zip|Can't find end/i);
}

async function run(args: string[]) {
  const io = captureIO();
  const code = await main(args, io);
  return { code, out: io.stdout, err: io.stderr };
}

/** The header of an OLE compound file (as Excel writes an encrypted .xlsx) with its stream names. */
function oleFile(streams: string[]): Buffer {
  const head = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(head);
  const names = Buffer.concat(streams.map((s) => Buffer.concat([Buffer.from(s, "utf16le"), Buffer.alloc(128 - s.length * 2)])));
  return Buffer.concat([head, names]);
}

describe("check: files that are not .xlsx workbooks", () => {
  it("skips a FIFO named .xlsx in a folder without opening it, and checks the rest", async () => {
    const folder = path.join(dir, "fifo-folder");
    fs.mkdirSync(folder);
    execFileSync("mkfifo", [path.join(folder, "a-pipe.xlsx")]);
    fs.copyFileSync(SEED, path.join(folder, "b.xlsx"));
    const r = await run(["check", folder]);
    expect(r.err).toContain(`${path.join(folder, "a-pipe.xlsx")} 不是普通文件（命名管道 FIFO），已跳过（没有打开它）`);
    expect(r.out).toContain("b.xlsx：错误");
    expect([0, 1]).toContain(r.code);
    clean(r.err);
  });

  it("refuses a FIFO given by name, without blocking", async () => {
    const fifo = path.join(dir, "named-pipe.xlsx");
    execFileSync("mkfifo", [fifo]);
    const r = await run(["check", fifo]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${fifo} 是命名管道（FIFO），不是普通文件，已跳过`);
    const i = await run(["inspect", fifo]);
    expect(i.code).toBe(2);
    await expect(readXlsxFile(fifo)).rejects.toThrow(/命名管道/);
  });

  it("says an encrypted workbook has a password (not that it is damaged)", async () => {
    const f = path.join(dir, "加密.xlsx");
    fs.writeFileSync(f, oleFile(["Root Entry", "EncryptionInfo", "EncryptedPackage"]));
    const r = await run(["check", f]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${f} 有密码保护，请在 Excel 中取消密码后再检查`);
    expect(r.err).not.toContain("损坏");
    clean(r.err);
  });

  it("says a truncated zip is damaged, naming the file, without jszip's English", async () => {
    const f = path.join(dir, "truncated.xlsx");
    const whole = fs.readFileSync(SEED);
    fs.writeFileSync(f, whole.subarray(0, Math.floor(whole.length / 2)));
    const r = await run(["check", f, "--format", "json"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${f} 已损坏或不是完整的 .xlsx 工作簿`);
    expect(JSON.parse(r.out)[0].message).toContain("已损坏");
    clean(r.err + r.out);
  });

  it("answers an empty file, a missing file, a CSV and a random binary in Chinese", async () => {
    const empty = path.join(dir, "empty.xlsx");
    fs.writeFileSync(empty, "");
    const csv = path.join(dir, "data.xlsx");
    fs.writeFileSync(csv, "科目编码,科目名称,金额\n201,一般公共服务支出,5\n");
    const bin = path.join(dir, "bin.xlsx");
    fs.writeFileSync(bin, Buffer.from([1, 0, 2, 0, 3, 0, 255, 0]));
    const old = process.env.BUDGET_TABLES_NO_SOFFICE;
    process.env.BUDGET_TABLES_NO_SOFFICE = "1";
    try {
      const r = await run(["check", empty, path.join(dir, "nope.xlsx"), csv, bin]);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`${empty} 是空文件（0 字节）`);
      expect(r.err).toContain(`无法打开 ${path.join(dir, "nope.xlsx")}：文件不存在`);
      expect(r.err).toContain(`${csv} 是文本文件（如 .csv 或网页），不是 Excel 工作簿。请在 Excel 或 WPS 中打开，另存为“Excel 工作簿（*.xlsx）”后再试`);
      expect(r.err).toContain(`${bin} 不是 Excel 工作簿（无法识别的文件格式）`);
      clean(r.err);
    } finally {
      if (old === undefined) delete process.env.BUDGET_TABLES_NO_SOFFICE;
      else process.env.BUDGET_TABLES_NO_SOFFICE = old;
    }
  });

  it("exits 2 with a message for a folder without workbooks", async () => {
    const folder = path.join(dir, "empty-folder");
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, "readme.txt"), "x");
    const r = await run(["check", folder]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`文件夹 ${folder} 中没有 Excel 工作簿`);
  });
});

describe("check and fill-names: .ods and .xls (made with LibreOffice)", () => {
  let ods: string;
  let xls: string;
  beforeAll(() => {
    const src = path.join(dir, "lo-src");
    fs.mkdirSync(src);
    fs.copyFileSync(SEED, path.join(src, "xinzhou.xlsx"));
    ods = convertWithLibreOffice(path.join(src, "xinzhou.xlsx"), "ods", dir);
    xls = convertWithLibreOffice(path.join(src, "xinzhou.xlsx"), "xls", dir);
  });

  it("never reads an .ods as an empty workbook: fill-names refuses it with what to do", async () => {
    await expect(readXlsxFile(ods)).rejects.toThrow(/是 OpenDocument 表格（\.ods），不能直接读取。请在 Excel 或 WPS 中打开，另存为/);
    const r = await run(["fill-names", ods, "--out", path.join(dir, "out.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${ods} 是 OpenDocument 表格（.ods）`);
    expect(r.out).not.toContain("已写入");
    expect(fs.existsSync(path.join(dir, "out.xlsx"))).toBe(false);
  });

  it("says what an .xls is when LibreOffice is not there", async () => {
    const old = process.env.BUDGET_TABLES_NO_SOFFICE;
    process.env.BUDGET_TABLES_NO_SOFFICE = "1";
    try {
      const r = await run(["check", xls]);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`${xls} 是旧版 Excel（.xls）或 WPS（.et）格式，不能直接读取`);
    } finally {
      if (old === undefined) delete process.env.BUDGET_TABLES_NO_SOFFICE;
      else process.env.BUDGET_TABLES_NO_SOFFICE = old;
    }
  });

  it("converts .ods and .xls with LibreOffice when it is installed, says so, and finds what the .xlsx gives", async () => {
    const direct = await run(["check", SEED, "--format", "json"]);
    const strip = (out: string) => JSON.parse(out).map((f: { ruleId: string; sheet: string; cell: string; message: string }) => [f.ruleId, f.sheet, f.cell]);
    for (const f of [ods, xls]) {
      const r = await run(["check", f, "--format", "json"]);
      expect(r.err).toContain(`${f} 是`);
      expect(r.err).toContain("已用 LibreOffice 转换为临时的 .xlsx 后读取（原文件未改动");
      expect(r.code).toBe(direct.code);
      expect(strip(r.out)).toEqual(strip(direct.out));
    }
  });
});

describe("options and odd cells", () => {
  it("refuses --rounding 1e308, a negative one, and years outside 2000–2100", async () => {
    for (const args of [["--rounding", "1e308"], ["--rounding", "-1"], ["--rounding", "abc"], ["--year", "1999"], ["--year", "2101"], ["--year", "20x5"]]) {
      const r = await run(["check", SEED, ...args]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(args[0] === "--year" ? /--year 应为 2000—2100 之间的四位年份/ : /--rounding 应为 0—10 之间的数/);
    }
    expect((await run(["check", SEED, "--rounding", "2", "--year", "2023"])).code).not.toBe(2);
  });

  it("shows an error value in a name cell as Excel does (#N/A), not [object Object]", async () => {
    const s = newSheet("支出表");
    setCell(s, 0, 0, { value: "科目编码" });
    setCell(s, 0, 1, { value: "科目名称" });
    setCell(s, 1, 0, { value: "201" });
    setCell(s, 1, 1, { value: { error: "#N/A" } });
    setCell(s, 2, 0, { value: "20101" });
    setCell(s, 2, 1, { value: "人大事务" });
    const blocks = scanCodeBlocks(s);
    expect(blocks[0].rows.map((r) => r.name)).toEqual(["#N/A", "人大事务"]);
    const f = path.join(dir, "errname.xlsx");
    await writeXlsxFile({ sheets: [s] }, f);
    const r = await run(["fill-names", f, "--out", path.join(dir, "errname-out.xlsx"), "--year", "2024"]);
    expect(r.out).toContain("#N/A");
    expect(r.out).not.toContain("[object Object]");
  });

  it("scans a sheet with one cell at XFD1048576 by its occupied cells", () => {
    const s = newSheet("支出表");
    setCell(s, 0, 0, { value: "科目编码" });
    setCell(s, 0, 1, { value: "科目名称" });
    ["201", "20101", "2010101"].forEach((c, i) => setCell(s, i + 1, 0, { value: c }));
    setCell(s, 2, 3, { value: 12.5 });
    setCell(s, 1048575, 16383, { value: "末格" });
    const blocks = scanCodeBlocks(s);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]).toMatchObject({ codeCols: [0], nameCol: 1, amountCols: [3], r1: 1, r2: 3 });
  });
});

describe("templates: formulas carry cached results", () => {
  it("writes a fresh template whose every formula has a result (0), so it checks without errors or 'no result' findings", async () => {
    const out = path.join(dir, "fresh.xlsx");
    const t = await run(["templates", "--year", "2025", "--unit", "某某区教育局", "--t1-split", "--t4-funds", "--out", out]);
    expect(t.code).toBe(0);
    expect(t.out).not.toContain("没有预先算出结果");
    const { info, wb } = await readInputFile(out);
    expect(info.uncachedFormulas).toEqual([]);
    const formulas = wb.sheets.flatMap((s) => s.rows.flatMap((row) => (row ?? []).filter((c) => c?.formula)));
    expect(formulas.length).toBeGreaterThan(250);
    expect(formulas.every((c) => c!.value === 0)).toBe(true);
    const r = await run(["check", out, "--format", "json"]);
    const findings = JSON.parse(r.out) as { severity: string; message: string; ruleId: string }[];
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(findings.filter((f) => /未填列|没有计算结果/.test(f.message))).toEqual([]);
    expect(r.code).toBe(0);
  });

  it("computes the template formulas over filled amounts as LibreOffice does", async () => {
    const set = renderTemplateSet({ year: 2025, unitName: "某某区教育局", scope: "部门", amountUnit: "元", t1Expense: "split", allClasses: false });
    // fill every empty amount cell (a number format, no formula) with a figure in cents
    let seed = 7;
    const rand = () => ((seed = (seed * 48271) % 2147483647) % 1000000) / 100;
    let filled = 0;
    for (const s of set.sheets)
      s.rows.forEach((row) =>
        row?.forEach((c) => {
          if (c && !c.formula && c.value === null && c.numFmt && /0\.00/.test(c.numFmt)) {
            c.value = rand();
            filled++;
          }
        }),
      );
    expect(filled).toBeGreaterThan(50);
    const wb = { sheets: set.sheets };
    const res = computeFormulaResults(wb);
    expect(res.left).toBe(0);
    const mine = JSON.parse(JSON.stringify(wb)) as typeof wb;
    for (const s of wb.sheets) s.rows.forEach((row) => row?.forEach((c) => c?.formula && (c.value = null)));
    const lo = await recalculate(wb);
    let compared = 0;
    for (const s of mine.sheets) {
      const other = lo.sheets.find((x) => x.name === s.name)!;
      s.rows.forEach((row, r) =>
        row?.forEach((c, col) => {
          if (!c?.formula) return;
          const v = other.rows[r]?.[col]?.value;
          expect([s.name, r, col, Math.abs((c.value as number) - (v as number)) < 1e-6]).toEqual([s.name, r, col, true]);
          compared++;
        }),
      );
    }
    expect(compared).toBe(res.computed);
    expect(mine.sheets.some((s) => s.rows.some((row) => row?.some((c) => c?.formula && (c.value as number) > 0)))).toBe(true);
  });
});

describe("check: formulas without a cached result", () => {
  it("says the file needs recalculating instead of reporting 未填列", async () => {
    const set = renderTemplateSet({ year: 2025, unitName: "某某区教育局", scope: "部门", amountUnit: "万元" });
    const s = set.sheets.find((x) => x.name === "部门支出总表")!;
    // one figure typed in, so the table is not empty and its totals would be checked
    s.rows.forEach((row) => row?.forEach((c) => c && !c.formula && c.value === null && c.numFmt && (c.value = 12.34)));
    const f = path.join(dir, "uncached.xlsx");
    await writeXlsxFile({ sheets: set.sheets }, f); // formulas written without results, as another program might
    const r = await run(["check", f, "--format", "json"]);
    const findings = JSON.parse(r.out) as { severity: string; message: string; sheet: string }[];
    expect(findings.filter((x) => /未填列/.test(x.message))).toEqual([]);
    const note = findings.find((x) => x.sheet === "部门支出总表" && /公式没有计算结果/.test(x.message));
    expect(note?.message).toMatch(/^部门支出总表 有 \d+ 个公式没有计算结果（.*），这些单元格的金额无法核对。公式没有计算结果，请在 Excel 中重新计算并保存/);
    const i = await run(["inspect", f]);
    expect(i.out).toMatch(/部门支出总表.*公式 \d+（其中 \d+ 个没有计算结果：请在 Excel 中重新计算并保存）/);
  });
});

describe("check: a time limit per file in a folder run", () => {
  it("stops a file that takes longer than --timeout, reports it as timed out, and checks the next", async () => {
    const folder = path.join(dir, "timeout-folder");
    fs.mkdirSync(folder);
    // a-big.xlsx: 120,000 rows × 8 numbers — far more than one second of reading and checking
    const rows: string[] = [];
    for (let r = 1; r <= 120000; r++) {
      let cellsXml = "";
      for (let c = 0; c < 8; c++) cellsXml += `<c r="${String.fromCharCode(65 + c)}${r}"><v>${(r * 7 + c) % 1000}.25</v></c>`;
      rows.push(`<row r="${r}">${cellsXml}</row>`);
    }
    const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
    const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    const zip = new JSZip();
    zip.file("_rels/.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
    zip.file("xl/workbook.xml", `<workbook ${NS}><sheets><sheet name="数据" sheetId="1" r:id="rId1"/></sheets></workbook>`);
    zip.file("xl/_rels/workbook.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`);
    zip.file("xl/worksheets/sheet1.xml", `<worksheet ${NS}><sheetData>${rows.join("")}</sheetData></worksheet>`);
    fs.writeFileSync(path.join(folder, "a-big.xlsx"), await zip.generateAsync({ type: "nodebuffer", compression: "STORE" }));
    const small = newSheet("支出表");
    setCell(small, 0, 0, { value: "科目编码" });
    setCell(small, 0, 1, { value: "科目名称" });
    setCell(small, 1, 0, { value: "201" });
    setCell(small, 1, 1, { value: "一般公共服务支出" });
    await writeXlsxFile({ sheets: [small] }, path.join(folder, "b.xlsx"));
    const r = await run(["check", folder, "--timeout", "1"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${path.join(folder, "a-big.xlsx")} 在 1 秒内没有检查完，已停止并跳过`);
    expect(r.out).toContain("b.xlsx：错误");
    expect(r.out).toContain("共检查 2 个文件");
    const bad = await run(["check", folder, "--timeout", "-5"]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("--timeout 应为 0—86400 之间的整数秒数");
  }, 300_000);
});

describe("check: several files given relative to the working directory", () => {
  it("checks them in the child process from the same directory", async () => {
    const rel = (f: string) => path.relative(process.cwd(), path.join(__dirname, "..", "..", "examples", f));
    const r = await run(["check", rel("dazhou-2024.xlsx"), rel("xinzhou-2023.xlsx")]);
    expect(r.out).toContain("共检查 2 个文件：有错误的 1 个，无法读取的 0 个。");
    expect(r.code).toBe(1);
  });
});
