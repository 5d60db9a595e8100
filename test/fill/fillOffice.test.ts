import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { builtinCatalog } from "../../src/core/catalog/builtin";
import { inverseOf } from "../../src/core/changes";
import { mergePlans, planFill } from "../../src/core/fill/plan";
import { getCell, sheetFromRows, type Workbook } from "../../src/core/model";
import { OfficeHost } from "../../src/hosts/office/officeHost";
import { readXlsxFile, writeXlsxFile } from "../../src/hosts/xlsx/xlsxHost";
import { main } from "../../src/cli/main";
import { makeExcelMock } from "../hosts/excelMock";
import { captureIO } from "../helpers/cliIO";

const catalog = builtinCatalog();

function pasted(rows: number): Workbook {
  const codes = catalog.entries("function", 2024).filter((e) => e.level === 3).slice(0, rows);
  return { sheets: [sheetFromRows("导出", [["科目编码", "科目名称", "合计"], ...codes.map((e, i) => [e.code, "", i + 1])])] };
}

async function fillInExcel(wb: Workbook): Promise<{ syncs: number; written: number }> {
  const excel = makeExcelMock(wb);
  const host = new OfficeHost(excel.run);
  const read = await host.readWorkbook();
  const plan = mergePlans(read.sheets.map((s) => planFill(s, catalog, { year: 2024, addParents: true })));
  inverseOf(read, plan.changes); // what the task pane keeps for undo
  await host.applyChanges(plan.changes);
  return { syncs: excel.syncs(), written: plan.changes.edits.length };
}

describe("name filling through the Office.js host", () => {
  it("costs the same few context.sync calls for 10 rows and for 1,000 rows", async () => {
    const small = await fillInExcel(pasted(10));
    const big = await fillInExcel(pasted(1000));
    expect(big.written).toBeGreaterThan(1000);
    expect(small.syncs).toBe(3); // read: 2, write: 1
    expect(big.syncs).toBe(small.syncs);
  });
});

describe("budget-tables fill-names", () => {

  it("fills, flags and writes a new file, never the input", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fill-"));
    const input = path.join(dir, "in.xlsx");
    const out = path.join(dir, "out.xlsx");
    await writeXlsxFile(
      { sheets: [sheetFromRows("支出总表", [["2024年支出总表"], ["科目编码", "科目名称", "合计"], ["20801", "人力资源和社会保障管理事", 955.32], ["2080150", "", 571.56]])] },
      input,
    );
    const o1 = captureIO();
    expect(await main(["fill-names", input, "--out", input], o1)).toBe(2);
    expect(o1.stderr).toContain("不能与输入文件相同");
    const o2 = captureIO();
    expect(await main(["fill-names", input, "--out", out], o2)).toBe(0);
    expect(o2.stdout).toContain("按 2024 年科目：填入 1 个，更正 0 个，需核对 1 个");
    expect(o2.stdout).toContain("支出总表!B3  20801  人力资源和社会保障管理事 → 人力资源和社会保障管理事务");
    const written = await readXlsxFile(out);
    expect(getCell(written.sheets[0], 3, 1)!.value).toBe("事业运行");
    expect(getCell(written.sheets[0], 2, 1)!.value).toBe("人力资源和社会保障管理事"); // not changed without --fix-names
    const o3 = captureIO();
    expect(await main(["fill-names", input, "--out", out], o3)).toBe(2);
    expect(o3.stderr).toContain("已存在");
    const o4 = captureIO();
    expect(await main(["fill-names", input, "--out", out, "--force", "--fix-names"], o4)).toBe(0);
    expect(getCell((await readXlsxFile(out)).sheets[0], 2, 1)!.value).toBe("人力资源和社会保障管理事务");
  });
});
