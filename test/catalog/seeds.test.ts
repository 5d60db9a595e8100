/**
 * The five seed workbooks (real disclosures) against the catalog: every code–name pair
 * printed in their tables, and the names they are known to get wrong.
 */
import * as fs from "fs";
import * as path from "path";
import { builtinCatalog, inferKind, nameKey } from "../../src/core/catalog";
import type { Workbook } from "../../src/core/model";
import { readXlsxFile } from "../../src/hosts/xlsx/xlsxHost";
import { seedPairs, type SeedPair } from "./seedPairs";

const DIR = path.join(__dirname, "..", "fixtures", "seeds");
const FILES = fs.readdirSync(DIR).filter((f) => f.endsWith(".xlsx")).sort();
const cat = builtinCatalog();

const books = new Map<string, Workbook>();
const pairs = new Map<string, SeedPair[]>();
const yearOf = (file: string) => Number(/(\d{4})/.exec(file)![1]);

beforeAll(async () => {
  for (const f of FILES) {
    const wb = await readXlsxFile(path.join(DIR, f));
    books.set(f, wb);
    pairs.set(f, wb.sheets.flatMap(seedPairs));
  }
});

/** Narrative sentences "A（类）B（款）C（项）… N 万元" of the 情况说明 sheet: the names at each level and the amount. */
function narratives(wb: Workbook): { names: string[]; levels: string[]; amount: number | null; text: string }[] {
  const out = [];
  for (const s of wb.sheets) for (const row of s.rows) for (const cell of row ?? []) {
    const t = typeof cell?.value === "string" ? cell.value : "";
    const re = /([^（(）)：:\d.、，。\s][^（(）)：:，。、]*?)\s*[（(]([类款项])[)）]/g;
    const names: string[] = [];
    const levels: string[] = [];
    for (let m; (m = re.exec(t)); ) {
      names.push(m[1].replace(/^\d+[.、．]\s*/, "").trim());
      levels.push(m[2]);
    }
    if (!names.length) continue;
    const am = /([\d,]+\.\d+)\s*万元/.exec(t);
    out.push({ names, levels, amount: am ? Number(am[1].replace(/,/g, "")) : null, text: t });
  }
  return out;
}

describe("seed workbooks against the catalog", () => {
  it("finds code–name pairs in the tables of every seed that has tables", () => {
    const counts = Object.fromEntries(FILES.map((f) => [f, pairs.get(f)!.length]));
    expect(FILES.length).toBe(5);
    const withPairs = FILES.filter((f) => counts[f] > 0);
    expect(withPairs.length).toBeGreaterThanOrEqual(4);
    // 达州 prints its 单位代码 (302002, and "302" in one table) between code and name: never a pair.
    const dazhou = pairs.get(FILES.find((f) => f.startsWith("dazhou"))!)!;
    expect(dazhou.some((p) => p.code === "302" || p.code.startsWith("302002"))).toBe(false);
    expect(dazhou.some((p) => p.code === "2080150" && p.name === "事业运行")).toBe(true);
  });

  it.each(FILES)("%s: every printed code is in the catalog, and its name is the official one (or a known truncation)", (file) => {
    const year = yearOf(file);
    const problems: string[] = [];
    for (const p of pairs.get(file)!) {
      const j = cat.judgeName(p.code, p.name, { year });
      // 武汉 cuts names to the column width; a cut can fall just before the 支出 suffix.
      const allowed = file.startsWith("wuhan") ? ["ok", "variant", "truncated", "missing-suffix"] : ["ok", "variant"];
      if (!allowed.includes(j.verdict)) problems.push(`${p.sheet}!${p.row} ${p.code} «${p.name}» → ${j.verdict}: ${j.message}`);
      if (j.verdict === "ok" || j.verdict === "variant") expect(nameKey(j.officialName!)).toBe(nameKey(p.name));
      else expect(j.officialName!.startsWith(p.name)).toBe(true);
    }
    expect(problems).toEqual([]);
  });

  it("recognises 武汉's truncated names (the official name starts with the printed text)", () => {
    const wuhan = pairs.get(FILES.find((f) => f.startsWith("wuhan"))!)!;
    const truncated = wuhan.filter((p) => cat.judgeName(p.code, p.name, { year: 2024 }).verdict === "truncated");
    const got = new Set(truncated.map((p) => `${p.code} ${p.name}`));
    for (const want of ["20801 人力资源和社会保障管理事", "2080505 机关事业单位基本养老保", "2080199 其他人力资源和社会保障"]) expect(got).toContain(want);
    for (const p of truncated) {
      const official = cat.lookup(p.code, { year: 2024 })!.name;
      expect(official.startsWith(p.name)).toBe(true);
      expect(official.length).toBeGreaterThan(p.name.length);
    }
  });

  it("recognises 达州's 职工基本医疗保险 for 2101102 as another code's name (or wrong)", () => {
    const file = FILES.find((f) => f.startsWith("dazhou"))!;
    const sentence = narratives(books.get(file)!).find((n) => n.names.includes("职工基本医疗保险"));
    expect(sentence).toBeDefined();
    // Which 项 the sentence means: the function-classification 项 printed in the tables with the same amount.
    const candidates = pairs.get(file)!.filter((p) => p.code.length === 7 && inferKind(p.code) === "function" && p.amount === sentence!.amount);
    const codes = [...new Set(candidates.map((p) => p.code))];
    expect(codes).toEqual(["2101102"]);
    const j = cat.judgeName(codes[0], "职工基本医疗保险", { year: 2024 });
    expect(["other-code", "wrong"]).toContain(j.verdict);
    expect(j.officialName).toBe(cat.lookup("2101102", { year: 2024 })!.name);
    if (j.verdict === "other-code") {
      expect(j.otherCodes!.length).toBeGreaterThan(0);
      for (const o of j.otherCodes!) expect(nameKey(o.name).startsWith("职工基本医疗保险")).toBe(true);
    }
  });

  it("recognises 曾都's 医疗卫生与计划生育支出 for 210 as an outdated name", () => {
    const file = FILES.find((f) => f.startsWith("zengdu"))!;
    const sentence = narratives(books.get(file)!).find((n) => n.levels[0] === "类" && n.names[0] === "医疗卫生与计划生育支出");
    expect(sentence).toBeDefined();
    const classes = pairs.get(file)!.filter((p) => p.code.length === 3 && inferKind(p.code) === "function" && p.amount === sentence!.amount);
    expect([...new Set(classes.map((p) => p.code))]).toEqual(["210"]);
    const j = cat.judgeName("210", sentence!.names[0], { year: 2024 });
    expect(j.verdict).toBe("outdated");
    expect(j.officialName).toBe(cat.lookup("210", { year: 2024 })!.name);
    expect(j.outdated!.source).not.toBe("");
    expect(j.message).toContain(j.officialName!);
  });

  it("judges the 类 names of the narratives: official, or missing only the 支出 suffix", () => {
    const verdicts = new Set<string>();
    for (const f of FILES) {
      const year = yearOf(f);
      for (const n of narratives(books.get(f)!)) {
        if (n.levels[0] !== "类") continue;
        const hits = cat.search(n.names[0], { kind: "function", year }).filter((h) => h.entry.level === 1);
        if (!hits.length) continue;
        const j = cat.judgeName(hits[0].entry.code, n.names[0], { year });
        verdicts.add(j.verdict);
        expect(["ok", "variant", "missing-suffix", "outdated"]).toContain(j.verdict);
      }
    }
    // 达州 writes 卫生健康(类) and 住房保障(类): the 支出 is missing.
    expect(verdicts).toContain("missing-suffix");
  });
});
