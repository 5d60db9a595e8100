/**
 * The “三公” table with the years as rows: some units print one row per year instead of one per
 * table — "2024年预算数 | 2025年预算数 | 增减额 | 增减率" (or 上年预算数 / 本年预算数 / 增减) down the
 * side, the items (合计, 因公出国（境）费, 公务用车购置及运行费 …) across. Read as it stands, the
 * table's first data row — last year's — would be taken for this year's figures, by the relations
 * between tables, the text and the draft alike.
 *
 * This folds such a table into the standard view: the row of this year stays the table's row; the
 * rows of last year, of the change and of the change in percent become that row's year cells
 * (RecognizedRow.yearAmounts, with a YearColumn per cell), as last year's columns are read — so the
 * year-columns rule checks 增减 = 本年 − 上年 and the rate, and the year-over-year rule and the draft
 * take last year's figures from them. Every figure keeps its own cell.
 */
import type { Sheet } from "../model";
import type { AmountCell, RecognizedRow, RecognizedTable } from "./types";
import { classifyYearHeader, readPercent, settleYear, yearKey, type YearColumn, type YearRole } from "./yearColumns";

/** Fold `t` in place when its data rows are years; returns whether it did. */
export function foldYearRows(sheet: Sheet, t: RecognizedTable): boolean {
  if (t.spec.layout !== "single-row" || t.yearColumns?.length) return false;
  // the rows with figures, and a rate row whose "−54.05%" cells were not read as amounts
  const data = t.rows.filter((r) => Object.keys(r.amounts).length > 0 || classifyYearHeader(r.label)?.role === "change-pct");
  if (data.length < 2) return false;
  const classes = data.map((r) => classifyYearHeader(r.label));
  if (classes.some((c) => !c)) return false;
  // Years named in the labels are settled against the table's year, else the latest one named is this year's.
  const named = classes.flatMap((c) => (c!.year ? [c!.year] : []));
  const year = t.year ?? (named.length ? Math.max(...named) : undefined);
  const settled = classes.map((c) => settleYear(c, year));
  if (settled.some((c) => !c)) return false;
  const current = data.filter((_, i) => settled[i]!.role === "current");
  if (current.length !== 1 || !settled.some((c) => c!.role !== "current")) return false;
  const row = current[0];
  const yearAmounts: Record<string, AmountCell> = {};
  const yearColumns: YearColumn[] = [];
  const amountCols = t.columns.filter((c) => c.spec.role === "amount");
  const fold = new Set<RecognizedRow>();
  data.forEach((r, i) => {
    const cls = settled[i]!;
    if (r === row) return;
    const role = cls.role as YearRole;
    fold.add(r);
    for (const col of amountCols) {
      const cell = role === "change-pct" ? readPercent(sheet, r.r, col.c) : r.amounts[col.key];
      if (!cell) continue;
      yearAmounts[yearKey(role, col.key)] = cell;
      const y: YearColumn = { c: col.c, header: r.label, role, current: col.key };
      if (cls.year) y.year = cls.year;
      if (role === "prior") y.basis = cls.basis ?? "budget";
      yearColumns.push(y);
    }
  });
  if (!yearColumns.length) return false;
  row.yearAmounts = yearAmounts;
  t.yearColumns = yearColumns;
  t.yearRows = true;
  t.rows = t.rows.filter((r) => !fold.has(r));
  // A rate row's "−20%" is a percentage, not an amount written as text.
  const pctRows = new Set(data.filter((r, i) => fold.has(r) && settled[i]!.role === "change-pct").map((r) => r.r));
  t.issues = t.issues.filter((i) => !pctRows.has(i.r));
  return true;
}
