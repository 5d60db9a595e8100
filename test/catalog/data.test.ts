/**
 * Structure of every data file in data/catalog, read from disk as it is now.
 */
import * as fs from "fs";
import * as path from "path";
import { inferKind, levelOfCode, parentOfCode, CATALOG_KINDS, type RawCatalogFile } from "../../src/core/catalog";

const DIR = path.join(__dirname, "..", "..", "data", "catalog");
const files = fs.readdirSync(DIR).filter((f) => f.endsWith(".json"));

describe("catalog data files", () => {
  it("are the four kinds, one file each", () => {
    expect(files.sort()).toEqual(CATALOG_KINDS.map((k) => `${k}.json`).sort());
  });

  describe.each(files)("%s", (file) => {
    const data = JSON.parse(fs.readFileSync(path.join(DIR, file), "utf8")) as RawCatalogFile;
    const kind = file.replace(/\.json$/, "");
    const years = [...new Set(data.entries.flatMap((e) => e.years))].sort();

    it("declares its kind, and every code belongs to it", () => {
      expect(data.kind).toBe(kind);
      expect(data.entries.length).toBeGreaterThan(0);
      const wrong = data.entries.filter((e) => inferKind(e.code) !== kind).map((e) => e.code);
      expect(wrong).toEqual([]);
    });

    it("has editions within 2023–2026 and every entry at least one year", () => {
      expect(years.length).toBeGreaterThan(0);
      for (const y of years) expect(y >= 2023 && y <= 2026).toBe(true);
      expect(data.entries.filter((e) => !Array.isArray(e.years) || e.years.length === 0).map((e) => e.code)).toEqual([]);
    });

    it("has each code at most once per year", () => {
      const seen = new Set<string>();
      const dups: string[] = [];
      for (const e of data.entries) for (const y of e.years) {
        const k = `${y}:${e.code}`;
        if (seen.has(k)) dups.push(k);
        seen.add(k);
      }
      expect(dups).toEqual([]);
    });

    it("has a level matching the code length and a parent matching the code prefix", () => {
      const bad = data.entries.filter((e) => !/^\d+$/.test(e.code) || levelOfCode(e.code) !== e.level || e.parent !== parentOfCode(e.code));
      expect(bad.map((e) => `${e.code} level ${e.level} parent ${e.parent}`)).toEqual([]);
    });

    it("has every 款's 类 and every 项's 款 in each of its years", () => {
      const present = new Set(data.entries.flatMap((e) => e.years.map((y) => `${y}:${e.code}`)));
      const orphans: string[] = [];
      for (const e of data.entries) {
        if (!e.parent) continue;
        for (const y of e.years) if (!present.has(`${y}:${e.parent}`)) orphans.push(`${y}:${e.code}→${e.parent}`);
      }
      expect(orphans).toEqual([]);
    });

    it("has clean names: non-empty, no ASCII spaces, no half-width brackets", () => {
      const bad = data.entries.filter((e) => typeof e.name !== "string" || e.name === "" || / /.test(e.name) || /\s/.test(e.name) || /[()]/.test(e.name));
      expect(bad.map((e) => `${e.code} «${e.name}»`)).toEqual([]);
    });
  });
});
