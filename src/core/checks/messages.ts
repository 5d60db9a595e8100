/**
 * Finding messages, ESLint style: each rule declares `messages` — message ids with a zh-CN
 * and an en-US text holding {placeholders} — and each finding carries the id and the data
 * that fill them. `message` stays on the finding as the zh-CN text (reporters that do not
 * know the language, the 审核结果 sheet, old callers); the pane and the reporters render
 * `findingMessage(f, lang)`. Tests match message ids, not substrings.
 */
import type { Finding, Rule } from "./types";

export type Lang = "zh-CN" | "en-US";

export interface MessageText {
  "zh-CN": string;
  "en-US": string;
}

export type Messages = Record<string, MessageText>;

/** Values for a message's placeholders, already formatted (figures as printed, names as written). */
export type MessageData = Record<string, string | number>;

const PLACEHOLDER = /\{(\w+)\}/g;

/** Fill {name} placeholders; a placeholder without data stays visible as {name}, so a test can catch it. */
export function fillMessage(template: string, data: MessageData = {}): string {
  return template.replace(PLACEHOLDER, (m, k: string) => (Object.prototype.hasOwnProperty.call(data, k) ? String(data[k]) : m));
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

/** A finding's message in a language: its rule's text for its id, else the stored (zh-CN) message. */
export function findingMessage(f: Finding, lang: Lang, rules: readonly Rule[]): string {
  if (lang === "zh-CN" || !f.messageId) return f.message;
  const rule = rules.find((r) => r.id === f.ruleId);
  const text = rule?.messages?.[f.messageId];
  return text ? fillMessage(text[lang], f.data) : f.message;
}
