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
  /** A percentage that is a 绩效 indicator value (完成率 100%, 满意度 95%): never a share or a rate. */
  indicator?: boolean;
}

/** "X 万元，其中：A 万元、B 万元 …": the parts listed after 其中 and their whole. */
export interface ListClaim {
  whole: Figure;
  parts: Figure[];
  sentence: number;
  start: number;
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
  lists: ListClaim[];
  /** The index of the sentence holding a position (binary search). */
  sentenceOf(pos: number): number;
  /** The figures of each sentence: indices [first, end) into `figures`. */
  sentFigs: { first: number; end: number }[];
}

/**
 * A number: never starting inside another number or a code (the lookbehinds keep the scan linear
 * on long digit runs); thousands separators "," (also ", ") or a thin / no-break space, or a plain
 * space between groups of three when decimals follow ("37 151.47").
 */
const NUM = String.raw`(?<![A-Za-z\d.])(?<!\d,)(\d{1,3}(?:,[ \u00a0\u2009\u202f]?\d{3})+|\d{1,3}(?:[\u00a0\u2009\u202f]\d{3})+|\d{1,3}(?: \d{3})+(?=\.\d)|\d+)(?:\.(\d+))?`;
/** A number and its unit. 万 alone counts only when no count word follows (3.5万张 is not money). */
const FIGURE_RE = new RegExp(NUM + String.raw`\s*(亿元|万元|万(?![张人条份户次件个台套辆册本项名株亩平吨])|元(?!\s*\/)|%)`, "g");
const CHAIN_MARK = /[(（]\s*([类款项])\s*[)）]/g;
const CLAUSE_BOUNDARY = new Set(["，", ",", "；", ";", "：", ":", "、", "(", ")", "（", "）", "。", "！", "？", "!", "?"]);

const UP = ["增加", "增长", "上升", "增幅", "提高"];
const DOWN = ["减少", "下降", "降低", "减幅", "压减"];
const DIR_WORD = /(增加|增长|上升|增幅|提高|减少|下降|降低|减幅|压减)(了)?\s*$/;
const SHARE_WORD = /(占比|占|比重|份额比例|份额)([^，,；;。%\d]{0,16}?)\s*$/;
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
    // Brackets inside a name are part of it (政府办公厅（室）及相关机构事务, 因公出国（境）费); only stray ones at the ends go.
    const name = cleanSubject(original.slice(last, m.index).replace(/^[\s()（）]+|[\s()（）]+$/g, ""));
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

/** Words of a 绩效 indicator: a percentage after them is an indicator value, never a share or a rate. */
const INDICATOR = /(率|度|指标|目标值|指标值|达到|达|不低于|不少于|不高于|不超过|至少|保持|控制在|实现)\s*(为|达到|达)?\s*$/;
const INDICATOR_SECTION = /绩效目标|绩效指标|绩效情况|绩效评价/;

const CLAUSE_BREAK = new Set(["，", ",", "；", ";", "。"]);

/** Character classes for the one pass over a paragraph (bit flags by UTF-16 code). */
const C_END = 1;
const C_BOUNDARY = 2;
const C_BREAK = 4;
const C_OPEN = 8;
const C_CLOSE = 16;
const C_COLON = 32;
const CLASS = (() => {
  const t = new Uint8Array(65536);
  const mark = (chars: Iterable<string>, bit: number) => {
    for (const c of chars) t[c.charCodeAt(0)] |= bit;
  };
  mark("。！？!?", C_END);
  mark(CLAUSE_BOUNDARY, C_BOUNDARY);
  mark(CLAUSE_BREAK, C_BREAK);
  mark("(（", C_OPEN);
  mark(")）", C_CLOSE);
  mark(":：", C_COLON);
  return t;
})();

/** Full-width forms to half-width, length kept (a flat string, in one regex pass; as toHalfWidth in core/text). */
function halfWidth(s: string): string {
  return s.replace(/[\uff01-\uff5e\u3000]/g, (c) => (c === "\u3000" ? " " : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}
/** How far back a clause subject and a comparison are looked for: a 类/款/项 chain is never longer. */
const SUBJECT_WINDOW = 160;
/** How many figures back a change looks for its current and prior figures. */
const FIGURE_WINDOW = 12;
/** A list after 其中 is dense: parts further apart than this, or more of them, are no longer the list. */
const LIST_GAP = 120;
const MAX_PARTS = 24;

/** The strongest separator in norm[a, b): 0 none / "、" / "和", 1 "，", 2 "；". */
function strength(norm: string, a: number, b: number): number {
  let st = 0;
  for (let i = a; i < b; i++) {
    const ch = norm[i];
    if (ch === ";" || ch === "；") return 2;
    if (ch === "," || ch === "，") st = 1;
  }
  return st;
}

export function parseParagraph(para: NarrativeParagraph, opts: ParseOptions = {}): ParsedParagraph {
  const text = para.text;
  const norm = halfWidth(text);
  const masked = maskChains(norm);
  const target = opts.amountUnit ?? "万元";
  const n = norm.length;
  // One pass over the characters: sentences, and for each position its clause start, its clause
  // break and its bracket depth inside the sentence, and each sentence's first colon.
  const sentences: { start: number; end: number }[] = [];
  const boundary = new Int32Array(n + 1);
  const clauseBreak = new Int32Array(n + 1);
  const depthAt = new Int32Array(n + 1);
  const colonOf: number[] = [];
  let s0 = 0;
  let lastBoundary = -1;
  let lastBreak = -1;
  let depth = 0;
  let colon = -1;
  for (let i = 0; i < n; i++) {
    boundary[i] = lastBoundary;
    clauseBreak[i] = lastBreak;
    depthAt[i] = depth;
    const ch = masked.charCodeAt(i);
    const cls = CLASS[ch];
    if (cls === 0) continue;
    if (cls & C_BOUNDARY) lastBoundary = i;
    if (cls & C_BREAK) lastBreak = i;
    if (cls & C_OPEN) depth++;
    else if (cls & C_CLOSE) {
      if (depth > 0) depth--;
    } else if (cls & C_COLON && colon < 0) colon = i;
    if (cls & C_END) {
      sentences.push({ start: s0, end: i + 1 });
      colonOf.push(colon);
      s0 = i + 1;
      depth = 0;
      colon = -1;
    }
  }
  boundary[n] = lastBoundary;
  clauseBreak[n] = lastBreak;
  depthAt[n] = depth;
  if (s0 < n || !sentences.length) {
    sentences.push({ start: s0, end: n });
    colonOf.push(colon);
  }
  const sentenceOf = (pos: number): number => {
    let lo = 0;
    let hi = sentences.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (sentences[mid].start <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const comparisonIn: boolean[] = sentences.map((x) => COMPARISON.test(norm.slice(x.start, x.end)));
  // Subjects repeat ("比上年增加", "占"): each distinct one is cleaned once.
  const cleaned = new Map<string, string>();
  const clean = (raw: string): string => {
    let c = cleaned.get(raw);
    if (c === undefined) cleaned.set(raw, (c = cleanSubject(raw)));
    return c;
  };
  const indicatorSection = para.sections.some((s) => INDICATOR_SECTION.test(s)) || (para.heading && INDICATOR_SECTION.test(norm));

  // Figures.
  const figures: Figure[] = [];
  FIGURE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = FIGURE_RE.exec(norm))) {
    const start = m.index;
    const end = m.index + m[0].length;
    const before = norm.slice(Math.max(0, start - 3), start);
    const after = norm.slice(end, end + 2);
    if (/[≤≥<>=＜＞]\s*$/.test(before)) continue; // an indicator target
    if (/\/\s*$/.test(before) || /^\s*\//.test(after)) continue; // placeholder alternatives
    if (/^\s*(以上|以下|以内|及以上|左右)/.test(norm.slice(end, end + 4))) continue; // a threshold
    if (/^\s*[*×xX]\s*\d/.test(after) || /[*×]\s*$/.test(before)) continue; // a rate in a calculation
    const unit = m[3];
    const intPart = m[1].replace(/[,\s\u00a0\u2009\u202f]/g, "");
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
    const sentence = sentenceOf(start);
    const sent = sentences[sentence];
    // Clause start: the last boundary before the figure (chain brackets masked), or the previous figure.
    const prevFig = figures[figures.length - 1];
    let subjStart = Math.max(boundary[start] + 1, sent.start, start - SUBJECT_WINDOW);
    if (prevFig && prevFig.end > subjStart && prevFig.sentence === sentence) subjStart = prevFig.end;
    const rawSubject = norm.slice(subjStart, start);
    if (rawSubject.includes("/")) continue; // "增加/减少/持平0万元", "下降0%/较上年预算增长0%"
    let subject = clean(rawSubject);
    const chainAt = masked.indexOf("‹", subjStart);
    let chain = chainAt >= 0 && chainAt < start ? parseChain(masked.slice(subjStart, start), rawSubject) : undefined;
    let fromHead = false;
    if (kind === "amount" && GENERIC.test(subject)) {
      // "1.卫生健康支出：年初预算数为17.12万元" — the subject is the sentence head.
      const headEnd = colonOf[sentence];
      if (headEnd > sent.start && headEnd < start && headEnd - sent.start <= SUBJECT_WINDOW) {
        const head = norm.slice(sent.start, headEnd);
        const h = cleanSubject(head);
        if (!CONNECTOR.test(h)) {
          subject = h;
          chain = parseChain(masked.slice(sent.start, headEnd), head);
          fromHead = true;
        }
      }
    }
    if (chain) subject = chain[chain.length - 1].name;
    const indicator = kind === "percent" && (indicatorSection || INDICATOR.test(rawSubject.replace(/[\s“”"]/g, "")));
    figures.push({
      kind,
      value: kind === "percent" ? printed : printed * scale,
      decimals,
      scale,
      unit: u,
      raw: m[0],
      start,
      end,
      sentence,
      inParens: depthAt[start] > 0,
      subject,
      rawSubject,
      subjectFromHead: fromHead,
      chain,
      indicator: indicator || undefined,
    });
  }
  // The figures of each sentence: [first, end) indices into `figures`.
  const sentFigs: { first: number; end: number }[] = sentences.map(() => ({ first: 0, end: 0 }));
  for (let j = figures.length - 1; j >= 0; j--) {
    const r = sentFigs[figures[j].sentence];
    if (r.end === 0) r.end = j + 1;
    r.first = j;
  }

  // Shares: "X 万元，占 [全年支出] Y%".
  const shares: ShareClaim[] = [];
  figures.forEach((f, j) => {
    if (f.kind !== "percent" || f.indicator) return;
    const sent = sentences[f.sentence];
    const lead = norm.slice(Math.max(sent.start, f.start - 24), f.start);
    const sm = SHARE_WORD.exec(lead);
    if (!sm) return;
    // The part: the amount right before the 占 in the same sentence, no other figure between.
    const at = f.start - (lead.length - sm.index);
    let k = j - 1;
    while (k >= 0 && figures[k].end > at) k--;
    const part = figures[k];
    if (!part || part.kind !== "amount" || part.sentence !== f.sentence) return;
    if (at - part.end > 12) return;
    f.role = "share";
    shares.push({ part, percent: f, denomText: sm[2].replace(/的$/, "").trim() });
  });

  // Changes.
  const changes: ChangeClaim[] = [];
  const priorSubject = /^(上年|去年|上一年|上年度)(?!结转)/;
  for (const f of figures) {
    if (f.kind === "amount" && priorSubject.test(f.subject)) f.role = "prior";
  }
  figures.forEach((f, j) => {
    if (f.kind !== "amount") return;
    const sent = sentences[f.sentence];
    const preStart = Math.max(sent.start, f.start - 8);
    const pre = norm.slice(preStart, f.start);
    const dm = DIR_WORD.exec(pre);
    if (!dm) return;
    const dirWordStart = preStart + dm.index;
    if (/\/\s*$/.test(norm.slice(Math.max(sent.start, dirWordStart - 2), dirWordStart))) return; // 增加/减少/持平0万元
    if (!comparisonIn[f.sentence]) return;
    f.role = "delta";
    const dir = dirOf(dm[1]);
    // Explicit prior: "比去年预算 66.70 万元增加" or a 上年… figure earlier in the sentence.
    const cStart = Math.max(clauseBreak[dirWordStart], sent.start - 1, dirWordStart - SUBJECT_WINDOW);
    const back: Figure[] = []; // earlier figures of the sentence, nearest first (bounded)
    for (let k = j - 1; k >= 0 && back.length < FIGURE_WINDOW && figures[k].sentence === f.sentence; k--) back.push(figures[k]);
    const clauseFigs = back.filter((g) => g.start > cStart && g.end <= dirWordStart && g.kind === "amount").reverse();
    let prior: Figure | undefined;
    const compIdx = norm.slice(cStart + 1, dirWordStart).search(/比|较/);
    if (compIdx >= 0) prior = clauseFigs.find((g) => g.start > cStart + 1 + compIdx);
    if (!prior) {
      for (const g of back) {
        if (g.role === "delta") break;
        if (g.role === "prior") {
          prior = g;
          break;
        }
      }
    }
    if (prior) prior.role = "prior";
    // The percent right after: "，增长 5.24%" / "，同比减少 15.51%".
    const post = norm.slice(f.end, Math.min(sent.end, f.end + 16));
    const pm = /^\s*[，,]?\s*(同比)?(增加|增长|上升|增幅|提高|减少|下降|降低|减幅|压减)?\s*(了)?\s*$/.exec(post.slice(0, Math.max(0, post.search(/\d/))));
    let percent: Figure | undefined;
    let percentDir: 1 | -1 | undefined;
    if (pm) {
      const pf = figures[j + 1];
      if (pf && pf.kind === "percent" && !pf.indicator && pf.start <= f.end + 16 && pf.sentence === f.sentence) {
        percent = pf;
        pf.role = "change-percent";
        if (pm[2]) percentDir = dirOf(pm[2]);
      }
    }
    // Subject: the words between the clause start and the direction word, else the current's.
    let subject = cleanSubject(norm.slice(cStart + 1, dirWordStart).replace(/^(与|和)?.*?(相比|比较)/, "").replace(/(比|较|同比).*$/, ""));
    // Current candidates: amounts earlier in the sentence (nearest first, the sentence's lead last), else the lead of an earlier sentence.
    const isCurrent = (g: Figure) => g.kind === "amount" && g.role === undefined && g.end <= f.start;
    const inSentence = back.filter(isCurrent);
    const first = figures[sentFigs[f.sentence].first];
    if (first && first !== f && isCurrent(first) && !inSentence.includes(first)) inSentence.push(first);
    const current: Figure[] = [];
    if (inSentence.length) {
      const notParen = inSentence.filter((g) => !g.inParens || f.inParens);
      current.push(...(notParen.length ? notParen : inSentence));
    } else {
      for (let k = f.sentence - 1; k >= Math.max(0, f.sentence - 3); k--) {
        const r = sentFigs[k];
        const lead = figures.slice(r.first, Math.min(r.end, r.first + FIGURE_WINDOW)).filter((g) => isCurrent(g) && !g.inParens);
        if (lead.length) {
          current.push(...lead);
          break;
        }
      }
    }
    if (!subject && current.length) subject = current[0].subject;
    changes.push({ dir, delta: f, percent, percentDir, prior, current, subject, sentence: f.sentence, start: dirWordStart, end: (percent ?? f).end });
  });
  // No change: "…2024年预算数60.55万元,比2023年无增减变化" / "与上年预算持平": each with the amount of its own clause.
  const used = new Set<Figure>();
  for (const c of changes) for (const g of c.current.slice(0, 1)) used.add(g);
  const ZERO = /持平|无增减变化|无变化|没有变化/g;
  let zm: RegExpExecArray | null;
  let fi = 0;
  while ((zm = ZERO.exec(norm))) {
    const at = zm.index;
    if (/\//.test(norm.slice(Math.max(0, at - 2), at + zm[0].length + 2))) continue;
    const k = sentenceOf(at);
    if (!comparisonIn[k]) continue;
    while (fi < figures.length && figures[fi].start < at) fi++;
    // The amount of this clause chain: the nearest earlier current figure of the sentence not claimed by a change.
    let cur: Figure | undefined;
    let pct: Figure | undefined;
    for (let g = fi - 1; g >= sentFigs[k].first && g >= fi - FIGURE_WINDOW; g--) {
      const x = figures[g];
      if (x.sentence !== k) break;
      if (x.role === "delta") break; // another change claim is between
      if (x.kind === "percent" && x.role === undefined && !x.indicator && !pct && /(增长|下降|增加|减少)\s*$/.test(x.rawSubject)) pct = x;
      if (x.kind === "amount" && x.role === undefined && !x.inParens) {
        cur = x;
        break;
      }
    }
    if (!cur || used.has(cur)) continue;
    used.add(cur);
    // An explicit prior belongs to this clause: "与上年预算 66.70 万元持平" — after the current figure.
    const prior = figures.slice(Math.max(sentFigs[k].first, fi - FIGURE_WINDOW), fi).find((g) => g.role === "prior" && g.start > cur!.end);
    changes.push({ dir: 0, current: [cur], prior, percent: pct, subject: cur.subject, sentence: k, start: at, end: at + zm[0].length });
  }
  // Rates with both years' figures and no change amount: "2025年当年预算执行数为 A 万元，2026年预算安排 B 万元，比2025年预算执行数增加 P%".
  figures.forEach((f, j) => {
    if (f.kind !== "percent" || f.role !== undefined || f.indicator) return;
    const sent = sentences[f.sentence];
    if (!comparisonIn[f.sentence]) return;
    const preStart = Math.max(sent.start, f.start - 8);
    const dm = DIR_WORD.exec(norm.slice(preStart, f.start));
    if (!dm) return;
    const dirWordStart = preStart + dm.index;
    const cStart = Math.max(clauseBreak[dirWordStart], sent.start - 1, dirWordStart - SUBJECT_WINDOW);
    const comp = norm.slice(cStart + 1, dirWordStart);
    if (!/比|较|同比/.test(comp)) return;
    const namedYear = /(20\d{2})\s*年/.exec(comp)?.[1];
    let prior: Figure | undefined;
    let cur: Figure | undefined;
    for (let k = j - 1; k >= 0 && k >= j - FIGURE_WINDOW && figures[k].sentence === f.sentence; k--) {
      const g = figures[k];
      if (g.role === "delta" || g.role === "change-percent") break; // another change claim is between
      if (g.kind !== "amount" || g.inParens) continue;
      const isPrior = g.role === "prior" || /执行数|(上年|去年|上一年)(?!结转)/.test(g.rawSubject) || (namedYear !== undefined && g.rawSubject.includes(namedYear));
      if (isPrior && !prior) prior = g;
      else if (!isPrior && !cur && !prior && g.role === undefined) cur = g;
    }
    if (!prior || !cur || prior.start > cur.start) return;
    prior.role = "prior";
    f.role = "change-percent";
    changes.push({ dir: dirOf(dm[1]), percent: f, percentDir: dirOf(dm[1]), prior, current: [cur], subject: cur.subject, sentence: f.sentence, start: dirWordStart, end: f.end });
  });
  changes.sort((a, b) => a.start - b.start);

  // Lists after 其中: "收入预算 X 万元，其中：财政拨款收入 A 万元；事业收入 B 万元 …" — the whole and its parts (same sentence, outside brackets).
  const lists: ListClaim[] = [];
  const QIZHONG = /其中\s*[：:,，]?/g;
  let qm: RegExpExecArray | null;
  let qi = 0;
  while ((qm = QIZHONG.exec(norm))) {
    const at = qm.index;
    if (depthAt[at] > 0) continue;
    const k = sentenceOf(at);
    while (qi < figures.length && figures[qi].start < at) qi++;
    let whole: Figure | undefined;
    for (let g = qi - 1; g >= sentFigs[k].first && g >= qi - FIGURE_WINDOW; g--) {
      const x = figures[g];
      if (x.sentence !== k) break;
      if (x.kind === "amount" && x.role === undefined && !x.inParens) {
        whole = x;
        break;
      }
    }
    if (!whole || at - whole.end > 16) continue;
    const parts: Figure[] = [];
    let sep = -1;
    let lastEnd = qm.index + qm[0].length;
    for (let g = qi; g < sentFigs[k].end && g < figures.length && parts.length < MAX_PARTS; g++) {
      const x = figures[g];
      if (x.sentence !== k || x.start - lastEnd > LIST_GAP) break;
      const nested = parts.length > 0 && /其中|包括|包含/.test(norm.slice(lastEnd, x.start));
      lastEnd = x.end;
      if (nested) break; // a nested 其中: its parts belong to the part before
      if (x.kind === "amount" && /结转|结余|总计|合计/.test(x.subject)) break; // another line of the account starts
      if (x.role === "prior") break;
      if (x.kind !== "amount" || x.role !== undefined || x.inParens) continue;
      // The list's separator is the one between its first two parts ("、" / "，" / "；"); a stronger one ends it.
      if (parts.length) {
        const gap = strength(norm, parts[parts.length - 1].end, x.start);
        if (sep < 0) sep = gap;
        else if (gap > sep) break;
      }
      // A nested 其中 or a figure of another kind (结转, 合计 …) ends the list.
      if (/其中/.test(x.rawSubject)) break;
      if (/结转|结余|总计|合计|上年|去年/.test(x.subject)) break;
      if (x.value > whole.value * (1 + 1e-9) + 0.5 * Math.pow(10, -x.decimals) * x.scale + 0.5 * Math.pow(10, -whole.decimals) * whole.scale) break; // larger than the whole: another scope starts
      parts.push(x);
    }
    if (parts.length) lists.push({ whole, parts, sentence: k, start: at });
  }

  return { para, norm, sentences, figures, shares, changes, lists, sentenceOf, sentFigs };
}

/** Parse every paragraph. */
export function parseParagraphs(paras: readonly NarrativeParagraph[], opts: ParseOptions = {}): ParsedParagraph[] {
  return paras.map((p) => parseParagraph(p, opts));
}

/** The figure's signed change (+D / −D), or 0 for "持平". */
export function signedDelta(c: ChangeClaim): number {
  return c.dir === 0 ? 0 : c.dir * (c.delta?.value ?? 0);
}
