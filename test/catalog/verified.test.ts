/**
 * Which catalog entries are verified, and by which published document: the data
 * (data/catalog/evidence/verified.json) is recomputed from the documents' printed pairs,
 * so no entry can be marked verified without a document that prints it.
 */
import * as fs from "fs";
import * as path from "path";
import { computeVerified, EVIDENCE_SOURCES, fullText } from "../../scripts/catalog-evidence";
import { builtinCatalog, Catalog, printedPairs } from "../../src/core/catalog";

const FILE = path.join(__dirname, "..", "..", "data", "catalog", "evidence", "verified.json");

describe("verified.json", () => {
  it("is exactly what the documents' excerpts and the cited notices give", () => {
    expect(fs.readFileSync(FILE, "utf8")).toBe(computeVerified().json);
  });

  it("every excerpt of a seed or field document is what its full text prints", () => {
    const checked: string[] = [];
    for (const src of EVIDENCE_SOURCES) {
      if (!src.text || !/^(seeds|field)\//.test(src.text)) continue;
      const text = fullText(src);
      expect(text).not.toBeNull();
      const excerpt = fs.readFileSync(path.join(__dirname, "..", "..", "data", "catalog", "evidence", `${src.id}.txt`), "utf8");
      const lines = excerpt.split("\n").filter((l) => /^\d+\t/.test(l));
      expect(lines).toEqual(printedPairs(text!).map((p) => `${p.line}\t${p.code}\t${p.name}`));
      checked.push(src.id);
    }
    expect(checked.length).toBe(11);
  });

  it("printed pairs that disagree with the catalog are cut-off names (a narrow column, a name wrapped in its PDF cell), not other names", () => {
    const { conflicts } = computeVerified();
    // each one: the printed name is a prefix of the catalog's name (a cut-off cell or a wrapped PDF line)
    for (const c of conflicts) {
      const m = /printed「(.+)」catalog「(.+)」/.exec(c)!;
      const printed = m[1].replace(/\(/g, "（").replace(/\)/g, "）");
      expect([c, m[2].startsWith(printed)]).toEqual([c, true]);
    }
    expect(conflicts.length).toBeGreaterThan(0);
  });
});

describe("the catalog answers with its verification", () => {
  const cat = builtinCatalog();

  it("an entry a 2025 document prints is verified for 2025 with that document, and not for 2023", () => {
    const e = cat.lookup("2011301", { year: 2025 })!;
    expect(e).toMatchObject({ name: "行政运行", verified: true });
    expect(e.sources).toContain("putuo-commerce-dept-2025");
    expect(cat.lookup("2011301", { year: 2023 })!.verified).toBe(false);
  });

  it("a memory-only entry is not verified, and judgeName says so", () => {
    expect(cat.lookup("2010104", { year: 2025 })!.verified).toBe(false);
    expect(cat.judgeName("2010104", "人大会议", { year: 2025 })).toMatchObject({ verdict: "ok", verified: false });
    expect(cat.judgeName("2080505", "机关事业单位基本养老保险缴费支出", { year: 2024 })).toMatchObject({ verdict: "ok", verified: true });
  });

  it("an imported edition is verified by its file", () => {
    const c2 = cat.withOverlay({ kind: "function", year: 2027, entries: [{ code: "201", name: "一般公共服务支出", level: 1, parent: null }], source: "2027年科目.xlsx" });
    expect(c2.lookup("201", { year: 2027 })).toMatchObject({ verified: true, sources: ["2027年科目.xlsx"] });
    expect(c2).toBeInstanceOf(Catalog);
  });

  it("verifiedStats counts the verified entries per kind and edition", () => {
    const s = cat.verifiedStats().find((r) => r.kind === "function" && r.year === 2025)!;
    const direct = cat.entries("function", 2025).filter((e) => e.verified).length;
    expect(s.verified).toBe(direct);
    expect(s.verified).toBeGreaterThan(40);
  });
});

describe("printedPairs reads the code–name lines of a document's text", () => {
  it("joined, split by spaces or tabs, with a unit code, and with the 类 left blank", () => {
    const text = [
      "2101102\t事业单位医疗\t2.52\t2.52",
      "204   06   01   行政运行                 16726725.44",
      "208\t01\t50\t302002\t事业运行\t491.32",
      "201             一般公共服务支出              3,296,600",
      "      05        统计信息事务                  438,300",
      "      05   07   专项普查活动                  438,300",
      "2024 年预算数为 21.43 万元", // a sentence, not a table line
      "一、部门收支总表",
    ].join("\n");
    expect(printedPairs(text).map((p) => `${p.line} ${p.code} ${p.name}`)).toEqual([
      "1 2101102 事业单位医疗",
      "2 2040601 行政运行",
      "3 2080150 事业运行",
      "4 201 一般公共服务支出",
      "5 20105 统计信息事务",
      "6 2010507 专项普查活动",
    ]);
  });
});
