import * as path from "path";
import { main } from "../../src/cli/main";
import { captureIO } from "../helpers/cliIO";


const EXAMPLE = path.join(__dirname, "..", "..", "examples", "xinzhou-2023.xlsx");

describe("budget-tables inspect", () => {
  it("lists each sheet of the example workbook with used range and counts", async () => {
    const io = captureIO();
    expect(await main(["inspect", EXAMPLE], io)).toBe(0);
    expect(io.stdout).toContain("14 个工作表");
    expect(io.stdout).toMatch(/预算支出总表\s+区域 A1:E16\s+数字 28\s+文本 33\s+公式 0/);
    expect(io.stdout).toContain("情况说明");
  });

  it("prints JSON on request", async () => {
    const io = captureIO();
    expect(await main(["inspect", EXAMPLE, "--format", "json"], io)).toBe(0);
    const data = JSON.parse(io.stdout);
    const sheet = data[0].sheets.find((s: { sheet: string }) => s.sheet === "一般公共预算安排基本支出分经济科目表");
    expect(sheet.numbers).toBeGreaterThan(20);
    expect(sheet.usedRange).toMatch(/^A1:/);
  });

  it("exits 2 with a Chinese message for a missing file", async () => {
    const io = captureIO();
    expect(await main(["inspect", "/nonexistent/x.xlsx"], io)).toBe(2);
    expect(io.stderr).toContain("文件不存在");
  });

  it("exits 2 on an unknown command", async () => {
    const io = captureIO();
    expect(await main(["frobnicate"], io)).toBe(2);
    expect(io.stderr).toContain("未知命令");
  });
});
