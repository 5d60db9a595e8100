/** Narrative parsing on real seed paragraphs: what is an amount, what a share, what a change, and whose. */
import { buildParagraphs } from "../../../src/core/narrative/paragraphs";
import { parseParagraph, type ParsedParagraph } from "../../../src/core/narrative/parse";
import { div, figure, overlaps, scale } from "../../../src/core/narrative/interval";
import { matchSubject } from "../../../src/core/narrative/targets";

function parse(...lines: string[]): ParsedParagraph[] {
  return buildParagraphs(lines.map((text, r) => ({ sheet: "情况说明", r, c: 0, text }))).map((p) => parseParagraph(p));
}
const amounts = (p: ParsedParagraph) => p.figures.filter((f) => f.kind === "amount").map((f) => f.value);

describe("amounts and what is not an amount", () => {
  test("years, list markers, counts, thresholds and indicator targets are not amounts (海口, 曾都)", () => {
    const [p] = parse("截至2023年12月31日，海口市社会保障卡一卡通中心共有车辆0辆，其中，领导干部用车0辆。单位价值100万元以上设备0台（套）。");
    expect(amounts(p)).toEqual([]);
    const [q] = parse("数量指标：社保卡补卡换卡数量+三代卡补卡换卡年增3.5万张；电子社保卡签发覆盖率达到62%；成本指标：支出不超预算安排≤150000元。");
    expect(amounts(q)).toEqual([]);
    const [r] = parse("1.因公出国（境）经费0万元，与上年预算持平，未安排2024年出国计划，拟安排出国（境）组0次，出国（境）0人。");
    expect(amounts(r)).toEqual([0]);
    expect(r.figures[0].subject).toBe("因公出国(境)经费"); // subjects are half-width
  });

  test("placeholders of the template are ignored (海口 “增加/减少/持平0万元”, “下降0%/增长0%”)", () => {
    const [p] = parse("海口市社会保障卡一卡通中心2024年政府性基金预算当年拨款0万元，比上年预算数增加/减少/持平0万元，主要是本单位无政府性基金预算支出。");
    expect(amounts(p)).toEqual([0]);
    expect(p.changes).toEqual([]);
    const [q] = parse("因公出国（境）经费0万元，与上年预算持平/较上年预算下降0%/较上年预算增长0%。");
    expect(q.figures.filter((f) => f.kind === "percent")).toEqual([]);
  });

  test("a figure keeps its printed precision and unit (150,000.00 元 = 15 万元)", () => {
    const [p] = parse("2024 年度，解决社保卡制卡经费项目金额为 150,000.00 元。");
    const f = p.figures[0];
    expect(f.value).toBeCloseTo(15);
    expect(f.decimals).toBe(2);
    expect(f.scale).toBeCloseTo(1e-4);
    const [q] = parse("2024 年支出预算 1209.02 万元，社会保障和就业支出 1024 万元。");
    expect(q.figures.map((x) => x.decimals)).toEqual([2, 0]);
  });
});

describe("clause pairing", () => {
  test("each amount gets the subject of its own clause (海口 A5)", () => {
    const [p] = parse("支出总计405.52万元，包括社会保障和就业支出376.17万元、卫生健康支出17.12万元以及住房保障支出12.23万元、结转下年0万元。");
    expect(p.figures.map((f) => f.subject)).toEqual(["支出总计", "社会保障和就业支出", "卫生健康支出", "住房保障支出", "结转下年"]);
  });

  test("an item's amount takes the item head when its own words are generic (海口 1.社会保障和就业支出：年初预算数为…)", () => {
    const [p] = parse("1.社会保障和就业支出：年初预算数为376.17万元，比上年预算数增加20.19万元，主要是人员工资福利增加导致。");
    expect(p.figures[0].subject).toBe("社会保障和就业支出");
    expect(p.changes[0].current[0].value).toBe(376.17);
  });

  test("类/款/项 chains (武汉, 达州)", () => {
    const [p] = parse("3. 卫生健康(类)行政事业单位医疗(款)职工基本医疗保险(项):2024 年预算数为 21.43 万元，主要用于：单位应缴纳基本医疗保险支出。");
    expect(p.figures[0].chain).toEqual([
      { name: "卫生健康", level: "类" },
      { name: "行政事业单位医疗", level: "款" },
      { name: "职工基本医疗保险", level: "项" },
    ]);
  });

  test("a line broken mid-sentence is joined with the next (达州 “…当年拨” / “款 641.15 万元”), headings are not", () => {
    const paras = parse("（一）一般公共预算当年拨款规模变化情况", "市人力资源社会保障信息中心 2024 年一般公共预算当年拨", "款 641.15 万元，比 2023 年预算总数 650.27 万元减少 9.12 万元，主要原因是人员减少。");
    expect(paras).toHaveLength(2);
    expect(paras[0].para.heading).toBe(true);
    const c = paras[1].changes[0];
    expect(c.dir).toBe(-1);
    expect(c.prior?.value).toBe(650.27);
    expect(c.current[0].value).toBe(641.15);
  });
});

describe("shares and changes", () => {
  test("达州: three shares with no total in the sentence", () => {
    const [p] = parse("社会保障和就业支出 560.62 万元，占 85.66%；卫生健康支出 21.43 万元，占 3.8%；住房保障支出 59.09 万元，占 10.54%。");
    expect(p.shares.map((s) => [s.part.value, s.percent.value, s.percent.decimals])).toEqual([
      [560.62, 85.66, 2],
      [21.43, 3.8, 1],
      [59.09, 10.54, 2],
    ]);
  });

  test("海口: the total a share names (占本年支出合计的100%)", () => {
    const [p] = parse("2024年度一般公共预算财政拨款支出405.52万元，占本年支出合计的100%。与2023年度相比，财政拨款支出增加20.19万元，上升5.24%，主要原因：人员工资福利增加导致。");
    expect(p.shares[0].denomText).toBe("本年支出合计");
    const c = p.changes[0];
    expect([c.dir, c.delta?.value, c.percent?.value, c.current[0].value]).toEqual([1, 20.19, 5.24, 405.52]);
  });

  test("曾都: prior-year figure in brackets, 同比减少", () => {
    const [p] = parse("收入总计 81.70 万元（上年收入总计 96.70 万元，同比减少 15.00 万元，同比减少 15.51%）。其中财政拨款收入 73.42 万元，为区本级财政当年拨付的资金。");
    const c = p.changes[0];
    expect([c.dir, c.prior?.value, c.delta?.value, c.percent?.value, c.current[0].value]).toEqual([-1, 96.7, 15, 15.51, 81.7]);
    expect(p.figures.find((f) => f.value === 73.42)?.subject).toBe("财政拨款收入");
  });

  test("武汉: 无增减变化 is a zero change", () => {
    const [p] = parse("8. 住房保障支出(类)住房改革支出(款)住房公积金(项)2024年预算数60.55万元,比2023年无增减变化。");
    expect(p.changes.map((c) => c.dir)).toEqual([0]);
  });

  test("percentages judged by interval: 忻州 37.66% = 84.74 / (140.30 + 84.74) within precision", () => {
    const d = figure(84.74, 2);
    const base = { lo: 140.3 - 0.005 + 84.74 - 0.005, hi: 140.3 + 0.005 + 84.74 + 0.005 };
    expect(overlaps(scale(div(d, base)!, 100), figure(37.66, 2))).toBe(true);
    expect(overlaps(scale(div(figure(560.62, 2), figure(641.15, 2))!, 100), figure(85.66, 2))).toBe(false);
  });
});

describe("subjects → table targets", () => {
  test("qualifiers and unit names in front are ignored, other words are not", () => {
    expect(matchSubject("基本工资福利支出", 2024, "econ-dept").map((t) => t.id)).toContain("econ-dept:301");
    expect(matchSubject("一次性奖金", 2024, "econ-dept")).toEqual([]);
    expect(matchSubject("市人力资源社会保障信息中心 收支预算总数", 2024).map((t) => t.id)).toEqual(["incomeGrand"]);
    expect(matchSubject("医疗卫生与计划生育支出", 2024).map((t) => t.id)).toEqual(["function:210"]);
    expect(matchSubject("对个人和家庭补助", 2024, "econ-dept").map((t) => t.id)).toEqual(["econ-dept:303"]);
  });
});
