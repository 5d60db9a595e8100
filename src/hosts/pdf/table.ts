/**
 * One table rebuilt from the geometry of its lines: columns from the x-ranges the
 * figures and texts of the body occupy plus the header's own cells (a column nobody
 * filled in still has its header), multi-row headers with their spans as merges,
 * and every body line as a row of cells.
 *
 * Nothing here depends on how a particular producer draws tables: no ruling lines,
 * no fonts, no fixed positions — only where the text is.
 */
import { setCell, type Cell, type RangeRef, type Sheet } from "../../core/model";
import { toHalfWidth } from "../../core/text";
import { isNumericText, joinText, median, type Line, type Segment } from "./geometry";

/** Where a cell's text was printed. */
export interface SourceLoc {
  page: number;
  /** 1-based line on the page. */
  line: number;
}

export interface TableLines {
  title: Line;
  /** 编制部门 / 单位：元 lines between the title and the header. */
  unitLines: Line[];
  header: Line[];
  /** Body lines in order (wrapped label lines included), and notes (注：…) after the body. */
  body: Line[];
  notes: Line[];
}

export interface BuiltTable {
  sheet: Sheet;
  /** Locations by "r,c". */
  locations: Map<string, SourceLoc>;
  headerRows: number;
  bodyRows: number;
  /** Cells whose text straddled two columns and could not be placed (the table is then unread). */
  ambiguous: number;
}

interface Column {
  x1: number;
  x2: number;
  fromHeader?: boolean;
}

interface HSeg extends Segment {
  /** Lines the segment spans (wrapped header text joined). */
  top: number;
  bottom: number;
  page: number;
  line: number;
}

const FIGURE_FMT = (decimals: number, grouped: boolean): string | undefined => {
  if (decimals > 0) return `#,##0.${"0".repeat(decimals)}`;
  return grouped ? "#,##0" : undefined;
};

function overlap(a1: number, a2: number, b1: number, b2: number): number {
  return Math.max(0, Math.min(a2, b2) - Math.max(a1, b1));
}

/** Merge x-intervals that overlap (or touch within `slack`). */
function unionIntervals(xs: { x1: number; x2: number }[], slack: number): Column[] {
  const s = [...xs].sort((a, b) => a.x1 - b.x1);
  const out: Column[] = [];
  for (const i of s) {
    const last = out[out.length - 1];
    if (last && i.x1 <= last.x2 + slack) last.x2 = Math.max(last.x2, i.x2);
    else out.push({ x1: i.x1, x2: i.x2 });
  }
  return out;
}

/** Join header text wrapped over two or three lines of one cell ("事业单位" / "经营收入"). */
function joinWrappedHeader(lines: Line[]): HSeg[] {
  const segs: HSeg[] = [];
  for (const l of lines) for (const s of l.segments) segs.push({ ...s, top: l.y, bottom: l.y, page: l.page, line: l.index });
  segs.sort((a, b) => a.y - b.y || a.x1 - b.x1);
  const used = new Set<HSeg>();
  const out: HSeg[] = [];
  for (const a of segs) {
    if (used.has(a)) continue;
    let cur = a;
    for (;;) {
      const em = cur.size;
      const below = segs.filter((b) => !used.has(b) && b !== cur && b !== a && b.y > cur.bottom + 0.5 * em && b.y - cur.bottom <= 1.6 * em && overlap(cur.x1, cur.x2, b.x1, b.x2) > 0);
      if (below.length !== 1) break;
      const b = below[0];
      const above = segs.filter((o) => o !== b && !used.has(o) && o.y < b.y - 0.5 * em && b.y - o.bottom <= 1.6 * em && overlap(o.x1, o.x2, b.x1, b.x2) > 0);
      const centred = Math.abs((cur.x1 + cur.x2) / 2 - (b.x1 + b.x2) / 2) <= 0.25 * Math.max(cur.x2 - cur.x1, b.x2 - b.x1) + 0.5 * em;
      // Nothing else on the lines in between may sit under the upper text.
      const between = segs.some((o) => o !== b && o !== cur && !used.has(o) && o.y > cur.bottom + 0.5 * em && o.y < b.y - 0.5 * em && overlap(o.x1 - em, o.x2 + em, cur.x1, cur.x2) > 0);
      if (above.length !== 1 || !centred || between) break;
      used.add(b);
      cur = { ...cur, text: cur.text + b.text, x1: Math.min(cur.x1, b.x1), x2: Math.max(cur.x2, b.x2), bottom: b.y, words: [...cur.words, ...b.words] };
    }
    used.add(a);
    cur.y = (cur.top + cur.bottom) / 2;
    out.push(cur);
  }
  return out;
}

/** Cluster header segments into header rows by their (middle) baseline. */
function headerLevels(segs: HSeg[]): number[][] {
  const order = segs.map((s, i) => i).sort((a, b) => segs[a].y - segs[b].y);
  const levels: number[][] = [];
  let lastY = -Infinity;
  for (const i of order) {
    const s = segs[i];
    if (levels.length && s.y - lastY <= 0.45 * s.size) levels[levels.length - 1].push(i);
    else levels.push([i]);
    lastY = s.y;
  }
  return levels;
}

function isCodeHeader(path: string[]): boolean {
  const leaf = path[path.length - 1] ?? "";
  return /^(类|款|项|目)$/.test(leaf.replace(/\s/g, "")) || path.some((p) => /(编码|代码|编号)/.test(p) && !/名称/.test(p));
}

/** A printed figure to a cell value: number with its format, or the text as it is. */
export function figureCell(text: string): Cell {
  const t = toHalfWidth(text).replace(/\s+/g, "").replace(/−/g, "-");
  if (!isNumericText(t)) return { value: text };
  let s = t.replace(/[,，]/g, "");
  let neg = false;
  if (/^[(（].*[)）]%?$/.test(s)) {
    neg = true;
    s = s.replace(/[()（）]/g, "");
  }
  const pct = s.endsWith("%");
  if (pct) s = s.slice(0, -1);
  if (s.startsWith("+")) s = s.slice(1);
  const n = Number(s);
  if (!Number.isFinite(n)) return { value: text };
  const decimals = /\.(\d+)$/.exec(s)?.[1].length ?? 0;
  const v = neg ? -n : n;
  if (pct) return { value: Number((v / 100).toFixed(decimals + 2)), numFmt: `0${decimals ? "." + "0".repeat(decimals) : ""}%` };
  const fmt = FIGURE_FMT(decimals, /[,，]/.test(t));
  return fmt ? { value: v, numFmt: fmt } : { value: v };
}

/**
 * Build the sheet of a table. Throws nothing: a table whose figures straddle columns
 * comes back with `ambiguous` > 0 and the caller reports it unread.
 */
export function buildTable(name: string, t: TableLines): BuiltTable {
  const bodySegs: { seg: Segment; line: Line }[] = [];
  for (const l of t.body) for (const s of l.segments) bodySegs.push({ seg: s, line: l });
  const em = median([...t.body, ...t.header].map((l) => l.size)) || 10;

  // 1. Columns where the body's texts and figures are.
  let columns = unionIntervals(
    bodySegs.map((b) => b.seg),
    0.15 * em,
  );

  // 2. Header cells: wrapped texts joined; leaves that stand over no body column are columns of their own.
  const hsegs = joinWrappedHeader(t.header);
  const levels = headerLevels(hsegs);
  const levelOf = new Map<HSeg, number>();
  levels.forEach((ids, l) => ids.forEach((i) => levelOf.set(hsegs[i], l)));
  // The group over a header: of the headers above it within 3 em (overlapping counts as 0),
  // the one on the deepest row; when none is that close, the nearest one above.
  const distance = (a: { x1: number; x2: number }, b: { x1: number; x2: number }) => Math.max(0, a.x1 - b.x2, b.x1 - a.x2) - overlap(a.x1, a.x2, b.x1, b.x2);
  const parent = new Map<HSeg, HSeg>();
  for (const o of hsegs) {
    const lo = levelOf.get(o) ?? 0;
    let close: HSeg | undefined;
    let nearest: HSeg | undefined;
    for (const h of hsegs) {
      const lh = levelOf.get(h) ?? 0;
      if (lh >= lo) continue;
      const d = distance(h, o);
      if (d <= 3 * o.size && (!close || lh > (levelOf.get(close) ?? 0) || (lh === levelOf.get(close) && d < distance(close, o)))) close = h;
      if (!nearest || d < distance(nearest, o) - 1e-6 || (Math.abs(d - distance(nearest, o)) <= 1e-6 && lh > (levelOf.get(nearest) ?? 0))) nearest = h;
    }
    const p = close ?? nearest;
    if (p) parent.set(o, p);
  }
  const groups = new Set<HSeg>(parent.values());
  const ancestors = (o: HSeg): Set<HSeg> => {
    const out = new Set<HSeg>();
    for (let p = parent.get(o); p && !out.has(p); p = parent.get(p)) out.add(p);
    return out;
  };
  const hasBelow = (h: HSeg) => groups.has(h);
  const orphanLeaves = hsegs.filter((h) => !hasBelow(h) && !columns.some((c) => overlap(c.x1, c.x2, h.x1, h.x2) > 0));
  // A body column no leaf header stands over, next to a leaf over no body column: one column
  // (a wide column whose figures, right-aligned, do not reach under its centred header).
  for (const c of columns) {
    if (hsegs.some((h) => !hasBelow(h) && overlap(c.x1, c.x2, h.x1, h.x2) > 0)) continue;
    let best: HSeg | undefined;
    for (const h of orphanLeaves) if (!best || distance(h, c) < distance(best, c)) best = h;
    if (!best || distance(best, c) > 4 * best.size) continue;
    // Nothing else between them.
    const lo = Math.min(best.x2, c.x2);
    const hi = Math.max(best.x1, c.x1);
    if (columns.some((o) => o !== c && o.x1 < hi && o.x2 > lo) || hsegs.some((h) => h !== best && !hasBelow(h) && h.x1 < hi && h.x2 > lo)) continue;
    c.x1 = Math.min(c.x1, best.x1);
    c.x2 = Math.max(c.x2, best.x2);
    orphanLeaves.splice(orphanLeaves.indexOf(best), 1);
  }
  for (const h of orphanLeaves) if (!columns.some((c) => overlap(c.x1, c.x2, h.x1, h.x2) > 0)) columns.push({ x1: h.x1, x2: h.x2, fromHeader: true });
  columns.sort((a, b) => a.x1 - b.x1);
  columns = columns.reduce<Column[]>((acc, c) => {
    const last = acc[acc.length - 1];
    if (last && c.x1 < last.x2) last.x2 = Math.max(last.x2, c.x2);
    else acc.push({ ...c });
    return acc;
  }, []);
  const n = columns.length;
  // Cell bounds: the middle of the gap between neighbouring columns.
  const left = (i: number) => (i === 0 ? -Infinity : (columns[i - 1].x2 + columns[i].x1) / 2);
  const right = (i: number) => (i === n - 1 ? Infinity : (columns[i].x2 + columns[i + 1].x1) / 2);
  const cellL = (i: number) => (i === 0 ? Math.min(columns[0].x1, ...t.header.map((l) => l.x1)) : left(i));
  const cellR = (i: number) => (i === n - 1 ? Math.max(columns[n - 1].x2, ...t.header.map((l) => l.x2)) : right(i));
  const overlapped = (x1: number, x2: number): number[] => {
    const out: number[] = [];
    for (let i = 0; i < n; i++) if (overlap(x1, x2, left(i), right(i)) > 0.01) out.push(i);
    return out;
  };
  // The columns a header text really stands over (not just touches with an edge).
  const underHeader = (h: HSeg): number[] => {
    const cs = overlapped(h.x1, h.x2);
    const parts = cs.map((c) => overlap(h.x1, h.x2, left(c), right(c)));
    if (!hasBelow(h)) return cs.length ? [cs[parts.indexOf(Math.max(...parts))]] : [];
    const kept = cs.filter((c, k) => parts[k] >= Math.min(0.5 * h.size, 0.5 * (h.x2 - h.x1)));
    return kept.length ? kept : cs;
  };

  // 3. Header spans. A group header stands over the columns whose lower headers are
  //    nearer to it than to any other header of its row; a leaf that is vertically
  //    centred in the whole header block is a cell running the full height, under no group.
  const hTop = Math.min(...hsegs.map((h) => h.y));
  const hBottom = Math.max(...hsegs.map((h) => h.y));
  const fullHeight = (o: HSeg) => (levelOf.get(o) ?? 0) > 0 && !hasBelow(o) && Math.abs(o.y - (hTop + hBottom) / 2) <= 0.5 * o.size && hBottom - hTop > 1.5 * o.size;
  const spans = new Map<HSeg, [number, number]>();
  for (const [l, ids] of levels.entries()) {
    const row = ids.map((i) => hsegs[i]);
    const claimed = new Map<number, HSeg>();
    for (const h of row) for (const c of underHeader(h)) if (!claimed.has(c)) claimed.set(c, h);
    for (const h of row) {
      const own = underHeader(h).filter((c) => claimed.get(c) === h);
      if (!hasBelow(h)) {
        // A leaf sharing its column with a neighbour of its row is the same cell ("合 计").
        const cs = own.length ? own : underHeader(h);
        if (cs.length) spans.set(h, [cs[0], cs[cs.length - 1]]);
        continue;
      }
      const eligible = (c: number) =>
        (!claimed.has(c) || claimed.get(c) === h) &&
        hsegs.some((o) => (levelOf.get(o) ?? 0) > l && !fullHeight(o) && underHeader(o).includes(c) && ancestors(o).has(h));
      let a: number;
      let b: number;
      if (own.length) [a, b] = [own[0], own[own.length - 1]];
      else {
        // Standing in a gap between columns: start from the nearest eligible column.
        const cands = Array.from({ length: n }, (_, c) => c).filter(eligible);
        if (!cands.length) continue;
        const mid = (h.x1 + h.x2) / 2;
        const c0 = cands.reduce((x, y) => (Math.abs((columns[y].x1 + columns[y].x2) / 2 - mid) < Math.abs((columns[x].x1 + columns[x].x2) / 2 - mid) ? y : x));
        [a, b] = [c0, c0];
      }
      while (a > 0 && eligible(a - 1)) a--;
      while (b < n - 1 && eligible(b + 1)) b++;
      for (let c = a; c <= b; c++) if (!claimed.has(c)) claimed.set(c, h);
      spans.set(h, [a, b]);
    }
  }

  // 4. The sheet: title, unit line(s), header rows, body rows, notes.
  const sheet: Sheet = { name, rows: [], merges: [] };
  const locations = new Map<string, SourceLoc>();
  const put = (r: number, c: number, cell: Cell, loc: SourceLoc) => {
    setCell(sheet, r, c, cell);
    locations.set(`${r},${c}`, loc);
  };
  let r = 0;
  put(r, 0, { value: t.title.text.replace(/\s+/g, ""), style: { bold: true, horizontal: "center" } }, { page: t.title.page, line: t.title.index });
  if (n > 1) sheet.merges.push({ r1: 0, c1: 0, r2: 0, c2: n - 1 });
  r++;
  for (const u of t.unitLines) {
    const byCol = new Map<number, string>();
    for (const s of u.segments) {
      const cs = overlapped(s.x1, s.x2);
      const c = s.x1 < (cellL(0) + cellR(n - 1)) / 2 ? (cs[0] ?? 0) : (cs[cs.length - 1] ?? n - 1);
      byCol.set(c, joinText(byCol.get(c) ?? "", s.text, 1, u.size));
    }
    for (const [c, text] of byCol) put(r, c, { value: text }, { page: u.page, line: u.index });
    r++;
  }
  const headerTop = r;
  // Header rows as in the spreadsheet the table was printed from: a header cell starts in the
  // row under the group over it (its text is centred in a cell that may run several rows
  // down), and runs down to the row above the next header under it.
  const placed = hsegs.filter((h) => spans.has(h)).sort((x, y) => (levelOf.get(x) ?? 0) - (levelOf.get(y) ?? 0) || x.x1 - y.x1);
  const top = new Map<HSeg, number>();
  for (const h of placed) {
    const span = spans.get(h)!;
    let r1 = 0;
    for (const o of placed) {
      const so = spans.get(o)!;
      if ((levelOf.get(o) ?? 0) < (levelOf.get(h) ?? 0) && top.has(o) && so[0] <= span[0] && so[1] >= span[1]) r1 = Math.max(r1, top.get(o)! + 1);
    }
    top.set(h, r1);
  }
  const nRows = placed.length ? Math.max(...placed.map((h) => top.get(h)!)) + 1 : 0;
  for (const h of placed) {
    const span = spans.get(h)!;
    const r1 = top.get(h)!;
    let r2 = nRows - 1;
    for (const o of placed) {
      const so = spans.get(o)!;
      if (top.get(o)! > r1 && so[0] <= span[1] && so[1] >= span[0]) r2 = Math.min(r2, top.get(o)! - 1);
    }
    const there = sheet.rows[headerTop + r1]?.[span[0]];
    if (there && typeof there.value === "string") {
      // Two texts in one cell of one row ("合 计" printed spaced out).
      there.value = joinText(there.value, h.text, 0, h.size);
      continue;
    }
    put(headerTop + r1, span[0], { value: h.text, style: { bold: true, horizontal: "center", wrap: true } }, { page: h.page, line: h.line });
    if (span[1] > span[0] || r2 > r1) sheet.merges.push({ r1: headerTop + r1, c1: span[0], r2: headerTop + r2, c2: span[1] });
  }
  r = headerTop + nRows;
  const headerRows = nRows;

  // Header path of each column, to know code columns (kept as text: 款 "03" keeps its zero).
  const paths: string[][] = Array.from({ length: n }, () => []);
  for (const h of [...hsegs].sort((a, b) => (levelOf.get(a) ?? 0) - (levelOf.get(b) ?? 0))) {
    const s = spans.get(h);
    if (s) for (let c = s[0]; c <= s[1]; c++) paths[c].push(h.text);
  }
  const codeCol = paths.map(isCodeHeader);

  // Body rows: one per line; then a line holding only text within 1.4 em of a neighbouring
  // line is the wrapped part of that neighbour's cells (a long name printed over two lines).
  let ambiguous = 0;
  type RowCells = Map<number, { text: string; loc: SourceLoc; x2: number }>;
  const rows: { cells: RowCells; line: Line; y1: number; y2: number }[] = [];
  for (const l of t.body) {
    const cells: RowCells = new Map();
    for (const s of l.segments) {
      const cs = overlapped(s.x1, s.x2);
      let c = cs[0] ?? 0;
      if (cs.length > 1) {
        // Most of the text in one column: that column; a figure across two columns cannot be placed.
        const parts = cs.map((k) => overlap(s.x1, s.x2, left(k), right(k)));
        const best = parts.indexOf(Math.max(...parts));
        c = cs[best];
        if (isNumericText(s.text.replace(/\s/g, "")) && parts[best] < 0.8 * (s.x2 - s.x1)) ambiguous++;
      }
      const prev = cells.get(c);
      // Two figures of one line in one column: the columns run together.
      if (prev && isNumericText(prev.text.replace(/\s/g, "")) && isNumericText(s.text.replace(/\s/g, ""))) ambiguous++;
      cells.set(c, { text: prev ? joinText(prev.text, s.text, s.x1 - prev.x2, l.size) : s.text, loc: prev?.loc ?? { page: l.page, line: l.index }, x2: s.x2 });
    }
    rows.push({ cells, line: l, y1: l.y, y2: l.y });
  }
  const hasFigure = (cells: RowCells) => [...cells.values()].some((v) => isNumericText(v.text.replace(/\s/g, "")));
  const hasCode = (cells: RowCells) => [...cells.entries()].some(([c, v]) => codeCol[c] && /^\d+$/.test(v.text.replace(/\s/g, "")));
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (hasFigure(row.cells) || hasCode(row.cells)) continue;
    const near = (o: (typeof rows)[number] | undefined) => o && o.line.page === row.line.page && Math.min(Math.abs(o.y1 - row.y2), Math.abs(row.y1 - o.y2)) <= 1.4 * em;
    const up = near(rows[i - 1]) ? rows[i - 1] : undefined;
    const down = near(rows[i + 1]) ? rows[i + 1] : undefined;
    // Where the text belongs: a row with figures but nothing in those columns (the name printed
    // above and below its figures), else a row already holding text there (a wrapped name).
    const score = (o: (typeof rows)[number] | undefined): number => {
      if (!o) return 0;
      const cols = [...row.cells.keys()];
      const empty = cols.every((c) => !o.cells.has(c));
      if (empty) return hasFigure(o.cells) || hasCode(o.cells) ? 3 : 2;
      return cols.every((c) => !o.cells.has(c) || !isNumericText(o.cells.get(c)!.text.replace(/\s/g, ""))) ? 1 : 0;
    };
    const su = score(up);
    const sd = score(down);
    if (!su && !sd) continue;
    const into = su > sd ? up! : sd > su ? down! : row.y1 - up!.y2 <= down!.y1 - row.y2 ? up! : down!;
    const target = into;
    for (const [c, v] of row.cells) {
      const p = target.cells.get(c);
      if (!p) target.cells.set(c, v);
      else target.cells.set(c, target === up ? { ...p, text: p.text + v.text } : { ...p, text: v.text + p.text, loc: v.loc });
    }
    target.y1 = Math.min(target.y1, row.y1);
    target.y2 = Math.max(target.y2, row.y2);
    rows.splice(i, 1);
    i--;
  }
  for (const row of rows) {
    for (const [c, v] of row.cells) {
      const text = v.text.trim();
      const cell: Cell = codeCol[c] && /^\d+$/.test(toHalfWidth(text).replace(/\s/g, "")) ? { value: text } : figureCell(text);
      put(r, c, cell, v.loc);
    }
    r++;
  }
  const bodyRows = rows.length;
  for (const note of t.notes) {
    put(r, 0, { value: note.text }, { page: note.page, line: note.index });
    r++;
  }
  sheet.colWidths = columns.map((c, i) => Math.max(6, Math.min(60, Math.round((cellR(i) - cellL(i)) / 5.5))));
  sheet.frozenRows = headerTop + headerRows;
  return { sheet, locations, headerRows, bodyRows, ambiguous };
}

export type { RangeRef };
