/**
 * 说明与表格一致 (narrative): what the 情况说明 says agrees with the tables and with itself, read
 * from the run's one narrative analysis (ctx.narrative).
 *  - an amount named in the text (a 类/款/项, 基本支出, 人员经费, an 经济分类 item, 三公, totals)
 *    equals the table figure it names (any scope the tables give: 收支总表 or 财政拨款 …); tables
 *    in 元 and text in 万元 are converted, each figure judged with the precision it is printed with;
 *  - a change with the prior figure given: this year − prior = the change, in the direction said;
 *    持平 with a prior figure that differs; 增加 D where this year is less than D (a budget of 0
 *    cannot have grown);
 *  - parts' changes add up to the whole's change (when the parts' amounts add up to the whole);
 *  - parts listed after 其中 never exceed their whole, and make it up exactly when the split is
 *    complete (基本 / 项目, 人员 / 公用, the three “三公” items, 货物 / 工程 / 服务);
 *  - 基本支出 + 项目支出 = the total; 人员经费 + 公用经费 = 基本支出;
 *  - another year named where the budget year is meant (warning).
 */
import { sheetFromRows, type Workbook } from "../../model";
import { figureCell, narrativeOf, quote, type NarrativeAnalysis } from "../../narrative/analyze";
import { signedDelta, type ChangeClaim, type Figure, type ParsedParagraph } from "../../narrative/parse";
import { add, figure, fmt, fmtAs, overlaps, sub, type Interval } from "../rounding";
import { cat, fmtAmount, listText, say, textIn, unitText, type Text } from "../messages";
import type { TableFigure } from "../../narrative/targets";
import type { Finding, Rule, RuleContext } from "../types";
import { ref } from "../crossRelations";
import { SAME_YEAR_MESSAGES, sameYearFindings } from "../../narrative/sameYear";

const ID = "narrative";

const MESSAGES = {
  tableMismatch: {
    "zh-CN": "说明与表格不一致：“{quote}”，{label}在表中为 {tables}，说明写 {stated}，相差 {difference}",
    "en-US": "The text disagrees with the tables: “{quote}”: the tables give {label} as {tables}, the text says {stated}, a difference of {difference}",
  },
  flatButChanged: {
    "zh-CN": "说“持平”而数字有增减：“{quote}”，{current} − {prior} = {difference}",
    "en-US": "The text says unchanged but the figures differ: “{quote}”: {current} − {prior} = {difference}",
  },
  increaseExceedsCurrent: {
    "zh-CN": "增加额大于本年数：“{quote}”，本年 {current}，比上年增加 {delta}，上年就成了 {prior}（负数）",
    "en-US": "The increase is larger than this year's figure: “{quote}”: this year {current}, up {delta} on last year, which would make last year {prior} (negative)",
  },
  saysUpButDown: {
    "zh-CN": "增减方向与数字不符：“{quote}”，{current} 比 {prior} 减少 {real}，说明却写增加",
    "en-US": "The direction contradicts the figures: “{quote}”: {current} is {real} less than {prior}, but the text says an increase",
  },
  saysDownButUp: {
    "zh-CN": "增减方向与数字不符：“{quote}”，{current} 比 {prior} 增加 {real}，说明却写减少",
    "en-US": "The direction contradicts the figures: “{quote}”: {current} is {real} more than {prior}, but the text says a decrease",
  },
  wrongIncrease: {
    "zh-CN": "增减额不对：“{quote}”，{current} − {prior} = {real}，说明写增加 {delta}",
    "en-US": "Wrong change: “{quote}”: {current} − {prior} = {real}, the text says an increase of {delta}",
  },
  wrongDecrease: {
    "zh-CN": "增减额不对：“{quote}”，{current} − {prior} = {real}，说明写减少 {delta}",
    "en-US": "Wrong change: “{quote}”: {current} − {prior} = {real}, the text says a decrease of {delta}",
  },
  partsChangeSum: {
    "zh-CN": "各项增减之和与总增减不符：“{quote}”，而分项 {items} 合计 {sum}，相差 {difference}",
    "en-US": "The parts' changes do not add up to the total change: “{quote}”, while the parts {items} add up to {sum}, a difference of {difference}",
  },
  listExceedsWhole: {
    "zh-CN": "其中所列各项之和大于总数：“{quote}”，{parts} = {sum}，总数写 {whole}，相差 {difference}",
    "en-US": "The parts listed add up to more than the total: “{quote}”: {parts} = {sum}, the total is given as {whole}, a difference of {difference}",
  },
  listMismatch: {
    "zh-CN": "其中所列各项之和与总数不符：“{quote}”，{parts} = {sum}，总数写 {whole}，相差 {difference}",
    "en-US": "The parts listed do not add up to the total: “{quote}”: {parts} = {sum}, the total is given as {whole}, a difference of {difference}",
  },
  basicPlusProject: {
    "zh-CN": "基本支出 + 项目支出 = 总支出不成立：{first} {firstValue} + {second} {secondValue} = {sum}，说明中的总数为 {whole}",
    "en-US": "Basic plus project expenditure is not the total: {first} {firstValue} + {second} {secondValue} = {sum}, the text gives the total as {whole}",
  },
  personnelPlusPublic: {
    "zh-CN": "人员经费 + 公用经费 = 基本支出不成立：{first} {firstValue} + {second} {secondValue} = {sum}，说明中的总数为 {whole}",
    "en-US": "Personnel plus public expenses is not basic expenditure: {first} {firstValue} + {second} {secondValue} = {sum}, the text gives the total as {whole}",
  },
  otherYear: {
    "zh-CN": "年度可能写错：“{quote}”写的是 {given} 年，而 {amount} 是 {year} 年预算中的数字",
    "en-US": "Possibly the wrong year: “{quote}” says {given}, but {amount} is a figure of the {year} budget",
  },
};

/** A figure of the text as the text writes it: "1434.89 万元" (not converted to the tables' unit). */
function written(f: Figure): Text {
  return f.unit && f.unit !== "%" ? cat(fmtAs(f.value / f.scale, f.decimals), " ", unitText(f.unit)) : fmtAs(f.value / f.scale, f.decimals);
}

/** An amount computed from text figures (a difference, a sum), in the unit of the text figure `like`, without the unit. */
function inTextUnit(v: number, like: Figure): string {
  return fmt(v / like.scale);
}

/** A table's figure as the table prints it: "14,348,900.00 元". */
function printedInTable(tf: TableFigure): Text {
  return cat(fmtAmount(tf.cell.value ?? 0, tf.cell.decimals), " ", unitText(tf.table.amountUnit));
}

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
  return ctx.year ?? narrativeOf(ctx).year ?? ctx.facts.year;
}

function checkAmounts(ctx: RuleContext, a: NarrativeAnalysis): Finding[] {
  const out: Finding[] = [];
  const factor = ctx.options.roundingFactor;
  const year = budgetYear(ctx);
  a.paras.forEach((p, i) => {
    for (const f of p.figures) {
      if (f.kind !== "amount" || f.role !== undefined || !f.subject) continue;
      if (otherYear(f, year) !== undefined) continue;
      if (/上年|去年|上一年/.test(f.subject)) continue;
      const targets = a.targetsOf(i, f);
      if (!targets.length) continue;
      const cands = targets.flatMap((t) => a.tableFigures(t).map((tf) => ({ t, tf })));
      const printed = cands.filter((c) => c.tf.value !== null);
      if (!printed.length) continue;
      const fi = iv(f, factor);
      // Table figures converted to the text's unit (元 tables, 万元 text), each with its own precision.
      const ok = printed.some((c) => overlaps(fi, figure(c.tf.value!, c.tf.decimals, factor)));
      if (ok) continue;
      // A blank table cell stands for nothing printed: the text's 0 agrees with it.
      if (f.value === 0 && cands.some((c) => c.tf.value === null)) continue;
      const best = printed[0];
      const loc = figureCell(p.para, f);
      const diff = f.value - best.tf.value!;
      out.push({
        ruleId: ID,
        severity: "error",
        sheet: loc.sheet,
        cell: loc.cell,
        related: printed.map((c) => ref(c.tf.table, c.tf.cell)),
        table: best.tf.table.spec.id,
        expected: best.tf.value!,
        actual: Number(fmt(f.value, 4)),
        difference: Number(fmt(diff)),
        ...say(MESSAGES, "tableMismatch", {
          quote: quote(p, f.start, f.end),
          label: best.t.label,
          tables: listText([...new Map(printed.map((c) => [`${c.tf.where} ${textIn(printedInTable(c.tf))}`, cat(c.tf.whereText, " ", printedInTable(c.tf))])).values()]),
          stated: written(f),
          difference: cat(inTextUnit(diff, f), " ", unitText(f.unit)),
        }),
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
      // 持平 with a prior figure that differs from this year's.
      if (c.dir === 0 && c.prior && c.current.length) {
        const cur = c.current[0];
        if (!overlaps(iv(cur, factor), iv(c.prior, factor))) {
          const loc = figureCell(p.para, cur);
          out.push({
            ruleId: ID,
            severity: "error",
            sheet: loc.sheet,
            cell: loc.cell,
            expected: Number(fmt(c.prior.value)),
            actual: Number(fmt(cur.value)),
            difference: Number(fmt(cur.value - c.prior.value)),
            ...say(MESSAGES, "flatButChanged", { quote: quote(p, c.prior.start, c.end), current: inTextUnit(cur.value, cur), prior: inTextUnit(c.prior.value, cur), difference: inTextUnit(cur.value - c.prior.value, cur) }),
          });
        }
        continue;
      }
      // 比上年增加 D: last year = this year − D cannot be negative (a budget of 0 cannot have grown).
      if (c.dir > 0 && c.delta && !c.prior && c.current.length === 1 && !c.current[0].inParens) {
        const cur = c.current[0];
        const last = sub(iv(cur, factor), iv(c.delta, factor));
        if (last.hi < 0 && c.delta.value > 0 && cur.sentence === c.delta.sentence) {
          const loc = figureCell(p.para, c.delta);
          out.push({
            ruleId: ID,
            severity: "error",
            sheet: loc.sheet,
            cell: loc.cell,
            expected: Number(fmt(cur.value)),
            actual: c.delta.value,
            difference: Number(fmt(c.delta.value - cur.value)),
            ...say(MESSAGES, "increaseExceedsCurrent", { quote: quote(p, cur.start, c.delta.end), current: inTextUnit(cur.value, cur), delta: inTextUnit(c.delta.value, cur), prior: inTextUnit(cur.value - c.delta.value, cur) }),
          });
        }
      }
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
        ...(wrongDir
          ? say(MESSAGES, real < 0 ? "saysUpButDown" : "saysDownButUp", { quote: quote(p, c.prior.start, c.delta.end), current: inTextUnit(cur.value, cur), prior: inTextUnit(c.prior.value, cur), real: inTextUnit(Math.abs(real), cur) })
          : say(MESSAGES, c.dir > 0 ? "wrongIncrease" : "wrongDecrease", { quote: quote(p, c.prior.start, c.delta.end), current: inTextUnit(cur.value, cur), prior: inTextUnit(c.prior.value, cur), real: inTextUnit(real, cur), delta: inTextUnit(c.delta.value, cur) })),
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
      ...say(MESSAGES, "partsChangeSum", {
        quote: quote(whole.p, whole.c.start, whole.c.end),
        items: listText(items.map((it) => `${it.current.subject || "?"} ${signedDelta(it.change) >= 0 ? "+" : ""}${inTextUnit(signedDelta(it.change), whole.c.delta!)}`)),
        sum: `${sum >= 0 ? "+" : ""}${inTextUnit(sum, whole.c.delta!)}`,
        difference: inTextUnit(signedDelta(whole.c) - sum, whole.c.delta!),
      }),
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
      const rest: ChangeClaim[] = [];
      for (let j = k + 1; j < p.changes.length && j <= k + 12 && p.changes[j].sentence === c.sentence; j++) if (p.changes[j].delta) rest.push(p.changes[j]);
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

/** Families of parts that make up their whole completely (the parts listed after 其中 then sum to it exactly, within rounding). */
const COMPLETE: string[][] = [
  ["basic", "project"],
  ["personnel", "public"],
  ["abroad", "car", "reception"],
  ["carPurchase", "carRunning"],
];
const PROCUREMENT_PARTS = /^(政府采购)?(货物|工程|服务)(类)?(采购)?(预算)?$/;

/**
 * Parts listed after 其中 add up to their whole: never more than the whole (beyond the rounding
 * envelope of the printed figures); exactly the whole when the list is a complete split
 * (基本 / 项目, 人员 / 公用, the three “三公” items, 货物 / 工程 / 服务).
 */
function checkLists(ctx: RuleContext, a: NarrativeAnalysis): Finding[] {
  const out: Finding[] = [];
  const factor = ctx.options.roundingFactor;
  a.paras.forEach((p, i) => {
    for (const l of p.lists) {
      if (l.parts.length < 1) continue;
      const sum = add(...l.parts.map((f) => iv(f, factor)));
      const whole = iv(l.whole, factor);
      if (overlaps(sum, whole)) continue;
      const ids = l.parts.map((f) => a.targetsOf(i, f).find((t) => t.kind === "structure")?.id ?? "");
      const complete =
        (l.parts.length >= 2 && COMPLETE.some((fam) => fam.length === ids.length && fam.every((id) => ids.includes(id)))) ||
        (l.parts.length >= 2 && l.parts.every((f) => PROCUREMENT_PARTS.test(f.subject)));
      const over = sum.lo > whole.hi;
      if (!over && !complete) continue; // a list of some parts only: less than the whole is fine
      if (over && l.parts.length < 2) continue; // one part larger than its whole: more likely another scope than a sum
      const total = l.parts.reduce((x, f) => x + f.value, 0);
      const loc = figureCell(p.para, l.whole);
      out.push({
        ruleId: ID,
        severity: "error",
        sheet: loc.sheet,
        cell: loc.cell,
        expected: Number(fmt(total)),
        actual: l.whole.value,
        difference: Number(fmt(l.whole.value - total)),
        ...say(MESSAGES, over ? "listExceedsWhole" : "listMismatch", {
          quote: quote(p, l.whole.start, l.parts[l.parts.length - 1].end),
          parts: l.parts.map((f) => `${f.subject || "?"} ${inTextUnit(f.value, l.whole)}`).join(" + "),
          sum: inTextUnit(total, l.whole),
          whole: inTextUnit(l.whole.value, l.whole),
          difference: inTextUnit(l.whole.value - total, l.whole),
        }),
      });
    }
  });
  return out;
}

/** 基本支出 + 项目支出 = the paragraph's total; 人员经费 + 公用经费 = 基本支出. */
function checkStructure(ctx: RuleContext, a: NarrativeAnalysis): Finding[] {
  const out: Finding[] = [];
  const factor = ctx.options.roundingFactor;
  const paras = a.paras;
  const year = budgetYear(ctx);
  const STRUCT_IDS = ["basic", "project", "personnel", "public"];
  // The structure figures of the running level-2 section, kept incrementally (no re-scan per paragraph).
  let section: { q: ParsedParagraph; f: Figure; id: string }[] = [];
  let sectionFrom = -1;
  const matchNoContext = (f: Figure) => a.matcher.match(f.subject);
  paras.forEach((p, i) => {
    const from = a.sectionStart(i, 2);
    if (from !== sectionFrom) {
      section = [];
      sectionFrom = from;
    }
    if (!p.para.heading || i === from)
      for (const f of p.figures) {
        if (f.kind !== "amount" || f.role !== undefined || f.inParens || otherYear(f, year) !== undefined) continue;
        for (const t of matchNoContext(f)) if (STRUCT_IDS.includes(t.id)) section.push({ q: p, f, id: t.id });
      }
    const byId = (id: string) => section.filter((x) => x.id === id);
    const check = (whole: { q: ParsedParagraph; f: Figure }, a: { q: ParsedParagraph; f: Figure }, b: { q: ParsedParagraph; f: Figure }, what: "basicPlusProject" | "personnelPlusPublic") => {
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
        ...say(MESSAGES, what, { first: a.f.subject, firstValue: inTextUnit(a.f.value, whole.f), second: b.f.subject, secondValue: inTextUnit(b.f.value, whole.f), sum: inTextUnit(sum, whole.f), whole: inTextUnit(whole.f.value, whole.f) }),
      });
    };
    const basics = byId("basic").filter(({ q }) => q === p);
    const projects = byId("project").filter(({ q }) => q === p);
    if (basics.length === 1 && projects.length === 1) {
      const b = basics[0];
      const sf = p.sentFigs[b.f.sentence];
      let r = -1;
      for (let k = sf.first; k < sf.end && k < sf.first + 12 && r < 0; k++) if (p.figures[k].kind === "amount" && p.figures[k].role === undefined) r = k;
      const sentenceLead = r >= 0 && p.figures[r].start < b.f.start && p.figures[r].start < projects[0].f.start ? p.figures[r] : undefined;
      if (sentenceLead && !matchNoContext(sentenceLead).some((t) => t.id === "basic" || t.id === "project")) check({ q: p, f: sentenceLead }, b, projects[0], "basicPlusProject");
    }
    const pers = byId("personnel").filter(({ q }) => q === p);
    const pub = byId("public");
    if (pers.length === 1 && pub.length >= 1) {
      const basic = byId("basic").filter(({ f }) => f.start < pers[0].f.start || true).pop();
      const pb = pub.find(({ q, f }) => q !== p || f.start > pers[0].f.start) ?? pub[0];
      if (basic && basic.f !== pers[0].f) check(basic, pers[0], pb, "personnelPlusPublic");
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
  const current: Interval[] = [];
  for (const t of ctx.facts.tables)
    for (const r of t.rows)
      for (const a of Object.values(r.amounts)) {
        if (!a.value) continue;
        const k = (t.amountUnit ?? ctx.facts.amountUnit) === ctx.facts.amountUnit ? 1 : t.amountUnit === "元" ? 1e-4 : 1e4;
        current.push(figure(a.value * k, a.decimals, factor, k));
      }
  for (const p of paras) for (const f of p.figures) if (f.kind === "amount" && f.value && otherYear(f, year) === undefined && f.role === undefined) current.push(iv(f, factor));
  // Sorted by lower end, with the widest interval: any interval meeting [lo, hi] starts in [lo − width, hi].
  current.sort((x, y) => x.lo - y.lo);
  const width = current.reduce((w, x) => Math.max(w, x.hi - x.lo), 0);
  const meetsCurrent = (x: Interval): boolean => {
    let lo = 0;
    let hi = current.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (current[mid].lo < x.lo - width) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < current.length && current[k].lo <= x.hi; k++) if (overlaps(current[k], x)) return true;
    return false;
  };
  for (const p of paras) {
    for (const f of p.figures) {
      if (f.kind !== "amount" || !f.value) continue;
      const y = otherYear(f, year);
      if (y === undefined) continue;
      const sent = p.sentences[f.sentence];
      const before = p.norm.slice(Math.max(sent.start, f.start - 160), f.start);
      if (/比|较|相比|同比|上年|去年|截至|截止|以来|前两年|近两年/.test(before)) continue;
      if (f.role === "prior" || f.role === "delta") continue;
      // Only where the same figure is a current-year figure elsewhere.
      if (!meetsCurrent(iv(f, factor))) continue;
      const loc = figureCell(p.para, f);
      out.push({
        ruleId: ID,
        severity: "warning",
        sheet: loc.sheet,
        cell: loc.cell,
        actual: y,
        expected: year,
        ...say(MESSAGES, "otherYear", { quote: quote(p, f.start - f.rawSubject.length, f.end), given: y, amount: written(f), year }),
      });
    }
  }
  return out;
}

export function checkNarrative(ctx: RuleContext): Finding[] {
  const a = narrativeOf(ctx);
  const { paras } = a;
  if (!paras.length) return [];
  return [...checkAmounts(ctx, a), ...checkChanges(ctx, paras), ...checkPartsSum(ctx, paras), ...checkLists(ctx, a), ...checkStructure(ctx, a), ...checkOtherYear(ctx, paras), ...sameYearFindings(ID, paras, budgetYear(ctx))];
}

const text = (lines: string[]): Workbook => ({ sheets: [sheetFromRows("情况说明", lines.map((l) => [l]))] });

export const narrativeRule: Rule = {
  id: ID,
  description: "说明与表格一致：说明中的金额、增减额与表格和上下文一致，分项增减之和等于总增减",
  defaultSeverity: "error",
  messages: { ...MESSAGES, ...SAME_YEAR_MESSAGES },
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
    {
      name: "普陀区司法局 2026 单位预算：比2025年预算、比2025年预算执行数（上年），不是同一年",
      workbook: () => text(["一、2026年单位预算概况", "2026年，上海市普陀区司法局收入预算8695.94万元，其中：财政拨款收入8695.94万元，比2025年预算增加794.88万元。", "2025年当年预算执行数为2149.45万元，2026年预算安排2170.39万元，比2025年预算执行数增加0.97%。"]),
    },
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
      expect: [{ severity: "error", cell: "A2", messageId: "partsChangeSum", messageIncludes: "23.91" }],
    },
    {
      name: "元的表、万元的说明：表中数按表的单位（元）列出，说明的数按说明的单位（万元）",
      workbook: () => ({
        sheets: [
          sheetFromRows("一般公共预算支出", [
            ["2025年一般公共预算支出表"],
            ["编制部门：上海市普陀区人民政府办公室", null, null, null, "单位：元"],
            ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
            [null, "合计", 44_876_800, 44_876_800, 0],
            ["208", "社会保障和就业支出", 44_876_800, 44_876_800, 0],
          ], "#,##0.00"),
          sheetFromRows("情况说明", [["2025年一般公共预算支出4,487.68万元，其中社会保障和就业支出4,487.58万元。"]]),
        ],
      }),
      expect: [{ severity: "error", cell: "A1", messageId: "tableMismatch", messageIncludes: "44,876,800.00 元，说明写 4487.58 万元，相差 -0.10 万元" }],
    },
    {
      name: "写成增加而数字是减少",
      workbook: () => text(["2024 年收支预算总数 641.15 万元，比 2023 年收支预算总数 650.27 万元增加 9.12 万元。"]),
      expect: [{ severity: "error", cell: "A1", messageId: "saysUpButDown" }],
    },
    {
      name: "海口：基本支出写成 2023 年度",
      workbook: () =>
        text(["2024年支出预算405.52万元，其中：基本支出163.52万元，占40.32%；项目支出242万元，占59.68%。", "2023年度财政拨款基本支出163.52万元，其中：人员经费149.69万元。公用经费13.82万元。"]),
      expect: [{ severity: "warning", cell: "A2", messageId: "otherYear", messageIncludes: "2023" }],
    },
    {
      name: "普陀区司法局 2026：2026 年预算的说明写“比2026年预算增加”（与自身比较）",
      workbook: () => text(["一、2026年部门预算概况", "2026年，上海市普陀区司法局收入预算9628.22万元，其中：财政拨款收入9628.22万元，比2026年预算增加793.14万元。"]),
      expect: [{ severity: "warning", cell: "A2", messageId: "sameYear" }],
    },
  ],
};

export default narrativeRule;
