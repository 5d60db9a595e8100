/**
 * Header rows → column paths → spec columns. A column's path is its header text in each
 * header row, outermost first, with merged cells read through displayValue and, where a
 * sheet lost its merges (a group header over empty cells whose children are filled in
 * below), the group carried to the right.
 */
import { displayValue, type Sheet } from "../model";
import type { ColumnSpec, TableSpec } from "../specs/types";
import { labelKey } from "../text";
import type { RecognizedColumn } from "./types";

/** Header key: labelKey without a leading year ("2023年合计" → "合计") or trailing colon. */
export function headerKey(s: string): string {
  return labelKey(s)
    .replace(/^(19|20)\d{2}年度?/, "")
    .replace(/[：:]$/, "");
}

export function cellText(sheet: Sheet, r: number, c: number): string {
  const v = displayValue(sheet, r, c);
  if (typeof v === "string") return v.trim();
  return "";
}

/** Header paths of the columns c1..c2 over header rows r1..r2 (column-number rows skipped by the caller via `skip`). */
export function headerPaths(sheet: Sheet, r1: number, r2: number, c1: number, c2: number, skip: Set<number>): string[][] {
  const rows: number[] = [];
  for (let r = r1; r <= r2; r++) if (!skip.has(r)) rows.push(r);
  const grid: string[][] = rows.map((r) => {
    const line: string[] = [];
    for (let c = c1; c <= c2; c++) line.push(cellText(sheet, r, c));
    return line;
  });
  // Carry group headers to the right over empty cells whose children are filled in below.
  for (let i = 0; i < grid.length - 1; i++) {
    const line = grid[i];
    let group = -1;
    for (let j = 0; j < line.length; j++) {
      if (line[j] !== "") {
        group = hasBelow(grid, i, j) ? j : -1;
        continue;
      }
      if (group >= 0 && hasBelow(grid, i, j) && !sheetMerged(sheet, rows[i], c1 + j)) line[j] = line[group];
      else group = -1;
    }
  }
  const paths: string[][] = [];
  for (let j = 0; j <= c2 - c1; j++) {
    const path: string[] = [];
    for (let i = 0; i < grid.length; i++) {
      const t = grid[i][j];
      if (t && path[path.length - 1] !== t) path.push(t);
    }
    paths.push(path);
  }
  return paths;
}

function hasBelow(grid: string[][], i: number, j: number): boolean {
  for (let k = i + 1; k < grid.length; k++) if (grid[k][j] !== "") return true;
  return false;
}

function sheetMerged(sheet: Sheet, r: number, c: number): boolean {
  return sheet.merges.some((m) => r >= m.r1 && r <= m.r2 && c >= m.c1 && c <= m.c2);
}

const SPLIT_ROLES: Record<string, "code-lei" | "code-kuan" | "code-xiang"> = { 类: "code-lei", 款: "code-kuan", 项: "code-xiang" };
const UNIT_CODE = /^(部门（单位）|单位|部门|预算单位)(代码|编码)$/;

function keysOf(col: ColumnSpec): string[] {
  return [col.header, ...(col.aliases ?? [])].map(headerKey);
}

/**
 * Map header paths to spec columns. Each spec column is taken at most once; a leaf
 * that several spec columns accept goes to the one whose group is on the path,
 * else to the first free one.
 */
export function mapColumns(
  paths: string[][],
  c1: number,
  specCols: ColumnSpec[],
  prefix: string,
  side: "income" | "expense" | undefined,
  taken: Set<string>,
): RecognizedColumn[] {
  const out: RecognizedColumn[] = [];
  const codeSpec = specCols.find((s) => s.role === "code");
  paths.forEach((path, j) => {
    if (path.length === 0) return;
    let leaf = headerKey(path[path.length - 1]);
    // "部门预算支出经济分类科目 科目名称": a group and its leaf typed into one cell.
    const words = path[path.length - 1].trim().split(/\s+/);
    if (words.length > 1 && !specCols.some((col) => keysOf(col).includes(leaf))) {
      const last = headerKey(words[words.length - 1]);
      if (specCols.some((col) => keysOf(col).includes(last))) leaf = last;
    }
    const ancestors = path.slice(0, -1).map(headerKey);
    const c = c1 + j;
    const header = path.join(" / ");
    // Split code parts: 类 / 款 / 项.
    const split = SPLIT_ROLES[leaf];
    if (split && codeSpec) {
      const key = `${prefix}code.${split.slice(5)}`;
      if (!taken.has(key)) {
        taken.add(key);
        out.push({ key, c, header, spec: { ...codeSpec, key, role: split, header: path[path.length - 1] }, side });
      }
      return;
    }
    let best: ColumnSpec | undefined;
    let bestScore = -1;
    for (const col of specCols) {
      const key = prefix + col.key;
      if (taken.has(key)) continue;
      if (!keysOf(col).includes(leaf)) continue;
      let score = 0;
      if (col.group && col.group.length) {
        const g = headerKey(col.group[col.group.length - 1]);
        if (ancestors.includes(g)) score += 2;
        else if (ancestors.length) score -= 0; // sheet group differs: still acceptable
      } else if (ancestors.length === 0) score += 1;
      if (score > bestScore) {
        best = col;
        bestScore = score;
      }
    }
    // A unit-code column in a table whose code column is a classification code.
    if ((!best || best.role === "code") && UNIT_CODE.test(leaf) && codeSpec && codeSpec.domain !== "unit") {
      const key = `${prefix}unitCode`;
      if (!taken.has(key)) {
        taken.add(key);
        out.push({ key, c, header, spec: { key: "unitCode", header: path[path.length - 1], role: "code", domain: "unit", optional: true }, side });
      }
      return;
    }
    if (best) {
      const key = prefix + best.key;
      taken.add(key);
      out.push({ key, c, header, spec: best, side });
    }
  });
  return out;
}

/** Spec columns of a table that the sheet must have (not optional). */
export function requiredColumns(spec: TableSpec): { key: string; header: string }[] {
  if (spec.sides) {
    return spec.sides.flatMap((s) => s.columns.filter((c) => !c.optional).map((c) => ({ key: `${s.key}.${c.key}`, header: `${s.header}${c.header}` })));
  }
  return spec.columns.filter((c) => !c.optional).map((c) => ({ key: c.key, header: c.group?.length ? `${c.group.join("/")}/${c.header}` : c.header }));
}
