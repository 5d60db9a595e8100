/** @jest-environment jsdom */
import * as React from "react";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { MemoryHost } from "../../src/hosts/memory/memoryHost";
import { demoWorkbook, emptyWorkbook } from "../../src/taskpane/demoWorkbook";
import { App } from "../../src/taskpane/App";
import { defaultServices } from "../../src/taskpane/services";
import {
  LocalSettingsStore,
  LocalUserPrefsStore,
  MemorySettingsStore,
  MemoryUserPrefsStore,
  OfficeSettingsStore,
  USER_KEY,
} from "../../src/taskpane/settings";
import type { Lang } from "../../src/taskpane/i18n";
import { renderPane } from "./helpers";
import pkg from "../../package.json";

beforeEach(() => window.localStorage.clear());

// recognising the workbook takes a while on a busy machine
const slow = { timeout: 15000 };

function renderApp(host: MemoryHost, opts: { lang?: Lang; users?: MemoryUserPrefsStore; store?: MemorySettingsStore } = {}) {
  const store = opts.store ?? new MemorySettingsStore();
  const users = opts.users ?? new MemoryUserPrefsStore();
  const utils = render(<App host={host} inExcel={false} initialLang={opts.lang ?? "zh-CN"} services={defaultServices} settingsStore={store} userStore={users} />);
  return { ...utils, store, users };
}

describe("task pane shell", () => {
  it("shows the year in use and its source, the edition, and the tables counted on the checker's set", async () => {
    renderPane(new MemoryHost(demoWorkbook()));
    await waitFor(() => expect(screen.getByTestId("detected-year").textContent).toBe("2024"), slow);
    expect(screen.getByTestId("work-year-source").textContent).toBe("工作簿");
    expect(screen.getByTestId("work-edition").textContent).toContain("2024 年版");
    expect(screen.getByTestId("detected-unit").textContent).toBe("示例市人力资源和社会保障局");
    const tables = screen.getByTestId("detected").textContent!;
    // two of T1–T9 found, none of T10–T14: the 9-table set, as the checker counts it
    expect(screen.getByTestId("detected-tables").textContent).toBe("已识别标准表 2/9缺少 7");
    expect(tables).toContain("部门支出总表（支出总表）");
    expect(tables).toMatch(/缺少：部门收支总表、部门收入总表、财政拨款收支总表/);
  });

  it("keeps settings per workbook in localStorage outside Excel, and no language there", () => {
    const a = new LocalSettingsStore("a", window.localStorage);
    const b = new LocalSettingsStore("b", window.localStorage);
    a.save({ year: 2025, unitName: "甲单位", roundingFactor: 2, amountUnit: "元" });
    expect(new LocalSettingsStore("a", window.localStorage).load()).toEqual({ year: 2025, unitName: "甲单位", roundingFactor: 2, amountUnit: "元" });
    expect(b.load()).toEqual({});
    window.localStorage.setItem("budgetTables.settings:c", "{not json");
    expect(new LocalSettingsStore("c", window.localStorage).load()).toEqual({});
    // a language saved by an older version is not read back as a workbook setting
    window.localStorage.setItem("budgetTables.settings:d", JSON.stringify({ year: 2026, lang: "en-US" }));
    expect(new LocalSettingsStore("d", window.localStorage).load()).toEqual({ year: 2026 });
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
    await waitFor(() => expect(screen.getByTestId("detected-year").textContent).toBe("2024"), slow);
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

  it("moves between tabs with the arrow keys (one tab in the Tab order)", async () => {
    renderPane(new MemoryHost(demoWorkbook()));
    const check = await screen.findByRole("tab", { name: "检查" });
    expect(check.getAttribute("aria-selected")).toBe("true");
    expect(screen.getAllByRole("tab").filter((x) => x.tabIndex === 0)).toEqual([check]);
    check.focus();
    fireEvent.keyDown(check, { key: "ArrowLeft" });
    const fill = screen.getByRole("tab", { name: "填充科目名称" });
    expect(document.activeElement).toBe(fill);
    fireEvent.click(fill);
    expect(fill.getAttribute("aria-selected")).toBe("true");
    expect(screen.getByTestId("panel-fill").hidden).toBe(false);
  });
});

describe("first run", () => {
  it("opens on 检查 when the workbook has standard tables", async () => {
    renderApp(new MemoryHost(demoWorkbook()));
    await waitFor(() => expect(screen.getByRole("tab", { name: "检查" }).getAttribute("aria-selected")).toBe("true"), slow);
    expect(screen.queryByTestId("first-run")).toBeNull();
    expect(screen.getByTestId("panel-check").hidden).toBe(false);
  });

  it("on an empty workbook says what the add-in does and inserts the year's standard tables in one click", async () => {
    const host = new MemoryHost(emptyWorkbook());
    const { store } = renderApp(host);
    const view = await screen.findByTestId("first-run", {}, slow);
    for (const name of ["插入模板", "填充科目名称", "检查", "起草说明"]) within(view).getByRole("button", { name: new RegExp(`^${name}`) });
    expect(screen.getByTestId("detected-tables").textContent).toBe("已识别标准表 0/9缺少 9");
    const year = Number(screen.getByTestId("detected-year").textContent);
    expect(screen.getByTestId("work-year-source").textContent).toBe("默认");
    expect(year).toBe(new Date().getFullYear() + 1);
    fireEvent.change(screen.getByTestId("first-run-unit"), { target: { value: "丙单位" } });
    const start = screen.getByTestId("first-run-start");
    expect(start.textContent).toBe(`插入 ${year} 年标准表`);
    fireEvent.click(start);
    const done = await screen.findByTestId("first-run-done", {}, { timeout: 20000 });
    expect(done.textContent).toContain(`已插入 ${year} 年标准表 14 张`);
    const wb = await host.readWorkbook();
    expect(wb.sheets).toHaveLength(15);
    expect(wb.sheets[0].name).toBe("Sheet1");
    const titles = wb.sheets.slice(1).map((sh) => String(sh.rows[0]?.find((c) => c?.value)?.value ?? ""));
    expect(titles.every((x) => x.includes(`${year}`) && x.includes("丙单位"))).toBe(true);
    expect(store.load().unitName).toBe("丙单位");
    await waitFor(() => expect(screen.getByTestId("detected-tables").textContent).toBe("已识别标准表 14/1414 张标准表齐全"), slow);
    // undo removes exactly the inserted sheets
    fireEvent.click(screen.getByTestId("first-run-undo"));
    await screen.findByTestId("first-run-notice");
    expect((await host.readWorkbook()).sheets.map((x) => x.name)).toEqual(["Sheet1"]);
  });

  it("opens an action from the first-run view and moves the focus to its tab", async () => {
    renderApp(new MemoryHost(emptyWorkbook()));
    fireEvent.click(await screen.findByTestId("first-run-open-fill", {}, slow));
    const tab = screen.getByRole("tab", { name: "填充科目名称" });
    await waitFor(() => expect(document.activeElement).toBe(tab), slow);
    expect(tab.getAttribute("aria-selected")).toBe("true");
    expect(screen.queryByTestId("first-run")).toBeNull();
  });
});

describe("settings", () => {
  it("sets the year in one place: the header shows it as chosen, and automatic goes back to the workbook's", async () => {
    const { store } = renderApp(new MemoryHost(demoWorkbook()));
    await waitFor(() => expect(screen.getByTestId("detected-year").textContent).toBe("2024"), slow);
    fireEvent.click(screen.getByTestId("settings-button"));
    const heading = await screen.findByRole("heading", { name: "设置" });
    await waitFor(() => expect(document.activeElement).toBe(heading), slow);
    fireEvent.change(screen.getByTestId("settings-year"), { target: { value: "2027" } });
    await waitFor(() => expect(screen.getByTestId("detected-year").textContent).toBe("2027"), slow);
    expect(screen.getByTestId("work-year-source").textContent).toBe("所选");
    // 2027 has no edition of its own: the header says which one answers
    expect(screen.getByTestId("work-edition-note").textContent).toContain("2027 年无科目版本");
    expect(store.load().year).toBe(2027);
    await waitFor(() => expect(screen.getByTestId("app-status").textContent).toBe("预算年度：2027（所选）"), slow);
    fireEvent.click(screen.getByRole("radio", { name: /^自动/ }));
    await waitFor(() => expect(screen.getByTestId("detected-year").textContent).toBe("2024"), slow);
    expect(screen.getByTestId("work-year-source").textContent).toBe("工作簿");
    expect(store.load().year).toBeUndefined();
    fireEvent.click(screen.getByTestId("settings-done"));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId("settings-button")), slow);
    expect(screen.queryByTestId("settings-panel")).toBeNull();
  });

  it("explains each 尾差 tolerance and keeps the choice with the workbook; shows the version and the catalog import", async () => {
    const { store } = renderApp(new MemoryHost(demoWorkbook()));
    fireEvent.click(await screen.findByTestId("settings-button"));
    const strict = screen.getByRole("radio", { name: /严格 0/ });
    expect(screen.getByTestId("settings-tolerance").textContent).toContain("完全相等");
    expect(screen.getByTestId("settings-tolerance").textContent).toContain("四舍五入");
    expect((screen.getByRole("radio", { name: /标准 1/ }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(strict);
    expect(store.load().roundingFactor).toBe(0);
    expect(screen.getByTestId("settings-version").textContent).toBe(`版本 ${pkg.version}`);
    expect(screen.getByTestId("catalog-import")).toBeTruthy();
  });

  it("keeps the language per user, never in the workbook", async () => {
    const users = new MemoryUserPrefsStore();
    const { store, unmount } = renderApp(new MemoryHost(demoWorkbook()), { users });
    fireEvent.click(await screen.findByTestId("settings-button"));
    fireEvent.click(screen.getByRole("radio", { name: "English" }));
    await screen.findByRole("tab", { name: "Check" });
    expect(users.load()).toEqual({ lang: "en-US" });
    expect(JSON.stringify(store.load())).not.toContain("en-US");
    await waitFor(() => expect(screen.getByTestId("app-status").textContent).toBe("The interface is now in English."), slow);
    unmount();
    // another workbook, same user: English; the Office language only when the user has not chosen
    renderApp(new MemoryHost(emptyWorkbook()), { users });
    await screen.findByRole("tab", { name: "Check" });
    expect(screen.getByTestId("app-title").textContent).toBe("Budget Disclosure Tables");
  });

  it("follows Office's language until the user chooses; the top-bar switch is the same per-user setting", async () => {
    renderPane(new MemoryHost(demoWorkbook()), { lang: "en-US" });
    await screen.findByRole("tab", { name: "Check" });
    expect(window.localStorage.getItem(USER_KEY)).toBeNull();
    fireEvent.click(screen.getByTestId("lang-toggle"));
    await screen.findByRole("tab", { name: "检查" });
    expect(JSON.parse(window.localStorage.getItem(USER_KEY)!)).toEqual({ lang: "zh-CN" });
    expect(new LocalUserPrefsStore(window.localStorage).load()).toEqual({ lang: "zh-CN" });
  });

  it("inside Excel writes no language into the document's settings, and ignores one written before", () => {
    const saved: Record<string, unknown> = { "budgetTables.settings": { year: 2025, lang: "en-US" } };
    (globalThis as unknown as { Office: unknown }).Office = {
      context: { document: { settings: { get: (k: string) => saved[k], set: (k: string, v: unknown) => (saved[k] = v), saveAsync: () => undefined } } },
    };
    try {
      const store = new OfficeSettingsStore();
      expect(store.load()).toEqual({ year: 2025 });
      store.save({ ...store.load(), roundingFactor: 2, ...({ lang: "en-US" } as object) });
      expect(saved["budgetTables.settings"]).toEqual({ year: 2025, roundingFactor: 2 });
    } finally {
      delete (globalThis as unknown as { Office?: unknown }).Office;
    }
  });
});
