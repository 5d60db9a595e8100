/**
 * A small, forgiving XML tokenizer for the parts of an .xlsx package: tags, attributes and
 * text, with entities decoded. It never throws on malformed input (a broken part simply
 * yields fewer tags), so the reader above it decides what a damaged file means.
 *
 * Not a validating parser: no DTDs (a <!DOCTYPE …> is skipped, entities are never
 * expanded beyond the five predefined ones and character references).
 */

export interface XmlHandler {
  /** A start tag (or an empty-element tag when `selfClosing`); `name` without its namespace prefix. */
  open(name: string, attrs: string, selfClosing: boolean): void;
  close?(name: string): void;
  /** Text between tags, entities decoded; called only while `wantText()` says so. */
  text?(text: string): void;
  wantText?(): boolean;
}

function isSpace(ch: number): boolean {
  return ch === 32 || ch === 9 || ch === 10 || ch === 13;
}

/** The tag name in xml[from, to) without its namespace prefix; the commonest names without slicing. */
function tagName(xml: string, from: number, to: number): string {
  for (let i = from; i < to; i++)
    if (xml.charCodeAt(i) === 58 /* : */) {
      from = i + 1;
      break;
    }
  const n = to - from;
  if (n === 1) {
    const ch = xml.charCodeAt(from);
    if (ch === 99) return "c";
    if (ch === 118) return "v";
    if (ch === 102) return "f";
    if (ch === 116) return "t";
    if (ch === 114) return "r";
  } else if (n === 3 && xml.startsWith("row", from)) return "row";
  return xml.slice(from, to);
}

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g;

function codePointText(n: number): string {
  if (!Number.isFinite(n) || n < 0 || n > 0x10ffff) return "\ufffd";
  return String.fromCodePoint(n);
}

export function decodeEntities(s: string): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(ENTITY, (_m, e: string) => {
    switch (e) {
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "amp":
        return "&";
      case "quot":
        return '"';
      case "apos":
        return "'";
    }
    return codePointText(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

/** OOXML's escape for characters XML cannot hold: _x000D_ is a carriage return (ECMA-376 ST_Xstring). */
export function decodeXString(s: string): string {
  if (s.indexOf("_x") < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** The value of attribute `name` (exact, with prefix if it has one) in a tag's attribute text. */
export function attr(attrs: string, name: string): string | undefined {
  let from = 0;
  for (;;) {
    const i = attrs.indexOf(name, from);
    if (i < 0) return undefined;
    from = i + name.length;
    const before = i === 0 ? " " : attrs[i - 1];
    if (before !== " " && before !== "\t" && before !== "\n" && before !== "\r") continue;
    let j = i + name.length;
    while (attrs[j] === " " || attrs[j] === "\t" || attrs[j] === "\n" || attrs[j] === "\r") j++;
    if (attrs[j] !== "=") continue;
    j++;
    while (attrs[j] === " " || attrs[j] === "\t" || attrs[j] === "\n" || attrs[j] === "\r") j++;
    const q = attrs[j];
    if (q !== '"' && q !== "'") return undefined;
    const end = attrs.indexOf(q, j + 1);
    if (end < 0) return undefined;
    return decodeEntities(attrs.slice(j + 1, end));
  }
}

/** Walk the tags of `xml`, calling the handler. */
export function scanXml(xml: string, h: XmlHandler): void {
  const n = xml.length;
  let i = 0;
  const wantText = h.wantText;
  while (i < n) {
    const lt = xml.indexOf("<", i);
    if (lt < 0) {
      if (h.text && wantText && wantText()) h.text(decodeEntities(xml.slice(i)));
      return;
    }
    if (lt > i && h.text && wantText && wantText()) h.text(decodeEntities(xml.slice(i, lt)));
    const c = xml.charCodeAt(lt + 1);
    if (c === 33 /* ! */) {
      if (xml.startsWith("<!--", lt)) {
        const e = xml.indexOf("-->", lt + 4);
        i = e < 0 ? n : e + 3;
      } else if (xml.startsWith("<![CDATA[", lt)) {
        const e = xml.indexOf("]]>", lt + 9);
        const body = xml.slice(lt + 9, e < 0 ? n : e);
        if (h.text && wantText && wantText()) h.text(body);
        i = e < 0 ? n : e + 3;
      } else {
        // <!DOCTYPE …> and the like: skipped, internal subset included
        const br = xml.indexOf("[", lt);
        const gt = xml.indexOf(">", lt);
        if (br >= 0 && gt >= 0 && br < gt) {
          const e = xml.indexOf("]>", br);
          i = e < 0 ? n : e + 2;
        } else i = gt < 0 ? n : gt + 1;
      }
      continue;
    }
    if (c === 63 /* ? */) {
      const e = xml.indexOf("?>", lt + 2);
      i = e < 0 ? n : e + 2;
      continue;
    }
    // find the end of the tag, skipping ">" inside quoted attribute values
    let j = lt + 1;
    let quote = 0;
    for (; j < n; j++) {
      const ch = xml.charCodeAt(j);
      if (quote) {
        if (ch === quote) quote = 0;
      } else if (ch === 34 || ch === 39) quote = ch;
      else if (ch === 62 /* > */) break;
    }
    if (j >= n) return; // unterminated tag: stop
    if (c === 47 /* / */) {
      if (h.close) {
        let e = j;
        while (e > lt + 2 && isSpace(xml.charCodeAt(e - 1))) e--;
        h.close(tagName(xml, lt + 2, e));
      }
      i = j + 1;
      continue;
    }
    const selfClosing = xml.charCodeAt(j - 1) === 47;
    const innerEnd = selfClosing ? j - 1 : j;
    let k = lt + 1;
    while (k < innerEnd && !isSpace(xml.charCodeAt(k))) k++;
    const name = tagName(xml, lt + 1, k);
    h.open(name, k < innerEnd ? xml.slice(k, innerEnd) : "", selfClosing);
    if (selfClosing && h.close) h.close(name);
    i = j + 1;
  }
}
