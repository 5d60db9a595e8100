/**
 * The 情况说明 writer: from the recognised tables of a workbook (and, when given, last year's
 * workbook) to a structured draft in the standard wording of published disclosures
 * (达州 / 武汉 / 曾都 / 海口 / 忻州 and 上海普陀 texts). Figures come from their cells with their
 * printed precision; shares are computed and add up to 100% (largest remainder); 增加 / 减少 /
 * 持平 / 新增 follow from the figures; reasons and uses are left to the person as placeholders.
 */
import { builtinCatalog } from "../catalog";
import type { Catalog } from "../catalog/catalog";
import { classCodes, primaryTable, totalRow } from "../checks/crossRelations";
import type { RecognizedRow, RecognizedTable, WorkbookFacts } from "../recognize/types";
import { amountFigure, compare, fixed, inYuan, largestRemainder, percentFigure, type Amount, type Comparison } from "./numbers";
import { cellAmount, findRow, pick, sumOf, table, toUnit, type Locator } from "./sources";
import { priorFacts } from "../recognize/yearColumns";
import { REASON_PLACEHOLDER, USE_PLACEHOLDER, type Draft, type DraftParagraph, type DraftSection, type OmittedSection, type Run, type SourceRef } from "./types";

export interface DraftOptions {
  /** Budget year (default: the workbook's). */
  year?: number;
  /** Last year's workbook, recognised. */
  previous?: WorkbookFacts;
  catalog?: Catalog;
  /** Unit name to use when the tables do not give one. */
  unitName?: string;
}

const CN = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五"];

/** Income lines of 收支总表 in print order, with the name the text uses. */
const INCOME_LINES: { key: string; name: string }[] = [
  { key: "in.gpb", name: "一般公共预算拨款收入" },
  { key: "in.gfb", name: "政府性基金预算拨款收入" },
  { key: "in.socb", name: "国有资本经营预算拨款收入" },
  { key: "in.special", name: "财政专户管理资金收入" },
  { key: "in.business", name: "事业收入" },
  { key: "in.operating", name: "事业单位经营收入" },
  { key: "in.superior", name: "上级补助收入" },
  { key: "in.subsidiary", name: "附属单位上缴收入" },
  { key: "in.other", name: "其他收入" },
  { key: "in.carry", name: "上年结转结余" },
  { key: "in.fund", name: "用事业基金弥补收支差额" },
];

class Para {
  runs: Run[] = [];
  constructor(private w: Writer) {}
  t(s: string): this {
    this.runs.push(s);
    return this;
  }
  amt(a: Amount, how?: string): this {
    this.runs.push({ figure: amountFigure(a, this.w.unit, "amount", how) }, " 万元");
    return this;
  }
  pct(value: number, sources: SourceRef[], how: string, shareGroup?: number): this {
    this.runs.push({ figure: { ...percentFigure(value, sources, how), shareGroup } }, "%");
    return this;
  }
  ph(text: string): this {
    this.runs.push({ placeholder: text });
    return this;
  }
  /** "，比 2023 年预算 650.27 万元减少 9.12 万元，下降 1.40%" / "，与 2023 年预算持平" / "，比 2023 年预算新增 3.87 万元". */
  change(c: Comparison | undefined, what = "预算", reason = true): this {
    if (!c) return this;
    const py = this.w.prevYearText;
    // Last year's figure from a column of outturns (上年执行数) is no budget: "比2025年预算执行数".
    if (c.prior.sources.some((s) => this.w.actualPrior.has(s.table))) what = what.replace(/预算(数)?$/, "预算执行数");
    const delta: Amount = { value: c.delta, decimals: c.deltaDecimals, sources: [...c.cur.sources, ...c.prior.sources], how: "本年 − 上年", unit: c.cur.unit };
    if (c.kind === "flat") return this.t(`，与${py}${what}持平`);
    if (c.kind === "new") {
      this.t(`，比${py}${what}新增 `);
      this.runs.push({ figure: amountFigure(delta, this.w.unit, "delta", `上年为 0`) }, " 万元");
    } else {
      this.t(`，比${py}${what} `);
      this.runs.push({ figure: amountFigure(c.prior, this.w.unit, "prior") }, " 万元");
      this.t(c.kind === "increase" ? "增加 " : "减少 ");
      this.runs.push({ figure: amountFigure(delta, this.w.unit, "delta") }, " 万元");
      this.t(c.kind === "increase" ? "，增长 " : "，下降 ");
      this.pct(c.percent!, delta.sources, "增减额 ÷ 上年数");
    }
    if (reason) this.t("，主要原因是").ph(REASON_PLACEHOLDER);
    return this;
  }
  done(heading = false): DraftParagraph {
    return heading ? { runs: this.runs, heading } : { runs: this.runs };
  }
}

function isZero(a: Amount | undefined): boolean {
  return !a || Math.abs(a.value) < 0.5 * Math.pow(10, -a.decimals);
}

class Writer {
  readonly unit: "万元" | "元";
  readonly year?: number;
  readonly yearText: string;
  readonly prevYearText: string;
  readonly who: string;
  readonly cat: Catalog;
  readonly sections: DraftSection[] = [];
  readonly omitted: OmittedSection[] = [];
  private n = 0;
  sharesRounded = false;
  private shareGroups = 0;
  /** Paragraphs of 其他重要事项 (机关运行经费, 政府采购, 绩效), gathered into one section. */
  others: { title: string; p: DraftParagraph }[] = [];
  scopeWord = "部门";
  /** Tables whose last-year column (in the tables themselves) holds outturns (执行数 / 决算数), not budgets. */
  readonly actualPrior = new Set<string>();

  constructor(
    readonly facts: WorkbookFacts,
    readonly opts: DraftOptions,
    inTablePrior = false,
  ) {
    this.unit = facts.amountUnit;
    this.year = opts.year ?? facts.year;
    this.yearText = this.year ? `${this.year}年` : "本年";
    this.prevYearText = this.year ? `${this.year - 1}年` : "上年";
    this.who = facts.unitName ?? opts.unitName ?? "本单位";
    this.cat = opts.catalog ?? builtinCatalog();
    if (inTablePrior) for (const t of facts.tables) if (t.yearColumns?.some((y) => y.role === "prior" && y.basis === "actual")) this.actualPrior.add(t.spec.id);
  }

  p(): Para {
    return new Para(this);
  }

  cur(loc: Locator): Amount | undefined {
    return pick(this.facts, loc, "current");
  }

  /** Last year's figure by the same locator; `zeroIfAbsent`: the table is there but not the row → 0. */
  prior(loc: Locator, zeroIfAbsent = false): Amount | undefined {
    const prev = this.opts.previous;
    if (!prev) return undefined;
    const raw = pick(prev, loc, "previous");
    const target = primaryTable(this.facts, loc.table)?.amountUnit ?? this.unit;
    const a = raw ? toUnit(raw, raw.unit ?? prev.amountUnit, target) : undefined;
    if (a) return a;
    // A row last year's table does not have is 0 last year — when that table lists rows at all.
    const pt = primaryTable(prev, loc.table);
    if (zeroIfAbsent && pt && pt.rows.some((r) => r.code && /^\d+$/.test(r.code))) return { value: 0, decimals: 2, sources: [], how: "上年表中无此行", unit: target };
    return undefined;
  }

  cmp(cur: Amount | undefined, loc: Locator, zeroIfAbsent = false): Comparison | undefined {
    if (!cur) return undefined;
    const pr = this.prior(loc, zeroIfAbsent);
    return pr ? compare(cur, pr) : undefined;
  }

  section(id: string, title: string, paragraphs: DraftParagraph[]): void {
    if (!paragraphs.length) return;
    const heading = `${CN[this.n++]}、${title}`;
    this.sections.push({ id, title: heading, paragraphs: [{ runs: [heading], heading: true }, ...paragraphs] });
  }

  omit(id: string, title: string, reason: string): void {
    this.omitted.push({ id, title, reason });
  }

  /** "A a 万元，占 p%；B b 万元，占 q%" over a whole, shares by the largest remainder. */
  shares(p: Para, parts: { name: string; a: Amount }[], whole: Amount, wholeName: string, sep = "；"): void {
    const { shares, method } = largestRemainder(
      parts.map((x) => inYuan(x.a, this.unit)),
      inYuan(whole, this.unit),
    );
    if (method === "rounded") this.sharesRounded = true;
    const group = ++this.shareGroups;
    parts.forEach((x, i) => {
      if (i) p.t(sep);
      p.t(`${x.name} `).amt(x.a).t("，占 ");
      const how = `${x.name} ÷ ${wholeName}${method === "largest-remainder" ? "（最大余数法，各项合计 100%）" : "（各项之和与总数有尾差，逐项四舍五入）"}`;
      if (parts.length === 1 && shares[i] === 100) p.runs.push({ figure: { kind: "percent", text: "100", unit: "%", value: 100, sources: [...x.a.sources, ...whole.sources], how, shareGroup: group } }, "%");
      else p.pct(shares[i], [...x.a.sources, ...whole.sources], how, group);
    });
  }

  // ─── names ───

  fnName(code: string, printed?: string): string {
    return this.cat.lookup(code, { year: this.year, kind: "function" })?.name ?? (printed || code);
  }

  econName(code: string, printed?: string): string {
    return this.cat.lookup(code, { year: this.year, kind: "econ-dept" })?.name ?? (printed || code);
  }

  /** 类 / 款 / 项 chain in the standard form: 社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）. */
  chain(code: string, printed: string): string {
    const parts: string[] = [];
    if (code.length >= 3) parts.push(`${this.fnName(code.slice(0, 3))}（类）`);
    if (code.length >= 5) parts.push(`${this.fnName(code.slice(0, 5))}（款）`);
    if (code.length >= 7) parts.push(`${this.fnName(code, printed)}（项）`);
    return parts.join("");
  }
}

// ─── class lines ───

/** 类 amounts of an expenditure table: its own 类 rows, else (when the table lists only 项) the given fallback. */
function classAmounts(w: Writer, t: RecognizedTable | undefined, col?: string): { code: string; a: Amount }[] {
  if (!t) return [];
  const out: { code: string; a: Amount }[] = [];
  for (const code of classCodes(t)) {
    const a = w.cur({ table: t.spec.id, row: { classCode: code }, col });
    if (a && !isZero(a)) out.push({ code, a });
  }
  return out;
}

/** 类 sums of the 项 rows of a code table that has no 类 rows (达州's 支出表 list only 项). */
function classSumsFromItems(w: Writer, t: RecognizedTable, col: string): { code: string; a: Amount }[] {
  const rows = deepestRows(t);
  const by = new Map<string, Amount[]>();
  for (const r of rows) {
    const cell = r.amounts[col];
    if (!cell) continue;
    const a = cellAmount(t, r, cell, col, "current");
    if (!a) continue;
    const k = r.code!.slice(0, 3);
    const list = by.get(k);
    if (list) list.push(a);
    else by.set(k, [a]);
  }
  return [...by.entries()].map(([code, as]) => ({ code, a: sumOf(as, `${code} 类下各项之和`) })).filter((x) => !isZero(x.a));
}

/** The rows of a code table at its deepest level (项 rows, or 款 where a 款 has no 项). */
function deepestRows(t: RecognizedTable): RecognizedRow[] {
  const coded = t.rows.filter((r) => r.code && /^\d+$/.test(r.code) && !r.ofWhich);
  // a row is deepest when no other row's code extends its code (one pass over the proper prefixes, not a pass per row)
  const extended = new Set<string>();
  for (const r of coded) for (let n = 1; n < r.code!.length; n++) extended.add(r.code!.slice(0, n));
  return coded.filter((r) => !extended.has(r.code!));
}

// ─── sections ───

function overall(w: Writer): void {
  const t1 = table(w.facts, "T1");
  if (!t1) return w.omit("overall", "收支预算总体情况", "工作簿中没有部门收支总表");
  const grand = w.cur({ table: "T1", row: { fixed: "in.grand" } }) ?? w.cur({ table: "T1", row: { fixed: "in.currentTotal" } });
  if (!grand) return w.omit("overall", "收支预算总体情况", "部门收支总表没有收入总计");
  const incomeNames = INCOME_LINES.filter((l) => !isZero(w.cur({ table: "T1", row: { fixed: l.key } })) && l.key !== "in.carry" && l.key !== "in.fund").map((l) => l.name);
  const classNames = classAmounts(w, t1).map((c) => w.fnName(c.code));
  const p1 = w.p().t(`按照综合预算的原则，${w.who}所有收入和支出均纳入部门预算管理。`);
  if (incomeNames.length) p1.t(`收入包括：${incomeNames.join("、")}`);
  if (classNames.length) p1.t(`${incomeNames.length ? "；" : ""}支出包括：${classNames.join("、")}`);
  if (incomeNames.length || classNames.length) p1.t("。");
  const p2 = w.p().t(`${w.who}${w.yearText}收支预算总数 `).amt(grand).change(w.cmp(grand, { table: "T1", row: { fixed: "in.grand" } }), "收支预算总数").t("。");
  w.section("overall", "收支预算总体情况", [p1.done(), p2.done()]);
}

function income(w: Writer): void {
  const grand = w.cur({ table: "T1", row: { fixed: "in.grand" } });
  if (!grand) return w.omit("income", "收入预算情况", "工作簿中没有部门收支总表（或其收入总计）");
  const parts = INCOME_LINES.map((l) => ({ name: l.name, a: w.cur({ table: "T1", row: { fixed: l.key } }) })).filter((x): x is { name: string; a: Amount } => !isZero(x.a));
  const p = w.p().t(`${w.who}${w.yearText}收入预算 `).amt(grand);
  if (parts.length) {
    p.t("，其中：");
    w.shares(p, parts, grand, "收入总计");
  }
  p.t("。");
  w.section("income", "收入预算情况", [p.done()]);
}

function expense(w: Writer): void {
  const t3 = table(w.facts, "T3");
  const total = w.cur({ table: "T3", row: { total: true }, col: "total" }) ?? w.cur({ table: "T1", row: { fixed: "out.currentTotal" } });
  if (!total) return w.omit("expense", "支出预算情况", "工作簿中没有部门支出总表（或其合计行）");
  const p = w.p().t(`${w.who}${w.yearText}支出预算 `).amt(total);
  if (t3) {
    const kinds: { col: string; name: string }[] = [
      { col: "basic", name: "基本支出" },
      { col: "project", name: "项目支出" },
      { col: "operating", name: "事业单位经营支出" },
      { col: "toSuperior", name: "上缴上级支出" },
      { col: "toSubsidiary", name: "对附属单位补助支出" },
    ];
    const parts = kinds.map((k) => ({ name: k.name, a: w.cur({ table: "T3", row: { total: true }, col: k.col }) })).filter((x): x is { name: string; a: Amount } => !isZero(x.a) || x.name === "项目支出" && !!x.a);
    if (parts.length) {
      p.t("，其中：");
      w.shares(p, parts, total, "支出合计");
    }
  }
  p.t("。");
  // By 类: 收支总表's 类 lines, else 支出总表's 类 rows, else the sums of its 项.
  let classes = classAmounts(w, table(w.facts, "T1"));
  if (!classes.length) classes = classAmounts(w, t3, "total");
  if (!classes.length && t3) classes = classSumsFromItems(w, t3, "total");
  const paras = [p.done()];
  if (classes.length) {
    const q = w.p().t("按支出功能分类：");
    w.shares(q, classes.map((c) => ({ name: w.fnName(c.code), a: c.a })), total, "支出合计");
    q.t("。");
    paras.push(q.done());
  }
  // Keep the by-类 sentence in the paragraph of the total (the shares' base is named there).
  if (paras.length === 2) paras.splice(0, 2, { runs: [...paras[0].runs, ...paras[1].runs] });
  w.section("expense", "支出预算情况", paras);
}

function fiscal(w: Writer): void {
  const t4 = table(w.facts, "T4");
  if (!t4) return w.omit("fiscal", "财政拨款收支预算总体情况", "工作簿中没有财政拨款收支总表");
  const grand = w.cur({ table: "T4", row: { fixed: "in.grand" } }) ?? w.cur({ table: "T4", row: { fixed: "in.current" } });
  if (!grand) return w.omit("fiscal", "财政拨款收支预算总体情况", "财政拨款收支总表没有收入总计");
  const p = w.p().t(`${w.who}${w.yearText}财政拨款收支预算总数 `).amt(grand).change(w.cmp(grand, { table: "T4", row: { fixed: "in.grand" } }), "财政拨款收支预算总数").t("。");
  const inc: { name: string; a: Amount }[] = [];
  for (const [key, name] of [
    ["in.cur.gpb", "本年一般公共预算拨款收入"],
    ["in.cur.gfb", "本年政府性基金预算拨款收入"],
    ["in.cur.socb", "本年国有资本经营预算拨款收入"],
    ["in.carry.gpb", "上年结转一般公共预算拨款"],
    ["in.carry.gfb", "上年结转政府性基金预算拨款"],
    ["in.carry.socb", "上年结转国有资本经营预算拨款"],
  ] as const) {
    const a = w.cur({ table: "T4", row: { fixed: key } });
    if (!isZero(a)) inc.push({ name, a: a! });
  }
  if (inc.length) {
    p.t("收入包括：");
    inc.forEach((x, i) => p.t(i ? "，" : "").t(`${x.name} `).amt(x.a));
    p.t("；");
  }
  const classes = classAmounts(w, t4);
  if (classes.length) {
    p.t("支出包括：");
    classes.forEach((c, i) => p.t(i ? "，" : "").t(`${w.fnName(c.code)} `).amt(c.a));
  }
  const carry = w.cur({ table: "T4", row: { fixed: "out.carry" } });
  if (!isZero(carry)) p.t("；年终结转结余 ").amt(carry!);
  if (inc.length || classes.length) p.t("。");
  w.section("fiscal", "财政拨款收支预算总体情况", [p.done()]);
}

function gpb(w: Writer): void {
  const t5 = table(w.facts, "T5");
  if (!t5) return w.omit("gpb", "一般公共预算当年拨款情况", "工作簿中没有一般公共预算支出表");
  const t5total = w.cur({ table: "T5", row: { total: true }, col: "total" });
  if (!t5total) return w.omit("gpb", "一般公共预算当年拨款情况", "一般公共预算支出表没有合计行");
  const paras: DraftParagraph[] = [];
  // (一) scale and change
  const curLoc: Locator | undefined = w.cur({ table: "T4", row: { fixed: "in.cur.gpb" } })
    ? { table: "T4", row: { fixed: "in.cur.gpb" } }
    : w.cur({ table: "T1", row: { fixed: "in.gpb" } })
      ? { table: "T1", row: { fixed: "in.gpb" } }
      : undefined;
  const current = curLoc ? w.cur(curLoc)! : t5total;
  paras.push(w.p().t("（一）一般公共预算当年拨款规模变化情况").done(true));
  const scale = w.p().t(`${w.who}${w.yearText}一般公共预算当年拨款 `).amt(current).change(w.cmp(current, curLoc ?? { table: "T5", row: { total: true }, col: "total" }), "预算").t("。");
  const carry = w.cur({ table: "T4", row: { fixed: "in.carry.gpb" } });
  if (Math.abs(inYuan(t5total, w.unit) - inYuan(current, w.unit)) >= 0.5 * Math.pow(10, -t5total.decimals) && !isZero(carry)) {
    scale.t("一般公共预算支出 ").amt(t5total).t("，其中：当年拨款 ").amt(current).t("，上年结转 ").amt(carry!).t("。");
  }
  paras.push(scale.done());
  // (二) structure by 类
  let classes = classAmounts(w, t5, "total");
  if (!classes.length) {
    const t4 = table(w.facts, "T4");
    const gpbCol = t4?.columns.some((c) => c.key === "expense.gpb");
    if (t4) classes = classAmounts(w, t4, gpbCol ? "gpb" : undefined);
    const sum = classes.reduce((s, c) => s + inYuan(c.a, w.unit), 0);
    if (!classes.length || Math.abs(sum - inYuan(t5total, w.unit)) > (t5total.unit === "元" ? 1 : 100) + 1e-9) classes = classSumsFromItems(w, t5, "total");
  }
  paras.push(w.p().t("（二）一般公共预算当年拨款结构情况").done(true));
  const st = w.p().t(`一般公共预算支出 `).amt(t5total);
  // Compare the table's total with last year's when the scale sentence could not (no 财政拨款收支总表 last year).
  const t5cmp = curLoc && !w.cmp(current, curLoc) ? w.cmp(t5total, { table: "T5", row: { total: true }, col: "total" }) : undefined;
  st.change(t5cmp, "预算");
  if (classes.length) {
    st.t(t5cmp ? "。其中：" : "，其中：");
    w.shares(st, classes.map((c) => ({ name: w.fnName(c.code), a: c.a })), t5total, "一般公共预算支出合计");
  }
  st.t("。");
  const basic = w.cur({ table: "T5", row: { total: true }, col: "basic" });
  const project = w.cur({ table: "T5", row: { total: true }, col: "project" });
  if (basic && project) {
    st.t("按支出类型：");
    w.shares(st, [{ name: "基本支出", a: basic }, { name: "项目支出", a: project }], t5total, "一般公共预算支出合计");
    st.t("。");
  }
  paras.push(st.done());
  // (三) item by item
  const items = deepestRows(t5).filter((r) => r.amounts.total && r.amounts.total.value !== null && !isZero(cellAmount(t5, r, r.amounts.total, "total", "current")));
  if (items.length) {
    paras.push(w.p().t("（三）一般公共预算当年拨款具体使用情况").done(true));
    items.forEach((r, i) => {
      const a = cellAmount(t5, r, r.amounts.total, "total", "current")!;
      const q = w.p().t(`${i + 1}. ${w.chain(r.code!, r.label)}${w.yearText}预算数为 `).amt(a).change(w.cmp(a, { table: "T5", row: { code: r.code! }, col: "total" }, true), "预算数").t("，主要用于：").ph(USE_PLACEHOLDER).t("。");
      paras.push(q.done());
    });
  }
  w.section("gpb", "一般公共预算当年拨款情况", paras);
}

function basicSection(w: Writer): void {
  const t6 = table(w.facts, "T6");
  if (!t6) return w.omit("basic", "一般公共预算基本支出情况", "工作簿中没有一般公共预算基本支出表");
  const total = w.cur({ table: "T6", row: { total: true }, col: "total" });
  if (!total) return w.omit("basic", "一般公共预算基本支出情况", "一般公共预算基本支出表没有合计行");
  const personnel = w.cur({ table: "T6", row: { total: true }, col: "basic.personnel" });
  const pub = w.cur({ table: "T6", row: { total: true }, col: "basic.public" });
  const p = w.p().t(`${w.who}${w.yearText}一般公共预算基本支出 `).amt(total).change(w.cmp(total, { table: "T6", row: { total: true }, col: "total" }), "预算").t("。");
  // 款 rows (5-digit 经济分类 codes) with their amount in the 人员经费 / 公用经费 column.
  const kuan = t6.rows.filter((r) => r.code && r.code.length === 5 && /^3/.test(r.code));
  const list = (col: string, classes: string[]) =>
    kuan
      .map((r) => {
        const cell = r.amounts[col] ?? (classes.includes(r.code!.slice(0, 3)) ? r.amounts.total : undefined);
        const a = cell ? cellAmount(t6, r, cell, r.amounts[col] ? col : "total", "current") : undefined;
        return a && !isZero(a) ? { name: w.econName(r.code!, r.label), a } : undefined;
      })
      .filter((x): x is { name: string; a: Amount } => !!x);
  const group = (name: string, a: Amount | undefined, items: { name: string; a: Amount }[], last: boolean) => {
    if (!a) return;
    p.t(`${name} `).amt(a);
    if (items.length) {
      p.t("，按部门预算支出经济分类主要包括：");
      items.forEach((x, i) => p.t(i ? "、" : "").t(`${x.name} `).amt(x.a));
    }
    p.t(last ? "。" : "；");
  };
  if (personnel || pub) {
    p.t("其中：");
    group("人员经费", personnel, list("basic.personnel", ["301", "303"]), !pub);
    group("公用经费", pub, list("basic.public", ["302", "310", "399"]), true);
  }
  w.section("basic", "一般公共预算基本支出情况", [p.done()]);
}

function sanGong(w: Writer): void {
  const t7 = table(w.facts, "T7");
  if (!t7) return w.omit("sanGong", "“三公”经费预算情况", "工作簿中没有“三公”经费支出表");
  const loc = (col: string): Locator => ({ table: "T7", row: { total: true }, col });
  const total = w.cur(loc("total"));
  const prevTotal = w.prior(loc("total"));
  if (isZero(total) && isZero(prevTotal)) {
    const p = w.p().t(`${w.who}${w.yearText}没有使用一般公共预算财政拨款安排“三公”经费预算`);
    if (w.opts.previous && prevTotal) p.t(`，与${w.prevYearText}预算持平`);
    w.section("sanGong", "“三公”经费预算情况", [p.t("。").done()]);
    return;
  }
  const zero: Amount = { value: 0, decimals: 2, sources: [], how: "表中为空", unit: t7.amountUnit };
  const head = w.p().t(`${w.who}${w.yearText}一般公共预算“三公”经费预算 `).amt(total ?? zero).change(total ? w.cmp(total, loc("total")) : undefined, "预算").t("。其中：");
  const paras = [head.done()];
  const item = (n: string, name: string, col: string, extra?: (p: Para) => void) => {
    const a = w.cur(loc(col)) ?? zero;
    const p = w.p().t(`（${n}）${name} `).amt(a);
    extra?.(p);
    p.change(w.cmp(a, loc(col)), "预算");
    paras.push(p.t("。").done());
  };
  item("一", "因公出国（境）费", "abroad");
  item("二", "公务用车购置及运行费", "car", (p) => {
    const pu = w.cur(loc("car.purchase"));
    const ru = w.cur(loc("car.running"));
    if (pu || ru) p.t("（其中：公务用车购置费 ").amt(pu ?? zero).t("，公务用车运行费 ").amt(ru ?? zero).t("）");
  });
  item("三", "公务接待费", "reception");
  w.section("sanGong", "“三公”经费预算情况", paras);
}

function fund(w: Writer, id: "gfb" | "socb"): void {
  const tid = id === "gfb" ? "T8" : "T9";
  const title = id === "gfb" ? "政府性基金预算支出情况" : "国有资本经营预算支出情况";
  const what = id === "gfb" ? "政府性基金预算拨款" : "国有资本经营预算拨款";
  const t = table(w.facts, tid);
  const t4in = w.cur({ table: "T4", row: { fixed: id === "gfb" ? "in.cur.gfb" : "in.cur.socb" } });
  if (!t && !table(w.facts, "T4")) return w.omit(id, title, `工作簿中没有${id === "gfb" ? "政府性基金预算支出表" : "国有资本经营预算支出表"}和财政拨款收支总表`);
  const total = t ? w.cur({ table: tid, row: { total: true }, col: "total" }) : t4in;
  if (isZero(total)) {
    w.section(id, title, [w.p().t(`${w.who}${w.yearText}没有使用${what}安排的支出。`).done()]);
    return;
  }
  const p = w.p().t(`${w.who}${w.yearText}${what}支出 `).amt(total!).change(w.cmp(total!, t ? { table: tid, row: { total: true }, col: "total" } : { table: "T4", row: { fixed: id === "gfb" ? "in.cur.gfb" : "in.cur.socb" } }), "预算");
  const classes = t ? classAmounts(w, t, "total") : [];
  if (classes.length) {
    p.t("，其中：");
    classes.forEach((c, i) => p.t(i ? "，" : "").t(`${w.fnName(c.code)} `).amt(c.a));
  }
  w.section(id, title, [p.t("。").done()]);
}

function running(w: Writer): void {
  const t14 = table(w.facts, "T14");
  if (!t14) return w.omit("running", "机关运行经费", "工作簿中没有机关运行经费预算表");
  const loc: Locator = { table: "T14", row: { total: true }, col: "total" };
  const a = w.cur(loc);
  const p = w.p();
  if (isZero(a)) p.t(`${w.who}${w.yearText}没有使用一般公共预算财政拨款安排机关运行经费。`);
  else p.t(`${w.who}${w.yearText}机关运行经费支出 `).amt(a!).change(w.cmp(a!, loc), "预算").t("。");
  w.others.push({ title: "机关运行经费情况", p: p.done() });
}

function procurement(w: Writer): void {
  const t13 = table(w.facts, "T13");
  if (!t13) return w.omit("procurement", "政府采购情况", "工作簿中没有政府采购预算表");
  const loc = (col: string): Locator => ({ table: "T13", row: { total: true }, col });
  const a = w.cur(loc("total"));
  const p = w.p();
  if (isZero(a)) p.t(`${w.who}${w.yearText}无政府采购项目，未安排政府采购预算。`);
  else {
    p.t(`${w.who}${w.yearText}政府采购预算总额 `).amt(a!).change(w.cmp(a!, loc("total")), "预算");
    const parts = [
      ["goods", "货物类"],
      ["works", "工程类"],
      ["services", "服务类"],
    ]
      .map(([c, n]) => ({ n, a: w.cur(loc(c)) }))
      .filter((x) => !isZero(x.a));
    if (parts.length) {
      p.t("，其中：");
      parts.forEach((x, i) => p.t(i ? "、" : "").t(`${x.n} `).amt(x.a!));
    }
    p.t("。");
  }
  w.others.push({ title: "政府采购情况", p: p.done() });
}

function performance(w: Writer): void {
  const t11 = table(w.facts, "T11");
  const t12 = table(w.facts, "T12");
  if (!t11 && !t12) return w.omit("performance", "预算绩效情况", "工作簿中没有绩效目标表");
  const p = w.p();
  if (t11) {
    const budgetCol = t11.columns.find((c) => c.key === "budget");
    const named = t11.rows.filter((r) => r.amounts.budget && r.amounts.budget.value !== null && !/^合计$|^总计$/.test(r.label.replace(/\s/g, "")));
    if (budgetCol && named.length) {
      const seen = new Set<string>();
      const amounts: Amount[] = [];
      for (const r of named) {
        const key = r.label || `${r.r}`;
        if (seen.has(key)) continue;
        seen.add(key);
        amounts.push(cellAmount(t11, r, r.amounts.budget, "budget", "current")!);
      }
      p.t(`${w.yearText}${w.who}编报绩效目标的项目 ${amounts.length} 个，涉及项目预算资金 `).amt(sumOf(amounts, "各项目预算数之和")).t("。");
    } else p.t(`${w.yearText}${w.who}按要求编制了项目支出绩效目标，详见项目支出绩效目标表。`);
  }
  if (t12) p.t(`${w.who}编制了${w.scopeWord}整体支出绩效目标，详见${w.scopeWord}整体支出绩效目标表。`);
  w.others.push({ title: "预算绩效情况", p: p.done() });
}

/** Write the draft for a recognised workbook. */
export function writeDraft(facts: WorkbookFacts, opts: DraftOptions = {}): Draft {
  // No previous workbook: last year's figures where the tables print them (上年预算数 columns).
  const inTables = opts.previous ? undefined : priorFacts(facts);
  if (inTables) opts = { ...opts, previous: inTables };
  const w = new Writer(facts, opts, !!inTables);
  const t1 = primaryTable(facts, "T1");
  const scope: "部门" | "单位" = facts.tables.some((t) => /^单位/.test(t.title.replace(/\s/g, "").replace(/^.*?\d{4}年(度)?/, ""))) && !facts.tables.some((t) => /部门/.test(t.title)) ? "单位" : "部门";
  w.scopeWord = scope;
  overall(w);
  income(w);
  expense(w);
  fiscal(w);
  gpb(w);
  basicSection(w);
  sanGong(w);
  fund(w, "gfb");
  fund(w, "socb");
  running(w);
  procurement(w);
  performance(w);
  if (w.others.length) {
    const paras: DraftParagraph[] = [];
    w.others.forEach((o, i) => {
      paras.push({ runs: [`（${CN[i]}）${o.title}`], heading: true });
      paras.push(o.p);
    });
    w.section("other", "其他重要事项的情况说明", paras);
  }
  void t1;
  if (w.sections.length && facts.tables.some((t) => t.amountUnit === "元"))
    w.sections.push({ id: "note", title: "注", paragraphs: [{ runs: ["注：表中金额单位为元，本说明中的金额换算为万元，保留两位小数，四舍五入可能存在尾差。"] }] });
  const conventions = [
    facts.amountUnit === "元" ? "表中金额单位为元，说明中换算为万元，保留两位小数。" : "金额单位为万元，数字按表中印出的小数位数照录。",
    "占比 = 分项 ÷ 总数，保留两位小数；各项之和等于总数时按最大余数法取舍，使各项占比合计为 100%。",
    "增减额 = 本年数 − 上年数；增减率 = 增减额 ÷ 上年数，保留两位小数；上年为 0 时写“新增”，不写增长率；增减额为 0 时写“持平”。",
    "“【请填写…】”处为原因、用途等须由编制人填写的内容。",
  ];
  if (w.sharesRounded) conventions.push("部分分项之和与总数有尾差，其占比逐项四舍五入，合计可能不等于 100%。");
  const title = `${w.who}${w.yearText}${scope}预算情况说明`;
  return {
    year: w.year,
    unitName: facts.unitName ?? opts.unitName,
    scope,
    tableUnit: facts.amountUnit,
    textUnit: "万元",
    title,
    sections: w.sections,
    omitted: w.omitted,
    conventions,
    hasPrevious: !!opts.previous,
  };
}

export { fixed };
