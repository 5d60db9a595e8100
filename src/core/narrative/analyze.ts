/**
 * The explanatory text of a workbook, analysed once per check run: the engine builds it into
 * the rule context (ctx.narrative) and every text rule (percent, narrative, names, completeness)
 * reads that one analysis — paragraphs, figures, claims, the budget year, the subject matcher of
 * the catalog edition in use, and the indexes the rules look things up in. No module-level cache.
 */
import { builtinCatalog, type Catalog } from "../catalog";
import type { CatalogKind } from "../catalog/types";
import type { Workbook } from "../model";
import type { Paragraph, WorkbookFacts } from "../recognize/types";
import { buildParagraphs, cellAt, type NarrativeParagraph } from "./paragraphs";
import { parseParagraph, type Figure, type ParsedParagraph } from "./parse";
import { subjectMatcher, targetFigures, type SubjectMatcher, type TableFigure, type Target } from "./targets";

export interface NarrativeAnalysis {
  paras: ParsedParagraph[];
  /** Budget year the text is about (the workbook's, else the most frequent year in headings). */
  year?: number;
  /** Subjects → table targets, for the catalog edition of `year`. */
  matcher: SubjectMatcher;
  /** The targets a figure's subject names, in its domain context (remembered per figure). */
  targetsOf(i: number, f: Figure): Target[];
  /** 功能分类 / 经济分类 context at a position: the nearest earlier mention in the paragraph or its level-2 section. */
  domainAt(i: number, pos: number): CatalogKind | undefined;
  /** Index of the first paragraph of paragraph i's section at `level` (the run of paragraphs sharing its heading). */
  sectionStart(i: number, level: number): number;
  /** The table figures a target stands for (remembered per target). */
  tableFigures(t: Target): TableFigure[];
}

export interface AnalyzeOptions {
  catalog?: Catalog;
  /** The budget year when the caller knows it (else the workbook's, else the text's). */
  year?: number;
}

/**
 * The text cells to read, sheets in workbook order: on a sheet holding text every text cell in
 * reading order outside the recognised tables — headings included, which give the paragraphs
 * their sections, and short continuation lines ("万元。") a line broken inside a figure needs.
 */
export function collectParagraphs(facts: WorkbookFacts, wb?: Workbook): Paragraph[] {
  if (!wb) return facts.paragraphs;
  // Recognition reads the text cells (the only reader of raw cells); the fallback is for facts made without it.
  if (facts.textLines) return facts.textLines;
  const textSheets = new Set(facts.paragraphs.map((p) => p.sheet));
  const out: Paragraph[] = [];
  for (const sheet of wb.sheets) {
    if (!textSheets.has(sheet.name)) continue;
    const covered = facts.tables.filter((t) => t.sheet === sheet.name).map((t) => t.range ?? { r1: t.titleCell.r, r2: t.titleCell.r });
    sheet.rows.forEach((row, r) => {
      if (!row || covered.some((g) => r >= g.r1 && r <= g.r2)) return;
      row.forEach((cell, c) => {
        if (cell && typeof cell.value === "string" && cell.value.trim()) out.push({ sheet: sheet.name, r, c, text: cell.value });
      });
    });
  }
  return out;
}

/** "2025年部门预算" — not "比2024年预算" / "与2024年预算持平" (a comparison names last year). */
const YEAR_RE = /(?<![比较与同上至])(20\d{2})\s*年(度)?\s*(部门|单位)?(预算|收支|收入|支出)(?!执行)/g;

export function analyzeNarrative(facts: WorkbookFacts, wb?: Workbook, opts: AnalyzeOptions = {}): NarrativeAnalysis {
  const paras = buildParagraphs(collectParagraphs(facts, wb))
    .filter((p) => !p.toc) // a contents list is neither headings nor claims
    .map((p) => parseParagraph(p, { amountUnit: facts.amountUnit }));
  // The tables' year when they print one; else the text's own (the headings' year, not the comparisons').
  let year = opts.year ?? (facts.tables.some((t) => t.year) ? facts.year : undefined);
  if (!year) {
    const counts = new Map<number, number>();
    // Headings weigh more than body text.
    for (const p of paras) for (const m of p.norm.matchAll(YEAR_RE)) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + (p.para.heading || p.norm.length < 40 ? 3 : 1));
    year = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? facts.year;
  }
  const matcher = subjectMatcher(opts.catalog ?? builtinCatalog(), year ?? new Date().getFullYear());
  // Section runs: for each level, where the run of paragraphs sharing paragraph i's heading starts.
  const starts: Int32Array[] = [0, 1, 2, 3].map((level) => {
    const a = new Int32Array(paras.length);
    for (let i = 0; i < paras.length; i++) a[i] = i > 0 && paras[i - 1].para.sectionIds[level] === paras[i].para.sectionIds[level] ? a[i - 1] : i;
    return a;
  });
  // Domain mentions (经济分类 / 功能分类) per paragraph, in order, and the last one of each paragraph.
  const mentions: { pos: number; kind: CatalogKind }[][] = paras.map((p) => [...p.norm.matchAll(/经济分类|功能分类/g)].map((m) => ({ pos: m.index ?? 0, kind: m[0] === "经济分类" ? ("econ-dept" as const) : ("function" as const) })));
  const lastOf: (CatalogKind | undefined)[] = new Array(paras.length);
  // The context a paragraph inherits: the last mention of an earlier paragraph of its level-2 section.
  const inherited: (CatalogKind | undefined)[] = new Array(paras.length);
  for (let i = 0; i < paras.length; i++) {
    const ms = mentions[i];
    lastOf[i] = ms.length ? ms[ms.length - 1].kind : undefined;
    inherited[i] = i > starts[2][i] ? lastOf[i - 1] ?? inherited[i - 1] : undefined;
  }
  const domainAt = (i: number, pos: number): CatalogKind | undefined => {
    const ms = mentions[i];
    let lo = 0;
    let hi = ms.length; // first mention at or after pos
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ms[mid].pos < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 ? ms[lo - 1].kind : inherited[i];
  };
  const memo = new Map<string, Target[]>();
  const targetsOf = (i: number, f: Figure): Target[] => {
    const context = f.chain ? "function" : domainAt(i, f.start);
    const key = `${context ?? ""}\u0000${f.subject}\u0000${f.chain && f.chain.length > 1 ? f.chain[0].name : ""}`;
    const hit = memo.get(key);
    if (hit) return hit;
    let ts = matcher.match(f.subject, context);
    if (f.chain && f.chain.length > 1) {
      const top = matcher.match(f.chain[0].name, "function").flatMap((t) => t.codes ?? []);
      if (top.length) ts = ts.filter((t) => !t.codes || t.codes.some((c) => top.some((p) => c.startsWith(p))));
    }
    memo.set(key, ts);
    return ts;
  };
  const byTarget = new Map<string, TableFigure[]>();
  const tableFigures = (t: Target): TableFigure[] => {
    let hit = byTarget.get(t.id);
    if (!hit) byTarget.set(t.id, (hit = targetFigures(facts, t)));
    return hit;
  };
  return { paras, year, matcher, targetsOf, domainAt, sectionStart: (i, level) => starts[level][i], tableFigures };
}

/** The one analysis of a check run: the engine's (ctx.narrative), else built now and kept on the context. */
export function narrativeOf(ctx: { facts: WorkbookFacts; wb?: Workbook; narrative?: NarrativeAnalysis; options?: { catalog?: Catalog } }): NarrativeAnalysis {
  if (!ctx.narrative) ctx.narrative = analyzeNarrative(ctx.facts, ctx.wb, { catalog: ctx.options?.catalog });
  return ctx.narrative;
}

/** Where a figure is: sheet and A1 cell of the text cell holding it. */
export function figureCell(para: NarrativeParagraph, f: Figure): { sheet: string; cell: string } {
  return cellAt(para, f.start);
}

/** A short quote of the text around a figure, for messages. */
export function quote(p: ParsedParagraph, start: number, end: number): string {
  const sent = p.sentences[p.sentenceOf ? p.sentenceOf(start) : 0] ?? { start: 0, end: p.norm.length };
  let a = Math.max(sent.start, start - 24);
  const b = Math.min(sent.end, end + 12);
  const prevBreak = p.para.text.slice(a, start).search(/[，,；;：:](?=[^，,；;：:]*$)/);
  if (prevBreak >= 0 && start - (a + prevBreak) > 3) a = a + prevBreak + 1;
  return p.para.text.slice(a, b).trim();
}

/** The paragraphs of the same section (level 1: 一、…) as paragraph i, before it, nearest first. */
export function sectionBefore(paras: ParsedParagraph[], i: number, level = 1): ParsedParagraph[] {
  const id = paras[i].para.sectionIds[level];
  const out: ParsedParagraph[] = [];
  for (let k = i - 1; k >= 0; k--) {
    const p = paras[k];
    if (p.para.sectionIds[level] !== id) break;
    out.push(p);
  }
  return out;
}
