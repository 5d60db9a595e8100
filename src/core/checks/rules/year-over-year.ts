/**
 * 与上年比较 (year-over-year): the comparisons a 情况说明 makes with last year, checked against
 * last year's workbook when one is given (CLI --previous, task pane: pick a file):
 *  - "比上年增加 / 减少 D 万元": this year's figure − last year's = ±D (within the rounding envelope);
 *  - "增长 / 下降 P%": P = D ÷ last year's figure; a base of 0 gives no percentage ("增长 100%"
 *    from nothing is an error: the standard wording is 新增);
 *  - "持平" / "无增减变化": the two years are equal; "新增": last year had nothing;
 *  - a last-year figure written in the text ("比上年预算 650.27 万元减少") is last year's figure.
 * Without last year's workbook only the placeholders are checked: a 【请填写…】 left by the
 * draft writer (a reason, a use) is a warning until the person has written it.
 */
import { sheetFromRows, type Workbook } from "../../model";
import { PLACEHOLDER_RE } from "../../draft/types";
import { figureCell, narrativeOf, quote, sectionBefore } from "../../narrative/analyze";
import { figure, fmt, overlaps, sub, type Interval } from "../../narrative/interval";
import type { Figure, ParsedParagraph } from "../../narrative/parse";
import { domainContext, matchSubject, subjectKey, targetFigures, type Target } from "../../narrative/targets";
import { recognizeWorkbook } from "../../recognize";
import type { WorkbookFacts } from "../../recognize/types";
import { cellAt } from "../../narrative/paragraphs";
import type { Finding, Rule, RuleContext } from "../types";
import { ref } from "../crossRelations";
import { listText, say, tr, type Localized, type MessageData } from "../messages";
import { priorFacts } from "../../recognize/yearColumns";

const ID = "year-over-year";

/** Messages of the rule. */
export const MESSAGES = {
  placeholder: {
    "zh-CN": "说明中还有待填写的内容：{what}，请填写后再公开",
    "en-US": "The text still has a placeholder to fill in: {what}; fill it in before publishing",
  },
  placeholders: {
    "zh-CN": "说明中还有待填写的内容：{what}（本段共 {count} 处），请填写后再公开",
    "en-US": "The text still has placeholders to fill in: {what} ({count} in this paragraph); fill them in before publishing",
  },
  wrongDeltaUp: {
    "zh-CN": "与上年比较不对：“{quote}”，本年 {current} − 上年 {prior} = {real}，说明写增加 {delta}",
    "en-US": "Wrong year-over-year change: “{quote}”: this year {current} − last year {prior} = {real}, the text says an increase of {delta}",
  },
  wrongDeltaDown: {
    "zh-CN": "与上年比较不对：“{quote}”，本年 {current} − 上年 {prior} = {real}，说明写减少 {delta}",
    "en-US": "Wrong year-over-year change: “{quote}”: this year {current} − last year {prior} = {real}, the text says a decrease of {delta}",
  },
  wrongDeltaNew: {
    "zh-CN": "与上年比较不对：“{quote}”，本年 {current} − 上年 {prior} = {real}，说明写新增 {delta}",
    "en-US": "Wrong year-over-year change: “{quote}”: this year {current} − last year {prior} = {real}, the text says {delta} is new",
  },
  wrongDeltaFlat: {
    "zh-CN": "与上年比较不对：“{quote}”，本年 {current} − 上年 {prior} = {real}，说明写持平",
    "en-US": "Wrong year-over-year change: “{quote}”: this year {current} − last year {prior} = {real}, but the text says unchanged",
  },
  wrongPercent: {
    "zh-CN": "增减率不对：“{quote}”，{delta} ÷ 上年 {prior} = {rate}%，说明写 {said}",
    "en-US": "Wrong rate of change: “{quote}”: {delta} ÷ last year {prior} = {rate}%, the text says {said}",
  },
  zeroBaseFlat: {
    "zh-CN": "上年为 0，不能计算增长率：“{quote}”写了 {said}，应写“持平”",
    "en-US": "Last year was 0, so there is no rate of change: “{quote}” says {said}; it should say unchanged",
  },
  zeroBaseNew: {
    "zh-CN": "上年为 0，不能计算增长率：“{quote}”写了 {said}，应写“新增”",
    "en-US": "Last year was 0, so there is no rate of growth: “{quote}” says {said}; it should say new",
  },
  notNew: {
    "zh-CN": "不是新增：“{quote}”，上年为 {prior}",
    "en-US": "Not new: “{quote}”: last year was {prior}",
  },
  wrongPrior: {
    "zh-CN": "上年数不对：“{quote}”写上年 {said}，{source} {where} 为 {prior}",
    "en-US": "Wrong figure for last year: “{quote}” gives {said}, {source} has {prior} at {where}",
  },
};

/** Where last year's figures come from: last year's workbook (CLI --previous, the pane's file), or the 上年 columns of this workbook's tables. */
type PriorSource = "workbook" | "columns";

const SOURCE_TEXT: Record<PriorSource, Localized> = {
  workbook: tr("上年工作簿", "last year's workbook"),
  columns: tr("本工作簿表中的上年数", "the last-year column of this workbook's table"),
};

const prevCache = new WeakMap<Workbook, WorkbookFacts>();
function previousFacts(wb: Workbook): WorkbookFacts {
  let f = prevCache.get(wb);
  if (!f) {
    f = recognizeWorkbook(wb);
    prevCache.set(wb, f);
  }
  return f;
}

/** A comparison the text makes: direction (+1 / −1 / 0 持平 / "new" 新增), the stated figures. */
interface Claim {
  kind: 1 | -1 | 0 | "new";
  current: Figure;
  delta?: Figure;
  percent?: Figure;
  prior?: Figure;
  start: number;
  end: number;
}

function claimsOf(p: ParsedParagraph): Claim[] {
  const out: Claim[] = [];
  for (const c of p.changes) {
    // The figure compared: the one its clause names ("项目支出比去年增加 0.00" → 项目支出's), else the sentence's own.
    const named = c.subject ? c.current.find((f) => subjectKey(f.subject) === subjectKey(c.subject)) : undefined;
    const own = c.current.find((f) => !f.inParens && f.sentence === c.sentence) ?? c.current.find((f) => f.sentence === c.sentence);
    const cur = named ?? own;
    if (!cur) continue;
    out.push({ kind: c.dir, current: cur, delta: c.delta, percent: c.percent, prior: c.prior, start: c.start, end: c.end });
  }
  const sentences = new Set(p.changes.map((c) => c.sentence));
  // 新增: "比上年新增 3.87 万元" (the parser has no direction word for it).
  for (const f of p.figures) {
    if (f.kind !== "amount") continue;
    const sent = p.sentences[f.sentence];
    const pre = p.norm.slice(sent.start, f.start);
    const m = /(比|较|与)[^，,；;。]{0,20}?(上年|去年|上一年|\d{4}\s*年)[^，,；;。]{0,12}?新增\s*$/.exec(pre);
    if (!m) continue;
    const cur = [...p.figures].reverse().find((g) => g.kind === "amount" && g.sentence === f.sentence && g.end <= sent.start + m.index && !g.inParens && g.role !== "delta");
    if (!cur) continue;
    const pct = p.figures.find((g) => g.kind === "percent" && g.sentence === f.sentence && g.start > f.end && g.start - f.end <= 16);
    out.push({ kind: "new", current: cur, delta: f, percent: pct, start: sent.start + m.index, end: (pct ?? f).end });
  }
  // "与 2025 年预算持平" (no 比 / 上年 in the sentence: the parser leaves it).
  p.sentences.forEach((sent, k) => {
    if (sentences.has(k)) return;
    const st = p.norm.slice(sent.start, sent.end);
    const re = /(与|和|同|比)\s*(上年|去年|上一年|上年度|\d{4}\s*年)[^，,；;。]{0,12}?(持平|无增减变化|无变化|没有变化)/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(st))) {
      const at = sent.start + m.index;
      const cur = [...p.figures].reverse().find((g) => g.kind === "amount" && g.sentence === k && g.end <= at && !g.inParens);
      if (cur && !out.some((c) => c.current === cur)) out.push({ kind: 0, current: cur, start: at, end: at + m[0].length });
    }
  });
  return out.sort((a, b) => a.start - b.start);
}

function iv(f: Figure, factor: number): Interval {
  return figure(f.value, f.decimals, factor, f.scale);
}

interface Pair {
  key: string;
  where: string;
  /** Last year's figure in this workbook's unit, and its envelope. */
  prior: number;
  priorIv: Interval;
  cur?: { value: number; iv: Interval };
}

function targetsFor(ctx: RuleContext, paras: ParsedParagraph[], i: number, f: Figure, year: number): Target[] {
  const texts = [...sectionBefore(paras, i, 2).map((p) => p.norm).reverse(), paras[i].norm.slice(0, f.start)];
  const context = f.chain ? "function" : domainContext(texts);
  let ts = matchSubject(f.subject, year, context);
  if (f.chain && f.chain.length > 1) {
    const top = matchSubject(f.chain[0].name, year, "function").flatMap((t) => t.codes ?? []);
    if (top.length) ts = ts.filter((t) => !t.codes || t.codes.some((c) => top.some((p) => c.startsWith(p))));
  }
  return ts;
}

function pairs(ctx: RuleContext, prev: WorkbookFacts, targets: Target[]): Pair[] {
  const factor = ctx.options.roundingFactor;
  const unitScale = (u: "万元" | "元") => (u === ctx.facts.amountUnit ? 1 : u === "万元" ? 1e4 : 1e-4);
  const keyOf = (t: Target, tf: { table: { spec: { id: string }; sheet: string }; where: string }) => `${tf.table.spec.id}|${t.id}|${t.kind === "structure" ? tf.where.slice(tf.table.sheet.length) : ""}`;
  const out: Pair[] = [];
  for (const t of targets) {
    const cur = new Map(targetFigures(ctx.facts, t).map((tf) => [keyOf(t, tf), tf]));
    for (const pf of targetFigures(prev, t)) {
      if (pf.cell.value === null && !pf.table.empty) continue;
      const k = keyOf(t, pf);
      const s = unitScale(pf.table.amountUnit);
      const value = (pf.cell.value ?? 0) * s;
      const c = cur.get(k);
      const cs = c ? unitScale(c.table.amountUnit) : 1;
      out.push({
        key: k,
        where: ref(pf.table, pf.cell),
        prior: value,
        priorIv: pf.cell.value === null ? { lo: 0, hi: 0 } : figure(value, pf.cell.decimals, factor, s),
        cur: c && c.cell.value !== null ? { value: c.cell.value * cs, iv: figure(c.cell.value * cs, c.cell.decimals, factor, cs) } : undefined,
      });
    }
  }
  return out;
}

/** Judge one claim against one pair; null when it agrees. */
type Said = ReturnType<typeof say>;

function judge(ctx: RuleContext, p: ParsedParagraph, c: Claim, pr: Pair, source: PriorSource): { cell: Figure; message: Said; expected?: number; actual?: number } | null {
  const factor = ctx.options.roundingFactor;
  const m = (id: keyof typeof MESSAGES, data: MessageData) => say(MESSAGES, id, data);
  const q = quote(p, Math.min(c.current.start, c.start), c.end);
  const curIv = iv(c.current, factor);
  const real = sub(curIv, pr.priorIv);
  const realMid = c.current.value - pr.prior;
  const zeroBase = pr.priorIv.lo <= 0 && pr.priorIv.hi >= 0;
  if (c.prior && !overlaps(iv(c.prior, factor), pr.priorIv)) return { cell: c.prior, message: m("wrongPrior", { quote: q, said: fmt(c.prior.value), prior: fmt(pr.prior), where: pr.where, source: SOURCE_TEXT[source] }), expected: Number(fmt(pr.prior)), actual: c.prior.value };
  const deltaId = c.kind === 0 ? "wrongDeltaFlat" : c.kind === "new" ? "wrongDeltaNew" : c.kind > 0 ? "wrongDeltaUp" : "wrongDeltaDown";
  const realText = Math.abs(realMid) < 1e-9 ? "0" : `${realMid > 0 ? "+" : "−"}${fmt(Math.abs(realMid))}`;
  const deltaData = { quote: q, current: fmt(c.current.value), prior: fmt(pr.prior), real: realText, delta: fmt(c.delta?.value ?? 0) };
  if (c.kind === "new") {
    if (!zeroBase) return { cell: c.delta ?? c.current, message: m("notNew", { quote: q, prior: fmt(pr.prior) }), expected: Number(fmt(pr.prior)), actual: 0 };
    if (c.delta && !overlaps(iv(c.delta, factor), real)) return { cell: c.delta, message: m(deltaId, deltaData), expected: Number(fmt(realMid)), actual: c.delta.value };
  } else {
    const claimed: Interval = c.kind === 0 || !c.delta ? { lo: 0, hi: 0 } : c.kind > 0 ? iv(c.delta, factor) : { lo: -iv(c.delta, factor).hi, hi: -iv(c.delta, factor).lo };
    if ((c.kind === 0 || c.delta) && !overlaps(claimed, real)) return { cell: c.delta ?? c.current, message: m(deltaId, deltaData), expected: Number(fmt(realMid)), actual: c.kind === 0 ? 0 : (c.kind as number) * (c.delta?.value ?? 0) };
  }
  if (c.percent) {
    const said = c.percent.raw.replace(/\s/g, "");
    if (zeroBase) return { cell: c.percent, message: m(curIv.lo <= 0 && curIv.hi >= 0 ? "zeroBaseFlat" : "zeroBaseNew", { quote: q, said }), actual: c.percent.value };
    const lo = Math.max(0, Math.min(Math.abs(real.lo), Math.abs(real.hi)) * (real.lo <= 0 && real.hi >= 0 ? 0 : 1));
    const hi = Math.max(Math.abs(real.lo), Math.abs(real.hi));
    const rate: Interval = { lo: (lo / pr.priorIv.hi) * 100, hi: (hi / pr.priorIv.lo) * 100 };
    if (!overlaps(rate, figure(c.percent.value, c.percent.decimals, factor))) {
      const pct = (Math.abs(realMid) / pr.prior) * 100;
      return { cell: c.percent, message: m("wrongPercent", { quote: q, delta: fmt(Math.abs(realMid)), prior: fmt(pr.prior), rate: fmt(pct), said }), expected: Number(fmt(pct)), actual: c.percent.value };
    }
  }
  return null;
}

function checkPlaceholders(paras: ParsedParagraph[]): Finding[] {
  const out: Finding[] = [];
  for (const p of paras) {
    const hits = [...p.para.text.matchAll(PLACEHOLDER_RE)];
    if (!hits.length) continue;
    const loc = cellAt(p.para, hits[0].index ?? 0);
    const kinds = listText([...new Set(hits.map((h) => h[0]))]);
    out.push({ ruleId: ID, severity: "warning", sheet: loc.sheet, cell: loc.cell, ...(hits.length > 1 ? say(MESSAGES, "placeholders", { what: kinds, count: hits.length }) : say(MESSAGES, "placeholder", { what: kinds })) });
  }
  return out;
}

export function checkYearOverYear(ctx: RuleContext): Finding[] {
  const { paras, year: textYear } = narrativeOf(ctx); // the one analysis the engine built for every rule
  if (!paras.length) return [];
  const out = checkPlaceholders(paras);
  // Last year's workbook, else last year's figures the tables themselves print (上年预算数 columns).
  const prev = ctx.options.previous ? previousFacts(ctx.options.previous) : priorFacts(ctx.facts);
  if (!prev) return out;
  const source: PriorSource = ctx.options.previous ? "workbook" : "columns";
  const year = ctx.options.year ?? ctx.facts.year ?? textYear ?? (prev.year ? prev.year + 1 : 2024);
  paras.forEach((p, i) => {
    for (const c of claimsOf(p)) {
      if (!c.current.subject) continue;
      const targets = targetsFor(ctx, paras, i, c.current, year);
      if (!targets.length) continue;
      let ps = pairs(ctx, prev, targets);
      if (!ps.length) continue;
      const curIv = iv(c.current, ctx.options.roundingFactor);
      // Where this year's tables hold the figure, compare like with like (same table, same row).
      if (ps.some((x) => x.cur)) {
        ps = ps.filter((x) => x.cur && overlaps(x.cur.iv, curIv));
        if (!ps.length) continue; // the figure itself disagrees with the tables: the narrative rule says so
      }
      const verdicts = ps.map((x) => ({ x, v: judge(ctx, p, c, x, source) }));
      if (verdicts.some((v) => v.v === null)) continue;
      const { x, v } = verdicts[0];
      const loc = figureCell(p.para, v!.cell);
      out.push({
        ruleId: ID,
        severity: "error",
        sheet: loc.sheet,
        cell: loc.cell,
        related: [x.where],
        expected: v!.expected,
        actual: v!.actual,
        difference: v!.expected !== undefined && v!.actual !== undefined ? Number(fmt(v!.actual - v!.expected)) : undefined,
        ...v!.message,
      });
    }
  });
  return out;
}

// ── cases ──

const text = (lines: string[]): Workbook => ({ sheets: [sheetFromRows("情况说明", lines.map((l) => [l]))] });

/** Last year's 收支总表 and 一般公共预算支出表 (武汉 2023, from the figures its 2024 text gives). */
function lastYear(): Workbook {
  return {
    sheets: [
      sheetFromRows("收支总表", [
        ["2023年部门收支总表"],
        ["收入", null, "支出"],
        ["项目", "预算数", "项目", "预算数"],
        ["一、一般公共预算拨款收入", 1236.74, "一、社会保障和就业支出", 1236.74],
        ["本年收入合计", 1236.74, "本年支出合计", 1236.74],
        ["收入总计", 1236.74, "支出总计", 1236.74],
      ]),
      sheetFromRows("一般公共预算支出表", [
        ["2023年一般公共预算支出表"],
        ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
        [null, "合计", 1236.74, 838.14, 398.6],
        ["2080150", "事业运行", 577.82, 577.82, 0],
        ["2089999", "其他社会保障和就业支出", 0, 0, 0],
        ["2210201", "住房公积金", 60.55, 60.55, 0],
      ]),
    ],
  };
}

export const yearOverYearRule: Rule = {
  id: ID,
  description: "与上年比较：说明中的“比上年增加/减少…、增长/下降…%、持平、新增”与上年工作簿一致；上年为 0 不写增长率；待填写的原因提示",
  defaultSeverity: "error",
  messages: MESSAGES,
  check: checkYearOverYear,
  valid: [
    {
      name: "武汉：总数减少 27.72、下降 2.24%，与上年一致",
      workbook: () => text(["2024 年收支总预算 1209.02 万元，比 2023 年预算减少 27.72 万元，下降 2.24%。"]),
      options: { previous: lastYear() },
    },
    {
      name: "持平与新增（上年为 0）",
      workbook: () => text(["8. 住房保障支出(类)住房改革支出(款)住房公积金(项)2024年预算数60.55万元，与2023年预算持平。", "5. 社会保障和就业支出(类)其他社会保障和就业支出(款)其他社会保障和就业支出(项)2024年预算数3.87万元，比2023年预算新增3.87万元。"]),
      options: { previous: lastYear() },
    },
    { name: "没有上年工作簿时不比较", workbook: () => text(["2024 年收支总预算 1209.02 万元，比 2023 年预算减少 99.00 万元，下降 50%。"]) },
  ],
  invalid: [
    {
      name: "待填写的原因",
      workbook: () => text(["2024 年收支总预算 1209.02 万元，比 2023 年预算减少 27.72 万元，下降 2.24%，主要原因是【请填写原因】。"]),
      expect: [{ severity: "warning", cell: "A1", messageId: "placeholder", messageIncludes: "【请填写原因】" }],
    },
    {
      name: "上年为 0 写“增长 100%”",
      workbook: () => text(["5. 社会保障和就业支出(类)其他社会保障和就业支出(款)其他社会保障和就业支出(项)2024年预算数3.87万元,比2023年增加3.87万元,增长100%。", "【请填写原因】"]),
      options: { previous: lastYear() },
      expect: [{ severity: "error", cell: "A1", messageId: "zeroBaseNew" }],
    },
    {
      name: "增减额与上年工作簿不符",
      workbook: () => text(["1. 社会保障和就业支出(类)人力资源和社会保障管理事务(款)事业运行(项)2024 年预算数 571.56 万元。比 2023 年预算减少 16.26 万元，下降 2.77%。", "【请填写原因】"]),
      options: { previous: lastYear() },
      expect: [{ severity: "error", cell: "A1", messageId: "wrongDeltaDown", messageIncludes: "6.26" }],
    },
    {
      name: "写新增而上年已有",
      workbook: () => text(["8. 住房保障支出(类)住房改革支出(款)住房公积金(项)2024年预算数60.55万元，比2023年预算新增60.55万元。", "【请填写原因】"]),
      options: { previous: lastYear() },
      expect: [{ severity: "error", cell: "A1", messageId: "notNew" }],
    },
    {
      name: "上年数与本表上年数列不符（没有上年工作簿）：说的是本工作簿表中的上年数，不是上年工作簿",
      workbook: () => ({
        sheets: [
          sheetFromRows(
            "三公经费",
            [["2024年一般公共预算“三公”经费支出表"], ["单位：万元"], ["“三公”经费合计", null, "增减额"], ["上年预算数", "本年预算数", null], [3.7, 1.7, -2]],
            "0.00",
          ),
          sheetFromRows("情况说明", [["2024年“三公”经费预算1.7万元，比上年预算3.5万元减少1.8万元。"]]),
        ],
      }),
      expect: [{ severity: "error", cell: "A1", messageId: "wrongPrior", messageIncludes: "本工作簿表中的上年数 三公经费!A5 为 3.70" }],
    },
    {
      name: "写持平而上年不同",
      workbook: () => text(["2024 年收支总预算 1209.02 万元，与 2023 年预算持平。", "【请填写原因】"]),
      options: { previous: lastYear() },
      expect: [{ severity: "error", cell: "A1", messageId: "wrongDeltaFlat" }],
    },
  ],
};

export default yearOverYearRule;
