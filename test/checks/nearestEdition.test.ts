import { checkWorkbook } from "../../src/core/checks/engine";
import { sheetFromRows } from "../../src/core/model";

const book = (year: number) => ({
  sheets: [
    sheetFromRows("支出总表", [
      [`${year}年部门支出总表`],
      ["单位名称：某单位", undefined, "单位：万元"],
      ["科目编码", "科目名称", "合计"],
      [undefined, "合计", 5],
      ["208", "社会保障和就业支出", 5],
      ["20801", "人力资源和社会保障管理事务", 5],
      ["2080150", "事业运行单位", 5],
    ]),
  ],
});

describe("a year without its own catalog edition", () => {
  it("is judged by the nearest edition, and the report says so", () => {
    const f = checkWorkbook(book(2027)).filter((x) => x.ruleId === "names");
    expect(f.find((x) => x.severity === "info")!.message).toMatch(/2027 年无科目版本，按最接近的 2026 年版本/);
    // 2080150 事业运行 is printed by no 2026 document: against the unverified entry the wrong name is a warning that says so
    const wrong = f.find((x) => x.severity !== "info")!;
    expect(wrong).toMatchObject({ severity: "warning", expected: "事业运行" });
    expect(wrong.message).toContain("未经公开文件核实");
  });
  it("says nothing extra for a year that has its edition", () => {
    const f = checkWorkbook(book(2024)).filter((x) => x.ruleId === "names" && x.severity === "info");
    expect(f).toEqual([]);
  });
});
