import { detectCapabilities, featureNote, FEATURE_REQUIREMENTS } from "../../src/hosts/office/features";
import { excel } from "../helpers/requirements";

describe("run-time feature detection (src/hosts/office/features.ts)", () => {
  it("Microsoft 365 (ExcelApi 1.17, shared runtime, custom functions, ribbon): everything", () => {
    const caps = detectCapabilities(excel({ ExcelApi: "1.17", SharedRuntime: "1.2", CustomFunctionsRuntime: "1.4", AddinCommands: "1.3" }));
    expect(caps.source).toBe("office");
    expect(caps.excelApi).toBe("1.17");
    expect(Object.values(caps.has).every(Boolean)).toBe(true);
    expect(featureNote(caps, "customFunction", "zh-CN")).toBeNull();
  });

  it("iPad (ExcelApi 1.17, no shared runtime, no custom functions, no ribbon): the pane only, with notes for the rest", () => {
    const caps = detectCapabilities(excel({ ExcelApi: "1.17" }));
    expect(caps.has).toEqual({ read: true, write: true, printSetup: true, sharedRuntime: false, customFunction: false, ribbon: false });
    expect(featureNote(caps, "customFunction", "zh-CN")).toContain("CustomFunctionsRuntime 1.1");
    expect(featureNote(caps, "ribbon", "en-US")).toMatch(/^The button on the Home tab needs AddinCommands 1\.1/);
  });

  it("an Excel with ExcelApi 1.9 to 1.12 writes but cannot read merged areas", () => {
    const caps = detectCapabilities(excel({ ExcelApi: "1.12", SharedRuntime: "1.1", CustomFunctionsRuntime: "1.1", AddinCommands: "1.1" }));
    expect(caps.excelApi).toBe("1.12");
    expect(caps.has.write).toBe(true);
    expect(caps.has.read).toBe(false);
    expect(featureNote(caps, "read", "zh-CN")).toBe("此版本的 Excel 不支持读取工作簿（需要 ExcelApi 1.13）。请更新 Office，或使用 Microsoft 365 / Excel 网页版。");
  });

  it("Excel 2016 (ExcelApi 1.1 only): neither reading nor writing", () => {
    const caps = detectCapabilities(excel({ ExcelApi: "1.1", AddinCommands: "1.1" }));
    expect(caps.excelApi).toBe("1.1");
    expect(caps.has.read || caps.has.write || caps.has.printSetup).toBe(false);
    expect(caps.has.ribbon).toBe(true);
  });

  it("a requirements object that throws for an unknown set counts as unsupported", () => {
    const caps = detectCapabilities({
      isSetSupported: (name: string, v?: string) => {
        if (name !== "ExcelApi") throw new Error("unknown set");
        return Number(v?.split(".")[1]) <= 14;
      },
    });
    expect(caps.excelApi).toBe("1.14");
    expect(caps.has).toEqual({ read: true, write: true, printSetup: true, sharedRuntime: false, customFunction: false, ribbon: false });
  });

  it("outside Office (no requirements): the in-memory host's features, no formula or ribbon", () => {
    const caps = detectCapabilities(null);
    expect(caps.source).toBe("none");
    expect(caps.excelApi).toBeNull();
    expect(caps.has.read && caps.has.write).toBe(true);
    expect(caps.has.customFunction || caps.has.ribbon).toBe(false);
  });

  it("asks Office.context.requirements by default", () => {
    const asked: string[] = [];
    (globalThis as { Office?: unknown }).Office = {
      context: { requirements: { isSetSupported: (n: string, v: string) => (asked.push(`${n} ${v}`), n === "ExcelApi" && v === "1.1") } },
    };
    try {
      const caps = detectCapabilities();
      expect(caps.excelApi).toBe("1.1");
      expect(asked).toContain("SharedRuntime 1.1");
    } finally {
      delete (globalThis as { Office?: unknown }).Office;
    }
  });

  it("names a requirement set for every feature", () => {
    for (const r of Object.values(FEATURE_REQUIREMENTS)) expect(r.version).toMatch(/^1\.\d+$/);
  });
});
