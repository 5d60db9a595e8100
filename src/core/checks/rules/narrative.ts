/**
 * 说明与表格一致 (narrative): what the 情况说明 says agrees with the tables and with itself.
 *  - an amount named in the text (a 类/款/项, 基本支出, 人员经费, an 经济分类 item, 三公, totals)
 *    equals the table figure it names (any scope the tables give: 收支总表 or 财政拨款 …);
 *  - a change with the prior figure given: this year − prior = the change, in the direction said;
 *  - parts' changes add up to the whole's change (when the parts' amounts add up to the whole);
 *  - 基本支出 + 项目支出 = the total; 人员经费 + 公用经费 = 基本支出;
 *  - another year named where the budget year is meant (warning).
 */
import { sheetFromRows, type Workbook } from "../../model";
import { analyzeNarrative, figureCell, quote, sectionBefore } from "../../narrative/analyze";
import { add, figure, fmt, overlaps, sub, type Interval } from "../../narrative/interval";
import { signedDelta, type ChangeClaim, type Figure, type ParsedParagraph } from "../../narrative/parse";
import { domainContext, matchSubject, targetFigures, type Target } from "../../narrative/targets";
import type { Finding, Rule, RuleContext } from "../types";
import { ref } from "../crossRelations";

const ID = "narrative";

function iv(f: Figure, factor: number): Interval {
  return figure(f.value, f.decimals, factor, f.scale);
}

function otherYear(f: Figure, year: number | undefined): number | undefined {
  if (!year) return undefined;
  const m = /(20\d{2})\s*年(?!\s*\d{1,2}\s*月)/.exec(f.rawSubject);
  if (!m) return undefined;
  const y = Number(m[1]);
  return y !== year ? y : undefined;
}

function budgetYear(ctx: RuleContext): number | undefined {
  return ctx.facts.year ?? analyzeNarrative(ctx.facts, ctx.wb).year;
}

function targetsOf(ctx: RuleContext, paras: ParsedParagraph[], i: number, f: Figure): Target[] {
  const year = ctx.facts.year ?? analyzeNarrative(ctx.facts, ctx.wb).year ?? 2024;
  const texts = [...sectionBefore(paras, i, 2).map((p) => p.norm).reverse(), paras[i].norm.slice(0, f.start)];
  const context = f.chain ? "function" : domainContext(texts);
  let ts = matchSubject(f.subject, year, context);
  if (f.chain && f.chain.length > 1) {
    const top = matchSubject(f.chain[0].name, year, "function").flatMap((t) => t.codes ?? []);
    if (top.length) ts = ts.filter((t) => !t.codes || t.codes.some((c) => top.some((p) => c.startsWith(p))));
  }
  return ts;
}

function checkAmounts(ctx: RuleContext, paras: ParsedParagraph[]): Finding[] {
  const out: Finding[] = [];
  const factor = ctx.options.roundingFactor;
  paras.forEach((p, i) => {
    for (const f of p.figures) {
      if (f.kind !== "amount" || f.role !== undefined || !f.subject) continue;
      if (otherYear(f, budgetYear(ctx)) !== undefined) continue;
      if (/上年|去年|上一年/.test(f.subject)) continue;
      const targets = targetsOf(ctx, paras, i, f);
      if (!targets.length) continue;
      const cands = targets.flatMap((t) => targetFigures(ctx.facts, t).map((tf) => ({ t, tf })));
      const printed = cands.filter((c) => c.tf.cell.value !== null);
      if (!printed.length) continue;
      const fi = iv(f, factor);
      const ok = printed.some((c) => overlaps(fi, figure(c.tf.cell.value!, c.tf.cell.decimals, factor)));
      if (ok) continue;
      // A blank table cell stands for nothing printed: the text's 0 agrees with it.
      if (f.value === 0 && cands.some((c) => c.tf.cell.value === null)) continue;
      const best = printed[0];
      const loc = figureCell(p.para, f);
      const diff = f.value - best.tf.cell.value!;
      out.push({
        ruleId: ID,
        severity: "error",
        sheet: loc.sheet,
        cell: loc.cell,
        related: printed.map((c) => ref(c.tf.table, c.tf.cell)),
        table: best.tf.table.spec.id,
        expected: best.tf.cell.value!,
        actual: Number(fmt(f.value, 4)),
        difference: Number(fmt(diff)),
        message:
          `说明与表格不一致：“${quote(p, f.start, f.end)}”，${best.t.label} 在 ${[...new Set(printed.map((c) => `${c.tf.where} 为 ${fmt(c.tf.cell.value!)}`))].join("、")}，` +
          `说明写 ${fmt(f.value)} 万元，相差 ${fmt(diff)}`,
      });
    }
  });
  return out;
}

function checkChanges(ctx: RuleContext, paras: ParsedParagraph[]): Finding[] {
  const out: Finding[] = [];
  const factor = ctx.options.roundingFactor;
  for (const p of paras) {
    for (const c of p.changes) {
      if (!c.prior || !c.delta || !c.current.length) continue;
      const cur = c.current[0];
      const change = sub(iv(cur, factor), iv(c.prior, factor));
      const claimed = c.dir === 0 ? { lo: 0, hi: 0 } : c.dir > 0 ? iv(c.delta, factor) : { lo: -iv(c.delta, factor).hi, hi: -iv(c.delta, factor).lo };
      if (overlaps(change, claimed)) continue;
      const real = cur.value - c.prior.value;
      const loc = figureCell(p.para, c.delta);
      const wrongDir = c.dir !== 0 && Math.sign(real) !== 0 && Math.sign(real) !== c.dir;
      out.push({
        ruleId: ID,
        severity: "error",
        sheet: loc.sheet,
        cell: loc.cell,
        expected: Number(fmt(Math.abs(real))),
        actual: c.delta.value,
        difference: Number(fmt(signedDelta(c) - real)),
        message: wrongDir
          ? `增减方向与数字不符：“${quote(p, c.prior.start, c.delta.end)}”，${fmt(cur.value)} 比 ${fmt(c.prior.value)} ${real < 0 ? "减少" : "增加"} ${fmt(Math.abs(real))}，说明却写${c.dir > 0 ? "增加" : "减少"}`
          : `增减额不对：“${quote(p, c.prior.start, c.delta.end)}”，${fmt(cur.value)} − ${fmt(c.prior.value)} = ${fmt(real)}，说明写${c.dir > 0 ? "增加" : "减少"} ${fmt(c.delta.value)}`,
      });
    }
  }
  return out;
}

interface Item {
  p: ParsedParagraph;
  change: ChangeClaim;
  current: Figure;
}

/** Parts' changes add up to the whole's change. */
function checkPartsSum(ctx: RuleContext, paras: ParsedParagraph[]): Finding[] {
  const out: Finding[] = [];
  const factor = ctx.options.roundingFactor;
  const report = (whole: { p: ParsedParagraph; c: ChangeClaim; cur: Figure }, items: Item[]) => {
    const sumIv = add(...items.map((it) => (it.change.dir === 0 ? { lo: 0, hi: 0 } : it.change.dir > 0 ? iv(it.change.delta!, factor) : { lo: -iv(it.change.delta!, factor).hi, hi: -iv(it.change.delta!, factor).lo })));
    const w = whole.c.dir > 0 ? iv(whole.c.delta!, factor) : { lo: -iv(whole.c.delta!, factor).hi, hi: -iv(whole.c.delta!, factor).lo };
    if (overlaps(sumIv, w)) return;
    const sum = items.reduce((s, it) => s + signedDelta(it.change), 0);
    const loc = figureCell(whole.p.para, whole.c.delta!);
    out.push({
      ruleId: ID,
      severity: "error",
      sheet: loc.sheet,
      cell: loc.cell,
      related: items.map((it) => {
        const l = figureCell(it.p.para, it.change.delta ?? it.current);
        return `${l.sheet}!${l.cell}`;
      }),
      expected: Number(fmt(sum)),
      actual: Number(fmt(signedDelta(whole.c))),
      difference: Number(fmt(signedDelta(whole.c) - sum)),
      message:
        `各项增减之和与总增减不符：“${quote(whole.p, whole.c.start, whole.c.end)}”，而分项 ` +
        items.map((it) => `${it.current.subject || "?"} ${signedDelta(it.change) >= 0 ? "+" : ""}${fmt(signedDelta(it.change))}`).join("、") +
        ` 合计 ${sum >= 0 ? "+" : ""}${fmt(sum)}，相差 ${fmt(signedDelta(whole.c) - sum)}`,
    });
  };
  // (1) Items in later paragraphs of the same level-1 section, one change each, whose amounts add up to the whole.
  paras.forEach((p, i) => {
    for (const c of p.changes) {
      if (!c.delta || !c.current.length || c.dir === 0) continue;
      const whole = c.current.find((f) => !f.inParens) ?? c.current[0];
      const sec = p.para.sectionIds[1];
      const items: Item[] = [];
      for (let k = i + 1; k < paras.length && paras[k].para.sectionIds[1] === sec; k++) {
        const q = paras[k];
        if (q.para.heading) continue;
        const chs = q.changes.filter((x) => x.current.length && !x.current[0].inParens);
        if (chs.length !== 1) continue;
        const ch = chs[0];
        const lead = ch.current[ch.current.length - 1];
        items.push({ p: q, change: ch, current: lead });
      }
      if (items.length < 2) continue;
      const sumCur = add(...items.map((it) => iv(it.current, factor)));
      if (!overlaps(sumCur, iv(whole, factor))) continue;
      report({ p, c, cur: whole }, items);
      break;
    }
  });
  // (2) "…减少 15 万元，其中基本支出增加 15 万元，项目支出减少 30 万元": the pair in the same sentence.
  for (const p of paras) {
    for (let k = 0; k < p.changes.length; k++) {
      const c = p.changes[k];
      if (!c.delta || c.dir === 0) continue;
      const after = p.norm.slice(c.end, c.end + 6);
      if (!/^[，,；;：:\s]*其中/.test(after)) continue;
      const rest = p.changes.slice(k + 1).filter((x) => x.sentence === c.sentence && x.delta);
      const pick = (name: RegExp) => rest.find((x) => name.test(x.subject));
      const pairs: [RegExp, RegExp][] = [
        [/^基本支出$/, /^项目支出$/],
        [/^人员经费$/, /^公用经费$/],
      ];
      for (const [a, b] of pairs) {
        const ca = pick(a);
        const cb = pick(b);
        if (ca && cb) report({ p, c, cur: c.current[0] ?? c.delta }, [ca, cb].map((x) => ({ p, change: x, current: x.current[0] ?? x.delta! })));
      }
    }
  }
  return out;
}

/** 基本支出 + 项目支出 = the paragraph's total; 人员经费 + 公用经费 = 基本支出. */
function checkStructure(ctx: RuleContext, paras: ParsedParagraph[]): Finding[] {
  const out: Finding[] = [];
  const factor = ctx.options.roundingFactor;
  const year = budgetYear(ctx) ?? 2024;
  paras.forEach((p, i) => {
    const group = [...sectionBefore(paras, i, 2).reverse(), p].filter((q) => q === p || !q.para.heading);
    const figs = group.flatMap((q) => q.figures.filter((f) => f.kind === "amount" && f.role === undefined && !f.inParens && otherYear(f, budgetYear(ctx)) === undefined).map((f) => ({ q, f })));
    const byId = (id: string) => figs.filter(({ f }) => matchSubject(f.subject, year).some((t) => t.id === id));
    const check = (whole: { q: ParsedParagraph; f: Figure }, a: { q: ParsedParagraph; f: Figure }, b: { q: ParsedParagraph; f: Figure }, what: string) => {
      if (whole.q !== p && a.q !== p && b.q !== p) return; // report once, in the paragraph where the last part is
      if (overlaps(add(iv(a.f, factor), iv(b.f, factor)), iv(whole.f, factor))) return;
      const loc = figureCell(whole.q.para, whole.f);
      const sum = a.f.value + b.f.value;
      out.push({
        ruleId: ID,
        severity: "error",
        sheet: loc.sheet,
        cell: loc.cell,
        expected: Number(fmt(sum)),
        actual: whole.f.value,
        difference: Number(fmt(whole.f.value - sum)),
        message: `${what}不成立：${a.f.subject} ${fmt(a.f.value)} + ${b.f.subject} ${fmt(b.f.value)} = ${fmt(sum)}，说明中的总数为 ${fmt(whole.f.value)}`,
      });
    };
    const basics = byId("basic").filter(({ q }) => q === p);
    const projects = byId("project").filter(({ q }) => q === p);
    if (basics.length === 1 && projects.length === 1) {
      const b = basics[0];
      const sentenceLead = p.figures.find((f) => f.kind === "amount" && f.role === undefined && f.sentence === b.f.sentence && f.start < b.f.start && f.start < projects[0].f.start);
      if (sentenceLead && !matchSubject(sentenceLead.subject, year).some((t) => t.id === "basic" || t.id === "project")) check({ q: p, f: sentenceLead }, b, projects[0], "基本支出 + 项目支出 = 总支出");
    }
    const pers = byId("personnel").filter(({ q }) => q === p);
    const pub = byId("public");
    if (pers.length === 1 && pub.length >= 1) {
      const basic = byId("basic").filter(({ f }) => f.start < pers[0].f.start || true).pop();
      const pb = pub.find(({ q, f }) => q !== p || f.start > pers[0].f.start) ?? pub[0];
      if (basic && basic.f !== pers[0].f) check(basic, pers[0], pb, "人员经费 + 公用经费 = 基本支出");
    }
  });
  return out;
}

/** A figure labelled with another year where the budget year is meant. */
function checkOtherYear(ctx: RuleContext, paras: ParsedParagraph[]): Finding[] {
  const out: Finding[] = [];
  const year = budgetYear(ctx);
  if (!year) return out;
  const factor = ctx.options.roundingFactor;
  // Current-year figures: table figures and text figures without another year.
  const current: { value: number; decimals: number; where: string }[] = [];
  for (const t of ctx.facts.tables) for (const r of t.rows) for (const a of Object.values(r.amounts)) if (a.value) current.push({ value: a.value, decimals: a.decimals, where: `${t.sheet}!${a.c}` });
  for (const p of paras) for (const f of p.figures) if (f.kind === "amount" && f.value && otherYear(f, year) === undefined && f.role === undefined) current.push({ value: f.value, decimals: f.decimals, where: "说明" });
  for (const p of paras) {
    for (const f of p.figures) {
      if (f.kind !== "amount" || !f.value) continue;
      const y = otherYear(f, year);
      if (y === undefined) continue;
      const sent = p.sentences[f.sentence];
      const before = p.norm.slice(sent.start, f.start);
      if (/比|较|相比|同比|上年|去年|截至|截止|以来|前两年|近两年/.test(before)) continue;
      if (f.role === "prior" || f.role === "delta") continue;
      // Only where the same figure is a current-year figure elsewhere.
      if (!current.some((c) => overlaps(iv(f, factor), figure(c.value, c.decimals, factor)))) continue;
      const loc = figureCell(p.para, f);
      out.push({
        ruleId: ID,
        severity: "warning",
        sheet: loc.sheet,
        cell: loc.cell,
        actual: y,
        expected: year,
        message: `年度可能写错：“${quote(p, f.start - f.rawSubject.length, f.end)}”写的是 ${y} 年，而 ${fmt(f.value)} 万元是 ${year} 年预算中的数字`,
      });
    }
  }
  return out;
}

export function checkNarrative(ctx: RuleContext): Finding[] {
  const { paras } = analyzeNarrative(ctx.facts, ctx.wb);
  if (!paras.length) return [];
  return [...checkAmounts(ctx, paras), ...checkChanges(ctx, paras), ...checkPartsSum(ctx, paras), ...checkStructure(ctx, paras), ...checkOtherYear(ctx, paras)];
}

const text = (lines: string[]): Workbook => ({ sheets: [sheetFromRows("情况说明", lines.map((l) => [l]))] });

export const narrativeRule: Rule = {
  id: ID,
  description: "说明与表格一致：说明中的金额、增减额与表格和上下文一致，分项增减之和等于总增减",
  defaultSeverity: "error",
  check: checkNarrative,
  valid: [
    {
      name: "武汉：十个项的增减之和等于总减少 27.72",
      workbook: () =>
        text([
          "五、一般公共预算支出安排情况",
          "2024 年一般公共预算拨款 1209.02 万元，比 2023 年预算减少 27.72 万元，下降 2.24%。",
          "1. 事业运行2024 年预算数 1182.02 万元，比 2023 年预算减少 30.72 万元。",
          "2. 住房公积金2024年预算数27万元,比2023年预算增加3万元。",
        ]),
    },
    { name: "增减额与上年数一致", workbook: () => text(["2024 年度一般公共预算支出 69.70 万元，比去年预算66.70 万元增加 3.00 万元。"]) },
  ],
  invalid: [
    {
      name: "海口：总增加 20.19，各类增加 20.19 + 2.1 + 1.62",
      workbook: () =>
        text([
          "二、关于2024年一般公共预算当年拨款情况说明",
          "2024年度一般公共预算财政拨款支出405.52万元，占本年支出合计的100%。与2023年度相比，财政拨款支出增加20.19万元，上升5.24%。",
          "1.社会保障和就业支出：年初预算数为376.17万元，比上年预算数增加20.19万元。",
          "2.卫生健康支出：年初预算数为17.12万元，比上年预算数增加2.1万元。",
          "4.住房保障支出：年初预算数为12.23万元，比上年预算数增加1.62万元。",
        ]),
      expect: [{ severity: "error", cell: "A2", messageIncludes: "23.91" }],
    },
    {
      name: "写成增加而数字是减少",
      workbook: () => text(["2024 年收支预算总数 641.15 万元，比 2023 年收支预算总数 650.27 万元增加 9.12 万元。"]),
      expect: [{ severity: "error", cell: "A1", messageIncludes: "方向" }],
    },
    {
      name: "海口：基本支出写成 2023 年度",
      workbook: () =>
        text(["2024年支出预算405.52万元，其中：基本支出163.52万元，占40.32%；项目支出242万元，占59.68%。", "2023年度财政拨款基本支出163.52万元，其中：人员经费149.69万元。公用经费13.82万元。"]),
      expect: [{ severity: "warning", cell: "A2", messageIncludes: "2023" }],
    },
  ],
};

export default narrativeRule;
