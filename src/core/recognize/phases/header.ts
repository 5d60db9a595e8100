/**
 * Phase 2 — header rows and column roles: the header block under the unit lines
 * (栏次 rows skipped, merged multi-row headers read through their master cells), each
 * column's header path, and the spec column it is (two-sided tables split into sides).
 */
import type { Sheet } from "../../model";
import type { TableSpec } from "../../specs/types";
import { firstHeaderCol, isColumnNumberRow, isDataRow, isNoteRow, rowCells, strOf } from "../cells";
import { headerKey, headerPaths, mapColumns, requiredColumns } from "../columns";
import type { Region } from "../regions";
import type { RecognizedColumn, RecognizedTable } from "../types";
import type { UnitLines } from "./units";
import { pairYearColumns, splitYearPaths, type YearColumn } from "../yearColumns";

export interface HeaderFacts {
  headerStart: number;
  headerEnd: number;
  /** 栏次 rows inside the header block. */
  skip: Set<number>;
  hasHeader: boolean;
  c1: number;
  c2: number;
  columns: RecognizedColumn[];
  missing: { key: string; header: string }[];
  /** Last year's, change and change-% columns, each with the current column it goes with. */
  yearColumns: YearColumn[];
  /** Headers name a year the table's own year cannot settle (see yearColumns.ts UNSETTLED). */
  yearUnsettled?: boolean;
}

export function readHeader(sheet: Sheet, reg: Region, h: number, units: UnitLines, issues: RecognizedTable["issues"]): HeaderFacts {
  const spec: TableSpec = reg.spec;
  const headerStart = h;
  let headerEnd = h - 1;
  const skip = new Set<number>();
  // Up to three header rows, a 栏次 row and a group row or two above them.
  for (let r = h; r <= reg.end && r < h + 7; r++) {
    const cells = rowCells(sheet, r);
    if (cells.length === 0) {
      if (headerEnd >= headerStart) break;
      continue;
    }
    if (isColumnNumberRow(cells)) {
      skip.add(r);
      headerEnd = r;
      continue;
    }
    if (isDataRow(cells) || isNoteRow(cells)) break;
    if (cells.some(({ cell }) => strOf(cell).length > 60)) break;
    // A lone label in the first column under a header block is a row label (an empty table's 项目 rows).
    // (Not a group header merged across columns: "预算数" over every amount column.)
    if (headerEnd >= headerStart && cells.length === 1 && cells[0].c <= firstHeaderCol(sheet, headerStart, headerEnd) && r - headerStart >= 1 && !sheet.merges.some((m) => m.r1 === r && m.c1 === cells[0].c && m.c2 > m.c1)) break;
    if (reg.foundBy === "title") units.read(r);
    headerEnd = r;
  }
  const hasHeader = headerEnd >= headerStart;

  // Column span: header cells and merges, widened by data cells below.
  let c1 = Infinity;
  let c2 = -1;
  for (let r = headerStart; r <= headerEnd; r++) {
    for (const { c } of rowCells(sheet, r)) {
      c1 = Math.min(c1, c);
      c2 = Math.max(c2, c);
    }
    for (const m of sheet.merges) {
      if (m.r1 <= r && m.r2 >= r) {
        c1 = Math.min(c1, m.c1);
        c2 = Math.max(c2, m.c2);
      }
    }
  }

  const columns: RecognizedColumn[] = [];
  let yearColumns: YearColumn[] = [];
  let yearUnsettled = false;
  if (hasHeader && c2 >= 0) {
    const printed = headerPaths(sheet, headerStart, headerEnd, c1, c2, skip);
    // Last year's columns are no spec column: taken out before mapping, paired after (forms have none).
    const split = spec.layout === "form" ? { paths: printed, found: [] } : splitYearPaths(printed, units.year ?? reg.titleYear, !!spec.sides);
    const paths = split.paths;
    if ("unsettled" in split && split.unsettled) yearUnsettled = true;
    const taken = new Set<string>();
    if (spec.sides) {
      const labelCols = paths.map((p, j) => (p.length && headerKey(p[p.length - 1]) === "项目" ? j : -1)).filter((j) => j >= 0);
      let split = labelCols.length >= 2 ? labelCols[1] : -1;
      if (split < 0) split = paths.findIndex((p) => p.length > 0 && headerKey(p[0]).startsWith("支出"));
      if (split < 0) split = Math.ceil(paths.length / 2);
      const sides: [typeof spec.sides[number], string[][], number][] = [
        [spec.sides[0], paths.slice(0, split), c1],
        [spec.sides[1], paths.slice(split), c1 + split],
      ];
      for (const [side, ps, start] of sides) {
        if (!side) continue;
        const mapped = mapColumns(ps, start, side.columns, `${side.key}.`, side.key, taken);
        // A side whose figure column is headed only by the year ("2023年"): its first other column.
        if (!mapped.some((m) => m.spec.role === "amount")) {
          const amountSpec = side.columns.find((c) => c.role === "amount");
          const labelCol = mapped.find((m) => m.spec.role === "label");
          for (let j = 0; j < ps.length; j++) {
            const c = start + j;
            if (mapped.some((m) => m.c === c) || (labelCol && c < labelCol.c)) continue;
            // A spacer column under the side's group header ("收入" merged over it) is no figure column.
            if (amountSpec && ps[j].length && !(ps[j].length === 1 && j > 0 && ps[0].length && headerKey(ps[j][0]) === headerKey(ps[0][0]))) {
              mapped.push({ key: `${side.key}.${amountSpec.key}`, c, header: ps[j].join(" / "), spec: amountSpec, side: side.key });
              break;
            }
          }
        }
        columns.push(...mapped);
      }
    } else {
      columns.push(...mapColumns(paths, c1, spec.columns, "", undefined, taken));
    }
    columns.sort((a, b) => a.c - b.c);
    if (split.found.length) yearColumns = pairYearColumns(split.found, c1, columns, paths);
  }
  const has = (key: string) => columns.some((c) => c.key === key) || (key === "code" && columns.some((c) => c.key === "code.lei"));
  const missing = spec.layout !== "form" ? requiredColumns(spec).filter((rc) => !has(rc.key)) : [];
  if (missing.length && spec.layout !== "form") {
    issues.push({
      r: reg.titleCell.r,
      c: reg.titleCell.c,
      kind: "missing-column",
      message: `未找到列：${missing.map((m) => m.header).join("、")}（与这些列有关的检查不做）`,
      data: { columns: missing.map((m) => m.header) },
    });
  }
  return { headerStart, headerEnd, skip, hasHeader, c1, c2, columns, missing, yearColumns, yearUnsettled };
}
