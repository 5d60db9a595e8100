/**
 * Rows inserted into a user's workbook package (fill-names --add-parents), the way
 * Excel inserts them: cells, row heights and formats below move down; formulas in every
 * sheet that refer to moved rows follow (a range spanning the insertion point grows);
 * merges, the dimension, data validation, conditional formats, hyperlinks, defined names,
 * auto filter, page breaks, views, comments, drawing anchors and chart ranges move too.
 *
 * What cannot be moved correctly is refused before anything is written, with a message
 * saying what it is: tables (list objects), pivot tables, threaded comments, Excel 2010
 * extensions (x14 validation / conditional formats), a shared-formula group the insertion
 * would split, and a shared formula whose references the insertion would split.
 */
import { colToLetters, lettersToCol } from "../../core/a1";
import type { RowBlock } from "../../core/changes";
import { HostError } from "../host";
import type { Package } from "./patch";
import { partText, relationships, setPart } from "./patch";
import { elements, firstElement, getAttr, mainPrefix, setAttr, splice, unescapeXml, escapeText } from "./patchXml";

/**
 * Insertions on one sheet, applied in order: at each step rows [at, at + count) are new and
 * rows at or below `at` move down by `count` (0-based). All steps of a sheet are done in
 * one pass over each part.
 */
export interface Shift {
  sheet: string;
  steps: { at: number; count: number }[];
}

const movedRow = (row0: number, s: Shift) => {
  let r = row0;
  for (const st of s.steps) if (r >= st.at) r += st.count;
  return r;
};

// ---------------------------------------------------------------- formulas

/** A sheet prefix ("Sheet1!", "'预算 表'!", "'a''b'!", "Sheet1:Sheet3!") — unquoted names: anything but operators and spaces. */
const PREFIX = String.raw`(?:'(?:[^']|'')+'|[^\s'!(),;:=<>&+\-*/^%{}"\[\]]+(?::[^\s'!(),;:=<>&+\-*/^%{}"\[\]]+)?)!`;
const CELL = String.raw`\$?[A-Za-z]{1,3}\$?\d+`;
const ROWS = String.raw`\$?\d+:\$?\d+`;
/** A reference: optional [n] external index, optional sheet, then a cell, a cell range, or a row range. Not part of a longer name, not a function. */
const REF = new RegExp(String.raw`(?<![\w.\u00C0-\uFFFF$'\]])(\[\d+\])?(${PREFIX})?(${CELL}(?::${CELL})?(?![\w(.!\u00C0-\uFFFF])|${ROWS}(?![\w(.!]))`, "g");

function sheetOfPrefix(prefix: string | undefined): string | undefined {
  if (!prefix) return undefined;
  const p = prefix.slice(0, -1);
  return p.startsWith("'") ? p.slice(1, -1).replace(/''/g, "'") : p;
}

export interface RefVisit {
  /** 0-based first and last row of the reference on its sheet, and whether each is absolute. */
  rows: { row: number; abs: boolean }[];
}

/**
 * Rewrite the references in a formula (text without "=") that point to `s.sheet`.
 * `host` is the sheet the formula lives on (unqualified references refer to it; null for
 * defined names, where unqualified references do not occur). String literals are kept.
 */
export function shiftFormula(formula: string, host: string | null, s: Shift, onRef?: (endpoints: { row: number; abs: boolean }[]) => void): string {
  const parts = formula.split(/("(?:[^"]|"")*")/);
  return parts
    .map((part, i) => {
      if (i % 2 === 1) return part;
      return part.replace(REF, (m: string, ext: string | undefined, prefix: string | undefined, body: string) => {
        if (ext) return m; // another workbook
        const sheet = sheetOfPrefix(prefix) ?? host;
        if (sheet === null) return m;
        if (prefix && prefix.includes(":") && !prefix.startsWith("'")) return m; // 3-D reference across sheets: left as is (rare)
        if (sheet !== s.sheet) return m;
        const ends = body.split(":");
        const isRows = /^\$?\d+$/.test(ends[0]);
        const parsed = ends.map((e) => {
          const mm = isRows ? /^(\$?)(\d+)$/.exec(e)! : /^(\$?[A-Za-z]{1,3})(\$?)(\d+)$/.exec(e)!;
          return isRows ? { col: "", dollar: mm[1], row: Number(mm[2]) - 1 } : { col: mm[1], dollar: mm[2], row: Number(mm[3]) - 1 };
        });
        onRef?.(parsed.map((p) => ({ row: p.row, abs: p.dollar === "$" })));
        const text = parsed.map((p) => `${p.col}${p.dollar}${movedRow(p.row, s) + 1}`).join(":");
        return `${prefix ?? ""}${text}`;
      });
    })
    .join("");
}

/** A list of ranges ("C5:E10 G2") on the sheet itself, moved. */
function shiftSqref(sqref: string, s: Shift): string {
  return sqref
    .split(/\s+/)
    .filter(Boolean)
    .map((r) =>
      r
        .split(":")
        .map((e) => {
          const m = /^(\$?[A-Za-z]{1,3})(\$?)(\d+)$/.exec(e);
          return m ? `${m[1]}${m[2]}${movedRow(Number(m[3]) - 1, s) + 1}` : e;
        })
        .join(":"),
    )
    .join(" ");
}

// ---------------------------------------------------------------- refusals

class Refusal {
  readonly reasons: string[] = [];
  add(reason: string): void {
    if (!this.reasons.includes(reason)) this.reasons.push(reason);
  }
}

/** A shared formula group stays consistent when no reference endpoint, over the rows of the group, straddles an insertion point. */
function checkShared(fText: string, host: string, groupR1: number, groupR2: number, s: Shift, where: string, refusal: Refusal): void {
  const height = groupR2 - groupR1;
  let r1 = groupR1;
  const ends: { row: number; abs: boolean }[] = [];
  shiftFormula(fText, host, s, (e) => ends.push(...e));
  for (const st of s.steps) {
    if (host === s.sheet && r1 < st.at && r1 + height >= st.at) {
      refusal.add(`${where} 的共享公式组（第 ${groupR1 + 1}—${groupR2 + 1} 行）会被插入的行分开`);
      return;
    }
    for (const e of ends) {
      const hi = e.abs ? e.row : e.row + height;
      if (e.row < st.at && hi >= st.at) refusal.add(`${where} 的共享公式（${fText}）所引用的行会被插入的行分开`);
    }
    // the next step sees the rows where this one left them
    if (host === s.sheet && r1 >= st.at) r1 += st.count;
    for (const e of ends) if (e.row >= st.at) e.row += st.count;
  }
}

// ---------------------------------------------------------------- one sheet part

function shiftCellRef(ref: string, s: Shift): string {
  const m = /^([A-Z]{1,3})(\d+)$/.exec(ref);
  return m ? `${m[1]}${movedRow(Number(m[2]) - 1, s) + 1}` : ref;
}

/** Every <f> in a sheet part: normal formulas shifted, shared groups checked and shifted, array refs moved on the target sheet. */
function shiftCellFormulas(xml: string, p: string, host: string, s: Shift, refusal: Refusal): string {
  const sd = firstElement(xml, `${p}sheetData`);
  if (!sd || sd.selfClosing) return xml;
  const edits: { start: number; end: number; text: string }[] = [];
  const innerStart = sd.start + sd.open.length;
  const fRe = new RegExp(`<${p}f\\b[^>]*?(?:/>|>([\\s\\S]*?)</${p}f>)`, "g");
  fRe.lastIndex = innerStart;
  for (;;) {
    const m = fRe.exec(xml);
    if (!m || m.index >= sd.end) break;
    const whole = m[0];
    const open = /^<[^>]*>/.exec(whole)![0];
    const body = m[1];
    const t = getAttr(open, "t");
    const ref = getAttr(open, "ref");
    let newOpen = open;
    if (ref && host === s.sheet) newOpen = setAttr(open, "ref", shiftSqref(ref, s));
    if (body === undefined) {
      if (newOpen !== open) edits.push({ start: m.index, end: m.index + open.length, text: newOpen });
      continue;
    }
    const text = unescapeXml(body);
    if (t === "shared" && ref) {
      const [a, b] = ref.split(":");
      const r1 = Number(/\d+/.exec(a)![0]) - 1;
      const r2 = Number(/\d+/.exec(b ?? a)![0]) - 1;
      checkShared(text, host, r1, r2, s, `工作表“${host}”${ref}`, refusal);
    }
    const shifted = shiftFormula(text, host, s);
    if (shifted !== text || newOpen !== open) edits.push({ start: m.index, end: m.index + whole.length, text: `${newOpen}${escapeText(shifted)}</${p}f>` });
  }
  return edits.length ? splice(xml, edits) : xml;
}

/** Rows and cells of the target sheet moved down. */
function shiftSheetData(xml: string, p: string, s: Shift, refusal: Refusal, host: string): string {
  const sd = firstElement(xml, `${p}sheetData`);
  if (!sd || sd.selfClosing) return xml;
  const innerStart = sd.start + sd.open.length;
  const edits: { start: number; end: number; text: string }[] = [];
  let r = -1;
  for (const row of elements(xml, `${p}row`, innerStart, sd.end)) {
    const a = getAttr(row.open, "r");
    r = a ? Number(a) - 1 : r + 1;
    const to = movedRow(r, s);
    if (to === r) continue;
    if (to > 1048575) refusal.add(`工作表“${host}”的最后几行已到 Excel 的行数上限`);
    let inner = row.inner;
    const cellEdits: { start: number; end: number; text: string }[] = [];
    for (const c of elements(inner, `${p}c`)) {
      const ref = getAttr(c.open, "r");
      if (ref) cellEdits.push({ start: c.start, end: c.start + c.open.length, text: setAttr(c.open, "r", shiftCellRef(ref, s)) });
    }
    inner = splice(inner, cellEdits);
    const open = setAttr(row.open, "r", String(to + 1));
    edits.push({ start: row.start, end: row.end, text: row.selfClosing ? open : `${open}${inner}</${p}row>` });
  }
  return splice(xml, edits);
}

/** The attribute `name` of every element `tag` (after the sheetData) rewritten by `f`. */
function mapAttr(xml: string, p: string, tag: string, name: string, f: (v: string) => string): string {
  const re = new RegExp(`<${p}${tag}\\b[^>]*>`, "g");
  return xml.replace(re, (open) => {
    const v = getAttr(open, name);
    if (v === undefined) return open;
    const w = f(v);
    return w === v ? open : setAttr(open, name, w);
  });
}

/** The text of every element `tag` rewritten by `f` (formula texts of validation and conditional formats). */
function mapText(xml: string, qtag: string, f: (v: string) => string): string {
  const re = new RegExp(`(<${qtag}\\b[^>]*>)([\\s\\S]*?)(</${qtag}>)`, "g");
  return xml.replace(re, (m: string, a: string, body: string, b: string) => {
    const text = unescapeXml(body);
    const next = f(text);
    return next === text ? m : `${a}${escapeText(next)}${b}`;
  });
}

/** Only the part of the sheet after sheetData (merges, validation, views are elsewhere: before it). */
function outsideSheetData(xml: string, p: string, f: (part: string) => string): string {
  const sd = firstElement(xml, `${p}sheetData`);
  if (!sd) return f(xml);
  return f(xml.slice(0, sd.start)) + xml.slice(sd.start, sd.end) + f(xml.slice(sd.end));
}

async function shiftTargetSheet(pkg: Package, part: string, s: Shift, refusal: Refusal): Promise<void> {
  let xml = (await partText(pkg, part))!;
  const p = mainPrefix(xml, "worksheet");
  if (new RegExp(`<${p}tableParts\\b[^>]*count="[1-9]`).test(xml) || new RegExp(`<${p}tablePart\\b`).test(xml)) refusal.add(`工作表“${s.sheet}”中有“表格”（插入 → 表格）`);
  const ext = firstElement(xml, `${p}extLst`);
  if (ext && /sqref|<xm:f>/.test(ext.inner)) refusal.add(`工作表“${s.sheet}”中有 Excel 2010 起的扩展数据验证或条件格式`);
  xml = shiftCellFormulas(xml, p, s.sheet, s, refusal);
  xml = shiftSheetData(xml, p, s, refusal, s.sheet);
  xml = outsideSheetData(xml, p, (part) => {
    let x = part;
    x = mapAttr(x, p, "dimension", "ref", (v) => shiftSqref(v, s));
    x = mapAttr(x, p, "mergeCell", "ref", (v) => shiftSqref(v, s));
    x = mapAttr(x, p, "dataValidation", "sqref", (v) => shiftSqref(v, s));
    x = mapAttr(x, p, "conditionalFormatting", "sqref", (v) => shiftSqref(v, s));
    x = mapAttr(x, p, "hyperlink", "ref", (v) => shiftSqref(v, s));
    x = mapAttr(x, p, "hyperlink", "location", (v) => shiftFormula(v, s.sheet, s));
    x = mapAttr(x, p, "autoFilter", "ref", (v) => shiftSqref(v, s));
    x = mapAttr(x, p, "sortState", "ref", (v) => shiftSqref(v, s));
    x = mapAttr(x, p, "sortCondition", "ref", (v) => shiftSqref(v, s));
    x = mapAttr(x, p, "selection", "sqref", (v) => shiftSqref(v, s));
    x = mapAttr(x, p, "selection", "activeCell", (v) => shiftSqref(v, s));
    x = mapAttr(x, p, "pane", "topLeftCell", (v) => shiftSqref(v, s));
    x = mapAttr(x, p, "sheetView", "topLeftCell", (v) => shiftSqref(v, s));
    x = mapAttr(x, p, "protectedRange", "sqref", (v) => shiftSqref(v, s));
    x = mapAttr(x, p, "ignoredError", "sqref", (v) => shiftSqref(v, s));
    x = mapAttr(x, p, "dataRef", "ref", (v) => shiftSqref(v, s));
    x = mapText(x, `${p}formula`, (v) => shiftFormula(v, s.sheet, s));
    x = mapText(x, `${p}formula1`, (v) => shiftFormula(v, s.sheet, s));
    x = mapText(x, `${p}formula2`, (v) => shiftFormula(v, s.sheet, s));
    // a manual page break before row n+1 has id n
    const rb = firstElement(x, `${p}rowBreaks`);
    if (rb) x = mapAttr(x, p, "brk", "id", (v) => String(Number(v) > 0 ? movedRow(Number(v), s) : Number(v)));
    return x;
  });
  setPart(pkg, part, xml);
  await shiftSheetRelated(pkg, part, s, refusal);
}

/** Comments, their VML boxes, and drawing anchors of the target sheet. */
async function shiftSheetRelated(pkg: Package, part: string, s: Shift, refusal: Refusal): Promise<void> {
  for (const rel of await relationships(pkg, part)) {
    if (rel.external) continue;
    const type = rel.type.replace(/^.*\//, "");
    if (type === "comments") {
      const xml = await partText(pkg, rel.target);
      if (xml) setPart(pkg, rel.target, xml.replace(/(<(?:[\w.-]+:)?comment\b[^>]*\sref=")([A-Z]{1,3}\d+)(")/g, (_m, a: string, ref: string, b: string) => a + shiftCellRef(ref, s) + b));
    } else if (type === "vmlDrawing") {
      const xml = await partText(pkg, rel.target);
      if (!xml) continue;
      let out = xml.replace(/(<x:Row>)(\d+)(<\/x:Row>)/g, (_m, a: string, r: string, b: string) => a + movedRow(Number(r), s) + b);
      out = out.replace(/(<x:Anchor>)([^<]*)(<\/x:Anchor>)/g, (_m, a: string, body: string, b: string) => {
        const v = body.split(",").map((x) => x.trim());
        if (v.length !== 8) return a + body + b;
        v[2] = String(movedRow(Number(v[2]), s));
        v[6] = String(movedRow(Number(v[6]), s));
        return a + v.join(", ") + b;
      });
      setPart(pkg, rel.target, out);
    } else if (type === "drawing") {
      const xml = await partText(pkg, rel.target);
      if (!xml) continue;
      setPart(
        pkg,
        rel.target,
        xml.replace(/(<(?:[\w.-]+:)?(?:from|to)>[\s\S]*?<((?:[\w.-]+:)?row)>)(\d+)(<\/\2>)/g, (_m, a: string, _q: string, r: string, b: string) => a + movedRow(Number(r), s) + b),
      );
    } else if (type === "threadedComment") {
      refusal.add(`工作表“${s.sheet}”中有新式批注（threaded comments）`);
    } else if (type === "pivotTable") {
      refusal.add(`工作表“${s.sheet}”中有数据透视表`);
    } else if (type === "table") {
      refusal.add(`工作表“${s.sheet}”中有“表格”（插入 → 表格）`);
    }
  }
}

/** Formulas in another sheet that may refer to the target sheet. */
async function shiftOtherSheet(pkg: Package, name: string, part: string, s: Shift, refusal: Refusal): Promise<void> {
  const xml = await partText(pkg, part);
  if (!xml) return;
  const p = mainPrefix(xml, "worksheet");
  let out = shiftCellFormulas(xml, p, name, s, refusal);
  out = outsideSheetData(out, p, (x) => {
    let y = mapText(x, `${p}formula`, (v) => shiftFormula(v, name, s));
    y = mapText(y, `${p}formula1`, (v) => shiftFormula(v, name, s));
    y = mapText(y, `${p}formula2`, (v) => shiftFormula(v, name, s));
    y = mapAttr(y, p, "hyperlink", "location", (v) => shiftFormula(v, name, s));
    return y;
  });
  const ext = firstElement(out, `${p}extLst`);
  if (ext && ext.inner.includes(s.sheet) && /<xm:f>/.test(ext.inner)) refusal.add(`工作表“${name}”的扩展数据验证或条件格式引用了“${s.sheet}”`);
  if (out !== xml) setPart(pkg, part, out);
}

async function shiftWorkbookParts(pkg: Package, s: Shift, refusal: Refusal): Promise<void> {
  const wb = (await partText(pkg, pkg.workbookPath))!;
  const p = mainPrefix(wb, "workbook");
  const names = mapText(wb, `${p}definedName`, (v) => shiftFormula(v, null, s));
  if (names !== wb) setPart(pkg, pkg.workbookPath, names);
  for (const rel of await relationships(pkg, pkg.workbookPath)) {
    const type = rel.type.replace(/^.*\//, "");
    if (type === "pivotCacheDefinition") {
      const xml = await partText(pkg, rel.target);
      if (xml && new RegExp(`sheet="${escapeText(s.sheet).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"`).test(xml)) refusal.add(`数据透视表的数据源在工作表“${s.sheet}”`);
    }
  }
  // charts: every chart part in the package (their series refer to sheets by name)
  for (const name of Object.keys(pkg.zip.files)) {
    if (!/^xl\/charts\/chart\d+\.xml$/.test(name)) continue;
    const xml = await partText(pkg, name);
    if (!xml) continue;
    const out = mapText(xml, "c:f", (v) => shiftFormula(v, null, s));
    if (out !== xml) setPart(pkg, name, out);
  }
}

/** Rows inserted, in the sheet as it is after every insertion: new rows [start, start + count), and the row whose look they copy. */
export interface InsertedRows {
  sheet: string;
  start: number;
  count: number;
  /** The row that was at the insertion point (moved down): the inserted rows take its height and cell formats, as a table row would. */
  source: number;
}

/** Apply row insertions to the package, in the order given; throws (and the caller writes nothing) when something cannot be moved. */
export async function insertRowsInPackage(pkg: Package, blocks: RowBlock[]): Promise<InsertedRows[]> {
  const refusal = new Refusal();
  const done: InsertedRows[] = [];
  // every step of a sheet in one pass; the order of the steps within a sheet is kept
  const bySheet = new Map<string, Shift>();
  for (const b of blocks) {
    if (b.count <= 0) continue;
    if (!pkg.sheets.has(b.sheet)) throw new HostError(`找不到工作表“${b.sheet}”，未写入。`, "not-found");
    if (!bySheet.has(b.sheet)) bySheet.set(b.sheet, { sheet: b.sheet, steps: [] });
    bySheet.get(b.sheet)!.steps.push({ at: b.at, count: b.count });
    for (const d of done) {
      if (d.sheet !== b.sheet) continue;
      if (d.start >= b.at) d.start += b.count;
      if (d.source >= b.at) d.source += b.count;
    }
    done.push({ sheet: b.sheet, start: b.at, count: b.count, source: b.at + b.count });
  }
  for (const s of bySheet.values()) {
    const part = pkg.sheets.get(s.sheet)!;
    await shiftTargetSheet(pkg, part, s, refusal);
    for (const name of pkg.sheetOrder) if (name !== s.sheet) await shiftOtherSheet(pkg, name, pkg.sheets.get(name)!, s, refusal);
    await shiftWorkbookParts(pkg, s, refusal);
  }
  if (refusal.reasons.length) {
    throw new HostError(
      `不能插入上级科目行：${refusal.reasons.join("；")}。这些内容无法随插入的行正确移动，为免损坏工作簿，未写入任何内容。可不加 --add-parents 运行，或在 Excel 中手工插入这些行。`,
      "other",
    );
  }
  return done;
}

export { colToLetters, lettersToCol };
