import { checkWorkbook } from "../../src/core/checks/engine";
import { sheetFromRows, type Workbook } from "../../src/core/model";
import { recognizeWorkbook } from "../../src/core/recognize";

/** 忻州's layout of the “三公” table: items as rows, budget kinds as columns. */
function itemsAsRows(values: { abroad: number; reception: number; car: number; purchase: number; running: number; total: number }): Workbook {
  const row = (label: string, v: number) => [label, v, v, undefined, undefined];
  return {
    sheets: [
      sheetFromRows(
        "三公",
        [
          ["2024年一般公共预算“三公”经费支出预算表"],
          ["单位名称：某某中心", undefined, undefined, undefined, "单位：万元"],
          ["项目", "2024年预算数"],
          [undefined, "合计", "一般公共预算", "政府性基金预算", "国有资本经营预算"],
          row("因公出国（境）费", values.abroad),
          row("公务接待费", values.reception),
          row("公务用车购置及运行费", values.car),
          row("①公务用车购置费", values.purchase),
          row("②公务用车运行维护费", values.running),
          row("合计", values.total),
        ],
        "#,##0.00",
      ),
    ],
  };
}

describe("“三公” table with the items as rows", () => {
  it("is recognised in the standard view: one row per budget kind, one key per item, real cells kept", () => {
    const t = recognizeWorkbook(itemsAsRows({ abroad: 1, reception: 0.2, car: 1.5, purchase: 0, running: 1.5, total: 2.7 })).tables[0];
    expect(t.spec.id).toBe("T7");
    expect(t.columns.map((c) => c.key).sort()).toEqual(["abroad", "car", "car.purchase", "car.running", "reception", "total"]);
    expect(t.rows.map((r) => r.label)).toEqual(["合计", "一般公共预算", "政府性基金预算", "国有资本经营预算"]);
    expect(t.rows[0].amounts.reception).toMatchObject({ value: 0.2, r: 5, c: 1 });
    expect(t.empty).toBe(false);
  });

  it("has its relations checked: a consistent table gives no error, a wrong total is found at its cell", () => {
    const ok = checkWorkbook(itemsAsRows({ abroad: 1, reception: 0.2, car: 1.5, purchase: 0, running: 1.5, total: 2.7 }));
    expect(ok.filter((f) => f.severity === "error")).toEqual([]);
    const bad = checkWorkbook(itemsAsRows({ abroad: 1, reception: 0.2, car: 1.5, purchase: 0, running: 1.2, total: 2.9 }));
    const errors = bad.filter((f) => f.severity === "error" && f.ruleId === "columns");
    expect(errors.map((f) => f.cell).sort()).toEqual(["B10", "B7", "C10", "C7"]);
  });
});
