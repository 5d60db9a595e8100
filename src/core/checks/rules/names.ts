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
import { KIND_NAMES, type CatalogKind } from "../../catalog/types";
import { cat as catText, compose, levelWord, listText, say, tr, unitText, type MessageData, type Messages, type MessageText, type Text } from "../messages";
import { fmtAs } from "../rounding";
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

/** The classification kinds as the English messages name them ("the 2024 {kind} classification"). */
const KIND_NAMES_EN: Record<CatalogKind, string> = {
  function: "functional expenditure",
  "econ-dept": "department economic expenditure",
  "econ-gov": "government economic expenditure",
  revenue: "revenue",
};

/**
 * An edition or period of the classification as the catalog data writes it ("2014–2018 年版",
 * "2018 年版及以前", "较早年版", "2023、2024 年版"), in both languages.
 */
export function periodText(period: string): Text {
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})\s*[–—-]\s*(\d{4})\s*年版$/.exec(period))) return tr(period, `the ${m[1]}–${m[2]} editions`);
  if ((m = /^(\d{4})\s*年版及以前$/.exec(period))) return tr(period, `the ${m[1]} edition and earlier`);
  if (period === "较早年版") return tr(period, "earlier editions");
  if ((m = /^(\d{4}(?:、\d{4})*)(\s*年版)?$/.exec(period))) {
    const years = m[1].split("、");
    return tr(period, `the ${years.join(", ")} edition${years.length > 1 ? "s" : ""}`);
  }
  return period;
}

const UNVERIFIED_EN = "the built-in entry is not verified against a published document; the Ministry of Finance's classification for the year prevails";
const OTHER_ZH = "；另：同一科目编码在本工作簿中名称不一——此处为「{given}」，{otherSheet}（{otherCell}）为「{other}」，请统一为当年科目的正式名称";
const OTHER_EN = "; also, the same code is named differently in this workbook: “{given}” here, “{other}” in {otherSheet} ({otherCell}); use the year's official name in both";

/** The catalog's judgements of a table name: each with an Unverified variant (the entry is unchecked), and each of those with an Other variant (another table names the code differently). */
const JUDGEMENTS: Messages = {
  nameEmpty: { "zh-CN": "{code}：名称为空；{code} 的官方名称为「{official}」", "en-US": "{code}: the name is empty; the official name of {code} is “{official}”" },
  wrongName: { "zh-CN": "{code}：名称「{given}」与 {code} 的官方名称「{official}」不符", "en-US": "{code}: the name “{given}” does not match the official name of {code}, “{official}”" },
  outdatedName: { "zh-CN": "{code}：「{given}」是 {code} 在 {period}中的名称，{edition} 年版为「{official}」", "en-US": "{code}: “{given}” is the name of {code} in {period}; the {edition} edition calls it “{official}”" },
  formerName: { "zh-CN": "{code}：「{given}」是 {code} 的旧名称（{period}），{edition} 年版为「{official}」", "en-US": "{code}: “{given}” is a former name of {code} ({period}); the {edition} edition calls it “{official}”" },
  missingSuffix: { "zh-CN": "{code}：名称缺少结尾的「{suffix}」：{code} 的官方名称为「{official}」", "en-US": "{code}: the name lacks its ending “{suffix}”; the official name of {code} is “{official}”" },
  truncated: { "zh-CN": "{code}：名称不完整（被截断）：{code} 的官方名称为「{official}」", "en-US": "{code}: the name is cut short; the official name of {code} is “{official}”" },
  otherCode: { "zh-CN": "{code}：「{given}」不是 {code} 的名称（官方名称为「{official}」），与之相同或相近的名称属于：{others}", "en-US": "{code}: “{given}” is not the name of {code} (its official name is “{official}”); the same or a similar name belongs to {others}" },
};

const MESSAGES: Messages = {
  unknownCode: {
    "zh-CN": "{code}：{edition} 年{kind}科目中没有编码 {code}（内置科目数据可能缺漏此编码，请核对当年科目）",
    "en-US": "{code}: the {edition} {kind} classification has no code {code} (the built-in catalog may lack it; check the year's classification)",
  },
  unknownKind: { "zh-CN": "{code}：无法确定编码 {code} 的科目类别", "en-US": "{code}: cannot tell which classification the code {code} belongs to" },
  codeNotInEdition: { "zh-CN": "{code}：{edition} 年{kind}科目中没有编码 {code}（{was}）", "en-US": "{code}: the {edition} {kind} classification has no code {code} ({was})" },
  codeNotInEditionNow: {
    "zh-CN": "{code}：{edition} 年{kind}科目中没有编码 {code}（{was}）；{edition} 年版中同名科目为 {otherCode} {otherName}",
    "en-US": "{code}: the {edition} {kind} classification has no code {code} ({was}); in the {edition} edition the code of that name is {otherCode} {otherName}",
  },
  inconsistent: {
    "zh-CN": "{code}：同一科目编码在本工作簿中名称不一——此处为「{given}」，{otherSheet}（{otherCell}）为「{other}」，请统一为当年科目的正式名称",
    "en-US": "{code}: the same code is named differently in this workbook: “{given}” here, “{other}” in {otherSheet} ({otherCell}); use the year's official name in both",
  },
  misreadCodes: {
    "zh-CN": "{count} 行的名称是其编码下级科目的名称，如 {examples}——编码可能只读到了类（或款），类/款/项分列时请检查各列；这些行的名称未作判定",
    "en-US": "{count} row(s) carry the name of a code under their own code, e.g. {examples}: the code may have been read only to its category (or subcategory); where category, subcategory and item are in separate columns, check each column. The names of these rows were not judged",
  },
  textFormerName: {
    "zh-CN": "说明中“{given}（类）”：「{given}」是 {code} 的旧名称（{period}），{edition} 年版为「{official}」",
    "en-US": "The text's “{given}” (category) is a former name of {code} ({period}); the {edition} edition calls it “{official}”",
  },
  nearestEdition: { "zh-CN": "科目名称核对：{year} 年无科目版本，按最接近的 {edition} 年版本。", "en-US": "Names checked against the {edition} classification, the nearest edition to {year} (there is none for {year})." },
};
for (const [id, m] of Object.entries(JUDGEMENTS)) {
  const variants: [string, MessageText][] = [
    [id, m],
    [`${id}Unverified`, { "zh-CN": `${m["zh-CN"]}（${UNVERIFIED_NOTE}）`, "en-US": `${m["en-US"]} (${UNVERIFIED_EN})` }],
  ];
  for (const [k, v] of variants) {
    MESSAGES[k] = v;
    MESSAGES[`${k}Other`] = { "zh-CN": v["zh-CN"] + OTHER_ZH, "en-US": v["en-US"] + OTHER_EN };
  }
}
for (const id of ["unknownCode", "unknownKind", "codeNotInEdition", "codeNotInEditionNow"]) {
  const v = MESSAGES[id];
  MESSAGES[`${id}Other`] = { "zh-CN": v["zh-CN"] + OTHER_ZH, "en-US": v["en-US"] + OTHER_EN };
}
// The text's names that are not names of their level: under a parent or not, with a similar name or not,
// with the code the amount points at, or the names under the parent, or neither; verified or not.
for (const under of [false, true])
  for (const similar of [false, true])
    for (const hint of ["", "ByAmount", "Listed"] as const) {
      if (hint && !under) continue;
      for (const unverified of [false, true]) {
        const id = `notASubjectName${under ? "Under" : ""}${similar ? "Similar" : ""}${hint}${unverified ? "Unverified" : ""}`;
        MESSAGES[id] = {
          "zh-CN":
            `说明中“{quote}”：“{name}”不是${under ? " {parent} 下的" : ""}{level}级科目名称` +
            (similar ? "（与之相近的是 {similarCode} {similarName}）" : "") +
            (hint === "ByAmount" ? "；按金额 {amount}，应为 {amountCode} {amountName}" : hint === "Listed" ? "；{parent} 下的{level}有：{listed}" : "") +
            (unverified ? `（${UNVERIFIED_NOTE}）` : ""),
          "en-US":
            `The text's “{quote}”: “{name}” is not the name of a code at the {level} level${under ? " under {parent}" : ""}` +
            (similar ? " (the closest is {similarCode} {similarName})" : "") +
            (hint === "ByAmount" ? "; by its amount, {amount}, it should be {amountCode} {amountName}" : hint === "Listed" ? "; the codes at the {level} level under {parent} are: {listed}" : "") +
            (unverified ? ` (${UNVERIFIED_EN})` : ""),
        };
      }
    }

/** The message id and data of a catalog judgement of a table's name. */
function judgementSay(j: NameJudgement, code: string, given: string): { id: string; data: MessageData } {
  const base: MessageData = { code, given, official: j.officialName ?? "", edition: j.edition ?? "", kind: j.kind ? tr(KIND_NAMES[j.kind], KIND_NAMES_EN[j.kind]) : "" };
  if (j.verdict === "unknown-code") return { id: j.kind ? "unknownCode" : "unknownKind", data: base };
  if (j.officialName === null) {
    // A code of another edition only.
    const was: Text = j.editions?.length
      ? compose((lang) =>
          j.editions!.map((e) => (lang === "zh-CN" ? `${e.from}${e.to !== e.from ? `–${e.to}` : ""} 年版为「${e.name}」` : `the ${e.from}${e.to !== e.from ? `–${e.to}` : ""} edition${e.to !== e.from ? "s call" : " calls"} it “${e.name}”`)).join(lang === "zh-CN" ? "，" : "; "),
        )
      : periodText(j.outdated?.period ?? "");
    const now = j.otherCodes?.[0];
    return now ? { id: "codeNotInEditionNow", data: { ...base, was, otherCode: now.code, otherName: now.name } } : { id: "codeNotInEdition", data: { ...base, was } };
  }
  let id: string;
  const data = { ...base };
  switch (j.verdict) {
    case "outdated":
      id = /的旧名称/.test(j.message) ? "formerName" : "outdatedName";
      data.period = periodText(j.outdated?.period ?? "");
      break;
    case "missing-suffix":
      id = "missingSuffix";
      data.suffix = /缺少结尾的「([^」]*)」/.exec(j.message)?.[1] ?? "";
      break;
    case "truncated":
      id = "truncated";
      break;
    case "other-code":
      id = "otherCode";
      data.others = listText((j.otherCodes ?? []).map((o) => `${o.code} ${o.name}`));
      break;
    default:
      id = nameKey(given) === "" ? "nameEmpty" : "wrongName";
  }
  return { id: j.verified ? id : `${id}Unverified`, data };
}

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
          ...say(MESSAGES, "inconsistent", { code: x.code, given: x.given, otherSheet: main.t.sheet, otherCell: mainAt.split("!")[1], other: main.given }),
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
      ...(({ id, data }) => say(MESSAGES, id, data))(judgementSay(j, code, given)),
    });
  }
  for (const [t, list] of misread) {
    const eg = listText(list.slice(0, 3).map((m) => tr(`${m.code}「${m.given}」（→ ${m.other}）`, `${m.code} “${m.given}” (→ ${m.other})`)));
    out.push({
      ruleId: ID,
      severity: "warning",
      sheet: t.sheet,
      cell: toA1(t.titleCell.r, t.titleCell.c),
      table: t.spec.id,
      ...say(MESSAGES, "misreadCodes", { count: list.length, examples: eg }),
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
          out.push(outdatedNameFinding(ID, p, f.start, link.name, tr(`（${link.level}）`, ` (${levelWord(link.level, "en-US")})`), renamed));
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
              ...say(MESSAGES, "textFormerName", { given: link.name, code: hist!.entry.code, period: periodText(j.outdated?.period ?? ""), edition: j.edition ?? "", official: j.officialName ?? "" }),
            });
            parent = hist!.entry.code;
            continue;
          }
        }
        // Not a name under its parent: say what the code should be, from the amount where the tables tell.
        let hint: "" | "ByAmount" | "Listed" = "";
        const hintData: MessageData = {};
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
            hint = "ByAmount";
            Object.assign(hintData, { amount: catText(fmtAs(f.value / f.scale, f.decimals), " ", unitText(f.unit)), amountCode: byAmount[0].code, amountName: byAmount[0].name });
            byAmountVerified = byAmount[0].verified;
          }
          else if (kids.length) {
            hint = "Listed";
            hintData.listed = catText(listText(kids.slice(0, 6).map((k) => `${k.code} ${k.name}`)), kids.length > 6 ? " …" : "");
          }
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
          ...say(MESSAGES, `notASubjectName${parent ? "Under" : ""}${other ? "Similar" : ""}${parent ? hint : ""}${verified ? "" : "Unverified"}`, {
            quote: quote(p, Math.max(0, f.start - 40), f.end),
            name: link.name,
            level: tr(link.level, levelWord(link.level, "en-US")),
            ...(parent ? { parent } : {}),
            ...(other ? { similarCode: other.entry.code, similarName: other.entry.name } : {}),
            ...hintData,
          }),
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
      // The catalog's message with the other name appended (its …Other variant).
      Object.assign(same, say(MESSAGES, `${same.messageId}Other`, { ...f.data, ...same.data }));
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
    found.unshift({ ruleId: ID, severity: "info", sheet: t.sheet, cell: toA1(t.titleCell.r, t.titleCell.c), ...say(MESSAGES, "nearestEdition", { year, edition: choice.edition }) });
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
  messages: { ...MESSAGES, ...CODED_NAME_MESSAGES },
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
    { name: "名称被截断", workbook: () => t5("社会保障和就业", "事业单位医疗"), expect: [{ severity: "warning", cell: "B5", messageId: "missingSuffix", messageIncludes: "社会保障和就业支出" }] },
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
      expect: [{ severity: "warning", cell: "B7", messageId: "unknownCodeOther", messageIncludes: "名称不一" }],
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
