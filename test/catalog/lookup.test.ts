/**
 * Code normalisation, lookup, editions, names and search on the built-in data.
 */
import * as fs from "fs";
import * as path from "path";
import { builtinCatalog, inferKind, normalizeCode, type CatalogKind, type RawCatalogFile } from "../../src/core/catalog";

const cat = builtinCatalog();
const DIR = path.join(__dirname, "..", "..", "data", "catalog");
const raw = (kind: CatalogKind) => JSON.parse(fs.readFileSync(path.join(DIR, `${kind}.json`), "utf8")) as RawCatalogFile;
const fn = raw("function");
const dataYears = [...new Set(fn.entries.flatMap((e) => e.years))].sort((a, b) => a - b);
const newest = dataYears[dataYears.length - 1];
const oldest = dataYears[0];
/** A 项 present in every edition, from the data. */
const stable = fn.entries.find((e) => e.code === "2080505" && dataYears.every((y) => e.years.includes(y)))!;

describe("normalizeCode", () => {
  it.each<[unknown, string | null]>([
    [2080101, "2080101"],
    ["2080101", "2080101"],
    ["208 01 01", "2080101"],
    ["208-01-01", "2080101"],
    ["２０８０１０１", "2080101"],
    ["  2080101\u3000", "2080101"],
    ["2080 101", "2080101"],
    [["208", "01", "50"], "2080150"],
    [["208", 1, 50], "2080150"],
    [["208", "1", "5"], "2080105"],
    [["208", "01", ""], "20801"],
    [["208", null, null], "208"],
    [["301", "2"], "30102"],
    [["20801", "50"], "2080150"],
    [["２０８", "０１"], "20801"],
    [" 301 02 ", "30102"],
    ["'2080505", "2080505"],
    ["abc", null],
    ["事业运行", null],
    ["", null],
    ["2080", null],
    ["20801011", null],
    [20.5, null],
    [-208, null],
    [["208", "", "01"], null],
    [["208", "123"], null],
    [["208", "x"], null],
    [null, null],
  ])("%j → %j", (input, want) => {
    expect(normalizeCode(input as never)).toBe(want);
  });

  it("infers the kind from the first digit", () => {
    expect(inferKind("2080505")).toBe("function");
    expect(inferKind("30102")).toBe("econ-dept");
    expect(inferKind("50101")).toBe("econ-gov");
    expect(inferKind("10101")).toBe("revenue");
    expect(inferKind("40101")).toBeNull();
  });
});

describe("lookup", () => {
  it("finds a code in every input form, with name, level, parent, kind and edition from the data", () => {
    expect(stable).toBeDefined();
    for (const input of [2080505, "2080505", "208 05 05", "208-05-05", "２０８０５０５", ["208", "05", "05"], ["208", 5, 5]] as const) {
      const e = cat.lookup(input as never, { year: newest });
      expect(e).toMatchObject({ code: "2080505", name: stable.name, level: 3, levelName: "项", parent: stable.parent, kind: "function", edition: newest });
      expect(e!.note).toBeUndefined();
    }
  });

  it("finds econ, gov and revenue codes, with the kind inferred or given", () => {
    for (const kind of ["econ-dept", "econ-gov", "revenue"] as CatalogKind[]) {
      const e = raw(kind).entries.find((x) => x.level === 2)!;
      const split = [e.code.slice(0, 3), String(Number(e.code.slice(3)))];
      expect(cat.lookup(split, {})).toMatchObject({ code: e.code, name: e.name, kind, level: 2 });
      expect(cat.lookup(e.code, { kind })!.name).toBe(e.name);
    }
    // An explicit kind overrides the inference: a function code is not an econ code.
    expect(cat.lookup("2080505", { kind: "econ-dept" })).toBeNull();
  });

  it("answers null for unknown codes and non-codes", () => {
    expect(cat.lookup("2089998")).toBeNull();
    expect(cat.lookup("abc")).toBeNull();
    expect(cat.lookup("40101")).toBeNull();
  });

  it("answers a year without an edition from the nearest edition, and says so", () => {
    const later = cat.lookup("2080505", { year: newest + 1 })!;
    expect(later).toMatchObject({ edition: newest, requestedYear: newest + 1, note: `${newest + 1} 年无科目版本，按最接近的 ${newest} 年版本` });
    const earlier = cat.lookup("2080505", { year: oldest - 1 })!;
    expect(earlier).toMatchObject({ edition: oldest, requestedYear: oldest - 1, note: `${oldest - 1} 年无科目版本，按最接近的 ${oldest} 年版本` });
    expect(cat.resolveYear("function", 2027)).toEqual({ edition: 2026, requestedYear: 2027, note: "2027 年无科目版本，按最接近的 2026 年版本" });
    expect(cat.resolveYear("function", 2022)!.edition).toBe(2023);
    expect(cat.years("function")).toEqual(dataYears);
  });

  it("gives the parent chain and the children, as in the data", () => {
    const chain = cat.parentChain("2080505", { year: 2024 });
    const kuan = fn.entries.find((e) => e.code === "20805" && e.years.includes(2024))!;
    const lei = fn.entries.find((e) => e.code === "208" && e.years.includes(2024))!;
    expect(chain.map((e) => [e.code, e.name])).toEqual([
      [kuan.code, kuan.name],
      [lei.code, lei.name],
    ]);
    const want = fn.entries.filter((e) => e.parent === "20805" && e.years.includes(2024)).map((e) => e.code).sort();
    expect(cat.children("20805", { year: 2024 }).map((e) => e.code)).toEqual(want);
    expect(cat.children(["208"], { year: 2024 }).every((e) => e.level === 2 && e.parent === "208")).toBe(true);
    expect(cat.parentChain("208")).toEqual([]);
  });
});

describe("editions", () => {
  /** A code whose name changes between two editions of the data, and a code added in a later edition. */
  const byCode = new Map<string, typeof fn.entries>();
  for (const e of fn.entries) byCode.set(e.code, [...(byCode.get(e.code) ?? []), e]);
  const renamed = [...byCode.values()].find((list) => list.length > 1)!;
  const added = fn.entries.find((e) => e.level === 2 && !e.years.includes(oldest) && e.years.includes(newest))!;

  it("diffEditions reports a rename with the old and the new name", () => {
    expect(renamed).toBeDefined();
    const [a, b] = [...renamed].sort((x, y) => x.years[0] - y.years[0]);
    const yA = a.years[a.years.length - 1];
    const yB = b.years[0];
    const d = cat.diffEditions(a.parent!, yA, yB)!;
    expect(d.renamed).toContainEqual({ code: a.code, level: a.level, from: a.name, to: b.name });
    expect(d.unchanged.some((e) => e.code === a.code)).toBe(false);
    expect(cat.lookup(a.code, { year: yA })!.name).toBe(a.name);
    expect(cat.lookup(a.code, { year: yB })!.name).toBe(b.name);
  });

  it("diffEditions reports an added 款 with its 项, and the reverse diff reports them removed", () => {
    expect(added).toBeDefined();
    const firstYear = added.years[0];
    const prev = dataYears[dataYears.indexOf(firstYear) - 1];
    const d = cat.diffEditions(added.parent!, prev, firstYear)!;
    const subtree = fn.entries.filter((e) => e.code.startsWith(added.parent!) && e.years.includes(firstYear) && !fn.entries.some((o) => o.code === e.code && o.years.includes(prev)));
    expect(d.added.map((e) => e.code).sort()).toEqual(subtree.map((e) => e.code).sort());
    expect(d.added.map((e) => e.code)).toContain(added.code);
    for (const child of fn.entries.filter((e) => e.parent === added.code && e.years.includes(firstYear))) expect(d.added.map((e) => e.code)).toContain(child.code);
    const back = cat.diffEditions(added.parent!, firstYear, prev)!;
    expect(back.removed.map((e) => e.code).sort()).toEqual(subtree.map((e) => e.code).sort());
    // Unchanged + renamed + added in B is everything of the subtree in B.
    const inB = fn.entries.filter((e) => e.code.startsWith(added.parent!) && e.years.includes(firstYear)).length;
    expect(d.unchanged.length + d.renamed.length + d.added.length).toBe(inB);
  });

  it("bestEdition picks the edition holding the most codes, ties going to the newest", () => {
    const inYear = (code: string, y: number) => fn.entries.some((e) => e.code === code && e.years.includes(y));
    const onlyOld = [...new Set(fn.entries.filter((e) => e.years.includes(oldest) && !inYear(e.code, newest)).map((e) => e.code))].slice(0, 3);
    expect(onlyOld.length).toBeGreaterThan(0);
    const codes = [stable.code, ...onlyOld, "abc", "208 05 05"];
    const want: Record<number, number> = {};
    for (const y of dataYears) want[y] = [stable.code, ...onlyOld].filter((c) => inYear(c, y)).length;
    const wantYear = [...dataYears].reverse().reduce((b, y) => (want[y] > want[b] ? y : b), newest);
    const best = cat.bestEdition(codes);
    expect(best.counts).toEqual(want);
    expect(best.year).toBe(wantYear);
    expect(best.year).not.toBe(newest);
    expect(best.total).toBe(1 + onlyOld.length);
    const tie = cat.bestEdition([stable.code]);
    expect(tie.year).toBe(newest);
    for (const y of dataYears) expect(tie.counts[y]).toBe(1);
    expect(cat.bestEdition([added.code]).counts[oldest]).toBe(0);
    expect(cat.bestEdition([]).year).toBeNull();
  });
});

describe("judgeName", () => {
  it("classifies names", () => {
    const y = { year: 2024 };
    const name = stable.name;
    expect(cat.judgeName("2080505", name, y).verdict).toBe("ok");
    expect(cat.judgeName("2080505", name.slice(0, 6) + " " + name.slice(6), y).verdict).toBe("variant");
    expect(cat.judgeName("2080505", name.slice(0, name.length - 2), y)).toMatchObject({ verdict: "missing-suffix", officialName: name });
    expect(cat.judgeName("2080505", name.slice(0, 5), y).verdict).toBe("truncated");
    expect(cat.judgeName("2080505", name.slice(0, 3), y).verdict).not.toBe("truncated");
    expect(cat.judgeName("2080505", "完全无关的名称", y).verdict).toBe("wrong");
    expect(cat.judgeName("2089998", "无", y).verdict).toBe("unknown-code");
    expect(cat.judgeName("abc", "无", y)).toMatchObject({ verdict: "unknown-code", code: null });
  });

  it("treats brackets, 其它/其他 and quotes as variants", () => {
    const withBracket = raw("econ-dept").entries.find((e) => e.name.includes("（"))!;
    expect(cat.judgeName(withBracket.code, withBracket.name.replace("（", "(").replace("）", ")")).verdict).toBe("variant");
    const other = fn.entries.find((e) => e.name.startsWith("其他") && e.years.includes(newest))!;
    expect(cat.judgeName(other.code, other.name.replace("其他", "其它")).verdict).toBe("variant");
  });

  it("knows names from other editions of the data as outdated", () => {
    const byCode = new Map<string, typeof fn.entries>();
    for (const e of fn.entries) byCode.set(e.code, [...(byCode.get(e.code) ?? []), e]);
    const renamed = [...byCode.values()].find((l) => l.length > 1)!;
    const [a, b] = [...renamed].sort((x, z) => x.years[0] - z.years[0]);
    const j = cat.judgeName(a.code, a.name, { year: b.years[0] });
    expect(j).toMatchObject({ verdict: "outdated", officialName: b.name });
    expect(cat.judgeName(a.code, a.name, { year: a.years[0] }).verdict).toBe("ok");
  });

  it("names the code that carries a name given to the wrong code", () => {
    const target = fn.entries.find((e) => e.code === "2080150" && e.years.includes(2024))!;
    const sibling = fn.entries.find((e) => e.code === "2080101" && e.years.includes(2024))!;
    const j = cat.judgeName(target.code, sibling.name, { year: 2024 });
    expect(j.verdict).toBe("other-code");
    expect(j.otherCodes![0].code).toBe(sibling.code);
  });

  it("reports the edition used for a year without an edition", () => {
    const j = cat.judgeName("2080505", stable.name, { year: 2027 });
    expect(j).toMatchObject({ verdict: "ok", edition: 2026, requestedYear: 2027 });
    expect(j.note).toContain("2027 年无科目版本");
  });
});

describe("search", () => {
  it("finds exact names first, restricted by kind, year and parent", () => {
    const hits = cat.search(stable.name, { year: 2024 });
    expect(hits[0]).toMatchObject({ match: "exact", score: 100 });
    expect(hits[0].entry.code).toBe("2080505");
    const same = fn.entries.filter((e) => e.name === "事业运行" && e.years.includes(2024));
    expect(cat.search("事业运行", { kind: "function", year: 2024, limit: 1000 }).filter((h) => h.match === "exact").length).toBe(same.length);
    const under = cat.search("事业运行", { parent: "208", year: 2024, limit: 1000 });
    expect(under.length).toBeGreaterThan(0);
    expect(under.every((h) => h.entry.code.startsWith("208"))).toBe(true);
    expect(cat.search("事业运行", { kind: "econ-dept" }).filter((h) => h.match === "exact")).toEqual([]);
  });

  it("finds truncated, 其它, bracket and suffix-less names", () => {
    const prefix = stable.name.slice(0, 8);
    const cut = cat.search(prefix, { kind: "function", year: 2024, limit: 50 });
    expect(cut.find((h) => h.entry.code === "2080505")?.match).toBe("truncated");
    for (const h of cut.filter((x) => x.match === "truncated")) expect(h.entry.name.startsWith(prefix)).toBe(true);
    expect(cat.search(prefix, { parent: "20805", year: 2024 })[0].entry.code).toBe("2080505");
    expect(cat.search(stable.name.slice(0, stable.name.length - 2), { kind: "function", year: 2024 })[0]).toMatchObject({ match: "missing-suffix" });
    const other = fn.entries.find((e) => e.code === "2089999")!;
    const top = cat.search(other.name.replace("其他", "其它"), { kind: "function", year: 2024 });
    expect(top[0].match).toBe("variant");
    expect(top.slice(0, 2).map((h) => h.entry.code)).toContain("2089999");
    const bracketed = raw("econ-dept").entries.find((e) => e.name.includes("（"))!;
    const hit = cat.search(bracketed.name.replace("（", "(").replace("）", ")"), { kind: "econ-dept" });
    expect(hit[0].entry.name).toBe(bracketed.name);
  });

  it("ranks candidates by score", () => {
    const hits = cat.search("职工基本医疗保险", { limit: 20 });
    expect(hits.length).toBeGreaterThan(1);
    for (let i = 1; i < hits.length; i++) expect(hits[i - 1].score).toBeGreaterThanOrEqual(hits[i].score);
    expect(cat.search("")).toEqual([]);
  });
});

describe("stats", () => {
  it("counts entries per kind, level and year as in the data", () => {
    const rows = cat.stats();
    for (const kind of ["function", "econ-dept", "econ-gov", "revenue"] as CatalogKind[]) {
      const data = raw(kind);
      for (const y of [...new Set(data.entries.flatMap((e) => e.years))])
        for (const level of [1, 2, 3]) {
          const want = data.entries.filter((e) => e.level === level && e.years.includes(y)).length;
          const got = rows.find((r) => r.kind === kind && r.year === y && r.level === level)?.count ?? 0;
          expect(got).toBe(want);
        }
    }
  });
});

describe("codes of another edition", () => {
  it("say when the code was valid and which code carries the name in the asked edition (derived from the data)", () => {
    const { builtinCatalog } = require("../../src/core/catalog") as typeof import("../../src/core/catalog");
    const cat = builtinCatalog();
    const d = cat.diffEditions(null, 2023, 2024, { kind: "function" })!;
    const removed = d.removed.find((e) => e.level === 3);
    if (!removed) throw new Error("the data has no 项 removed between 2023 and 2024: choose other years for this test");
    const j = cat.judgeName(removed.code, removed.name, { year: 2024 });
    expect(j.verdict).toBe("outdated");
    expect(j.message).toContain(`2023 年版为「${removed.name}」`);
    expect(cat.judgeName("9999999", "x", { year: 2024 }).verdict).toBe("unknown-code");
  });
});
