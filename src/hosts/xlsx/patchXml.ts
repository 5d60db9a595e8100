/**
 * String-level helpers for patching SpreadsheetML parts: find elements, read and set
 * attributes, escape text. Nothing here parses and re-serialises a whole part, so
 * everything the patcher does not touch stays byte for byte.
 */

export function escapeText(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, "&quot;");
}

/** Characters XML 1.0 cannot carry at all; Excel writes them as _xHHHH_. */
// eslint-disable-next-line no-control-regex
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text for a <t> element: escaped, control characters as _xHHHH_, a literal "_x0041_" protected. */
export function escapeCellText(s: string): string {
  const guarded = s.replace(/_x([0-9A-Fa-f]{4})_/g, "_x005F_x$1_");
  return escapeText(guarded.replace(XML_ILLEGAL, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`));
}

export function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (m, e: string) => {
    if (e === "amp") return "&";
    if (e === "lt") return "<";
    if (e === "gt") return ">";
    if (e === "quot") return '"';
    if (e === "apos") return "'";
    if (e.startsWith("#x")) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith("#")) return String.fromCodePoint(parseInt(e.slice(1), 10));
    return m;
  });
}

const attrRes = new Map<string, { get: RegExp; set: RegExp }>();
function attrRe(name: string): { get: RegExp; set: RegExp } {
  let re = attrRes.get(name);
  if (!re) {
    const n = name.replace(/[.:]/g, (c) => "\\" + c);
    re = { get: new RegExp(`\\s${n}\\s*=\\s*("([^"]*)"|'([^']*)')`), set: new RegExp(`(\\s${n}\\s*=\\s*)("[^"]*"|'[^']*')`) };
    attrRes.set(name, re);
  }
  return re;
}

/** The value of attribute `name` (exact qualified name) in a start tag, unescaped; undefined when absent. */
export function getAttr(tag: string, name: string): string | undefined {
  const m = attrRe(name).get.exec(tag);
  if (!m) return undefined;
  const v = m[2] ?? m[3] ?? "";
  return v.includes("&") ? unescapeXml(v) : v;
}

/** The start tag with attribute `name` set to `value` (replaced in place, or added at the end). */
export function setAttr(tag: string, name: string, value: string): string {
  const re = attrRe(name).set;
  if (re.test(tag)) return tag.replace(re, (_m, pre: string) => `${pre}"${escapeAttr(value)}"`);
  const end = tag.endsWith("/>") ? tag.length - 2 : tag.length - 1;
  return `${tag.slice(0, end)} ${name}="${escapeAttr(value)}"${tag.slice(end)}`;
}

export function removeAttr(tag: string, name: string): string {
  return tag.replace(attrRe(name).set, "");
}

export interface Element {
  /** Offset of "<" of the start tag. */
  start: number;
  /** Offset just past the end tag (or past "/>"). */
  end: number;
  /** The start tag, "<c r=…>" or "<c …/>". */
  open: string;
  /** The content between start and end tag ("" for an empty element). */
  inner: string;
  selfClosing: boolean;
}

/**
 * Every element `name` (with the part's namespace prefix, e.g. "x:") in xml[from, to),
 * not nested in another of the same name. Elements of this name must not nest
 * (true for row, c, mergeCell, dataValidation …).
 */
export function elements(xml: string, qname: string, from = 0, to = xml.length): Element[] {
  const out: Element[] = [];
  const esc = qname.replace(/[.:]/g, (c) => "\\" + c);
  const openRe = new RegExp(`<${esc}(?=[\\s/>])[^>]*>`, "g");
  const closeTag = `</${qname}>`;
  openRe.lastIndex = from;
  for (;;) {
    const m = openRe.exec(xml);
    if (!m || m.index >= to) break;
    const open = m[0];
    if (open.endsWith("/>")) {
      out.push({ start: m.index, end: m.index + open.length, open, inner: "", selfClosing: true });
      continue;
    }
    const close = xml.indexOf(closeTag, m.index + open.length);
    if (close < 0 || close >= to) throw new Error(`XML 不完整：<${qname}> 没有结束标记`);
    out.push({ start: m.index, end: close + closeTag.length, open, inner: xml.slice(m.index + open.length, close), selfClosing: false });
    openRe.lastIndex = close + closeTag.length;
  }
  return out;
}

/** The first element `qname` in xml[from, to), or undefined. */
export function firstElement(xml: string, qname: string, from = 0, to = xml.length): Element | undefined {
  const esc = qname.replace(/[.:]/g, (c) => "\\" + c);
  const re = new RegExp(`<${esc}(?=[\\s/>])[^>]*>`, "g");
  re.lastIndex = from;
  const m = re.exec(xml);
  if (!m || m.index >= to) return undefined;
  const open = m[0];
  if (open.endsWith("/>")) return { start: m.index, end: m.index + open.length, open, inner: "", selfClosing: true };
  const closeTag = `</${qname}>`;
  const close = xml.indexOf(closeTag, m.index + open.length);
  if (close < 0) throw new Error(`XML 不完整：<${qname}> 没有结束标记`);
  return { start: m.index, end: close + closeTag.length, open, inner: xml.slice(m.index + open.length, close), selfClosing: false };
}

/** The namespace prefix ("" or "x:") the part uses for the SpreadsheetML main namespace, judged from its root element. */
export function mainPrefix(xml: string, root: string): string {
  const m = new RegExp(`<(?:([A-Za-z_][\\w.-]*):)?${root}[\\s>]`).exec(xml);
  return m && m[1] ? `${m[1]}:` : "";
}

/** Apply non-overlapping replacements [start, end) → text to a string, in one pass. */
export function splice(xml: string, edits: { start: number; end: number; text: string }[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = "";
  let at = 0;
  for (const e of sorted) {
    if (e.start < at) throw new Error("overlapping XML edits");
    out += xml.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + xml.slice(at);
}
