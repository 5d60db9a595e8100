import {
  CATALOG_KINDS,
  inferKind,
  KIND_NAMES,
  LEVEL_NAMES,
  normalizeCode,
  type Catalog,
  type CatalogKind,
  type CatalogLevel,
  type StatsRow,
} from "../../core/catalog";
import { catalogFromFlags } from "../catalogOption";
import { parseArgs, type CliCommand } from "../io";

export interface CatalogCodeResult {
  /** Normalised code, or null when the input is not a code. */
  code: string | null;
  input: string;
  kind: CatalogKind | null;
  /** Edition used. */
  year: number | null;
  /** The year asked for with --year; null when none was given (the newest edition is used). */
  requestedYear: number | null;
  name: string | null;
  level: CatalogLevel | null;
  levelName: string | null;
  parent: string | null;
  chain: { code: string; name: string; level: CatalogLevel }[];
  note?: string;
  error?: string;
}

const USAGE =
  "budget-tables catalog [--year Y] [--kind function|econ-dept|econ-gov|revenue] [--import FILE.xlsx --import-kind K --import-year Y] [--format text|json] CODE... | - | --stats | --diff 2024:2025 [CODE]";

/** The stats table as text: one row per kind and level, one column per edition. */
export function formatStats(rows: StatsRow[]): string {
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  const lines = ["| kind | level | " + years.join(" | ") + " |", "|---|---|" + years.map(() => "---|").join("")];
  for (const kind of CATALOG_KINDS) {
    for (const level of [1, 2, 3] as CatalogLevel[]) {
      const counts = years.map((y) => rows.find((r) => r.kind === kind && r.level === level && r.year === y)?.count ?? 0);
      if (counts.every((n) => n === 0)) continue;
      lines.push(`| ${kind} | ${level} ${LEVEL_NAMES[level]} | ${counts.join(" | ")} |`);
    }
  }
  const totals = years.map((y) => rows.filter((r) => r.year === y).reduce((s, r) => s + r.count, 0));
  lines.push(`| 合计 | | ${totals.join(" | ")} |`);
  return lines.join("\n");
}

function describe(cat: Catalog, input: string, kindFlag: CatalogKind | undefined, year: number | undefined): CatalogCodeResult {
  const code = normalizeCode(input);
  const base: CatalogCodeResult = {
    code,
    input,
    kind: null,
    year: null,
    requestedYear: year ?? null,
    name: null,
    level: null,
    levelName: null,
    parent: null,
    chain: [],
  };
  if (!code) return { ...base, error: `「${input}」不是科目编码` };
  const kind = kindFlag ?? inferKind(code);
  if (!kind) return { ...base, error: `无法判断 ${code} 属于哪类科目（请用 --kind 指定）` };
  const choice = cat.resolveYear(kind, year);
  if (!choice) return { ...base, kind, error: `没有${KIND_NAMES[kind]}科目数据` };
  const withYear: CatalogCodeResult = { ...base, kind, year: choice.edition, ...(choice.note ? { note: choice.note } : {}) };
  const e = cat.lookup(code, { kind, year });
  const chain = cat.parentChain(code, { kind, year }).map((p) => ({ code: p.code, name: p.name, level: p.level }));
  if (!e) return { ...withYear, chain, error: `${choice.edition} 年${KIND_NAMES[kind]}科目中没有编码 ${code}` };
  return { ...withYear, name: e.name, level: e.level, levelName: e.levelName, parent: e.parent, chain };
}

export const catalogCommand: CliCommand = {
  name: "catalog",
  summary: "查询政府收支分类科目：名称、上级科目、版本（look up classification codes）",
  usage: USAGE,
  async run(args, io) {
    const { flags, positional } = parseArgs(args, ["stats"]);
    const known = ["stats", "year", "kind", "import", "import-kind", "import-year", "format", "diff"];
    const unknown = Object.keys(flags).filter((k) => !known.includes(k));
    const bad = (msg: string) => {
      io.err(`budget-tables catalog：${msg}`);
      io.err(`用法：${USAGE}`);
      return 2;
    };
    if (unknown.length) return bad(`未知参数 --${unknown[0]}`);
    const format = flags.format ?? "text";
    if (format !== "text" && format !== "json") return bad(`--format 只能是 text 或 json`);
    let year: number | undefined;
    if (flags.year !== undefined) {
      if (flags.year === true || !/^\d{4}$/.test(flags.year)) return bad(`--year 应为四位年份`);
      year = Number(flags.year);
    }
    let kind: CatalogKind | undefined;
    if (flags.kind !== undefined) {
      if (!CATALOG_KINDS.includes(flags.kind as CatalogKind)) return bad(`--kind 应为 ${CATALOG_KINDS.join("、")} 之一`);
      kind = flags.kind as CatalogKind;
    }

    const loaded = await catalogFromFlags(flags, io, "catalog", format !== "text");
    if ("exit" in loaded) return loaded.exit;
    const cat = loaded.catalog;

    if (flags.diff !== undefined) {
      // --diff 2024:2025 — what changed between two editions (last year's workbook → this year's)
      const m = typeof flags.diff === "string" ? /^(\d{4})[:：,-](\d{4})$/.exec(flags.diff) : null;
      if (!m) {
        io.err("budget-tables catalog：--diff 应写作 2024:2025");
        return 2;
      }
      const [ya, yb] = [Number(m[1]), Number(m[2])];
      const under = positional[0] ? normalizeCode(positional[0]) : null;
      const kinds = kind ? [kind] : under ? [inferKind(under)].filter((k): k is CatalogKind => k !== null) : CATALOG_KINDS;
      const diffs = kinds.map((k) => cat.diffEditions(positional[0] ?? null, ya, yb, { kind: k })).filter((d): d is NonNullable<typeof d> => d !== null);
      if (format === "json") {
        io.out(JSON.stringify(diffs.map((d) => ({ kind: d.kind, editionA: d.editionA, editionB: d.editionB, added: d.added.map((e) => ({ code: e.code, name: e.name })), removed: d.removed.map((e) => ({ code: e.code, name: e.name })), renamed: d.renamed })), null, 2));
        return 0;
      }
      for (const d of diffs) {
        io.out(`${KIND_NAMES[d.kind]}：${d.editionA} 年版 → ${d.editionB} 年版　新增 ${d.added.length}，删除 ${d.removed.length}，更名 ${d.renamed.length}`);
        for (const e of d.added) io.out(`  + ${e.code}  ${e.name}`);
        for (const e of d.removed) io.out(`  - ${e.code}  ${e.name}`);
        for (const e of d.renamed) io.out(`  ~ ${e.code}  ${e.from} → ${e.to}`);
      }
      return 0;
    }

    if (flags.stats) {
      const rows = cat.stats();
      if (format === "json") io.out(JSON.stringify(rows, null, 2));
      else io.out(formatStats(rows));
      if (positional.length === 0) return 0;
    }

    const inputs: string[] = [];
    for (const p of positional) {
      if (p === "-") {
        const text = await io.readStdin();
        for (const line of text.split(/\r?\n/)) if (line.trim() !== "") inputs.push(line.trim());
      } else inputs.push(p);
    }
    if (inputs.length === 0) return bad("请给出科目编码（或用 - 从标准输入读取，或 --stats）");

    const results = inputs.map((input) => describe(cat, input, kind, year));
    if (format === "json") {
      io.out(JSON.stringify(results, null, 2));
    } else {
      const notes = new Set<string>();
      for (const r of results) {
        if (r.note) notes.add(r.note);
        if (!r.name) {
          io.out(`${r.code ?? r.input}  （${r.error}）`);
          continue;
        }
        const chain = r.chain.map((p) => `← ${p.code} ${p.name}`).join(" ");
        io.out(`${r.code}  ${r.name}${chain ? "  " + chain : ""}`);
      }
      for (const n of notes) io.out(`注：${n}`);
    }
    return results.some((r) => !r.name) ? 1 : 0;
  },
};
