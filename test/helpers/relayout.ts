/**
 * Re-lay out a workbook the way real offices do, keeping every figure, code and sentence.
 *
 * A `Doc` is a deep copy of a workbook plus the role of each of its cells (title, unit
 * line, header, code, name, amount, paragraph …), taken once from the recognition of the
 * base layout. Roles are attached to the cell objects themselves, so they survive every
 * move: a transformation inserts or deletes rows and columns, splits cells, moves whole
 * tables, and the next transformation still knows which cell is what without reading the
 * new layout (which is what the recognizer under test has to do).
 *
 * Each transformation is a small function Doc → Doc (it never touches its input);
 * `compose` chains them.
 */
import { cloneSheet, newSheet, validSheetName, type Cell, type RangeRef, type Sheet, type Workbook } from "../../src/core/model";
import type { WorkbookFacts } from "../../src/core/recognize/types";

export type Role = "title" | "unit" | "header" | "code" | "name" | "label" | "amount" | "note" | "other" | "para";

export interface CellTag {
  role: Role;
  /** Index of the table in `Doc.tables`, for table cells. */
  t?: number;
}

export interface DocTable {
  spec: string;
  layout: string;
  title: string;
  /** Classification codes (2xx / 3xx): the code column can be split into 类/款/项. */
  classification: boolean;
  /** The title was moved into the sheet name: renaming the sheet would lose it. */
  titleInSheetName?: boolean;
  /** The unit name this table's own title or unit line gives. */
  unitName?: string;
  amountUnit: "万元" | "元";
}

export interface Doc {
  wb: Workbook;
  tags: Map<Cell, CellTag>;
  tables: DocTable[];
  unitName?: string;
  year?: number;
  /** Amounts of the tables were multiplied by this (1 on the base layout). */
  amountFactor: number;
}

export type Transform = (doc: Doc) => Doc;

// ---------------------------------------------------------------- building a Doc

/** The base Doc: a deep copy of `wb` with the roles recognition found on it. */
export function toDoc(wb: Workbook, facts: WorkbookFacts): Doc {
  const copy: Workbook = { sheets: wb.sheets.map((s) => cloneSheet(s)) };
  const tags = new Map<Cell, CellTag>();
  const tables: DocTable[] = [];
  const sheetOf = (name: string) => copy.sheets.find((s) => s.name === name)!;
  const tag = (s: Sheet, r: number, c: number, t: CellTag, force = false) => {
    const cell = s.rows[r]?.[c];
    if (cell && (force || !tags.has(cell))) tags.set(cell, t);
  };
  facts.tables.forEach((t, i) => {
    const s = sheetOf(t.sheet);
    const classification = t.rows.some((x) => x.level && (x.domain === "function" || x.domain === "econ-dept") && (x.codeSource === "cell" || x.codeSource === "split"));
    tables.push({ spec: t.spec.id, layout: t.spec.layout, title: t.title, classification, unitName: t.unitName, amountUnit: t.amountUnit });
    if (t.title) tag(s, t.titleCell.r, t.titleCell.c, { role: "title", t: i }, true);
    for (const x of t.rows) {
      if (x.codeCell && (x.codeSource === "cell" || x.codeSource === "split")) {
        const lei = t.columns.find((c) => c.key === "code.lei" || c.key === "code");
        if (x.codeSource === "split") for (const k of ["code.lei", "code.kuan", "code.xiang"]) { const col = t.columns.find((c) => c.key === k); if (col) tag(s, x.r, col.c, { role: "code", t: i }, true); }
        else if (lei && lei.c === x.codeCell.c) tag(s, x.r, x.codeCell.c, { role: "code", t: i }, true);
      }
      if (x.labelCell) tag(s, x.labelCell.r, x.labelCell.c, { role: t.spec.sides ? "label" : "name", t: i }, true);
      for (const a of Object.values(x.amounts)) tag(s, a.r, a.c, { role: "amount", t: i }, true);
    }
    if (t.note) tag(s, t.note.r, t.note.c, { role: "note", t: i }, true);
    const r1 = t.range?.r1 ?? t.titleCell.r;
    const r2 = t.range?.r2 ?? t.titleCell.r;
    for (let r = r1; r <= r2; r++) {
      const row = s.rows[r];
      if (!row) continue;
      const role: Role = r < t.headerRows.r1 && r !== t.titleCell.r ? "unit" : r >= t.headerRows.r1 && r <= t.headerRows.r2 ? "header" : r === t.titleCell.r ? "unit" : "other";
      for (let c = 0; c < row.length; c++) tag(s, r, c, { role, t: i });
    }
  });
  for (const p of facts.paragraphs) tag(sheetOf(p.sheet), p.r, p.c, { role: "para" });
  return { wb: copy, tags, tables, unitName: facts.unitName, year: facts.year, amountFactor: 1 };
}

/** A copy of a Doc (cells copied, tags carried over to the copies). */
export function copyDoc(doc: Doc): Doc {
  const tags = new Map<Cell, CellTag>();
  const wb: Workbook = {
    sheets: doc.wb.sheets.map((s) => ({
      ...s,
      rows: s.rows.map((row) =>
        row
          ? row.map((c) => {
              if (!c) return c;
              const n: Cell = { ...c, style: c.style ? { ...c.style } : undefined };
              const t = doc.tags.get(c);
              if (t) tags.set(n, { ...t });
              return n;
            })
          : row,
      ),
      merges: s.merges.map((m) => ({ ...m })),
      colWidths: s.colWidths ? [...s.colWidths] : undefined,
    })),
  };
  return { ...doc, wb, tags, tables: doc.tables.map((t) => ({ ...t })) };
}

export function compose(...ts: Transform[]): Transform {
  return (doc) => ts.reduce((d, t) => t(d), doc);
}

// ---------------------------------------------------------------- sheet editing

function insertRows(s: Sheet, at: number, n: number): void {
  if (at < s.rows.length) s.rows.splice(at, 0, ...new Array(n).fill(undefined));
  for (const m of s.merges) {
    if (m.r1 >= at) {
      m.r1 += n;
      m.r2 += n;
    } else if (m.r2 >= at) m.r2 += n;
  }
}

function deleteRow(s: Sheet, r: number): void {
  if (r < s.rows.length) s.rows.splice(r, 1);
  s.merges = s.merges
    .filter((m) => !(m.r1 === r && m.r2 === r))
    .map((m) => (m.r1 > r ? { ...m, r1: m.r1 - 1, r2: m.r2 - 1 } : m.r2 >= r ? { ...m, r2: m.r2 - 1 } : m));
}

function insertCols(s: Sheet, at: number, n: number): void {
  for (let r = 0; r < s.rows.length; r++) {
    const row = s.rows[r];
    if (row && at < row.length) row.splice(at, 0, ...new Array(n).fill(undefined));
  }
  for (const m of s.merges) {
    if (m.c1 >= at) {
      m.c1 += n;
      m.c2 += n;
    } else if (m.c2 >= at) m.c2 += n;
  }
  if (s.colWidths && at < s.colWidths.length) s.colWidths.splice(at, 0, ...new Array(n).fill(undefined));
}

function put(s: Sheet, r: number, c: number, cell: Cell | undefined): void {
  if (!s.rows[r]) s.rows[r] = [];
  s.rows[r][c] = cell;
}

function get(s: Sheet, r: number, c: number): Cell | undefined {
  return s.rows[r]?.[c];
}

function removeMergesAt(s: Sheet, test: (m: RangeRef) => boolean): void {
  s.merges = s.merges.filter((m) => !test(m));
}

interface Where {
  r: number;
  c: number;
  cell: Cell;
  tag: CellTag;
}

function tagged(doc: Doc, s: Sheet, pred: (t: CellTag) => boolean): Where[] {
  const out: Where[] = [];
  s.rows.forEach((row, r) =>
    row?.forEach((cell, c) => {
      if (!cell) return;
      const t = doc.tags.get(cell);
      if (t && pred(t)) out.push({ r, c, cell, tag: t });
    }),
  );
  return out;
}

/** Tables on a sheet with their rows: title row, unit rows, header rows, body rows, columns. */
interface TableBox {
  t: number;
  r1: number;
  r2: number;
  c1: number;
  c2: number;
  title?: Where;
  unitRows: number[];
  h1: number;
  h2: number;
  codeCols: number[];
  nameCol?: number;
  amountCols: number[];
}

function boxes(doc: Doc, s: Sheet): TableBox[] {
  const by = new Map<number, Where[]>();
  for (const w of tagged(doc, s, (t) => t.t !== undefined)) {
    const l = by.get(w.tag.t!) ?? [];
    l.push(w);
    by.set(w.tag.t!, l);
  }
  const out: TableBox[] = [];
  for (const [t, ws] of by) {
    const rowsOf = (role: Role) => [...new Set(ws.filter((w) => w.tag.role === role).map((w) => w.r))].sort((a, b) => a - b);
    const colsOf = (role: Role) => [...new Set(ws.filter((w) => w.tag.role === role).map((w) => w.c))].sort((a, b) => a - b);
    // The header block: the first run of header rows (a header repeated at a page break further down is not part of it).
    const all = rowsOf("header");
    const hr = all.filter((r, k) => k === 0 || all.slice(0, k + 1).every((x, j) => j === 0 || x === all[j - 1] + 1));
    const body = ws.filter((w) => ["code", "name", "label", "amount", "other"].includes(w.tag.role));
    out.push({
      t,
      r1: Math.min(...ws.map((w) => w.r)),
      r2: Math.max(...ws.map((w) => w.r)),
      c1: Math.min(...ws.map((w) => w.c)),
      c2: Math.max(...ws.map((w) => w.c)),
      title: ws.find((w) => w.tag.role === "title"),
      unitRows: rowsOf("unit"),
      h1: hr.length ? hr[0] : -1,
      h2: hr.length ? hr[hr.length - 1] : -1,
      codeCols: colsOf("code"),
      nameCol: mode(ws.filter((w) => w.tag.role === "name").map((w) => w.c)),
      amountCols: colsOf("amount"),
    });
    void body;
  }
  return out.sort((a, b) => a.r1 - b.r1);
}

function mode(xs: number[]): number | undefined {
  const m = new Map<number, number>();
  for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1);
  let best: number | undefined;
  let n = 0;
  for (const [k, v] of m) if (v > n) [best, n] = [k, v];
  return best;
}

function newCell(doc: Doc, value: Cell["value"], tag?: CellTag, extra: Partial<Cell> = {}): Cell {
  const cell: Cell = { value, ...extra };
  if (tag) doc.tags.set(cell, tag);
  return cell;
}

const codeText = (cell: Cell | undefined): string => {
  const v = cell?.value;
  return typeof v === "number" ? String(v) : typeof v === "string" ? v.replace(/\s+/g, "") : "";
};

function tableSheets(doc: Doc): Sheet[] {
  return doc.wb.sheets.filter((s) => tagged(doc, s, (t) => t.t !== undefined).length > 0);
}

function textSheets(doc: Doc): Sheet[] {
  return doc.wb.sheets.filter((s) => tagged(doc, s, (t) => t.t !== undefined).length === 0 && tagged(doc, s, (t) => t.role === "para").length > 0);
}

/** Apply `f` to every table box of every sheet, bottom table first (so row inserts do not move the boxes still to do). */
function eachTable(doc: Doc, f: (d: Doc, s: Sheet, b: TableBox) => void, filter: (t: DocTable) => boolean = () => true): Doc {
  const d = copyDoc(doc);
  for (const s of d.wb.sheets) {
    const bs = boxes(d, s).filter((b) => filter(d.tables[b.t]));
    for (const b of bs.reverse()) f(d, s, b);
  }
  return d;
}

// ---------------------------------------------------------------- codes

export type SplitMode = "repeat" | "own-row" | "merged";

/**
 * Codes split over 类 | 款 | 项 columns under a 科目编码 group header.
 * repeat: every row shows all its parts (208 | 05 | 05); own-row: a row shows only its
 * own part (类 row 208, 款 row 05, 项 row 05); merged: the 类 cell merged down its block.
 * dropZero: 款 and 项 without their leading zero (5, not 05).
 */
export function splitCodes(mode: SplitMode = "repeat", dropZero = false): Transform {
  return (doc) =>
    eachTable(
      doc,
      (d, s, b) => {
        if (b.codeCols.length !== 1 || b.h1 < 0) return;
        const cc = b.codeCols[0];
        // Header: ensure at least two header rows, then 科目编码 over 类/款/项.
        if (b.h1 === b.h2) {
          insertRows(s, b.h2 + 1, 1);
          for (let c = b.c1; c <= b.c2; c++) if (get(s, b.h1, c) && c !== cc) s.merges.push({ r1: b.h1, c1: c, r2: b.h1 + 1, c2: c });
          b.h2 = b.h1 + 1;
          b.r2 += 1;
        }
        insertCols(s, cc + 1, 2);
        removeMergesAt(s, (m) => m.c1 <= cc && m.c2 >= cc && m.r1 >= b.h1 && m.r2 <= b.h2);
        const t = b.t;
        put(s, b.h1, cc, newCell(d, "科目编码", { role: "header", t }));
        for (let r = b.h1 + 1; r <= b.h2; r++) for (let k = 0; k < 3; k++) put(s, r, cc + k, undefined);
        if (b.h2 - 1 > b.h1 || true) s.merges.push({ r1: b.h1, c1: cc, r2: b.h2 - 1, c2: cc + 2 });
        ["类", "款", "项"].forEach((w, k) => put(s, b.h2, cc + k, newCell(d, w, { role: "header", t })));
        // Body.
        let blockStart = -1;
        let blockLei = "";
        const closeBlock = (end: number) => {
          if (mode === "merged" && blockStart >= 0 && end > blockStart) s.merges.push({ r1: blockStart, c1: cc, r2: end, c2: cc });
        };
        let lastBody = b.h2;
        for (let r = b.h2 + 1; r <= b.r2 + 2; r++) {
          const cell = get(s, r, cc);
          const tag = cell && d.tags.get(cell);
          if (s.rows[r]?.some((x) => x && d.tags.get(x)?.t === t)) lastBody = r;
          if (!cell || tag?.role !== "code") continue;
          const code = codeText(cell);
          if (!/^\d{3}(\d{2}){0,2}$/.test(code)) continue;
          const parts = [code.slice(0, 3), code.slice(3, 5), code.slice(5, 7)].filter(Boolean);
          const z = (p: string) => (dropZero ? String(Number(p)) : p);
          const own = parts.length - 1;
          if (own === 0) {
            closeBlock(r - 1);
            blockStart = r;
            blockLei = parts[0];
          }
          const show = (k: number): string | undefined => {
            if (k >= parts.length) return undefined;
            if (mode === "own-row") return k === own ? (k === 0 ? parts[0] : z(parts[k])) : undefined;
            if (mode === "merged" && k === 0) return own === 0 || blockLei !== parts[0] ? parts[0] : undefined;
            return k === 0 ? parts[0] : z(parts[k]);
          };
          for (let k = 0; k < 3; k++) {
            const v = show(k);
            put(s, r, cc + k, v === undefined ? undefined : newCell(d, v, { role: "code", t }, k === 0 ? { numFmt: cell.numFmt, style: cell.style } : { numFmt: cell.numFmt }));
          }
        }
        closeBlock(lastBody);
      },
      (t) => t.classification,
    );
}

/**
 * Every classification code cell as a number (2080505, not "2080505"; a split 款 "05"
 * becomes 5). Unit codes with a leading zero ("030") stay text: as a number Excel would
 * drop the zero, and the code with it.
 */
export const codesAsNumbers: Transform = (doc) => {
  const d = copyDoc(doc);
  for (const [cell, t] of d.tags) {
    if (t.role !== "code") continue;
    const s = codeText(cell);
    if (/^\d+$/.test(s) && s.length <= 15 && (s.length <= 2 || !s.startsWith("0"))) {
      cell.value = Number(s);
      delete cell.numFmt;
    }
  }
  return d;
};

/** Joined codes printed with spaces between 类, 款 and 项: "208 05 05". */
export const codesWithSpaces: Transform = (doc) => {
  const d = copyDoc(doc);
  for (const [cell, t] of d.tags) {
    if (t.role !== "code" || t.t === undefined || !d.tables[t.t].classification) continue;
    const s = codeText(cell);
    if (/^\d{5}(\d{2})?$/.test(s)) cell.value = [s.slice(0, 3), s.slice(3, 5), s.slice(5, 7)].filter(Boolean).join(" ");
  }
  return d;
};

/**
 * Codes typed as per-character rich text (one run per digit, as some budget systems
 * export them). The model has no rich text: the xlsx reader joins the runs into one
 * string, and Office gives the joined text too — so what recognition sees is the code as
 * text, stored as text ("@"), with the full-width digits some of these exports use.
 */
export const codesAsRichText: Transform = (doc) => {
  const d = copyDoc(doc);
  for (const [cell, t] of d.tags) {
    if (t.role !== "code") continue;
    const s = codeText(cell);
    if (!/^\d+$/.test(s)) continue;
    cell.value = [...s].map((ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0)).join("");
    cell.numFmt = "@";
  }
  return d;
};

// ---------------------------------------------------------------- positions

/** Every sheet's content moved down `rows` and right `cols` (a table starting at B3). */
export function moveTo(rows = 2, cols = 1): Transform {
  return (doc) => {
    const d = copyDoc(doc);
    for (const s of d.wb.sheets) {
      insertRows(s, 0, rows);
      while (s.rows.length < rows) s.rows.push(undefined as never);
      insertCols(s, 0, cols);
    }
    return d;
  };
}

/** An empty column after the name (or label) column and another inside the amount columns. */
export const spacerColumns: Transform = (doc) =>
  eachTable(doc, (d, s, b) => {
    const cols = [...b.amountCols];
    if (cols.length >= 3) insertCols(s, cols[Math.floor(cols.length / 2)], 1);
    if (cols.length) insertCols(s, cols[0], 1);
  });

/** A 栏次 row (栏次 | 1 | 2 | 3 …) under the header of one-sided tables. */
export const columnNumberRow: Transform = (doc) =>
  eachTable(
    doc,
    (d, s, b) => {
      if (b.h2 < 0 || !b.amountCols.length) return;
      insertRows(s, b.h2 + 1, 1);
      const r = b.h2 + 1;
      const first = Math.min(b.c1, ...b.codeCols, b.nameCol ?? Infinity);
      put(s, r, first, newCell(d, "栏次", { role: "header", t: b.t }));
      let n = 1;
      for (let c = first + 1; c <= b.c2; c++) {
        if (c < b.amountCols[0]) continue;
        put(s, r, c, newCell(d, n++, { role: "header", t: b.t }));
      }
    },
    (t) => t.layout !== "two-sided" && t.layout !== "form",
  );

// ---------------------------------------------------------------- headers

/** Header cells merged: down over the empty cells below them, across over the empty cells of a group. */
export const mergedHeaders: Transform = (doc) =>
  eachTable(
    doc,
    (d, s, b) => {
      if (b.h1 < 0) return;
      removeMergesAt(s, (m) => m.r1 >= b.h1 && m.r2 <= b.h2);
      // A 栏次 row under the header is no part of the merges.
      const isNumberRow = (r: number) => (s.rows[r] ?? []).some((c) => c && (typeof c.value === "number" || c.value === "栏次"));
      let h2 = b.h2;
      while (h2 > b.h1 && isNumberRow(h2)) h2--;
      const hasChildBelow = (r: number, c: number) => {
        for (let k = r + 1; k <= h2; k++) if (get(s, k, c)) return true;
        return false;
      };
      for (let r = b.h1; r <= h2; r++) {
        for (let c = b.c1; c <= b.c2; c++) {
          const cell = get(s, r, c);
          if (!cell || d.tags.get(cell)?.role !== "header") continue;
          if (typeof cell.value === "number") continue; // 栏次
          if (!hasChildBelow(r, c)) {
            if (r < h2) s.merges.push({ r1: r, c1: c, r2: h2, c2: c });
            continue;
          }
          // A group: across the empty cells to its right that have children below.
          let c2 = c;
          while (c2 + 1 <= b.c2 && !get(s, r, c2 + 1) && hasChildBelow(r, c2 + 1) && !s.merges.some((m) => m.r1 <= r && m.r2 >= r && m.c1 <= c2 + 1 && m.c2 >= c2 + 1)) c2++;
          if (c2 > c) s.merges.push({ r1: r, c1: c, r2: r, c2 });
        }
      }
    },
    (t) => t.layout !== "form",
  );

/** Header merges dropped, values left in the master cell only (what a PDF-to-Excel export gives). */
export const lostMerges: Transform = (doc) =>
  eachTable(doc, (d, s, b) => {
    if (b.h1 < 0) return;
    removeMergesAt(s, (m) => m.r1 >= b.h1 && m.r2 <= b.h2);
  });

/**
 * One or two group rows added above the header of one-sided tables: "预算数" (and
 * "<year>年" above it) over the amount columns; the other columns' headers merged down.
 */
export function deeperHeader(levels: 1 | 2 = 1): Transform {
  return (doc) =>
    eachTable(
      doc,
      (d, s, b) => {
        if (b.h1 < 0 || b.amountCols.length < 2) return;
        const a1 = b.amountCols[0];
        const a2 = Math.max(...b.amountCols);
        insertRows(s, b.h1, levels);
        const words = levels === 2 ? [`${d.year ?? 2024}年`, "预算数"] : ["预算数"];
        words.forEach((w, k) => {
          put(s, b.h1 + k, a1, newCell(d, w, { role: "header", t: b.t }));
          s.merges.push({ r1: b.h1 + k, c1: a1, r2: b.h1 + k, c2: a2 });
        });
        // Columns left of the amounts: move their top header cell up, merged down to the old header's top row.
        const h1 = b.h1 + levels;
        for (let c = b.c1; c < a1; c++) {
          const cell = get(s, h1, c);
          if (!cell) continue;
          const m = s.merges.find((x) => x.r1 === h1 && x.c1 === c);
          put(s, h1, c, undefined);
          put(s, b.h1, c, cell);
          if (m) {
            m.r1 = b.h1;
          } else if (!s.merges.some((x) => x.c1 <= c && x.c2 >= c && x.r1 <= h1 && x.r2 >= h1)) {
            s.merges.push({ r1: b.h1, c1: c, r2: h1, c2: c });
          }
        }
      },
      (t) => t.layout !== "two-sided" && t.layout !== "form",
    );
}

/** A table split over pages: its header rows printed again after the 10th data row. */
export const pageBreakHeader: Transform = (doc) =>
  eachTable(
    doc,
    (d, s, b) => {
      if (b.h1 < 0) return;
      const body = [...new Set(tagged(d, s, (t) => t.t === b.t && t.role === "amount").map((w) => w.r))].filter((r) => r > b.h2).sort((x, y) => x - y);
      if (body.length < 12) return;
      const at = body[10];
      const n = b.h2 - b.h1 + 1;
      const merges = s.merges.filter((m) => m.r1 >= b.h1 && m.r2 <= b.h2).map((m) => ({ ...m }));
      insertRows(s, at, n);
      for (let k = 0; k < n; k++) {
        const row = s.rows[b.h1 + k] ?? [];
        row.forEach((cell, c) => cell && put(s, at + k, c, newCell(d, cell.value, { role: "header", t: b.t }, { style: cell.style })));
      }
      for (const m of merges) s.merges.push({ r1: m.r1 - b.h1 + at, c1: m.c1, r2: m.r2 - b.h1 + at, c2: m.c2 });
    },
    (t) => t.layout !== "form" && t.layout !== "two-sided",
  );

// ---------------------------------------------------------------- unit lines

export type UnitStyle = "编制单位" | "预算单位" | "预算主管部门" | "部门";

/**
 * The unit line under each title: "<word>：<unit>" on the left and "单位：万元" on the
 * right, or both in one cell.
 */
export function unitLine(word: UnitStyle, oneCell = false): Transform {
  return (doc) =>
    eachTable(
      doc,
      (d, s, b) => {
        const unitName = d.tables[b.t].unitName;
        if (!b.title || !unitName) return;
        const amountUnit = d.tables[b.t].amountUnit;
        let r = b.unitRows.find((x) => x > b.title!.r && x < b.h1);
        if (r === undefined) {
          insertRows(s, b.title.r + 1, 1);
          r = b.title.r + 1;
        }
        const row = s.rows[r] ?? [];
        for (let c = 0; c < row.length; c++) if (row[c] && d.tags.get(row[c]!)?.t === b.t) row[c] = undefined;
        removeMergesAt(s, (m) => m.r1 === r && m.r2 === r);
        const left = `${word}：${unitName}`;
        const right = `单位：${amountUnit}`;
        const c1 = b.title.c;
        if (oneCell) put(s, r, c1, newCell(d, `${left}　　　　${right}`, { role: "unit", t: b.t }));
        else {
          put(s, r, c1, newCell(d, left, { role: "unit", t: b.t }));
          put(s, r, Math.max(c1 + 1, b.c2), newCell(d, right, { role: "unit", t: b.t }));
        }
      },
      (t) => t.layout !== "form",
    );
}

// ---------------------------------------------------------------- amounts

/** Tables in 元 with 2 decimals (every amount × 10000, unit lines say 元); the narrative stays in 万元. */
export const amountsInYuan: Transform = (doc) => {
  // A workbook whose tables are already in 元 is that layout already.
  if (doc.tables.some((t) => t.layout !== "form" && t.amountUnit === "元")) return doc;
  const d = copyDoc(doc);
  for (const [cell, t] of d.tags) {
    if (t.t === undefined) continue;
    if (t.role === "amount" && d.tables[t.t].layout !== "form") {
      const v = cell.value;
      const n = typeof v === "number" ? v : typeof v === "string" ? Number(v.replace(/[,，\s]/g, "")) : NaN;
      if (!Number.isFinite(n) || (typeof v === "string" && v.trim() === "")) continue;
      cell.value = Math.round(n * 1000000) / 100;
      cell.numFmt = "#,##0.00";
    } else if ((t.role === "unit" || t.role === "header") && typeof cell.value === "string") {
      cell.value = cell.value.replace(/万元/g, "元");
    }
  }
  // Tables without a unit line get one.
  d.amountFactor = doc.amountFactor * 10000;
  for (const t of d.tables) if (t.layout !== "form") t.amountUnit = "元";
  for (const s of d.wb.sheets) {
    for (const b of boxes(d, s).reverse()) {
      if (d.tables[b.t].layout === "form" || !b.title) continue;
      const hasUnit = tagged(d, s, (x) => x.t === b.t && (x.role === "unit" || x.role === "title")).some((w) => typeof w.cell.value === "string" && /元/.test(w.cell.value));
      if (hasUnit) continue;
      insertRows(s, b.title.r + 1, 1);
      put(s, b.title.r + 1, Math.max(b.c2, b.title.c + 1), newCell(d, "单位：元", { role: "unit", t: b.t }));
    }
  }
  return d;
};

// ---------------------------------------------------------------- sheets

export type SheetNaming = "表N" | "export" | "SheetN" | "title-only";

/**
 * Sheet names: 表1 表2 …; like an export ("1.3部门支出总表"); Sheet1 …; or the title only
 * in the sheet name (the title row removed). The narrative sheet is named alike.
 */
export function sheetNames(style: SheetNaming): Transform {
  return (doc) => {
    const d = copyDoc(doc);
    const taken = new Set<string>();
    const uniq = (n: string) => {
      let name = validSheetName(n);
      for (let i = 2; taken.has(name); i++) name = validSheetName(`${n.slice(0, 27)}(${i})`);
      taken.add(name);
      return name;
    };
    let i = 0;
    for (const s of d.wb.sheets) {
      i++;
      const bs = boxes(d, s);
      const title = bs[0]?.title?.cell.value;
      const t = typeof title === "string" ? title.replace(/\s+/g, "") : bs.length ? d.tables[bs[0].t].title || s.name : s.name;
      if (bs.some((b) => d.tables[b.t].titleInSheetName)) {
        s.name = uniq(s.name);
        continue;
      }
      switch (style) {
        case "表N":
          s.name = uniq(bs.length ? `表${i}` : s.name);
          break;
        case "export":
          s.name = uniq(`${Math.ceil(i / 20)}.${i}${t}`);
          break;
        case "SheetN":
          s.name = uniq(`Sheet${i}`);
          break;
        case "title-only":
          // Only where the title fits in a sheet name (31 characters): a longer one would lose the unit or year it names.
          if (bs.length === 1 && bs[0].title && t.length <= 31) {
            s.name = uniq(t);
            d.tables[bs[0].t].titleInSheetName = true;
            const tr = bs[0].title.r;
            const row = s.rows[tr];
            const others = (row ?? []).filter((c) => c && c !== bs[0].title!.cell && !(typeof c.value === "string" && c.value.trim() === ""));
            if (others.length === 0) deleteRow(s, tr);
            else put(s, tr, bs[0].title.c, undefined);
          } else s.name = uniq(s.name);
          break;
      }
    }
    return d;
  };
}

/** All tables stacked on one sheet ("预算公开表"), two empty rows between them. */
export const stackTables: Transform = (doc) => {
  const d = copyDoc(doc);
  // (A sheet whose title is only in its name keeps its name.)
  const ts = tableSheets(d).filter((s) => !boxes(d, s).some((b) => d.tables[b.t].titleInSheetName));
  if (ts.length < 2) return d;
  const out = newSheet("预算公开表");
  let at = 0;
  for (const s of ts) {
    const h = s.rows.length;
    s.rows.forEach((row, r) => row?.forEach((cell, c) => cell && put(out, at + r, c, cell)));
    for (const m of s.merges) out.merges.push({ r1: m.r1 + at, c1: m.c1, r2: m.r2 + at, c2: m.c2 });
    at += h + 2;
  }
  const first = d.wb.sheets.indexOf(ts[0]);
  d.wb.sheets = d.wb.sheets.filter((s) => !ts.includes(s));
  d.wb.sheets.splice(first, 0, out);
  return d;
};

/** A 目录 sheet first, listing the tables: "一、部门收支总表" per row, or 序号 | 表名 | 表号. */
export function tocSheet(style: "numbered" | "columns" = "numbered"): Transform {
  return (doc) => {
    const d = copyDoc(doc);
    const titles = d.tables.map((t) => t.title).filter(Boolean);
    const cn = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十"];
    const toc = newSheet("目录");
    put(toc, 0, 0, { value: "目  录" });
    titles.forEach((t, i) => {
      if (style === "numbered") put(toc, i + 2, 0, { value: `${cn[i] ?? i + 1}、${t.replace(/^\s+|\s+$/g, "")}` });
      else {
        put(toc, i + 2, 0, { value: i + 1 });
        put(toc, i + 2, 1, { value: t });
        put(toc, i + 2, 2, { value: `表${i + 1}` });
      }
    });
    if (style === "columns") {
      put(toc, 1, 0, { value: "序号" });
      put(toc, 1, 1, { value: "表名" });
      put(toc, 1, 2, { value: "表号" });
    }
    d.wb.sheets.unshift(toc);
    return d;
  };
}

// ---------------------------------------------------------------- narrative

/** The lines of a text sheet, top to bottom (every non-empty text cell). */
function textLines(s: Sheet): Cell[] {
  const out: Cell[] = [];
  for (const row of s.rows) for (const c of row ?? []) if (c && typeof c.value === "string" && c.value.trim()) out.push(c);
  return out;
}

/** The whole narrative in one cell, lines joined by line breaks. */
export const narrativeOneCell: Transform = (doc) => {
  const d = copyDoc(doc);
  for (const s of textSheets(d)) {
    const lines = textLines(s);
    const cell = newCell(d, lines.map((c) => String(c.value)).join("\n"), { role: "para" }, { style: { wrap: true } });
    s.rows = [[cell]];
    s.merges = [];
  }
  return d;
};

/** The narrative spread over three sheets (情况说明（一）…（三）), one paragraph per row. */
export const narrativeSheets: Transform = (doc) => {
  const d = copyDoc(doc);
  for (const s of textSheets(d)) {
    const lines = textLines(s);
    const n = Math.ceil(lines.length / 3);
    const parts = [0, 1, 2].map((k) => lines.slice(k * n, (k + 1) * n)).filter((p) => p.length);
    const sheets = parts.map((p, k) => {
      const sh = newSheet(validSheetName(`${s.name.slice(0, 24)}（${["一", "二", "三"][k]}）`));
      p.forEach((c, r) => put(sh, r, 0, c));
      return sh;
    });
    const at = d.wb.sheets.indexOf(s);
    d.wb.sheets.splice(at, 1, ...sheets);
  }
  return d;
};

/** The narrative opens with its own contents: "目录", then "一、部门收支总表" … one per row. */
export const narrativeContents: Transform = (doc) => {
  const d = copyDoc(doc);
  const cn = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五", "十六"];
  const titles = d.tables.map((t) => t.title).filter(Boolean);
  for (const s of textSheets(d)) {
    const lines = ["目录", ...titles.map((t, i) => `${cn[i] ?? i + 1}、${t.replace(/\s+/g, "")}`), "2.预算表说明"];
    insertRows(s, 0, lines.length);
    lines.forEach((l, r) => put(s, r, 0, { value: l }));
  }
  return d;
};

/** A sentence quoting table titles added after the narrative ("详见《部门收支总表》…"). */
export const narrativeQuotesTitles: Transform = (doc) => {
  const d = copyDoc(doc);
  const titles = d.tables.map((t) => t.title.replace(/\s+/g, "")).filter(Boolean).slice(0, 3);
  if (!titles.length) return d;
  for (const s of textSheets(d)) {
    const r = s.rows.length;
    put(s, r, 0, newCell(d, `以上收支情况详见附表${titles.map((t) => `《${t}》`).join("、")}，各表数字以附表为准。`, { role: "para" }));
  }
  return d;
};

// ---------------------------------------------------------------- the catalogue of layouts

/**
 * Transformations in the order they can be chained: what rewrites headers and codes before
 * what copies the header (a page break) or moves whole tables and sheets. Random
 * combinations are applied in this order (the layout they give is one an office could make).
 */
export function inLayoutOrder(ls: Layout[]): Layout[] {
  return [...ls].sort((a, b) => LAYOUTS.indexOf(a) - LAYOUTS.indexOf(b));
}

export interface Layout {
  name: string;
  family: string;
  transform: Transform;
}

export const LAYOUTS: Layout[] = [
  { family: "codes", name: "split 类 repeated", transform: splitCodes("repeat") },
  { family: "codes", name: "split 类 on own row", transform: splitCodes("own-row") },
  { family: "codes", name: "split, 类 merged down, 款 without zero", transform: splitCodes("merged", true) },
  { family: "codes", name: "split as numbers", transform: compose(splitCodes("repeat"), codesAsNumbers) },
  { family: "codes", name: "codes as numbers", transform: codesAsNumbers },
  { family: "codes", name: "codes with spaces", transform: codesWithSpaces },
  { family: "codes", name: "codes as rich text", transform: codesAsRichText },
  { family: "position", name: "tables at B3", transform: moveTo(2, 1) },
  { family: "position", name: "spacer columns", transform: spacerColumns },
  { family: "position", name: "栏次 row", transform: columnNumberRow },
  { family: "headers", name: "merged headers", transform: mergedHeaders },
  { family: "headers", name: "lost merges", transform: lostMerges },
  { family: "headers", name: "two-row header", transform: compose(deeperHeader(1), mergedHeaders) },
  { family: "headers", name: "three-row header", transform: compose(deeperHeader(2), mergedHeaders) },
  { family: "headers", name: "header repeated at a page break", transform: pageBreakHeader },
  { family: "sheets", name: "sheets 表N", transform: sheetNames("表N") },
  { family: "sheets", name: "sheets like an export", transform: sheetNames("export") },
  { family: "sheets", name: "sheets Sheet1…", transform: sheetNames("SheetN") },
  { family: "sheets", name: "title only in the sheet name", transform: sheetNames("title-only") },
  { family: "sheets", name: "tables stacked on one sheet", transform: stackTables },
  { family: "sheets", name: "目录 sheet", transform: tocSheet("numbered") },
  { family: "sheets", name: "目录 sheet in columns", transform: tocSheet("columns") },
  { family: "narrative", name: "narrative in one cell", transform: narrativeOneCell },
  { family: "narrative", name: "narrative over three sheets", transform: narrativeSheets },
  { family: "narrative", name: "narrative opens with contents", transform: narrativeContents },
  { family: "narrative", name: "narrative quotes table titles", transform: narrativeQuotesTitles },
  { family: "units", name: "编制单位 left, 单位 right", transform: unitLine("编制单位") },
  { family: "units", name: "预算单位 in one cell", transform: unitLine("预算单位", true) },
  { family: "units", name: "预算主管部门", transform: unitLine("预算主管部门") },
  { family: "units", name: "部门 in one cell", transform: unitLine("部门", true) },
  { family: "amounts", name: "tables in 元", transform: amountsInYuan },
  // Combinations, as real documents combine them.
  { family: "combined", name: "field-like: 元, split codes, export names, 目录", transform: compose(amountsInYuan, splitCodes("own-row", true), sheetNames("export"), tocSheet("numbered")) },
  { family: "combined", name: "B3, 栏次, merged, spacer", transform: compose(columnNumberRow, mergedHeaders, spacerColumns, moveTo(2, 1)) },
  { family: "combined", name: "stacked, numbers, unit in one cell, contents", transform: compose(unitLine("编制单位", true), codesAsNumbers, stackTables, narrativeContents) },
  { family: "combined", name: "title in sheet name, three-row header, split repeated", transform: compose(splitCodes("repeat"), deeperHeader(2), mergedHeaders, sheetNames("title-only"), narrativeOneCell) },
];
