/**
 * The fast .xlsx reader: opens the package (Node's native inflate, ./readZip; jszip as the
 * fallback) and reads the parts it needs
 * (workbook, relationships, shared strings, styles, worksheets) straight into the
 * workbook model, without building exceljs's workbook first.
 *
 * What it reads: values (numbers, shared strings incl. rich text, inline strings,
 * booleans, errors, dates as serial numbers), formulas with their cached values (shared
 * formulas translated to each cell), number formats (the printed precision), the style
 * bits the model keeps, merged cells, column widths, frozen rows, sheet protection, print
 * setup, sheet names, order and visibility. Cells covered by a merge other than its
 * top-left cell are dropped (Excel keeps them empty), as are empty cells (formatted or not).
 *
 * Every failure is a HostError in Chinese naming the file; no library text leaks out.
 */
import JSZip from "jszip";
import { newSheet, type Cell, type CellStyle, type CellValue, type RangeRef, type Sheet, type Workbook } from "../../core/model";
import { HostError } from "../host";
import { attr, decodeEntities, decodeXString, scanXml } from "./readXml";
import { openZipNative, type PartSource } from "./readZip";

export type SheetState = "visible" | "hidden" | "veryHidden";

export interface XlsxReadInfo {
  /** Visibility of each sheet, in the order of wb.sheets. */
  sheetStates: SheetState[];
  /** Formula cells that carry no cached result (the file was written without calculating it). */
  uncachedFormulas: { sheet: string; r: number; c: number }[];
}

/** Built-in number formats (ECMA-376 18.8.30), as exceljs names them. */
const BUILTIN_NUMFMT: Record<number, string> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

function isDateFmt(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const f = fmt.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhMsb]+/.test(f);
}

interface Xf {
  numFmt?: string;
  style?: CellStyle;
  isDate: boolean;
}

export class XlsxReadError extends HostError {
  constructor(message: string) {
    super(message, "unreadable");
  }
}

function damaged(label: string, what: string): XlsxReadError {
  return new XlsxReadError(`${label} 已损坏或不是完整的 .xlsx 工作簿（${what}）。请在 Excel 中打开并另存为 .xlsx 后再试。`);
}

function isTrue(v: string | undefined): boolean {
  return v === "1" || v === "true";
}

/** Value of the first attribute named `local` under any prefix (r:id, ns0:id …). */
function attrAnyPrefix(attrs: string, local: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)(?:[A-Za-z_][\\w.-]*:)?${local}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(attrs);
  return m ? decodeEntities(m[2] ?? m[3] ?? "") : undefined;
}

function resolvePart(baseDir: string, target: string): string {
  let t = target.replace(/\\/g, "/");
  if (t.startsWith("/")) t = t.slice(1);
  else t = baseDir + t;
  const out: string[] = [];
  for (const seg of t.split("/")) {
    if (seg === "..") out.pop();
    else if (seg !== "." && seg !== "") out.push(seg);
  }
  return out.join("/");
}

function dirOf(part: string): string {
  const i = part.lastIndexOf("/");
  return i < 0 ? "" : part.slice(0, i + 1);
}

interface Rel {
  id: string;
  type: string;
  target: string;
}

function readRels(xml: string, baseDir: string): Rel[] {
  const rels: Rel[] = [];
  scanXml(xml, {
    open(name, a) {
      if (name !== "Relationship") return;
      if (attr(a, "TargetMode") === "External") return;
      const target = attr(a, "Target");
      if (!target) return;
      rels.push({ id: attr(a, "Id") ?? "", type: attr(a, "Type") ?? "", target: resolvePart(baseDir, target) });
    },
  });
  return rels;
}

/** The package's parts through jszip (the fallback when the native reader declines). */
function jszipSource(zip: JSZip): PartSource {
  const find = (path: string): JSZip.JSZipObject | null => {
    const f = zip.file(path);
    if (f) return f;
    // part names are case-insensitive (ECMA-376 Part 2, 9.1.1.4)
    const lower = path.toLowerCase();
    let found: JSZip.JSZipObject | null = null;
    zip.forEach((p, file) => {
      if (!found && !file.dir && p.toLowerCase() === lower) found = file;
    });
    return found;
  };
  return {
    names: () => Object.keys(zip.files).filter((n) => !zip.files[n].dir),
    async text(path) {
      const f = find(path);
      if (!f) return null;
      let s = await f.async("string");
      if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
      return s;
    },
  };
}

function readSharedStrings(xml: string): string[] {
  const out: string[] = [];
  let cur = "";
  let inSi = false;
  let inT = false;
  let phonetic = 0;
  scanXml(xml, {
    open(name, _a, self) {
      if (name === "si") {
        inSi = true;
        cur = "";
        if (self) out.push("");
      } else if (name === "rPh") {
        if (!self) phonetic++;
      } else if (name === "t" && inSi && !phonetic && !self) inT = true;
    },
    close(name) {
      if (name === "si") {
        if (inSi) out.push(decodeXString(cur));
        inSi = false;
      } else if (name === "rPh") phonetic = Math.max(0, phonetic - 1);
      else if (name === "t") inT = false;
    },
    wantText: () => inT,
    text(t) {
      cur += t;
    },
  });
  return out;
}

function readStyles(xml: string): Xf[] {
  const numFmts = new Map<number, string>();
  const fonts: { bold: boolean; size?: number }[] = [];
  const fills: (string | undefined)[] = [];
  const borders: boolean[] = [];
  const xfs: Xf[] = [];
  const section: string[] = [];
  let font: { bold: boolean; size?: number } | null = null;
  let fill: { solid: boolean; rgb?: string } | null = null;
  let border: boolean | null = null;
  let xf: { numFmtId: number; fontId: number; fillId: number; borderId: number; align?: { h?: string; wrap?: boolean; indent?: number } } | null = null;
  const top = () => section[section.length - 1];
  const finishXf = () => {
    if (!xf) return;
    const st: CellStyle = {};
    const f = fonts[xf.fontId];
    if (f?.bold) st.bold = true;
    if (f?.size && f.size !== 11) st.fontSize = f.size;
    const fl = fills[xf.fillId];
    if (fl) st.fill = fl;
    const h = xf.align?.h;
    if (h === "left" || h === "center" || h === "right") st.horizontal = h;
    if (xf.align?.wrap) st.wrap = true;
    if (xf.align?.indent) st.indent = xf.align.indent;
    if (borders[xf.borderId]) st.border = true;
    const numFmt = xf.numFmtId ? numFmts.get(xf.numFmtId) ?? BUILTIN_NUMFMT[xf.numFmtId] : undefined;
    xfs.push({ numFmt: numFmt && numFmt !== "General" ? numFmt : undefined, style: Object.keys(st).length ? Object.freeze(st) : undefined, isDate: isDateFmt(numFmt) });
    xf = null;
  };
  scanXml(xml, {
    open(name, a, self) {
      const sec = top();
      if (name === "numFmts" || name === "fonts" || name === "fills" || name === "borders" || name === "cellXfs" || name === "cellStyleXfs" || name === "dxfs") {
        if (!self) section.push(name);
        return;
      }
      if (sec === "numFmts" && name === "numFmt") {
        const id = Number(attr(a, "numFmtId"));
        const code = attr(a, "formatCode");
        // backslash escapes dropped, as exceljs did (the recognisers were built on its output)
        if (Number.isFinite(id) && code !== undefined) numFmts.set(id, code.replace(/\\(.)/g, "$1"));
      } else if (sec === "fonts") {
        if (name === "font") {
          font = { bold: false };
          if (self) {
            fonts.push(font);
            font = null;
          }
        } else if (font && name === "b") {
          const v = attr(a, "val");
          font.bold = v === undefined || isTrue(v);
        } else if (font && name === "sz") {
          const v = Number(attr(a, "val"));
          if (Number.isFinite(v)) font.size = v;
        }
      } else if (sec === "fills") {
        if (name === "fill") {
          fill = { solid: false };
          if (self) {
            fills.push(undefined);
            fill = null;
          }
        } else if (fill && name === "patternFill") fill.solid = attr(a, "patternType") === "solid";
        else if (fill && name === "fgColor") {
          const rgb = attr(a, "rgb");
          if (rgb) fill.rgb = rgb;
        }
      } else if (sec === "borders") {
        if (name === "border") {
          border = false;
          if (self) {
            borders.push(false);
            border = null;
          }
        } else if (border !== null) {
          if ((name === "top" || name === "left") && attr(a, "style")) border = true;
        }
      } else if (sec === "cellXfs") {
        if (name === "xf") {
          xf = {
            numFmtId: Number(attr(a, "numFmtId") ?? 0) || 0,
            fontId: Number(attr(a, "fontId") ?? 0) || 0,
            fillId: Number(attr(a, "fillId") ?? 0) || 0,
            borderId: Number(attr(a, "borderId") ?? 0) || 0,
          };
          if (self) finishXf();
        } else if (xf && name === "alignment") {
          const indent = Number(attr(a, "indent") ?? 0);
          xf.align = { h: attr(a, "horizontal"), wrap: isTrue(attr(a, "wrapText")), indent: Number.isFinite(indent) ? indent : 0 };
        }
      }
    },
    close(name) {
      if (name === top()) {
        section.pop();
        return;
      }
      if (name === "font" && font) {
        fonts.push(font);
        font = null;
      } else if (name === "fill" && fill) {
        fills.push(fill.solid && fill.rgb ? "#" + fill.rgb.slice(-6) : undefined);
        fill = null;
      } else if (name === "border" && border !== null) {
        borders.push(border);
        border = null;
      } else if (name === "xf" && xf) finishXf();
    },
  });
  return xfs;
}

// ---- cell references -------------------------------------------------------------------

function colIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n - 1;
}

function colLetters(c: number): string {
  let s = "";
  let n = c + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "C12" → [11, 2]; null when it is not a cell reference. */
function parseRef(ref: string): [number, number] | null {
  let i = 0;
  while (i < ref.length) {
    const ch = ref.charCodeAt(i);
    if (ch >= 65 && ch <= 90) i++;
    else if (ch >= 97 && ch <= 122) i++;
    else break;
  }
  if (i === 0 || i > 3 || i === ref.length) return null;
  const row = Number(ref.slice(i));
  if (!Number.isInteger(row) || row < 1 || row > 1048576) return null;
  const c = colIndex(ref.slice(0, i).toUpperCase());
  if (c > 16383) return null;
  return [row - 1, c];
}

const FORMULA_REF = /('(?:[^']|'')+'!|[A-Za-z_\u0080-\uffff][\w.\u0080-\uffff]*!)?(\$?)([A-Za-z]{1,3})(\$?)([1-9]\d{0,6})(?![\w(!])/g;

/** Move the relative references of a shared formula from its master cell by (dr, dc). */
export function slideFormula(formula: string, dr: number, dc: number): string {
  if (!dr && !dc) return formula;
  const parts = formula.split(/("(?:[^"]|"")*")/);
  return parts
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(FORMULA_REF, (m, sheet: string | undefined, cd: string, col: string, rd: string, row: string, offset: number, whole: string) => {
            const prev = offset > 0 ? whole[offset - 1] : "";
            if (prev && /[\w.]/.test(prev)) return m; // inside a name such as LOG10 or A1B2
            const c0 = colIndex(col.toUpperCase());
            if (c0 > 16383) return m;
            const c = cd ? c0 : c0 + dc;
            const r = rd ? Number(row) : Number(row) + dr;
            if (c < 0 || r < 1) return "#REF!";
            return `${sheet ?? ""}${cd}${colLetters(c)}${rd}${r}`;
          }),
    )
    .join("");
}

function isoToSerial(s: string): number | null {
  const t = Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(s) ? s : s + (s.includes("T") ? "Z" : "T00:00:00Z"));
  return Number.isFinite(t) ? t / 86400000 + 25569 : null;
}

// ---- worksheet ---------------------------------------------------------------------------

interface SheetRead {
  sheet: Sheet;
  uncached: { r: number; c: number }[];
}

function readMerges(xml: string): RangeRef[] {
  const out: RangeRef[] = [];
  if (xml.indexOf("mergeCell") < 0) return out;
  const re = /<(?:[A-Za-z_][\w.-]*:)?mergeCell\b([^>]*)>/g;
  // merges follow the cell data (schema order); start the search there when it can be found
  const end = xml.lastIndexOf("sheetData>");
  if (end > 0) re.lastIndex = end;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) {
    const ref = attr(m[1], "ref");
    if (!ref) continue;
    const [a, b] = ref.split(":");
    const p = parseRef(a.replace(/\$/g, ""));
    const q = parseRef((b ?? a).replace(/\$/g, ""));
    if (!p || !q) continue;
    out.push({ r1: Math.min(p[0], q[0]), c1: Math.min(p[1], q[1]), r2: Math.max(p[0], q[0]), c2: Math.max(p[1], q[1]) });
  }
  return out;
}

/** Is (r, c) inside a merge without being its top-left cell? Built for many cells, few merges. */
function slaveTester(merges: RangeRef[]): (r: number, c: number) => boolean {
  if (!merges.length) return () => false;
  const byRow = new Map<number, RangeRef[]>();
  const tall: RangeRef[] = [];
  for (const m of merges) {
    if (m.r2 - m.r1 > 2000) {
      tall.push(m);
      continue;
    }
    for (let r = m.r1; r <= m.r2; r++) {
      const list = byRow.get(r);
      if (list) list.push(m);
      else byRow.set(r, [m]);
    }
  }
  const inside = (m: RangeRef, r: number, c: number) => r >= m.r1 && r <= m.r2 && c >= m.c1 && c <= m.c2 && (r !== m.r1 || c !== m.c1);
  return (r, c) => {
    const list = byRow.get(r);
    if (list) for (const m of list) if (inside(m, r, c)) return true;
    for (const m of tall) if (inside(m, r, c)) return true;
    return false;
  };
}

function readWorksheet(xml: string, name: string, sst: string[], xfs: Xf[], date1904: boolean): SheetRead {
  const sheet = newSheet(name);
  const uncached: { r: number; c: number }[] = [];
  const merges = readMerges(xml);
  sheet.merges = merges;
  const isSlave = slaveTester(merges);
  const rows = sheet.rows;
  const sharedMasters = new Map<string, { r: number; c: number; formula: string }>();

  let rowIdx = -1;
  let colIdx = -1;
  // current cell
  let inCell = false;
  let cR = 0;
  let cC = 0;
  let cType = "";
  let cStyle = 0;
  let vText: string | null = null;
  let fText: string | null = null;
  let fShared: { si: string; master: boolean } | null = null;
  let isText: string | null = null;
  let textTarget = 0; // 1 <v>, 2 <f>, 3 <is><t>
  let inIs = false;
  let isPhonetic = 0;
  let sheetViewSeen = 0;
  let widths: (number | undefined)[] | undefined;
  let fitToPage = false;
  let orientation: string | undefined;
  let fitToWidth = 1;

  const finishCell = () => {
    inCell = false;
    const xf = cStyle ? xfs[cStyle] : undefined;
    let formula: string | undefined;
    if (fText !== null && fText !== "") formula = "=" + fText;
    if (fShared) {
      if (fShared.master && fText) sharedMasters.set(fShared.si, { r: cR, c: cC, formula: fText });
      else if (!fShared.master || !fText) {
        const m = sharedMasters.get(fShared.si);
        if (m) formula = "=" + slideFormula(m.formula, cR - m.r, cC - m.c);
      }
    }
    let value: CellValue = null;
    switch (cType) {
      case "s": {
        if (vText !== null) {
          const s = sst[Number(vText)];
          value = s === undefined ? null : s;
        }
        break;
      }
      case "str":
        value = vText === null ? (formula ? null : "") : decodeXString(vText);
        break;
      case "inlineStr":
        value = isText !== null ? decodeXString(isText) : vText !== null ? decodeXString(vText) : null;
        break;
      case "b":
        value = vText === null ? null : vText.trim() === "1" || vText.trim() === "true";
        break;
      case "e":
        value = vText === null ? null : { error: vText.trim() };
        break;
      case "d":
        value = vText === null ? null : isoToSerial(vText.trim());
        break;
      default: {
        if (vText !== null && vText.trim() !== "") {
          const n = Number(vText);
          if (Number.isFinite(n)) {
            value = n;
            if (xf?.isDate) {
              // as exceljs does: to a Date (whole milliseconds) and back, 1904 dates moved to 1900
              const ms = Math.round((n - 25569 + (date1904 ? 1462 : 0)) * 86400000);
              value = ms / 86400000 + 25569;
            }
          } else value = vText;
        }
      }
    }
    if (formula && vText === null && cType !== "inlineStr") uncached.push({ r: cR, c: cC });
    const numFmt = xf?.numFmt;
    const style = xf?.style;
    if (value === null && !formula) return; // empty cells, formatted or not, are not kept

    if (isSlave(cR, cC)) return;
    const cell: Cell = { value };
    if (formula) cell.formula = formula;
    if (numFmt) cell.numFmt = numFmt;
    if (style) cell.style = style; // shared by the cells of one format, frozen: nothing edits a style in place
    let row = rows[cR];
    if (!row) row = rows[cR] = [];
    row[cC] = cell;
  };

  scanXml(xml, {
    open(tag, a, self) {
      switch (tag) {
        case "row": {
          const r = attr(a, "r");
          const n = r === undefined ? NaN : Number(r);
          rowIdx = Number.isInteger(n) && n >= 1 && n <= 1048576 ? n - 1 : rowIdx + 1;
          colIdx = -1;
          return;
        }
        case "c": {
          const ref = attr(a, "r");
          const p = ref ? parseRef(ref) : null;
          if (p) {
            cR = p[0];
            cC = p[1];
            if (rowIdx < 0) rowIdx = cR;
          } else {
            cR = Math.max(rowIdx, 0);
            cC = colIdx + 1;
          }
          colIdx = cC;
          cType = attr(a, "t") ?? "n";
          const s = attr(a, "s");
          cStyle = s ? Number(s) || 0 : 0;
          vText = null;
          fText = null;
          fShared = null;
          isText = null;
          inIs = false;
          inCell = true;
          if (self) finishCell();
          return;
        }
        case "v":
          if (inCell && !self) {
            textTarget = 1;
            vText = "";
          }
          return;
        case "f":
          if (!inCell) return;
          if (attr(a, "t") === "shared") {
            const si = attr(a, "si") ?? "";
            fShared = { si, master: attr(a, "ref") !== undefined };
          }
          if (!self) {
            textTarget = 2;
            fText = "";
          }
          return;
        case "is":
          if (inCell) {
            inIs = !self;
            isText = "";
          }
          return;
        case "rPh":
          if (inIs && !self) isPhonetic++;
          return;
        case "t":
          if (inIs && !isPhonetic && !self) textTarget = 3;
          return;
        case "sheetView":
          sheetViewSeen++;
          return;
        case "pane":
          if (sheetViewSeen === 1 && attr(a, "state") === "frozen") {
            const y = Number(attr(a, "ySplit") ?? 0);
            if (Number.isInteger(y) && y > 0) sheet.frozenRows = y;
          }
          return;
        case "col": {
          const min = Number(attr(a, "min"));
          const max = Math.min(Number(attr(a, "max")), 16384);
          const w = Number(attr(a, "width"));
          if (Number.isInteger(min) && Number.isInteger(max) && min >= 1 && max >= min && w) {
            widths ??= [];
            for (let c = min; c <= max; c++) widths[c - 1] = w;
          }
          return;
        }
        case "pageSetUpPr":
          fitToPage = isTrue(attr(a, "fitToPage"));
          return;
        case "pageSetup": {
          orientation = attr(a, "orientation");
          const fw = attr(a, "fitToWidth");
          fitToWidth = fw === undefined ? 1 : parseInt(fw, 10);
          return;
        }
        case "sheetProtection":
          if (isTrue(attr(a, "sheet"))) sheet.protected = true;
          return;
      }
    },
    close(tag) {
      switch (tag) {
        case "c":
          if (inCell) finishCell();
          return;
        case "v":
        case "f":
        case "t":
          textTarget = 0;
          return;
        case "rPh":
          if (isPhonetic) isPhonetic--;
          return;
        case "is":
          inIs = false;
          return;
      }
    },
    wantText: () => textTarget !== 0,
    text(t) {
      if (textTarget === 1) vText += t;
      else if (textTarget === 2) fText += t;
      else if (textTarget === 3) isText += t;
    },
  });
  if (widths) sheet.colWidths = widths;
  const print: NonNullable<Sheet["print"]> = {};
  if (orientation === "landscape") print.landscape = true;
  if (fitToPage && fitToWidth === 1) print.fitToWidth = true;
  if (Object.keys(print).length) sheet.print = print;
  return { sheet, uncached };
}

// ---- workbook ----------------------------------------------------------------------------

/** Read an .xlsx package (already known to be a zip) into the model. `label` names the file in messages. */
export async function readXlsxPackage(buf: Buffer | Uint8Array | ArrayBuffer, label = "该文件"): Promise<{ wb: Workbook; info: XlsxReadInfo }> {
  const bytes = buf instanceof Uint8Array ? buf : new Uint8Array(buf);
  // Node's native inflate first; jszip when the native reader declines or a part fails
  let native: PartSource | null = null;
  try {
    native = openZipNative(bytes);
  } catch {
    native = null;
  }
  if (native) {
    try {
      return await readParts(native, label);
    } catch (e) {
      if (e instanceof HostError) throw e;
    }
  }
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw damaged(label, "压缩包结构无法解开");
  }
  try {
    return await readParts(jszipSource(zip), label);
  } catch (e) {
    if (e instanceof HostError) throw e;
    throw damaged(label, "其中的部件无法读取");
  }
}

async function readParts(src: PartSource, label: string): Promise<{ wb: Workbook; info: XlsxReadInfo }> {
  const rootRels = await src.text("_rels/.rels");
  let wbPart = "xl/workbook.xml";
  if (rootRels) {
    const office = readRels(rootRels, "").find((r) => /\/officeDocument$/.test(r.type));
    if (office) wbPart = office.target;
  }
  const wbXml = await src.text(wbPart);
  if (wbXml === null) {
    const names = new Set(src.names().map((n) => n.toLowerCase()));
    if (names.has("content.xml") && names.has("mimetype")) throw new XlsxReadError(`${label} 是 OpenDocument（.ods）表格，不是 .xlsx。请在 WPS 或 Excel 中“另存为” .xlsx 后再检查。`);
    if (names.has("word/document.xml")) throw new XlsxReadError(`${label} 是 Word 文档，不是 Excel 工作簿。`);
    throw damaged(label, "缺少工作簿部件 workbook.xml");
  }
  const wbDir = dirOf(wbPart);
  const relsXml = await src.text(`${wbDir}_rels/${wbPart.slice(wbDir.length)}.rels`);
  const rels = relsXml ? readRels(relsXml, wbDir) : [];
  const relById = new Map(rels.map((r) => [r.id, r]));

  const sheets: { name: string; state: SheetState; rid?: string; sheetIndex: number }[] = [];
  let date1904 = false;
  const printTitles = new Map<number, string>();
  let inDefinedName: { local?: number; name: string } | null = null;
  let definedText = "";
  scanXml(wbXml, {
    open(name, a, self) {
      if (name === "sheet") {
        const state = attr(a, "state");
        sheets.push({
          name: attr(a, "name") ?? `Sheet${sheets.length + 1}`,
          state: state === "hidden" ? "hidden" : state === "veryHidden" ? "veryHidden" : "visible",
          rid: attrAnyPrefix(a, "id"),
          sheetIndex: sheets.length,
        });
      } else if (name === "workbookPr") date1904 = isTrue(attr(a, "date1904"));
      else if (name === "definedName" && !self) {
        const local = attr(a, "localSheetId");
        inDefinedName = { name: attr(a, "name") ?? "", local: local === undefined ? undefined : Number(local) };
        definedText = "";
      }
    },
    close(name) {
      if (name === "definedName" && inDefinedName) {
        if (inDefinedName.name === "_xlnm.Print_Titles" && inDefinedName.local !== undefined) printTitles.set(inDefinedName.local, definedText);
        inDefinedName = null;
      }
    },
    wantText: () => inDefinedName !== null,
    text(t) {
      definedText += t;
    },
  });

  const sstRel = rels.find((r) => /\/sharedStrings$/.test(r.type));
  const sstXml = await src.text(sstRel ? sstRel.target : `${wbDir}sharedStrings.xml`);
  const sst = sstXml ? readSharedStrings(sstXml) : [];
  const stRel = rels.find((r) => /\/styles$/.test(r.type));
  const stXml = await src.text(stRel ? stRel.target : `${wbDir}styles.xml`);
  const xfs = stXml ? readStyles(stXml) : [];

  const wb: Workbook = { sheets: [] };
  const info: XlsxReadInfo = { sheetStates: [], uncachedFormulas: [] };
  for (const s of sheets) {
    const rel = s.rid ? relById.get(s.rid) : undefined;
    if (!rel) continue;
    if (!/\/worksheet$/.test(rel.type)) continue; // chart sheets, dialog sheets: no cells
    const xml = await src.text(rel.target);
    if (xml === null) throw damaged(label, `缺少工作表“${s.name}”的部件`);
    const { sheet, uncached } = readWorksheet(xml, s.name, sst, xfs, date1904);
    const titles = printTitles.get(s.sheetIndex);
    if (titles) {
      // 'Sheet'!$3:$4 (possibly with a column part after a comma)
      for (const part of titles.split(",")) {
        const m = /!\$?(\d+):\$?(\d+)$/.exec(part.trim());
        if (m) {
          sheet.print = { ...(sheet.print ?? {}), repeatRows: { first: Number(m[1]) - 1, last: Number(m[2]) - 1 } };
          break;
        }
      }
    }
    wb.sheets.push(sheet);
    info.sheetStates.push(s.state);
    for (const u of uncached) info.uncachedFormulas.push({ sheet: s.name, ...u });
  }
  if (!wb.sheets.length && sheets.length === 0 && !/<(?:\w+:)?sheets\b/.test(wbXml)) throw damaged(label, "工作簿部件中没有工作表列表");
  return { wb, info };
}
