/**
 * 类 / 款 / 项 names the text prints with their code in the marker: "医疗卫生与计划生育支出（210类）
 * 行政事业单位医疗（11款）行政单位医疗（01项）" (上海市普陀区司法局 2026, 编制说明). The code makes the
 * name judgeable by the catalog directly: a name an older edition gave the code (210 was 医疗卫生与
 * 计划生育支出 in the 2014–2018 editions, 卫生健康支出 from 2019) is an outdated name. Generalised to
 * any renamed 类 / 款 / 项 the catalog knows the old names of (Catalog.judgeName, namesOf), and to
 * the chain form without codes ("…（款）") under a known 类 (outdatedUnder).
 */
import type { Catalog } from "../catalog/catalog";
import type { NameJudgement } from "../catalog/types";
import { HISTORICAL_NAMES } from "../catalog";
import { say, type Messages, type Text } from "../checks/messages";
import type { Finding } from "../checks/types";
import { cellAt } from "./paragraphs";
import { cleanSubject, type ParsedParagraph } from "./parse";
import { subjectKey } from "./targets";

export interface CodedName {
  /** Index of the paragraph. */
  i: number;
  /** The name's position in the paragraph's text, and the end of its marker. */
  start: number;
  end: number;
  name: string;
  /** The full code, joined from the chain (210 → 21011 → 2101101). */
  code: string;
  level: 1 | 2 | 3;
  /** The marker as printed ("（210类）"). */
  marker: string;
}

const CODED = /([\u4e00-\u9fa5][\u4e00-\u9fa5()]{0,39}?)\(\s*(\d{2,7})\s*([类款项])\s*\)/g;

/** Every "name（code类/款/项）" of the text, with the code joined over its chain in the sentence. */
export function codedNames(paras: readonly ParsedParagraph[]): CodedName[] {
  const out: CodedName[] = [];
  paras.forEach((p, i) => {
    let lei: { code: string; sentence: number } | undefined;
    let kuan: { code: string; sentence: number } | undefined;
    CODED.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = CODED.exec(p.norm))) {
      const sentence = p.sentenceOf(m.index);
      const digits = m[2];
      const level = m[3] === "类" ? 1 : m[3] === "款" ? 2 : 3;
      let code: string | undefined;
      if (level === 1 && digits.length === 3) code = digits;
      else if (level === 2) code = digits.length === 5 ? digits : digits.length === 2 && lei?.sentence === sentence ? lei.code + digits : undefined;
      else if (level === 3) code = digits.length === 7 ? digits : digits.length === 2 && kuan?.sentence === sentence ? kuan.code + digits : undefined;
      if (level === 1) {
        lei = code ? { code, sentence } : undefined;
        kuan = undefined;
      } else if (level === 2) kuan = code ? { code, sentence } : undefined;
      const name = cleanSubject(m[1]).replace(/^[()]+|[()]+$/g, "");
      if (!code || name.length < 2) continue;
      const start = m.index + m[1].length - name.length;
      out.push({ i, start, end: m.index + m[0].length, name, code, level: level as 1 | 2 | 3, marker: p.para.text.slice(m.index + m[1].length, m.index + m[0].length) });
    }
  });
  return out;
}

/** A name under `parent` (a 类 or 款 code) that an older edition gave one of its children; null when none. */
export function outdatedUnder(cat: Catalog, parent: string, name: string, year: number): (NameJudgement & { code: string }) | null {
  const k = subjectKey(name);
  const codes = new Set<string>();
  for (const e of cat.children(parent, { kind: "function", year })) codes.add(e.code);
  for (const h of HISTORICAL_NAMES) if (h.kind === "function" && h.code.length === parent.length + 2 && h.code.startsWith(parent)) codes.add(h.code);
  for (const code of codes) {
    if (!cat.namesOf(code, "function").some((n) => subjectKey(n.name) === k) && !HISTORICAL_NAMES.some((h) => h.code === code && subjectKey(h.name) === k)) continue;
    const j = cat.judgeName(code, name, { year, kind: "function" });
    if (j.verdict === "outdated") return { ...j, code };
  }
  return null;
}

export const CODED_NAME_MESSAGES: Messages = {
  outdatedInText: {
    "zh-CN": "说明中“{name}{marker}”用的是 {code} 的旧名称：{edition} 年版科目名称为“{official}”",
    "en-US": "The text's \"{name}{marker}\" uses an old name of {code}: the {edition} edition names it \"{official}\"",
  },
};

/** An outdated-name finding at the text cell of a name. */
export function outdatedNameFinding(ruleId: string, p: ParsedParagraph, at: number, name: string, marker: Text, j: NameJudgement): Finding {
  const loc = cellAt(p.para, at);
  return {
    ruleId,
    severity: "warning",
    sheet: loc.sheet,
    cell: loc.cell,
    expected: j.officialName ?? undefined,
    actual: name,
    ...say(CODED_NAME_MESSAGES, "outdatedInText", { name, marker, code: j.code ?? "", edition: j.edition ?? "", official: j.officialName ?? "" }),
  };
}

/** Outdated names among the coded names of the text: one warning each (a name repeated in a paragraph once). */
export function codedNameFindings(ruleId: string, cat: Catalog, paras: readonly ParsedParagraph[], year: number): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const c of codedNames(paras)) {
    const key = `${c.i}\u0000${c.code}\u0000${c.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const j = cat.judgeName(c.code, c.name, { year, kind: "function" });
    if (j.verdict !== "outdated") continue;
    out.push(outdatedNameFinding(ruleId, paras[c.i], c.start, c.name, c.marker, j));
  }
  return out;
}
