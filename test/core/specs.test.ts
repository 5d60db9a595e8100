import { labelKey } from "../../src/core/text";
import { parseRelations } from "../../src/core/specs/relations";
import { STANDARD_TABLES } from "../../src/core/specs/tables";

describe("table specs", () => {
  it("has the 14 standard tables with unique ids, titles and column keys", () => {
    expect(STANDARD_TABLES.map((t) => t.id)).toEqual(Array.from({ length: 14 }, (_, i) => `T${i + 1}`));
    const titles = STANDARD_TABLES.flatMap((t) => [t.title, ...t.titleAliases].map(labelKey));
    expect(new Set(titles).size).toBe(titles.length);
    for (const t of STANDARD_TABLES) {
      const cols = t.sides ? t.sides.flatMap((s) => s.columns.map((c) => `${s.key}.${c.key}`)) : t.columns.map((c) => c.key);
      expect(new Set(cols).size).toBe(cols.length);
      expect(cols.length).toBeGreaterThan(0);
    }
  });

  it("writes every relation in the readable grammar", () => {
    for (const t of STANDARD_TABLES) for (const r of t.relations) expect(parseRelations(r.text).length).toBeGreaterThan(0);
    expect(parseRelations("类 = Σ 款; 款 = Σ 项")).toEqual([
      { lhs: { sum: false, name: "类" }, rhs: [{ sum: true, name: "款" }] },
      { lhs: { sum: false, name: "款" }, rhs: [{ sum: true, name: "项" }] },
    ]);
    expect(() => parseRelations("合计 基本支出")).toThrow("关系式格式错误");
  });
});
