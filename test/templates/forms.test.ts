import { getCell } from "../../src/core/model";
import { renderTemplateSet } from "../../src/core/templates";

describe("部门整体支出绩效目标表 template", () => {
  it("has the head published forms have: unit, tasks, budget (资金总额 = 财政拨款 + 其他资金), overall goal, then the indicators", () => {
    const set = renderTemplateSet({ year: 2025, unitName: "某某局", tables: ["T12"] });
    const sheet = set.sheets[0];
    const L = set.layouts.T12;
    const col0 = Array.from({ length: L.headerRows.first }, (_, r) => getCell(sheet, r, 0)?.value);
    expect(col0).toEqual(expect.arrayContaining(["部门名称", "年度主要任务", "年度部门整体支出预算（万元）", "年度总体目标"]));
    const r = L.rows.budget;
    expect(getCell(sheet, r, 1)!.formula).toBe(`=C${r + 1}+D${r + 1}`);
    expect(getCell(sheet, L.headerRows.first, 0)!.value).toBe("一级指标");
    const unit = set.sheets[0].rows.flat().find((c) => c?.value === "某某局");
    expect(unit).toBeDefined();
  });
});
