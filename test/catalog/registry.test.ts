/**
 * The catalog data registry (src/core/catalog/data.ts) as the task pane uses it: no data in
 * the first scripts (the browser twin of dataSync answers null), the data brought by
 * loadCatalogData() before the first lookup, the custom function waiting for it.
 */
type Data = typeof import("../../src/core/catalog/data");
type Functions = typeof import("../../src/functions/functions");
type Builtin = typeof import("../../src/core/catalog/builtin");

/** Fresh modules with the browser's dataSync (nothing bundled). */
function asInTheBrowser(): { data: Data; functions: Functions; builtin: Builtin } {
  let out!: { data: Data; functions: Functions; builtin: Builtin };
  jest.isolateModules(() => {
    jest.doMock("../../src/core/catalog/dataSync", () => jest.requireActual("../../src/core/catalog/dataSync.browser"));
    out = { data: require("../../src/core/catalog/data"), functions: require("../../src/functions/functions"), builtin: require("../../src/core/catalog/builtin") };
  });
  return out;
}

afterEach(() => jest.dontMock("../../src/core/catalog/dataSync"));

describe("catalog data registry", () => {
  it("in Node the data is there at once", async () => {
    const data = jest.requireActual("../../src/core/catalog/data") as Data;
    expect(data.isCatalogDataLoaded()).toBe(true);
    expect(data.catalogData().files.function.entries.length).toBeGreaterThan(1000);
  });

  it("in the pane nothing answers before the data is loaded, with a message saying so", () => {
    const { data, builtin } = asInTheBrowser();
    expect(data.isCatalogDataLoaded()).toBe(false);
    expect(() => data.catalogData()).toThrow(data.CatalogDataNotLoadedError);
    expect(() => builtin.builtinCatalog()).toThrow(/仍在加载/);
  });

  it("loadCatalogData brings the data once, then the catalog answers", async () => {
    const { data, builtin } = asInTheBrowser();
    const [a, b] = await Promise.all([data.loadCatalogData(), data.loadCatalogData()]);
    expect(a).toBe(b);
    expect(data.isCatalogDataLoaded()).toBe(true);
    expect(builtin.builtinCatalog().lookup("2080101", { year: 2024 })?.name).toBe("行政运行");
    expect(Object.keys(builtin.BUILTIN_FILES).sort()).toEqual(["econ-dept", "econ-gov", "function", "revenue"]);
    expect(builtin.verifiedEntries().length).toBeGreaterThan(0);
  });

  it("the custom function Excel calls waits for the data instead of failing", async () => {
    const { data, functions } = asInTheBrowser();
    expect(() => functions.budgetName(2080101, 2024)).toThrow(data.CatalogDataNotLoadedError);
    await expect(functions.budgetNameWhenReady(2080101, 2024)).resolves.toBe("行政运行");
    await expect(functions.budgetNameWhenReady("9999999", 2024)).resolves.toBe("#未知科目编码 9999999");
  });
});
