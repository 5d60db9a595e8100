/**
 * The explanatory text of a workbook, parsed once per check run and shared by the
 * text rules (percent, narrative, names, completeness).
 */
import type { Workbook } from "../model";
import type { Paragraph, WorkbookFacts } from "../recognize/types";
import { buildParagraphs, cellAt, type NarrativeParagraph } from "./paragraphs";
import { parseParagraph, type Figure, type ParsedParagraph } from "./parse";

export interface NarrativeAnalysis {
  paras: ParsedParagraph[];
  /** Budget year the text is about (the workbook's, else the most frequent year in headings). */
  year?: number;
}

const cache = new WeakMap<WorkbookFacts, NarrativeAnalysis>();

/**
 * The text cells to read: on a sheet of text (no table on it) every text cell in reading order —
 * headings included, which give the paragraphs their sections; on table sheets the paragraphs
 * recognition found. Sheets in workbook order.
 */
export function collectParagraphs(facts: WorkbookFacts, wb?: Workbook): Paragraph[] {
  if (!wb) return facts.paragraphs;
  if (facts.textLines) return facts.textLines;
  const tableSheets = new Set(facts.tables.map((t) => t.sheet));
  const textSheets = new Set(facts.paragraphs.map((p) => p.sheet));
  const out: Paragraph[] = [];
  for (const sheet of wb.sheets) {
    if (tableSheets.has(sheet.name) || !textSheets.has(sheet.name)) {
      out.push(...facts.paragraphs.filter((p) => p.sheet === sheet.name));
      continue;
    }
    sheet.rows.forEach((row, r) =>
      row?.forEach((cell, c) => {
        if (cell && typeof cell.value === "string" && cell.value.trim()) out.push({ sheet: sheet.name, r, c, text: cell.value });
      }),
    );
  }
  return out;
}

export function analyzeNarrative(facts: WorkbookFacts, wb?: Workbook): NarrativeAnalysis {
  const hit = cache.get(facts);
  if (hit) return hit;
  const paras = buildParagraphs(collectParagraphs(facts, wb)).map((p) => parseParagraph(p, { amountUnit: facts.amountUnit }));
  let year = facts.year;
  if (!year) {
    const counts = new Map<number, number>();
    for (const p of paras) for (const m of p.norm.matchAll(/(20\d{2})\s*年(度)?\s*(部门|单位)?(预算|收支|收入|支出)/g)) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
    year = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  }
  const res = { paras, year };
  cache.set(facts, res);
  return res;
}

/** Where a figure is: sheet and A1 cell of the text cell holding it. */
export function figureCell(para: NarrativeParagraph, f: Figure): { sheet: string; cell: string } {
  return cellAt(para, f.start);
}

/** A short quote of the text around a figure, for messages. */
export function quote(p: ParsedParagraph, start: number, end: number): string {
  const sent = p.sentences.find((s) => start >= s.start && start < s.end) ?? { start: 0, end: p.norm.length };
  let a = Math.max(sent.start, start - 24);
  const b = Math.min(sent.end, end + 12);
  const prevBreak = p.para.text.slice(a, start).search(/[，,；;：:](?=[^，,；;：:]*$)/);
  if (prevBreak >= 0 && start - (a + prevBreak) > 3) a = a + prevBreak + 1;
  return p.para.text.slice(a, b).trim();
}

/** The paragraphs of the same level-1 section (一、…) as paragraph i, before it. */
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
