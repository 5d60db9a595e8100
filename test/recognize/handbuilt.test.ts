import fc from "fast-check";
import { checkWorkbook } from "../../src/core/checks/engine";
import { newSheet, setCell, sheetFromRows, type CellValue, type Workbook } from "../../src/core/model";
import { recognizeWorkbook, stripNumbering } from "../../src/core/recognize";
import { titleKey } from "../../src/core/recognize/titles";

const keys = (wb: Workbook, i = 0) => recognizeWorkbook(wb).tables[i].columns.map((c) => `${c.c}:${c.key}`);

describe("hand-built sheets", () => {
  test("titles: year, unit, 表N, qualifiers, bracket widths, spaces", () => {
    expect(titleKey("2023年一般公共预算支出预算表（不含上年结转）")).toBe(titleKey("一般公共预算支出预算表"));
    expect(titleKey("表 1. 收 支 总 表")).toBe("收支总表");
    expect(titleKey("一般公共预算支出表(分功能科目)")).toBe("一般公共预算支出表");
    const wb = { sheets: [sheetFromRows("S", [["武汉市某某中心2024年部门收支总表"], ["收入", null, "支出"], ["项目", "预算数", "项目", "预算数"], ["一、一般公共预算拨款收入", 5, "一、社会保障和就业支出", 5]])] };
    const f = recognizeWorkbook(wb);
    expect(f.tables[0]).toMatchObject({ year: 2024, unitName: "武汉市某某中心" });
    expect(f.tables[0].spec.id).toBe("T1");
  });

  test("row numbering is stripped: 一、（一）(十七) 廿一、1. ①", () => {
    for (const s of ["一、社会保障和就业支出", "（一）社会保障和就业支出", "(十七) 社会保障和就业支出", "廿一、社会保障和就业支出", "1.社会保障和就业支出", "①社会保障和就业支出"]) {
      expect(stripNumbering(s)).toBe("社会保障和就业支出");
    }
    expect(stripNumbering("一般公共服务支出")).toBe("一般公共服务支出");
  });

  test("spaces inside header words and full/half-width brackets", () => {
    const wb = { sheets: [sheetFromRows("三公", [["一般公共预算“三公”经费支出表"], ["“三公” 经费 合计", "因公出国(境)费", "公务用车购置及运行费", null, null, "公 务 接 待 费"], [null, null, "小计", "公务用车购置费", "公务用车运行费"], [1.7, 0, 1.5, 0, 1.5, 0.2]])] };
    expect(keys(wb)).toEqual(["0:total", "1:abroad", "2:car", "3:car.purchase", "4:car.running", "5:reception"]);
  });

  test("3-row header with merges (group over group over leaf)", () => {
    const s = sheetFromRows("收入总表", [
      ["部门收入总表"],
      ["单位代码", "单位名称", "合计", "本年收入", null, null, "上年结转结余", null],
      [null, null, null, "小计", "财政拨款", null, "小计", "一般公共预算"],
      [null, null, null, null, "一般公共预算", "政府性基金预算", null, null],
      [null, "合计", 30, 20, 15, 5, 10, 10],
      ["101", "某单位", 30, 20, 15, 5, 10, 10],
    ]);
    s.merges.push({ r1: 1, c1: 0, r2: 3, c2: 0 }, { r1: 1, c1: 1, r2: 3, c2: 1 }, { r1: 1, c1: 2, r2: 3, c2: 2 }, { r1: 1, c1: 3, r2: 1, c2: 5 }, { r1: 2, c1: 4, r2: 2, c2: 5 }, { r1: 1, c1: 6, r2: 1, c2: 7 }, { r1: 2, c1: 3, r2: 3, c2: 3 });
    const f = recognizeWorkbook({ sheets: [s] });
    const t = f.tables[0];
    expect(t.headerRows).toEqual({ r1: 1, r2: 3 });
    expect(t.columns.map((c) => `${c.c}:${c.key}`)).toEqual(["0:code", "1:name", "2:total", "3:cur.subtotal", "4:cur.gpb", "5:cur.gfb", "6:carry.subtotal", "7:carry.gpb"]);
    expect(checkWorkbook({ sheets: [s] }).filter((x) => x.severity === "error")).toEqual([]);
  });

  test("two tables on one sheet, codes as numbers, a table found by its headers", () => {
    const s = sheetFromRows("合并", [
      ["部门支出总表"],
      ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
      [null, "合计", 30, 20, 10],
      [208, "社会保障和就业支出", 30, 20, 10],
      [20801, "人力资源和社会保障管理事务", 30, 20, 10],
      [],
      ["一般公共预算基本支出表"],
      ["科目编码", "科目名称", "合计", "人员经费", "公用经费"],
      [null, "合计", 20, 15, 5],
      [301, "工资福利支出", 15, 15, null],
      [302, "商品和服务支出", 5, null, 5],
    ]);
    const f = recognizeWorkbook({ sheets: [s] });
    expect(f.tables.map((t) => t.spec.id)).toEqual(["T3", "T6"]);
    expect(f.tables[0].rows.map((r) => r.code ?? r.kind)).toEqual(["total", "208", "20801"]);
    expect(f.tables[1].rows.find((r) => r.code === "302")?.level).toBe(1);
    const headerless = sheetFromRows("无标题", [["科目编码", "科目名称", "合计", "基本支出", "小计", "人员经费", "公用经费", "项目支出"].slice(0, 3).concat(["人员经费", "公用经费", "项目支出"]), [null, "合计", 30, 15, 5, 10]]);
    const g = recognizeWorkbook({ sheets: [headerless] });
    expect(g.tables[0]).toMatchObject({ foundBy: "headers" });
    expect(g.tables[0].spec.id).toBe("T5");
  });

  test("error values are recorded, blank is not zero, text amounts parsed", () => {
    const s = sheetFromRows("支出总表", [["部门支出总表"], ["科目编码", "科目名称", "合计", "基本支出", "项目支出"], [null, "合计", "1,030.50", { error: "#DIV/0!" }, null]]);
    const t = recognizeWorkbook({ sheets: [s] }).tables[0];
    const r = t.rows[0];
    expect(r.amounts.total).toMatchObject({ value: 1030.5, fromText: true, decimals: 2 });
    expect(r.amounts.basic).toMatchObject({ value: null });
    expect(r.amounts.project).toBeUndefined();
    expect(t.issues.map((i) => i.kind)).toEqual(expect.arrayContaining(["text-amount", "error-value"]));
  });
});

describe("robustness (property tests)", () => {
  const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.double({ noNaN: false }),
    fc.integer(),
    fc.constantFrom("合计", "小计", "其中：", "208", "20801", "1,209.02", "收入", "支出", "项目", "预算数", "科目编码", "科目名称", "基本支出", "本表无数据", "收支总表", "部门支出总表", "类", "款", "项", "一、本年收入", "收入总计", "支出总计"),
    fc.constant(null),
    fc.record({ error: fc.constantFrom("#REF!", "#DIV/0!", "#N/A") }),
    fc.boolean(),
  );
  const sheetArb = fc
    .record({
      name: fc.string({ minLength: 1, maxLength: 10 }),
      rows: fc.array(fc.array(cellValue, { maxLength: 9 }), { maxLength: 25 }),
      merges: fc.array(fc.record({ r1: fc.nat(25), c1: fc.nat(9), h: fc.nat(3), w: fc.nat(4) }), { maxLength: 5 }),
      gap: fc.nat(3000),
    })
    .map(({ name, rows, merges, gap }) => {
      const s = newSheet(name);
      rows.forEach((row, r) => row.forEach((v, c) => v !== null && setCell(s, r + (r > 10 ? gap : 0), c, { value: v })));
      s.merges = merges.map((m) => ({ r1: m.r1, c1: m.c1, r2: m.r1 + m.h, c2: m.c1 + m.w }));
      return s;
    });

  test("random and malformed sheets never make recognition or checking throw", () => {
    fc.assert(
      fc.property(fc.array(sheetArb, { minLength: 1, maxLength: 3 }), fc.constantFrom(0, 1, 2), (sheets, factor) => {
        const wb = { sheets };
        const facts = recognizeWorkbook(wb);
        expect(Array.isArray(facts.tables)).toBe(true);
        const findings = checkWorkbook(wb, { roundingFactor: factor });
        for (const f of findings) expect(f.message).not.toMatch(/运行出错|识别出错/);
      }),
      { numRuns: 300 },
    );
  });

  test("a known title over random rows never throws", () => {
    fc.assert(
      fc.property(fc.constantFrom("部门收支总表", "部门支出总表", "一般公共预算支出表", "项目支出表", "部门收入总表", "一般公共预算“三公”经费支出表"), fc.array(fc.array(cellValue, { maxLength: 10 }), { maxLength: 30 }), (title, rows) => {
        const wb = { sheets: [sheetFromRows("S", [[title], ...rows.map((r) => r.map((v) => (typeof v === "string" && v.startsWith("=") ? "x" : v)))])] };
        for (const f of checkWorkbook(wb)) expect(f.message).not.toMatch(/运行出错|识别出错/);
      }),
      { numRuns: 300 },
    );
  });
});
