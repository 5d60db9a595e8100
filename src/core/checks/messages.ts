/**
 * Finding messages, ESLint style: each rule declares `messages` — message ids with a zh-CN
 * and an en-US text holding {placeholders} — and each finding carries the id and the data
 * that fill them. `message` stays on the finding as the zh-CN text (reporters that do not
 * know the language, the 审核结果 sheet, old callers); the pane and the reporters render
 * `findingMessage(f, lang)`. Tests match message ids, not substrings.
 */
import type { TailItem } from "./rounding";
import type { Finding, Rule } from "./types";

export type Lang = "zh-CN" | "en-US";

export interface MessageText {
  "zh-CN": string;
  "en-US": string;
}

export type Messages = Record<string, MessageText>;

/**
 * A placeholder value the checker composed (a level word, 合计行, a unit, a list, a standard
 * table's name): its text in each language. What the document says (a label, a sheet or unit
 * name, a quote, a catalog name) and figures stay plain strings and numbers, the same in both.
 */
export type Localized = { readonly [L in Lang]: string };

/** A placeholder's value: document text or a figure as printed (any language), or a composed phrase (Localized). */
export type Text = string | number | Localized;

/** Values for a message's placeholders, already formatted (figures as printed, names as written). */
export type MessageData = Record<string, Text>;

export function isLocalized(t: unknown): t is Localized {
  return typeof t === "object" && t !== null && typeof (t as Localized)["zh-CN"] === "string" && typeof (t as Localized)["en-US"] === "string";
}

/** A value in a language. */
export function textIn(t: Text, lang: Lang = "zh-CN"): string {
  return isLocalized(t) ? t[lang] : String(t);
}

/** A composed phrase, both languages. */
export function tr(zh: string, en: string): Localized {
  return { "zh-CN": zh, "en-US": en };
}

/** Parts put together in each language (plain when every part is plain). */
export function cat(...parts: Text[]): Text {
  if (!parts.some(isLocalized)) return parts.map((p) => String(p)).join("");
  return tr(parts.map((p) => textIn(p, "zh-CN")).join(""), parts.map((p) => textIn(p, "en-US")).join(""));
}

/** Per-language parts put together: `compose((lang, t) => …)` where t(x) renders a part in that language. */
export function compose(f: (lang: Lang, t: (x: Text) => string) => string): Localized {
  return tr(f("zh-CN", (x) => textIn(x, "zh-CN")), f("en-US", (x) => textIn(x, "en-US")));
}

/** A list: “a、b、c” in Chinese, “a, b, c” in English (`zhSep` for lists Chinese joins otherwise, such as “；”). */
export function joinList(items: readonly Text[], lang: Lang, zhSep = "、"): string {
  return items.map((x) => textIn(x, lang)).join(lang === "zh-CN" ? zhSep : zhSep === "；" ? "; " : ", ");
}

/** joinList in both languages. */
export function listText(items: readonly Text[], zhSep = "、"): Text {
  if (!items.some(isLocalized) && zhSep === "、" && items.length <= 1) return items.map(String).join("");
  return tr(joinList(items, "zh-CN", zhSep), joinList(items, "en-US", zhSep));
}

const LEVEL_EN: Record<string, string> = { 类: "category", 款: "subcategory", 项: "item", 最高级科目: "top-level classification", 各行: "rows", 下级科目: "lower-level code" };

/** A classification level's word: 类 / 款 / 项 → category / subcategory / item (最高级科目 → top-level classification). */
export function levelWord(level: string, lang: Lang): string {
  return lang === "zh-CN" ? level : LEVEL_EN[level] ?? level;
}

const SUM_OF_EN: Record<string, string> = { 类: "sum of categories", 款: "sum of subcategories", 项: "sum of items", 最高级科目: "sum of top-level classifications", 各行: "sum of rows", 下级科目: "sum of the codes under it" };

/** A figure with the sum it is judged against, for 尾差 items: "合计行合计（类之和）" / "row “合计”, column “合计” (sum of categories)". */
export function sumOfText(what: Text, level: string): Localized {
  return tr(`${textIn(what, "zh-CN")}（${level}之和）`, `${textIn(what, "en-US")} (${SUM_OF_EN[level] ?? `sum of ${levelWord(level, "en-US")}`})`);
}

const UNIT_EN: Record<string, string> = { 万元: "× 10,000 yuan", 元: "yuan", 千元: "thousand yuan", 亿元: "× 100 million yuan", 百万元: "million yuan", 个: "", "%": "%" };

/** An amount unit after a figure: 21.43 万元 → “21.43 × 10,000 yuan” (the figure stays as printed), 元 → yuan. */
export function unitWord(unit: string, lang: Lang): string {
  return lang === "zh-CN" ? unit : UNIT_EN[unit] ?? unit;
}

/** unitWord in both languages. */
export function unitText(unit: string | undefined): Text {
  return unit ? tr(unit, unitWord(unit, "en-US")) : "";
}

/** A standard table as messages name it: “T13 政府采购预算表” / “T13 Government procurement budget (政府采购预算表)”. */
export function tableText(spec: { id: string; title: string; titleEn?: string }, withId = true): Localized {
  const id = withId ? `${spec.id} ` : "";
  return tr(`${id}${spec.title}`, spec.titleEn ? `${id}${spec.titleEn} (${spec.title})` : `${id}${spec.title}`);
}

const PLACEHOLDER = /\{(\w+)\}/g;

/** Fill {name} placeholders in a language; a placeholder without data stays visible as {name}, so a test can catch it. */
export function fillMessage(template: string, data: MessageData = {}, lang: Lang = "zh-CN"): string {
  return template.replace(PLACEHOLDER, (m, k: string) => (Object.prototype.hasOwnProperty.call(data, k) ? textIn(data[k], lang) : m));
}

/** The placeholders a template uses. */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]))];
}

/** The fields a rule sets on a finding for one of its messages: id, data and the zh-CN text. */
export function say(messages: Messages, messageId: string, data: MessageData = {}): { messageId: string; data: MessageData; message: string } {
  const text = messages[messageId];
  if (!text) throw new Error(`unknown message id ${messageId}`);
  return { messageId, data, message: fillMessage(text["zh-CN"], data) };
}

/** 1,024.00: an amount as tables print it (grouped thousands, fixed decimals). */
export function fmtAmount(v: number, decimals = 2): string {
  const d = Math.max(0, Math.min(6, Math.floor(Number.isFinite(decimals) ? decimals : 0)));
  const s = Math.abs(v).toFixed(d);
  const [i, f] = s.split(".");
  const grouped = i.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return (v < 0 && Number(s) !== 0 ? "-" : "") + grouped + (f ? "." + f : "");
}

/** The rule id of the engine's merged 尾差 findings (one per table). */
export const TAIL_RULE_ID = "tail-difference";

/** The 尾差 finding's message. */
export const TAIL_MESSAGES: Messages = {
  tail: {
    "zh-CN": "{count} 处尾差（各数分别四舍五入造成，在允许范围内，不是错误）——{items}",
    "en-US": "{count} rounding difference(s), within what rounding each figure separately allows (not an error): {items}",
  },
};

/** Messages the engine itself gives, under any rule's id (a rule that threw) or recognition's (the workbook could not be read). */
export const ENGINE_MESSAGES: Messages = {
  recognitionFailed: {
    "zh-CN": "表格识别出错，未做检查：{error}",
    "en-US": "The tables could not be recognised, nothing was checked: {error}",
  },
  unconverted: {
    "zh-CN": "{text}",
    "en-US": "{text}",
  },
  ruleFailed: {
    "zh-CN": "检查规则 {rule} 运行出错，已跳过：{error}",
    "en-US": "The check {rule} failed and was skipped: {error}",
  },
};

const TAIL_SHOWN = 8;

/** The listed items of a 尾差 message, in a language (the figures as the table prints them). */
export function tailItems(items: readonly TailItem[], lang: Lang = "zh-CN"): string {
  const shown = items.slice(0, TAIL_SHOWN).map((t) =>
    lang === "zh-CN"
      ? `${t.cell} ${textIn(t.what, lang)}：各项之和 ${fmtAmount(t.expected, t.decimals)}，填列 ${fmtAmount(t.actual, t.decimals)}，相差 ${fmtAmount(t.difference, t.decimals)}`
      : `${t.cell} ${textIn(t.what, lang)}: parts add up to ${fmtAmount(t.expected, t.decimals)}, filled in ${fmtAmount(t.actual, t.decimals)}, difference ${fmtAmount(t.difference, t.decimals)}`,
  );
  const more = items.length > TAIL_SHOWN ? (lang === "zh-CN" ? `；另 ${items.length - TAIL_SHOWN} 处` : `; ${items.length - TAIL_SHOWN} more`) : "";
  return shown.join(lang === "zh-CN" ? "；" : "; ") + more;
}

/** The messages a finding's id is looked up in: its rule's, the engine's, the 尾差 finding's. */
export function messagesFor(ruleId: string, rules: readonly Rule[]): Messages {
  if (ruleId === TAIL_RULE_ID) return TAIL_MESSAGES;
  return { ...ENGINE_MESSAGES, ...(rules.find((r) => r.id === ruleId)?.messages ?? {}) };
}

/** A finding's message in a language: its rule's text for its id, else the stored (zh-CN) message. */
export function findingMessage(f: Finding, lang: Lang, rules: readonly Rule[]): string {
  if (lang === "zh-CN" || !f.messageId) return f.message;
  const text = messagesFor(f.ruleId, rules)[f.messageId];
  if (!text) return f.message;
  // A 尾差 finding lists its items in the language too.
  const tail = (f as Finding & { tail?: TailItem[] }).tail;
  const data = f.ruleId === TAIL_RULE_ID && Array.isArray(tail) ? { ...f.data, items: tailItems(tail, lang) } : f.data;
  return fillMessage(text[lang], data, lang);
}
