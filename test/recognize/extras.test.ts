import { checkWorkbook } from "../../src/core/checks/engine";
import { sheetFromRows } from "../../src/core/model";
import { recognizeWorkbook } from "../../src/core/recognize";

const fundRevenue = (leaf: number) => ({
  sheets: [
    sheetFromRows(
      "政府性基金预算收入表",
      [
        ["2024年政府性基金预算收入表"],
        ["单位名称：某某局", undefined, "单位：万元"],
        ["项目", undefined, "政府性基金收入预算"],
        ["收入科目编码", "科目名称"],
        ["合计", undefined, 120],
        ["103", "非税收入", 120],
        ["10301", "政府性基金收入", 120],
        ["1030148", "国有土地使用权出让收入", leaf],
      ],
      "#,##0.00",
    ),
  ],
});

describe("tables beyond the standard 14: 政府性基金预算收入表", () => {
  it("is recognised with revenue codes and checked like any code table", () => {
    const t = recognizeWorkbook(fundRevenue(120)).tables[0];
    expect(t.spec.id).toBe("X1");
    expect(t.rows.filter((r) => r.code).map((r) => r.code)).toEqual(["103", "10301", "1030148"]);
    expect(checkWorkbook(fundRevenue(120)).filter((f) => f.severity === "error")).toEqual([]);
    const errors = checkWorkbook(fundRevenue(100)).filter((f) => f.severity === "error");
    expect(errors.map((f) => `${f.ruleId} ${f.cell}`)).toContain("hierarchy C7");
  });
});
