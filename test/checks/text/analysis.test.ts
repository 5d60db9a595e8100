/**
 * The narrative analysis on the sentences real 情况说明 print (field set 普陀区, seeds 海口 / 达州 /
 * 忻州 / 武汉 / 曾都), each case recomputed in its comment: what a share is judged against, rates on
 * last year's base, 其中 lists, 持平 / 增加 against the figures, 元 tables against 万元 text, the
 * forms numbers take, 绩效 indicator values and 目录 lines.
 */
import { runChecks } from "../../../src/core/checks/engine";
import type { Finding } from "../../../src/core/checks/types";
import { sheetFromRows, type Sheet, type Workbook } from "../../../src/core/model";
import { buildParagraphs } from "../../../src/core/narrative/paragraphs";
import { parseParagraph, type ParsedParagraph } from "../../../src/core/narrative/parse";

const TEXT_RULES = ["percent", "narrative"];
const text = (lines: string[]): Sheet => sheetFromRows("情况说明", lines.map((l) => [l]));
function findings(wb: Workbook): Finding[] {
  return runChecks(wb, {}).findings.filter((f) => TEXT_RULES.includes(f.ruleId) && f.severity !== "info");
}
const lines = (fs: Finding[]) => fs.map((f) => `${f.ruleId} ${f.severity} ${f.cell} ${f.message}`);
function parse(...ls: string[]): ParsedParagraph[] {
  return buildParagraphs(ls.map((t, r) => ({ sheet: "情况说明", r, c: 0, text: t }))).map((p) => parseParagraph(p));
}

/** 一般公共预算支出表 in 元, as the field set prints its tables (9,101.68 万元 = 91,016,800.00 元). */
const T5yuan = (rows: [string, string, number, number, number][]) =>
  sheetFromRows(
    "一般公共预算支出",
    [
      ["2025年一般公共预算支出表"],
      ["编制部门：上海市普陀区人民政府办公室", null, null, null, "单位：元"],
      ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
      [null, "合计", rows.reduce((s, r) => s + r[2], 0), rows.reduce((s, r) => s + r[3], 0), rows.reduce((s, r) => s + r[4], 0)],
      ...rows.map(([c, n, t, b, p]) => [c, n, t, b, p]),
    ],
    "#,##0.00",
  );

describe("share bases", () => {
  test("占支出总预算 X% is judged against the 支出总预算 the text states, not the figure of the line above (普陀区)", () => {
    // 支出预算 9,101.68 万元; 一般公共服务支出 6,000.00 万元 = 65.92% of it (6000 ÷ 9101.68 = 65.922%);
    // the line above (社会保障和就业支出 3,101.68) would give 193.44%.
    const wb = { sheets: [text(["一、收支预算总体情况", "支出预算9,101.68万元。", "1.社会保障和就业支出3,101.68万元。", "2.一般公共服务支出6,000.00万元，占支出总预算65.92%。"])] };
    expect(lines(findings(wb))).toEqual([]);
    const wrong = { sheets: [text(["一、收支预算总体情况", "支出预算9,101.68万元。", "1.社会保障和就业支出3,101.68万元。", "2.一般公共服务支出6,000.00万元，占支出总预算62.92%。"])] };
    const f = findings(wrong);
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain("6000.00 ÷ 9101.68");
    expect(f[0].message).toContain("= 65.92%");
  });

  test("a base the text names but nobody can resolve gives no error", () => {
    // 占部门整体绩效资金 …: no such total in the text or the tables.
    expect(lines(findings({ sheets: [text(["项目资金120.00万元，占部门整体绩效资金37.5%。"])] }))).toEqual([]);
  });

  test("基本 / 项目 shares of one base add up to 100% (海口 40.32% + 59.68%; 40.32% + 58.68% = 99% is wrong)", () => {
    expect(lines(findings({ sheets: [text(["2024年支出预算405.52万元，其中：基本支出163.52万元，占40.32%；项目支出242万元，占59.68%。"])] }))).toEqual([]);
    const f = findings({ sheets: [text(["2024年支出预算405.52万元，其中：基本支出163.52万元，占40.32%；项目支出242万元，占58.68%。"])] });
    // 242 ÷ 405.52 = 59.68%, so 58.68% is wrong on its own; and 40.32 + 58.68 = 99.00 ≠ 100.
    expect(f.map((x) => x.message).join("\n")).toContain("= 59.68%");
    expect(f.map((x) => x.message).join("\n")).toContain("占比之和不是 100%");
  });

  test("绩效 indicator values are not shares (完成率 100%, 满意度≥95%, 覆盖率达到62%)", () => {
    const [p] = parse("项目资金120万元，完成率100%，满意度≥95%，电子社保卡签发覆盖率达到62%。");
    expect(p.shares).toEqual([]);
    expect(p.figures.filter((f) => f.kind === "percent").every((f) => f.indicator)).toBe(true);
    expect(lines(findings({ sheets: [text(["四、绩效目标设置情况", "项目资金120万元，占比100%，其中人员经费30万元，占比100%。"])] }))).toEqual([]);
  });
});

describe("changes", () => {
  test("a growth rate is judged on last year's base: 增长 P% = D ÷ (本年 − D) (海口 5.24% = 20.19 ÷ 385.33)", () => {
    expect(lines(findings({ sheets: [text(["2024年度一般公共预算财政拨款支出405.52万元，比上年增加20.19万元，增长5.24%。"])] }))).toEqual([]);
    // 20.19 ÷ 405.52 = 4.98% would be the rate on this year's base: wrong.
    const f = findings({ sheets: [text(["2024年度一般公共预算财政拨款支出405.52万元，比上年增加20.19万元，增长4.98%。"])] });
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain("20.19 ÷ 385.33 = 5.24%");
  });

  test("both years' figures and a rate (普陀区 司法局: 执行数 57.43, 预算 57.8, 减少 2.27% — it is an increase of 0.64%)", () => {
    const f = findings({ sheets: [text(["2025年当年预算执行数为57.43万元，2026年预算安排57.8万元，比2025年预算执行数减少2.27%。"])] });
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain("增加 0.64%");
    expect(lines(findings({ sheets: [text(["2025年当年预算执行数为205.04万元，2026年预算安排179.15万元，比2025年预算执行数减少12.63%。"])] }))).toEqual([]);
  });

  test("a budget of 0 cannot have grown over last year; 持平 with a different prior figure is wrong", () => {
    // 0 − 5 = −5 for last year.
    const f = findings({ sheets: [text(["2025年政府性基金拨款支出预算0万元，比2024年预算增加5万元。"])] });
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain("上年就成了 -5.00");
    // 69.70 vs 66.70: a change of 3.00, not 持平.
    const g = findings({ sheets: [text(["2024 年度一般公共预算支出 69.70 万元，与去年预算66.70 万元持平。"])] });
    expect(g).toHaveLength(1);
    expect(g[0].message).toContain("持平");
    // Two 持平 clauses in one sentence, each with its own 0 (普陀区).
    expect(lines(findings({ sheets: [text(["政府性基金拨款支出预算0万元，比2024年预算执行数持平；国有资本经营预算拨款支出预算0万元，比2024年预算执行数持平。"])] }))).toEqual([]);
  });
});

describe("其中 lists", () => {
  test("parts add up to their whole (普陀区 政府采购 38.20 = 7.80 + 0 + 30.40); a nested list ends at its separator (武汉)", () => {
    expect(lines(findings({ sheets: [text(["2025年度本部门政府采购预算38.20万元，其中：政府采购货物预算7.80万元、政府采购工程预算0万元、政府采购服务预算30.40万元。"])] }))).toEqual([]);
    expect(lines(findings({ sheets: [text(["2024年支出预算1209.02万元，其中：基本支出 825.26 万元，占 68.26%，其中：人员经费 763.41 万元、公用经费 61.85 万元；项目支出 383.76 万元，占 31.74%。"])] }))).toEqual([]);
    // 7.80 + 0 + 31.40 = 39.20 ≠ 38.20: a complete split (货物 / 工程 / 服务) that does not add up.
    const f = findings({ sheets: [text(["2025年度本部门政府采购预算38.20万元，其中：政府采购货物预算7.80万元、政府采购工程预算0万元、政府采购服务预算31.40万元。"])] });
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain("= 39.20");
  });

  test("some parts only may be less than the whole; more than the whole is an error", () => {
    expect(lines(findings({ sheets: [text(["收入预算37,151.47万元，其中：财政拨款收入30,000.00万元。"])] }))).toEqual([]);
    // 30,000.00 + 8,000.00 = 38,000.00 > 37,151.47.
    const f = findings({ sheets: [text(["收入预算37,151.47万元，其中：财政拨款收入30,000.00万元，事业收入8,000.00万元。"])] });
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain("大于总数");
  });
});

describe("units and number forms", () => {
  test("元 tables and 万元 text: converted, each figure with its printed precision (9,101.68万元 ±0.005 万元, 4,614万元 ±0.5 万元)", () => {
    const t5 = T5yuan([["201", "一般公共服务支出", 46_140_000, 40_000_000, 6_140_000], ["208", "社会保障和就业支出", 44_876_800, 44_876_800, 0]]);
    // Total 91,016,800.00 元 = 9,101.68 万元; 201 = 4,614.00 万元; 208 = 4,487.68 万元.
    const ok = { sheets: [t5, text(["2025年一般公共预算支出9,101.68万元，其中：一般公共服务支出4,614万元，社会保障和就业支出4,487.68万元。"])] };
    expect(lines(findings(ok))).toEqual([]);
    // 4,487.58 万元 is 1,000 元 off the table's 44,876,800.00 元.
    const bad = { sheets: [t5, text(["2025年一般公共预算支出9,101.68万元，其中：一般公共服务支出4,614万元，社会保障和就业支出4,487.58万元。"])] };
    const f = findings(bad).filter((x) => x.ruleId === "narrative" && x.message.includes("不一致"));
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain("44,876,800.00 元");
    expect(f[0].message).toContain("说明写 4487.58 万元");
    expect(f[0].message).not.toMatch(/\d{5,}\.\d+ 万元/);
  });

  test("full-width digits, thousands separators, spaces inside numbers and 元元", () => {
    const [p] = parse("支出预算３７，１５１．４７万元，其中财政拨款 37, 151.47 万元，事业收入 12 345.60万元，项目经费150,000.00元元。");
    expect(p.figures.map((f) => [f.value, f.decimals])).toEqual([
      [37151.47, 2],
      [37151.47, 2],
      [12345.6, 2],
      [15, 2],
    ]);
    expect(p.figures[3].scale).toBeCloseTo(1e-4);
  });
});

describe("text layout", () => {
  test("a 目录 opening the text is neither headings nor claims; the second 一、 starts the text", () => {
    const paras = buildParagraphs(["目 录", "一、部门收支总表", "二、部门收入总表", "三、部门支出总表", "一、部门主要职能", "负责……工作。"].map((t, r) => ({ sheet: "情况说明", r, c: 0, text: t })));
    expect(paras.map((p) => !!p.toc)).toEqual([true, true, true, true, false, false]);
    expect(paras[5].sections).toEqual(["一、部门主要职能"]);
  });

  test("the field set's 目录 (dot leaders, full-width 4．, cover lines above) is a contents list, not headings", () => {
    const lines = [
      "上海市普陀区2025年区级部门预算",
      "预算主管部门：上海市普陀区人民政府办公室",
      "目   录",
      "一、部门主要职能 ……………………………………………………………………………………",
      "五、部门预算表 ………………………………………………………………………………………",
      "1. 2025年部门财务收支预算总表 …………………………………………………………………",
      "4．2025年部门财政拨款收支预算总表 ……………………………………………………………",
      "六、其他相关情况说明 …………………………………………………………………………………",
      "上海市普陀区人民政府办公室主要职能",
      "一、部门主要职能",
    ];
    const paras = buildParagraphs(lines.map((t, r) => ({ sheet: "情况说明", r, c: 0, text: t })));
    // The cover lines (title, 预算主管部门) are one paragraph; the 目录 and its six entries are contents; the text after is not.
    expect(paras.filter((p) => p.toc).map((p) => p.text)).toEqual(lines.slice(2, 8));
    expect(paras.find((p) => p.text === "上海市普陀区人民政府办公室主要职能")?.toc).toBeFalsy();
    expect(paras[paras.length - 1].heading).toBe(true);
  });

  test("a figure broken over two lines is joined (普陀区 “…服务预算1446.32” / “万元。”)", () => {
    const [p] = parse("2026年度本单位政府采购预算1484.2万元，其中：政府采购货物预算1.44万元、政府采购工程预算36.44万元、政府采购服务预算1446.32", "万元。");
    // 1.44 + 36.44 + 1446.32 = 1484.20.
    expect(p.lists[0].parts.map((f) => f.value)).toEqual([1.44, 36.44, 1446.32]);
  });
});
