/**
 * A draft as text, as a 情况说明 sheet (one paragraph a row, text cells only, never a
 * formula), and as a list of where each figure comes from.
 */
import { newSheet, setCell, type Sheet } from "../model";
import type { Draft, DraftFigure, DraftParagraph } from "./types";

export function paragraphText(p: DraftParagraph): string {
  return p.runs.map((r) => (typeof r === "string" ? r : "figure" in r ? r.figure.text : r.placeholder)).join("");
}

/** The paragraphs of the draft in order, title first. */
export function draftLines(d: Draft): { text: string; heading: boolean }[] {
  const out = [{ text: d.title, heading: true }];
  for (const s of d.sections) for (const p of s.paragraphs) out.push({ text: paragraphText(p), heading: !!p.heading });
  return out;
}

export function renderText(d: Draft): string {
  return draftLines(d)
    .map((l) => l.text)
    .join("\n") + "\n";
}

/** The notes a reader needs next to the text: conventions and the sections left out. */
export function renderNotes(d: Draft): string {
  const lines = ["说明：", ...d.conventions.map((c) => `- ${c}`)];
  if (d.omitted.length) {
    lines.push("未写的部分：");
    for (const o of d.omitted) lines.push(`- ${o.title}：${o.reason}`);
  }
  return lines.join("\n") + "\n";
}

/** Every figure with its cells: "一、… ¶2  641.15 万元 ← 部门收支总表!B34（收入总计 / income.amount）". */
export function renderTrace(d: Draft): string {
  const out: string[] = [];
  for (const s of d.sections) {
    s.paragraphs.forEach((p, i) => {
      for (const r of p.runs) {
        if (typeof r === "string" || !("figure" in r)) continue;
        out.push(`${s.title} ¶${i}  ${figureLabel(r.figure)} ← ${r.figure.sources.map((x) => `${x.workbook === "previous" ? "上年 " : ""}${x.sheet}!${x.cell}（${x.row} / ${x.column}）`).join(" ")}${r.figure.how ? `  [${r.figure.how}]` : ""}`);
      }
    });
  }
  return out.join("\n") + "\n";
}

function figureLabel(f: DraftFigure): string {
  return `${f.text}${f.unit === "%" ? "%" : " " + f.unit}`;
}

/** The draft as a sheet: title and paragraphs in column A, one a row, as text. */
export function draftSheet(d: Draft, name: string): Sheet {
  const sheet = newSheet(name);
  draftLines(d).forEach((l, r) => setCell(sheet, r, 0, { value: l.text, numFmt: "@", style: l.heading ? { bold: true, wrap: true } : { wrap: true } }));
  sheet.colWidths = [100];
  return sheet;
}
