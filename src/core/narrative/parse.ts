/**
 * Claims in explanatory text (情况说明): amounts with the subject of their own clause,
 * shares ("X 万元，占 Y%"), yearly changes ("比上年增加 D 万元，增长 P%"), each with its
 * position. Numbers that are not amounts are left alone: years (2024年), list markers
 * (1. / （三） / ①), codes, counts (8名, 1辆, 3.5万张), indicator targets (≤150000元) and
 * template placeholders ("增加/减少/持平0万元", "下降0%/增长0%").
 *
 * Figures keep their printed precision (decimals) so rules can judge them with interval
 * arithmetic; amounts are converted to the workbook's unit (万元 by default).
 */
import { toHalfWidth } from "../text";
import type { NarrativeParagraph } from "./paragraphs";

export type MoneyUnit = "万元" | "元" | "亿元";

export interface Figure {
  kind: "amount" | "percent";
  /** Value in the workbook unit (amounts) or in percent (85.66 for "85.66%"). */
  value: number;
  /** Decimals as printed. */
  decimals: number;
  /** value = printed × scale (1 for 万元 in a 万元 workbook, 0.0001 for 元 …). */
  scale: number;
  unit: MoneyUnit | "%";
  raw: string;
  start: number;
  end: number;
  sentence: number;
  /** Inside parentheses (a detail of the sentence's main figure). */
  inParens: boolean;
  /** Subject of its own clause, cleaned ("社会保障和就业支出"); "" when none. */
  subject: string;
  /** The clause text before the figure as printed (for year and comparison words). */
  rawSubject: string;
  /** Subject taken from the sentence head ("1.卫生健康支出：年初预算数为 …"). */
  subjectFromHead: boolean;
  /** A 类/款/项 chain in the subject: names in order with their level markers. */
  chain?: { name: string; level: "类" | "款" | "项" }[];
  /** Role found by the claim parsers. */
  role?: "delta" | "prior" | "share" | "change-percent";
}

export interface ShareClaim {
  part: Figure;
  percent: Figure;
  /** The total the sentence names ("全年支出", "本年支出合计"), "" when none. */
  denomText: string;
}

export interface ChangeClaim {
  /** +1 increase, −1 decrease, 0 no change (持平 / 无增减变化). */
  dir: 1 | -1 | 0;
  delta?: Figure;
  percent?: Figure;
  /** Direction the percent is described with (增长 +1 / 下降 −1), when it has its own word. */
  percentDir?: 1 | -1;
  /** Explicit prior-year figure ("比去年预算 66.70 万元增加 3.00 万元"). */
  prior?: Figure;
  /** The current-year figures it may refer to, most likely first. */
  current: Figure[];
  subject: string;
  sentence: number;
  start: number;
  end: number;
}

export interface ParsedParagraph {
  para: NarrativeParagraph;
  /** The text as parsed (half-width; same length and offsets as the original). */
  norm: string;
  sentences: { start: number; end: number }[];
  figures: Figure[];
  shares: ShareClaim[];
  changes: ChangeClaim[];
}

const NUM = String.raw`(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?`;
/** A number and its unit. 万 alone counts only when no count word follows (3.5万张 is not money). */
const FIGURE_RE = new RegExp(NUM + String.raw`\s*(亿元|万元|万(?![张人条份户次件个台套辆册本项名株亩平吨])|元(?!\s*\/)|%)`, "g");
const CHAIN_MARK = /[(（]\s*([类款项])\s*[)）]/g;
const SENTENCE_SPLIT = /[。！？!?]/;
const CLAUSE_BOUNDARY = new Set(["，", ",", "；", ";", "：", ":", "、", "(", ")", "（", "）", "。", "！", "？", "!", "?"]);

const UP = ["增加", "增长", "上升", "增幅", "提高"];
const DOWN = ["减少", "下降", "降低", "减幅", "压减"];
const DIR_WORD = /(增加|增长|上升|增幅|提高|减少|下降|降低|减幅|压减)(了)?\s*$/;
const COMPARISON = /比|较|相比|同比|上年|去年|上一年/;

function dirOf(word: string): 1 | -1 {
  return UP.includes(word) ? 1 : DOWN.includes(word) ? -1 : 1;
}

/** Mask the 类/款/项 markers so their brackets are not clause boundaries. */
function maskChains(s: string): string {
  return s
    .replace(CHAIN_MARK, (m) => "‹" + "·".repeat(m.length - 2) + "›")
    .replace(/[(（][\u4e00-\u9fa5]{1,2}[)）]/g, (m) => "«" + "·".repeat(m.length - 2) + "»");
}

const LIST_MARKER = /^\s*(\d{1,2}\s*[.、．](?!\d)|[（(]\d{1,2}[）)]|[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+[、.．]|[①②③④⑤⑥⑦⑧⑨⑩])\s*/;
const LEAD_WORDS = /^(其中|包括|主要包括|主要包含|包含|主要用于|用于|主要是|以及|及|和|与|另|共|为|是|含|即|按照|支出包括|收入包括|收入为|支出为)(?=\S)/;
const GENERIC = /^(年初预算数|预算数|预算金额|金额|预算|年初预算|)$/;
const CONNECTOR = /^(其中|包括|主要包括|主要用于|具体包括|)$/;

/** Clean a clause subject: drop list markers, years, connectors, generic words. */
export function cleanSubject(raw: string): string {
  let s = raw.replace(/<\/?[a-z]+>/g, "");
  s = s.replace(LIST_MARKER, "");
  s = s.replace(/\d{4}\s*年\s*度?/g, " ");
  s = s.replace(/\*+/g, "");
  s = s.trim();
  for (let k = 0; k < 4; k++) {
    const before = s;
    s = s.replace(/^[：:，,、；;\s]+/, "").replace(LEAD_WORDS, "").trim();
    if (s === before) break;
  }
  s = s.replace(/(的)?(年初|全年|本年|当年)?(预算数|预算金额|预算安排|金额|安排|共计)?\s*(为|是|达到|达|约)?\s*$/, "").trim();
  return s;
}

function parseChain(rawMasked: string, original: string): Figure["chain"] {
  if (!rawMasked.includes("‹")) return undefined;
  const out: { name: string; level: "类" | "款" | "项" }[] = [];
  const re = /‹(·+)›/g;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(rawMasked))) {
    const name = cleanSubject(original.slice(last, m.index).replace(/[()（）]/g, ""));
    const level = (/[类款项]/.exec(original.slice(m.index, m.index + m[0].length)) ?? ["项"])[0] as "类" | "款" | "项";
    if (name) out.push({ name, level });
    last = m.index + m[0].length;
  }
  return out.length ? out : undefined;
}

export interface ParseOptions {
  /** The workbook's amount unit; text amounts are converted to it. Default 万元. */
  amountUnit?: "万元" | "元";
}

export function parseParagraph(para: NarrativeParagraph, opts: ParseOptions = {}): ParsedParagraph {
  const text = para.text;
  const norm = toHalfWidth(text);
  const masked = maskChains(norm);
  const target = opts.amountUnit ?? "万元";
  // Sentences.
  const sentences: { start: number; end: number }[] = [];
  let s0 = 0;
  for (let i = 0; i < norm.length; i++) {
    if (SENTENCE_SPLIT.test(norm[i])) {
      sentences.push({ start: s0, end: i + 1 });
      s0 = i + 1;
    }
  }
  if (s0 < norm.length) sentences.push({ start: s0, end: norm.length });
  const sentenceOf = (pos: number) => Math.max(0, sentences.findIndex((s) => pos >= s.start && pos < s.end));

  // Figures.
  const figures: Figure[] = [];
  FIGURE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = FIGURE_RE.exec(norm))) {
    const start = m.index;
    const end = m.index + m[0].length;
    const before = norm.slice(Math.max(0, start - 3), start);
    const prevCh = norm[start - 1] ?? "";
    const after = norm.slice(end, end + 2);
    if (/[A-Za-z\d.]/.test(prevCh)) continue; // inside a code or another number
    if (/[≤≥<>=＜＞]\s*$/.test(before)) continue; // an indicator target
    if (/\/\s*$/.test(before) || /^\s*\//.test(after)) continue; // placeholder alternatives
    if (/^\s*(以上|以下|以内|及以上|左右)/.test(norm.slice(end, end + 4))) continue; // a threshold
    if (/^\s*[*×xX]\s*\d/.test(after) || /[*×]\s*$/.test(before)) continue; // a rate in a calculation
    const unit = m[3];
    const intPart = m[1].replace(/,/g, "");
    const printed = Number(intPart + (m[2] ? "." + m[2] : ""));
    const decimals = m[2] ? m[2].length : 0;
    let scale = 1;
    let kind: Figure["kind"] = "amount";
    let u: Figure["unit"] = "%";
    if (unit === "%") kind = "percent";
    else {
      u = unit === "万" ? "万元" : (unit as MoneyUnit);
      const inWan = u === "万元" ? 1 : u === "元" ? 1e-4 : 1e4;
      scale = target === "万元" ? inWan : inWan * 1e4;
    }
    // Clause start: the last boundary before the figure (chain brackets masked), or the previous figure.
    let cs = start - 1;
    while (cs >= 0 && !CLAUSE_BOUNDARY.has(masked[cs])) cs--;
    const prevFig = figures[figures.length - 1];
    let subjStart = cs + 1;
    if (prevFig && prevFig.end > subjStart && sentenceOf(prevFig.start) === sentenceOf(start)) subjStart = prevFig.end;
    // Parenthesis depth (masked chains excluded).
    let depth = 0;
    for (let i = sentences[sentenceOf(start)].start; i < start; i++) {
      const ch = masked[i];
      if (ch === "(" || ch === "（") depth++;
      else if ((ch === ")" || ch === "）") && depth > 0) depth--;
    }
    const rawSubject = norm.slice(subjStart, start);
    if (rawSubject.includes("/")) continue; // "增加/减少/持平0万元", "下降0%/较上年预算增长0%"
    let subject = cleanSubject(norm.slice(subjStart, start));
    let chain = parseChain(masked.slice(subjStart, start), norm.slice(subjStart, start));
    let fromHead = false;
    if (kind === "amount" && GENERIC.test(subject)) {
      // "1.卫生健康支出：年初预算数为17.12万元" — the subject is the sentence head.
      const sent = sentences[sentenceOf(start)];
      const headEnd = masked.slice(sent.start, start).search(/[：:]/);
      if (headEnd > 0) {
        const head = norm.slice(sent.start, sent.start + headEnd);
        const h = cleanSubject(head);
        if (!CONNECTOR.test(h)) {
          subject = h;
          chain = parseChain(masked.slice(sent.start, sent.start + headEnd), head);
          fromHead = true;
        }
      }
    }
    if (chain) subject = chain[chain.length - 1].name;
    figures.push({
      kind,
      value: kind === "percent" ? printed : printed * scale,
      decimals,
      scale,
      unit: u,
      raw: m[0],
      start,
      end,
      sentence: sentenceOf(start),
      inParens: depth > 0,
      subject,
      rawSubject,
      subjectFromHead: fromHead,
      chain,
    });
  }

  // Shares: "X 万元，占 [全年支出] Y%".
  const shares: ShareClaim[] = [];
  for (const f of figures) {
    if (f.kind !== "percent") continue;
    const sent = sentences[f.sentence];
    const lead = norm.slice(Math.max(sent.start, f.start - 24), f.start);
    const sm = /(占比|占|比重|份额比例|份额)([^，,；;。%\d]{0,16}?)\s*$/.exec(lead);
    if (!sm) continue;
    // The part: the last amount before the 占 in the same sentence, no other percent between.
    const at = f.start - (lead.length - sm.index);
    const part = [...figures].reverse().find((g) => g.end <= at && g.sentence === f.sentence && g.kind === "amount");
    if (!part) continue;
    const between = figures.filter((g) => g.start > part.end && g.end <= at);
    if (between.length) continue;
    if (norm.slice(part.end, at).length > 12) continue;
    f.role = "share";
    shares.push({ part, percent: f, denomText: sm[2].replace(/的$/, "").trim() });
  }

  // Changes.
  const changes: ChangeClaim[] = [];
  const priorSubject = /^(上年|去年|上一年|上年度)(?!结转)/;
  for (const f of figures) {
    if (f.kind === "amount" && priorSubject.test(f.subject)) f.role = "prior";
  }
  for (const f of figures) {
    if (f.kind !== "amount") continue;
    const sent = sentences[f.sentence];
    const pre = norm.slice(sent.start, f.start);
    const dm = DIR_WORD.exec(pre);
    if (!dm) continue;
    const dirWordStart = sent.start + dm.index;
    if (/\/\s*$/.test(norm.slice(Math.max(sent.start, dirWordStart - 2), dirWordStart))) continue; // 增加/减少/持平0万元
    const sentenceText = norm.slice(sent.start, sent.end);
    if (!COMPARISON.test(sentenceText)) continue;
    f.role = "delta";
    const dir = dirOf(dm[1]);
    // Explicit prior: "比去年预算 66.70 万元增加" or a 上年… figure earlier in the sentence.
    let cStart = dirWordStart - 1;
    while (cStart >= sent.start && !/[，,；;。]/.test(norm[cStart])) cStart--;
    const clauseFigs = figures.filter((g) => g.start > cStart && g.end <= dirWordStart && g.kind === "amount");
    let prior: Figure | undefined;
    const compIdx = norm.slice(cStart + 1, dirWordStart).search(/比|较/);
    if (compIdx >= 0) prior = clauseFigs.find((g) => g.start > cStart + 1 + compIdx);
    if (!prior) prior = figures.find((g) => g.role === "prior" && g.sentence === f.sentence && g.end <= f.start && !figures.some((h) => h.role === "delta" && h !== f && h.start > g.end && h.end <= f.start));
    if (prior) prior.role = "prior";
    // The percent right after: "，增长 5.24%" / "，同比减少 15.51%".
    const post = norm.slice(f.end, Math.min(sent.end, f.end + 16));
    const pm = /^\s*[，,]?\s*(同比)?(增加|增长|上升|增幅|提高|减少|下降|降低|减幅|压减)?\s*(了)?\s*$/.exec(post.slice(0, Math.max(0, post.search(/\d/))));
    let percent: Figure | undefined;
    let percentDir: 1 | -1 | undefined;
    if (pm) {
      const pf = figures.find((g) => g.kind === "percent" && g.start >= f.end && g.start <= f.end + 16 && g.sentence === f.sentence);
      if (pf && !figures.some((g) => g.kind === "amount" && g.start > f.end && g.start < pf.start)) {
        percent = pf;
        pf.role = "change-percent";
        if (pm[2]) percentDir = dirOf(pm[2]);
      }
    }
    // Subject: the words between the clause start and the direction word, else the current's.
    let subject = cleanSubject(norm.slice(cStart + 1, dirWordStart).replace(/^(与|和)?.*?(相比|比较)/, "").replace(/(比|较|同比).*$/, ""));
    // Current candidates: amounts earlier in the sentence (lead first), then earlier sentences' leads.
    const isCurrent = (g: Figure) => g.kind === "amount" && g.role === undefined && g.end <= f.start;
    const inSentence = figures.filter((g) => isCurrent(g) && g.sentence === f.sentence);
    const current: Figure[] = [];
    if (inSentence.length) {
      const notParen = inSentence.filter((g) => !g.inParens || f.inParens);
      current.push(...(notParen.length ? notParen : inSentence).reverse());
    } else {
      for (let k = f.sentence - 1; k >= 0; k--) {
        const lead = figures.filter((g) => g.sentence === k && isCurrent(g) && !g.inParens);
        if (lead.length) {
          current.push(...lead);
          break;
        }
      }
    }
    if (!subject && current.length) subject = current[0].subject;
    changes.push({ dir, delta: f, percent, percentDir, prior, current, subject, sentence: f.sentence, start: dirWordStart, end: (percent ?? f).end });
  }
  // No change: "…2024年预算数60.55万元,比2023年无增减变化" / "与上年预算持平".
  for (let k = 0; k < sentences.length; k++) {
    const sent = sentences[k];
    const st = norm.slice(sent.start, sent.end);
    const zm = /(持平|无增减变化|无变化|没有变化)/.exec(st);
    if (!zm || /\//.test(st.slice(Math.max(0, zm.index - 2), zm.index + zm[0].length + 2))) continue;
    if (!COMPARISON.test(st)) continue;
    if (changes.some((c) => c.sentence === k)) continue;
    const cur = figures.filter((g) => g.sentence === k && g.kind === "amount" && g.role === undefined && g.start < sent.start + zm.index && !g.inParens);
    if (!cur.length) continue;
    changes.push({ dir: 0, current: cur, subject: cur[0].subject, sentence: k, start: sent.start + zm.index, end: sent.start + zm.index + zm[0].length });
  }
  changes.sort((a, b) => a.start - b.start);
  return { para, norm, sentences, figures, shares, changes };
}

/** Parse every paragraph. */
export function parseParagraphs(paras: readonly NarrativeParagraph[], opts: ParseOptions = {}): ParsedParagraph[] {
  return paras.map((p) => parseParagraph(p, opts));
}

/** The figure's signed change (+D / −D), or 0 for "持平". */
export function signedDelta(c: ChangeClaim): number {
  return c.dir === 0 ? 0 : c.dir * (c.delta?.value ?? 0);
}
