import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { sheetFromRows } from "../../src/core/model";
import { writeXlsxFile } from "../../src/hosts/xlsx/xlsxHost";
import { captureIO } from "../helpers/cliIO";



describe("--import: an official edition for this run (check, fill-names)", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "import-"));
  const book = path.join(dir, "book.xlsx");
  const official = path.join(dir, "official.xlsx");
  const broken = path.join(dir, "broken.xlsx");
  beforeAll(async () => {
    await writeXlsxFile(
      {
        sheets: [
          sheetFromRows("支出总表", [
            ["2027年部门支出总表"],
            ["单位名称：某某单位", undefined, "单位：万元"],
            ["科目编码", "科目名称", "合计"],
            [undefined, "合计", 5],
            ["208", "社会保障和就业支出", 5],
            ["20801", "人力资源和社会保障管理事务", 5],
            ["2080150", "事业单位运行", 5],
          ]),
        ],
      },
      book,
    );
    await writeXlsxFile({ sheets: [sheetFromRows("2027", [["科目编码", "科目名称"], ["208", "社会保障和就业支出"], ["20801", "人力资源和社会保障管理事务"], ["2080150", "事业单位运行"]])] }, official);
    await writeXlsxFile({ sheets: [sheetFromRows("2027", [["科目编码", "科目名称"], ["2080150", "事业单位运行"]])] }, broken);
  });

  const nameFindings = (stdout: string) => (JSON.parse(stdout) as { ruleId: string; cell: string }[]).filter((f) => f.ruleId === "names" && f.cell === "B7");

  it("judges names by the imported edition", async () => {
    const before = captureIO();
    await main(["check", book, "--format", "json"], before);
    expect(nameFindings(before.stdout)).toHaveLength(1); // 2080150 is 事业运行 in the built-in editions
    const after = captureIO();
    await main(["check", book, "--format", "json", "--import", official, "--import-kind", "function", "--import-year", "2027"], after);
    expect(nameFindings(after.stdout)).toHaveLength(0);
  });

  it("refuses a broken edition with its problems and loads nothing", async () => {
    const o = captureIO();
    expect(await main(["fill-names", book, "--out", path.join(dir, "out.xlsx"), "--import", broken, "--import-kind", "function", "--import-year", "2027"], o)).toBe(2);
    expect(o.stderr).toMatch(/无法导入 .*未导入任何科目/);
    expect(fs.existsSync(path.join(dir, "out.xlsx"))).toBe(false);
  });
});
