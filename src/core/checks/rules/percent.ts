/**
 * 百分比 (percent): shares and rates recomputed from the figures they refer to, read from the
 * run's one narrative analysis (ctx.narrative).
 *  - text shares "X 万元，占 [基数] Y%": the base is the total the sentence names (占支出总预算 /
 *    占一般公共预算支出 / 占基本支出 …), as the text or the tables state it; with no base named, the
 *    whole the part is listed under (the figure before 其中, the sentence's lead, the listed parts'
 *    sum when their shares make 100%, the section's lead total, the tables' total for what the part
 *    is) — never merely the figure of the line above. A base nobody can resolve: no judgement;
 *  - the shares of a two-way split (基本 / 项目, 人员 / 公用) add up to 100%;
 *  - rates "比上年增加 D 万元，增长 P%": P = D ÷ (本年 − D) (or D ÷ the prior figure given); with both
 *    years' figures "执行数 A … 预算 B … 增加 P%": P = (B − A) ÷ A, in the direction said; 持平 with a
 *    rate other than 0%;
 *  - 绩效 indicator values (完成率 100%, 满意度 95%) are neither shares nor rates;
 *  - 占比 columns in tables: each line's amount / the 合计 line's.
 * Every figure keeps its printed precision: a percentage is flagged only when no value inside the
 * rounding envelope of the figures gives it (a truncated instead of rounded percentage is a warning).
 */
import { toA1 } from "../../a1";
import { sheetFromRows, type Workbook } from "../../model";
import { figureCell, narrativeOf, quote, type NarrativeAnalysis } from "../../narrative/analyze";
import type { Figure, ListClaim, ShareClaim } from "../../narrative/parse";
import type { Target } from "../../narrative/targets";
import { add, div, figure, fmt, overlaps, scale, sub, type Interval } from "../rounding";
import { labelKey } from "../../text";
import { cat, listText, say, tr, unitText, type Localized, type Text } from "../messages";
import type { Finding, Rule, RuleContext } from "../types";

interface Denominator {
  value: number;
  iv: Interval;
  /** Where the base comes from, for the message: 本句“…” / 上文“…” / 所列各项之和 / a table place. */
  source: Text;
  fig?: Figure;
}

function pctInterval(f: Figure, factor: number): Interval {
  return figure(f.value, f.decimals, factor);
}

function truncInterval(f: Figure): Interval {
  const u = Math.pow(10, -f.decimals);
  return { lo: f.value - 1e-9, hi: f.value + u + 1e-9 };
}

function ratioPct(part: Interval, total: Interval): Interval | null {
  const r = div(part, total);
  return r ? scale(r, 100) : null;
}

/**
 * Does `num` ÷ any of the candidate totals give the stated percentage (within its printed
 * precision)? `trunc`: only a truncated (not rounded) reading of the percentage fits.
 */
function judgeRatio(num: Interval, totals: { iv: Interval }[], claimed: Interval, stated: Figure): { ok: boolean; trunc: boolean } {
  let trunc = false;
  for (const t of totals) {
    const r = ratioPct(num, t.iv);
    if (!r) continue;
    if (overlaps(r, claimed)) return { ok: true, trunc: false };
    if (overlaps(r, truncInterval(stated))) trunc = true;
  }
  return { ok: false, trunc };
}

/** A percentage that does not recompute: an error, or a warning where only truncation explains it. */
const MESSAGES = {
  shareAdjusted: {
    "zh-CN": "占比按合计 100% 调整了尾数：“{quote}”，{part} ÷ {base}（{source}）= {expected}%，说明写 {stated}；所列各项占比之和正好 100%（最大余数法），不是错误",
    "en-US": "A share rounded so that the shares add up to 100%: “{quote}”: {part} ÷ {base} ({source}) = {expected}%, the text says {stated}; the listed shares add up to exactly 100% (largest remainder method), so this is not an error",
  },
  shareTruncated: {
    "zh-CN": "百分比截断而非四舍五入：“{quote}”，{part} ÷ {base}（{source}）= {expected}%",
    "en-US": "The percentage is truncated, not rounded: “{quote}”: {part} ÷ {base} ({source}) = {expected}%",
  },
  wrongShare: {
    "zh-CN": "百分比不对：“{quote}”，{part} ÷ {base}（{source}）= {expected}%，说明写 {stated}，相差 {difference} 个百分点",
    "en-US": "Wrong percentage: “{quote}”: {part} ÷ {base} ({source}) = {expected}%, the text says {stated}, a difference of {difference} percentage points",
  },
  basicProjectNot100: {
    "zh-CN": "基本支出与项目支出的占比之和不是 100%：“{quote}”，{first} + {second} = {total}%",
    "en-US": "The shares of basic and project expenditure do not add up to 100%: “{quote}”: {first} + {second} = {total}%",
  },
  personnelPublicNot100: {
    "zh-CN": "人员经费与公用经费的占比之和不是 100%：“{quote}”，{first} + {second} = {total}%",
    "en-US": "The shares of personnel and public expenses do not add up to 100%: “{quote}”: {first} + {second} = {total}%",
  },
  flatWithRate: {
    "zh-CN": "说“持平”却给出增减幅度：“{quote}”",
    "en-US": "The text says the figure is unchanged but gives a rate of change: “{quote}”",
  },
  saysUpButDown: {
    "zh-CN": "增减方向与数字不符：“{quote}”，{current} 比 {prior} 减少 {rate}%，说明却写增加 {stated}",
    "en-US": "The direction contradicts the figures: “{quote}”: {current} is {rate}% less than {prior}, but the text says an increase of {stated}",
  },
  saysDownButUp: {
    "zh-CN": "增减方向与数字不符：“{quote}”，{current} 比 {prior} 增加 {rate}%，说明却写减少 {stated}",
    "en-US": "The direction contradicts the figures: “{quote}”: {current} is {rate}% more than {prior}, but the text says a decrease of {stated}",
  },
  wrongRateUp: {
    "zh-CN": "增减百分比不对：“{quote}”，({current} − {prior}) ÷ {prior} = {expected}%，说明写增加 {stated}",
    "en-US": "Wrong rate of change: “{quote}”: ({current} − {prior}) ÷ {prior} = {expected}%, the text says an increase of {stated}",
  },
  wrongRateDown: {
    "zh-CN": "增减百分比不对：“{quote}”，({current} − {prior}) ÷ {prior} = {expected}%，说明写减少 {stated}",
    "en-US": "Wrong rate of change: “{quote}”: ({current} − {prior}) ÷ {prior} = {expected}%, the text says a decrease of {stated}",
  },
  amountUpRateDown: {
    "zh-CN": "增减方向矛盾：“{quote}”，金额说增加，百分比却说下降",
    "en-US": "Contradictory direction: “{quote}”: the amount is said to increase but the percentage to fall",
  },
  amountDownRateUp: {
    "zh-CN": "增减方向矛盾：“{quote}”，金额说减少，百分比却说增长",
    "en-US": "Contradictory direction: “{quote}”: the amount is said to decrease but the percentage to grow",
  },
  wrongRateOnPrior: {
    "zh-CN": "增减百分比不对：“{quote}”，上年 {base}，{delta} ÷ {base} = {expected}%，说明写 {stated}",
    "en-US": "Wrong rate of change: “{quote}”: last year {base}, {delta} ÷ {base} = {expected}%, the text says {stated}",
  },
  wrongRateDerived: {
    "zh-CN": "增减百分比不对：“{quote}”，上年 = {current} {op} {delta} = {base}，{delta} ÷ {base} = {expected}%，说明写 {stated}",
    "en-US": "Wrong rate of change: “{quote}”: last year = {current} {op} {delta} = {base}, {delta} ÷ {base} = {expected}%, the text says {stated}",
  },
  columnAll100: {
    "zh-CN": "“占比”列第 {from}—{to} 行都是 100%，不是各行占合计的比例（那样应为 {shares}）：请核对该列的含义（如“财政拨款所占比例”）并在表头写明",
    "en-US": "The share column is 100% in every row from {from} to {to}, so it is not each row's share of the total (that would be {shares}): check what the column means and say so in its header",
  },
  wrongColumnShare: {
    "zh-CN": "占比不对：{amount} ÷ 合计 {total} = {expected}%，填列 {stated}%",
    "en-US": "Wrong share: {amount} ÷ the total {total} = {expected}%, but {stated}% is filled in",
  },
};

function percentFinding(loc: { sheet: string; cell: string }, trunc: boolean, expected: number, stated: number, message: ReturnType<typeof say>): Finding {
  return {
    ruleId: "percent",
    severity: trunc ? "warning" : "error",
    sheet: loc.sheet,
    cell: loc.cell,
    expected: Number(fmt(expected)),
    actual: stated,
    difference: Number(fmt(stated - expected)),
    ...message,
  };
}

function amountIv(f: Figure, factor: number): Interval {
  return figure(f.value, f.decimals, factor, f.scale);
}

/** Subjects that are a whole (a sentence's or a section's total), not a part. */
const TOTAL_SUBJECT = /总计|合计|总预算|预算总数|收入预算|支出预算|当年拨款|财政拨款|拨款$|总额|收支预算|^支出$|^收入$/;
/** A share's base named only generically: the whole the sentence or section is about. */
const GENERIC_BASE = /^(全年|本年|当年|年度|总|全部|部门|单位|本部门|本单位)*(预算|支出|收入|预算支出|预算收入|支出预算|收入预算|总额|合计)?$/;

interface Bases {
  list: Denominator[];
  /** How the base was found: named (the total the sentence names) or the whole of the enumeration. */
  how: "named" | "whole" | "none";
}

/**
 * The base of "占 X%": the total the sentence names ("占支出总预算" → the 支出总计 of the text or
 * the tables), else the whole the part is listed under (the figure before 其中, the sentence's lead,
 * the sum of the listed parts when their shares make 100%, the section's lead total, the tables'
 * total for what the part is). Never merely the figure of the line above.
 */
interface ShareGroup {
  shares: ShareClaim[];
  parts: Set<Figure>;
  /** Σ of the listed parts, when their shares make up 100% (±1.5 for rounding); else undefined. */
  partsSum?: Denominator;
}

/** A base stated in the same sentence: 本句“支出预算” / “支出预算” in this sentence (“合计” / the sentence's total when it names none). */
function sentenceBase(f: Figure): Localized {
  return tr(`本句“${f.subject || "合计"}”`, f.subject ? `“${f.subject}” in this sentence` : "this sentence's total");
}

function shareBases(ctx: RuleContext, a: NarrativeAnalysis, i: number, s: ShareClaim, group: ShareGroup, listOf: Map<Figure, ListClaim>): Bases {
  const factor = ctx.options.roundingFactor;
  const p = a.paras[i];
  const out: Denominator[] = [];
  const part = s.part;
  const parts = group.parts;
  const pushFig = (f: Figure | undefined, source: Text) => {
    if (f && f !== part && f.value > 0 && !out.some((d) => d.fig === f)) out.push({ value: f.value, iv: amountIv(f, factor), source, fig: f });
  };
  const pushTargets = (ts: Target[]) => {
    for (const t of ts)
      for (const tf of a.tableFigures(t))
        if (tf.value) out.push({ value: tf.value, iv: figure(tf.value, tf.decimals, factor), source: tf.whereText });
  };
  const named = s.denomText && !GENERIC_BASE.test(labelKey(s.denomText)) ? a.matcher.match(s.denomText) : [];
  if (named.length) {
    // The same total stated in the text (this paragraph or its section), then in the tables.
    const ids = new Set(named.map((t) => t.id));
    const from = a.sectionStart(i, 1);
    for (let k = i; k >= from && k >= i - 40; k--) {
      for (const f of a.paras[k].figures) {
        if (f.kind !== "amount" || f.role !== undefined || (k === i && f.start > s.percent.start)) continue;
        if (a.targetsOf(k, f).some((t) => ids.has(t.id))) pushFig(f, tr(`说明中的“${f.subject}”`, `“${f.subject}” in the text`));
      }
    }
    pushTargets(named);
    return { list: out, how: out.length ? "named" : "none" };
  }
  if (s.denomText && !GENERIC_BASE.test(labelKey(s.denomText))) return { list: [], how: "none" }; // a base we cannot resolve: no judgement
  // The whole of the enumeration the part is in.
  const list = listOf.get(part);
  if (list) pushFig(list.whole, sentenceBase(list.whole));
  // The sentence's lead amount, when it is not itself one of the listed parts.
  const sf = p.sentFigs[part.sentence];
  let lead: Figure | undefined;
  for (let k = sf.first; k < sf.end && k < sf.first + 12 && !lead; k++) if (p.figures[k].kind === "amount" && p.figures[k].role === undefined) lead = p.figures[k];
  if (lead && lead.start < part.start && !parts.has(lead)) pushFig(lead, sentenceBase(lead));
  // The sum of the listed parts when their shares make up the whole.
  if (group.partsSum) out.push(group.partsSum);
  // The section's lead total (a heading paragraph's first figure, or the first paragraph's).
  const from = a.sectionStart(i, 1);
  for (let k = from; k < i && k < from + 3; k++) {
    const f = a.paras[k].figures.find((g) => g.kind === "amount" && g.role === undefined);
    if (f && TOTAL_SUBJECT.test(f.subject)) {
      pushFig(f, tr(`上文“${f.subject}”`, `“${f.subject}” above`));
      break;
    }
  }
  // The tables' totals for what the part is (classes → 支出合计; 基本 / 项目 → 支出合计; income lines → 收入合计).
  const targets = a.targetsOf(i, part);
  const m = a.matcher;
  if (targets.some((t) => t.kind === "function" && (t.codes ?? []).some((c) => c.length === 3))) pushTargets([...m.match("一般公共预算支出"), ...m.match("本年支出合计")]);
  if (targets.some((t) => t.id === "basic" || t.id === "project")) pushTargets([...m.match("一般公共预算支出"), ...m.match("支出总计")]);
  if (targets.some((t) => /Income|carry/.test(t.id))) pushTargets(m.match("收入总计"));
  return { list: out, how: out.length ? "whole" : "none" };
}

function checkShares(ctx: RuleContext, a: NarrativeAnalysis): Finding[] {
  const out: Finding[] = [];
  const factor = ctx.options.roundingFactor;
  a.paras.forEach((p, i) => {
    // Shares of one enumeration (same sentence, same named base, at most a list's length apart), grouped once.
    const groups = new Map<ShareClaim, ShareGroup>();
    let cur: ShareGroup | undefined;
    for (const s of p.shares) {
      const prev = cur?.shares[cur.shares.length - 1];
      if (!cur || !prev || prev.percent.sentence !== s.percent.sentence || prev.denomText !== s.denomText || cur.shares.length >= 24) {
        cur = { shares: [], parts: new Set() };
      }
      cur.shares.push(s);
      cur.parts.add(s.part);
      groups.set(s, cur);
    }
    for (const g of new Set(groups.values())) {
      const pctSum = g.shares.reduce((x, y) => x + y.percent.value, 0);
      if (g.shares.length >= 2 && Math.abs(pctSum - 100) < 1.5)
        g.partsSum = { value: g.shares.reduce((x, y) => x + y.part.value, 0), iv: add(...g.shares.map((y) => amountIv(y.part, factor))), source: tr("所列各项之和", "the sum of the listed parts") };
    }
    const listOf = new Map<Figure, ListClaim>();
    for (const l of p.lists) for (const f of l.parts) listOf.set(f, l);
    for (const s of p.shares) {
      const { list: dens } = shareBases(ctx, a, i, s, groups.get(s)!, listOf);
      if (!dens.length) continue; // the base cannot be resolved: no judgement
      const claimed = pctInterval(s.percent, factor);
      const partIv = amountIv(s.part, factor);
      const { ok, trunc } = judgeRatio(partIv, dens, claimed, s.percent);
      if (ok) continue;
      const d = dens[0];
      const expected = (s.part.value / d.value) * 100;
      const loc = figureCell(p.para, s.percent);
      // Shares made to add up to exactly 100% (largest remainder: one share moved by one unit of its
      // last digit) are a convention, not a mistake: information, when the one-unit move explains it.
      const g = groups.get(s)!;
      const unit = Math.pow(10, -s.percent.decimals);
      const stated100 = g.shares.length >= 2 && Math.abs(g.shares.reduce((x, y) => x + y.percent.value, 0) - 100) < unit / 2;
      if (stated100 && judgeRatio(partIv, dens, { lo: claimed.lo - unit, hi: claimed.hi + unit }, s.percent).ok) {
        out.push({
          ruleId: "percent",
          severity: "info",
          sheet: loc.sheet,
          cell: loc.cell,
          expected: Number(fmt(expected)),
          actual: s.percent.value,
          difference: Number(fmt(s.percent.value - expected)),
          ...say(MESSAGES, "shareAdjusted", { quote: quote(p, s.part.start, s.percent.end), part: fmt(s.part.value), base: fmt(d.value), source: d.source, expected: fmt(expected), stated: s.percent.raw.replace(/\s/g, "") }),
        });
        continue;
      }
      out.push(
        percentFinding(loc, trunc, expected, s.percent.value, trunc
          ? say(MESSAGES, "shareTruncated", { quote: quote(p, s.part.start, s.percent.end), part: fmt(s.part.value), base: fmt(d.value), source: d.source, expected: fmt(expected) })
          : say(MESSAGES, "wrongShare", { quote: quote(p, s.part.start, s.percent.end), part: fmt(s.part.value), base: fmt(d.value), source: d.source, expected: fmt(expected), stated: s.percent.raw.replace(/\s/g, ""), difference: fmt(s.percent.value - expected) })),
      );
    }
  });
  return out;
}

/** The two shares of a two-way split (基本 / 项目, 人员 / 公用) of one base add up to 100%. */
function checkSplitShares(ctx: RuleContext, a: NarrativeAnalysis): Finding[] {
  const out: Finding[] = [];
  const factor = ctx.options.roundingFactor;
  const PAIRS: [string, string, keyof typeof MESSAGES][] = [
    ["basic", "project", "basicProjectNot100"],
    ["personnel", "public", "personnelPublicNot100"],
  ];
  a.paras.forEach((p, i) => {
    for (const [x, y, what] of PAIRS) {
      const sx = p.shares.filter((s) => a.targetsOf(i, s.part).some((t) => t.id === x));
      const sy = p.shares.filter((s) => a.targetsOf(i, s.part).some((t) => t.id === y));
      if (sx.length !== 1 || sy.length !== 1 || sx[0].denomText !== sy[0].denomText) continue;
      if (sx[0].percent.sentence !== sy[0].percent.sentence && Math.abs(sx[0].percent.sentence - sy[0].percent.sentence) > 1) continue;
      const sum = add(pctInterval(sx[0].percent, factor), pctInterval(sy[0].percent, factor));
      if (sum.lo <= 100 && 100 <= sum.hi) continue;
      const total = sx[0].percent.value + sy[0].percent.value;
      const loc = figureCell(p.para, sy[0].percent);
      out.push({
        ruleId: "percent",
        severity: "error",
        sheet: loc.sheet,
        cell: loc.cell,
        expected: 100,
        actual: Number(fmt(total)),
        difference: Number(fmt(total - 100)),
        ...say(MESSAGES, what, { quote: quote(p, sx[0].part.start, sy[0].percent.end), first: sx[0].percent.raw.replace(/\s/g, ""), second: sy[0].percent.raw.replace(/\s/g, ""), total: fmt(total) }),
      });
    }
  });
  return out;
}

function checkRates(ctx: RuleContext, a: NarrativeAnalysis): Finding[] {
  const out: Finding[] = [];
  const factor = ctx.options.roundingFactor;
  for (const p of a.paras) {
    for (const c of p.changes) {
      if (!c.percent) continue;
      const loc = figureCell(p.para, c.percent);
      if (c.dir === 0) {
        // "持平" with a rate other than 0%.
        if (c.percent.value !== 0 && !overlaps(pctInterval(c.percent, factor), { lo: 0, hi: 0 }))
          out.push({ ruleId: "percent", severity: "error", sheet: loc.sheet, cell: loc.cell, expected: 0, actual: c.percent.value, ...say(MESSAGES, "flatWithRate", { quote: quote(p, c.start, c.end) }) });
        continue;
      }
      if (!c.delta) {
        // Both years' figures given: P = (本年 − 上年) ÷ 上年, in the direction said.
        if (!c.prior || !c.current.length) continue;
        const cur = amountIv(c.current[0], factor);
        const prior = amountIv(c.prior, factor);
        if (prior.lo <= 0) continue;
        const change = sub(cur, prior);
        const rate = ratioPct(change, prior);
        if (!rate) continue;
        const real = c.current[0].value - c.prior.value;
        const expected = (real / c.prior.value) * 100;
        const claimed = scale(pctInterval(c.percent, factor), c.dir);
        if (overlaps(rate, claimed)) continue;
        const wrongDir = (c.dir > 0 && change.hi < 0) || (c.dir < 0 && change.lo > 0);
        out.push({
          ruleId: "percent",
          severity: "error",
          sheet: loc.sheet,
          cell: loc.cell,
          expected: Number(fmt(expected)),
          actual: c.dir * c.percent.value,
          difference: Number(fmt(c.dir * c.percent.value - expected)),
          ...(wrongDir
            ? say(MESSAGES, real < 0 ? "saysUpButDown" : "saysDownButUp", { quote: quote(p, c.prior.start, c.percent.end), current: asWritten(c.current[0]), prior: asWritten(c.prior), rate: fmt(Math.abs(expected)), stated: c.percent.raw.replace(/\s/g, "") })
            : say(MESSAGES, c.dir > 0 ? "wrongRateUp" : "wrongRateDown", { quote: quote(p, c.prior.start, c.percent.end), current: asWritten(c.current[0], false), prior: asWritten(c.prior, false), expected: fmt(expected), stated: c.percent.raw.replace(/\s/g, "") })),
        });
        continue;
      }
      if (c.percentDir !== undefined && c.percentDir !== c.dir) {
        out.push({
          ruleId: "percent",
          severity: "error",
          sheet: loc.sheet,
          cell: loc.cell,
          ...say(MESSAGES, c.dir > 0 ? "amountUpRateDown" : "amountDownRateUp", { quote: quote(p, c.start, c.end) }),
        });
        continue;
      }
      // The rate is judged on last year's base: 增长 P% = D ÷ (本年 − D); 下降 P% = D ÷ (本年 + D).
      const d = amountIv(c.delta, factor);
      const claimed = pctInterval(c.percent, factor);
      const bases: { iv: Interval; value: number; how?: { current: string; op: string } }[] = [];
      if (c.prior) bases.push({ iv: amountIv(c.prior, factor), value: c.prior.value });
      for (const cur of c.current) {
        const ci = amountIv(cur, factor);
        const base = c.dir > 0 ? sub(ci, d) : add(ci, d);
        const value = c.dir > 0 ? cur.value - c.delta.value : cur.value + c.delta.value;
        bases.push({ iv: base, value, how: { current: fmt(cur.value), op: c.dir > 0 ? "−" : "+" } });
      }
      const usable = bases.filter((b) => b.iv.lo > 0);
      if (!usable.length) continue; // growth from zero: no rate to recompute
      const { ok, trunc } = judgeRatio(d, usable, claimed, c.percent);
      if (ok) continue;
      const b = usable[0];
      const expected = (c.delta.value / b.value) * 100;
      const rateData = { quote: quote(p, c.start, c.end), delta: fmt(c.delta.value), base: fmt(b.value), expected: fmt(expected), stated: c.percent.raw.replace(/\s/g, "") };
      out.push(percentFinding(loc, trunc, expected, c.percent.value, b.how ? say(MESSAGES, "wrongRateDerived", { ...rateData, ...b.how }) : say(MESSAGES, "wrongRateOnPrior", rateData)));
    }
  }
  return out;
}

/** A figure of the text as the text writes it (3845.49 万元), not converted to the tables' unit. */
function asWritten(f: Figure, unit = true): Text {
  return unit && f.unit !== "%" && f.unit ? cat(fmt(f.value / f.scale), " ", unitText(f.unit)) : fmt(f.value / f.scale);
}

// ── 占比 columns in tables ──

/** 占比 columns in tables (read by recognition): each line's amount ÷ the 合计 line's. */
function checkPercentColumns(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  const factor = ctx.options.roundingFactor;
  for (const { sheet, lines: group, total: tot } of ctx.facts.shareColumns ?? []) {
    const amount = tot.amount;
    if (!(amount.value > 0)) continue;
    // Every line 100% (绩效目标表's 支出构成: each kind fully paid by 财政拨款): the column is not
    // a share of the 合计 — shares of a whole cannot all be 100%. One warning, not an error per line.
    if (group.length >= 2 && group.every((g) => g.pct.value === 100)) {
      const shares = group.map((g) => `${fmt((g.amount.value / amount.value) * 100)}%`);
      out.push({
        ruleId: "percent",
        severity: "warning",
        sheet,
        cell: toA1(group[0].r, group[0].pct.c),
        related: group.map((g) => toA1(g.r, g.pct.c)),
        ...say(MESSAGES, "columnAll100", { from: group[0].r + 1, to: group[group.length - 1].r + 1, shares: listText(shares) }),
      });
      continue;
    }
    const total = figure(amount.value, amount.decimals, factor);
    for (const g of group) {
      const ratio = ratioPct(figure(g.amount.value, g.amount.decimals, factor), total);
      if (!ratio || overlaps(ratio, figure(g.pct.value, g.pct.decimals, factor))) continue;
      const expected = (g.amount.value / amount.value) * 100;
      out.push({
        ruleId: "percent",
        severity: "error",
        sheet,
        cell: toA1(g.r, g.pct.c),
        related: [toA1(g.r, g.amount.c), toA1(tot.r, amount.c)],
        expected: Number(fmt(expected)),
        actual: g.pct.value,
        difference: Number(fmt(g.pct.value - expected)),
        ...say(MESSAGES, "wrongColumnShare", { amount: fmt(g.amount.value), total: fmt(amount.value), expected: fmt(expected), stated: g.pct.value }),
      });
    }
  }
  return out;
}

export function checkPercent(ctx: RuleContext): Finding[] {
  const a = narrativeOf(ctx);
  return [...checkShares(ctx, a), ...checkSplitShares(ctx, a), ...checkRates(ctx, a), ...checkPercentColumns(ctx)];
}

const text = (lines: string[]): Workbook => ({ sheets: [sheetFromRows("情况说明", lines.map((l) => [l]))] });

export const percentRule: Rule = {
  id: "percent",
  description: "百分比：说明中的占比、增减幅度和表中的占比列按所指的数字重算",
  defaultSeverity: "error",
  messages: MESSAGES,
  check: checkPercent,
  valid: [
    {
      name: "海口：各类支出占比正确",
      workbook: () => text(["社会保障和就业支出376.17万元，占全年支出92.76%，卫生健康支出17.12万元，占全年支出4.22%，住房保障支出12.23万元，占全年支出3.02%。"]),
    },
    {
      name: "忻州：下降 37.66% = 84.74 ÷ (140.30 + 84.74)",
      workbook: () => text(["2023年度一般公共预算当年拨款140.30万元，比上年减少84.74万元，下降37.66%。"]),
    },
    { name: "在舍入范围内的百分比不报", workbook: () => text(["2024年支出预算1209.02万元，其中：基本支出825.26万元，占68.26%；项目支出383.76万元，占31.74%。"]) },
    {
      name: "按最大余数法凑足 100% 的占比（33.34 / 33.33 / 33.33）只作提示",
      workbook: () => text(["2024年支出预算3000.00万元，其中：一般公共服务支出1000.00万元，占33.34%；教育支出1000.00万元，占33.33%；科学技术支出1000.00万元，占33.33%。"]),
    },
  ],
  invalid: [
    {
      name: "凑足 100% 也不能差两个尾数单位（33.35 / 33.33 / 33.32）",
      workbook: () => text(["2024年支出预算3000.00万元，其中：一般公共服务支出1000.00万元，占33.35%；教育支出1000.00万元，占33.33%；科学技术支出1000.00万元，占33.32%。"]),
      expect: [{ severity: "error", messageId: "wrongShare", messageIncludes: "说明写 33.35%" }],
    },
    {
      name: "达州：三个类的占比都算错",
      workbook: () => text(["一般公共预算当年拨款641.15万元。", "社会保障和就业支出 560.62 万元，占 85.66%；卫生健康支出 21.43 万元，占 3.8%；住房保障支出 59.09 万元，占 10.54%。"]),
      expect: [
        { severity: "error", cell: "A2", messageId: "wrongShare", messageIncludes: "87.44%" },
        { severity: "error", cell: "A2", messageId: "wrongShare", messageIncludes: "3.34%" },
        { severity: "error", cell: "A2", messageId: "wrongShare", messageIncludes: "9.22%" },
      ],
    },
    {
      name: "曾都：机关运行经费减少 3.02 万元，减少 33.11%",
      workbook: () => text(["本部门 2024 年度机关运行经费支出 2.02 万元，比去年预算数减少 3.02 万元，减少 33.11%。"]),
      expect: [{ severity: "error", cell: "A1", messageId: "wrongRateDerived", messageIncludes: "59.92%" }],
    },
  ],
};

export default percentRule;
