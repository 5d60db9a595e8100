/**
 * The names rule judged honestly: an error only on a catalog entry verified against a
 * published document; the same code named differently in one workbook is evidence by itself;
 * a code read short (split 类/款/项 read as the 类) is not taken for a wrong name.
 */
import * as path from "path";
import { runChecks } from "../../src/core/checks/engine";
import { namesRule } from "../../src/core/checks/rules/names";
import { builtinCatalog } from "../../src/core/catalog";
import { sheetFromRows, type Workbook } from "../../src/core/model";
import { recognizeWorkbook } from "../../src/core/recognize";
import { readXlsxFile } from "../../src/hosts/xlsx/xlsxHost";

const table = (title: string, rows: (string | number | null)[][]): Workbook => ({
  sheets: [sheetFromRows(title, [[`2025年${title}`], ["单位：万元"], ["科目编码", "科目名称", "合计", "基本支出", "项目支出"], ...rows], "#,##0.00")],
});
const names = (wb: Workbook, catalog = builtinCatalog()) => namesRule.check({ wb, facts: recognizeWorkbook(wb), options: { roundingFactor: 1 }, catalog });

describe("severity follows verification", () => {
  it("a wrong name against a verified 2025 entry is an error", () => {
    // 2011301 行政运行 is printed by 上海市普陀区商务委员会 2025年区级部门预算
    expect(builtinCatalog().lookup("2011301", { year: 2025 })!.verified).toBe(true);
    const wb = table("一般公共预算支出表", [
      [null, "合计", 3, 3, null],
      ["201", "一般公共服务支出", 3, 3, null],
      ["20113", "商贸事务", 3, 3, null],
      ["2011301", "行政管理", 3, 3, null],
    ]);
    const f = names(wb).filter((x) => x.severity !== "info");
    expect(f.map((x) => `${x.severity} ${x.cell} ${x.expected}`)).toEqual(["error B7 行政运行"]);
  });

  it("a wrong name against an unverified entry is only a warning, and says the entry is unverified", () => {
    expect(builtinCatalog().lookup("2010104", { year: 2025 })!.verified).toBe(false);
    const wb = table("一般公共预算支出表", [
      [null, "合计", 3, 3, null],
      ["201", "一般公共服务支出", 3, 3, null],
      ["20101", "人大事务", 3, 3, null],
      ["2010104", "人大开会", 3, 3, null],
    ]);
    const f = names(wb).filter((x) => x.severity !== "info");
    expect(f.map((x) => x.severity)).toEqual(["warning"]);
    expect(f[0].message).toContain("未经公开文件核实");
  });

  it("an imported official edition makes its entries verified, through the engine's one catalog", () => {
    const official = builtinCatalog().withOverlay({
      kind: "function",
      year: 2025,
      source: "2025年支出功能分类科目.xlsx",
      entries: [
        { code: "201", name: "一般公共服务支出", level: 1, parent: null },
        { code: "20101", name: "人大事务", level: 2, parent: "201" },
        { code: "2010104", name: "人大会议", level: 3, parent: "20101" },
      ],
    });
    const wb = table("一般公共预算支出表", [
      [null, "合计", 3, 3, null],
      ["201", "一般公共服务支出", 3, 3, null],
      ["20101", "人大事务", 3, 3, null],
      ["2010104", "人大开会", 3, 3, null],
    ]);
    const f = runChecks(wb, { catalog: official }).findings.filter((x) => x.ruleId === "names" && x.severity !== "info");
    expect(f.map((x) => `${x.severity} ${x.cell}`)).toEqual(["error B7"]);
  });
});

describe("catalog-independent evidence: one code, two names", () => {
  it("warns at the table whose name differs, pointing at the other", () => {
    // 2101198 is in no edition: the catalog can say nothing, the workbook contradicts itself
    const wb: Workbook = {
      sheets: [
        ...table("部门支出总表", [[null, "合计", 2, 2, null], ["210", "卫生健康支出", 2, 2, null], ["21011", "行政事业单位医疗", 2, 2, null], ["2101198", "职工医疗补助", 2, 2, null]]).sheets,
        ...table("一般公共预算支出表", [[null, "合计", 2, 2, null], ["210", "卫生健康支出", 2, 2, null], ["21011", "行政事业单位医疗", 2, 2, null], ["2101198", "其他医疗支出", 2, 2, null]]).sheets,
      ],
    };
    const f = names(wb).filter((x) => x.message.includes("名称不一"));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "warning", actual: "其他医疗支出", expected: "职工医疗补助" });
    expect(f[0].related).toEqual(["部门支出总表!B7"]);
  });

  it("names that differ only in writing or by a trailing 支出 are the same name", () => {
    const wb: Workbook = {
      sheets: [
        ...table("部门支出总表", [[null, "合计", 2, 2, null], ["210", "卫生健康支出", 2, 2, null], ["21011", "行政事业单位医疗", 2, 2, null], ["2101198", "其他医疗(补助)支出", 2, 2, null]]).sheets,
        ...table("一般公共预算支出表", [[null, "合计", 2, 2, null], ["210", "卫生健康支出", 2, 2, null], ["21011", "行政事业单位医疗", 2, 2, null], ["2101198", "其他医疗（补助）", 2, 2, null]]).sheets,
      ],
    };
    expect(names(wb).filter((x) => x.message.includes("名称不一"))).toEqual([]);
  });
});

describe("a code read short is not a wrong name", () => {
  it("split 类/款/项 read as the 类 alone: one warning for the table, no error", () => {
    // what a recognizer that misses the 款 and 项 columns hands the rule: every row carries 201
    const wb = table("一般公共预算支出表", [
      [null, "合计", 9, 9, null],
      ["201", "一般公共服务支出", 9, 9, null],
      ["201", "商贸事务", 9, 9, null],
      ["201", "行政运行", 5, 5, null],
      ["201", "其他商贸事务支出", 4, 4, null],
    ]);
    const f = names(wb).filter((x) => x.severity !== "info");
    expect(f.filter((x) => x.severity === "error")).toEqual([]);
    expect(f).toHaveLength(1);
    expect(f[0].message).toMatch(/3 行的名称是其编码下级科目的名称.*20113/);
  });
});

describe("the seeds", () => {
  const seed = (n: string) => readXlsxFile(path.join(__dirname, "..", "fixtures", "seeds", `${n}.xlsx`));
  it("the only name error is 达州's 职工基本医疗保险, and it rests on a verified entry", async () => {
    const errors: string[] = [];
    for (const n of ["haikou-2024", "xinzhou-2023", "wuhan-2024", "zengdu-2024", "dazhou-2024"]) {
      const wb = await seed(n);
      for (const f of runChecks(wb).findings) if (f.ruleId === "names" && f.severity === "error") errors.push(`${n} ${f.message}`);
    }
    expect(errors).toHaveLength(1);
    // 达州 prints 21.43 万元 for 2101102 事业单位医疗 in its tables; 2101102 事业单位医疗 is printed by four 2024 documents
    expect(errors[0]).toMatch(/^dazhou-2024 .*职工基本医疗保险.*2101102 事业单位医疗/);
    expect(builtinCatalog().lookup("2101102", { year: 2024 })!.sources!.length).toBeGreaterThanOrEqual(3);
  });
});

describe("the 20802 block (issue #11)", () => {
  const cat = builtinCatalog();
  it.each([2023, 2024, 2025, 2026])("%i: 2080206 社会组织管理, 2080207 行政区划和地名管理, 2080208 基层政权建设和社区治理", (year) => {
    expect(cat.lookup("2080206", { year })!.name).toBe("社会组织管理");
    expect(cat.lookup("2080207", { year })!.name).toBe("行政区划和地名管理");
    expect(cat.lookup("2080208", { year })!.name).toBe("基层政权建设和社区治理");
    expect(cat.lookup("2080204", { year })).toBeNull();
    expect(cat.lookup("2080206", { year })!.verified).toBe(false);
  });
  it("a 2023 document printing 2080206 社会组织管理 gets no finding; the older names are outdated", () => {
    expect(cat.judgeName("2080206", "社会组织管理", { year: 2023 }).verdict).toBe("ok");
    expect(cat.judgeName("2080206", "民间组织管理", { year: 2023 }).verdict).toBe("outdated");
    expect(cat.judgeName("2080208", "基层政权和社区建设", { year: 2023 }).verdict).toBe("outdated");
  });
});
