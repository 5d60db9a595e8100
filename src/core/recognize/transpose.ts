/**
 * Some units lay the “三公” table out with the items as rows and the budget kinds as
 * columns (忻州: rows 因公出国（境）费 / 公务接待费 / 公务用车购置及运行费 / ①公务用车购置费 /
 * ②公务用车运行维护费 / 合计; columns 合计 / 一般公共预算 / 政府性基金预算 / 国有资本经营预算).
 * This turns such a table into the standard view — one row per budget-kind column, one
 * column key per item — keeping every amount's own cell, so the spec's relations
 * (合计 = 出国 + 车 + 接待, 车 = 购置 + 运行) are checked and findings point at real cells.
 */
import { getCell, type Sheet } from "../model";
import type { ColumnSpec } from "../specs/types";
import { labelKey } from "../text";
import { readAmount } from "./amounts";
import type { AmountCell, RecognizedColumn, RecognizedRow, RecognizedTable } from "./types";
import { classifyYearHeader, readPercent, yearKey, type YearRole } from "./yearColumns";

/** A value column of last year, of the change or of its percent ("2023年预算数" in a 2024 table, 增减额, 增减%). */
function yearRoleOf(header: string, year: number | undefined): YearRole | undefined {
  const k = classifyYearHeader(header);
  if (!k) return undefined;
  if (k.role !== "current") return k.role;
  return k.year !== undefined && year !== undefined && k.year === year - 1 ? "prior" : undefined;
}

const MARKERS = /^[①②③④⑤⑥⑦⑧⑨⑩(（]?[0-9一二三四五六七八九十]*[)）.、]?/;

function names(col: ColumnSpec): string[] {
  const out = [col.header, ...(col.aliases ?? [])];
  const g = col.group?.[col.group.length - 1];
  if (g && col.header === "小计") out.push(g);
  return out.map((n) => labelKey(n));
}

function itemOf(text: string, cols: ColumnSpec[]): ColumnSpec | undefined {
  const k = labelKey(text.replace(MARKERS, ""));
  if (!k) return undefined;
  return cols.find((c) => names(c).includes(k)) ?? (/^合计$|^总计$/.test(k) ? cols.find((c) => c.key === "total") : undefined);
}

/** Transpose `t` in place when its rows are the items; returns whether it did. */
export function transposeItemRows(sheet: Sheet, t: RecognizedTable): boolean {
  if (t.spec.id !== "T7" || !t.range) return false;
  const cols = t.spec.columns.filter((c) => c.role === "amount");
  // Items down a label column just under the header.
  const items: { r: number; c: number; spec: ColumnSpec }[] = [];
  let labelCol = -1;
  for (let r = t.headerRows.r2 + 1; r <= t.range.r2; r++) {
    for (let c = 0; c < 3; c++) {
      const v = getCell(sheet, r, c)?.value;
      if (typeof v !== "string") continue;
      const spec = itemOf(v, cols);
      if (spec && (labelCol < 0 || c === labelCol)) {
        labelCol = c;
        if (!items.some((i) => i.spec.key === spec.key)) items.push({ r, c, spec });
        break;
      }
    }
  }
  if (items.length < 3 || labelCol < 0) return false;
  // Value columns: header cells right of the label column.
  const valueCols: { c: number; header: string }[] = [];
  const maxC = Math.max(...[...Array(t.range.r2 - t.range.r1 + 1).keys()].map((i) => (sheet.rows[t.range!.r1 + i]?.length ?? 0)));
  for (let c = labelCol + 1; c < maxC; c++) {
    let header = "";
    for (let r = t.headerRows.r2; r >= t.headerRows.r1 && !header; r--) {
      const v = getCell(sheet, r, c)?.value;
      if (typeof v === "string" && v.trim()) header = v.trim();
    }
    if (header) valueCols.push({ c, header });
  }
  if (!valueCols.length) return false;
  // Last year's, change and change-% columns are no budget kind: they go with the column left of them.
  const yearCols: { c: number; header: string; role: YearRole; current: number }[] = [];
  const kinds = valueCols.filter((v) => {
    const role = yearRoleOf(v.header, t.year);
    if (role) yearCols.push({ ...v, role, current: -1 });
    return !role;
  });
  if (!kinds.length) return false;
  for (const y of yearCols) y.current = [...kinds].reverse().find((k) => k.c < y.c)?.c ?? kinds[0].c;
  const rows: RecognizedRow[] = kinds.map(({ c, header }, i) => {
    const amounts: RecognizedRow["amounts"] = {};
    for (const it of items) {
      const read = readAmount(getCell(sheet, it.r, c), it.r, c);
      if (read.kind === "amount") amounts[it.spec.key] = read.cell;
    }
    const yearAmounts: Record<string, AmountCell> = {};
    for (const y of yearCols.filter((x) => x.current === c))
      for (const it of items) {
        const read = y.role === "change-pct" ? readPercent(sheet, it.r, y.c) : ((x) => (x.kind === "amount" ? x.cell : undefined))(readAmount(getCell(sheet, it.r, y.c), it.r, y.c));
        if (read) yearAmounts[yearKey(y.role, it.spec.key)] = read;
      }
    const row: RecognizedRow = { r: t.headerRows.r2, kind: i === 0 && /合计|总计/.test(header) ? "total" : "detail", label: header, labelCell: { r: t.headerRows.r2, c }, amounts };
    if (Object.keys(yearAmounts).length) row.yearAmounts = yearAmounts;
    return row;
  });
  if (yearCols.length) t.yearColumns = items.flatMap((it) => yearCols.map((y) => ({ c: y.c, header: y.header, role: y.role, current: it.spec.key })));
  const columns: RecognizedColumn[] = items.map((it) => ({ key: it.spec.key, c: it.c, header: getCell(sheet, it.r, it.c)?.value as string, spec: it.spec }));
  t.rows = rows;
  t.columns = columns;
  t.missingColumns = cols.filter((c) => !c.optional && !items.some((i) => i.spec.key === c.key)).map((c) => c.key);
  t.issues = t.issues.filter((i) => i.kind !== "missing-column" && i.kind !== "unmapped-column");
  t.empty = !rows.some((row) => Object.values(row.amounts).some((a) => a.value !== null && a.value !== 0));
  return true;
}
