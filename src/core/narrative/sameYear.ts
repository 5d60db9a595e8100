/**
 * A year compared with itself: "比2026年预算增加 793.14 万元" written in a 2026 budget's text (上海市
 * 普陀区司法局 2026 部门预算, 编制说明: "财政拨款收入9628.22万元，比2026年预算增加793.14万元" — its unit
 * document, the same figures a line apart, says 比2025年). A comparison names last year; the budget
 * year in its place is a slip of the year. Read from the parsed text; the narrative rule reports it.
 */
import type { Finding } from "../checks/types";
import { say, tr, type Messages } from "../checks/messages";
import { cellAt } from "./paragraphs";
import type { ParsedParagraph } from "./parse";

export interface SameYearComparison {
  /** Index of the paragraph. */
  i: number;
  /** Where the comparison starts and ends in the paragraph's text ("比2026年预算"). */
  start: number;
  end: number;
  year: number;
  /** The comparison as written. */
  text: string;
}

/**
 * "比 / 较 / 与 / 同 + YYYY年 + 预算…" naming the budget year itself. Not when the year is followed by
 * 执行 / 决算 / 调整 (a 决算 compares a year's outturn with its own budget), nor in a sentence about 决算.
 */
const COMPARE = /(比|较|与|同|相比|对比)\s*((?:19|20)\d{2})\s*年度?\s*(年初)?\s*(部门|单位)?\s*(预算|收支预算|收入预算|支出预算)(?!\s*(执行|调整|决算))/g;

export function sameYearComparisons(paras: readonly ParsedParagraph[], year: number | undefined): SameYearComparison[] {
  if (!year) return [];
  const out: SameYearComparison[] = [];
  paras.forEach((p, i) => {
    COMPARE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = COMPARE.exec(p.norm))) {
      if (Number(m[2]) !== year) continue;
      const sent = p.sentences[p.sentenceOf(m.index)];
      if (/决算|调整预算/.test(p.norm.slice(sent.start, sent.end))) continue;
      out.push({ i, start: m.index, end: m.index + m[0].length, year, text: p.para.text.slice(m.index, m.index + m[0].length) });
    }
  });
  return out;
}

export const SAME_YEAR_MESSAGES: Messages = {
  sameYear: {
    "zh-CN": "年度写错：{year} 年预算的说明中写“{text}”——{year} 年与 {year} 年自身比较；与上年比较应为 {prior} 年（“{quote}”）",
    "en-US": "Wrong year: the {year} budget's text says \"{text}\", comparing {year} with itself; the comparison with last year is with {prior} (\"{quote}\")",
  },
  sameYearMany: {
    "zh-CN": "年度写错：{year} 年预算的说明中 {count} 处写“{text}”——{year} 年与 {year} 年自身比较；与上年比较应为 {prior} 年（如“{quote}”）",
    "en-US": "Wrong year: the {year} budget's text compares {year} with itself {count} times (\"{text}\"); the comparison with last year is with {prior} (e.g. \"{quote}\")",
  },
};

/** The findings of a rule for these comparisons: one warning per paragraph, at the first one's text cell. */
export function sameYearFindings(ruleId: string, paras: readonly ParsedParagraph[], year: number | undefined): Finding[] {
  const byPara = new Map<number, SameYearComparison[]>();
  for (const s of sameYearComparisons(paras, year)) byPara.set(s.i, [...(byPara.get(s.i) ?? []), s]);
  return [...byPara.values()].map((list) => {
    const s = list[0];
    const p = paras[s.i];
    const loc = cellAt(p.para, s.start);
    const sent = p.sentences[p.sentenceOf(s.start)];
    const quote = p.para.text.slice(Math.max(sent.start, s.start - 24), Math.min(sent.end, s.end + 16)).trim();
    const said = [...new Set(list.map((x) => x.text.replace(/\s+/g, "")))];
    const texts = tr(said.join("”“"), said.join('", "'));
    return {
      ruleId,
      severity: "warning" as const,
      sheet: loc.sheet,
      cell: loc.cell,
      expected: s.year - 1,
      actual: s.year,
      ...say(SAME_YEAR_MESSAGES, list.length > 1 ? "sameYearMany" : "sameYear", { year: s.year, prior: s.year - 1, text: texts, quote, count: list.length }),
    };
  });
}
