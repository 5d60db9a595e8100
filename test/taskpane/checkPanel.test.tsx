/** @jest-environment jsdom */
import * as React from "react";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { MemoryHost } from "../../src/hosts/memory/memoryHost";
import { cloneSheet, getCell, getSheet } from "../../src/core/model";
import { checkWorkbook } from "../../src/core/checks/engine";
import type { Finding } from "../../src/core/checks/types";
import { demoWorkbook } from "../../src/taskpane/demoWorkbook";
import { findingMessage } from "../../src/core/checks/messages";
import { RULES } from "../../src/core/checks/rules";
import { renderPane } from "./helpers";

async function runCheck() {
  await screen.findByTestId("run-check");
  await waitFor(() => expect(screen.getByTestId("detected-year").textContent).toBe("2024"));
  fireEvent.click(screen.getByTestId("run-check"));
  return screen.findByTestId("check-results", {}, { timeout: 20000 });
}

describe("检查 panel", () => {
  it("lists findings grouped by table and severity with counts, and a click (or Enter) selects the cell", async () => {
    const wb = demoWorkbook();
    const expected = checkWorkbook(demoWorkbook(), { roundingFactor: 1 });
    const errors = expected.filter((f) => f.severity === "error");
    expect(errors.length).toBeGreaterThan(0);
    const host = new MemoryHost(wb);
    renderPane(host);
    const results = await runCheck();
    const counts = within(results).getByTestId("check-counts");
    expect(counts.textContent).toContain(`错误 ${errors.length}`);
    expect(counts.textContent).toContain(`提示 ${expected.filter((f) => f.severity === "info").length}`);
    const groups = screen.getAllByTestId("finding-group");
    // the group with errors first, labelled with the table title
    expect(groups[0].getAttribute("aria-label")).toBe("部门支出总表");
    expect(within(groups[0]).getByText(`错误 · ${errors.filter((f) => f.table === "T3").length}`)).toBeTruthy();
    const items = screen.getAllByTestId("finding");
    expect(items).toHaveLength(expected.length);
    const first = items[0];
    const e0 = errors.filter((f) => f.table === "T3").sort((a, b) => a.cell.localeCompare(b.cell))[0];
    expect(first.getAttribute("data-cell")).toBe(`${e0.sheet}!${e0.cell}`);
    // expected, stated and difference shown
    expect(first.textContent).toContain("应为 235.70");
    expect(first.textContent).toContain("实为 253.70");
    expect(first.textContent).toContain("差额 +18.00");
    fireEvent.click(first);
    await waitFor(async () => expect(await host.getSelection()).toEqual({ sheet: e0.sheet, address: e0.cell }));
    const second = items[1];
    second.focus();
    fireEvent.keyDown(second, { key: "Enter" });
    await waitFor(async () => expect(await host.getSelection()).toEqual({ sheet: "支出总表", address: second.getAttribute("data-cell")!.split("!")[1] }));
  });

  it("in English, the findings' messages are English (their message ids rendered with findingMessage)", async () => {
    const expected = checkWorkbook(demoWorkbook(), { roundingFactor: 1 });
    renderPane(new MemoryHost(demoWorkbook()), { lang: "en-US" });
    await runCheck();
    const items = screen.getAllByTestId("finding");
    expect(items).toHaveLength(expected.length);
    const e0 = expected.find((f) => f.severity === "error" && f.ruleId === "hierarchy") ?? expected.find((f) => f.severity === "error")!;
    const item = items.find((i) => i.getAttribute("data-cell") === `${e0.sheet}!${e0.cell}`)!;
    expect(item.textContent).toContain(findingMessage(e0, "en-US", RULES));
    expect(item.textContent).toMatch(/should equal/);
    expect(item.textContent).not.toContain(e0.message);
  });

  it("groups by sheet when asked", async () => {
    renderPane(new MemoryHost(demoWorkbook()));
    await runCheck();
    fireEvent.click(screen.getByRole("radio", { name: "按工作表" }));
    const labels = screen.getAllByTestId("finding-group").map((g) => g.getAttribute("aria-label"));
    expect(labels).toContain("支出总表");
    expect(labels).toContain("一般公共预算支出表");
  });

  it("marks the finding cells red/amber and 清除标记 restores the original fills exactly", async () => {
    const wb = demoWorkbook();
    const before = wb.sheets.map((s) => cloneSheet(s));
    const host = new MemoryHost(wb);
    renderPane(host);
    await runCheck();
    fireEvent.click(screen.getByTestId("mark"));
    await screen.findByText(/已标记 \d+ 个单元格/);
    const sheet = getSheet(wb, "支出总表")!;
    expect(getCell(sheet, 8, 2)!.style!.fill).toBe("#FFC7CE");
    expect(getCell(sheet, 8, 3)!.style!.fill).toBe("#FFC7CE");
    fireEvent.click(screen.getByTestId("clear-marks"));
    await screen.findByText("标记已清除，单元格恢复原来的底色。");
    expect(wb.sheets).toEqual(before);
  });

  it("生成审核结果表 adds a uniquely named sheet with HYPERLINK formulas to the cells", async () => {
    const wb = demoWorkbook();
    wb.sheets.push({ name: "审核结果", rows: [], merges: [] });
    const host = new MemoryHost(wb);
    renderPane(host);
    await runCheck();
    fireEvent.click(screen.getByTestId("report"));
    await screen.findByText(/已生成工作表“审核结果\(2\)”/);
    const report = getSheet(wb, "审核结果(2)")!;
    const links = report.rows.flatMap((r) => (r ?? []).filter((c) => c?.formula?.startsWith("=HYPERLINK(")));
    expect(links.map((c) => c!.formula)).toContain(`=HYPERLINK("#'支出总表'!C9","支出总表!C9")`);
    expect(getSheet(wb, "审核结果")!.rows).toEqual([]);
  });

  it("checks only the active sheet when asked, with the chosen 尾差 tolerance", async () => {
    const host = new MemoryHost(demoWorkbook());
    await host.select({ sheet: "一般公共预算支出表", address: "A1" });
    const seen: number[] = [];
    const { store } = renderPane(host, {
      services: {
        check: (w, o) => {
          seen.push(o.roundingFactor ?? -1);
          return checkWorkbook(w, o);
        },
      },
    });
    await screen.findByTestId("run-check");
    fireEvent.click(screen.getByRole("radio", { name: "当前工作表" }));
    fireEvent.click(screen.getByRole("radio", { name: "严格 0" }));
    await runCheck();
    expect(seen).toEqual([0]);
    expect(store.load().roundingFactor).toBe(0);
    const cells = screen.getAllByTestId("finding").map((f) => f.getAttribute("data-cell")!);
    expect(cells.length).toBeGreaterThan(0);
    for (const c of cells) expect(c.startsWith("一般公共预算支出表!")).toBe(true);
    // strict: the 尾差 of the T5 table are now errors
    expect(screen.getByTestId("check-counts").textContent).not.toContain("错误 0");
  });

  it("says so when nothing is found", async () => {
    renderPane(new MemoryHost(demoWorkbook()), { services: { check: () => [] as Finding[] } });
    await runCheck();
    expect(screen.getByTestId("no-findings").textContent).toBe("未发现问题。");
  });
});
