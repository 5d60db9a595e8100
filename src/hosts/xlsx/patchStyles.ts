/**
 * styles.xml for the patcher: a changed cell keeps its own cell format (xf); only
 * when the change asks for another number format or look is a new xf added — a copy
 * of the cell's xf with just that difference — at the end of cellXfs. Existing
 * entries are never changed or renumbered.
 */
import type { Cell, CellStyle } from "../../core/model";
import { elements, escapeAttr, firstElement, getAttr, mainPrefix, removeAttr, setAttr, splice, unescapeXml } from "./patchXml";

const BUILTIN_FORMATS: Record<string, number> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
  "0.00E+00": 11,
  "# ?/?": 12,
  "# ??/??": 13,
  "mm-dd-yy": 14,
  "d-mmm-yy": 15,
  "d-mmm": 16,
  "mmm-yy": 17,
  "h:mm AM/PM": 18,
  "h:mm:ss AM/PM": 19,
  "h:mm": 20,
  "h:mm:ss": 21,
  "m/d/yy h:mm": 22,
  "#,##0 ;(#,##0)": 37,
  "#,##0 ;[Red](#,##0)": 38,
  "#,##0.00;(#,##0.00)": 39,
  "#,##0.00;[Red](#,##0.00)": 40,
  "mm:ss": 45,
  "[h]:mm:ss": 46,
  "mmss.0": 47,
  "##0.0E+0": 48,
  "@": 49,
};

/** What a change asks of a cell's format, compared with what the cell had. */
export interface FormatChange {
  numFmt?: string;
  style: Partial<Record<keyof CellStyle, unknown>>;
}

const STYLE_KEYS: (keyof CellStyle)[] = ["bold", "fontSize", "fill", "horizontal", "wrap", "border", "indent"];

/**
 * The format difference between the cell as read and the cell the change wants; null when none.
 * Only what the change states counts: a number format or style key it leaves out keeps the
 * file's own (the model sees a few style keys of a cell, the file has all of them — a change
 * cannot take borders or fonts away by not knowing them).
 */
export function formatChange(before: Cell | undefined, after: Cell): FormatChange | null {
  const out: FormatChange = { style: {} };
  let any = false;
  if (after.numFmt !== undefined && (before?.numFmt ?? "General") !== after.numFmt) {
    out.numFmt = after.numFmt ?? "General";
    any = true;
  }
  for (const k of STYLE_KEYS) {
    const a = before?.style?.[k];
    const b = after.style?.[k];
    if (b !== undefined && a !== b && !(k === "indent" && !a && !b)) {
      out.style[k] = b;
      any = true;
    }
  }
  return any ? out : null;
}

interface Section {
  qname: string;
  items: string[];
  added: string[];
}

export class StyleBook {
  private readonly p: string;
  private readonly xfs: string[];
  private readonly addedXfs: string[] = [];
  private readonly customFormats = new Map<string, number>();
  private readonly addedFormats: { id: number; code: string }[] = [];
  private nextFormatId = 164;
  private readonly fonts: Section;
  private readonly fills: Section;
  private readonly borders: Section;
  private readonly cache = new Map<string, number>();

  constructor(private readonly xml: string) {
    this.p = mainPrefix(xml, "styleSheet");
    const p = this.p;
    const cellXfs = firstElement(xml, `${p}cellXfs`);
    this.xfs = cellXfs ? elements(cellXfs.inner, `${p}xf`).map((e) => cellXfs.inner.slice(e.start, e.end)) : [];
    const numFmts = firstElement(xml, `${p}numFmts`);
    if (numFmts)
      for (const e of elements(numFmts.inner, `${p}numFmt`)) {
        const id = Number(getAttr(e.open, "numFmtId"));
        const code = getAttr(e.open, "formatCode") ?? "";
        if (!this.customFormats.has(code)) this.customFormats.set(code, id);
        if (id >= this.nextFormatId) this.nextFormatId = id + 1;
      }
    const section = (name: string, item: string): Section => {
      const el = firstElement(xml, `${p}${name}`);
      return { qname: name, items: el ? elements(el.inner, `${p}${item}`).map((e) => el.inner.slice(e.start, e.end)) : [], added: [] };
    };
    this.fonts = section("fonts", "font");
    this.fills = section("fills", "fill");
    this.borders = section("borders", "border");
  }

  get changed(): boolean {
    return this.addedXfs.length > 0;
  }

  /** The xf index for a cell whose xf is `base` (0 when none) with `change` applied. */
  derive(base: number, change: FormatChange): number {
    const key = `${base}\u0000${JSON.stringify(change)}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const p = this.p;
    let xf = this.xfs[base] ?? this.addedXfs[base - this.xfs.length] ?? this.xfs[0] ?? `<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
    let open = /^<[^>]*>/.exec(xf)![0];
    let inner = open.endsWith("/>") ? "" : xf.slice(open.length, xf.length - `</${p}xf>`.length);
    if (open.endsWith("/>")) open = open.slice(0, -2).trimEnd() + ">";
    if (change.numFmt !== undefined) {
      open = setAttr(open, "numFmtId", String(this.formatId(change.numFmt)));
      open = setAttr(open, "applyNumberFormat", "1");
    }
    const st = change.style;
    if ("horizontal" in st || "wrap" in st || "indent" in st) {
      const al = firstElement(inner, `${p}alignment`);
      let tag = al ? al.open.replace(/\s*\/?>$/, "/>") : `<${p}alignment/>`;
      if ("horizontal" in st) tag = st.horizontal ? setAttr(tag, "horizontal", String(st.horizontal)) : removeAttr(tag, "horizontal");
      if ("wrap" in st) tag = st.wrap ? setAttr(tag, "wrapText", "1") : removeAttr(tag, "wrapText");
      if ("indent" in st) {
        tag = st.indent ? setAttr(tag, "indent", String(st.indent)) : removeAttr(tag, "indent");
        // Excel shows an indent only with left/right/distributed alignment
        if (st.indent && !getAttr(tag, "horizontal")) tag = setAttr(tag, "horizontal", "left");
      }
      inner = al ? splice(inner, [{ start: al.start, end: al.end, text: tag }]) : tag + inner;
      open = setAttr(open, "applyAlignment", "1");
    }
    if ("bold" in st || "fontSize" in st) {
      const fontId = Number(getAttr(open, "fontId") ?? 0);
      let font = this.item(this.fonts, fontId) ?? `<${p}font/>`;
      if (font.endsWith("/>")) font = font.slice(0, -2).trimEnd() + `></${p}font>`;
      const fo = /^<[^>]*>/.exec(font)![0];
      let fi = font.slice(fo.length, font.length - `</${p}font>`.length);
      if ("bold" in st) {
        fi = fi.replace(new RegExp(`<${p}b(?:\\s[^>]*)?/>|<${p}b(?:\\s[^>]*)?>.*?</${p}b>`), "");
        if (st.bold) fi = `<${p}b/>` + fi;
      }
      if ("fontSize" in st && st.fontSize) {
        const sz = new RegExp(`<${p}sz\\s[^>]*/>`);
        const tag = `<${p}sz val="${Number(st.fontSize)}"/>`;
        fi = sz.test(fi) ? fi.replace(sz, tag) : fi.replace(new RegExp(`(<${p}b/>|<${p}i/>)*`), (m) => m + tag);
      }
      open = setAttr(open, "fontId", String(this.add(this.fonts, fo + fi + `</${p}font>`)));
      open = setAttr(open, "applyFont", "1");
    }
    if ("fill" in st) {
      const rgb = typeof st.fill === "string" ? "FF" + st.fill.replace("#", "").toUpperCase() : null;
      const id = rgb
        ? this.add(this.fills, `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${escapeAttr(rgb)}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`)
        : 0;
      open = setAttr(open, "fillId", String(id));
      open = setAttr(open, "applyFill", "1");
    }
    if ("border" in st) {
      const edge = (e: string) => `<${p}${e} style="thin"><${p}color rgb="FF808080"/></${p}${e}>`;
      const id = st.border ? this.add(this.borders, `<${p}border>${edge("left")}${edge("right")}${edge("top")}${edge("bottom")}<${p}diagonal/></${p}border>`) : 0;
      open = setAttr(open, "borderId", String(id));
      open = setAttr(open, "applyBorder", "1");
    }
    xf = inner ? `${open}${inner}</${p}xf>` : open.slice(0, -1) + "/>";
    const index = this.xfs.length + this.addedXfs.length;
    this.addedXfs.push(xf);
    this.cache.set(key, index);
    return index;
  }

  private formatId(code: string): number {
    if (code in BUILTIN_FORMATS) return BUILTIN_FORMATS[code];
    const known = this.customFormats.get(code);
    if (known !== undefined) return known;
    const id = this.nextFormatId++;
    this.customFormats.set(code, id);
    this.addedFormats.push({ id, code });
    return id;
  }

  private item(s: Section, i: number): string | undefined {
    return s.items[i] ?? s.added[i - s.items.length];
  }

  private add(s: Section, xml: string): number {
    s.added.push(xml);
    return s.items.length + s.added.length - 1;
  }

  /** styles.xml with the added entries appended (counts updated); the same string when nothing was added. */
  serialize(): string {
    if (!this.changed) return this.xml;
    const p = this.p;
    let xml = this.xml;
    const append = (name: string, items: string[], total: number) => {
      if (!items.length) return;
      const el = firstElement(xml, `${p}${name}`);
      if (!el) {
        // cellXfs, fonts, fills and borders are required by the schema; a styles part without one is not something to guess at
        throw new Error(`styles.xml 缺少 <${name}>`);
      }
      let open = el.open.endsWith("/>") ? el.open.slice(0, -2).trimEnd() + ">" : el.open;
      open = setAttr(open, "count", String(total));
      xml = splice(xml, [{ start: el.start, end: el.end, text: open + el.inner + items.join("") + `</${p}${name}>` }]);
    };
    if (this.addedFormats.length) {
      const items = this.addedFormats.map((f) => `<${p}numFmt numFmtId="${f.id}" formatCode="${escapeAttr(f.code)}"/>`);
      const el = firstElement(xml, `${p}numFmts`);
      if (el) append("numFmts", items, elements(el.inner, `${p}numFmt`).length + items.length);
      else {
        // numFmts is the first child of styleSheet
        const root = /<(?:[\w.-]+:)?styleSheet\b[^>]*>/.exec(xml)!;
        const at = root.index + root[0].length;
        xml = xml.slice(0, at) + `<${p}numFmts count="${items.length}">${items.join("")}</${p}numFmts>` + xml.slice(at);
      }
    }
    append("fonts", this.fonts.added, this.fonts.items.length + this.fonts.added.length);
    append("fills", this.fills.added, this.fills.items.length + this.fills.added.length);
    append("borders", this.borders.added, this.borders.items.length + this.borders.added.length);
    append("cellXfs", this.addedXfs, this.xfs.length + this.addedXfs.length);
    return xml;
  }
}

export { unescapeXml };
