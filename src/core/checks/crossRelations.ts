/**
 * Evaluation of the 表间审核公式 in ./crossRelations.data.ts, and the table queries the
 * text rules share: find a table by id, a row by label / code / 类, a column by header.
 */
import { toA1 } from "../a1";
import { labelKey } from "../text";
import type { AmountCell, RecognizedColumn, RecognizedRow, RecognizedTable, WorkbookFacts } from "../recognize/types";
import type { TableSpec } from "../specs/types";
import { add, figure, overlaps, sub, type Interval } from "../narrative/interval";
import { CROSS_RELATIONS, SCOPE_TEXT, TABLE_NAMES, type CrossRelationSpec, type ScopeCondition } from "./crossRelations.data";

export { CROSS_RELATIONS, SCOPE_TEXT, TABLE_NAMES };

// ───────────────────────── table queries ─────────────────────────

/** Tables recognised as this spec. */
export function tablesOf(facts: WorkbookFacts, id: string): RecognizedTable[] {
  return facts.tables.filter((t) => t.spec.id === id);
}

function classRowCount(t: RecognizedTable): number {
  return t.rows.filter((r) => (r.code && r.code.length === 3 && /^2/.test(r.code)) || r.classCode).length;
}

/**
 * The table of that spec a relation speaks of, when a workbook has several: not the
 * （上年结转） variant, one with figures, the one with the most 类 lines.
 */
export function primaryTable(facts: WorkbookFacts, id: string): RecognizedTable | undefined {
  const all = tablesOf(facts, id);
  if (all.length <= 1) return all[0];
  const score = (t: RecognizedTable) =>
    (/上年结转[）)]?$/.test(t.title) && !/不含上年结转/.test(t.title) ? -1000 : 0) + (t.empty ? -100 : 0) + classRowCount(t) * 2 + t.rows.length / 100;
  return [...all].sort((a, b) => score(b) - score(a))[0];
}

export function isTotalRow(r: RecognizedRow): boolean {
  return r.kind === "total" || r.kind === "grand-total" || /^合计$|^总计$/.test(labelKey(r.label));
}

/** The 合计 row of a code-rows / unit-rows / list table; for a single-row table its one data row. */
export function totalRow(t: RecognizedTable): RecognizedRow | undefined {
  if (t.spec.layout === "single-row") return t.rows.find((r) => isTotalRow(r)) ?? t.rows.find((r) => Object.keys(r.amounts).length > 0);
  return t.rows.find((r) => r.kind === "total" && !r.side) ?? t.rows.find((r) => isTotalRow(r) && !r.code);
}

/** The row for a code (joined form). */
export function rowByCode(t: RecognizedTable, code: string): RecognizedRow | undefined {
  return t.rows.find((r) => r.code === code);
}

/** The expenditure line of a 类 (two-sided tables: by classCode; code-rows tables: the 3-digit code row). */
export function classRow(t: RecognizedTable, code: string): RecognizedRow | undefined {
  return t.rows.find((r) => r.classCode === code && r.side !== "income") ?? t.rows.find((r) => r.code === code);
}

export function classCodes(t: RecognizedTable): string[] {
  const out = new Set<string>();
  for (const r of t.rows) {
    if (r.classCode && r.side !== "income") out.add(r.classCode);
    else if (r.code && r.code.length === 3 && /^2/.test(r.code) && t.spec.layout !== "two-sided") out.add(r.code);
  }
  return [...out];
}

/** A fixed row by label (its label or an alias, compared with labelKey); "A.B" = row B after row A. */
export function fixedRow(t: RecognizedTable, label: string): RecognizedRow | undefined {
  const fixed = t.spec.fixedRows ?? [];
  const matches = (spec: { label: string; aliases?: string[] }, l: string) =>
    [spec.label, ...(spec.aliases ?? [])].some((x) => labelKey(x) === labelKey(l));
  let key: string | undefined;
  if (label.includes(".")) {
    const [a, b] = label.split(".");
    const ia = fixed.findIndex((f) => matches(f, a));
    if (ia >= 0) key = fixed.slice(ia + 1).find((f) => matches(f, b))?.key;
  } else key = fixed.find((f) => matches(f, label))?.key;
  if (!key) return undefined;
  return t.rows.find((r) => r.fixed?.key === key);
}

/** The spec column a header text names; "A.B" = column B under the header group A. */
export function specColumnKey(spec: TableSpec, name: string): string | undefined {
  const [group, leaf] = name.includes(".") ? name.split(".") : [undefined, name];
  const cols = spec.sides ? spec.sides.flatMap((s) => s.columns.map((c) => ({ ...c, key: `${s.key}.${c.key}` }))) : spec.columns;
  const hit = cols.find((c) => {
    const names = [c.header, ...(c.aliases ?? [])].map(labelKey);
    if (!names.includes(labelKey(leaf))) return false;
    if (group === undefined) return true;
    return (c.group ?? []).some((g) => labelKey(g) === labelKey(group));
  });
  if (hit) return hit.key;
  // A leaf that is itself a group's 小计 (基本支出 in T5 is basic "小计" under group 基本支出).
  const byGroup = cols.find((c) => (c.group ?? []).some((g) => labelKey(g) === labelKey(leaf)) && /小计|合计/.test(c.header));
  return byGroup?.key;
}

export function recognizedColumn(t: RecognizedTable, key: string): RecognizedColumn | undefined {
  return t.columns.find((c) => c.key === key) ?? t.columns.find((c) => c.spec.key === key && (!c.side || key.startsWith(c.side + ".")));
}

/** The amount of a row in the row's own 预算数 column (two-sided tables) or the given column. */
export function rowAmount(t: RecognizedTable, row: RecognizedRow, colKey?: string): AmountCell | undefined {
  if (colKey) {
    if (row.amounts[colKey]) return row.amounts[colKey];
    const col = recognizedColumn(t, colKey);
    if (col && row.amounts[col.key]) return row.amounts[col.key];
    const plain = colKey.includes(".") && row.side && colKey.startsWith(row.side + ".") ? colKey.slice(row.side.length + 1) : undefined;
    if (plain && row.amounts[plain]) return row.amounts[plain];
    return undefined;
  }
  const side = row.side;
  const keys = Object.keys(row.amounts);
  const pref = side ? [`${side}.amount`, `${side}.total`, "amount", "total"] : ["total", "amount"];
  for (const k of pref) if (row.amounts[k]) return row.amounts[k];
  const sided = side ? keys.filter((k) => k.startsWith(side + ".")) : keys;
  const first = (sided.length ? sided : keys).map((k) => row.amounts[k]).sort((a, b) => a.c - b.c)[0];
  return first;
}

/** A1 reference with the sheet: 'Sheet'!C5. */
export function ref(t: RecognizedTable, cell: { r: number; c: number }): string {
  return `${t.sheet}!${toA1(cell.r, cell.c)}`;
}

// ───────────────────────── relation grammar ─────────────────────────

export interface TermRef {
  tableName: string;
  tableId: string;
  row: string;
  col?: string;
  sign: 1 | -1;
}

export interface ParsedCrossRelation {
  spec: CrossRelationSpec;
  left: TermRef[];
  op: "=" | "≤" | "≥";
  right: TermRef[];
}

const TERM_RE = /^\s*([^[\]+\-−]+?)\s*\[([^\]]+)\](?:\s*\[([^\]]+)\])?\s*$/;

function parseSide(text: string): TermRef[] {
  const parts: { s: string; sign: 1 | -1 }[] = [];
  let sign: 1 | -1 = 1;
  let buf = "";
  let depth = 0;
  for (const ch of text) {
    if (ch === "[") depth++;
    if (ch === "]") depth--;
    if (depth === 0 && (ch === "+" || ch === "-" || ch === "−")) {
      if (buf.trim()) parts.push({ s: buf, sign });
      sign = ch === "+" ? 1 : -1;
      buf = "";
      continue;
    }
    buf += ch;
  }
  if (buf.trim()) parts.push({ s: buf, sign });
  return parts.map(({ s, sign: sg }) => {
    const m = TERM_RE.exec(s);
    if (!m) throw new Error(`表间关系式格式错误：${s}`);
    const tableId = TABLE_NAMES[m[1].trim()];
    if (!tableId) throw new Error(`表间关系式中的表名未知：${m[1]}`);
    return { tableName: m[1].trim(), tableId, row: m[2].trim(), col: m[3]?.trim(), sign: sg };
  });
}

export function parseCrossRelation(spec: CrossRelationSpec): ParsedCrossRelation {
  const m = /^(.*?)(=|≤|≥|<=|>=)(.*)$/.exec(spec.text);
  if (!m) throw new Error(`表间关系式缺少 = ≤ ≥：${spec.text}`);
  const op = m[2] === "<=" ? "≤" : m[2] === ">=" ? "≥" : (m[2] as "=" | "≤" | "≥");
  return { spec, left: parseSide(m[1]), op, right: parseSide(m[3]) };
}

// ───────────────────────── evaluation ─────────────────────────

export interface TermValue {
  term: TermRef;
  table: RecognizedTable;
  cell?: AmountCell;
  /** Interval of the printed figure (blank = exact 0). */
  iv: Interval;
  value: number;
}

export interface CrossResult {
  relation: ParsedCrossRelation;
  classCode?: string;
  left: TermValue[];
  right: TermValue[];
  leftSum: number;
  rightSum: number;
  holds: boolean;
  /** The tables are in different amount units; every figure was converted to 元. */
  converted?: boolean;
}

/** A term's figure in 元 (a 万元 table's figure × 10 000, its rounding interval too). */
function inYuan(v: TermValue): TermValue {
  if (v.table.amountUnit !== "万元") return v;
  const k = 10000;
  return { ...v, value: v.value * k, iv: { lo: v.iv.lo * k, hi: v.iv.hi * k } };
}

function scopeHolds(cond: ScopeCondition, facts: WorkbookFacts): boolean {
  const t4 = primaryTable(facts, "T4");
  const t5 = primaryTable(facts, "T5");
  const carry = (() => {
    if (!t4) return 0;
    const row = fixedRow(t4, "上年结转.一般公共预算拨款");
    const v = row ? rowAmount(t4, row)?.value : undefined;
    return v ?? 0;
  })();
  const excl = !!t5 && /不含上年结转/.test(t5.title);
  switch (cond) {
    case "T5本年口径":
      return excl || carry === 0;
    case "T5含上年结转":
      return !excl && carry !== 0;
    case "支出全部为一般公共预算": {
      const t1 = primaryTable(facts, "T1");
      const grand = t1 && fixedRow(t1, "支出总计");
      const a = grand && rowAmount(t1!, grand)?.value;
      const t = t5 && totalRow(t5);
      const b = t && rowAmount(t5!, t)?.value;
      return typeof a === "number" && typeof b === "number" && a > 0 && t1!.amountUnit === t5!.amountUnit && Math.abs(a - b) <= 1;
    }
    case "T10列示一般公共预算项目": {
      const t10 = primaryTable(facts, "T10");
      return !!t10 && !(/上年结转/.test(t10.title) && !/本年/.test(t10.title)) && !!recognizedColumn(t10, "cur.gpb");
    }
  }
}

function resolveTerm(term: TermRef, facts: WorkbookFacts, cls: string | undefined, factor: number): TermValue | "missing-table" | "not-applicable" {
  const t = primaryTable(facts, term.tableId);
  if (!t) return "missing-table";
  let row: RecognizedRow | undefined;
  const r = term.row;
  if (r === "合计行") row = totalRow(t);
  else if (r === "每个类" || r === "该类") row = cls ? classRow(t, cls) : undefined;
  else if (/^\d{3,7}$/.test(r)) row = rowByCode(t, r);
  else row = fixedRow(t, r);
  let colKey: string | undefined;
  if (term.col) {
    colKey = specColumnKey(t.spec, term.col);
    if (!colKey) return "not-applicable";
  }
  if (!row && cls && (r === "每个类" || r === "该类") && t.spec.layout !== "two-sided") {
    // No 类 line (tables that list 项 only, 208 | 01 | 50): the sum of the shallowest lines under it.
    const under = t.rows.filter((x) => x.code && x.code.length > 3 && x.code.startsWith(cls));
    if (under.length) {
      const depth = Math.min(...under.map((x) => x.code!.length));
      const cells = under.filter((x) => x.code!.length === depth).map((x) => rowAmount(t, x, colKey)).filter((a): a is AmountCell => !!a && a.value !== null);
      if (cells.length) {
        const value = cells.reduce((a, c) => a + (c.value ?? 0), 0);
        return { term, table: t, cell: { ...cells[0], value }, iv: add(...cells.map((c) => figure(c.value!, c.decimals, factor))), value };
      }
    }
  }
  if (!row) {
    // A table without figures, or a 类 / code the table does not list: zero.
    if (t.empty || r === "该类" || r === "每个类" || /^\d{3,7}$/.test(r)) return { term, table: t, iv: { lo: 0, hi: 0 }, value: 0 };
    return "not-applicable";
  }
  if (colKey && !recognizedColumn(t, colKey) && !row.amounts[colKey]) return t.empty ? { term, table: t, iv: { lo: 0, hi: 0 }, value: 0 } : "not-applicable";
  const cell = rowAmount(t, row, colKey);
  if (!cell || cell.value === null) return { term, table: t, cell, iv: { lo: 0, hi: 0 }, value: 0 };
  return { term, table: t, cell, iv: figure(cell.value, cell.decimals, factor), value: cell.value };
}

function signed(iv: Interval, sign: 1 | -1): Interval {
  return sign === 1 ? iv : { lo: -iv.hi, hi: -iv.lo };
}

function evalSide(terms: TermRef[], facts: WorkbookFacts, cls: string | undefined, factor: number): TermValue[] | null {
  const out: TermValue[] = [];
  let present = 0;
  for (const term of terms) {
    const v = resolveTerm(term, facts, cls, factor);
    if (v === "not-applicable") return null;
    if (v === "missing-table") continue;
    present++;
    out.push(v);
  }
  // A side whose only tables are missing is not applicable; missing summands of a sum count as zero.
  return present === 0 ? null : out;
}

/** Evaluate every applicable relation; `results` holds both the ones that hold and the ones that do not. */
export function evaluateCrossRelations(facts: WorkbookFacts, factor = 1, relations: CrossRelationSpec[] = CROSS_RELATIONS): CrossResult[] {
  const results: CrossResult[] = [];
  for (const spec of relations) {
    if (spec.when && !spec.when.every((c) => scopeHolds(c, facts))) continue;
    const rel = parseCrossRelation(spec);
    const all = [...rel.left, ...rel.right];
    // Every table named on the left must be present.
    if (rel.left.some((t) => !primaryTable(facts, t.tableId))) continue;
    const perClass = all.some((t) => t.row === "每个类");
    const classes = perClass
      ? [...new Set(all.flatMap((t) => (primaryTable(facts, t.tableId) ? classCodes(primaryTable(facts, t.tableId)!) : [])))].sort()
      : [undefined];
    for (const cls of classes) {
      const left = evalSide(rel.left, facts, cls, factor);
      const right = evalSide(rel.right, facts, cls, factor);
      if (!left || !right) continue;
      if (![...left, ...right].some((v) => v.cell && v.cell.value !== null)) continue; // nothing printed on either side
      // Tables in different units (元 tables, a “三公”经费 table in 万元): compare in 元.
      const converted = new Set([...left, ...right].map((v) => v.table.amountUnit)).size > 1;
      if (converted) for (const side of [left, right]) side.forEach((v, i) => (side[i] = inYuan(v)));
      const li = add(...left.map((v) => signed(v.iv, v.term.sign)));
      const ri = add(...right.map((v) => signed(v.iv, v.term.sign)));
      const leftSum = left.reduce((s, v) => s + v.term.sign * v.value, 0);
      const rightSum = right.reduce((s, v) => s + v.term.sign * v.value, 0);
      let holds: boolean;
      if (rel.op === "=") holds = overlaps(li, ri);
      else if (rel.op === "≤") holds = sub(li, ri).lo <= 0;
      else holds = sub(ri, li).lo <= 0;
      results.push({ relation: rel, classCode: cls, left, right, leftSum, rightSum, holds, converted });
    }
  }
  return results;
}
