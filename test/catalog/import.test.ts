/**
 * Importing an official catalog sheet into an overlay edition, and keeping it as JSON.
 */
import {
  builtinCatalog,
  importCatalogSheet,
  loadOverlays,
  MemoryOverlayStorage,
  OverlayFormatError,
  parseOverlay,
  saveOverlays,
  serializeOverlay,
  type CatalogOverlay,
} from "../../src/core/catalog";
import { sheetFromRows, type CellValue } from "../../src/core/model";

const base = builtinCatalog();
const newest = base.years("function").slice(-1)[0];
const FUTURE = newest + 4;

/** As 财政部 lays it out: a title, 科目编码 over 类/款/项, names indented or prefixed by the parent's name. */
function goodSheet() {
  const rows: (CellValue | undefined)[][] = [
    [`${FUTURE}年政府收支分类科目（支出功能分类）`],
    [],
    ["科目编码", undefined, undefined, "科目名称", "说明"],
    ["类", "款", "项"],
    ["201", undefined, undefined, "一般公共服务支出", "反映政府提供一般公共服务的支出。"],
    [undefined, "01", undefined, "  人大事务"],
    [undefined, undefined, "01", "\u3000\u3000行政运行"],
    [201, 1, 2, "人大事务—一般行政管理事务"],
    ["201", "01", "99", "    其他人大事务支出"],
    ["201", "50", undefined, "新设款(测试)"],
    ["201", "50", "1", "一般公共服务支出/新设款（测试）/新设项"],
    ["２０８", undefined, undefined, "社会保障和就业支出"],
    ["208", "05", undefined, "行政事业单位养老支出"],
    ["208", "05", "05", "机关事业单位基本养老保险缴费支出"],
    [],
    ["注：本表仅供测试。"],
  ];
  const sheet = sheetFromRows("支出功能分类", rows);
  sheet.merges.push({ r1: 2, c1: 0, r2: 2, c2: 2 });
  return sheet;
}

describe("importCatalogSheet", () => {
  it("reads a good sheet with split codes and indented, prefixed names into a complete overlay", () => {
    const res = importCatalogSheet(goodSheet(), { kind: "function", year: FUTURE, source: "test.xlsx" });
    if (!res.ok) throw new Error(res.problems.map((p) => p.message).join("\n"));
    expect(res.rows).toBe(10);
    expect(res.overlay).toMatchObject({ kind: "function", year: FUTURE, source: "test.xlsx" });
    expect(res.overlay.entries.map((e) => [e.code, e.name, e.level, e.parent])).toEqual([
      ["201", "一般公共服务支出", 1, null],
      ["20101", "人大事务", 2, "201"],
      ["2010101", "行政运行", 3, "20101"],
      ["2010102", "一般行政管理事务", 3, "20101"],
      ["2010199", "其他人大事务支出", 3, "20101"],
      ["20150", "新设款（测试）", 2, "201"],
      ["2015001", "新设项", 3, "20150"],
      ["208", "社会保障和就业支出", 1, null],
      ["20805", "行政事业单位养老支出", 2, "208"],
      ["2080505", "机关事业单位基本养老保险缴费支出", 3, "20805"],
    ]);
  });

  it("reads a single 科目编码 column too", () => {
    const sheet = sheetFromRows("经济分类", [
      ["科目代码", "科目名称"],
      [301, "工资福利支出"],
      ["30101", "基本工资"],
      ["30199", "其他工资福利支出"],
    ]);
    const res = importCatalogSheet(sheet, { kind: "econ-dept", year: FUTURE });
    expect(res.ok).toBe(true);
    if (res.ok) expect(res.overlay.entries.map((e) => e.code)).toEqual(["301", "30101", "30199"]);
  });

  it("lists every problem of a bad sheet and returns no overlay", () => {
    const sheet = sheetFromRows("坏表", [
      ["科目编码", "科目名称"],
      ["201", "一般公共服务支出"],
      ["20101", "人大事务"],
      ["2010101", "行政运行"],
      ["2010101", "行政运行（重复）"],
      ["2010201", "政协的项，但没有 20102"],
      ["20A01", "编码里有字母"],
      ["2010103", "   "],
      ["20501", "普通教育（没有 205）"],
      ["301", "工资福利支出"],
      ["20101012", "八位编码"],
    ]);
    const res = importCatalogSheet(sheet, { kind: "function", year: FUTURE });
    expect(res.ok).toBe(false);
    expect("overlay" in res).toBe(false);
    if (res.ok) return;
    const byType = Object.fromEntries(res.problems.map((p) => [p.type, p]));
    expect(byType["duplicate"]).toMatchObject({ row: 5, code: "2010101" });
    expect(byType["orphan-xiang"]).toMatchObject({ row: 6, code: "2010201" });
    expect(byType["non-numeric"]).toMatchObject({ row: 7 });
    expect(byType["empty-name"]).toMatchObject({ row: 8, code: "2010103" });
    expect(byType["orphan-kuan"]).toMatchObject({ row: 9, code: "20501" });
    expect(byType["wrong-kind"]).toMatchObject({ row: 10, code: "301" });
    expect(byType["bad-code"]).toMatchObject({ row: 11 });
    expect(res.problems).toHaveLength(7);
    for (const p of res.problems) expect(p.message).toMatch(/^第 \d+ 行：/);
  });

  it("reports a split 项 that has no 款 row before it", () => {
    const sheet = sheetFromRows("坏表", [
      ["科目编码", undefined, undefined, "科目名称"],
      ["类", "款", "项"],
      ["201", undefined, undefined, "一般公共服务支出"],
      [undefined, undefined, "01", "行政运行"],
      [undefined, "01", undefined, "人大事务"],
      ["201", "02", "01", "行政运行"],
    ]);
    const res = importCatalogSheet(sheet, { kind: "function", year: FUTURE });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.problems.map((p) => [p.type, p.row])).toEqual([
      ["orphan-xiang", 4],
      ["orphan-xiang", 6],
    ]);
  });

  it("reports a sheet without a header", () => {
    const res = importCatalogSheet(sheetFromRows("x", [["a", "b"], ["201", "一般公共服务支出"]]), { kind: "function", year: FUTURE });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.problems[0].type).toBe("no-header");
  });
});

describe("overlays", () => {
  const res = importCatalogSheet(goodSheet(), { kind: "function", year: FUTURE });
  const overlay = (res as { overlay: CatalogOverlay }).overlay;

  it("adds a new edition: lookups, nearest-edition answers and diffs use it; the base catalog is unchanged", () => {
    const cat = base.withOverlay(overlay);
    expect(cat.years("function")).toEqual([...base.years("function"), FUTURE]);
    expect(cat.lookup("2015001", { year: FUTURE })).toMatchObject({ name: "新设项", edition: FUTURE });
    expect(cat.lookup("2080505", { year: FUTURE + 1 })).toMatchObject({ edition: FUTURE, note: `${FUTURE + 1} 年无科目版本，按最接近的 ${FUTURE} 年版本` });
    expect(cat.lookup("2080150", { year: FUTURE })).toBeNull();
    expect(cat.lookup("2080150", { year: newest })!.name).toBe(base.lookup("2080150", { year: newest })!.name);
    const d = cat.diffEditions("201", newest, FUTURE)!;
    expect(d.added.map((e) => e.code).sort()).toEqual(["20150", "2015001"]);
    expect(base.lookup("2015001", { year: FUTURE })).toBeNull();
    expect(base.years("function")).not.toContain(FUTURE);
    // Other kinds keep their editions.
    expect(cat.years("econ-dept")).toEqual(base.years("econ-dept"));
  });

  it("replaces a built-in edition of the same year", () => {
    const replacing = { ...overlay, year: newest };
    const cat = base.withOverlay(replacing);
    expect(cat.lookup("2015001", { year: newest })!.name).toBe("新设项");
    expect(cat.lookup("2080150", { year: newest })).toBeNull();
    const before = base.years("function").filter((y) => y !== newest)[0];
    expect(cat.lookup("2080150", { year: before })).not.toBeNull();
    expect(cat.stats().filter((r) => r.kind === "function" && r.year === newest).reduce((s, r) => s + r.count, 0)).toBe(overlay.entries.length);
  });

  it("round-trips through JSON and an OverlayStorage", async () => {
    const json = serializeOverlay(overlay);
    expect(parseOverlay(json)).toEqual([overlay]);
    const storage = new MemoryOverlayStorage();
    expect(await loadOverlays(storage, base)).toBe(base);
    await saveOverlays(storage, [overlay]);
    const cat = await loadOverlays(storage, base);
    expect(cat.lookup("2015001", { year: FUTURE })!.name).toBe("新设项");
  });

  it("rejects JSON that is not an overlay", () => {
    expect(() => parseOverlay("{")).toThrow(OverlayFormatError);
    expect(() => parseOverlay(JSON.stringify({ hello: 1 }))).toThrow(OverlayFormatError);
    const bad = JSON.parse(serializeOverlay(overlay));
    bad.overlays[0].entries[1].parent = "999";
    expect(() => parseOverlay(JSON.stringify(bad))).toThrow(/20101/);
  });
});
