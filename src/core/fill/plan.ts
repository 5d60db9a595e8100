/**
 * Name filling as a plan: what would change, shown as a preview (cell, old → new) before
 * anything is written. Empty name cells are filled; names that differ from the official
 * one are flagged and corrected only when the user confirms (`fixNames`) — and even then
 * only when the catalog entry is verified against a published document of that year and the
 * code was read without doubt (one text code cell, a code column headed as such, or split
 * 类/款/项 cells read as one code). Anything else is flagged for review and the cell is left
 * as it is. Missing parent rows (类/款) can be inserted with their names and SUM formulas.
 * The plan is a ChangeSet the host applies in one batch; undo is inverseOf(plan).
 */
import { colToLetters, toA1 } from "../a1";
import { emptyChangeSet, type ChangeSet } from "../changes";
import type { Catalog } from "../catalog/catalog";
import type { NameVerdict } from "../catalog/types";
import { getCell, type Cell, type RangeRef, type Sheet } from "../model";
import { scanCodeBlocks, type CodeBlock, type CodeRow } from "./scan";
import { nameKey } from "../catalog/names";

export interface FillOptions {
  year: number;
  /** Correct names that differ from the official one (the user confirmed the preview). */
  fixNames?: boolean;
  /** Insert missing 类/款 rows with names and SUM formulas. */
  addParents?: boolean;
  /** Indent names by level (类 0, 款 1, 项 2). */
  indent?: boolean;
  /** Only the rows of this block (the selection); columns are found on the whole sheet. */
  range?: RangeRef;
}

export type FillAction = "fill" | "fix" | "flag" | "add-parent";

export interface FillItem {
  action: FillAction;
  sheet: string;
  /** A1 of the name cell (for add-parent: of the new row's name cell after insertion). */
  cell: string;
  code: string;
  old: string;
  /** The official name (null for unknown codes). */
  new: string | null;
  verdict: NameVerdict | "empty" | "missing-parent";
  message: string;
  /** Whether the catalog entry the new name comes from is verified against a published document. */
  verified?: boolean;
  /** Why a name that differs was flagged and not corrected (also said in the message). */
  reason?: string;
}

export interface FillPlan {
  items: FillItem[];
  changes: ChangeSet;
  /** Counts for the summary line. */
  counts: Record<FillAction, number>;
  /** The catalog edition used, and a note when it is not the requested year. */
  edition: number | null;
  note?: string;
  /** Blocks with codes but no name column (nothing could be filled there). */
  noNameColumn: { codeCol: string; rows: number }[];
  /** Protected sheets with codes: names are judged (flags) but nothing is written there. */
  protectedSheets: string[];
}

const OK_VERDICTS: NameVerdict[] = ["ok", "variant"];

function nameCell(old: Cell | undefined, name: string, level: number, indent: boolean): Cell {
  const style = { ...(old?.style ?? {}) };
  if (indent) style.indent = level - 1;
  return { value: name, numFmt: old?.numFmt, style: Object.keys(style).length ? style : undefined };
}

/**
 * Why the code read on a row cannot be trusted to correct its name, or null. A number in a
 * column no header names as a code column may be an amount or a row number; a name that
 * belongs to a code under this one means split 类/款/项 cells were read short; a name that is
 * the parent's means code and name are on different rows.
 */
function codeDoubt(block: CodeBlock, row: CodeRow, catalog: Catalog, year: number): string | null {
  if (row.source === "number" && !block.codeHeader) return "编码是一个数字单元格，列标题也未标明科目编码（可能是金额或序号）";
  if (!row.name) return null;
  const key = nameKey(row.name);
  if (row.code.length < 7) {
    const under = catalog.search(row.name, { year, parent: row.code, limit: 1, minScore: 85 })[0];
    if (under) return `名称是下级科目 ${under.entry.code} ${under.entry.name} 的名称：编码可能只读到了类（或款），类/款/项分列时请检查各列`;
  }
  for (const p of catalog.parentChain(row.code, { year })) {
    if (nameKey(p.name) === key) return `名称是上级科目 ${p.code} ${p.name} 的名称：编码与名称可能不在同一行`;
  }
  return null;
}

export function planFill(sheet: Sheet, catalog: Catalog, opts: FillOptions): FillPlan {
  const changes = emptyChangeSet();
  const items: FillItem[] = [];
  const noNameColumn: FillPlan["noNameColumn"] = [];
  let edition: number | null = null;
  let note: string | undefined;
  const known = (code: string) => catalog.namesOf(code).length > 0;
  // Code and name columns are found on the whole sheet (a selection may be one cell, one
  // row, or only the name column); the selection then limits which rows are filled.
  const range = opts.range;
  const blocks = scanCodeBlocks(sheet, undefined, known)
    .map((b) => {
      if (!range) return b;
      const rows = b.rows.filter((row) => row.r >= range.r1 && row.r <= range.r2);
      return { ...b, rows, r1: rows[0]?.r ?? b.r1, r2: rows[rows.length - 1]?.r ?? b.r2 };
    })
    .filter((b) => b.rows.length > 0);
  for (const block of blocks) {
    if (block.nameCol === null) {
      noNameColumn.push({ codeCol: colToLetters(block.codeCols[0]), rows: block.rows.length });
      continue;
    }
    for (const row of block.rows) {
      const found = catalog.lookup(row.code, { year: opts.year });
      if (found) {
        edition = found.edition;
        note = note ?? found.note;
      }
      const at = toA1(row.r, block.nameCol);
      const old = getCell(sheet, row.r, block.nameCol);
      const level = (row.code.length === 3 ? 1 : row.code.length === 5 ? 2 : 3) as 1 | 2 | 3;
      // A number or a formula where the name should be is an amount, not a name: never overwritten.
      const notName = typeof old?.value === "number" || !!old?.formula ? "名称所在单元格是数字或公式，可能是金额" : null;
      const doubt = notName ?? codeDoubt(block, row, catalog, opts.year);
      if (!row.name) {
        if (!found) {
          items.push({ action: "flag", sheet: sheet.name, cell: at, code: row.code, old: "", new: null, verdict: "unknown-code", message: `${at}：编码 ${row.code} 不在 ${opts.year} 年科目中，未填名称。` });
          continue;
        }
        if (doubt) {
          items.push({ action: "flag", sheet: sheet.name, cell: at, code: row.code, old: "", new: found.name, verdict: "empty", verified: found.verified, reason: doubt, message: `${at}：${doubt}，未填名称（按编码应为 ${found.name}）。` });
          continue;
        }
        const unverified = found.verified ? "" : "（内置科目条目未经公开文件核实，请核对）";
        items.push({ action: "fill", sheet: sheet.name, cell: at, code: row.code, old: "", new: found.name, verdict: "empty", verified: found.verified, message: `${at}：填入 ${row.code} ${found.name}${unverified}` });
        changes.edits.push({ sheet: sheet.name, r: row.r, c: block.nameCol, cell: nameCell(old, found.name, level, !!opts.indent) });
        continue;
      }
      const j = catalog.judgeName(row.code, row.name, { year: opts.year });
      if (OK_VERDICTS.includes(j.verdict)) {
        if (opts.indent && (old?.style?.indent ?? 0) !== level - 1) {
          changes.edits.push({ sheet: sheet.name, r: row.r, c: block.nameCol, cell: nameCell(old, row.name, level, true) });
        }
        continue;
      }
      const fixable = j.officialName !== null;
      // Correct only on a verified entry of the year itself, and a code read without doubt.
      const reason = !fixable
        ? null
        : doubt ??
          (!j.verified
            ? "内置科目条目未经公开文件核实，不自动更正"
            : j.note
              ? `${j.note}，不自动更正`
              : null);
      const fix = fixable && !!opts.fixNames && !reason;
      items.push({
        action: fix ? "fix" : "flag",
        sheet: sheet.name,
        cell: at,
        code: row.code,
        old: row.name,
        new: j.officialName,
        verdict: j.verdict,
        verified: j.verified,
        ...(reason ? { reason } : {}),
        message: `${at}：${j.message}${reason && opts.fixNames ? `；未更正：${reason}，请人工核对` : reason ? `（${reason}）` : ""}`,
      });
      if (fix) changes.edits.push({ sheet: sheet.name, r: row.r, c: block.nameCol, cell: nameCell(old, j.officialName!, level, !!opts.indent) });
    }
  }
  if (opts.addParents) addParents(sheet, blocks.filter((b) => b.nameCol !== null), catalog, opts, changes, items);
  if (sheet.protected && changes.edits.length) {
    // Excel would refuse the writes: report what the names need, write nothing.
    for (const it of items) if (it.action !== "flag") it.action = "flag";
    changes.edits = [];
    changes.insertRows = undefined;
  }
  const counts: Record<FillAction, number> = { fill: 0, fix: 0, flag: 0, "add-parent": 0 };
  for (const it of items) counts[it.action]++;
  return { items, changes, counts, edition, note, noNameColumn, protectedSheets: sheet.protected && items.length ? [sheet.name] : [] };
}

/**
 * Insert the missing 类/款 rows of the sheet's blocks, each right above its first child, in code
 * order, with its official name and SUM formulas over its children in every amount column.
 * All blocks of a sheet at once: the rows inserted for a table shift every table below it (two
 * tables on one sheet, a 一般公共预算 and a 政府性基金 table stacked), so the insertions, the new
 * rows' cells and the names already planned are all placed by one mapping from the sheet's rows
 * as read to its rows after every insertion.
 */
function addParents(sheet: Sheet, blocks: CodeBlock[], catalog: Catalog, opts: FillOptions, changes: ChangeSet, items: FillItem[]): void {
  // the missing parents of each block, before the row of their first child (original rows)
  const groups = new Map<number, string[]>();
  const blockOf = new Map<number, CodeBlock>();
  for (const block of blocks) {
    const present = new Set(block.rows.map((r) => r.code));
    for (const row of block.rows) {
      for (const len of [3, 5]) {
        if (row.code.length <= len) continue;
        const p = row.code.slice(0, len);
        if (present.has(p)) continue;
        present.add(p);
        groups.set(row.r, [...(groups.get(row.r) ?? []), p]);
        blockOf.set(row.r, block);
      }
    }
  }
  if (!groups.size) return;
  const at = [...groups.keys()].sort((a, b) => a - b);
  /** A row as read → the same row after every insertion. */
  const final = (r: number) => {
    let n = r;
    for (const g of at) {
      if (g > r) break;
      n += groups.get(g)!.length;
    }
    return n;
  };
  // Insert bottom-up, so each insertion point (a row as read) is still valid in the sheet as it then is.
  const inserts = [...at].reverse().map((r) => ({ sheet: sheet.name, at: r, count: groups.get(r)!.length }));
  changes.insertRows = [...(changes.insertRows ?? []), ...inserts];
  // Names planned above for rows as read move with their rows.
  for (const e of changes.edits) if (e.sheet === sheet.name) e.r = final(e.r);
  for (const block of blocks) {
    type Line = { code: string; row: number; orig: number | null };
    const lines: Line[] = block.rows.map((row) => ({ code: row.code, row: final(row.r), orig: row.r }));
    for (const r of at) {
      if (blockOf.get(r) !== block) continue;
      const codes = [...groups.get(r)!].sort();
      codes.forEach((code, j) => lines.push({ code, row: final(r) - codes.length + j, orig: null }));
    }
    lines.sort((a, b) => a.row - b.row);
    for (const l of lines) {
      if (l.orig !== null) continue;
      const r = l.row;
      const found = catalog.lookup(l.code, { year: opts.year });
      const level = l.code.length === 3 ? 1 : 2;
      const name = found?.name ?? "";
      // Direct children: a 类's 款 rows (or its 项 rows where it has no 款), a 款's 项 rows.
      const under = (len: number) => lines.filter((x) => x.code.length === len && x.code.startsWith(l.code));
      const children = level === 1 && under(5).length ? under(5) : under(7);
      // Codes stay text where the children's codes are text ("@", so Excel does not turn 208 into a number).
      const firstOrig = lines.find((x) => x.orig !== null && x.code.startsWith(l.code));
      const childCode = firstOrig ? getCell(sheet, firstOrig.orig!, block.codeCols[0]) : undefined;
      const codeFmt = childCode?.numFmt ?? (typeof childCode?.value === "string" ? "@" : undefined);
      const codeCell: Cell = { value: block.codeCols.length > 1 ? l.code.slice(0, 3) : l.code, numFmt: codeFmt };
      changes.edits.push({ sheet: sheet.name, r, c: block.codeCols[0], cell: codeCell });
      if (block.codeCols.length > 1 && level === 2) changes.edits.push({ sheet: sheet.name, r, c: block.codeCols[1], cell: { value: l.code.slice(3, 5), numFmt: codeFmt } });
      if (block.nameCol !== null) changes.edits.push({ sheet: sheet.name, r, c: block.nameCol, cell: nameCell(undefined, name, level, !!opts.indent) });
      for (const c of block.amountCols) {
        const refs = children.map((ch) => `${colToLetters(c)}${ch.row + 1}`);
        const fmt = getCell(sheet, children.find((ch) => ch.orig !== null)?.orig ?? block.r1, c)?.numFmt ?? "#,##0.00";
        changes.edits.push({ sheet: sheet.name, r, c, cell: { value: null, formula: refs.length ? `=SUM(${refs.join(",")})` : "=0", numFmt: fmt } });
      }
      items.push({
        action: "add-parent",
        sheet: sheet.name,
        cell: toA1(r, block.nameCol ?? block.codeCols[0]),
        code: l.code,
        old: "",
        new: name || null,
        verdict: "missing-parent",
        message: `插入第 ${r + 1} 行：${l.code} ${name}（${level === 1 ? "类" : "款"}），金额为其下级之和`,
      });
    }
  }
}

/** Apply a plan to every sheet: one change set for the whole workbook. */
export function mergePlans(plans: FillPlan[]): FillPlan {
  const changes = emptyChangeSet();
  const items: FillItem[] = [];
  const counts: Record<FillAction, number> = { fill: 0, fix: 0, flag: 0, "add-parent": 0 };
  const noNameColumn: FillPlan["noNameColumn"] = [];
  const protectedSheets: string[] = [];
  let edition: number | null = null;
  let note: string | undefined;
  for (const p of plans) {
    protectedSheets.push(...p.protectedSheets);
    changes.edits.push(...p.changes.edits);
    if (p.changes.insertRows?.length) changes.insertRows = [...(changes.insertRows ?? []), ...p.changes.insertRows];
    items.push(...p.items);
    for (const k of Object.keys(counts) as FillAction[]) counts[k] += p.counts[k];
    noNameColumn.push(...p.noNameColumn);
    edition = edition ?? p.edition;
    note = note ?? p.note;
  }
  return { changes, items, counts, edition, note, noNameColumn, protectedSheets };
}
