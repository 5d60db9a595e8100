/**
 * What a subject in the text stands for in the tables: "社会保障和就业支出" → the 208 line of
 * 收支总表 / 支出总表 / 财政拨款收支总表 / 一般公共预算支出表; "人员经费" → the 合计 row of
 * 一般公共预算支出表 and 基本支出表; "其他工资福利支出" → row 30199 of 基本支出表 …
 *
 * A subject matches a name when the name is its tail and what is left in front is only a
 * unit name, a year word or a qualifier (本年 / 一般公共预算 / 基本 …): "一次性奖金" does not
 * match 奖金, "基本工资福利支出" matches 工资福利支出.
 */
import { builtinCatalog, HISTORICAL_NAMES, type Catalog } from "../catalog";
import type { CatalogKind } from "../catalog/types";
import type { AmountCell, RecognizedTable, WorkbookFacts } from "../recognize/types";
import { labelKey } from "../text";
import { classRow, fixedRow, primaryTable, rowAmount, rowByCode, specColumnKey, totalRow } from "../checks/crossRelations";
import type { Figure } from "./parse";
import { tr, type Localized } from "../checks/messages";

export interface TableFigure {
  table: RecognizedTable;
  cell: AmountCell;
  /** The cell's figure in the workbook unit the text figures are given in (a 元 table read for a 万元 text is converted), and its decimals in that unit. */
  value: number | null;
  decimals: number;
  /** Readable place: 表名[行][列] (zh-CN; also a key). */
  where: string;
  /** The place for messages, in both languages ([合计行] / [total row]). */
  whereText: Localized;
}

export interface Target {
  id: string;
  label: string;
  /** Catalog codes for 科目 targets. */
  codes?: string[];
  kind?: CatalogKind | "structure";
  /** True when the name was matched only through an older edition. */
  outdatedName?: boolean;
}

export function subjectKey(s: string): string {
  return labelKey(s)
    .replace(/[（(][类款项][）)]/g, "")
    .replace(/的/g, "")
    .replace(/[“”"‘’]/g, "");
}

interface TRef {
  table: string;
  row: string; // 合计行 | fixed label | code | class:CODE
  col?: string;
}

const STRUCT: { id: string; label: string; keys: string[]; refs: TRef[] }[] = [
  { id: "basic", label: "基本支出", keys: ["基本支出"], refs: [{ table: "T5", row: "合计行", col: "基本支出" }, { table: "T3", row: "合计行", col: "基本支出" }, { table: "T6", row: "合计行", col: "合计" }] },
  { id: "project", label: "项目支出", keys: ["项目支出"], refs: [{ table: "T5", row: "合计行", col: "项目支出" }, { table: "T3", row: "合计行", col: "项目支出" }, { table: "T10", row: "合计行", col: "合计" }] },
  { id: "personnel", label: "人员经费", keys: ["人员经费"], refs: [{ table: "T5", row: "合计行", col: "人员经费" }, { table: "T6", row: "合计行", col: "人员经费" }] },
  { id: "public", label: "公用经费", keys: ["公用经费"], refs: [{ table: "T5", row: "合计行", col: "公用经费" }, { table: "T6", row: "合计行", col: "公用经费" }] },
  {
    id: "incomeGrand",
    label: "收入总计",
    keys: ["收入总计", "收入预算", "收支总预算", "收支预算总数", "收支预算", "预算收入", "收入预算总额", "收支预算总额", "收入总预算", "总收入", "全年收入", "收入合计", "部门收入"],
    refs: [{ table: "T1", row: "收入总计" }, { table: "T1", row: "本年收入合计" }],
  },
  { id: "expenseGrand", label: "支出总计", keys: ["支出总计", "支出预算", "预算支出", "支出预算总额", "支出总预算", "总支出", "全年支出", "支出合计", "总支出预算", "部门支出", "支出预算总数"], refs: [{ table: "T1", row: "支出总计" }, { table: "T1", row: "本年支出合计" }] },
  { id: "currentIncome", label: "本年收入", keys: ["本年收入", "本年收入合计"], refs: [{ table: "T1", row: "本年收入合计" }, { table: "T4", row: "本年收入" }] },
  { id: "currentExpense", label: "本年支出", keys: ["本年支出合计", "本年支出"], refs: [{ table: "T1", row: "本年支出合计" }, { table: "T4", row: "本年支出" }] },
  { id: "carry", label: "上年结转", keys: ["上年结转", "上年结转结余", "上年结转收入"], refs: [{ table: "T1", row: "上年结转结余" }, { table: "T4", row: "上年结转" }] },
  { id: "fiscalIncome", label: "财政拨款收入", keys: ["财政拨款收入"], refs: [{ table: "T4", row: "本年收入" }, { table: "T4", row: "收入总计" }] },
  {
    id: "fiscalTotal",
    label: "财政拨款收支总预算",
    keys: ["财政拨款收支总预算", "财政拨款收支预算总数", "财政拨款收支预算", "财政拨款收支总额"],
    refs: [{ table: "T4", row: "收入总计" }, { table: "T4", row: "本年收入" }],
  },
  {
    id: "gpbIncome",
    label: "一般公共预算拨款收入",
    keys: ["一般公共预算拨款收入", "一般公共预算收入", "一般公共预算财政拨款收入", "一般公共预算拨款", "一般公共预算当年拨款", "一般公共预算本年收入", "一般公共预算财政拨款本年收入"],
    refs: [{ table: "T1", row: "一般公共预算拨款收入" }, { table: "T4", row: "本年收入.一般公共预算拨款" }, { table: "T5", row: "合计行", col: "合计" }],
  },
  {
    id: "gpbExpense",
    label: "一般公共预算支出",
    keys: ["一般公共预算支出", "一般公共预算财政拨款支出", "一般公共预算当年拨款支出"],
    refs: [{ table: "T5", row: "合计行", col: "合计" }, { table: "T4", row: "本年收入.一般公共预算拨款" }],
  },
  { id: "gfbIncome", label: "政府性基金预算拨款收入", keys: ["政府性基金预算拨款收入", "政府性基金收入", "政府性基金预算拨款", "政府性基金预算当年拨款"], refs: [{ table: "T1", row: "政府性基金预算拨款收入" }, { table: "T4", row: "本年收入.政府性基金预算拨款" }, { table: "T8", row: "合计行", col: "合计" }] },
  { id: "sanGong", label: "“三公”经费", keys: ["三公经费", "三公经费支出", "三公经费预算"], refs: [{ table: "T7", row: "合计行", col: "“三公”经费合计" }] },
  { id: "abroad", label: "因公出国（境）费", keys: ["因公出国（境）费", "因公出国（境）经费", "因公出国（境）费用"], refs: [{ table: "T7", row: "合计行", col: "因公出国（境）费" }] },
  { id: "car", label: "公务用车购置及运行费", keys: ["公务用车购置及运行费", "公务用车购置及运行维护费"], refs: [{ table: "T7", row: "合计行", col: "公务用车购置及运行费.小计" }] },
  { id: "carPurchase", label: "公务用车购置费", keys: ["公务用车购置费"], refs: [{ table: "T7", row: "合计行", col: "公务用车购置费" }] },
  { id: "carRunning", label: "公务用车运行费", keys: ["公务用车运行费", "公务用车运行维护费"], refs: [{ table: "T7", row: "合计行", col: "公务用车运行费" }] },
  { id: "reception", label: "公务接待费", keys: ["公务接待费"], refs: [{ table: "T7", row: "合计行", col: "公务接待费" }] },
  { id: "running", label: "机关运行经费", keys: ["机关运行经费", "机关运行经费支出"], refs: [{ table: "T14", row: "合计行", col: "合计" }] },
  { id: "procurement", label: "政府采购预算", keys: ["政府采购预算总额", "政府采购总额", "政府采购预算", "政府采购预算支出"], refs: [{ table: "T13", row: "合计行", col: "合计" }] },
];

const IGNORABLE_PREFIX = /^(.*?(中心|局|本级|单位|部门|中))?(本年度|本年|当年|年初|全年|今年)?(预算)?(一般公共预算)?(财政拨款)?(当年|本年)?(基本)?(预算)?$/;

interface DictEntry {
  target: Target;
  refs?: TRef[];
}

/** Subjects → targets for one catalog edition: built once per check run (held by the narrative analysis), every answer remembered. */
export interface SubjectMatcher {
  match(subject: string, context?: CatalogKind): Target[];
}

function dictionary(catalog: Catalog, year: number): Map<string, DictEntry[]> {
  const dict = new Map<string, DictEntry[]>();
  const put = (key: string, e: DictEntry) => {
    const k = subjectKey(key);
    if (!k) return;
    const list = dict.get(k) ?? [];
    if (!list.some((x) => x.target.id === e.target.id)) list.push(e);
    dict.set(k, list);
  };
  for (const s of STRUCT) for (const k of s.keys) put(k, { target: { id: s.id, label: s.label, kind: "structure" }, refs: s.refs });
  for (const kind of ["function", "econ-dept"] as CatalogKind[]) {
    for (const e of catalog.entries(kind, year)) {
      const t: Target = { id: `${kind}:${e.code}`, label: `${e.code} ${e.name}`, codes: [e.code], kind };
      put(e.name, { target: t });
      if (kind === "function" && /支出$/.test(e.name) && e.name.length > 4) put(e.name.replace(/支出$/, ""), { target: t });
    }
  }
  return dict;
}

/** A subject longer than this is no name: only its tail is looked up (keeps matching linear). */
const MAX_SUBJECT = 48;

export function subjectMatcher(catalog: Catalog, year: number): SubjectMatcher {
  const dict = dictionary(catalog, year);
  const hist = new Map<string, { kind: string; code: string; name: string }[]>();
  for (const h of HISTORICAL_NAMES) {
    const k = subjectKey(h.name);
    hist.set(k, [...(hist.get(k) ?? []), h]);
  }
  const memo = new Map<string, Target[]>();
  return {
    match(subject: string, context?: CatalogKind): Target[] {
      const memoKey = `${context ?? ""}\u0000${subject}`;
      const hit = memo.get(memoKey);
      if (hit) return hit;
      let key = subjectKey(subject);
      if (key.length > MAX_SUBJECT) key = key.slice(key.length - MAX_SUBJECT);
      let out: Target[] = [];
      for (let i = 0; key && i < key.length; i++) {
        const tail = key.slice(i);
        const prefix = key.slice(0, i);
        if (!IGNORABLE_PREFIX.test(prefix)) continue;
        const hits = dict.get(tail);
        if (hits && hits.length) {
          let ts = hits.map((h) => h.target);
          if (context && ts.some((t) => t.kind === context)) ts = ts.filter((t) => t.kind === context || t.kind === "structure");
          out = ts;
          break;
        }
        const old = hist.get(tail);
        if (old && old.length) {
          out = old.map((h) => ({ id: `${h.kind}:${h.code}`, label: `${h.code}（旧名称“${h.name}”）`, codes: [h.code], kind: h.kind as CatalogKind, outdatedName: true }));
          break;
        }
      }
      memo.set(memoKey, out);
      return out;
    },
  };
}

/** The targets a subject names, with the domain context ("function" / "econ-dept") when the text gives one (a matcher built for this one call; rules use the analysis's). */
export function matchSubject(subject: string, year: number, context?: CatalogKind, catalog: Catalog = builtinCatalog()): Target[] {
  return subjectMatcher(catalog, year).match(subject, context);
}

/** How a table's figures convert to the unit of the text figures. */
function inUnit(facts: WorkbookFacts, t: RecognizedTable, cell: AmountCell): { value: number | null; decimals: number } {
  const from = t.amountUnit ?? facts.amountUnit;
  const to = facts.amountUnit;
  if (from === to || cell.value === null) return { value: cell.value, decimals: cell.decimals };
  return from === "元" ? { value: cell.value / 1e4, decimals: cell.decimals + 4 } : { value: cell.value * 1e4, decimals: Math.max(0, cell.decimals - 4) };
}

function refFigures(facts: WorkbookFacts, r: TRef): TableFigure[] {
  const t = primaryTable(facts, r.table);
  if (!t) return [];
  const row = r.row === "合计行" ? totalRow(t) : /^\d+$/.test(r.row) ? rowByCode(t, r.row) : fixedRow(t, r.row);
  if (!row) return [];
  const colKey = r.col ? specColumnKey(t.spec, r.col) : undefined;
  if (r.col && !colKey) return [];
  const cell = rowAmount(t, row, colKey);
  if (!cell) return [];
  const col = r.col ? `[${r.col}]` : "";
  const where = `${t.sheet}[${r.row}]${col}`;
  return [{ table: t, cell, ...inUnit(facts, t, cell), where, whereText: tr(where, `${t.sheet}[${r.row === "合计行" ? "total row" : r.row}]${col}`) }];
}

/** The table figures a target stands for (all scopes the tables give; a text figure matching any one is consistent). */
export function targetFigures(facts: WorkbookFacts, target: Target): TableFigure[] {
  const s = STRUCT.find((x) => x.id === target.id);
  if (s) return s.refs.flatMap((r) => refFigures(facts, r));
  const out: TableFigure[] = [];
  for (const code of target.codes ?? []) {
    const tables = target.kind === "econ-dept" ? ["T6"] : code.length === 3 ? ["T1", "T3", "T4", "T5", "T8", "T9"] : ["T3", "T5", "T8", "T9", "T2"];
    for (const id of tables) {
      const t = primaryTable(facts, id);
      if (!t) continue;
      const row = code.length === 3 && target.kind !== "econ-dept" ? classRow(t, code) : rowByCode(t, code);
      if (!row) continue;
      const cell = rowAmount(t, row, t.spec.layout === "two-sided" ? undefined : specColumnKey(t.spec, "合计") ?? "total");
      if (cell) {
        const where = `${t.sheet}[${row.label || code}]`;
        out.push({ table: t, cell, ...inUnit(facts, t, cell), where, whereText: tr(where, where) });
      }
    }
  }
  return out;
}

/** Domain context of a paragraph: the nearest earlier mention of 经济分类 / 功能分类 in the same section. */
export function domainContext(texts: string[]): CatalogKind | undefined {
  for (let i = texts.length - 1; i >= 0; i--) {
    if (/经济分类/.test(texts[i])) return "econ-dept";
    if (/功能分类/.test(texts[i])) return "function";
  }
  return undefined;
}

/** For messages: the figure as printed. */
export function printed(f: Figure): string {
  return f.raw.replace(/\s+/g, "");
}
