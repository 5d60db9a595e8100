/** @jest-environment jsdom */
import * as React from "react";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { defaultServices } from "../../src/taskpane/services";
import { MemorySettingsStore, MemoryUserPrefsStore } from "../../src/taskpane/settings";
import { MemoryHost } from "../../src/hosts/memory/memoryHost";
import { newSheet } from "../../src/core/model";
import { demoWorkbook, emptyWorkbook } from "../../src/taskpane/demoWorkbook";
import { detectCapabilities, featureNote, type Capabilities } from "../../src/hosts/office/features";
import { excel } from "../helpers/requirements";
import { renderPane } from "./helpers";

const SLOW = { timeout: 20000 };


const FULL = { ExcelApi: "1.17", SharedRuntime: "1.1", CustomFunctionsRuntime: "1.1", AddinCommands: "1.1" };

/** The element the control's aria-describedby names (its note). */
function describedBy(el: HTMLElement): HTMLElement | null {
  const id = el.getAttribute("aria-describedby");
  return id ? document.getElementById(id) : null;
}

describe("the panels follow what this Excel supports (src/hosts/office/features.ts)", () => {
  it("ExcelApi up to 1.8: 插入 is disabled, described by the note, and a click writes nothing", async () => {
    const caps = detectCapabilities(excel({ ExcelApi: "1.8", SharedRuntime: "1.1", CustomFunctionsRuntime: "1.1", AddinCommands: "1.1" }));
    expect(caps.has.write).toBe(false);
    const host = new MemoryHost({ sheets: [newSheet("Sheet1")] });
    renderPane(host, { tab: "insert", caps });
    await screen.findByTestId("table-list", {}, SLOW);
    fireEvent.change(screen.getByLabelText("单位名称"), { target: { value: "示例单位" } });
    const button = screen.getByTestId("insert-button");
    // disabled but still focusable: a screen reader reaches it and hears why
    expect(button.getAttribute("aria-disabled")).toBe("true");
    expect((button as HTMLButtonElement).disabled).toBe(false);
    const note = screen.getByTestId("insert-feature-note");
    expect(note.textContent).toContain("需要 ExcelApi 1.9");
    expect(describedBy(button)?.textContent).toBe(featureNote(caps, "write", "zh-CN"));
    fireEvent.click(button);
    await new Promise((r) => setTimeout(r, 50));
    expect(host.applied).toHaveLength(0);
    expect((await host.readWorkbook()).sheets.map((s) => s.name)).toEqual(["Sheet1"]);
    expect(screen.queryByTestId("insert-summary")).toBeNull();
    // reading needs 1.13: the pane says so once, at the top
    expect(screen.getByTestId("read-note").textContent).toContain("ExcelApi 1.13");
  });

  it("ExcelApi up to 1.8: the quick start of the first-run view is disabled too", async () => {
    const caps = detectCapabilities(excel({ ExcelApi: "1.8" }));
    const host = new MemoryHost(emptyWorkbook());
    render(<App host={host} inExcel={false} initialLang="zh-CN" services={defaultServices} settingsStore={new MemorySettingsStore()} userStore={new MemoryUserPrefsStore()} caps={caps} />);
    const start = await screen.findByTestId("first-run-start", {}, SLOW);
    expect(start.getAttribute("aria-disabled")).toBe("true");
    expect(describedBy(start)?.textContent).toContain("ExcelApi 1.9");
    fireEvent.click(start);
    await new Promise((r) => setTimeout(r, 50));
    expect(host.applied).toHaveLength(0);
  });

  it("ExcelApi up to 1.8: 检查 still checks; marking cells and the 审核结果 sheet are disabled with the note", async () => {
    const caps = detectCapabilities(excel({ ExcelApi: "1.8" }));
    const host = new MemoryHost(demoWorkbook());
    renderPane(host, { tab: "check", caps });
    await waitFor(() => expect(screen.getByTestId("detected-year").textContent).toBe("2024"), SLOW);
    fireEvent.click(await screen.findByTestId("run-check"));
    await screen.findByTestId("check-results", {}, SLOW);
    expect(screen.getAllByTestId("finding").length).toBeGreaterThan(0);
    for (const id of ["mark", "report"]) {
      const button = screen.getByTestId(id);
      expect([id, button.getAttribute("aria-disabled")]).toEqual([id, "true"]);
      expect(describedBy(button)?.textContent).toBe(featureNote(caps, "write", "zh-CN"));
    }
    fireEvent.click(screen.getByTestId("report"));
    fireEvent.click(screen.getByTestId("mark"));
    await new Promise((r) => setTimeout(r, 50));
    expect(host.applied).toHaveLength(0);
    expect((await host.readWorkbook()).sheets.map((x) => x.name)).not.toContain("审核结果");
    expect(host.markedCount?.() ?? 0).toBe(0);
  });

  it("ExcelApi 1.13 without SharedRuntime: everything in the pane works; settings list the formula note and the version", async () => {
    const caps = detectCapabilities(excel({ ExcelApi: "1.13", CustomFunctionsRuntime: "1.1", AddinCommands: "1.1" }));
    const host = new MemoryHost({ sheets: [newSheet("Sheet1")] });
    renderPane(host, { tab: "insert", caps });
    await screen.findByTestId("table-list", {}, SLOW);
    expect(screen.getByTestId("insert-button").getAttribute("aria-disabled")).toBeNull();
    expect(screen.queryByTestId("insert-feature-note")).toBeNull();
    expect(screen.queryByTestId("read-note")).toBeNull();
    fireEvent.click(screen.getByTestId("settings-button"));
    const list = await screen.findByTestId("settings-capabilities", {}, SLOW);
    expect(within(list).getByRole("heading").textContent).toBe("此 Excel 支持的功能");
    expect(within(list).getByTestId("settings-excelapi").textContent).toBe("ExcelApi 最高版本：1.13");
    const shared = within(list).getByTestId("capability-sharedRuntime");
    expect(shared.getAttribute("data-supported")).toBe("false");
    expect(shared.textContent).toContain(featureNote(caps, "sharedRuntime", "zh-CN")!);
    expect(shared.textContent).toContain("SharedRuntime 1.1");
    for (const f of ["read", "write", "printSetup", "customFunction", "ribbon"]) {
      const item = within(list).getByTestId(`capability-${f}`);
      expect([f, item.getAttribute("data-supported")]).toEqual([f, "true"]);
      expect(item.textContent).not.toContain("需要");
    }
  });

  it("in English the settings list is English", async () => {
    const caps = detectCapabilities(excel({ ExcelApi: "1.14", AddinCommands: "1.1" }));
    renderPane(new MemoryHost({ sheets: [newSheet("Sheet1")] }), { tab: "insert", caps, lang: "en-US" });
    fireEvent.click(await screen.findByTestId("settings-button"));
    const list = await screen.findByTestId("settings-capabilities", {}, SLOW);
    expect(within(list).getByRole("heading").textContent).toBe("What this Excel supports");
    expect(within(list).getByTestId("settings-excelapi").textContent).toBe("Highest ExcelApi: 1.14");
    expect(within(list).getByTestId("capability-customFunction").textContent).toContain("The formula =BUDGET.NAME needs CustomFunctionsRuntime 1.1");
  });

  it("without print setup the tables are still inserted, and the note says the print setup is skipped", async () => {
    const full = detectCapabilities(excel(FULL));
    const caps: Capabilities = { ...full, has: { ...full.has, printSetup: false } };
    const host = new MemoryHost({ sheets: [newSheet("Sheet1")] });
    renderPane(host, { tab: "insert", caps });
    await screen.findByTestId("table-list", {}, SLOW);
    const note = screen.getByTestId("insert-print-note");
    expect(note.textContent).toContain("插入表的打印设置");
    expect(note.textContent).toContain("表格照常插入");
    const button = screen.getByTestId("insert-button");
    expect(button.getAttribute("aria-disabled")).toBeNull();
    expect(describedBy(button)?.textContent).toContain("不做打印设置");
    fireEvent.change(screen.getByLabelText("单位名称"), { target: { value: "示例单位" } });
    fireEvent.click(button);
    await screen.findByTestId("insert-summary", {}, SLOW);
    expect((await host.readWorkbook()).sheets).toHaveLength(15);
  });

  it("a full Excel: nothing is disabled, no note anywhere, every feature ticked", async () => {
    const caps = detectCapabilities(excel(FULL));
    const wb = demoWorkbook();
    const host = new MemoryHost(wb);
    await host.select({ sheet: "支出总表", address: "A1" });
    renderPane(host, { tab: "fill", caps });
    fireEvent.click(await screen.findByTestId("fill-preview"));
    await screen.findByTestId("fill-preview-list", {}, SLOW);
    const confirm = screen.getByTestId("fill-confirm");
    expect(confirm.getAttribute("aria-disabled")).toBeNull();
    expect(confirm.getAttribute("aria-describedby")).toBeNull();
    // a working button: it writes
    fireEvent.click(confirm);
    await screen.findByTestId("fill-applied", {}, SLOW);
    expect(host.applied).toHaveLength(1);
    fireEvent.click(screen.getByRole("tab", { name: /插入模板/ }));
    await screen.findByTestId("table-list", {}, SLOW);
    expect(screen.getByTestId("insert-button").getAttribute("aria-disabled")).toBeNull();
    expect(document.querySelectorAll('[data-testid$="feature-note"], [data-testid="insert-print-note"], [data-testid="read-note"]')).toHaveLength(0);
    fireEvent.click(screen.getByTestId("settings-button"));
    const list = await screen.findByTestId("settings-capabilities", {}, SLOW);
    expect(within(list).getByTestId("settings-excelapi").textContent).toBe("ExcelApi 最高版本：1.17");
    const items = within(list).getAllByRole("listitem");
    expect(items).toHaveLength(6);
    for (const item of items) expect(item.getAttribute("data-supported")).toBe("true");
  });
});
