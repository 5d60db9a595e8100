/**
 * Types of the classification catalog (政府收支分类科目): four kinds, each a
 * three-level tree (类/款/项) per budget year ("edition").
 */

export type CatalogKind = "function" | "econ-dept" | "econ-gov" | "revenue";

export const CATALOG_KINDS: readonly CatalogKind[] = ["function", "econ-dept", "econ-gov", "revenue"];

export const KIND_NAMES: Record<CatalogKind, string> = {
  function: "支出功能分类",
  "econ-dept": "部门预算支出经济分类",
  "econ-gov": "政府预算支出经济分类",
  revenue: "收入分类",
};

export type CatalogLevel = 1 | 2 | 3;

export const LEVEL_NAMES: Record<CatalogLevel, "类" | "款" | "项"> = { 1: "类", 2: "款", 3: "项" };

/** One line of a data file (data/catalog/*.json): a code with one name over the years it had that name. */
export interface RawCatalogEntry {
  code: string;
  name: string;
  level: number;
  parent: string | null;
  years: number[];
  /** econ-dept only: the 政府预算支出经济分类 款 this 部门 款 maps to. */
  gov?: string;
}

/** The shape of a data file. */
export interface RawCatalogFile {
  kind: string;
  title?: string;
  entries: RawCatalogEntry[];
}

/** An entry as answered by the catalog: one code in one edition. */
export interface CatalogEntry {
  code: string;
  name: string;
  level: CatalogLevel;
  /** 类 / 款 / 项 */
  levelName: "类" | "款" | "项";
  parent: string | null;
  kind: CatalogKind;
  /** The edition (budget year) this answer comes from. */
  edition: number;
  gov?: string;
  /**
   * True when a named published document of this edition's year prints this code with this
   * name (data/catalog/verified.json), or when the edition was imported from an official
   * file. Most built-in entries are compiled from memory and are not verified.
   */
  verified: boolean;
  /** The documents that verify it (ids of verified.json sources, or the imported file). */
  sources?: string[];
}

/** Evidence that a published document prints a code with a name in the editions of these years. */
export interface VerifiedEntry {
  kind: string;
  code: string;
  name: string;
  years: number[];
  sources: string[];
}

/** A document cited as evidence. */
export interface EvidenceSource {
  id: string;
  year: number;
  title: string;
  where: string;
}

/** A lookup answer: the entry plus which year was asked and, when they differ, why. */
export interface LookupResult extends CatalogEntry {
  requestedYear: number;
  /** Set when the requested year has no edition of its own, e.g. "2027 年无科目版本，按最接近的 2026 年版本". */
  note?: string;
}

/** Which edition answers a requested year. */
export interface EditionChoice {
  edition: number;
  requestedYear: number;
  note?: string;
}

export interface LookupOptions {
  /** Budget year; default: the newest edition of the kind. */
  year?: number;
  /** Default: inferred from the code's first digit. */
  kind?: CatalogKind;
}

/** What a code given in any of the accepted forms is: a plain number or string, or its 类/款/项 parts. */
export type CodeInput = string | number | ReadonlyArray<string | number | null | undefined>;

export type NameVerdict = "ok" | "variant" | "truncated" | "missing-suffix" | "outdated" | "other-code" | "wrong" | "unknown-code";

export interface NameJudgement {
  verdict: NameVerdict;
  /** The normalised code, or null when the input is not a code. */
  code: string | null;
  given: string;
  /** The official name in the edition used; null for unknown codes. */
  officialName: string | null;
  kind: CatalogKind | null;
  edition: number | null;
  requestedYear: number;
  /** Chinese explanation for the user. */
  message: string;
  /** For "other-code": the code(s) that carry the given (or a similar) name. */
  otherCodes?: { code: string; name: string; kind: CatalogKind }[];
  /** For "outdated": the edition or period in which the given name was official, and the source. */
  outdated?: { period: string; source: string };
  /** For a code of other editions only: the editions (first–last year) and the name the code has in each. */
  editions?: { from: number; to: number; name: string }[];
  /** Set when the edition used differs from the requested year. */
  note?: string;
  /** Whether the catalog entry judged against is verified against a published document (see CatalogEntry.verified). */
  verified: boolean;
  /** The documents that verify it. */
  sources?: string[];
}

export type SearchMatch = "exact" | "variant" | "missing-suffix" | "truncated" | "contains" | "fuzzy";

export interface SearchHit {
  entry: CatalogEntry;
  match: SearchMatch;
  /** 0–100, higher is better. */
  score: number;
}

export interface SearchOptions {
  kind?: CatalogKind;
  year?: number;
  /** Only entries under this code (any depth). */
  parent?: CodeInput;
  /** Default 10. */
  limit?: number;
  /** Lowest score returned; default 40. */
  minScore?: number;
}

export interface BestEdition {
  /** The edition where the most codes exist (ties: the newest); null when no code was given. */
  year: number | null;
  /** How many of the (distinct, valid) codes exist in each edition. */
  counts: Record<number, number>;
  /** Distinct normalisable codes considered. */
  total: number;
  /** Codes missing from the chosen edition. */
  missing: string[];
}

export interface EditionDiff {
  code: string | null;
  kind: CatalogKind;
  yearA: number;
  yearB: number;
  /** Edition actually used for each side (nearest edition). */
  editionA: number;
  editionB: number;
  added: CatalogEntry[];
  removed: CatalogEntry[];
  renamed: { code: string; level: CatalogLevel; from: string; to: string }[];
  unchanged: CatalogEntry[];
}

export interface StatsRow {
  kind: CatalogKind;
  level: CatalogLevel;
  year: number;
  count: number;
}

/** An imported edition: it adds a year to a kind, or replaces the built-in edition of that year. */
export interface CatalogOverlay {
  kind: CatalogKind;
  year: number;
  entries: { code: string; name: string; level: CatalogLevel; parent: string | null }[];
  /** Where it came from, e.g. the file and sheet name. */
  source?: string;
  /** ISO time of the import. */
  importedAt?: string;
}
