/** @jest-environment jsdom */
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { MemoryHost } from "../../src/hosts/memory/memoryHost";
import { demoWorkbook } from "../../src/taskpane/demoWorkbook";
import { LocalSettingsStore } from "../../src/taskpane/settings";
import { renderPane } from "./helpers";

describe("task pane shell", () => {
  it("shows what it detected: year, unit, tables found and missing", async () => {
    renderPane(new MemoryHost(demoWorkbook()));
    await waitFor(() => expect(screen.getByTestId("detected-year").textContent).toBe("2024"));
    expect(screen.getByTestId("detected-unit").textContent).toBe("示例市人力资源和社会保障局");
    const tables = screen.getByTestId("detected").textContent!;
    expect(tables).toContain("已识别标准表 2/14");
    expect(tables).toContain("部门支出总表（支出总表）");
    expect(tables).toMatch(/缺少：部门收支总表、部门收入总表、财政拨款收支总表/);
  });

  it("switches to English and remembers the language in the workbook's settings", async () => {
    const { store } = renderPane(new MemoryHost(demoWorkbook()));
    fireEvent.click(await screen.findByRole("button", { name: "English" }));
    await screen.findByRole("tab", { name: "Check" });
    expect(screen.getByTestId("run-check").textContent).toBe("Check");
    expect(store.load().lang).toBe("en-US");
  });

  it("keeps settings per workbook in localStorage outside Excel", () => {
    const a = new LocalSettingsStore("a", window.localStorage);
    const b = new LocalSettingsStore("b", window.localStorage);
    a.save({ year: 2025, unitName: "甲单位", roundingFactor: 2, amountUnit: "元" });
    expect(new LocalSettingsStore("a", window.localStorage).load()).toEqual({ year: 2025, unitName: "甲单位", roundingFactor: 2, amountUnit: "元" });
    expect(b.load()).toEqual({});
    window.localStorage.setItem("budgetTables.settings:c", "{not json");
    expect(new LocalSettingsStore("c", window.localStorage).load()).toEqual({});
  });

  it("starts with the remembered settings: year and unit in 插入模板", async () => {
    renderPane(new MemoryHost({ sheets: [] }), { tab: "insert", settings: { year: 2026, unitName: "乙单位", amountUnit: "元" } });
    await screen.findByTestId("table-list");
    expect((screen.getByLabelText("预算年度") as HTMLInputElement).value).toBe("2026");
    expect((screen.getByLabelText("单位名称") as HTMLInputElement).value).toBe("乙单位");
    expect((screen.getByRole("radio", { name: "元" }) as HTMLInputElement).checked).toBe(true);
  });

  it("keeps a panel's results when switching tabs and back", async () => {
    renderPane(new MemoryHost(demoWorkbook()));
    await waitFor(() => expect(screen.getByTestId("detected-year").textContent).toBe("2024"));
    fireEvent.click(screen.getByTestId("run-check"));
    await screen.findByTestId("check-results", {}, { timeout: 20000 });
    const n = screen.getAllByTestId("finding").length;
    fireEvent.click(screen.getByRole("tab", { name: "插入模板" }));
    await screen.findByTestId("table-list");
    expect(screen.getByTestId("panel-check").hidden).toBe(true);
    fireEvent.click(screen.getByRole("tab", { name: "检查" }));
    expect(screen.getByTestId("panel-check").hidden).toBe(false);
    expect(screen.getAllByTestId("finding")).toHaveLength(n);
  });
});
