import { applyToModel, conflicts, inverseOf } from "../../src/core/changes";
import { builtinCatalog } from "../../src/core/catalog/builtin";
import { planFill } from "../../src/core/fill/plan";
import { scanCodeBlocks } from "../../src/core/fill/scan";
import { getCell, sheetFromRows, type Workbook } from "../../src/core/model";

const catalog = builtinCatalog();

describe("scanCodeBlocks", () => {
  it("finds joined codes as text or numbers, and the name column next to them", () => {
    const s = sheetFromRows("支出总表", [
      ["科目编码", "科目名称", "合计"],
      [208, "", 10],
      ["20801", "", 10],
      ["2080150", "事业运行", 10],
    ]);
    const [b] = scanCodeBlocks(s);
    expect(b.codeCols).toEqual([0]);
    expect(b.nameCol).toBe(1);
    expect(b.amountCols).toEqual([2]);
    expect(b.rows.map((r) => r.code)).toEqual(["208", "20801", "2080150"]);
  });

  it("joins codes split over 类/款/项 columns and skips a unit-code column (达州's layout)", () => {
    const s = sheetFromRows("部门支出总表", [
      ["类", "款", "项", "单位代码", "单位名称（科目）", "合计"],
      ["208", "01", "50", "302002", "事业运行", 491.32],
      ["208", "05", "05", "302002", "机关事业单位基本养老保险缴费支出", 69.3],
      ["210", 11, 2, "302002", "职工基本医疗保险", 21.43],
    ]);
    const [b] = scanCodeBlocks(s);
    expect(b.codeCols).toEqual([0, 1, 2]);
    expect(b.nameCol).toBe(4);
    expect(b.rows.map((r) => r.code)).toEqual(["2080150", "2080505", "2101102"]);
  });
});

describe("planFill", () => {
  it("fills empty names, flags wrong and truncated ones, and changes nothing non-empty without confirmation", () => {
    const s = sheetFromRows("支出总表", [
      ["科目编码", "科目名称", "合计"],
      ["20801", "人力资源和社会保障管理事", 955.32],
      ["2080150", "", 571.56],
      ["2101102", "职工基本医疗保险", 43.85],
    ]);
    const wb: Workbook = { sheets: [s] };
    const plan = planFill(s, catalog, { year: 2024 });
    expect(plan.counts.fill).toBe(1);
    expect(plan.items.find((i) => i.code === "2080150")).toMatchObject({ action: "fill", cell: "B3", new: "事业运行" });
    const trunc = plan.items.find((i) => i.code === "20801")!;
    expect(trunc).toMatchObject({ action: "flag", verdict: "truncated", new: "人力资源和社会保障管理事务" });
    expect(plan.items.find((i) => i.code === "2101102")).toMatchObject({ action: "flag", new: "事业单位医疗" });
    expect(conflicts(wb, plan.changes)).toEqual([]); // only empty cells are written
  });

  it("corrects names after confirmation, and undo restores exactly what was there", () => {
    const s = sheetFromRows("支出总表", [
      ["科目编码", "科目名称", "合计"],
      ["20801", "人力资源和社会保障管理事", 955.32],
      ["2080150", "", 571.56],
    ]);
    s.rows[1][1]!.style = { fill: "#FFFF00" };
    const wb: Workbook = { sheets: [s] };
    const before = JSON.stringify(wb);
    const plan = planFill(s, catalog, { year: 2024, fixNames: true, indent: true });
    expect(conflicts(wb, plan.changes).map((c) => c.cell)).toEqual(["B2"]);
    const undo = inverseOf(wb, plan.changes);
    applyToModel(wb, plan.changes);
    expect(getCell(s, 1, 1)).toMatchObject({ value: "人力资源和社会保障管理事务", style: { fill: "#FFFF00", indent: 1 } });
    expect(getCell(s, 2, 1)!.value).toBe("事业运行");
    applyToModel(wb, undo);
    expect(JSON.stringify(wb)).toBe(before);
  });

  it("fills a 1,000-row pasted table in one pass", () => {
    const codes = catalog.entries("function", 2024).filter((e) => e.level === 3).slice(0, 1000);
    expect(codes.length).toBe(1000);
    const s = sheetFromRows("导出", [["编码", "名称", "金额"], ...codes.map((e, i) => [e.code, "", i + 0.5])]);
    const plan = planFill(s, catalog, { year: 2024 });
    expect(plan.counts.fill).toBe(1000);
    expect(plan.changes.edits).toHaveLength(1000);
    const wb = { sheets: [s] };
    applyToModel(wb, plan.changes);
    codes.forEach((e, i) => expect(getCell(s, i + 1, 1)!.value).toBe(e.name));
  });

  it("inserts missing 类 and 款 rows above their children with SUM formulas", () => {
    const s = sheetFromRows("支出总表", [
      ["科目编码", "科目名称", "合计", "基本支出"],
      ["2080150", "事业运行", 571.56, 571.56],
      ["2080199", "", 383.76, 0],
      ["2080505", "", 54, 54],
      ["2101102", "", 43.85, 43.85],
    ]);
    const wb = { sheets: [s] };
    const plan = planFill(s, catalog, { year: 2024, addParents: true });
    expect(plan.counts["add-parent"]).toBe(5); // 208, 20801, 20805, 210, 21011
    applyToModel(wb, plan.changes);
    const col = (c: number) => Array.from({ length: 10 }, (_, r) => getCell(s, r + 1, c)?.value ?? getCell(s, r + 1, c)?.formula ?? null);
    expect(col(0)).toEqual(["208", "20801", "2080150", "2080199", "20805", "2080505", "210", "21011", "2101102", null]);
    expect(getCell(s, 1, 1)!.value).toBe("社会保障和就业支出");
    expect(getCell(s, 1, 2)!.formula).toBe("=SUM(C3,C6)"); // 208 = 20801 + 20805
    expect(getCell(s, 2, 2)!.formula).toBe("=SUM(C4,C5)"); // 20801 = its 项
    expect(getCell(s, 7, 3)!.formula).toBe("=SUM(D9)");
  });
});

describe("missing 类 and 款 rows with two tables on one sheet", () => {
  // A 一般公共预算 table and a 政府性基金 table stacked on one sheet, 项 rows only, names empty: the
  // rows inserted for the upper table push the lower one down, and the lower table's own
  // parents, names and SUM formulas must follow it (they were written into the upper table's
  // rows and the lower title's row before).
  const stacked = () =>
    sheetFromRows("支出表", [
      ["一般公共预算支出表"],
      ["科目编码", "科目名称", "合计"],
      ["2080150", "", 571.56],
      ["2080505", "", 54],
      [],
      ["政府性基金预算支出表"],
      ["科目编码", "科目名称", "合计"],
      ["2121001", "", 10],
      ["2296002", "", 5],
    ]);
  const text = (s: ReturnType<typeof stacked>) => Array.from(s.rows, (r) => Array.from(r ?? [], (c) => c).map((c) => c?.formula ?? c?.value ?? "").join("|"));

  it("inserts each table's parents above their children and fills the names where they belong", () => {
    const s = stacked();
    const wb: Workbook = { sheets: [s] };
    const before = JSON.stringify(wb);
    const plan = planFill(s, catalog, { year: 2024, addParents: true });
    expect(plan.counts["add-parent"]).toBe(7); // 208 20801 20805 | 212 21210 229 22960
    expect(plan.counts.fill).toBe(4);
    const undo = inverseOf(wb, plan.changes);
    applyToModel(wb, plan.changes);
    expect(text(s)).toEqual([
      "一般公共预算支出表",
      "科目编码|科目名称|合计",
      "208|社会保障和就业支出|=SUM(C4,C6)",
      "20801|人力资源和社会保障管理事务|=SUM(C5)",
      "2080150|事业运行|571.56",
      "20805|行政事业单位养老支出|=SUM(C7)",
      "2080505|机关事业单位基本养老保险缴费支出|54",
      "",
      "政府性基金预算支出表",
      "科目编码|科目名称|合计",
      "212|城乡社区支出|=SUM(C12)",
      "21210|国有土地收益基金安排的支出|=SUM(C13)",
      "2121001|征地和拆迁补偿支出|10",
      "229|其他支出|=SUM(C15)",
      "22960|彩票公益金安排的支出|=SUM(C16)",
      "2296002|用于社会福利的彩票公益金支出|5",
    ]);
    // each finding names the row the parent ends up on
    expect(plan.items.filter((i) => i.action === "add-parent").map((i) => i.cell)).toEqual(["B3", "B4", "B6", "B11", "B12", "B14", "B15"]);
    applyToModel(wb, undo);
    expect(JSON.stringify(wb)).toBe(before);
  });

  it("moves the lower table's names when only the upper table gets new rows", () => {
    const s = stacked();
    // the lower table is complete (its 类 and 款 rows are there), only its names are empty
    s.rows.splice(7, 2);
    s.rows.push(...sheetFromRows("x", [["212", "", 10], ["21210", "", 10], ["2121001", "", 10]]).rows);
    const wb: Workbook = { sheets: [s] };
    const plan = planFill(s, catalog, { year: 2024, addParents: true });
    applyToModel(wb, plan.changes);
    expect(text(s).slice(8)).toEqual(["政府性基金预算支出表", "科目编码|科目名称|合计", "212|城乡社区支出|10", "21210|国有土地收益基金安排的支出|10", "2121001|征地和拆迁补偿支出|10"]);
  });
});

describe("name filling on the seed workbooks and in LibreOffice", () => {
  const path = require("path") as typeof import("path");
  const { readXlsxFile } = require("../../src/hosts/xlsx/xlsxHost") as typeof import("../../src/hosts/xlsx/xlsxHost");
  const { recalculate } = require("../helpers/libreoffice") as typeof import("../helpers/libreoffice");
  const seed = (n: string) => readXlsxFile(path.join(__dirname, "..", "fixtures", "seeds", `${n}.xlsx`));

  it("corrects 武汉's truncated names once the user confirms, and only those", async () => {
    const wb = await seed("wuhan-2024");
    const sheet = wb.sheets.find((s) => s.name === "支出总表")!;
    const flagged = planFill(sheet, catalog, { year: 2024 });
    expect(flagged.items.filter((i) => i.verdict === "truncated").map((i) => `${i.cell} ${i.code}`)).toEqual(["B6 20801", "B8 2080199", "B11 2080505", "B17 2101199"]);
    expect(flagged.changes.edits).toEqual([]);
    const fixed = planFill(sheet, catalog, { year: 2024, fixNames: true });
    applyToModel(wb, fixed.changes);
    expect(getCell(sheet, 5, 1)!.value).toBe("人力资源和社会保障管理事务");
    expect(getCell(sheet, 10, 1)!.value).toBe("机关事业单位基本养老保险缴费支出");
    // 2080199's full name is printed by no 2024 document (武汉 cuts it, the 2023 忻州 edition is another year):
    // it is flagged for review, and the cell keeps what the user typed.
    expect(fixed.changes.edits).toHaveLength(3);
    expect(fixed.items.find((i) => i.code === "2080199")).toMatchObject({ action: "flag", verified: false, reason: expect.stringContaining("未经公开文件核实") });
    expect(getCell(sheet, 7, 1)!.value).toBe("其他人力资源和社会保障");
  });

  it("fills names next to 达州's split 类/款/项 codes, past the 单位代码 column", async () => {
    const wb = await seed("dazhou-2024");
    const sheet = wb.sheets.find((s) => s.name === "部门支出总表")!;
    const rows = scanCodeBlocks(sheet)[0].rows;
    expect(rows.map((r) => r.code)).toEqual(["2080150", "2080505", "2101102", "2210201"]);
    for (const r of rows) sheet.rows[r.r][4] = undefined; // the user pasted codes without names
    const plan = planFill(sheet, catalog, { year: 2024 });
    applyToModel(wb, plan.changes);
    expect(rows.map((r) => getCell(sheet, r.r, 4)!.value)).toEqual(["事业运行", "机关事业单位基本养老保险缴费支出", "事业单位医疗", "住房公积金"]);
  });

  it("adds 类 and 款 rows to a table of only 项 rows, and LibreOffice recalculates the right subtotals", async () => {
    const s = sheetFromRows("一般公共预算支出表", [
      ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
      ["2080150", "事业运行", 571.56, 571.56, 0],
      ["2080199", "其他人力资源和社会保障管理事务支出", 383.76, 0, 383.76],
      ["2080502", "事业单位离退休", 10.81, 10.81, 0],
      ["2080505", "机关事业单位基本养老保险缴费支出", 54, 54, 0],
      ["2089999", "其他社会保障和就业支出", 3.87, 3.87, 0],
      ["2101102", "事业单位医疗", 43.85, 43.85, 0],
      ["2101199", "其他行政事业单位医疗支出", 43.34, 43.34, 0],
      ["2210201", "住房公积金", 60.55, 60.55, 0],
    ]);
    const wb = { sheets: [s] };
    const plan = planFill(s, catalog, { year: 2024, addParents: true });
    applyToModel(wb, plan.changes);
    const back = await recalculate(wb);
    const out = back.sheets[0];
    const byCode = new Map<string, number[]>();
    for (let r = 1; r < 30; r++) {
      const code = getCell(out, r, 0)?.value;
      if (typeof code === "string") byCode.set(code, [2, 3, 4].map((c) => getCell(out, r, c)?.value as number));
    }
    const close = (a: number[], b: number[]) => a.forEach((x, i) => expect(x).toBeCloseTo(b[i], 6));
    // 武汉's published subtotals
    close(byCode.get("208")!, [1024.0, 640.24, 383.76]);
    close(byCode.get("20801")!, [955.32, 571.56, 383.76]);
    close(byCode.get("20805")!, [64.81, 64.81, 0]);
    close(byCode.get("20899")!, [3.87, 3.87, 0]);
    close(byCode.get("210")!, [87.19, 87.19, 0]);
    close(byCode.get("221")!, [60.55, 60.55, 0]);
    expect(getCell(out, 1, 1)!.value).toBe("社会保障和就业支出");
  });
});

describe("planFill with a selection", () => {
  const s = () =>
    sheetFromRows("支出总表", [
      ["科目编码", "科目名称", "合计"],
      ["208", "", 10],
      ["20801", "", 10],
      ["2080150", "", 10],
      ["2080199", "", 10],
    ]);
  it("fills only the selected rows, even when the selection is one cell of the name column", () => {
    const sheet = s();
    const plan = planFill(sheet, catalog, { year: 2024, range: { r1: 3, c1: 1, r2: 3, c2: 1 } });
    expect(plan.items.map((i) => `${i.cell} ${i.new}`)).toEqual(["B4 事业运行"]);
  });
  it("fills a selected row range that holds only codes", () => {
    const sheet = s();
    const plan = planFill(sheet, catalog, { year: 2024, range: { r1: 1, c1: 0, r2: 2, c2: 0 } });
    expect(plan.items.map((i) => i.cell)).toEqual(["B2", "B3"]);
  });
});

describe("protected sheets", () => {
  const { MemoryHost } = require("../../src/hosts/memory/memoryHost") as typeof import("../../src/hosts/memory/memoryHost");
  const { readXlsxBuffer, writeXlsxBuffer } = require("../../src/hosts/xlsx/xlsxHost") as typeof import("../../src/hosts/xlsx/xlsxHost");

  it("keeps the protection through .xlsx, plans no write there, and a host refuses writes with a Chinese message", async () => {
    const s = sheetFromRows("支出总表", [["科目编码", "科目名称"], ["2080150", ""], ["2080199", ""]]);
    s.protected = true;
    const wb = await readXlsxBuffer(await writeXlsxBuffer({ sheets: [s] }));
    expect(wb.sheets[0].protected).toBe(true);
    const plan = planFill(wb.sheets[0], catalog, { year: 2024 });
    expect(plan.changes.edits).toEqual([]);
    expect(plan.protectedSheets).toEqual(["支出总表"]);
    expect(plan.items.map((i) => i.new)).toEqual(["事业运行", "其他人力资源和社会保障管理事务支出"]);
    const host = new MemoryHost(wb);
    const before = JSON.stringify(wb);
    await expect(host.applyChanges({ newSheets: [], removeSheets: [], edits: [{ sheet: "支出总表", r: 1, c: 1, cell: { value: "x" } }] })).rejects.toThrow(/受保护.*未做任何修改/);
    expect(JSON.stringify(wb)).toBe(before);
  });
});

describe("parent rows keep the code format of their children", () => {
  it("writes text-formatted codes when the children's codes are text", () => {
    const s = sheetFromRows("表", [["科目编码", "科目名称", "合计"], ["2080150", "事业运行", 1], ["2080199", "", 2]]);
    const plan = planFill(s, catalog, { year: 2024, addParents: true });
    const codeEdits = plan.changes.edits.filter((e) => e.c === 0);
    expect(codeEdits.map((e) => [e.cell!.value, e.cell!.numFmt])).toEqual([["208", "@"], ["20801", "@"]]);
  });
});
