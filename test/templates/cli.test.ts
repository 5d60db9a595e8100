import { mkdtempSync, readFileSync, statSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { main } from "../../src/cli/main";
import { readXlsxFile } from "../../src/hosts/xlsx/xlsxHost";
import { captureIO } from "../helpers/cliIO";


describe("budget-tables templates", () => {
  const dir = mkdtempSync(join(tmpdir(), "tpl-cli-"));

  it("writes the 14 tables and says what it wrote", async () => {
    const out = join(dir, "set.xlsx");
    const io = captureIO();
    expect(await main(["templates", "--year", "2024", "--unit", "某某单位", "--out", out], io)).toBe(0);
    expect(io.stdout).toMatch(/已写入 .*set\.xlsx：14 个工作表，公式 \d+ 个/);
    expect(io.stdout).toMatch(/部门收支总表 {2}公式 \d+/);
    const wb = await readXlsxFile(out);
    expect(wb.sheets).toHaveLength(14);
    expect(wb.sheets[0].rows[0][0]!.value).toBe("某某单位2024年部门收支总表");
  });

  it("takes scope, amount unit, tables and --no-formulas", async () => {
    const out = join(dir, "unit.xlsx");
    const io = captureIO();
    expect(await main(["templates", "--year", "2023", "--unit", "某中心", "--scope", "单位", "--amount-unit", "元", "--tables", "T1,T3,t7", "--no-formulas", "--out", out], io)).toBe(0);
    expect(io.stdout).toContain("3 个工作表，公式 0 个");
    const wb = await readXlsxFile(out);
    expect(wb.sheets.map((s) => s.name)).toEqual(["单位收支总表", "单位支出总表", "一般公共预算“三公”经费支出表"]);
    expect(wb.sheets[0].rows[1][3]!.value).toBe("单位：元");
  });

  it("refuses to overwrite an existing file without --force", async () => {
    const out = join(dir, "keep.xlsx");
    writeFileSync(out, "precious");
    const io = captureIO();
    expect(await main(["templates", "--year", "2024", "--unit", "某某单位", "--out", out], io)).toBe(2);
    expect(io.stderr).toContain("已存在，未覆盖");
    expect(readFileSync(out, "utf8")).toBe("precious");
    const io2 = captureIO();
    expect(await main(["templates", "--year", "2024", "--unit", "某某单位", "--out", out, "--force"], io2)).toBe(0);
    expect(statSync(out).size).toBeGreaterThan(1000);
  });

  it.each([
    [["--unit", "某某单位", "--out", "x.xlsx"], "--year"],
    [["--year", "24", "--unit", "某某单位", "--out", "x.xlsx"], "四位数"],
    [["--year", "2024", "--out", "x.xlsx"], "--unit"],
    [["--year", "2024", "--unit", "某某单位"], "--out"],
    [["--year", "2024", "--unit", "某某单位", "--scope", "省", "--out", "x.xlsx"], "--scope"],
    [["--year", "2024", "--unit", "某某单位", "--amount-unit", "千元", "--out", "x.xlsx"], "--amount-unit"],
    [["--year", "2024", "--unit", "某某单位", "--tables", "T1,T99", "--out", "x.xlsx"], "T99"],
    [["--year", "2024", "--unit", "某某单位", "--colour", "red", "--out", "x.xlsx"], "未知参数"],
  ])("exits 2 with a Chinese message on bad arguments %j", async (args, text) => {
    const io = captureIO();
    expect(await main(["templates", ...args], io)).toBe(2);
    expect(io.stderr).toContain(text);
    expect(io.stderr).toContain("用法");
  });
});
