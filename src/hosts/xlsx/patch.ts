/**
 * Write a changed copy of a user's .xlsx by patching its package, not by rebuilding it.
 *
 * Only the <c> elements of the cells a change set changes are rewritten (and the <row>
 * that holds them when a cell or row is new); a new cell format is appended to
 * styles.xml only when a change asks for one. Every other zip entry and every other
 * element stays byte for byte: sheet protection and its hash, hidden sheets, row
 * heights, column widths, rich text, borders, validation, conditional formats, comments,
 * drawings, defined names, print setup, views and document properties.
 *
 * Rows inserted by a change set (fill-names --add-parents) are done by patchRows.ts,
 * which shifts what must shift or refuses, saying what it could not shift.
 */
import JSZip from "jszip";
import { promises as fs } from "fs";
import * as path from "path";
import { colToLetters, lettersToCol } from "../../core/a1";
import type { CellEdit, ChangeSet } from "../../core/changes";
import { getCell, getSheet, type Cell, type Workbook } from "../../core/model";
import { HostError } from "../host";
import { formatChange, StyleBook } from "./patchStyles";
import { elements, escapeAttr, escapeCellText, escapeText, firstElement, getAttr, mainPrefix, removeAttr, setAttr, splice, unescapeXml } from "./patchXml";
import { insertRowsInPackage, type InsertedRows } from "./patchRows";
import { readEntryText, rebuildZip, zipIndex } from "./patchZip";
import { guardOutputPath } from "../../cli/outputPath";
import { readXlsxBuffer } from "./xlsxHost";

export interface PatchReport {
  /** Zip entries whose bytes changed (or were added); every other entry is copied as it was. */
  changedParts: string[];
  /** Entries removed (xl/calcChain.xml when a formula cell was overwritten or rows moved). */
  removedParts: string[];
  /** Cells written, by sheet. */
  cellsWritten: number;
  /** Formulas were written: the workbook is marked to recalculate when Excel opens it. */
  formulasWritten: boolean;
}

export interface Package {
  zip: JSZip;
  workbookPath: string;
  relsPath: string;
  /** Sheet name → part path ("xl/worksheets/sheet1.xml"). */
  sheets: Map<string, string>;
  /** Sheet names in workbook order. */
  sheetOrder: string[];
  /** Parts read and changed so far, as text (written back at the end). */
  text: Map<string, string>;
  /** The zip's entries for reading with Node's zlib (null: read through JSZip). */
  index: ReturnType<typeof zipIndex>;
  /** Parts as read (decompressed once). */
  original: Map<string, string>;
  removed: Set<string>;
}

/** A zip entry as text (the changed version if there is one); undefined when absent. */
export async function partText(pkg: Package, name: string): Promise<string | undefined> {
  if (pkg.text.has(name)) return pkg.text.get(name);
  if (pkg.removed.has(name)) return undefined;
  const cached = pkg.original.get(name);
  if (cached !== undefined) return cached;
  const f = pkg.zip.file(name);
  if (!f) return undefined;
  let s: string | undefined;
  try {
    s = pkg.index ? readEntryText(pkg.index, name) : undefined;
  } catch {
    s = undefined;
  }
  if (s === undefined) s = await f.async("string");
  pkg.original.set(name, s);
  return s;
}

export function setPart(pkg: Package, name: string, xml: string): void {
  pkg.text.set(name, xml);
}

/** Resolve a relationship target against the folder of the part that owns the .rels. */
export function resolveTarget(ownerPart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = path.posix.dirname(ownerPart).split("/").filter((s) => s && s !== ".");
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg && seg !== ".") parts.push(seg);
  }
  return parts.join("/");
}

/** The .rels part of a part: xl/worksheets/sheet1.xml → xl/worksheets/_rels/sheet1.xml.rels. */
export function relsOf(part: string): string {
  return `${path.posix.dirname(part)}/_rels/${path.posix.basename(part)}.rels`;
}

/** Relationships of a part: id → { type, target (resolved), external }. */
export async function relationships(pkg: Package, part: string): Promise<{ id: string; type: string; target: string; external: boolean; raw: string }[]> {
  const xml = await partText(pkg, relsOf(part));
  if (!xml) return [];
  const out: { id: string; type: string; target: string; external: boolean; raw: string }[] = [];
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?Relationship\b[^>]*>/g)) {
    const tag = m[0];
    const external = getAttr(tag, "TargetMode") === "External";
    const target = getAttr(tag, "Target") ?? "";
    out.push({ id: getAttr(tag, "Id") ?? "", type: getAttr(tag, "Type") ?? "", target: external ? target : resolveTarget(part, target), external, raw: tag });
  }
  return out;
}

function unreadable(what: string): HostError {
  return new HostError(`文件不是有效的 .xlsx 工作簿（${what}），未写入。请在 Excel 中打开并另存为 .xlsx 后重试。`, "unreadable");
}

export async function openPackage(input: Buffer | ArrayBuffer): Promise<Package> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(input);
  } catch {
    throw unreadable("无法解压");
  }
  const pkg: Package = { zip, workbookPath: "", relsPath: "", sheets: new Map(), sheetOrder: [], text: new Map(), original: new Map(), removed: new Set(), index: null };
  try {
    pkg.index = zipIndex(Buffer.isBuffer(input) ? input : Buffer.from(input));
  } catch {
    pkg.index = null;
  }
  const root = await relationships(pkg, "");
  const office = root.find((r) => /\/officeDocument$/.test(r.type));
  pkg.workbookPath = office?.target ?? "xl/workbook.xml";
  pkg.relsPath = relsOf(pkg.workbookPath);
  const wbXml = await partText(pkg, pkg.workbookPath);
  if (!wbXml) throw unreadable("缺少 workbook.xml");
  const rels = await relationships(pkg, pkg.workbookPath);
  for (const m of wbXml.matchAll(/<(?:[\w.-]+:)?sheet\b[^>]*>/g)) {
    const tag = m[0];
    const name = getAttr(tag, "name");
    const idAttr = /\s([\w.-]+:)?id\s*=\s*"([^"]*)"/.exec(tag);
    const rel = idAttr ? rels.find((r) => r.id === unescapeXml(idAttr[2])) : undefined;
    if (name === undefined || !rel) continue;
    pkg.sheets.set(name, rel.target);
    pkg.sheetOrder.push(name);
  }
  return pkg;
}

export interface CellPos {
  r: number;
  c: number;
}

function parseRef(ref: string): CellPos | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(ref);
  return m ? { r: Number(m[2]) - 1, c: lettersToCol(m[1]) } : null;
}

export interface SheetContext {
  sheetName: string;
  styles: () => StyleBook;
  before: Workbook | undefined;
  /** Column styles from <cols>: a new cell in such a column takes the column's format, as in Excel. */
  colStyle: (c: number) => number | undefined;
  /** Inserted rows (new row → the row whose height and formats it copies). */
  templates: Map<number, number>;
  report: { formulasWritten: boolean; formulaOverwritten: boolean; cells: number };
}

/** The <c> element for `cell` at `ref` (undefined: remove the element). */
function cellXml(p: string, ref: string, oldOpen: string | undefined, cell: Cell | null, s: number | undefined, ctx: SheetContext): string | undefined {
  let open = `<${p}c r="${ref}"`;
  if (s !== undefined) open += ` s="${s}"`;
  const ph = oldOpen ? getAttr(oldOpen, "ph") : undefined;
  if (ph !== undefined) open += ` ph="${escapeAttr(ph)}"`;
  if (!cell || (cell.value === null && !cell.formula)) {
    // cleared: the cell keeps its format (like Excel's Delete), or goes away when it has none
    return s !== undefined ? `${open}/>` : undefined;
  }
  const v = cell.value;
  if (typeof v === "string" && v.length > 32767) {
    throw new HostError(`工作表“${ctx.sheetName}”的 ${ref}：文字有 ${v.length} 个字符，超过 Excel 一个单元格的上限 32767 个，未写入。`, "too-large");
  }
  if (cell.formula) {
    ctx.report.formulasWritten = true;
    const f = `<${p}f>${escapeText(cell.formula.replace(/^=/, ""))}</${p}f>`;
    if (typeof v === "number" && Number.isFinite(v)) return `${open}>${f}<${p}v>${v}</${p}v></${p}c>`;
    if (typeof v === "string") return `${open} t="str">${f}<${p}v>${escapeCellText(v)}</${p}v></${p}c>`;
    if (typeof v === "boolean") return `${open} t="b">${f}<${p}v>${v ? 1 : 0}</${p}v></${p}c>`;
    if (v && typeof v === "object") return `${open} t="e">${f}<${p}v>${escapeText(v.error)}</${p}v></${p}c>`;
    return `${open}>${f}</${p}c>`;
  }
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return `${open} t="e"><${p}v>#NUM!</${p}v></${p}c>`;
    return `${open}><${p}v>${v}</${p}v></${p}c>`;
  }
  if (typeof v === "boolean") return `${open} t="b"><${p}v>${v ? 1 : 0}</${p}v></${p}c>`;
  if (v && typeof v === "object") return `${open} t="e"><${p}v>${escapeText(v.error)}</${p}v></${p}c>`;
  // text is written as text — an inline string — whatever it starts with ("=HYPERLINK(…)" stays text)
  return `${open} t="inlineStr"><${p}is><${p}t xml:space="preserve">${escapeCellText(String(v))}</${p}t></${p}is></${p}c>`;
}

/** The new <c> for an edit, with the cell's style kept (or a derived one when the change asks for another format). */
function editedCell(p: string, r: number, c: number, oldEl: { open: string; inner: string } | undefined, rowOpen: string | undefined, e: CellEdit, ctx: SheetContext): string | undefined {
  const ref = `${colToLetters(c)}${r + 1}`;
  if (oldEl) {
    const f = firstElement(oldEl.inner, `${p}f`);
    if (f) {
      const t = getAttr(f.open, "t");
      const fref = getAttr(f.open, "ref");
      if (t === "shared" && fref !== undefined && fref.includes(":")) {
        throw new HostError(`工作表“${ctx.sheetName}”的 ${ref} 是一组共享公式的首个单元格（${fref}），改写它会破坏其余公式，未写入。请在 Excel 中先把该区域的公式复制、粘贴一次（或取消共享）后重试。`, "other");
      }
      if (t === "array" && fref !== undefined && fref.includes(":")) {
        throw new HostError(`工作表“${ctx.sheetName}”的 ${ref} 属于数组公式 ${fref}，不能单独改写，未写入。`, "other");
      }
      ctx.report.formulaOverwritten = true;
    }
  }
  let base: number | undefined;
  if (oldEl) {
    const s = getAttr(oldEl.open, "s");
    base = s === undefined ? undefined : Number(s);
  } else {
    const rs = rowOpen && getAttr(rowOpen, "customFormat") && /^(1|true)$/.test(getAttr(rowOpen, "customFormat")!) ? getAttr(rowOpen, "s") : undefined;
    base = rs !== undefined ? Number(rs) : ctx.colStyle(c);
  }
  let s = base;
  if (e.cell) {
    const sheet = ctx.before ? getSheet(ctx.before, ctx.sheetName) : undefined;
    const before = sheet ? getCell(sheet, ctx.templates.get(r) ?? r, c) : undefined;
    const change = ctx.before ? formatChange(before, e.cell) : null;
    if (change) s = ctx.styles().derive(base ?? 0, change);
  }
  ctx.report.cells++;
  return cellXml(p, ref, oldEl?.open, e.cell, s, ctx);
}

function rowXml(p: string, r: number, open: string | undefined, cellsXml: string): string {
  const o = open ? (open.endsWith("/>") ? open.slice(0, -2).trimEnd() + ">" : open) : `<${p}row r="${r + 1}">`;
  return cellsXml ? `${o}${cellsXml}</${p}row>` : o.slice(0, -1) + "/>";
}

/** Patch one row: its edited <c> replaced, new ones inserted in column order; everything else kept. */
function patchRow(p: string, r: number, rowEl: { open: string; inner: string } | undefined, edits: Map<number, CellEdit>, ctx: SheetContext): string {
  const inner = rowEl?.inner ?? "";
  const cells = elements(inner, `${p}c`);
  let col = -1;
  const withRef = cells.map((el) => {
    const ref = getAttr(el.open, "r");
    const pos = ref ? parseRef(ref) : null;
    col = pos ? pos.c : col + 1;
    return { el, c: col, hasRef: !!pos };
  });
  const cols = [...edits.keys()].sort((a, b) => a - b);
  const out: { start: number; end: number; text: string }[] = [];
  // cells without an r attribute take their place from the cell before: name them, so an inserted cell cannot move them
  for (const x of withRef) {
    if (!x.hasRef && !edits.has(x.c)) {
      const open = setAttr(x.el.open, "r", `${colToLetters(x.c)}${r + 1}`);
      out.push({ start: x.el.start, end: x.el.start + x.el.open.length, text: open });
    }
  }
  for (const c of cols) {
    const e = edits.get(c)!;
    const hit = withRef.find((x) => x.c === c);
    if (hit) {
      out.push({ start: hit.el.start, end: hit.el.end, text: editedCell(p, r, c, hit.el, rowEl?.open, e, ctx) ?? "" });
    } else {
      if (!e.cell) continue; // clearing a cell that is not there
      const next = withRef.find((x) => x.c > c);
      const at = next ? next.el.start : inner.length;
      out.push({ start: at, end: at, text: editedCell(p, r, c, undefined, rowEl?.open, e, ctx) ?? "" });
    }
  }
  const newInner = splice(inner, out);
  let open = rowEl?.open;
  if (open) {
    const spans = getAttr(open, "spans");
    const m = spans ? /^(\d+):(\d+)$/.exec(spans) : null;
    if (m) {
      const written = cols.filter((c) => edits.get(c)!.cell).map((c) => c + 1);
      const lo = Math.min(Number(m[1]), ...written);
      const hi = Math.max(Number(m[2]), ...written);
      if (lo !== Number(m[1]) || hi !== Number(m[2])) open = setAttr(open, "spans", `${lo}:${hi}`);
    }
  }
  return rowXml(p, r, open, newInner);
}

function colStyles(xml: string, p: string): (c: number) => number | undefined {
  const cols = firstElement(xml, `${p}cols`);
  const ranges = cols
    ? elements(cols.inner, `${p}col`)
        .map((e) => ({ min: Number(getAttr(e.open, "min")) - 1, max: Number(getAttr(e.open, "max")) - 1, s: getAttr(e.open, "style") }))
        .filter((x) => x.s !== undefined && x.s !== "0")
    : [];
  return (c) => {
    const hit = ranges.find((x) => c >= x.min && c <= x.max);
    return hit ? Number(hit.s) : undefined;
  };
}

function isProtected(xml: string, p: string): boolean {
  const el = firstElement(xml, `${p}sheetProtection`);
  if (!el) return false;
  const v = getAttr(el.open, "sheet");
  return v === "1" || v === "true";
}

/** Apply cell edits to one sheet part. */
export function patchSheetXml(xml: string, edits: CellEdit[], ctx: SheetContext): string {
  const p = mainPrefix(xml, "worksheet");
  if (isProtected(xml, p)) {
    throw new HostError(`工作表“${ctx.sheetName}”受保护，无法写入，未做任何修改。请在“审阅 → 撤消工作表保护”后重试。`, "protected");
  }
  ctx.colStyle = colStyles(xml, p);
  // last edit of a cell wins, as when the change set is applied in order
  const byRow = new Map<number, Map<number, CellEdit>>();
  for (const e of edits) {
    if (!byRow.has(e.r)) byRow.set(e.r, new Map());
    byRow.get(e.r)!.set(e.c, e);
  }
  const sd = firstElement(xml, `${p}sheetData`);
  if (!sd) throw unreadable(`工作表“${ctx.sheetName}”缺少 sheetData`);
  const innerStart = sd.start + sd.open.length;
  const rows = sd.selfClosing ? [] : elements(xml, `${p}row`, innerStart, sd.end);
  let r = -1;
  const located = rows.map((el) => {
    const a = getAttr(el.open, "r");
    r = a ? Number(a) - 1 : r + 1;
    return { el, r, hasRef: !!a };
  });
  const out: { start: number; end: number; text: string }[] = [];
  const wanted = [...byRow.keys()].sort((a, b) => a - b);
  const rowAt = new Map(located.map((x) => [x.r, x]));
  // the first existing row after r (rows are in order in the part): a moving cursor over the sorted wanted rows
  let cursor = 0;
  const nextAfter = (rr: number) => {
    while (cursor < located.length && located[cursor].r <= rr) cursor++;
    return located[cursor];
  };
  let maxR = -1;
  let maxC = -1;
  for (const x of located) {
    if (!x.hasRef && !byRow.has(x.r)) out.push({ start: x.el.start, end: x.el.start + x.el.open.length, text: setAttr(x.el.open, "r", String(x.r + 1)) });
  }
  const inserts = new Map<number, string>();
  for (const rr of wanted) {
    const edits = byRow.get(rr)!;
    for (const [c, e] of edits) if (e.cell) (maxR = Math.max(maxR, rr)), (maxC = Math.max(maxC, c));
    const hit = rowAt.get(rr);
    if (hit) {
      const open = hit.hasRef ? hit.el.open : setAttr(hit.el.open, "r", String(rr + 1));
      out.push({ start: hit.el.start, end: hit.el.end, text: patchRow(p, rr, { open, inner: hit.el.inner }, edits, ctx) });
    } else {
      if (![...edits.values()].some((e) => e.cell)) continue;
      const next = nextAfter(rr);
      const src = ctx.templates.has(rr) ? rowAt.get(ctx.templates.get(rr)!) : undefined;
      if (src) {
        // an inserted row looks like the table row it was inserted above: its height, and each cell's format
        let open = removeAttr(setAttr(src.el.open, "r", String(rr + 1)), "spans");
        if (open.endsWith("/>")) open = open.slice(0, -2).trimEnd() + ">";
        const styled = elements(src.el.inner, `${p}c`)
          .map((c) => ({ ref: getAttr(c.open, "r"), s: getAttr(c.open, "s") }))
          .filter((c) => c.ref && c.s !== undefined)
          .map((c) => `<${p}c r="${c.ref!.replace(/\d+$/, String(rr + 1))}" s="${c.s}"/>`)
          .join("");
        const at = next ? next.el.start : sd.end - `</${p}sheetData>`.length;
        inserts.set(at, (inserts.get(at) ?? "") + patchRow(p, rr, { open, inner: styled }, edits, ctx));
        continue;
      }
      const at = next ? next.el.start : sd.selfClosing ? sd.start : sd.end - `</${p}sheetData>`.length;
      inserts.set(at, (inserts.get(at) ?? "") + patchRow(p, rr, undefined, edits, ctx));
    }
  }
  let text: string;
  if (sd.selfClosing) {
    const rowsXml = [...inserts.values()].join("");
    text = splice(xml, [{ start: sd.start, end: sd.end, text: rowsXml ? `${sd.open.slice(0, -2).trimEnd()}>${rowsXml}</${p}sheetData>` : sd.open }]);
  } else {
    for (const [at, t] of inserts) out.push({ start: at, end: at, text: t });
    text = splice(xml, out);
  }
  if (maxR >= 0) text = growDimension(text, p, maxR, maxC);
  return text;
}

/** Widen <dimension ref> when a written cell lies outside it. */
function growDimension(xml: string, p: string, r: number, c: number): string {
  const el = firstElement(xml, `${p}dimension`);
  if (!el) return xml;
  const ref = getAttr(el.open, "ref") ?? "";
  const [a, b] = ref.split(":");
  const s = parseRef(a ?? "");
  const e = parseRef(b ?? a ?? "");
  if (!s || !e) return xml;
  const r1 = Math.min(s.r, e.r, r);
  const c1 = Math.min(s.c, e.c, c);
  const r2 = Math.max(s.r, e.r, r);
  const c2 = Math.max(s.c, e.c, c);
  const next = r1 === r2 && c1 === c2 ? `${colToLetters(c1)}${r1 + 1}` : `${colToLetters(c1)}${r1 + 1}:${colToLetters(c2)}${r2 + 1}`;
  if (r1 === Math.min(s.r, e.r) && c1 === Math.min(s.c, e.c) && r2 === Math.max(s.r, e.r) && c2 === Math.max(s.c, e.c)) return xml;
  return splice(xml, [{ start: el.start, end: el.start + el.open.length, text: setAttr(el.open, "ref", next) }]);
}

/** Mark the workbook so Excel recalculates every formula when it opens it (the formulas written carry no cached value). */
export async function setFullCalcOnLoad(pkg: Package): Promise<void> {
  const xml = (await partText(pkg, pkg.workbookPath))!;
  const p = mainPrefix(xml, "workbook");
  const calc = firstElement(xml, `${p}calcPr`);
  if (calc) {
    if (getAttr(calc.open, "fullCalcOnLoad") === "1") return;
    setPart(pkg, pkg.workbookPath, splice(xml, [{ start: calc.start, end: calc.start + calc.open.length, text: setAttr(calc.open, "fullCalcOnLoad", "1") }]));
    return;
  }
  // calcPr comes after definedNames (and sheets, functionGroups, externalReferences) in CT_Workbook
  const after = ["oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst"];
  let at = -1;
  for (const name of after) {
    const m = new RegExp(`<${p}${name}[\\s/>]`).exec(xml);
    if (m && (at < 0 || m.index < at)) at = m.index;
  }
  if (at < 0) at = xml.lastIndexOf(`</${p}workbook>`);
  setPart(pkg, pkg.workbookPath, xml.slice(0, at) + `<${p}calcPr fullCalcOnLoad="1"/>` + xml.slice(at));
}

/** Drop xl/calcChain.xml with its relationship and content type (Excel rebuilds it); needed once cells with formulas change or move. */
export async function dropCalcChain(pkg: Package): Promise<void> {
  const rels = await relationships(pkg, pkg.workbookPath);
  const chain = rels.find((r) => /\/calcChain$/.test(r.type));
  if (!chain) return;
  const relsXml = (await partText(pkg, pkg.relsPath))!;
  setPart(pkg, pkg.relsPath, relsXml.replace(chain.raw, ""));
  pkg.removed.add(chain.target);
  pkg.text.delete(chain.target);
  const ct = await partText(pkg, "[Content_Types].xml");
  if (ct) {
    const m = new RegExp(`<(?:[\\w.-]+:)?Override\\b[^>]*PartName\\s*=\\s*"/${chain.target.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*>`).exec(ct);
    if (m) setPart(pkg, "[Content_Types].xml", ct.replace(m[0], ""));
  }
}

/**
 * Apply a change set (cell edits, and rows inserted before them) to an .xlsx package.
 * `before` is the workbook as read from the same bytes: a change that asks for another
 * number format or style than the cell had gets a new cell format; without it, every
 * cell keeps its own.
 */
export async function patchXlsxBuffer(input: Buffer | ArrayBuffer, cs: ChangeSet, before?: Workbook): Promise<{ buffer: Buffer; report: PatchReport }> {
  if (cs.newSheets.length || cs.removeSheets.length || cs.deleteRows?.length) {
    throw new HostError("写入原工作簿时暂不支持新增、删除工作表或删除行，未写入。", "other");
  }
  const pkg = await openPackage(input);
  const report = { formulasWritten: false, formulaOverwritten: false, cells: 0 };
  for (const e of cs.edits) {
    if (!pkg.sheets.has(e.sheet)) throw new HostError(`找不到工作表“${e.sheet}”，未写入。`, "not-found");
  }
  const stylesPath = await stylesPart(pkg);
  let styles: StyleBook | undefined;
  const stylesXml = stylesPath ? await partText(pkg, stylesPath) : undefined;
  const getStyles = () => {
    if (!styles) {
      if (!stylesXml) throw new HostError("工作簿没有样式部件（styles.xml），无法改变单元格格式，未写入。", "other");
      styles = new StyleBook(stylesXml);
    }
    return styles;
  };
  let rowsMoved = false;
  let inserted: InsertedRows[] = [];
  if (cs.insertRows?.length) {
    inserted = await insertRowsInPackage(pkg, cs.insertRows);
    rowsMoved = true;
  }
  const bySheet = new Map<string, CellEdit[]>();
  for (const e of cs.edits) {
    if (!bySheet.has(e.sheet)) bySheet.set(e.sheet, []);
    bySheet.get(e.sheet)!.push(e);
  }
  for (const [name, edits] of bySheet) {
    const part = pkg.sheets.get(name)!;
    const xml = await partText(pkg, part);
    if (xml === undefined) throw unreadable(`缺少工作表“${name}”的部件 ${part}`);
    const templates = new Map<number, number>();
    for (const ins of inserted) if (ins.sheet === name) for (let i = 0; i < ins.count; i++) templates.set(ins.start + i, ins.source);
    const ctx: SheetContext = { sheetName: name, styles: getStyles, before: rowsMoved && before ? shiftedBefore(before, name, cs) : before, colStyle: () => undefined, templates, report };
    setPart(pkg, part, patchSheetXml(xml, edits, ctx));
  }
  if (styles?.changed && stylesPath) setPart(pkg, stylesPath, styles.serialize());
  if (report.formulasWritten) await setFullCalcOnLoad(pkg);
  if (report.formulaOverwritten || rowsMoved) await dropCalcChain(pkg);
  const changedParts: string[] = [];
  const replace = new Map<string, string>();
  for (const [name, xml] of pkg.text) {
    if (pkg.original.get(name) === xml) continue;
    replace.set(name, xml);
    changedParts.push(name);
  }
  // unchanged entries are copied as stored (compressed bytes included); JSZip only when the zip is unusual
  const src = Buffer.isBuffer(input) ? input : Buffer.from(input);
  let buffer = rebuildZip(src, replace, pkg.removed);
  if (!buffer) {
    for (const [name, xml] of replace) pkg.zip.file(name, xml);
    for (const name of pkg.removed) pkg.zip.remove(name);
    buffer = await pkg.zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } });
  }
  return { buffer, report: { changedParts, removedParts: [...pkg.removed], cellsWritten: report.cells, formulasWritten: report.formulasWritten } };
}

/** The workbook as read, with the rows of `cs.insertRows` inserted, so cells compare with the cells now at their place. */
function shiftedBefore(before: Workbook, name: string, cs: ChangeSet): Workbook {
  const sheet = getSheet(before, name);
  if (!sheet) return before;
  const rows = [...sheet.rows];
  for (const b of cs.insertRows ?? []) if (b.sheet === name) rows.splice(b.at, 0, ...new Array(b.count).fill(undefined));
  return { sheets: [{ ...sheet, rows }] };
}

async function stylesPart(pkg: Package): Promise<string | undefined> {
  const rels = await relationships(pkg, pkg.workbookPath);
  return rels.find((r) => /\/styles$/.test(r.type))?.target;
}

/**
 * The one entry point for every command that writes a changed copy of a user's workbook:
 * checks the output path (never the input, never over an existing file without force),
 * patches the package and writes it. The input file is only read.
 */
export async function writeChangedCopy(inputPath: string, cs: ChangeSet, outPath: string, opts: { force?: boolean; before?: Workbook } = {}): Promise<PatchReport> {
  await guardOutputPath(outPath, [inputPath], { force: opts.force });
  let input: Buffer;
  try {
    input = await fs.readFile(inputPath);
  } catch (e) {
    throw new HostError(`无法读取文件 ${inputPath}：${(e as NodeJS.ErrnoException).code === "ENOENT" ? "文件不存在" : "没有读取权限或不是普通文件"}。`, "not-found");
  }
  const before = opts.before ?? (await readXlsxBuffer(input));
  const { buffer, report } = await patchXlsxBuffer(input, cs, before);
  await writeOutputFile(outPath, buffer, { force: opts.force });
  return report;
}

// re-exported for the commands that write other outputs through the same guard
import { writeOutputFile } from "../../cli/outputPath";
export { writeOutputFile };
export { removeAttr };
