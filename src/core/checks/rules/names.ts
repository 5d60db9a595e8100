/**
 * 科目名称 (names): each code's name agrees with the catalog of the workbook's year —
 * in the tables (code rows of 支出总表, 一般公共预算支出表, 基本支出表 …, and the 类 lines of
 * 收支总表 / 财政拨款收支总表) and in the text ("卫生健康(类)行政事业单位医疗(款)职工基本医疗保险(项)").
 *   wrong name / a name of another code → error, but only when the catalog entry is verified
 *   against a published document of that edition (data/catalog/evidence); against an unverified
 *   entry it is a warning that says so. Truncated or missing its 支出 → warning with the full
 *   official name; a name of an older edition → warning; unknown code → warning.
 * Catalog-independent: the same code named differently in two tables (or two rows) of one
 * workbook → warning, whatever the catalog says.
 * The catalog is the one of the rule context (the engine's, with the user's imported editions).
 */
import { toA1 } from "../../a1";
import { builtinCatalog, HISTORICAL_NAMES, UNVERIFIED_NOTE } from "../../catalog";
import type { Catalog } from "../../catalog/catalog";
import { missingSuffix, nameKey } from "../../catalog/names";
import type { CatalogEntry, NameJudgement } from "../../catalog/types";
import type { RecognizedRow, RecognizedTable } from "../../recognize/types";
import { sheetFromRows, type Workbook } from "../../model";
import { figureCell, narrativeOf, quote } from "../../narrative/analyze";
import { figure, fmt, overlaps } from "../../narrative/interval";
import { subjectKey } from "../../narrative/targets";
import type { Finding, Rule, RuleContext, Severity } from "../types";
import { primaryTable, rowAmount, rowByCode } from "../crossRelations";
import { CODED_NAME_MESSAGES, codedNameFindings, outdatedNameFinding, outdatedUnder } from "../../narrative/codedNames";

const ID = "names";

function stripNumbering(s: string): string {
  return s.replace(/^\s*[（(]?[一二三四五六七八九十廿卅\d]+[)）、.．]\s*/, "").trim();
}

/** The one catalog every rule uses: the engine's context, else the caller's option, else the built-in data. */
export function contextCatalog(ctx: RuleContext): Catalog {
  return ctx.catalog ?? ctx.options.catalog ?? builtinCatalog();
}

/** Severity of a judgement: an error needs a verified catalog entry; anything else is at most a warning. */
function severityOf(j: NameJudgement): Severity | null {
  switch (j.verdict) {
    case "ok":
    case "variant":
      return null;
    case "truncated":
    case "missing-suffix":
    case "outdated":
    case "unknown-code":
      return "warning";
    default:
      return j.verified ? "error" : "warning";
  }
}

/** The judgement's message, saying when the entry it rests on is unverified. */
function messageOf(j: NameJudgement): string {
  if (j.verdict === "unknown-code") return `${j.message}（内置科目数据可能缺漏此编码，请核对当年科目）`;
  if (!j.verified && j.officialName !== null) return `${j.message}（${UNVERIFIED_NOTE}）`;
  return j.message;
}

/** A code row of a classification table whose code was read from code cells (not guessed from its name). */
interface NamedRow {
  t: RecognizedTable;
  r: RecognizedRow;
  code: string;
  domain: "function" | "econ-dept";
  given: string;
  /** Set by checkTables: the name belongs to a code under this one, so the code was read short. */
  misread?: boolean;
  /** Set by checkTables: the catalog judges the name right. */
  ok?: boolean;
}

function namedRows(ctx: RuleContext): NamedRow[] {
  const out: NamedRow[] = [];
  for (const t of ctx.facts.tables) {
    const codeCol = t.spec.columns.find((c) => c.role === "code");
    const domain = codeCol?.domain ?? (t.spec.classLines ? "function" : undefined);
    if (domain !== "function" && domain !== "econ-dept") continue;
    for (const r of t.rows) {
      const code = r.code ?? (r.side === "expense" ? r.classCode : undefined);
      if (!code || !r.label) continue;
      if (domain === "function" && !/^2\d{2}(\d{2}){0,2}$/.test(code)) continue;
      if (domain === "econ-dept" && !/^3\d{2}(\d{2})?$/.test(code)) continue;
      const given = stripNumbering(r.label);
      if (!given) continue;
      out.push({ t, r, code, domain, given });
    }
  }
  return out;
}

/**
 * The same code printed with different names in one workbook (two tables, or two rows of a
 * table): a finding by itself, whatever the catalog says. Names that differ only in writing
 * (spaces, brackets) or by a trailing 支出 are the same name. Each name that is not the one most
 * rows print is reported, with where the other name is.
 */
function checkConsistency(rows: NamedRow[]): Finding[] {
  const out: Finding[] = [];
  const byCode = new Map<string, NamedRow[]>();
  for (const x of rows) {
    if (x.r.code === undefined || x.r.codeSource === "name" || x.misread) continue; // a code guessed from the name, or read short, proves nothing
    const k = `${x.domain}\u0000${x.code}`;
    let list = byCode.get(k);
    if (!list) byCode.set(k, (list = []));
    list.push(x);
  }
  const same = (a: string, b: string) => a === b || !!missingSuffix(a, b) || !!missingSuffix(b, a);
  for (const list of byCode.values()) {
    // group by name
    const groups: { key: string; rows: NamedRow[] }[] = [];
    for (const x of list) {
      const k = nameKey(x.given);
      const g = groups.find((y) => same(y.key, k));
      if (g) g.rows.push(x);
      else groups.push({ key: k, rows: [x] });
    }
    if (groups.length < 2) continue;
    // The reference name: the one the catalog agrees with, else the one most rows print.
    const okOf = (g: { rows: NamedRow[] }) => (g.rows.some((x) => x.ok) ? 1 : 0);
    groups.sort((a, b) => okOf(b) - okOf(a) || b.rows.length - a.rows.length);
    const main = groups[0].rows[0];
    const mainAt = `${main.t.sheet}!${toA1((main.r.labelCell ?? main.r.codeCell ?? { r: main.r.r, c: 0 }).r, (main.r.labelCell ?? main.r.codeCell ?? { r: main.r.r, c: 0 }).c)}`;
    for (const g of groups.slice(1)) {
      for (const x of g.rows) {
        const cell = x.r.labelCell ?? x.r.codeCell ?? { r: x.r.r, c: 0 };
        out.push({
          ruleId: ID,
          severity: "warning",
          sheet: x.t.sheet,
          cell: toA1(cell.r, cell.c),
          table: x.t.spec.id,
          related: [mainAt],
          expected: main.given,
          actual: x.given,
          message: `${x.t.sheet} ${x.code}：同一科目编码在本工作簿中名称不一——此处为「${x.given}」，${main.t.sheet}（${mainAt.split("!")[1]}）为「${main.given}」，请统一为当年科目的正式名称`,
        });
      }
    }
  }
  return out;
}

/**
 * The name is the name of a code under this one (201 「商贸事务」 = 20113): the row's code was read
 * short — split 类/款/项 cells read as the 类 alone — so the name says nothing about the code.
 */
function misreadAs(cat: Catalog, j: NameJudgement, code: string, given: string, domain: "function" | "econ-dept", year: number): string | null {
  if (j.verdict !== "other-code" && j.verdict !== "wrong") return null;
  if (code.length >= 7) return null;
  const under = cat.search(given, { kind: domain, year, parent: code, limit: 1, minScore: 85 })[0];
  return under ? under.entry.code : null;
}

function checkTables(ctx: RuleContext, year: number, rows: NamedRow[]): Finding[] {
  const out: Finding[] = [];
  const cat = contextCatalog(ctx);
  // The same code and name recur across tables (支出总表, 一般公共预算支出表 …): judge each pair once.
  const judged = new Map<string, NameJudgement>();
  const misread = new Map<RecognizedTable, { code: string; given: string; other: string }[]>();
  for (const x of rows) {
    const { t, r, code, domain, given } = x;
    const key = `${domain}\u0000${code}\u0000${given}`;
    let j = judged.get(key);
    if (!j) judged.set(key, (j = cat.judgeName(code, given, { year, kind: domain })));
    x.ok = j.verdict === "ok" || j.verdict === "variant";
    const deeper = misreadAs(cat, j, code, given, domain, year);
    if (deeper) {
      x.misread = true;
      const list = misread.get(t) ?? [];
      list.push({ code, given, other: deeper });
      misread.set(t, list);
      continue;
    }
    const sev = severityOf(j);
    if (!sev) continue;
    const cell = r.labelCell ?? r.codeCell ?? { r: r.r, c: 0 };
    out.push({
      ruleId: ID,
      severity: sev,
      sheet: t.sheet,
      cell: toA1(cell.r, cell.c),
      table: t.spec.id,
      expected: j.officialName ?? undefined,
      actual: given,
      message: `${t.sheet} ${code}：${messageOf(j)}`,
    });
  }
  for (const [t, list] of misread) {
    const eg = list.slice(0, 3).map((m) => `${m.code}「${m.given}」（${m.other} 的名称）`).join("、");
    out.push({
      ruleId: ID,
      severity: "warning",
      sheet: t.sheet,
      cell: toA1(t.titleCell.r, t.titleCell.c),
      table: t.spec.id,
      message: `${t.sheet}：${list.length} 行的名称是其编码下级科目的名称，如 ${eg}——编码可能只读到了类（或款），类/款/项分列时请检查各列；这些行的名称未作判定`,
    });
  }
  return out;
}

/** Entries of a kind, at one level, under a parent, for a year. */
function childrenOf(cat: Catalog, parent: string | null, level: 1 | 2 | 3, year: number): CatalogEntry[] {
  return cat
    .entries("function", year)
    .filter((e) => e.level === level && (parent === null ? true : e.parent === parent));
}

function findByName(name: string, entries: CatalogEntry[]): { entry: CatalogEntry; how: "exact" | "short" } | undefined {
  const k = subjectKey(name);
  const exact = entries.find((e) => subjectKey(e.name) === k);
  if (exact) return { entry: exact, how: "exact" };
  const short = entries.find((e) => subjectKey(e.name) === k + "支出" || subjectKey(e.name).replace(/支出$/, "") === k.replace(/支出$/, ""));
  return short ? { entry: short, how: "short" } : undefined;
}

function checkText(ctx: RuleContext, year: number): Finding[] {
  const out: Finding[] = [];
  const cat = contextCatalog(ctx);
  const { paras } = narrativeOf(ctx);
  const seen = new Set<string>();
  for (const p of paras) {
    for (const f of p.figures) {
      if (!f.chain) continue;
      const key = `${p.para.index}:${f.chain.map((c) => c.name).join(">")}`;
      if (seen.has(key)) continue;
      seen.add(key);
      let parent: string | null = null;
      const loc = figureCell(p.para, f);
      for (const link of f.chain) {
        const level = link.level === "类" ? 1 : link.level === "款" ? 2 : 3;
        // A "name" that carries numbering, digits or a sentence is a misread of the text, not a subject name: judge nothing.
        if (!plausibleName(link.name)) break;
        const pool = childrenOf(cat, level === 1 ? null : parent, level as 1 | 2 | 3, year);
        const hit = findByName(link.name, pool);
        if (hit) {
          parent = hit.entry.code;
          continue;
        }
        // "二政府性基金预算当年拨款结构情况社会保障和就业支出": a heading run into the name — the text was misread, judge nothing.
        const lk = subjectKey(link.name);
        if (pool.some((e) => { const k = subjectKey(e.name); return k.length >= 2 && lk.length >= k.length + 2 && lk.endsWith(k); })) break;
        // A 款 / 项 name an older edition gave a code under its parent.
        const renamed: ReturnType<typeof outdatedUnder> = level > 1 && parent ? outdatedUnder(cat, parent, link.name, year) : null;
        if (renamed) {
          out.push(outdatedNameFinding(ID, p, f.start, link.name, `（${link.level}）`, renamed));
          parent = renamed.code;
          continue;
        }
        // An older edition's name of a code here?
        if (level === 1) {
          const old = HISTORICAL_NAMES.find((h) => h.kind === "function" && h.code.length === 3 && subjectKey(h.name) === subjectKey(link.name));
          const hist = old ? { entry: { code: old.code } } : cat.search(link.name, { kind: "function", year, limit: 3 }).find((h) => h.entry.level === 1);
          const j = hist ? cat.judgeName(hist.entry.code, link.name, { year, kind: "function" }) : null;
          if (j && j.verdict === "outdated") {
            out.push({
              ruleId: ID,
              severity: "warning",
              sheet: loc.sheet,
              cell: loc.cell,
              expected: j.officialName ?? undefined,
              actual: link.name,
              message: `说明中“${link.name}（类）”：${j.message}`,
            });
            parent = hist!.entry.code;
            continue;
          }
        }
        // Not a name under its parent: say what the code should be, from the amount where the tables tell.
        let hint = "";
        let byAmountVerified = false;
        if (parent) {
          const kids = childrenOf(cat, parent, level as 1 | 2 | 3, year);
          const byAmount = kids.filter((k) => {
            for (const id of ["T3", "T5", "T1"]) {
              const t = primaryTable(ctx.facts, id);
              const row = t ? rowByCode(t, k.code) : undefined;
              const a = t && row ? rowAmount(t, row, "total") : undefined;
              if (a && a.value !== null && overlaps(figure(a.value, a.decimals, ctx.options.roundingFactor), figure(f.value, f.decimals, ctx.options.roundingFactor, f.scale))) return true;
            }
            return false;
          });
          if (byAmount.length === 1) {
            hint = `；按金额 ${fmt(f.value)} 万元，应为 ${byAmount[0].code} ${byAmount[0].name}`;
            byAmountVerified = byAmount[0].verified;
          }
          else if (kids.length) hint = `；${parent} 下的${link.level}有：${kids.slice(0, 6).map((k) => `${k.code} ${k.name}`).join("、")}${kids.length > 6 ? " 等" : ""}`;
        }
        const other = cat.search(link.name, { kind: "function", year, limit: 1, minScore: 90 })[0];
        // An error needs verified evidence: the amount points at one verified entry, or the name is a verified entry's of another code.
        const verified = byAmountVerified || (other !== undefined && other.entry.verified && other.match !== "fuzzy");
        out.push({
          ruleId: ID,
          severity: verified ? "error" : "warning",
          sheet: loc.sheet,
          cell: loc.cell,
          actual: link.name,
          message:
            `说明中“${quote(p, Math.max(0, f.start - 40), f.end)}”：“${link.name}”不是${parent ? ` ${parent} 下的` : ""}${link.level}级科目名称` +
            (other ? `（与之相近的是 ${other.entry.code} ${other.entry.name}）` : "") +
            hint +
            (verified ? "" : `（${UNVERIFIED_NOTE}）`),
        });
        break;
      }
    }
  }
  return out;
}

/** A subject name as the text prints one: CJK words and brackets, no digits, no list numbering, not a sentence. */
function plausibleName(name: string): boolean {
  const n = name.trim();
  return n.length >= 2 && n.length <= 40 && !/[0-9０-９。；;，,：:]/.test(n) && !/^[一二三四五六七八九十]+[、\s]/.test(n) && !/\s/.test(n);
}

export function checkNames(ctx: RuleContext): Finding[] {
  const year = ctx.options.year ?? ctx.facts.year ?? narrativeOf(ctx).year ?? new Date().getFullYear();
  const rows = namedRows(ctx);
  const tables = checkTables(ctx, year, rows);
  // A cell the catalog already flags gets the other table's name in its message, not a second finding.
  const at = new Map(tables.map((f) => [`${f.sheet}\u0000${f.cell}`, f]));
  const consistency: Finding[] = [];
  for (const f of checkConsistency(rows)) {
    const same = at.get(`${f.sheet}\u0000${f.cell}`);
    if (same) {
      same.message += `；另：${f.message.slice(f.message.indexOf("同一科目编码"))}`;
      same.related = [...(same.related ?? []), ...(f.related ?? [])];
      if (same.expected === undefined) same.expected = f.expected;
    } else consistency.push(f);
  }
  const found = [...tables, ...consistency, ...checkText(ctx, year), ...codedNameFindings(ID, contextCatalog(ctx), narrativeOf(ctx).paras, year)];
  // A year without its own catalog edition is judged by the nearest one, and the report says so.
  const cat = contextCatalog(ctx);
  const choice = cat.resolveYear("function", year);
  if (choice?.note && ctx.facts.tables.length) {
    const t = ctx.facts.tables[0];
    found.unshift({ ruleId: ID, severity: "info", sheet: t.sheet, cell: toA1(t.titleCell.r, t.titleCell.c), message: `科目名称核对：${choice.note}。` });
  }
  return found;
}

const text = (lines: string[]): Workbook => ({ sheets: [sheetFromRows("情况说明", lines.map((l) => [l]))] });
const t5 = (name208: string, name2101102: string, health = 2, extra?: [string, string]): Workbook => ({
  sheets: [
    sheetFromRows(
      "一般公共预算支出表",
      [
        ["2024年一般公共预算支出表"],
        ["单位：万元"],
        ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
        [null, "合计", 8 + health + (extra ? 1 : 0), 8 + health + (extra ? 1 : 0), null],
        ...(extra
          ? [
              ["201", "一般公共服务支出", 1, 1, null],
              ["20101", "人大事务", 1, 1, null],
              [extra[0], extra[1], 1, 1, null],
            ]
          : []),
        ["208", name208, 8, 8, null],
        ["20805", "行政事业单位养老支出", 8, 8, null],
        ["2080505", "机关事业单位基本养老保险缴费支出", 8, 8, null],
        ["210", "卫生健康支出", health, health, null],
        ["21011", "行政事业单位医疗", health, health, null],
        ["2101102", name2101102, health, health, null],
      ],
      "#,##0.00",
    ),
  ],
});
const t3 = (code: string, name: string, title = "部门支出总表"): Workbook => ({
  sheets: [
    sheetFromRows(
      title,
      [
        [`2024年${title}`],
        ["单位：万元"],
        ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
        [null, "合计", 2, 2, null],
        ["210", "卫生健康支出", 2, 2, null],
        ["21011", "行政事业单位医疗", 2, 2, null],
        [code, name, 2, 2, null],
      ],
      "#,##0.00",
    ),
  ],
});

export const namesRule: Rule = {
  id: ID,
  description: "科目名称：表中和说明中的科目编码与名称符合当年《政府收支分类科目》",
  defaultSeverity: "error",
  messages: { ...CODED_NAME_MESSAGES },
  check: checkNames,
  valid: [
    { name: "名称与当年科目一致", workbook: () => t5("社会保障和就业支出", "事业单位医疗") },
    { name: "说明中的类款项名称正确", workbook: () => text(["2024年预算。", "1. 社会保障和就业支出(类)行政事业单位养老支出(款)机关事业单位基本养老保险缴费支出(项):2024 年预算数为 69.30 万元。"]) },
    {
      name: "名称里的括号是名称的一部分：政府办公厅（室）及相关机构事务（款）",
      workbook: () => text(["2025年预算。", "1. 一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）2025年预算数为 1202.95 万元。"]),
    },
    {
      name: "普陀区司法局 2026：带编码的类款项名称“公共安全支出（204类）司法（06款）行政运行（01项）”正确",
      workbook: () => text(["2026年部门预算。", "1、公共安全支出（204类）司法（06款）行政运行（01项）1672.67万元。主要用于：行政单位的基本支出。"]),
    },
  ],
  invalid: [
    { name: "项名称用了别的科目的名称", workbook: () => t5("社会保障和就业支出", "职工基本医疗保险"), expect: [{ severity: "error", cell: "B10" }] },
    { name: "名称被截断", workbook: () => t5("社会保障和就业", "事业单位医疗"), expect: [{ severity: "warning", cell: "B5", messageIncludes: "社会保障和就业支出" }] },
    {
      name: "达州：说明中的项名称“职工基本医疗保险”，金额指向已核实的 2101102 事业单位医疗",
      workbook: () => ({
        sheets: [
          ...t5("社会保障和就业支出", "事业单位医疗", 21.43).sheets,
          ...text(["2024年预算。", "3. 卫生健康(类)行政事业单位医疗(款)职工基本医疗保险(项):2024 年预算数为 21.43 万元。"]).sheets,
        ],
      }),
      expect: [{ severity: "error", cell: "A2", messageIncludes: "2101102 事业单位医疗" }],
    },
    {
      name: "与未经核实的科目条目不符：只是警告，并说明条目未经核实",
      workbook: () => t5("社会保障和就业支出", "事业单位医疗", 2, ["2010104", "人大开会"]),
      expect: [{ severity: "warning", messageIncludes: "未经公开文件核实" }],
    },
    {
      name: "同一编码在两张表中名称不一（不依赖科目数据）",
      workbook: () => ({ sheets: [...t3("2101198", "职工医疗补助", "部门支出总表").sheets, ...t3("2101198", "其他医疗支出", "一般公共预算支出表").sheets] }),
      expect: [{ severity: "warning", cell: "B7", messageIncludes: "名称不一" }],
    },
    {
      name: "曾都：说明中用旧名称“医疗卫生与计划生育支出（类）”",
      workbook: () => text(["2024年预算。", "2. 医疗卫生与计划生育支出（类）1.53 万元：主要用于行政事业单位医疗 1.53 万元的支出。"]),
      expect: [{ severity: "warning", cell: "A2", messageIncludes: "卫生健康支出" }],
    },
    {
      name: "普陀区司法局 2026：旧名称带编码“医疗卫生与计划生育支出（210类）”",
      workbook: () => text(["2026年部门预算。", "11、医疗卫生与计划生育支出（210类）行政事业单位医疗（11款）行政单位医疗（01项）114.97万元。主要用于：行政单位医疗保险缴费经费。"]),
      expect: [{ severity: "warning", cell: "A2", messageId: "outdatedInText", messageIncludes: "卫生健康支出" }],
    },
    {
      name: "改名的项：2013804 2023 年版“市场主体管理”，2024 年起“经营主体管理”（带编码与不带编码）",
      workbook: () => text(["2025年部门预算。", "1、一般公共服务支出（201类）市场监督管理事务（38款）市场主体管理（04项）10.00万元。", "2. 一般公共服务支出(类)市场监督管理事务(款)市场主体管理(项)2025年预算数为 10.00 万元。"]),
      expect: [
        { severity: "warning", cell: "A2", messageId: "outdatedInText", messageIncludes: "经营主体管理" },
        { severity: "warning", cell: "A3", messageId: "outdatedInText", messageIncludes: "经营主体管理" },
      ],
    },
  ],
};

export default namesRule;
