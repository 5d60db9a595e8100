/**
 * 占比 columns in tables (绩效目标表's 单位总体资金情况, tables with a 占比 / 比重 column): under
 * each such header, the lines with an amount and a percentage, grouped up to each 合计 line.
 * Recognition reads the cells; the percent rule judges the facts.
 */
import { isCellError, type Sheet, type Workbook } from "../model";
import { labelKey } from "../text";
import type { Paragraph, RecognizedTable } from "./types";

export interface PrintedNumber {
  value: number;
  decimals: number;
  c: number;
}

export interface ShareColumnGroup {
  sheet: string;
  /** The 占比 header cell. */
  header: { r: number; c: number };
  /** The lines above the 合计 line: each line's amount and its stated percentage (in percent: 63.14). */
  lines: { r: number; amount: PrintedNumber; pct: PrintedNumber }[];
  /** The 合计 line and its amount. */
  total: { r: number; amount: PrintedNumber };
}

const SHARE_HEADER = /^(占比|比重|所占比例|占比（%）|占比\(%\))$/;

function cellNumber(sheet: Sheet, r: number, c: number): { value: number; decimals: number; percent: boolean } | null {
  const cell = sheet.rows[r]?.[c];
  if (!cell || cell.value === null || isCellError(cell.value)) return null;
  if (typeof cell.value === "number") {
    const pct = !!cell.numFmt && cell.numFmt.includes("%");
    const dm = /\.(0+)/.exec(cell.numFmt ?? "");
    return { value: pct ? cell.value * 100 : cell.value, decimals: dm ? dm[1].length : pct ? 0 : 2, percent: pct };
  }
  if (typeof cell.value === "string") {
    const m = /^\s*(-?\d+(?:\.(\d+))?)\s*(%|％)?\s*$/.exec(cell.value.replace(/,/g, ""));
    if (!m) return null;
    return { value: Number(m[1]), decimals: m[2]?.length ?? 0, percent: !!m[3] };
  }
  return null;
}

/** Every 占比 group of the workbook's sheets that hold tables (sheets of running text are left out). */
export function readShareColumns(wb: Workbook, tables: RecognizedTable[], paragraphs: Paragraph[]): ShareColumnGroup[] {
  const out: ShareColumnGroup[] = [];
  const textSheets = new Set(paragraphs.map((p) => p.sheet));
  for (const sheet of wb.sheets) {
    if (textSheets.has(sheet.name) && !tables.some((t) => t.sheet === sheet.name)) continue;
    sheet.rows.forEach((row, hr) => {
      row?.forEach((cell, hc) => {
        if (!cell || typeof cell.value !== "string" || !SHARE_HEADER.test(labelKey(cell.value))) return;
        let lines: ShareColumnGroup["lines"] = [];
        for (let r = hr + 1; r < Math.min(sheet.rows.length, hr + 60); r++) {
          const line = sheet.rows[r];
          if (!line) continue;
          const pct = cellNumber(sheet, r, hc);
          const pctCell = pct?.percent ? hc : [hc - 1, hc + 1].find((c) => cellNumber(sheet, r, c)?.percent);
          const p = pctCell !== undefined ? cellNumber(sheet, r, pctCell) : null;
          let amount: PrintedNumber | undefined;
          if (p && pctCell !== undefined) {
            for (let c = pctCell - 1; c >= 0; c--) {
              const n = cellNumber(sheet, r, c);
              if (n && !n.percent) {
                amount = { value: n.value, decimals: n.decimals, c };
                break;
              }
            }
          }
          if (line.some((x) => x && typeof x.value === "string" && /^合计$/.test(labelKey(x.value)))) {
            if (amount) out.push({ sheet: sheet.name, header: { r: hr, c: hc }, lines, total: { r, amount } });
            lines = [];
            continue;
          }
          if (p && amount && pctCell !== undefined) lines.push({ r, amount, pct: { value: p.value, decimals: p.decimals, c: pctCell } });
        }
      });
    });
  }
  return out;
}
