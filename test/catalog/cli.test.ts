/**
 * budget-tables catalog: stats, codes from arguments and stdin, JSON, import, exit codes.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { builtinCatalog } from "../../src/core/catalog";
import { newWorkbook, sheetFromRows } from "../../src/core/model";
import { writeXlsxFile } from "../../src/hosts/xlsx/xlsxHost";
import { captureIO } from "../helpers/cliIO";


const cat = builtinCatalog();
const newest = cat.years("function").slice(-1)[0];
const name = (code: string, year = newest) => cat.lookup(code, { year })!.name;

describe("budget-tables catalog", () => {
  it("--stats prints counts per kind, level and year", async () => {
    const io = captureIO();
    expect(await main(["catalog", "--stats"], io)).toBe(0);
    const years = cat.years();
    expect(io.stdout).toContain(`| kind | level | ${years.join(" | ")} |`);
    for (const row of cat.stats().filter((r) => r.count > 0)) {
      const line = io.stdout.split("\n").find((l) => l.startsWith(`| ${row.kind} | ${row.level} `))!;
      expect(line).toBeDefined();
      const counts = line.split("|").slice(3, 3 + years.length).map((s) => Number(s.trim()));
      expect(counts[years.indexOf(row.year)]).toBe(row.count);
    }
  });

  it("prints each code's name and parent chain", async () => {
    const io = captureIO();
    expect(await main(["catalog", "2080505", "208 01 50", "30102"], io)).toBe(0);
    const lines = io.stdout.trim().split("\n");
    expect(lines[0]).toBe(`2080505  ${name("2080505")}  ← 20805 ${name("20805")} ← 208 ${name("208")}`);
    expect(lines[1]).toBe(`2080150  ${name("2080150")}  ← 20801 ${name("20801")} ← 208 ${name("208")}`);
    expect(lines[2]).toBe(`30102  ${name("30102")}  ← 301 ${name("301")}`);
    expect(io.stdout).not.toContain("注：");
  });

  it("adds the nearest-edition note for a year without an edition", async () => {
    const io = captureIO();
    expect(await main(["catalog", "--year", String(newest + 1), "2080505"], io)).toBe(0);
    expect(io.stdout).toContain(`注：${newest + 1} 年无科目版本，按最接近的 ${newest} 年版本`);
  });

  it("reads codes from stdin with -", async () => {
    const io = captureIO("2080505\n\n  ２１０  \r\n30102\n");
    expect(await main(["catalog", "-"], io)).toBe(0);
    const codes = io.stdout.trim().split("\n").map((l) => l.split(/\s+/)[0]);
    expect(codes).toEqual(["2080505", "210", "30102"]);
  });

  it("prints JSON with code, input, kind, year, requestedYear, name, level, parent, chain", async () => {
    const io = captureIO();
    expect(await main(["catalog", "--format", "json", "--year", "2022", "208-05-05", "2089998"], io)).toBe(1);
    const data = JSON.parse(io.stdout);
    expect(data).toHaveLength(2);
    const first = cat.lookup("2080505", { year: 2022 })!;
    expect(data[0]).toMatchObject({
      code: "2080505",
      input: "208-05-05",
      kind: "function",
      year: first.edition,
      requestedYear: 2022,
      name: first.name,
      level: 3,
      parent: "20805",
      note: first.note,
    });
    expect(data[0].chain.map((c: { code: string }) => c.code)).toEqual(["20805", "208"]);
    expect(data[1]).toMatchObject({ code: "2089998", name: null, level: null, kind: "function" });
  });

  it("exits 1 when a code is unknown or not a code, with a Chinese explanation", async () => {
    const io = captureIO();
    expect(await main(["catalog", "2080505", "2089998", "abc"], io)).toBe(1);
    expect(io.stdout).toMatch(/2089998 {2}（\d{4} 年支出功能分类科目中没有编码 2089998）/);
    expect(io.stdout).toContain("「abc」不是科目编码");
  });

  it("--kind overrides the kind inferred from the code", async () => {
    const io = captureIO();
    expect(await main(["catalog", "--kind", "econ-gov", "30102"], io)).toBe(1);
    expect(io.stdout).toContain("政府预算支出经济分类科目中没有编码 30102");
  });

  it("exits 2 on bad arguments", async () => {
    for (const args of [["catalog"], ["catalog", "--kind", "foo", "208"], ["catalog", "--year", "20x4", "208"], ["catalog", "--format", "xml", "208"], ["catalog", "--bogus", "1", "208"]]) {
      const io = captureIO();
      expect(await main(args, io)).toBe(2);
      expect(io.stderr).toContain("用法");
    }
  });

  describe("--import", () => {
    let dir: string;
    beforeAll(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), "catalog-cli-"));
    });
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("uses an imported edition", async () => {
      const file = path.join(dir, "good.xlsx");
      const sheet = sheetFromRows("科目", [
        ["科目编码", undefined, undefined, "科目名称"],
        ["类", "款", "项"],
        ["208", undefined, undefined, "社会保障和就业支出"],
        ["208", "05", undefined, "行政事业单位养老支出"],
        ["208", "05", "05", "机关事业单位基本养老保险缴费支出（新）"],
      ]);
      await writeXlsxFile(newWorkbook([sheet]), file);
      const io = captureIO();
      const year = String(newest + 5);
      expect(await main(["catalog", "--import", file, "--import-kind", "function", "--import-year", year, "--year", year, "2080505", "2080150"], io)).toBe(1);
      expect(io.stdout).toContain(`2080505  机关事业单位基本养老保险缴费支出（新）  ← 20805 行政事业单位养老支出 ← 208 社会保障和就业支出`);
      expect(io.stdout).toContain(`${year} 年支出功能分类科目中没有编码 2080150`);
      expect(io.stderr).toContain("已导入");
    });

    it("exits 2 for a bad catalog sheet, listing the problems", async () => {
      const file = path.join(dir, "bad.xlsx");
      await writeXlsxFile(newWorkbook([sheetFromRows("科目", [["科目编码", "科目名称"], ["208", "社会保障和就业支出"], ["2080505", "没有款"], ["2080505", "重复"]])]), file);
      const io = captureIO();
      expect(await main(["catalog", "--import", file, "--import-kind", "function", "--import-year", "2030", "2080505"], io)).toBe(2);
      expect(io.stderr).toContain("重复");
      expect(io.stderr).toContain("没有所属的款");
      expect(io.stdout).toBe("");
    });

    it("exits 2 for a missing file or missing --import-kind/--import-year", async () => {
      let io = captureIO();
      expect(await main(["catalog", "--import", path.join(dir, "nope.xlsx"), "--import-kind", "function", "--import-year", "2030", "208"], io)).toBe(2);
      expect(io.stderr).toContain("文件不存在");
      io = captureIO();
      expect(await main(["catalog", "--import", path.join(dir, "good.xlsx"), "208"], io)).toBe(2);
      const notXlsx = path.join(dir, "text.xlsx");
      fs.writeFileSync(notXlsx, "not a workbook");
      io = captureIO();
      expect(await main(["catalog", "--import", notXlsx, "--import-kind", "function", "--import-year", "2030", "208"], io)).toBe(2);
    });
  });
});

describe("budget-tables catalog --diff", () => {
  it("lists what changed between two editions, derived from the data", async () => {
    const cat = builtinCatalog();
    const d = cat.diffEditions(null, 2023, 2025, { kind: "function" })!;
    const io = captureIO();
    expect(await main(["catalog", "--diff", "2023:2025", "--kind", "function"], io)).toBe(0);
    expect(io.stdout).toContain(`新增 ${d.added.length}，删除 ${d.removed.length}，更名 ${d.renamed.length}`);
    for (const e of d.added.slice(0, 3)) expect(io.stdout).toContain(`+ ${e.code}  ${e.name}`);
    for (const e of d.renamed) expect(io.stdout).toContain(`~ ${e.code}  ${e.from} → ${e.to}`);
    const json = captureIO();
    await main(["catalog", "--diff", "2023:2025", "201", "--format", "json"], json);
    const arr = JSON.parse(json.stdout);
    expect(arr).toHaveLength(1);
    expect(arr[0].kind).toBe("function");
    expect(arr[0].added.every((e: { code: string }) => e.code.startsWith("201"))).toBe(true);
    expect(await main(["catalog", "--diff", "2024"], captureIO())).toBe(2);
  });
});
