/**
 * Layout families real documents use, recognised as general capabilities: 9-table sets,
 * 收入预算总表 by 功能分类, several units' rows, split codes printed only on their own row or
 * merged down, 目录 sheets and contents lines, titles only in the sheet name, 栏次 rows.
 */
import { checkWorkbook } from "../../src/core/checks/engine";
import { setValue, sheetFromRows, type Workbook } from "../../src/core/model";
import { recognizeWorkbook } from "../../src/core/recognize";
import { putuoCommerce2025 } from "../layout/fieldLike";

const errors = (wb: Workbook) => checkWorkbook(wb).filter((f) => f.severity === "error");

describe("9-table sets (普陀区 layout)", () => {
  test("every table is recognised, in 元, with split codes and the 财政拨款收入 column", () => {
    const f = recognizeWorkbook(putuoCommerce2025());
    expect(f.tables.map((t) => t.spec.id)).toEqual(["T1", "T2", "T3", "T5", "T6"]);
    expect(f.tables.every((t) => t.amountUnit === "元" && t.unitName === "上海市普陀区商务委员会")).toBe(true);
    const t2 = f.tables[1];
    expect(t2.columns.map((c) => c.key)).toEqual(["code.lei", "code.kuan", "code.xiang", "name", "total", "cur.fiscal", "cur.business", "cur.operating", "cur.other"]);
    expect(t2.rows.find((r) => r.label === "行政运行")).toMatchObject({ code: "2011301", level: 3, domain: "function" });
    expect(t2.rows.find((r) => r.label === "商贸事务")).toMatchObject({ code: "20113", level: 2 }); // a 类 | 款 row is the 款
    expect(f.unrecognized ?? []).toEqual([]);
  });

  test("the published figures add up: no error (合计 = Σ sources, 类 rows counted once)", () => {
    expect(errors(putuoCommerce2025())).toEqual([]);
  });

  test("a changed figure is an error where it is", () => {
    const wb = putuoCommerce2025();
    const t2 = wb.sheets[1];
    const r = t2.rows.findIndex((row) => row?.[3]?.value === "行政运行");
    setValue(t2, r, 5, 9389000); // 财政拨款收入 of 2011301 no longer = 合计
    const found = errors(wb).map((f) => `${f.ruleId} ${f.sheet}!${f.cell}`);
    expect(found).toContain(`columns 2!E${r + 1}`);
    expect(found).toContain("hierarchy 2!F7"); // 20113 商贸事务 = Σ 项 no longer holds for 财政拨款收入
  });
});

describe("several units' rows", () => {
  const table = (b208: number) =>
    sheetFromRows(
      "支出总表",
      [
        ["部门支出总表"],
        ["单位：万元"],
        ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
        [null, "合计", 150, 150, null],
        [null, "某某局本级", 100, 100, null],
        ["208", "社会保障和就业支出", 100, 100, null],
        ["20805", "行政事业单位养老支出", 100, 100, null],
        ["2080505", "机关事业单位基本养老保险缴费支出", 100, 100, null],
        [null, "某某中心", 50, 50, null],
        ["208", "社会保障和就业支出", b208, b208, null],
        ["20805", "行政事业单位养老支出", 50, 50, null],
        ["2080505", "机关事业单位基本养老保险缴费支出", 50, 50, null],
      ],
      "#,##0.00",
    );
  test("the same code under two units is two rows: the 合计 adds both", () => {
    const t = recognizeWorkbook({ sheets: [table(50)] }).tables[0];
    expect(t.rows.filter((r) => r.code === "208").map((r) => r.group)).toEqual(["某某局本级", "某某中心"]);
    expect(errors({ sheets: [table(50)] })).toEqual([]);
  });
  test("an error in the second unit is found", () => {
    const found = errors({ sheets: [table(40)] }).map((f) => `${f.ruleId} ${f.cell}`);
    expect(found).toEqual(expect.arrayContaining(["hierarchy C10", "total-row C4"]));
  });
});

describe("split codes printed sparsely", () => {
  const sheet = (rows: (string | number | null)[][], merges: { r1: number; c1: number; r2: number; c2: number }[] = []) => {
    const s = sheetFromRows("支出", [["部门支出总表"], ["科目编码", null, null, "科目名称", "合计"], ["类", "款", "项"], [null, null, null, "合计", 30], ...rows], "#,##0.00");
    s.merges.push({ r1: 1, c1: 0, r2: 1, c2: 2 }, ...merges);
    return s;
  };
  test("类 and 款 only on their own row are carried down", () => {
    const t = recognizeWorkbook({ sheets: [sheet([["208", null, null, "社会保障和就业支出", 30], [null, "5", null, "行政事业单位养老支出", 30], [null, null, "5", "机关事业单位基本养老保险缴费支出", 20], [null, null, "6", "机关事业单位职业年金缴费支出", 10]])] }).tables[0];
    expect(t.rows.map((r) => r.code ?? r.kind)).toEqual(["total", "208", "20805", "2080505", "2080506"]);
  });
  test("a 类 cell merged down its block reads through the merge", () => {
    const s = sheet([["208", null, null, "社会保障和就业支出", 30], [null, "05", null, "行政事业单位养老支出", 30], [null, "05", "05", "机关事业单位基本养老保险缴费支出", 30]], [{ r1: 4, c1: 0, r2: 6, c2: 0 }]);
    expect(recognizeWorkbook({ sheets: [s] }).tables[0].rows.map((r) => r.code ?? r.kind)).toEqual(["total", "208", "20805", "2080505"]);
    expect(errors({ sheets: [s] })).toEqual([]);
  });
});

describe("what is not a table, and tables without a title row", () => {
  const t3 = (name: string, withTitle: boolean) =>
    sheetFromRows(name, [...(withTitle ? [["部门支出总表"]] : []), ["单位名称：某某市财政局", null, null, null, "单位：万元"], ["科目编码", "科目名称", "合计", "基本支出", "项目支出"], ["栏次", null, 1, 2, 3], [null, "合计", 30, 20, 10], ["208", "社会保障和就业支出", 30, 20, 10]]);
  test("a 目录 sheet and the narrative's own contents lines are no tables; list numbers are no unit names", () => {
    const toc = sheetFromRows("目录", [["目  录"], [], ["一、部门收支总表"], ["二、部门支出总表"], ["三、一般公共预算支出表"]]);
    const text = sheetFromRows("情况说明", [["一、部门收支总表"], ["二、部门支出总表"], ["2.预算表说明"], ["2024年支出预算30.00万元，其中基本支出20.00万元，项目支出10.00万元。"]]);
    const f = recognizeWorkbook({ sheets: [toc, t3("支出总表", true), text] });
    expect(f.tables.map((t) => `${t.spec.id}@${t.sheet}`)).toEqual(["T3@支出总表"]);
    expect(f.tables[0].unitName).toBe("某某市财政局");
    expect(f.paragraphs.map((p) => p.text)).toEqual(["2024年支出预算30.00万元，其中基本支出20.00万元，项目支出10.00万元。"]);
  });
  test("the title only in the sheet name, also as an export names it; the 栏次 row is no data", () => {
    for (const name of ["部门支出总表", "1.3部门支出总表", "表3-部门支出总表"]) {
      const f = recognizeWorkbook({ sheets: [t3(name, false)] });
      expect(f.tables.map((t) => t.spec.id)).toEqual(["T3"]);
      expect(f.tables[0].unitName).toBe("某某市财政局");
      expect(f.tables[0].rows.map((r) => r.code ?? r.kind)).toEqual(["total", "208"]);
    }
    expect(recognizeWorkbook({ sheets: [t3("Sheet1", false)] }).tables.map((t) => t.foundBy)).toEqual(["headers"]);
  });
});
