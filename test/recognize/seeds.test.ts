import path from "path";
import { recognizeWorkbook } from "../../src/core/recognize";
import type { RecognizedTable, WorkbookFacts } from "../../src/core/recognize/types";
import { readXlsxFile } from "../../src/hosts/xlsx/xlsxHost";
import { toA1 } from "../../src/core/a1";

const SEEDS = path.join(__dirname, "..", "fixtures", "seeds");
const load = async (name: string) => recognizeWorkbook(await readXlsxFile(path.join(SEEDS, `${name}.xlsx`)));

function table(f: WorkbookFacts, sheet: string): RecognizedTable {
  const t = f.tables.find((x) => x.sheet === sheet);
  if (!t) throw new Error(`no table on ${sheet}: ${f.tables.map((x) => x.sheet).join(",")}`);
  return t;
}
const colMap = (t: RecognizedTable) => Object.fromEntries(t.columns.map((c) => [toA1(0, c.c).replace(/\d+$/, ""), c.key]));
const row = (t: RecognizedTable, r1: number, side?: string) => t.rows.find((x) => x.r === r1 - 1 && (!side || x.side === side))!;

describe("recognition of the seed workbooks", () => {
  test("武汉: tables, text amounts, unit line, empty tables with notes", async () => {
    const f = await load("wuhan-2024");
    expect(f.year).toBe(2024);
    expect(f.unitName).toBe("武汉市人力资源和社会保障信息中心");
    expect(f.amountUnit).toBe("万元");
    expect(f.tables.map((t) => t.spec.id)).toEqual(["T1", "T3", "T4", "T5", "T5", "T6", "T7", "T8", "T9", "T10", "T12", "T11"]);
    const t1 = table(f, "收支总表");
    expect(colMap(t1)).toEqual({ A: "income.label", B: "income.amount", C: "expense.label", D: "expense.amount" });
    const gpb = row(t1, 5, "income");
    expect(gpb.fixed?.key).toBe("in.gpb");
    expect(gpb.amounts["income.amount"]).toMatchObject({ value: 1209.02, decimals: 2, fromText: true });
    expect(row(t1, 10, "expense").classCode).toBe("208");
    expect(row(t1, 25, "expense").classCode).toBe("229"); // 廿一、其他支出
    expect(row(t1, 31, "income").fixed?.key).toBe("in.grand"); // 收 入 总 计
    const t3 = table(f, "支出总表");
    expect(colMap(t3)).toMatchObject({ A: "code", B: "name", C: "total", D: "basic", E: "project", F: "operating" });
    expect(row(t3, 4).kind).toBe("total");
    expect(row(t3, 5)).toMatchObject({ code: "208", level: 1, domain: "function" });
    expect(row(t3, 5).amounts.total).toMatchObject({ value: 1024, fromText: true, decimals: 2 });
    expect(row(t3, 7)).toMatchObject({ code: "2080150", level: 3 });
    const t5 = table(f, "一般公共预算支出表(分功能科目)");
    expect(colMap(t5)).toMatchObject({ C: "total", D: "basic", E: "basic.personnel", F: "basic.public", G: "project" });
    const t4 = table(f, "财政拨款收支总表");
    expect(row(t4, 10, "income")).toMatchObject({ section: "carry" });
    expect(row(t4, 10, "income").fixed?.key).toBe("in.carry.gpb");
    expect(row(t4, 22, "expense").classCode).toBe("221"); // "(十七) 住房保障支出"
    const t8 = table(f, "政府性基金预算支出表");
    expect(t8.empty).toBe(true);
    expect(t8.note?.text).toMatch(/没有使用政府性基金预算拨款/);
    const t10 = table(f, "项目支出表");
    expect(row(t10, 5).kind).toBe("total"); // unlabelled first row
    expect(f.paragraphs.some((p) => p.sheet === "情况说明" && /基本支出 825.26 万元/.test(p.text))).toBe(true);
    expect(f.paragraphs.some((p) => p.sheet !== "情况说明")).toBe(false);
  });

  test("达州: split 类/款/项 codes with a 单位代码 column; codes found in the unit-code column", async () => {
    const f = await load("dazhou-2024");
    expect(f.unitName).toBe("达州市人力资源和社会保障信息管理中心");
    const t3 = table(f, "部门支出总表");
    expect(colMap(t3)).toMatchObject({ A: "code.lei", B: "code.kuan", C: "code.xiang", D: "unitCode", E: "name", F: "total", G: "basic" });
    expect(row(t3, 8)).toMatchObject({ code: "2080150", level: 3, codeSource: "split" });
    expect(row(t3, 9).code).toBe("2080505");
    expect(row(t3, 7).kind).toBe("heading");
    const t6 = table(f, "一般公共预算基本支出预算表");
    expect(t6.spec.id).toBe("T6");
    expect(row(t6, 9)).toMatchObject({ code: "301", level: 1, codeSource: "other-cell" });
    expect(row(t6, 10)).toMatchObject({ code: "30101", level: 2 });
    expect(row(t6, 28)).toMatchObject({ code: "30309", level: 2 });
    const t2 = table(f, "部门收入总表");
    expect(colMap(t2)).toMatchObject({ D: "carry.subtotal", E: "cur.gpb", F: "cur.gfb", H: "cur.business" }); // "一般公 共预算 拨款收 入"
    const t4 = table(f, "财政拨款收支预算总表");
    expect(colMap(t4)).toMatchObject({ D: "expense.amount", E: "expense.gpb" });
    expect(table(f, "政府性基金预算支出预算表")).toMatchObject({ empty: true, note: { text: "备注：此表无数据。" } });
    expect(f.unrecognized?.map((u) => u.sheet)).toEqual(expect.arrayContaining(["财政拨款支出预算表"]));
  });

  test("忻州: year from titles, 基本支出表 rows named without codes", async () => {
    const f = await load("xinzhou-2023");
    expect(f.year).toBe(2023);
    expect(f.unitName).toBe("忻州市社会保障卡服务中心");
    const t6 = table(f, "一般公共预算安排基本支出分经济科目表");
    expect(t6.spec.id).toBe("T6");
    expect(row(t6, 6)).toMatchObject({ code: "301", level: 1, codeSource: "name" });
    expect(row(t6, 14)).toMatchObject({ code: "302", level: 1 });
    expect(row(t6, 15)).toMatchObject({ code: "30201", level: 2 });
    expect(row(t6, 26)).toMatchObject({ code: "31099", level: 2 });
    const t1 = table(f, "预算收支总表");
    expect(t1.year).toBe(2023);
    expect(colMap(t1)).toMatchObject({ B: "income.amount", D: "expense.amount" }); // "2023年" / "2023年合计"
    const t4 = table(f, "财政拨款收支总表");
    expect(row(t4, 36, "income").fixed?.key).toBe("in.current"); // 本年收入合计
    expect(row(t4, 38, "income").fixed?.key).toBe("in.carry.gpb");
    expect(table(f, "政府性基金预算支出表")).toMatchObject({ empty: true, note: { text: "注：本表无数据" } });
    expect(f.tables.filter((t) => t.spec.id === "T10")).toHaveLength(2);
  });

  test("曾都: headers with spaces, unit codes under a department, 部门/单位 line without a name", async () => {
    const f = await load("zengdu-2024");
    expect(f.year).toBe(2024); // from the text: "2024 年部门预算"
    const t1 = table(f, "收支总表");
    expect(row(t1, 31, "expense").fixed?.key).toBe("out.grand");
    const t2 = table(f, "收入总表");
    expect(colMap(t2)).toMatchObject({ C: "total", D: "cur.subtotal", N: "carry.subtotal", O: "carry.gpb" });
    expect(t2.issues.some((i) => i.kind === "unmapped-column" && i.c === 19)).toBe(true);
    expect(row(t2, 6)).toMatchObject({ code: "030", domain: "unit" });
    const t6 = table(f, "一般公共预算基本支出表");
    expect(colMap(t6)).toMatchObject({ A: "code", B: "name" }); // "部门预算支出经济分类科目 科目名称"
    expect(table(f, "政府性基金预算支出表").empty).toBe(true);
  });

  test("海口: only 情况说明 text", async () => {
    const f = await load("haikou-2024");
    expect(f.tables).toHaveLength(0);
    expect(f.year).toBe(2024);
    expect(f.paragraphs.length).toBeGreaterThan(20);
  });
});
