/**
 * fill-names --fix-names never damages: on real layouts (a district office's template, the field
 * documents' split 类/款/项 tables with the 类 repeated or not, the seeds) it corrects a name only
 * when the code was read without doubt and the catalog entry is verified for that year.
 */
import * as path from "path";
import { applyToModel } from "../../src/core/changes";
import { builtinCatalog } from "../../src/core/catalog";
import { mergePlans, planFill } from "../../src/core/fill/plan";
import { scanCodeBlocks } from "../../src/core/fill/scan";
import { getCell, sheetFromRows } from "../../src/core/model";
import { readXlsxFile } from "../../src/hosts/xlsx/xlsxHost";
import { districtTemplate, fieldCodeLines, fieldSheet, stackedSheet } from "./layouts";

const catalog = builtinCatalog();

describe("a district office's 2026 template (split codes, merged names, 栏次 row, parent rows with names only)", () => {
  it("reads every split code as one code, the 类 repeated or not, and not the 栏次 row", () => {
    const s = districtTemplate();
    const [b] = scanCodeBlocks(s, undefined, (c) => catalog.namesOf(c).length > 0);
    expect(b.codeCols).toEqual([0, 1, 2]);
    expect(b.nameCol).toBe(3);
    expect(b.rows.map((r) => r.code)).toEqual([
      "204", "20406", "2040601", "2040604", "2040605", "2040607", "2040613", "2040699",
      "208", "20802", "2080206", "2080208", "20805", "2080501", "2080505", "2080506", "2080599",
      "210", "21011", "2101101", "221", "22102", "2210201", "2210203",
    ]);
    expect(b.rows.filter((r) => r.source === "split-inherited").map((r) => r.code)).toEqual(["20802", "2080206", "2080208", "20805", "2080501", "2080505", "2080506", "2080599"]);
  });

  it("--fix-names changes none of its correct names", () => {
    const s = districtTemplate();
    const before = JSON.stringify(s);
    const plan = planFill(s, catalog, { year: 2026, fixNames: true });
    expect(plan.counts.fix).toBe(0);
    expect(plan.changes.edits).toEqual([]);
    expect(JSON.stringify(s)).toBe(before);
  });

  it("corrects a mistyped name on a verified 2026 entry, in the merged name cell, and only that", () => {
    const s = districtTemplate();
    s.rows[11][3] = { value: "公共法律服务费" }; // 2040607, printed 公共法律服务 by 上海市普陀区司法局 2026
    s.rows[16][3] = { value: "社会组织管里" }; // 2080206: the catalog entry is unverified
    const plan = planFill(s, catalog, { year: 2026, fixNames: true });
    expect(plan.items.filter((i) => i.action === "fix").map((i) => `${i.cell} ${i.old} → ${i.new}`)).toEqual(["D12 公共法律服务费 → 公共法律服务"]);
    const flagged = plan.items.find((i) => i.code === "2080206")!;
    expect(flagged).toMatchObject({ action: "flag", cell: "D17", verified: false });
    expect(flagged.message).toContain("未更正");
    applyToModel({ sheets: [s] }, plan.changes);
    expect(getCell(s, 11, 3)!.value).toBe("公共法律服务");
    expect(getCell(s, 16, 3)!.value).toBe("社会组织管里");
  });
});

describe("the field documents' tables as split-code sheets", () => {
  const files = ["2025-putuo-district-office-department.txt", "2025-putuo-district-office-unit.txt", "2025-putuo-commerce-department.txt", "2025-putuo-commerce-unit.txt", "2026-putuo-justice-department.txt", "2026-putuo-justice-unit.txt"];
  const yearOf = (f: string) => Number(f.slice(0, 4));

  it.each(files)("%s: codes read whole in every layout, no correct name changed", (f) => {
    const printed = fieldCodeLines(f);
    expect(printed.length).toBeGreaterThan(20);
    for (const [lei, asNumber] of [["repeat", false], ["own-row", false], ["own-row", true]] as const) {
      const s = fieldSheet(f, lei, asNumber);
      const [b] = scanCodeBlocks(s);
      expect(b.rows.map((r) => r.code)).toEqual(printed.map((l) => l.lei + l.kuan + l.xiang));
      const plan = planFill(s, catalog, { year: yearOf(f), fixNames: true });
      // the only fix allowed: a name cut off in the text (2010399 wraps over two lines of its PDF cell), completed from a verified entry
      for (const it of plan.items.filter((i) => i.action === "fix")) {
        expect(it.new!.replace(/（/g, "(").replace(/）/g, ")").startsWith(it.old.replace(/（/g, "(").replace(/）/g, ")"))).toBe(true);
        expect(it.verified).toBe(true);
      }
    }
  });

  it("completes the one name the 区政府办公室 unit budget wraps over two lines (2010399: the text gives it cut off), from the department budget of the same year", () => {
    const s = fieldSheet("2025-putuo-district-office-unit.txt", "repeat");
    const plan = planFill(s, catalog, { year: 2025, fixNames: true });
    expect(plan.items.filter((i) => i.action === "fix").map((i) => `${i.code} ${i.new}`)).toEqual(["2010399 其他政府办公厅（室）及相关机构事务支出"]);
    expect(catalog.lookup("2010399", { year: 2025 })!.sources).toContain("putuo-office-dept-2025");
  });
});

describe("tables stacked on one sheet", () => {
  it("a 类 | 款 经济分类 table under a 类 | 款 | 项 one keeps its own name column; no amount is overwritten", () => {
    const s = stackedSheet("2026-putuo-justice-department.txt");
    const econ = fieldCodeLines("2026-putuo-justice-department.txt", "3");
    expect(econ.length).toBeGreaterThan(20);
    const blocks = scanCodeBlocks(s);
    expect(blocks.map((b) => [b.codeCols.length, b.nameCol])).toEqual([[3, 3], [2, 2]]);
    expect(blocks[1].rows.map((r) => r.name)).toEqual(econ.map((l) => l.name));
    const plan = planFill(s, catalog, { year: 2026, fixNames: true });
    // 30213 is printed 维修(护)费 (half-width brackets): only a writing variant, left as it is
    expect(plan.changes.edits).toEqual([]);
  });
});

describe("codes that could be something else", () => {
  it("a column of numbers no header names as codes is not trusted: flagged, not filled or fixed", () => {
    const s = sheetFromRows("Sheet1", [
      ["序号", "项目", "金额"],
      [2011301, "行政管理", 5],
      [2011302, "", 6],
    ]);
    const plan = planFill(s, catalog, { year: 2025, fixNames: true });
    expect(plan.changes.edits).toEqual([]);
    expect(plan.items.every((i) => i.action === "flag" && /数字单元格/.test(i.message))).toBe(true);
  });

  it("the same numbers under a 科目编码 header are codes", () => {
    const s = sheetFromRows("Sheet1", [
      ["科目编码", "科目名称", "金额"],
      [2011301, "行政管理", 5],
      [2011302, "", 6],
    ]);
    const plan = planFill(s, catalog, { year: 2025, fixNames: true });
    expect(plan.items.map((i) => `${i.action} ${i.code}`).sort()).toEqual(["fill 2011302", "fix 2011301"]);
  });

  it("a name that belongs to a code under the one read (split cells read short) is flagged, not replaced", () => {
    const s = sheetFromRows("支出表", [
      ["科目编码", "科目名称", "合计"],
      ["201", "一般公共服务支出", 3],
      ["201", "商贸事务", 3],
      ["201", "行政运行", 3],
      ["206", "科学技术支出", 3],
      ["206", "科技条件与服务", 3],
    ]);
    const plan = planFill(s, catalog, { year: 2025, fixNames: true });
    expect(plan.counts.fix).toBe(0);
    expect(plan.changes.edits).toEqual([]);
    expect(plan.items.filter((i) => i.action === "flag").map((i) => `${i.cell} ${i.reason}`)).toEqual([
      expect.stringMatching(/^B3 名称是下级科目 20113 商贸事务/),
      expect.stringMatching(/^B4 名称是下级科目 20\d{5} 行政运行/),
      expect.stringMatching(/^B6 名称是下级科目 20605 科技条件与服务/),
    ]);
  });
});

describe("the seeds", () => {
  it("--fix-names only completes names the published tables cut off, from verified entries", async () => {
    const fixes: string[] = [];
    for (const n of ["haikou-2024", "xinzhou-2023", "wuhan-2024", "zengdu-2024", "dazhou-2024"]) {
      const wb = await readXlsxFile(path.join(__dirname, "..", "fixtures", "seeds", `${n}.xlsx`));
      const plan = mergePlans(wb.sheets.map((s) => planFill(s, catalog, { year: Number(n.slice(-4)), fixNames: true })));
      for (const it of plan.items.filter((i) => i.action === "fix")) {
        expect(it.verified).toBe(true);
        expect(it.new!.startsWith(it.old)).toBe(true);
        fixes.push(`${n} ${it.code}`);
      }
      // 达州's 2101102 职工基本医疗保险 is in its text, not its tables: no table name is "fixed" there
    }
    expect(fixes.length).toBeGreaterThan(0);
    expect(fixes.every((f) => f.startsWith("wuhan-2024"))).toBe(true);
  });
});
