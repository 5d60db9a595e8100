/**
 * Read a 普陀区-style budget disclosure (the PDF's words and boxes) into its
 * tables and its text. Column positions come from the header words' x-ranges
 * of each printed table; a cell wrapped over two printed lines stays one cell;
 * headers repeated on a continuation page are dropped.
 *
 * The header *structure* (which labels span which columns) of the region's nine
 * tables is written out below, checked against the PDF pictures; the words of
 * each table's own header decide where its columns are and which variant it is.
 */
import { joinWords, toLines, type Line, type Word } from "./pdfWords";

export type TableKind = "T1" | "T2" | "T3" | "T4" | "T5" | "T6" | "T7" | "T8" | "T9";
export type Role = "code1" | "code2" | "code3" | "label" | "amount";

export interface Leaf {
  role: Role;
  /** The header word that marks the column's position (nth match by x, 0-based). */
  anchor: RegExp;
  nth?: number;
}

export interface HeaderCell {
  r: number;
  c: number;
  r2?: number;
  c2?: number;
  text: string;
}

export interface Template {
  leaves: Leaf[];
  header: HeaderCell[];
  headerRows: number;
}

export interface ParsedRow {
  cells: (string | undefined)[]; // printed text per leaf column
  /** Printed lines skipped above this row (blank rows of the printed table). */
  blankBefore: number;
}

export interface ParsedTable {
  kind: TableKind;
  title: string;
  unitLeft: string; // 编制部门：… / 编制单位：…
  unitRight: string; // 单位：元
  template: Template;
  rows: ParsedRow[];
  notes: string[];
}

export interface Paragraph {
  /** A section title (big print) or body text. */
  heading: boolean;
  text: string;
  /** Before the first section (cover and 目录). */
  front: boolean;
}

export interface ParsedDoc {
  tables: ParsedTable[];
  /** Text in document order; tableAt[i] = index into paragraphs before which table i was printed. */
  paragraphs: Paragraph[];
  tableAt: number[];
  year: number;
  unit: string;
}

const AMOUNT = /^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;
const CODE = /^\d{2,3}$/;

function kindOf(title: string): TableKind | null {
  if (/财务收支预算总表/.test(title)) return "T1";
  if (/财政拨款收支预算总表/.test(title)) return "T4";
  if (/收入预算总表/.test(title)) return "T2";
  if (/支出预算总表/.test(title)) return "T3";
  if (/一般公共预算支出功能分类预算表/.test(title)) return "T5";
  if (/政府性基金预算支出功能分类预算表/.test(title)) return "T6";
  if (/国有资本经营预算支出功能分类预算表/.test(title)) return "T7";
  if (/基本支出.*经济分类预算表/.test(title)) return "T8";
  if (/“三公”经费和机关运行经费预算表/.test(title)) return "T9";
  return null;
}

const L = (role: Role, anchor: RegExp, nth?: number): Leaf => ({ role, anchor, nth });
const H = (r: number, c: number, text: string, r2?: number, c2?: number): HeaderCell => ({ r, c, text, r2, c2 });

function pick(headerText: string, alternatives: string[]): string {
  return alternatives.find((a) => headerText.includes(a)) ?? alternatives[alternatives.length - 1];
}

function codeTable(group: string, amounts: [string, RegExp][], headerText: string): Template {
  const n = amounts.length;
  return {
    headerRows: 3,
    leaves: [L("code1", /^类$/), L("code2", /^款$/), L("code3", /^项$/), L("label", /科目名称$/), ...amounts.map(([, re]) => L("amount", re))],
    header: [
      H(0, 0, "项目", 0, 3),
      H(0, 4, group, 0, 3 + n),
      H(1, 0, "功能分类科目编码", 1, 2),
      H(1, 3, pick(headerText, ["功能分类科目名称"]), 2, 3),
      ...amounts.map(([t], i) => H(1, 4 + i, t, 2, 4 + i)),
      H(2, 0, "类"),
      H(2, 1, "款"),
      H(2, 2, "项"),
    ],
  };
}

function templateFor(kind: TableKind, headerText: string): Template {
  switch (kind) {
    case "T1":
      if (headerText.includes("人员经费"))
        return {
          headerRows: 4,
          leaves: [L("label", /^项目$/, 0), L("amount", /^预算数$/, 0), L("label", /^项目$/, 1), L("amount", /^合计$/), L("amount", /^人员经费$/), L("amount", /^公用经费$/), L("amount", /^项目支出$/)],
          header: [
            H(0, 0, "本年收入", 0, 1),
            H(0, 2, "本年支出", 0, 6),
            H(1, 0, "项目", 3, 0),
            H(1, 1, "预算数", 3, 1),
            H(1, 2, "项目", 3, 2),
            H(1, 3, "预算数", 1, 6),
            H(2, 3, "合计", 3, 3),
            H(2, 4, "基本支出", 2, 5),
            H(2, 6, "项目支出", 3, 6),
            H(3, 4, "人员经费"),
            H(3, 5, "公用经费"),
          ],
        };
      return {
        headerRows: 2,
        leaves: [L("label", /^项目$/, 0), L("amount", /^预算数$/, 0), L("label", /^项目$/, 1), L("amount", /^预算数$/, 1)],
        header: [H(0, 0, "本年收入", 0, 1), H(0, 2, "本年支出", 0, 3), H(1, 0, "项目"), H(1, 1, "预算数"), H(1, 2, "项目"), H(1, 3, "预算数")],
      };
    case "T2":
      return codeTable(
        "收入预算",
        [
          ["合计", /^合计$/],
          ["财政拨款收入", /^财政拨款收入$/],
          ["事业收入", /^事业收入$/],
          ["事业单位经营收入", /^事业单位/],
          ["其他收入", /^其他收入$/],
        ],
        headerText,
      );
    case "T3":
    case "T5":
    case "T6":
    case "T7": {
      const group = { T3: "支出预算", T5: "一般公共预算支出", T6: "政府性基金预算支出", T7: "国有资本经营预算支出" }[kind];
      return codeTable(
        group,
        [
          ["合计", /^合计$/],
          ["基本支出", /^基本支出$/],
          ["项目支出", /^项目支出$/],
        ],
        headerText,
      );
    }
    case "T4":
      return {
        headerRows: 2,
        leaves: [L("label", /^项目$/, 0), L("amount", /^预算数$/), L("label", /^项目$/, 1), L("amount", /^合计$/), L("amount", /^一般公共预算$/), L("amount", /^政府性基金预算$/), L("amount", /^国有资本经营预算$/)],
        header: [
          H(0, 0, "财政拨款收入", 0, 1),
          H(0, 2, "财政拨款支出", 0, 6),
          H(1, 0, "项目"),
          H(1, 1, "预算数"),
          H(1, 2, "项目"),
          H(1, 3, "合计"),
          H(1, 4, "一般公共预算"),
          H(1, 5, "政府性基金预算"),
          H(1, 6, "国有资本经营预算"),
        ],
      };
    case "T8":
      return {
        headerRows: 3,
        leaves: [L("code1", /^类$/), L("code2", /^款$/), L("label", /科目名称$/), L("amount", /^合计$/), L("amount", /^人员经费$/), L("amount", /^公用经费$/)],
        header: [
          H(0, 0, "项目", 0, 2),
          H(0, 3, "一般公共预算基本支出", 0, 5),
          H(1, 0, pick(headerText, ["部门预算经济分类科目编码", "经济分类科目编码"]), 1, 1),
          H(1, 2, pick(headerText, ["部门经济分类科目名称", "经济分类科目名称"]), 2, 2),
          H(1, 3, "合计", 2, 3),
          H(1, 4, "人员经费", 2, 4),
          H(1, 5, "公用经费", 2, 5),
          H(2, 0, "类"),
          H(2, 1, "款"),
        ],
      };
    case "T9":
      return {
        headerRows: 3,
        leaves: [L("amount", /^合计$/), L("amount", /^因公出国/), L("amount", /^公务接待费$/), L("amount", /^小计$/), L("amount", /^购置费$/), L("amount", /^运行费$/), L("amount", /^机关运行经费/)],
        header: [
          H(0, 0, "“三公”经费预算数", 0, 5),
          H(0, 6, "机关运行经费预算数", 2, 6),
          H(1, 0, "合计", 2, 0),
          H(1, 1, "因公出国(境)费", 2, 1),
          H(1, 2, "公务接待费", 2, 2),
          H(1, 3, "公务用车购置及运行费", 1, 5),
          H(2, 3, "小计"),
          H(2, 4, "购置费"),
          H(2, 5, "运行费"),
        ],
      };
  }
}

const center = (w: Word) => (w.x1 + w.x2) / 2;
const height = (l: Line) => Math.max(...l.words.map((w) => w.y2 - w.y1));

/** A printed line of a table that starts its data: codes, amounts, 一、…, 合计, 无. */
function isDataLine(l: Line): boolean {
  const first = l.words[0].text;
  return l.words.some((w) => AMOUNT.test(w.text) && w.text.length > 3) || CODE.test(first) || /^[一二三四五六七八九十]+、/.test(first) || /^合\s*计$/.test(l.text.trim()) || l.text.trim() === "无";
}

/** Group printed lines into table rows: a wrapped cell's lines lie closer together than rows do. */
function groupRows(lines: Line[]): Line[][] {
  const groups: Line[][] = [];
  for (const l of lines) {
    const g = groups[groups.length - 1];
    const last = g?.[g.length - 1];
    if (g && last.page === l.page && l.y - last.y < 13) g.push(l);
    else groups.push([l]);
  }
  return groups;
}

function parseTable(title: string, lines: Line[]): ParsedTable {
  const kind = kindOf(title);
  if (!kind) throw new Error(`unknown table: ${title}`);
  const unitLine = lines[0];
  if (!/^编制(部门|单位)/.test(unitLine.words[0].text)) throw new Error(`${title}: no 编制部门/编制单位 line`);
  const unitLeft = unitLine.words[0].text;
  const unitRight = joinWords(unitLine.words.slice(1));
  const firstPage = unitLine.page;
  let i = 1;
  const header: Line[] = [];
  while (i < lines.length && !isDataLine(lines[i]) && !/^注/.test(lines[i].text)) header.push(lines[i++]);
  const headerText = header.map((l) => l.words.map((w) => w.text).join("")).join("");
  const template = templateFor(kind, headerText);
  const hw = header.flatMap((l) => l.words).sort((a, b) => a.x1 - b.x1);
  const anchors = template.leaves.map((leaf) => {
    const found = hw.filter((w) => leaf.anchor.test(w.text));
    const w = found[leaf.nth ?? 0];
    if (!w) throw new Error(`${title}: header word ${leaf.anchor} not found in ${headerText}`);
    return w;
  });
  const codeCols = template.leaves.map((l, c) => (l.role.startsWith("code") ? c : -1)).filter((c) => c >= 0);
  const labelCols = template.leaves.map((l, c) => (l.role === "label" ? c : -1)).filter((c) => c >= 0);
  const numCols = template.leaves.map((l, c) => (l.role === "amount" || l.role.startsWith("code") ? c : -1)).filter((c) => c >= 0);
  const codeEnd = codeCols.length ? Math.max(...codeCols.map((c) => anchors[c].x2)) + 8 : -Infinity;
  const nearest = (x: number, cols: number[]) => cols.reduce((best, c) => (Math.abs(center(anchors[c]) - x) < Math.abs(center(anchors[best]) - x) ? c : best), cols[0]);

  const body: Line[] = [];
  const notes: string[] = [];
  let page = firstPage;
  let skipping = false;
  for (; i < lines.length; i++) {
    const l = lines[i];
    if (/^注/.test(l.text)) {
      notes.push(l.text.replace(/\s+/g, ""));
      continue;
    }
    if (l.page !== page) {
      page = l.page;
      skipping = !isDataLine(l); // the header printed again on the new page
    }
    if (skipping) {
      if (!isDataLine(l)) continue;
      skipping = false;
    }
    body.push(l);
  }
  const rows: ParsedRow[] = [];
  const groups = groupRows(body);
  const pitches: number[] = [];
  for (let g = 1; g < groups.length; g++) if (groups[g][0].page === groups[g - 1][0].page) pitches.push(groups[g][0].y - groups[g - 1][groups[g - 1].length - 1].y);
  pitches.sort((a, b) => a - b);
  const pitch = pitches.length ? pitches[Math.floor(pitches.length / 2)] : 24;
  groups.forEach((g, gi) => {
    const per: Word[][] = template.leaves.map(() => []);
    for (const l of g)
      for (const w of l.words) {
        let c: number;
        if (AMOUNT.test(w.text) || (CODE.test(w.text) && center(w) < codeEnd)) c = nearest(center(w), numCols);
        else if (center(w) < codeEnd && codeCols.length) c = nearest(center(w), codeCols);
        else if (labelCols.length) c = nearest(center(w), labelCols);
        else throw new Error(`${title}: word "${w.text}" in a table without label columns`);
        per[c].push(w);
      }
    const cells = per.map((ws) => (ws.length ? joinWords(ws.sort((a, b) => a.y1 - b.y1 || a.x1 - b.x1)).replace(/\s+/g, (s, off, str) => (/[\u4e00-\u9fff（）()]/.test(str[off - 1] ?? "") ? "" : " ")) : undefined));
    let blankBefore = 0;
    if (gi > 0 && g[0].page === groups[gi - 1][0].page) blankBefore = Math.max(0, Math.round((g[0].y - groups[gi - 1][groups[gi - 1].length - 1].y) / pitch) - 1);
    rows.push({ cells, blankBefore });
  });
  return { kind, title, unitLeft, unitRight, template, rows, notes };
}

export function parseDoc(words: Word[]): ParsedDoc {
  const lines = toLines(words);
  const tables: ParsedTable[] = [];
  const paragraphs: Paragraph[] = [];
  const tableAt: number[] = [];
  // Sections start at a big-print line (on page 2 on: the cover and 目录 come first).
  // A table title printed smaller (a page scaled down to fit) is still a title: 20XX年…表 over an 编制部门 line.
  const isTitle = (i: number) => /^\d{4}年.*表$/.test(lines[i].text) && /^编制(部门|单位)/.test(lines[i + 1]?.words[0].text ?? "");
  const bigSet = new Set(lines.map((l, i) => (height(l) > 15 || isTitle(i) ? l : null)).filter((l): l is Line => l !== null));
  const big = (l: Line) => bigSet.has(l);
  const firstSection = lines.findIndex((l) => l.page >= 2 && big(l));
  const rightMargin = Math.max(...lines.map((l) => l.words[l.words.length - 1].x2));
  let k = 0;
  const addText = (ls: Line[], front: boolean) => {
    for (const l of ls) {
      if (big(l)) {
        paragraphs.push({ heading: true, text: l.text, front });
        continue;
      }
      const prev = paragraphs[paragraphs.length - 1];
      const prevLine = ls[ls.indexOf(l) - 1];
      // A line continues the paragraph above unless it opens a list item, is indented, or the line above ended a sentence short of the margin.
      const enumerated = /^(（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、|\d+\s*[、.．]|\(\d+\)|（\d+）)/.test(l.text);
      const left = Math.min(...ls.filter((x) => x.page === l.page && !big(x)).map((x) => x.words[0].x1));
      const indented = l.words[0].x1 > left + 12;
      const prevEnd = prevLine?.words[prevLine.words.length - 1];
      const prevEnded = !!prevEnd && /[。：:；;！？]$/.test(prevLine.text) && prevEnd.x2 < rightMargin - 30;
      const continues = !front && prev && !prev.heading && prevLine && !big(prevLine) && !enumerated && !indented && !prevEnded;
      if (continues) prev.text += l.text;
      else paragraphs.push({ heading: false, text: l.text, front });
    }
  };
  addText(lines.slice(0, firstSection), true);
  k = firstSection;
  while (k < lines.length) {
    let e = k + 1;
    while (e < lines.length && !big(lines[e])) e++;
    const title = lines[k].text;
    const next = lines[k + 1];
    if (next && /^编制(部门|单位)/.test(next.words[0].text)) {
      tableAt.push(paragraphs.length);
      tables.push(parseTable(title, lines.slice(k + 1, e)));
    } else addText(lines.slice(k, e), false);
    k = e;
  }
  const t = tables[0];
  const year = Number(/(\d{4})年/.exec(t.title)?.[1]);
  const unit = t.unitLeft.replace(/^编制(部门|单位)[：:]/, "");
  return { tables, paragraphs, tableAt, year, unit };
}
