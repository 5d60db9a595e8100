/**
 * 合计行: the 合计 row equals the sum of the rows it totals, in every amount column.
 * Code tables: Σ of the top-level code rows (类, or the highest level present).
 * Unit and list tables: Σ of the top-level rows, where a row followed by rows that add
 * up to it (a department over its units, a project group over its projects, a unit
 * code over its sub-codes) is a group and only the group counts.
 */
import { sheetFromRows, type Workbook } from "../../model";
import type { RecognizedRow, RecognizedTable } from "../../recognize/types";
import { figureOf, flush, judgeSum, type Judged, report, sumMessages } from "../rounding";
import type { Finding, Rule, RuleContext } from "../types";
import { toA1 } from "../../a1";
import { amountColumns, cellNameText } from "../../recognize/helpers";
import { sumOfText } from "../messages";

const ID = "total-row";

const MESSAGES = {
  ...sumMessages("sumOfClasses", { "zh-CN": "应为各类之和", "en-US": "should equal the sum of the category rows," }),
  ...sumMessages("sumOfTopCodes", { "zh-CN": "应为最高级科目之和", "en-US": "should equal the sum of the top-level classification rows," }),
  ...sumMessages("sumOfRows", { "zh-CN": "应为各行之和", "en-US": "should equal the sum of the rows it totals," }),
};

/** Top-level code rows: those whose nearest ancestor code is not in the table (per domain). */
export function topCodeRows(rows: RecognizedRow[]): RecognizedRow[] {
  const coded = rows.filter((r) => r.level && !r.ofWhich && r.code);
  if (coded.length === 0) return [];
  const counts = new Map<string, number>();
  for (const r of coded) counts.set(r.domain ?? "", (counts.get(r.domain ?? "") ?? 0) + 1);
  const domain = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
  const inDomain = coded.filter((r) => (r.domain ?? "") === domain);
  const codes = new Set(inDomain.map((r) => r.code!));
  const seen = new Set<string>();
  return inDomain.filter((r) => {
    const c = r.code!;
    for (let len = c.length - 2; len >= 3; len -= 2) if (codes.has(c.slice(0, len))) return false;
    // The same code under two units' headings is two rows; repeated under one heading, one.
    const k = `${r.group ?? ""}\u0000${c}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

interface Node {
  v: number;
  h: number;
}

/**
 * Split a list of rows into top-level items: each item is a leaf, or a row followed by
 * rows that add up to it (recursively). With a target, items must add up to it (bounded
 * backtracking); without, the first reading that works is taken.
 */
export function parseGroups(nodes: Node[], target: Node | null, factor: number, budget = 20000): number[] | null {
  if (target) return parseGroupsTo(nodes, target, factor, budget * 10);
  const greedy = widestGroups(nodes, factor, budget * 10);
  if (greedy) return greedy;
  let steps = 0;
  const close = (a: number, ah: number, b: number, bh: number) => Math.abs(a - b) <= factor * (ah + bh) + 1e-9;
  type Out = { next: number; roots: number[] };
  const nonNegative = nodes.every((n) => n.v >= 0);
  // Readings of nodes[i..end): items (leaf or group) whose sum reaches `goal` (any prefix that does),
  // or that run to `end` when goal is null.
  function* seq(i: number, end: number, goal: Node | null): Generator<Out> {
    function* walk(pos: number, a: number, ah: number, rs: number[]): Generator<Out> {
      if (++steps > budget) return;
      if (goal && pos > i && close(goal.v, goal.h, a, ah)) yield { next: pos, roots: rs };
      if (goal && nonNegative && a - factor * ah > goal.v + factor * goal.h + 1e-9) return;
      if (pos >= end) {
        if (!goal) yield { next: pos, roots: rs };
        return;
      }
      const n = nodes[pos];
      if (pos + 1 < end && n.v !== 0) {
        for (const g of seq(pos + 1, end, n)) {
          yield* walk(g.next, a + n.v, ah + n.h, [...rs, pos]);
          if (steps > budget) return;
        }
      }
      yield* walk(pos + 1, a + n.v, ah + n.h, [...rs, pos]);
    }
    yield* walk(i, 0, 0, []);
  }
  // Without a target: the first reading that runs to the end.
  for (const s of seq(0, nodes.length, null)) return s.roots;
  return null;
}

/**
 * parseGroups with a target, memoised: the ends a group headed by row h can have are
 * computed once per h, and a (position, running sum) state that failed is not tried
 * again — nested 类 / 款 / 项 rows without codes parse in linear-ish time, not exponential.
 */
function parseGroupsTo(nodes: Node[], target: Node, factor: number, budget: number): number[] | null {
  const { groupEnds, close, key, nonNegative, n, tick } = groupSearch(nodes, factor, budget);
  const failed = new Set<string>();
  const walk = (pos: number, sum: number, sh: number, roots: number[]): number[] | null => {
    if (tick()) return null;
    if (pos >= n) return close(target.v, target.h, sum, sh) ? roots : null;
    const k = key(pos, sum);
    if (failed.has(k)) return null;
    if (nonNegative && sum - factor * sh > target.v + factor * target.h + 1e-9) return null;
    const x = nodes[pos];
    if (pos + 1 < n && x.v !== 0)
      for (const e of groupEnds(pos)) {
        const r = walk(e, sum + x.v, sh + x.h, [...roots, pos]);
        if (r) return r;
      }
    const r = walk(pos + 1, sum + x.v, sh + x.h, [...roots, pos]);
    if (r) return r;
    failed.add(k);
    return null;
  };
  return walk(0, 0, 0, []);
}

/** Without a target (the 合计 itself is wrong): each row takes the widest group that adds up under it. */
function widestGroups(nodes: Node[], factor: number, budget: number): number[] | null {
  const { groupEnds, n, exhausted } = groupSearch(nodes, factor, budget);
  const roots: number[] = [];
  for (let pos = 0; pos < n; ) {
    roots.push(pos);
    const ends = nodes[pos].v !== 0 && pos + 1 < n ? groupEnds(pos) : [];
    pos = ends.length ? ends[ends.length - 1] : pos + 1;
  }
  return exhausted() ? null : roots;
}

function groupSearch(nodes: Node[], factor: number, budget: number) {
  const n = nodes.length;
  const nonNegative = nodes.every((x) => x.v >= 0);
  const close = (a: number, ah: number, b: number, bh: number) => Math.abs(a - b) <= factor * (ah + bh) + 1e-9;
  const key = (pos: number, sum: number) => `${pos}|${Math.round(sum * 1e6)}`;
  let steps = 0;
  const endsMemo = new Map<number, number[]>();
  const groupEnds = (h: number): number[] => {
    const memo = endsMemo.get(h);
    if (memo) return memo;
    endsMemo.set(h, []); // no cycles: groups only look forward
    const goal = nodes[h];
    const ends = new Set<number>();
    const seen = new Set<string>();
    const stack: [number, number, number][] = [[h + 1, 0, 0]];
    while (stack.length) {
      if (++steps > budget) break;
      const [pos, sum, sh] = stack.pop()!;
      const k = key(pos, sum);
      if (seen.has(k)) continue;
      seen.add(k);
      if (pos > h + 1 && close(goal.v, goal.h, sum, sh)) ends.add(pos);
      if (nonNegative && sum - factor * sh > goal.v + factor * goal.h + 1e-9) continue;
      if (pos >= n) continue;
      const x = nodes[pos];
      stack.push([pos + 1, sum + x.v, sh + x.h]);
      if (pos + 1 < n && x.v !== 0) for (const e of groupEnds(pos)) stack.push([e, sum + x.v, sh + x.h]);
    }
    const out = [...ends].sort((a, b) => a - b);
    endsMemo.set(h, out);
    return out;
  };
  const tick = () => ++steps > budget;
  return { groupEnds, close, key, nonNegative, n, tick, exhausted: () => steps > budget };
}

/** Rows whose unit code has no shorter prefix among the others (030 over 030010). */
function topByUnitCode(rows: RecognizedRow[]): RecognizedRow[] {
  const codes = new Set(rows.map((r) => r.code).filter((c): c is string => !!c));
  return rows.filter((r) => {
    if (!r.code) return !!r.label;
    for (let len = r.code.length - 1; len >= 2; len--) if (codes.has(r.code.slice(0, len))) return false;
    return true;
  });
}

/** The rows a table's 合计 row totals. */
export function partsOfTotal(table: RecognizedTable, total: RecognizedRow, factor: number): RecognizedRow[] {
  const rows = table.rows.filter((r) => r !== total && !r.ofWhich && r.kind !== "total" && r.kind !== "grand-total");
  const top = topCodeRows(rows);
  if (top.length) return top;
  const candidates = rows.filter((r) => r.kind === "detail" || (r.kind === "subtotal" && !r.label));
  if (candidates.length === 0) return [];
  if (candidates.length > 1500) return topByUnitCode(candidates);
  // Codes that nest (201 / 20113 / 2011301, or 030 / 030010): the code structure says which rows are groups.
  const codes = new Set(candidates.map((r) => r.code).filter((c): c is string => !!c));
  if (candidates.every((r) => r.code) && [...codes].some((c) => [...codes].some((o) => o !== c && o.startsWith(c)))) return topByUnitCode(candidates);
  const keyCol = table.columns.find((c) => c.key === "total") ?? amountColumns(table)[0];
  if (!keyCol) return candidates;
  const scaleOf = (d: number) => 10 ** Math.min(6, d);
  const nodes = candidates.map((r) => {
    const a = r.amounts[keyCol.key];
    const d = a?.decimals ?? table.precision ?? 2;
    return { v: a && a.value !== null ? Math.round(a.value * scaleOf(d)) / scaleOf(d) : 0, h: 0.5 / scaleOf(d) };
  });
  // Unlabelled rows repeat the total or a group; they never stand alone among labelled rows.
  const ta = total.amounts[keyCol.key];
  const target = ta && ta.value !== null ? { v: ta.value, h: 0.5 / scaleOf(ta.decimals) } : null;
  const fac = Math.max(factor, 1e-9);
  const roots = (target && parseGroups(nodes, target, fac)) || parseGroups(nodes, null, fac) || nodes.map((_, i) => i);
  return roots.map((i) => candidates[i]);
}

function check(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const table of ctx.facts.tables) {
    if (table.spec.sides || table.spec.layout === "form" || table.spec.layout === "single-row" || table.empty) continue;
    const totals = table.rows.filter((r) => r.kind === "total");
    if (totals.length === 0) continue;
    const cols = amountColumns(table);
    const j: Judged = { findings: [], tails: [] };
    for (const total of totals) {
      const parts = partsOfTotal(table, total, ctx.options.roundingFactor);
      if (parts.length === 0) continue;
      const level = parts[0].level ? (parts.every((p) => p.level === 1) ? "类" : "最高级科目") : "各行";
      const key = parts[0].level ? (parts.every((p) => p.level === 1) ? "sumOfClasses" : "sumOfTopCodes") : "sumOfRows";
      for (const col of cols) {
        const t = total.amounts[col.key];
        const ps = parts.map((p) => p.amounts[col.key]).filter((a) => a && a.value !== null);
        const stated = !!t && t.value !== null;
        if (!stated && ps.length === 0) continue;
        if (!stated && ps.every((a) => a!.value === 0)) continue;
        const judgement = judgeSum(figureOf(t), ps.map(figureOf), ctx.options.roundingFactor);
        report(
          j,
          ID,
          table,
          t ?? { r: total.r, c: col.c },
          cellNameText(total, col),
          sumOfText(cellNameText(total, col), level),
          { messages: MESSAGES, key },
          judgement,
          parts.map((p) => toA1(p.amounts[col.key]?.r ?? p.r, col.c)),
          stated,
        );
      }
    }
    flush(ID, table, j, out);
  }
  return out;
}

const wb = (rows: (string | number | null)[][], name = "支出总表"): Workbook => ({ sheets: [sheetFromRows(name, [["支出总表"], ["单位：万元"], ...rows], "#,##0.00")] });
const HEAD = ["科目编码", "科目名称", "合计", "基本支出", "项目支出"];
// 上海市普陀区人民政府办公室 2025 部门收入预算总表, 类 / 款 / 项 rows by name only (20 rows: a search without memo gave up).
const NESTED: (string | number)[][] = (
  [
    ["一般公共服务支出", 82096797.42], ["政府办公厅（室）及相关机构事务", 82096797.42], ["行政运行", 12029501.84], ["一般行政管理事务", 46140000], ["事业运行", 3807295.58], ["其他政府办公厅（室）及相关机构事务支出", 20120000],
    ["社会保障和就业支出", 4213779.28], ["行政事业单位养老支出", 4213779.28], ["行政单位离退休", 1554220], ["机关事业单位基本养老保险缴费支出", 1763159.52], ["机关事业单位职业年金缴费支出", 881579.76], ["其他行政事业单位养老支出", 14820],
    ["卫生健康支出", 1097073.43], ["行政事业单位医疗", 1097073.43], ["行政单位医疗", 782855.28], ["事业单位医疗", 314218.15],
    ["住房保障支出", 3609125.22], ["住房改革支出", 3609125.22], ["住房公积金", 1741445.22], ["购房补贴", 1867680],
  ] as [string, number][]
).map(([n, v]) => [n, v, v]);

export const totalRowRule: Rule = {
  id: ID,
  description: "合计行等于所合计各行之和（科目表为各“类”之和，单位/项目表为顶层各行之和）",
  defaultSeverity: "error",
  messages: MESSAGES,
  check,
  valid: [
    {
      name: "合计 = Σ 类",
      workbook: () => wb([HEAD, [null, "合计", 30, 20, 10], ["208", "社会保障和就业支出", 20, 10, 10], ["20801", "人力资源和社会保障管理事务", 20, 10, 10], ["221", "住房保障支出", 10, 10, null]]),
    },
    {
      name: "尾差 0.01 不算错",
      workbook: () => wb([HEAD, [null, "合计", 81.7, 81.7, null], ["208", "社会保障和就业支出", 78.83, 78.83, null], ["210", "卫生健康支出", 1.53, 1.53, null], ["221", "住房保障支出", 1.35, 1.35, null]]),
    },
    {
      name: "单位表：部门行下含单位行",
      workbook: () => ({
        sheets: [
          sheetFromRows("收入总表", [["部门收入总表"], ["单位代码", "单位名称", "合计", "一般公共预算"], [null, "合计", 81.7, 81.7], ["030", "某局", 81.7, 81.7], ["030010", "某中心", 81.7, 81.7]], "#,##0.00"),
        ],
      }),
    },
    {
      name: "普陀区收入预算总表：类 / 款 / 项只写名称、没有编码，合计 = 各类之和（不把款、项再加一遍）",
      workbook: () => ({ sheets: [sheetFromRows("收入总表", [["部门收入总表"], ["单位：元"], ["单位名称", "合计", "一般公共预算"], ...NESTED, ["合计", 91016775.35, 91016775.35]], "#,##0.00")] }),
    },
  ],
  invalid: [
    {
      name: "类 / 款 / 项只写名称的表：合计与各类之和不符",
      workbook: () => ({ sheets: [sheetFromRows("收入总表", [["部门收入总表"], ["单位：元"], ["单位名称", "合计", "一般公共预算"], ...NESTED, ["合计", 91017775.35, 91016775.35]], "#,##0.00")] }),
      expect: [{ severity: "error", cell: "B24", messageIncludes: "91,016,775.35" }],
    },
    {
      name: "合计与各类之和不符",
      workbook: () => wb([HEAD, [null, "合计", 31, 21, 10], ["208", "社会保障和就业支出", 20, 10, 10], ["221", "住房保障支出", 10, 10, null]]),
      expect: [{ severity: "error", cell: "C4", messageId: "sumOfClasses", messageIncludes: "各类之和 30.00" }, { severity: "error", cell: "D4" }],
    },
    {
      name: "单位表合计错误",
      workbook: () => ({
        sheets: [sheetFromRows("收入总表", [["部门收入总表"], ["单位代码", "单位名称", "合计", "一般公共预算"], [null, "合计", 90, 81.7], ["030", "某局", 81.7, 81.7], ["030010", "某中心", 81.7, 81.7]], "#,##0.00")],
      }),
      expect: [{ severity: "error", cell: "C3", messageIncludes: "81.70" }],
    },
  ],
};
