/**
 * 科目名称 (names): each code's name agrees with the catalog of the workbook's year —
 * in the tables (code rows of 支出总表, 一般公共预算支出表, 基本支出表 …, and the 类 lines of
 * 收支总表 / 财政拨款收支总表) and in the text ("卫生健康(类)行政事业单位医疗(款)职工基本医疗保险(项)").
 *   wrong name / a name of another code → error; truncated or missing its 支出 → warning with the
 *   full official name; a name of an older edition → warning; unknown code → warning.
 */
import { toA1 } from "../../a1";
import { builtinCatalog, HISTORICAL_NAMES } from "../../catalog";
import type { CatalogEntry, NameJudgement } from "../../catalog/types";
import { sheetFromRows, type Workbook } from "../../model";
import { figureCell, narrativeOf, quote } from "../../narrative/analyze";
import { figure, fmt, overlaps } from "../../narrative/interval";
import { subjectKey } from "../../narrative/targets";
import type { Finding, Rule, RuleContext, Severity } from "../types";
import { primaryTable, rowAmount, rowByCode } from "../crossRelations";

const ID = "names";

function stripNumbering(s: string): string {
  return s.replace(/^\s*[（(]?[一二三四五六七八九十廿卅\d]+[)）、.．]\s*/, "").trim();
}

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
      return "error";
  }
}

function checkTables(ctx: RuleContext, year: number): Finding[] {
  const out: Finding[] = [];
  const cat = ctx.options.catalog ?? builtinCatalog();
  // The same code and name recur across tables (支出总表, 一般公共预算支出表 …): judge each pair once.
  const judged = new Map<string, ReturnType<typeof cat.judgeName>>();
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
      const key = `${domain}\u0000${code}\u0000${given}`;
      let j = judged.get(key);
      if (!j) judged.set(key, (j = cat.judgeName(code, given, { year, kind: domain })));
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
        message: `${t.sheet} ${code}：${j.message}`,
      });
    }
  }
  return out;
}

/** Entries of a kind, at one level, under a parent, for a year. */
function childrenOf(parent: string | null, level: 1 | 2 | 3, year: number): CatalogEntry[] {
  return builtinCatalog()
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
  const cat = builtinCatalog();
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
        const pool = childrenOf(level === 1 ? null : parent, level as 1 | 2 | 3, year);
        const hit = findByName(link.name, pool);
        if (hit) {
          parent = hit.entry.code;
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
        if (parent) {
          const kids = childrenOf(parent, level as 1 | 2 | 3, year);
          const byAmount = kids.filter((k) => {
            for (const id of ["T3", "T5", "T1"]) {
              const t = primaryTable(ctx.facts, id);
              const row = t ? rowByCode(t, k.code) : undefined;
              const a = t && row ? rowAmount(t, row, "total") : undefined;
              if (a && a.value !== null && overlaps(figure(a.value, a.decimals, ctx.options.roundingFactor), figure(f.value, f.decimals, ctx.options.roundingFactor, f.scale))) return true;
            }
            return false;
          });
          if (byAmount.length === 1) hint = `；按金额 ${fmt(f.value)} 万元，应为 ${byAmount[0].code} ${byAmount[0].name}`;
          else if (kids.length) hint = `；${parent} 下的${link.level}有：${kids.slice(0, 6).map((k) => `${k.code} ${k.name}`).join("、")}${kids.length > 6 ? " 等" : ""}`;
        }
        const other = cat.search(link.name, { kind: "function", year, limit: 1, minScore: 90 })[0];
        out.push({
          ruleId: ID,
          severity: "error",
          sheet: loc.sheet,
          cell: loc.cell,
          actual: link.name,
          message:
            `说明中“${quote(p, Math.max(0, f.start - 40), f.end)}”：“${link.name}”不是${parent ? ` ${parent} 下的` : ""}${link.level}级科目名称` +
            (other ? `（与之相近的是 ${other.entry.code} ${other.entry.name}）` : "") +
            hint,
        });
        break;
      }
    }
  }
  return out;
}

export function checkNames(ctx: RuleContext): Finding[] {
  const year = ctx.options.year ?? ctx.facts.year ?? narrativeOf(ctx).year ?? new Date().getFullYear();
  const found = [...checkTables(ctx, year), ...checkText(ctx, year)];
  // A year without its own catalog edition is judged by the nearest one, and the report says so.
  const cat = ctx.options.catalog ?? builtinCatalog();
  const choice = cat.resolveYear("function", year);
  if (choice?.note && ctx.facts.tables.length) {
    const t = ctx.facts.tables[0];
    found.unshift({ ruleId: ID, severity: "info", sheet: t.sheet, cell: toA1(t.titleCell.r, t.titleCell.c), message: `科目名称核对：${choice.note}。` });
  }
  return found;
}

const text = (lines: string[]): Workbook => ({ sheets: [sheetFromRows("情况说明", lines.map((l) => [l]))] });
const t5 = (name208: string, name2101102: string): Workbook => ({
  sheets: [
    sheetFromRows(
      "一般公共预算支出表",
      [
        ["2024年一般公共预算支出表"],
        ["单位：万元"],
        ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
        [null, "合计", 10, 10, null],
        ["208", name208, 8, 8, null],
        ["20805", "行政事业单位养老支出", 8, 8, null],
        ["2080505", "机关事业单位基本养老保险缴费支出", 8, 8, null],
        ["210", "卫生健康支出", 2, 2, null],
        ["21011", "行政事业单位医疗", 2, 2, null],
        ["2101102", name2101102, 2, 2, null],
      ],
      "#,##0.00",
    ),
  ],
});

export const namesRule: Rule = {
  id: ID,
  description: "科目名称：表中和说明中的科目编码与名称符合当年《政府收支分类科目》",
  defaultSeverity: "error",
  check: checkNames,
  valid: [
    { name: "名称与当年科目一致", workbook: () => t5("社会保障和就业支出", "事业单位医疗") },
    { name: "说明中的类款项名称正确", workbook: () => text(["2024年预算。", "1. 社会保障和就业支出(类)行政事业单位养老支出(款)机关事业单位基本养老保险缴费支出(项):2024 年预算数为 69.30 万元。"]) },
  ],
  invalid: [
    { name: "项名称用了别的科目的名称", workbook: () => t5("社会保障和就业支出", "职工基本医疗保险"), expect: [{ severity: "error", cell: "B10" }] },
    { name: "名称被截断", workbook: () => t5("社会保障和就业", "事业单位医疗"), expect: [{ severity: "warning", cell: "B5", messageIncludes: "社会保障和就业支出" }] },
    {
      name: "达州：说明中的项名称“职工基本医疗保险”",
      workbook: () => text(["2024年预算。", "3. 卫生健康(类)行政事业单位医疗(款)职工基本医疗保险(项):2024 年预算数为 21.43 万元。"]),
      expect: [{ severity: "error", cell: "A2", messageIncludes: "职工基本医疗保险" }],
    },
    {
      name: "曾都：说明中用旧名称“医疗卫生与计划生育支出（类）”",
      workbook: () => text(["2024年预算。", "2. 医疗卫生与计划生育支出（类）1.53 万元：主要用于行政事业单位医疗 1.53 万元的支出。"]),
      expect: [{ severity: "warning", cell: "A2", messageIncludes: "卫生健康支出" }],
    },
  ],
};

export default namesRule;
