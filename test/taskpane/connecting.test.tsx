/** @jest-environment jsdom */
/**
 * The pane is drawn before Office is ready (src/taskpane/index.tsx renders App with host null at
 * once and again with the host at Office.onReady): the shell is there and says it is connecting,
 * nothing reads or writes, and when the host arrives the same pane reads the workbook, takes the
 * workbook's settings and opens where it should, keeping what the user did meanwhile.
 */
import * as React from "react";
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { MemoryHost } from "../../src/hosts/memory/memoryHost";
import { demoWorkbook } from "../../src/taskpane/demoWorkbook";
import { App, type AppProps } from "../../src/taskpane/App";
import { defaultServices } from "../../src/taskpane/services";
import { MemorySettingsStore, MemoryUserPrefsStore } from "../../src/taskpane/settings";

const slow = { timeout: 15000 };

describe("the pane before Office is ready", () => {
  it("shows the shell at once, says it is connecting, reads nothing; the host then brings the workbook and its settings", async () => {
    const users = new MemoryUserPrefsStore();
    const props: AppProps = { host: null, initialLang: "zh-CN", services: defaultServices, userStore: users };
    const { rerender } = render(<App {...props} />);
    // the shell: title, tabs, settings; the header says it is connecting, no outside-Excel banner yet
    expect(screen.getByTestId("app-title").textContent).toBe("预算公开表格助手");
    expect(screen.getByRole("tab", { name: "检查" })).toBeTruthy();
    expect(screen.getByTestId("detected").textContent).toContain("正在连接 Excel…");
    expect(screen.queryByTestId("host-banner")).toBeNull();
    expect(screen.queryByTestId("panel-check")).toBeNull();
    // the user opens the settings while Office starts
    fireEvent.click(screen.getByTestId("settings-button"));
    expect(screen.getByTestId("settings-button").getAttribute("aria-expanded")).toBe("true");

    const host = new MemoryHost(demoWorkbook());
    const read = jest.spyOn(host, "readWorkbook");
    const store = new MemorySettingsStore({ year: 2025, unitName: "示例单位" });
    rerender(<App {...props} host={host} inExcel={false} settingsStore={store} />);
    await waitFor(() => expect(screen.getByTestId("detected-unit").textContent).toBe("示例市人力资源和社会保障局"), slow);
    expect(read).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId("detected").textContent).not.toContain("正在连接");
    expect(screen.getByTestId("host-banner").textContent).toContain("当前不在 Excel 中运行");
    // the workbook's settings came with its store: the year chosen there is the one in use
    expect(screen.getByTestId("work-year").textContent).toContain("2025");
    expect(screen.getByTestId("work-year").getAttribute("title")).toBe("在设置中指定的年度");
    // the settings the user opened are still open
    expect(screen.getByTestId("settings-button").getAttribute("aria-expanded")).toBe("true");
  });

  it("opens the panel asked for once the host is there", async () => {
    const props: AppProps = { host: null, initialLang: "en-US", services: defaultServices, userStore: new MemoryUserPrefsStore() };
    const { rerender } = render(<App {...props} />);
    expect(screen.getByTestId("detected").textContent).toContain("Connecting to Excel…");
    await act(async () => {
      rerender(<App {...props} host={new MemoryHost(demoWorkbook())} inExcel={false} initialTab="insert" settingsStore={new MemorySettingsStore()} />);
    });
    await waitFor(() => expect(screen.getByTestId("panel-insert").hidden).toBe(false), slow);
    expect(screen.getByRole("tab", { name: "Insert" }).getAttribute("aria-selected")).toBe("true");
  });
});

describe("the header's facts", () => {
  it("are recognised with pauses and cancel: a newer read cancels the older recognition", async () => {
    const signals: AbortSignal[] = [];
    const recognizeAsync = jest.fn((wb: Parameters<NonNullable<typeof defaultServices.recognizeAsync>>[0], control?: { signal?: AbortSignal; yield?: () => Promise<void> }) => {
      expect(typeof control?.yield).toBe("function");
      signals.push(control!.signal!);
      return defaultServices.recognizeAsync!(wb, control);
    });
    const services = { ...defaultServices, recognizeAsync };
    render(<App host={new MemoryHost(demoWorkbook())} inExcel={false} initialLang="zh-CN" services={services} settingsStore={new MemorySettingsStore()} userStore={new MemoryUserPrefsStore()} />);
    await waitFor(() => expect(screen.getByTestId("detected-unit").textContent).toBe("示例市人力资源和社会保障局"), slow);
    expect(recognizeAsync).toHaveBeenCalledTimes(1);
    expect(signals[0].aborted).toBe(false);
    fireEvent.click(screen.getByTestId("refresh"));
    await waitFor(() => expect(recognizeAsync).toHaveBeenCalledTimes(2), slow);
    expect(signals[0].aborted).toBe(true);
    await waitFor(() => expect(screen.getByTestId("refresh")).toBeTruthy(), slow);
    expect(screen.getByTestId("detected-unit").textContent).toBe("示例市人力资源和社会保障局");
  });
});
