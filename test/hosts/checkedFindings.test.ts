import { CHECKED_SETTING, OfficeHost, type DocumentSettings } from "../../src/hosts/office/officeHost";
import { MemoryHost } from "../../src/hosts/memory/memoryHost";
import { demoWorkbook } from "../../src/taskpane/demoWorkbook";

/** Office.Settings as Excel keeps it: a property bag written to the file by saveAsync. */
function fakeSettings(fail = false) {
  const live = new Map<string, unknown>();
  const saved = new Map<string, unknown>();
  let saves = 0;
  const settings: DocumentSettings = {
    get: (name) => live.get(name) ?? null,
    set: (name, value) => void live.set(name, JSON.parse(JSON.stringify(value))),
    saveAsync: (cb) => {
      saves++;
      if (fail) return cb?.({ status: "failed", error: { message: "read-only" } });
      for (const [k, v] of live) saved.set(k, v);
      cb?.({ status: "succeeded" });
    },
  };
  return { settings, saved, saves: () => saves };
}

describe("checked marks (已核对) kept with the workbook", () => {
  it("Office host: stored in the document settings and saved with the file; a new host over the same document reads them", async () => {
    const doc = fakeSettings();
    const host = new OfficeHost(async () => {
      throw new Error("no Excel.run needed");
    });
    host.documentSettings = () => doc.settings;
    expect(await host.loadCheckedFindings()).toEqual([]);
    await host.saveCheckedFindings(["b\u001fkey", "a\u001fkey", "b\u001fkey"]);
    expect(doc.saves()).toBe(1);
    expect(doc.saved.get(CHECKED_SETTING)).toEqual(["a\u001fkey", "b\u001fkey"]);
    const again = new OfficeHost(async () => undefined as never);
    again.documentSettings = () => doc.settings;
    expect(await again.loadCheckedFindings()).toEqual(["a\u001fkey", "b\u001fkey"]);
    // garbage in the setting reads as no marks
    doc.settings.set(CHECKED_SETTING, { not: "a list" });
    expect(await again.loadCheckedFindings()).toEqual([]);
  });

  it("Office host: a failed save is a HostError the pane can show", async () => {
    const doc = fakeSettings(true);
    const host = new OfficeHost(async () => undefined as never);
    host.documentSettings = () => doc.settings;
    await expect(host.saveCheckedFindings(["k"])).rejects.toMatchObject({ hostError: true, code: "other" });
    host.documentSettings = () => {
      throw new Error("Office is not defined");
    };
    expect(await host.loadCheckedFindings()).toEqual([]);
    await expect(host.saveCheckedFindings(["k"])).rejects.toMatchObject({ code: "api-unsupported" });
  });

  it("memory host: kept in memory, a copy each way", async () => {
    const host = new MemoryHost(demoWorkbook());
    const keys = ["k1", "k2"];
    await host.saveCheckedFindings(keys);
    keys.push("k3");
    const got = await host.loadCheckedFindings();
    expect(got).toEqual(["k1", "k2"]);
    got.push("x");
    expect(await host.loadCheckedFindings()).toEqual(["k1", "k2"]);
  });
});
