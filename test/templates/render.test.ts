import { parseRangeA1 } from "../../src/core/a1";
import { cells, getCell, mergeAt, type Sheet } from "../../src/core/model";
import { STANDARD_TABLES, YEARS } from "../../src/core/specs/tables";
import { expenseClassLines, renderTemplateSet, renderTemplates } from "../../src/core/templates";
import { readXlsxBuffer, writeXlsxBuffer } from "../../src/hosts/xlsx/xlsxHost";
import { errorCells, recalculate as recalcWithLibreOffice } from "../helpers/libreoffice";

const formulasOf = (s: Sheet) => [...cells(s)].filter((x) => x.cell.formula).map((x) => x.cell.formula!);

describe("renderTemplates", () => {
  it.each(YEARS.flatMap((y) => [[y, true] as const, [y, false] as const]))("renders all 14 tables for %i (formulas %s)", (year, formulas) => {
    const set = renderTemplateSet({ year, unitName: "某某单位", formulas });
    expect(set.sheets.map((s) => s.name)).toEqual(STANDARD_TABLES.map((t) => t.title));
    expect(set.notes).toEqual([]);
    for (const s of set.sheets) {
      const L = Object.values(set.layouts).find((l) => l.sheet === s.name)!;
      expect(s.name.length).toBeLessThanOrEqual(31);
      expect(getCell(s, 0, 0)!.value).toBe(`某某单位${year}年${s.name}`);
      expect(getCell(s, 0, 0)!.style).toMatchObject({ bold: true, fontSize: 16, horizontal: "center" });
      expect(mergeAt(s, 0, L.width - 1)).toEqual({ r1: 0, c1: 0, r2: 0, c2: L.width - 1 });
      expect(getCell(s, 1, 0)!.value).toBe("部门：某某单位");
      expect(getCell(s, 1, L.width - 1)!.value).toBe("单位：万元");
      expect(s.frozenRows).toBe(L.headerRows.last + 1);
      expect(s.print!.fitToWidth).toBe(true);
      expect(s.print!.repeatRows).toEqual(L.headerRows);
      expect(s.colWidths).toHaveLength(L.width);
      for (let r = L.headerRows.first; r <= L.headerRows.last; r++)
        for (let c = 0; c < L.width; c++) expect(getCell(s, r, c)?.style).toMatchObject({ bold: true, border: true, wrap: true });
      // note row exists (empty by default) right under the table
      expect(getCell(s, L.noteRow, 0)).toBeDefined();
      expect(getCell(s, L.noteRow, 0)!.value).toBeNull();
      if (!formulas) expect(formulasOf(s)).toEqual([]);
    }
    if (formulas) expect(set.formulaCount).toBeGreaterThan(200);
    else expect(set.formulaCount).toBe(0);
  });

  it("lists the year's 类 lines from the catalog: 234 抗疫特别国债 in 2023/2024 only; 209/227/230 only with allClasses", () => {
    const lines = (year: number, all = false) => expenseClassLines(year, all).map((c) => c.code);
    expect(lines(2023)).toContain("234");
    expect(lines(2024)).toContain("234");
    expect(lines(2025)).not.toContain("234");
    expect(lines(2026)).not.toContain("234");
    expect(lines(2024)).not.toContain("227");
    expect(lines(2024, true)).toEqual(expect.arrayContaining(["209", "227", "230"]));
    const set = renderTemplateSet({ year: 2025, unitName: "某某单位", tables: ["T1", "T4"] });
    const t1 = set.sheets[0];
    const L = set.layouts.T1;
    const labels = lines(2025).map((code) => getCell(t1, L.rows[`class.${code}`], L.columns["expense.label"])!.value);
    expect(labels[0]).toBe("一、一般公共服务支出");
    expect(labels[labels.length - 1]).toBe("二十六、债务发行费用支出");
    const t4 = set.sheets[1];
    expect(getCell(t4, set.layouts.T4.rows["class.201"], set.layouts.T4.columns["expense.label"])!.value).toBe("（一）一般公共服务支出");
    expect(getCell(t4, set.layouts.T4.rows["out.current"], set.layouts.T4.columns["expense.label"])!.value).toBe("一、本年支出");
    expect(getCell(t4, set.layouts.T4.rows["out.carry"], set.layouts.T4.columns["expense.label"])!.value).toBe("二、年终结转结余");
  });

  it("uses the nearest spec year outside 2023–2026 and says so", () => {
    const set = renderTemplateSet({ year: 2027, unitName: "某某单位", tables: ["T1"] });
    expect(set.specYear).toBe(2026);
    expect(set.notes[0]).toContain("按 2026 年生成");
    expect(getCell(set.sheets[0], 0, 0)!.value).toBe("某某单位2027年部门收支总表");
  });

  it("follows scope and amount unit options", () => {
    const [t1, t12] = renderTemplates({ year: 2024, unitName: "某某中心", scope: "单位", amountUnit: "元", tables: ["T1", "T12"] });
    expect(t1.name).toBe("单位收支总表");
    expect(t12.name).toBe("单位整体支出绩效目标表");
    expect(getCell(t1, 1, 0)!.value).toBe("单位名称：某某中心");
    expect(getCell(t1, 1, 3)!.value).toBe("单位：元");
  });

  it("builds multi-row headers from the group paths with merges", () => {
    const set = renderTemplateSet({ year: 2024, unitName: "某某单位", tables: ["T5", "T2"] });
    const t5 = set.sheets.find((s) => s.name === "一般公共预算支出表")!;
    const L = set.layouts.T5;
    const h = L.headerRows.first;
    expect(L.headerRows.last).toBe(h + 1);
    expect(getCell(t5, h, L.columns.basic)!.value).toBe("基本支出");
    expect(mergeAt(t5, h, L.columns.basic)).toEqual({ r1: h, c1: L.columns.basic, r2: h, c2: L.columns["basic.public"] });
    expect(getCell(t5, h + 1, L.columns["basic.personnel"])!.value).toBe("人员经费");
    expect(mergeAt(t5, h, L.columns.total)).toEqual({ r1: h, c1: L.columns.total, r2: h + 1, c2: L.columns.total }); // vertical
    expect(mergeAt(t5, h, L.columns.code)).toEqual({ r1: h, c1: 0, r2: h + 1, c2: 0 });
    const t2 = set.sheets.find((s) => s.name === "部门收入总表")!;
    const L2 = set.layouts.T2;
    expect(mergeAt(t2, L2.headerRows.first, L2.columns["cur.gpb"])).toEqual({ r1: 2, c1: L2.columns["cur.subtotal"], r2: 2, c2: L2.columns["cur.other"] });
  });

  it("writes the relations as formulas that reference exactly the rows and columns they should", () => {
    const set = renderTemplateSet({ year: 2024, unitName: "某某单位" });
    const sheet = (id: string) => set.sheets.find((s) => s.name === set.layouts[id].sheet)!;
    const f = (id: string, r: number, key: string) => getCell(sheet(id), r, set.layouts[id].columns[key])?.formula;
    const L3 = set.layouts.T3;
    // 合计 row of a code table: Σ rows whose code has 3 digits, from the first code row down to the note row
    expect(f("T3", L3.totalRow!, "total")).toBe(`=SUMPRODUCT(--(LEN(TRIM($A$${L3.body.first + 1}:$A$${L3.noteRow + 1}))=3),C${L3.body.first + 1}:C${L3.noteRow + 1})`);
    const L5 = set.layouts.T5;
    const r = L5.body.first + 3;
    expect(f("T5", r, "total")).toBe(`=D${r + 1}+G${r + 1}`);
    expect(f("T5", r, "basic")).toBe(`=E${r + 1}+F${r + 1}`);
    expect(f("T5", r, "basic.personnel")).toBeUndefined();
    const L7 = set.layouts.T7;
    expect(f("T7", L7.body.first, "total")).toBe("=B5+C5+F5");
    expect(f("T7", L7.body.first, "car")).toBe("=D5+E5");
    // T1 class lines ← T3 by 类 over T3's body; 本年支出合计 = Σ class lines; balance rows
    const L1 = set.layouts.T1;
    const t3range = (c: string) => `'部门支出总表'!$${c}$${L3.body.first + 1}:$${c}$${L3.noteRow + 1}`;
    expect(f("T1", L1.rows["class.221"], "expense.amount")).toBe(`=SUMIF(${t3range("A")},"221",${t3range("C")})`);
    const classRows = expenseClassLines(2024).map((c) => L1.rows[`class.${c.code}`]);
    expect(f("T1", L1.rows["out.currentTotal"], "expense.amount")).toBe(`=SUM(D${Math.min(...classRows) + 1}:D${L1.rows["out.currentTotal"]})`);
    expect(f("T1", L1.rows["in.grand"], "income.amount")).toBe(`=B${L1.rows["in.currentTotal"] + 1}+B${L1.rows["in.carry"] + 1}+B${L1.rows["in.fund"] + 1}`);
    expect(f("T1", L1.rows["out.grand"], "expense.amount")).toBe(`=D${L1.rows["out.currentTotal"] + 1}+D${L1.rows["out.carry"] + 1}`);
    expect(L1.rows["in.grand"]).toBe(L1.rows["out.grand"]);
    const L2 = set.layouts.T2;
    expect(f("T1", L1.rows["in.gpb"], "income.amount")).toBe(`='部门收入总表'!$E$${L2.totalRow! + 1}`);
    // T4: 类 lines ← T5 + T8 + T9; 一般公共预算拨款 ← T5 合计
    const L4 = set.layouts.T4;
    const t4 = f("T4", L4.rows["class.208"], "expense.amount")!;
    expect(t4.match(/SUMIF\('([^']+)'/g)!.map((m) => m.slice(7, -1))).toEqual(["一般公共预算支出表", "政府性基金预算支出表", "国有资本经营预算支出表"]);
    expect(f("T4", L4.rows["in.cur.gpb"], "income.amount")).toBe(`='一般公共预算支出表'!$C$${L5.totalRow! + 1}`);
    // a range in the formulas never points outside the sheet it names
    for (const s of set.sheets)
      for (const formula of formulasOf(s))
        for (const m of formula.matchAll(/'([^']+)'!(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)/g)) {
          const target = Object.values(set.layouts).find((l) => l.sheet === m[1])!;
          expect(target).toBeDefined();
          expect(parseRangeA1(m[2]).c2).toBeLessThan(target.width);
        }
  });

  it("links only to tables that are in the set", () => {
    const set = renderTemplateSet({ year: 2024, unitName: "某某单位", tables: ["T1"] });
    expect(formulasOf(set.sheets[0]).some((f) => f.includes("!"))).toBe(false);
    expect(formulasOf(set.sheets[0]).length).toBe(4); // 本年收入合计, 收入总计, 本年支出合计, 支出总计
  });

  it("writes the note text only for tables the user opts in", () => {
    const set = renderTemplateSet({ year: 2024, unitName: "某某单位", tables: ["T8", "T9"], emptyNoteTables: ["T8"] });
    expect(getCell(set.sheets[0], set.layouts.T8.noteRow, 0)!.value).toBe("注：本表无数据");
    expect(getCell(set.sheets[1], set.layouts.T9.noteRow, 0)!.value).toBeNull();
  });

  it("keeps the 忻州 layout variants: T1 合计 / 当年预算安排 / 上年结转安排, T5 without 人员/公用", () => {
    const set = renderTemplateSet({ year: 2023, unitName: "某某单位", tables: ["T1", "T5"], t1Expense: "split", t5Basic: "plain" });
    const [t1, t5] = set.sheets;
    const L1 = set.layouts.T1;
    expect(["expense.amount", "expense.current", "expense.carry"].map((k) => getCell(t1, L1.headerRows.last, L1.columns[k])!.value)).toEqual(["合计", "当年预算安排", "上年结转安排"]);
    const L5 = set.layouts.T5;
    expect(L5.columns["basic.personnel"]).toBeUndefined();
    expect(getCell(t5, L5.headerRows.first, L5.columns.basic)!.value).toBe("基本支出");
  });

  it("survives an .xlsx round trip with print setup, merges, formats and formulas", async () => {
    const set = renderTemplateSet({ year: 2024, unitName: "某某单位", tables: ["T2", "T3"] });
    const back = await readXlsxBuffer(await writeXlsxBuffer({ sheets: set.sheets }));
    const t2 = back.sheets[0];
    expect(t2.print).toEqual({ landscape: true, fitToWidth: true, repeatRows: { first: 2, last: 3 } });
    expect(t2.merges).toEqual(expect.arrayContaining(set.sheets[0].merges));
    expect(t2.frozenRows).toBe(4);
    expect(formulasOf(t2)).toEqual(formulasOf(set.sheets[0]));
    expect(getCell(back.sheets[1], set.layouts.T3.body.first, 2)!.numFmt).toBe(getCell(set.sheets[1], set.layouts.T3.body.first, 2)!.numFmt);
  });
});

describe("LibreOffice recalculates the written templates", () => {
  it.each(YEARS)("%i: every formula computes without an error value, and to 0 on the empty template", async (year) => {
    const set = renderTemplateSet({ year, unitName: "某某单位", allClasses: year === 2026 });
    const out = await recalcWithLibreOffice({ sheets: set.sheets });
    expect(errorCells(out)).toEqual([]);
    let n = 0;
    for (const s of out.sheets)
      for (const { cell } of cells(s))
        if (cell.formula) {
          n++;
          expect(cell.value).toBe(0);
        }
    expect(n).toBe(set.formulaCount);
  });

  it("with formulas off the workbook holds no formula and no error", async () => {
    const set = renderTemplateSet({ year: 2024, unitName: "某某单位", formulas: false, t1Expense: "split" });
    const out = await recalcWithLibreOffice({ sheets: set.sheets });
    expect(errorCells(out)).toEqual([]);
    expect(out.sheets.flatMap(formulasOf)).toEqual([]);
  });
});
