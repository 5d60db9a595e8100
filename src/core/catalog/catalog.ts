/**
 * The classification catalog: lookup by code, names, search, editions, overlays.
 * Pure data in, answers out; indexes are built per kind on first use.
 */
import { inferKind, levelOfCode, normalizeCode } from "./code";
import historical from "./historical-names.json";
import { isTruncation, missingSuffix, nameKey, similarity } from "./names";
import {
  CATALOG_KINDS,
  KIND_NAMES,
  LEVEL_NAMES,
  type BestEdition,
  type CatalogEntry,
  type CatalogKind,
  type CatalogLevel,
  type CatalogOverlay,
  type CodeInput,
  type EditionChoice,
  type EditionDiff,
  type LookupOptions,
  type LookupResult,
  type NameJudgement,
  type RawCatalogEntry,
  type SearchHit,
  type SearchMatch,
  type SearchOptions,
  type StatsRow,
  type VerifiedEntry,
} from "./types";

export interface HistoricalName {
  kind: CatalogKind;
  code: string;
  name: string;
  period: string;
  lastYear: number;
  current: string;
  source: string;
}

export const HISTORICAL_NAMES: readonly HistoricalName[] = (historical.entries as HistoricalName[]).map((h) => ({ ...h }));

interface KeyedEntry {
  entry: CatalogEntry;
  key: string;
}

interface KindIndex {
  kind: CatalogKind;
  /** Editions, ascending. */
  years: number[];
  byYear: Map<number, Map<string, CatalogEntry>>;
  /** All names a code carries in any edition, with the editions. */
  namesByCode: Map<string, { name: string; years: number[] }[]>;
  children?: Map<number, Map<string, CatalogEntry[]>>;
  keyed?: Map<number, KeyedEntry[]>;
  choices: Map<number, EditionChoice>;
}

export type CatalogSources = Partial<Record<CatalogKind, readonly RawCatalogEntry[]>>;

/** The message part that says a judgement rests on an entry nobody checked against a document. */
export const UNVERIFIED_NOTE = "内置科目条目未经公开文件核实，请以财政部当年《政府收支分类科目》为准";

function yearNote(requested: number, edition: number): string {
  return `${requested} 年无科目版本，按最接近的 ${edition} 年版本`;
}

function asLevel(n: number): CatalogLevel {
  return (n === 1 || n === 2 || n === 3 ? n : levelOfCode(String(n)) ?? 3) as CatalogLevel;
}

export class Catalog {
  private readonly indexes = new Map<CatalogKind, KindIndex>();

  constructor(
    private readonly sources: CatalogSources,
    readonly overlays: readonly CatalogOverlay[] = [],
    /** Evidence: entries a published document prints (data/catalog/verified.json). */
    private readonly verifiedEntries: readonly VerifiedEntry[] = [],
  ) {}

  /** A catalog where the overlay's year of its kind is added, or replaces the built-in edition of that year. */
  withOverlay(overlay: CatalogOverlay): Catalog {
    const rest = this.overlays.filter((o) => !(o.kind === overlay.kind && o.year === overlay.year));
    return new Catalog(this.sources, [...rest, overlay], this.verifiedEntries);
  }

  /** How many entries of each kind and edition are verified against a published document. */
  verifiedStats(): { kind: CatalogKind; year: number; verified: number; total: number }[] {
    const out: { kind: CatalogKind; year: number; verified: number; total: number }[] = [];
    for (const kind of CATALOG_KINDS) {
      const idx = this.index(kind);
      for (const year of idx.years) {
        const map = idx.byYear.get(year)!;
        let v = 0;
        for (const e of map.values()) if (e.verified) v++;
        out.push({ kind, year, verified: v, total: map.size });
      }
    }
    return out;
  }

  /** Kinds that have data. */
  kinds(): CatalogKind[] {
    return CATALOG_KINDS.filter((k) => this.index(k).years.length > 0);
  }

  /** Editions of one kind, or of any kind (ascending). */
  years(kind?: CatalogKind): number[] {
    if (kind) return [...this.index(kind).years];
    const all = new Set<number>();
    for (const k of CATALOG_KINDS) for (const y of this.index(k).years) all.add(y);
    return [...all].sort((a, b) => a - b);
  }

  /** The edition that answers a year: itself when it exists, else the nearest (ties: the newer), with a note. */
  resolveYear(kind: CatalogKind, year?: number): EditionChoice | null {
    const idx = this.index(kind);
    const ys = idx.years;
    if (ys.length === 0) return null;
    if (year === undefined || !Number.isFinite(year)) {
      const newest = ys[ys.length - 1];
      return { edition: newest, requestedYear: newest };
    }
    const cached = idx.choices.get(year);
    if (cached) return cached;
    let best = ys[0];
    for (const y of ys) if (Math.abs(y - year) <= Math.abs(best - year)) best = y;
    const choice: EditionChoice = best === year ? { edition: best, requestedYear: year } : { edition: best, requestedYear: year, note: yearNote(year, best) };
    idx.choices.set(year, choice);
    return choice;
  }

  /** A code in any form, its kind and the edition that answers the year; null when any of them is missing. */
  private locate(code: CodeInput, opts: LookupOptions): { c: string; kind: CatalogKind; choice: EditionChoice } | null {
    const c = normalizeCode(code);
    if (!c) return null;
    const kind = opts.kind ?? inferKind(c);
    if (!kind) return null;
    const choice = this.resolveYear(kind, opts.year);
    return choice ? { c, kind, choice } : null;
  }

  /** The entry for a code in the edition answering the year, or null (not a code, or not in that edition). */
  lookup(code: CodeInput, opts: LookupOptions = {}): LookupResult | null {
    const at = this.locate(code, opts);
    if (!at) return null;
    const { c, kind, choice } = at;
    const e = this.index(kind).byYear.get(choice.edition)?.get(c);
    if (!e) return null;
    return choice.note ? { ...e, requestedYear: choice.requestedYear, note: choice.note } : { ...e, requestedYear: choice.requestedYear };
  }

  /** Every entry of a kind in the edition answering the year, in code order. */
  entries(kind: CatalogKind, year?: number): CatalogEntry[] {
    const choice = this.resolveYear(kind, year);
    if (!choice) return [];
    return [...(this.index(kind).byYear.get(choice.edition)?.values() ?? [])];
  }

  /** The ancestors of a code, nearest first (款 then 类), as far as they exist in the edition. */
  parentChain(code: CodeInput, opts: LookupOptions = {}): CatalogEntry[] {
    const at = this.locate(code, opts);
    if (!at) return [];
    const { c, kind, choice } = at;
    const map = this.index(kind).byYear.get(choice.edition)!;
    const out: CatalogEntry[] = [];
    let p = map.get(c)?.parent ?? (c.length > 3 ? c.slice(0, -2) : null);
    while (p) {
      const e = map.get(p);
      if (e) out.push(e);
      p = e ? e.parent : p.length > 3 ? p.slice(0, -2) : null;
    }
    return out;
  }

  /** Direct children of a code in the edition (类 → 款, 款 → 项), in code order. */
  children(code: CodeInput, opts: LookupOptions = {}): CatalogEntry[] {
    const at = this.locate(code, opts);
    if (!at) return [];
    const { c, kind, choice } = at;
    const idx = this.index(kind);
    if (!idx.children) {
      idx.children = new Map();
      for (const [y, map] of idx.byYear) {
        const ch = new Map<string, CatalogEntry[]>();
        for (const e of map.values()) {
          if (!e.parent) continue;
          let list = ch.get(e.parent);
          if (!list) ch.set(e.parent, (list = []));
          list.push(e);
        }
        idx.children.set(y, ch);
      }
    }
    return [...(idx.children.get(choice.edition)?.get(c) ?? [])];
  }

  /** Every name a code carries in any edition of the data (with those editions). */
  namesOf(code: CodeInput, kind?: CatalogKind): { name: string; years: number[] }[] {
    const c = normalizeCode(code);
    if (!c) return [];
    const k = kind ?? inferKind(c);
    if (!k) return [];
    return (this.index(k).namesByCode.get(c) ?? []).map((n) => ({ name: n.name, years: [...n.years] }));
  }

  /**
   * Judge a printed name against the official name of its code:
   * ok / variant / missing-suffix / truncated / outdated / other-code / wrong / unknown-code.
   */
  judgeName(code: CodeInput, givenName: string, opts: LookupOptions = {}): NameJudgement {
    const given = givenName ?? "";
    const c = normalizeCode(code);
    const kind = c ? opts.kind ?? inferKind(c) : null;
    const choice = kind ? this.resolveYear(kind, opts.year) : null;
    const requestedYear = opts.year ?? choice?.requestedYear ?? NaN;
    const entry = c && kind && choice ? this.index(kind).byYear.get(choice.edition)?.get(c) : undefined;
    const base = {
      code: c,
      given,
      kind,
      edition: choice?.edition ?? null,
      requestedYear,
      ...(choice?.note ? { note: choice.note } : {}),
      verified: entry?.verified ?? false,
      ...(entry?.sources ? { sources: entry.sources } : {}),
    };
    if (!c || !kind || !choice || !entry) {
      const message = !c
        ? `「${typeof code === "object" ? JSON.stringify(code) : String(code)}」不是科目编码`
        : !kind || !choice
          ? `无法确定编码 ${c} 的科目类别`
          : `${choice.edition} 年${KIND_NAMES[kind]}科目中没有编码 ${c}`;
      // A code of another edition (removed, or not yet introduced): say when it was valid and what carries its name now.
      const elsewhere = c && kind && choice ? this.namesOf(c, kind) : [];
      if (c && kind && choice && elsewhere.length) {
        const was = elsewhere.map((n) => `${n.years[0]}${n.years.length > 1 ? `–${n.years[n.years.length - 1]}` : ""} 年版为「${n.name}」`).join("，");
        const now = this.search(elsewhere[elsewhere.length - 1].name, { kind, year: choice.edition, limit: 1, minScore: 90 })[0];
        const hint = now && now.entry.code !== c ? `；${choice.edition} 年版中同名科目为 ${now.entry.code} ${now.entry.name}` : "";
        return {
          ...base,
          verdict: "outdated",
          officialName: null,
          message: `${choice.edition} 年${KIND_NAMES[kind]}科目中没有编码 ${c}（${was}）${hint}`,
          outdated: { period: elsewhere.flatMap((n) => n.years).join("、"), source: "内置科目数据的其他年度版本" },
          editions: elsewhere.map((n) => ({ from: n.years[0], to: n.years[n.years.length - 1], name: n.name })),
          ...(now && now.entry.code !== c ? { otherCodes: [{ code: now.entry.code, name: now.entry.name, kind }] } : {}),
        };
      }
      return { ...base, verdict: "unknown-code", officialName: null, message };
    }
    const official = entry.name;
    const out = (verdict: NameJudgement["verdict"], message: string, extra: Partial<NameJudgement> = {}): NameJudgement => ({
      ...base,
      verdict,
      officialName: official,
      message,
      ...extra,
    });
    if (given === official) return out("ok", `名称正确：${c} ${official}`);
    const gk = nameKey(given);
    const ok = nameKey(official);
    if (gk === "") return out("wrong", `名称为空；${c} 的官方名称为「${official}」`);
    if (gk === ok) return out("variant", `名称「${given}」与官方名称「${official}」仅写法不同（空格、全半角括号、其它/其他或引号），建议改为官方写法`);

    // A name this code carries in another edition of the data, or a well-known historical name.
    for (const n of this.index(kind).namesByCode.get(c) ?? []) {
      if (n.name !== official && nameKey(n.name) === gk) {
        const period = `${n.years.join("、")} 年版`;
        return out("outdated", `「${given}」是 ${c} 在 ${period}中的名称，${entry.edition} 年版为「${official}」`, {
          outdated: { period, source: "内置科目数据" },
        });
      }
    }
    const hist = HISTORICAL_NAMES.find((h) => h.kind === kind && h.code === c && nameKey(h.name) === gk);
    if (hist) {
      return out("outdated", `「${given}」是 ${c} 的旧名称（${hist.period}），${entry.edition} 年版为「${official}」`, {
        outdated: { period: hist.period, source: hist.source },
      });
    }

    const suffix = missingSuffix(gk, ok);
    if (suffix) return out("missing-suffix", `名称缺少结尾的「${suffix}」：${c} 的官方名称为「${official}」`);
    if (isTruncation(gk, ok)) return out("truncated", `名称不完整（被截断）：${c} 的官方名称为「${official}」`);

    const others = this.codesWithName(given, c, entry, choice.edition);
    if (others.length) {
      const list = others.map((o) => `${o.code} ${o.name}`).join("、");
      return out("other-code", `「${given}」不是 ${c} 的名称（官方名称为「${official}」），与之相同或相近的名称属于：${list}`, {
        otherCodes: others,
      });
    }
    return out("wrong", `名称「${given}」与 ${c} 的官方名称「${official}」不符`);
  }

  /** Codes (other than `self`) whose name equals or closely matches the given one, best first. */
  private codesWithName(given: string, self: string, selfEntry: CatalogEntry, edition: number): { code: string; name: string; kind: CatalogKind }[] {
    const gk = nameKey(given);
    const found: { code: string; name: string; kind: CatalogKind; rank: number }[] = [];
    for (const kind of CATALOG_KINDS) {
      const choice = this.resolveYear(kind, edition);
      if (!choice) continue;
      for (const { entry, key } of this.keyed(kind, choice.edition)) {
        if (entry.code === self) continue;
        let rank: number;
        if (key === gk) rank = 0;
        else if (missingSuffix(gk, key)) rank = 1;
        else if (isTruncation(gk, key)) rank = 2;
        else continue;
        rank = rank * 4 + (entry.parent === selfEntry.parent && kind === selfEntry.kind ? 0 : kind === selfEntry.kind ? 1 : 2);
        found.push({ code: entry.code, name: entry.name, kind, rank });
      }
    }
    found.sort((a, b) => a.rank - b.rank || a.code.localeCompare(b.code));
    return found.slice(0, 5).map(({ code, name, kind }) => ({ code, name, kind }));
  }

  /** Entries whose name matches the text: exact, variant, missing suffix, truncated, contained, or similar. Best first. */
  search(text: string, opts: SearchOptions = {}): SearchHit[] {
    const gk = nameKey(text ?? "");
    if (!gk) return [];
    const limit = opts.limit ?? 10;
    const minScore = opts.minScore ?? 40;
    const parent = opts.parent !== undefined ? normalizeCode(opts.parent) : null;
    if (opts.parent !== undefined && !parent) return [];
    const kinds = opts.kind ? [opts.kind] : parent ? [inferKind(parent)].filter((k): k is CatalogKind => !!k) : [...CATALOG_KINDS];
    const hits: SearchHit[] = [];
    for (const kind of kinds) {
      const choice = this.resolveYear(kind, opts.year);
      if (!choice) continue;
      for (const { entry, key } of this.keyed(kind, choice.edition)) {
        if (parent && !(entry.code.startsWith(parent) && entry.code !== parent)) continue;
        let match: SearchMatch | null = null;
        let score = 0;
        if (entry.name === text) {
          match = "exact";
          score = 100;
        } else if (key === gk) {
          match = "variant";
          score = 95;
        } else if (missingSuffix(gk, key)) {
          match = "missing-suffix";
          score = 85;
        } else if (isTruncation(gk, key)) {
          match = "truncated";
          score = 70 + 15 * (gk.length / key.length);
        } else if (gk.length >= 2 && key.includes(gk)) {
          match = "contains";
          score = 50 + 20 * (gk.length / key.length);
        } else {
          const s = similarity(gk, key);
          if (s >= 0.5) {
            match = "fuzzy";
            score = 70 * s;
          }
        }
        if (match && score >= minScore) hits.push({ entry, match, score: Math.round(score * 10) / 10 });
      }
    }
    hits.sort((a, b) => b.score - a.score || a.entry.level - b.entry.level || a.entry.code.localeCompare(b.entry.code));
    return hits.slice(0, limit);
  }

  /** The edition in which the most of the codes exist (ties: the newest), with the count per edition. */
  bestEdition(codes: readonly CodeInput[], opts: { kind?: CatalogKind } = {}): BestEdition {
    const distinct = new Map<string, CatalogKind>();
    for (const input of codes) {
      const c = normalizeCode(input);
      if (!c) continue;
      const k = opts.kind ?? inferKind(c);
      if (k) distinct.set(c, k);
    }
    const years = opts.kind ? this.years(opts.kind) : this.years();
    const counts: Record<number, number> = {};
    let best: number | null = null;
    for (const y of years) {
      let n = 0;
      for (const [c, k] of distinct) if (this.index(k).byYear.get(y)?.has(c)) n++;
      counts[y] = n;
      if (distinct.size && (best === null || n >= counts[best])) best = y;
    }
    const missing = best === null ? [] : [...distinct].filter(([c, k]) => !this.index(k).byYear.get(best!)?.has(c)).map(([c]) => c);
    return { year: best, counts, total: distinct.size, missing };
  }

  /**
   * How a code and everything under it changed between two editions (a null code: the whole kind).
   * Years without an edition are answered by the nearest edition.
   */
  diffEditions(code: CodeInput | null, yearA: number, yearB: number, opts: { kind?: CatalogKind } = {}): EditionDiff | null {
    const c = code === null ? null : normalizeCode(code);
    if (code !== null && !c) return null;
    const kind = opts.kind ?? (c ? inferKind(c) : null);
    if (!kind) return null;
    const a = this.resolveYear(kind, yearA);
    const b = this.resolveYear(kind, yearB);
    if (!a || !b) return null;
    const idx = this.index(kind);
    const under = (map: Map<string, CatalogEntry>) => [...map.values()].filter((e) => !c || e.code.startsWith(c));
    const A = new Map(under(idx.byYear.get(a.edition)!).map((e) => [e.code, e]));
    const B = new Map(under(idx.byYear.get(b.edition)!).map((e) => [e.code, e]));
    const diff: EditionDiff = { code: c, kind, yearA, yearB, editionA: a.edition, editionB: b.edition, added: [], removed: [], renamed: [], unchanged: [] };
    for (const [code2, eb] of B) {
      const ea = A.get(code2);
      if (!ea) diff.added.push(eb);
      else if (ea.name !== eb.name) diff.renamed.push({ code: code2, level: eb.level, from: ea.name, to: eb.name });
      else diff.unchanged.push(eb);
    }
    for (const [code2, ea] of A) if (!B.has(code2)) diff.removed.push(ea);
    return diff;
  }

  /** Number of entries per kind, level and edition. */
  stats(): StatsRow[] {
    const rows: StatsRow[] = [];
    for (const kind of CATALOG_KINDS) {
      const idx = this.index(kind);
      for (const level of [1, 2, 3] as CatalogLevel[]) {
        for (const year of idx.years) {
          let count = 0;
          for (const e of idx.byYear.get(year)!.values()) if (e.level === level) count++;
          rows.push({ kind, level, year, count });
        }
      }
    }
    return rows;
  }

  private keyed(kind: CatalogKind, edition: number): KeyedEntry[] {
    const idx = this.index(kind);
    if (!idx.keyed) idx.keyed = new Map();
    let list = idx.keyed.get(edition);
    if (!list) {
      list = [...(idx.byYear.get(edition)?.values() ?? [])].map((entry) => ({ entry, key: nameKey(entry.name) }));
      idx.keyed.set(edition, list);
    }
    return list;
  }

  private index(kind: CatalogKind): KindIndex {
    let idx = this.indexes.get(kind);
    if (idx) return idx;
    const overlays = this.overlays.filter((o) => o.kind === kind);
    const replaced = new Set(overlays.map((o) => o.year));
    const raw: RawCatalogEntry[] = [];
    for (const e of this.sources[kind] ?? []) {
      const years = replaced.size ? e.years.filter((y) => !replaced.has(y)) : e.years;
      if (years.length) raw.push(years === e.years ? e : { ...e, years });
    }
    for (const o of overlays) for (const e of o.entries) raw.push({ ...e, years: [o.year] });
    raw.sort((x, y) => (x.code < y.code ? -1 : x.code > y.code ? 1 : 0));
    // Evidence by code, name and year; an imported edition is the official file itself.
    const evidence = new Map<string, string[]>();
    for (const v of this.verifiedEntries) if (v.kind === kind) for (const y of v.years) evidence.set(`${v.code}|${v.name}|${y}`, v.sources);
    const imported = new Map(overlays.map((o) => [o.year, o.source ?? `导入的 ${o.year} 年科目表`]));

    const byYear = new Map<number, Map<string, CatalogEntry>>();
    const namesByCode = new Map<string, { name: string; years: number[] }[]>();
    for (const e of raw) {
      const level = asLevel(e.level);
      for (const year of e.years) {
        let map = byYear.get(year);
        if (!map) byYear.set(year, (map = new Map()));
        const sources = imported.has(year) ? [imported.get(year)!] : evidence.get(`${e.code}|${e.name}|${year}`);
        const entry: CatalogEntry = { code: e.code, name: e.name, level, levelName: LEVEL_NAMES[level], parent: e.parent, kind, edition: year, verified: !!sources };
        if (sources) entry.sources = [...sources];
        if (e.gov) entry.gov = e.gov;
        map.set(e.code, Object.freeze(entry) as CatalogEntry);
      }
      let names = namesByCode.get(e.code);
      if (!names) namesByCode.set(e.code, (names = []));
      const same = names.find((n) => n.name === e.name);
      if (same) same.years = [...new Set([...same.years, ...e.years])].sort((a, b) => a - b);
      else names.push({ name: e.name, years: [...e.years].sort((a, b) => a - b) });
    }
    idx = { kind, years: [...byYear.keys()].sort((a, b) => a - b), byYear, namesByCode, choices: new Map() };
    this.indexes.set(kind, idx);
    return idx;
  }
}
