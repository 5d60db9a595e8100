/**
 * The “三公” table with the years as rows (yearRows.ts): 武汉市人力资源和社会保障信息中心 2024 (seed),
 * whose 情况说明 gives this year's and last year's figures — 1.7 万元, 比2023年减少2万元, 下降54.05%;
 * 公务用车 1.5, 比上年减少1.5万元, 下降50%; 公务接待费 0.2, 比上年减少0.5万元, 下降71.43% — laid out
 * with 上年 / 本年 / 增减 / 增减率 down the side in several ways. Read as it stands, the first data row
 * (last year's) was taken for this year's: the check accepted last year's 3.7 in the text and the draft
 * wrote 3.70 as this year's figure.
 */
import { runChecks } from "../../src/core/checks/engine";
import { planDraftInsertion } from "../../src/core/draft/workflow";
import { sheetFromRows, type Workbook } from "../../src/core/model";
import { recognizeWorkbook } from "../../src/core/recognize";
import { yearKey } from "../../src/core/recognize/yearColumns";

type Line = "prior" | "current" | "change" | "pct";
const FIGURES: Record<Line, (number | string)[]> = {
  // 合计, 因公出国（境）费, 公务用车购置及运行费 小计, 购置费, 运行费, 公务接待费
  prior: [3.7, 0, 3, 0, 3, 0.7],
  current: [1.7, 0, 1.5, 0, 1.5, 0.2],
  change: [-2, 0, -1.5, 0, -1.5, -0.5],
  pct: [-54.05, 0, -50, 0, -50, -71.43],
};

const TEXT = [
  "七、一般公共预算“三公”经费支出安排情况",
  "2024年一般公共预算“三公”经费支出1.7万元，比2023年减少2万元，下降54.05%，主要是本着厉行节约的精神，缩减日常运转经费。具体包括：",
  "2.公务用车购置及运行维护费1.5万元(公务用车购置费0万元，公务用车运行维护费1.5万元)，比上年减少1.5万元，下降50%，主要原因是本着厉行节约绿色出行的精神，缩减三公经费。",
  "3.公务接待费0.2万元，比上年减少0.5万元，下降71.43%，主要原因是本着厉行节约的精神，缩减三公经费。",
];

interface Layout {
  title: string;
  labels: Record<Line, string>;
  order: Line[];
  /** Rates as "−54.05%" text, or as numbers formatted 0.00%. */
  pctAs: "text" | "percent-format" | "number";
  offset?: [number, number];
}

const LAYOUTS: [string, Layout][] = [
  ["years named, 增减额 / 增减率", { title: "2024年一般公共预算“三公”经费支出表", labels: { prior: "2023年预算数", current: "2024年预算数", change: "增减额", pct: "增减率" }, order: ["prior", "current", "change", "pct"], pctAs: "text" }],
  ["上年预算数 / 本年预算数 / 增减 / 增减%", { title: "2024年一般公共预算“三公”经费支出表", labels: { prior: "上年预算数", current: "本年预算数", change: "增减", pct: "增减%" }, order: ["prior", "current", "change", "pct"], pctAs: "number" }],
  ["this year first, rates formatted 0.00%", { title: "2024年一般公共预算“三公”经费支出表", labels: { prior: "2023年预算", current: "2024年预算", change: "比上年增减", pct: "增长率" }, order: ["current", "prior", "change", "pct"], pctAs: "percent-format" }],
  ["no year in the title, moved down and right", { title: "一般公共预算“三公”经费支出表", labels: { prior: "2023年预算数", current: "2024年预算数", change: "增减额", pct: "增减率" }, order: ["prior", "current", "change", "pct"], pctAs: "text", offset: [2, 1] }],
];

function build(l: Layout, change: Partial<Record<number, number>> = {}, text = TEXT): Workbook {
  const [dr, dc] = l.offset ?? [0, 0];
  const pad = (row: (string | number | null)[]) => [...Array(dc).fill(null), ...row];
  const rows: (string | number | null)[][] = [
    ...Array(dr).fill([]),
    pad([l.title]),
    pad(["单位：万元"]),
    pad(["项目", "“三公”经费合计", "因公出国（境）费", "公务用车购置及运行费", null, null, "公务接待费"]),
    pad([null, null, null, "小计", "公务用车购置费", "公务用车运行费", null]),
    ...l.order.map((line) => {
      const vals = FIGURES[line].map((v, i) => (line === "change" && change[i] !== undefined ? change[i]! : v));
      if (line !== "pct") return pad([l.labels[line], ...vals]);
      if (l.pctAs === "text") return pad([l.labels[line], ...vals.map((v) => `${Number(v).toFixed(2)}%`)]);
      if (l.pctAs === "percent-format") return pad([l.labels[line], ...vals.map((v) => Number(v) / 100)]);
      return pad([l.labels[line], ...vals]);
    }),
  ];
  const sheet = sheetFromRows("三公经费", rows, "0.00");
  if (l.pctAs === "percent-format") {
    const r = dr + 4 + l.order.indexOf("pct");
    for (const cell of sheet.rows[r]!.slice(dc + 1)) if (cell) cell.numFmt = "0.00%";
  }
  return { sheets: [sheet, sheetFromRows("情况说明", text.map((t) => [t]))] };
}

const issues = (wb: Workbook) => runChecks(wb).findings.filter((f) => f.ruleId !== "completeness" && f.severity !== "info");

describe("“三公” table with the years as rows: this year's row is the table's, the others its year cells", () => {
  for (const [name, layout] of LAYOUTS) {
    describe(name, () => {
      test("recognised: one row of this year's figures, last year's, the change and the rate as its year cells", () => {
        const t7 = recognizeWorkbook(build(layout)).tables.find((t) => t.spec.id === "T7")!;
        expect(t7.yearRows).toBe(true);
        expect(t7.rows).toHaveLength(1);
        const [row] = t7.rows;
        expect([row.amounts.total.value, row.amounts.abroad.value, row.amounts.car.value, row.amounts["car.running"].value, row.amounts.reception.value]).toEqual([1.7, 0, 1.5, 1.5, 0.2]);
        expect([yearKey("prior", "total"), yearKey("change", "total"), yearKey("change-pct", "total"), yearKey("change-pct", "reception")].map((k) => row.yearAmounts?.[k]?.value)).toEqual([3.7, -2, -54.05, -71.43]);
        // every figure keeps its own cell: last year's 合计 is where it was printed
        const priorCell = row.yearAmounts![yearKey("prior", "total")];
        const [dr, dc] = layout.offset ?? [0, 0];
        expect([priorCell.r, priorCell.c]).toEqual([dr + 4 + layout.order.indexOf("prior"), dc + 1]);
        expect(t7.issues).toEqual([]);
      });

      test("the 说明 as published agrees (1.7, 比2023年减少2万元, 下降54.05% …): nothing to report", () => {
        expect(issues(build(layout)).map((f) => f.message)).toEqual([]);
      });

      test("last year's 3.7 written as this year's is an error; so is a wrong 增减, at its cell and named by its item", () => {
        const wrongText = [TEXT[0], TEXT[1].replace("支出1.7万元", "支出3.7万元"), ...TEXT.slice(2)];
        expect(issues(build(layout, {}, wrongText)).some((f) => f.ruleId === "narrative" && f.severity === "error" && /3\.7/.test(f.message))).toBe(true);
        const found = issues(build(layout, { 5: -0.4 }));
        const wrong = found.filter((f) => f.ruleId === "year-columns" && f.messageId === "wrongChange");
        const [dr, dc] = layout.offset ?? [0, 0];
        const col = String.fromCharCode(65 + dc + 6);
        expect(wrong.map((f) => [f.cell, f.severity])).toEqual([[`${col}${dr + 5 + layout.order.indexOf("change")}`, "error"]]);
        expect(wrong[0].message).toContain("公务接待费 增减额");
      });

      test("the draft writes this year's figure and compares it with last year's", () => {
        const { text } = planDraftInsertion(build(layout, {}, []), { year: 2024 });
        const line = text.split("\n").find((l) => /“三公”经费预算 /.test(l))!;
        expect(line).toContain("“三公”经费预算 1.70 万元");
        expect(line).toMatch(/3\.70 万元减少 2\.00 万元/);
      });
    });
  }

  test("not folded: the table as 武汉 prints it (one row of figures), and rows that are not years", () => {
    const one = sheetFromRows("三公经费", [["2024年一般公共预算“三公”经费支出表"], ["单位：万元"], ["“三公”经费合计", "因公出国（境）费", "公务用车购置及运行费", null, null, "公务接待费"], [null, null, "小计", "公务用车购置费", "公务用车运行费", null], [1.7, 0, 1.5, 0, 1.5, 0.2]], "0.00");
    const t1 = recognizeWorkbook({ sheets: [one] }).tables.find((t) => t.spec.id === "T7")!;
    expect([t1.yearRows, t1.rows.length, t1.rows[0].amounts.total.value]).toEqual([undefined, 1, 1.7]);
    const two = sheetFromRows("三公经费", [["2024年一般公共预算“三公”经费支出表"], ["单位：万元"], ["项目", "“三公”经费合计", "因公出国（境）费", "公务接待费"], ["本年预算数", 1.7, 0, 0.2], ["其他说明", 1, 0, 0.1]], "0.00");
    expect(recognizeWorkbook({ sheets: [two] }).tables.find((t) => t.spec.id === "T7")!.yearRows).toBeUndefined();
  });
});
