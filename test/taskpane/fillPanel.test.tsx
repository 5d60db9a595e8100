/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { MemoryHost } from "../../src/hosts/memory/memoryHost";
import { cloneSheet, getCell, getSheet } from "../../src/core/model";
import { demoWorkbook } from "../../src/taskpane/demoWorkbook";
import { renderPane } from "./helpers";

/** Planning reads the catalog; on a loaded machine that takes more than the default second. */
const SLOW = { timeout: 20000 };

async function setup(address = "A1") {
  const wb = demoWorkbook();
  const before = wb.sheets.map((s) => cloneSheet(s));
  const host = new MemoryHost(wb);
  await host.select({ sheet: "支出总表", address });
  renderPane(host, { tab: "fill" });
  await screen.findByTestId("fill-preview");
  await waitFor(() => expect(screen.getByTestId("detected-year").textContent).toBe("2024"));
  return { wb, before, host };
}

describe("填充科目名称 panel", () => {
  it("previews every change without writing, applies on 确认 in one batch, and 撤销 restores exactly", async () => {
    const { wb, before, host } = await setup();
    fireEvent.click(screen.getByTestId("fill-preview"));
    const list = await screen.findByTestId("fill-preview-list", {}, SLOW);
    const items = within(list).getAllByTestId("fill-item");
    const text = items.map((i) => i.textContent).join("\n");
    expect(text).toContain("支出总表!B7");
    expect(text).toMatch(/2080101[\s\S]*行政运行/);
    expect(text).toMatch(/2080109[\s\S]*社会保险经办机构/);
    // the truncated name: old → new, with its verdict
    expect(text).toMatch(/机关事业单位基本养老保险缴费\s*→\s*机关事业单位基本养老保险缴费支出/);
    expect(within(list).getByText(/将修改 3 处/)).toBeTruthy();
    // nothing written yet
    expect(host.applied).toHaveLength(0);
    expect(getCell(getSheet(wb, "支出总表")!, 6, 1)).toBeUndefined();

    fireEvent.click(screen.getByTestId("fill-confirm"));
    await screen.findByTestId("fill-applied", {}, SLOW);
    expect(host.applied).toHaveLength(1);
    const sheet = getSheet(wb, "支出总表")!;
    expect(getCell(sheet, 6, 1)!.value).toBe("行政运行");
    expect(getCell(sheet, 7, 1)!.value).toBe("社会保险经办机构");
    expect(getCell(sheet, 9, 1)!.value).toBe("机关事业单位基本养老保险缴费支出");

    fireEvent.click(screen.getByTestId("fill-undo"));
    await screen.findByText("已撤销，单元格已恢复原样。", {}, SLOW);
    expect(host.applied).toHaveLength(2);
    expect(wb.sheets).toEqual(before);
  });

  it("does not correct existing names when 更正 is off: they are listed as 需核对 and left alone", async () => {
    const { wb } = await setup();
    fireEvent.click(screen.getByRole("checkbox", { name: "更正与官方名称不符的名称" }));
    fireEvent.click(screen.getByTestId("fill-preview"));
    const list = await screen.findByTestId("fill-preview-list", {}, SLOW);
    expect(within(list).getByText(/需核对（不会修改） · 1/)).toBeTruthy();
    fireEvent.click(screen.getByTestId("fill-confirm"));
    await screen.findByTestId("fill-applied", {}, SLOW);
    expect(getCell(getSheet(wb, "支出总表")!, 9, 1)!.value).toBe("机关事业单位基本养老保险缴费");
    expect(getCell(getSheet(wb, "支出总表")!, 6, 1)!.value).toBe("行政运行");
  });

  it("limits the plan to the selection", async () => {
    await setup("A7:B8");
    fireEvent.click(screen.getByRole("radio", { name: "当前选区" }));
    fireEvent.click(screen.getByTestId("fill-preview"));
    const list = await screen.findByTestId("fill-preview-list", {}, SLOW);
    const items = within(list).getAllByTestId("fill-item");
    expect(items.map((i) => /支出总表!B\d+/.exec(i.textContent ?? "")?.[0])).toEqual(["支出总表!B7", "支出总表!B8"]);
  });

  it("re-plans instead of writing when the workbook changed after the preview", async () => {
    const { wb, host } = await setup();
    fireEvent.click(screen.getByTestId("fill-preview"));
    const list = await screen.findByTestId("fill-preview-list", {}, SLOW);
    // the user types a name in Excel meanwhile
    getSheet(wb, "支出总表")!.rows[6][1] = { value: "行政运行" };
    fireEvent.click(screen.getByTestId("fill-confirm"));
    await screen.findByTestId("fill-notice", {}, SLOW);
    expect(host.applied).toHaveLength(0);
    expect(within(screen.getByTestId("fill-preview-list")).getByText(/将修改 2 处/)).toBeTruthy();
  });

  it("adds missing parent rows with 撤销 putting the rows back", async () => {
    const { wb, before } = await setup();
    // remove the 款 row 20805 so it is missing
    const sheet = getSheet(wb, "支出总表")!;
    sheet.rows.splice(8, 1);
    const snapshot = wb.sheets.map((s) => cloneSheet(s));
    void before;
    fireEvent.click(screen.getByRole("checkbox", { name: "补充缺少的上级科目行（类、款）" }));
    fireEvent.click(screen.getByTestId("fill-preview"));
    const list = await screen.findByTestId("fill-preview-list", {}, SLOW);
    expect(list.textContent).toContain("插入上级行");
    expect(list.textContent).toContain("行政事业单位养老支出");
    fireEvent.click(screen.getByTestId("fill-confirm"));
    await screen.findByTestId("fill-applied", {}, SLOW);
    expect(sheet.rows.some((r) => r?.[0]?.value === "20805")).toBe(true);
    fireEvent.click(screen.getByTestId("fill-undo"));
    await screen.findByText("已撤销，单元格已恢复原样。", {}, SLOW);
    expect(wb.sheets).toEqual(snapshot);
  });
});

describe("填充科目名称: choosing changes, protection, the action bar", () => {
  it("applies only the accepted changes (确认修改 (N)), and 撤销 restores exactly", async () => {
    const { wb, before } = await setup();
    fireEvent.click(screen.getByTestId("fill-preview"));
    const list = await screen.findByTestId("fill-preview-list", {}, SLOW);
    const boxes = within(list).getAllByTestId("fill-accept").map((b) => b.querySelector("input") ?? b) as HTMLInputElement[];
    expect(boxes).toHaveLength(3);
    for (const b of boxes) expect(b.checked).toBe(true);
    expect(screen.getByTestId("fill-confirm").textContent).toBe("确认修改 (3)");
    // reject the correction of the truncated name
    fireEvent.click(within(list).getByRole("checkbox", { name: "采用 支出总表!B10 的修改" }));
    expect(screen.getByTestId("fill-confirm").textContent).toBe("确认修改 (2)");
    fireEvent.click(screen.getByTestId("fill-confirm"));
    await screen.findByTestId("fill-applied", {}, SLOW);
    const sheet = getSheet(wb, "支出总表")!;
    expect(getCell(sheet, 6, 1)!.value).toBe("行政运行");
    expect(getCell(sheet, 7, 1)!.value).toBe("社会保险经办机构");
    expect(getCell(sheet, 9, 1)!.value).toBe("机关事业单位基本养老保险缴费");
    expect(screen.getByTestId("fill-applied").textContent).toBe("已修改 2 处。");
    // the focus is on 撤销, in the action bar
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId("fill-undo")));
    expect(screen.getAllByTestId("action-bar").some((b) => b.contains(screen.getByTestId("fill-undo")))).toBe(true);
    fireEvent.click(screen.getByTestId("fill-undo"));
    await screen.findByText("已撤销，单元格已恢复原样。", {}, SLOW);
    expect(wb.sheets).toEqual(before);
  });

  it("says a protected sheet is protected, plans nothing there and cannot confirm", async () => {
    const { wb, host } = await setup();
    getSheet(wb, "支出总表")!.protected = true;
    fireEvent.click(screen.getByTestId("fill-preview"));
    const list = await screen.findByTestId("fill-preview-list", {}, SLOW);
    expect(within(list).getByTestId("fill-protected").textContent).toBe("工作表“支出总表”受保护，无法修改：请先在“审阅 → 撤销工作表保护”后重试。");
    expect(within(list).getByText(/将修改 0 处/)).toBeTruthy();
    expect(screen.getByTestId("fill-confirm").hasAttribute("disabled")).toBe(true);
    expect(host.applied).toHaveLength(0);
  });

  it("names the active sheet in the scope and in the preview", async () => {
    await setup();
    expect(await screen.findByRole("radio", { name: "当前工作表（支出总表）" })).toBeTruthy();
    fireEvent.click(screen.getByTestId("fill-preview"));
    const list = await screen.findByTestId("fill-preview-list", {}, SLOW);
    expect(within(list).getByTestId("fill-target").textContent).toBe("范围：当前工作表（支出总表）");
  });

  it("uses the year of the work context (the one the header shows), not one of its own", async () => {
    const wb = demoWorkbook();
    const host = new MemoryHost(wb);
    await host.select({ sheet: "支出总表", address: "A1" });
    renderPane(host, { tab: "fill", settings: { year: 2025 } });
    fireEvent.click(await screen.findByTestId("fill-preview"));
    const list = await screen.findByTestId("fill-preview-list", {}, SLOW);
    expect(within(list).getByText("按 2025 年科目")).toBeTruthy();
  });

  it("going to a cell of the preview does not change what 确认 writes (the scope is resolved at preview)", async () => {
    const { wb, host } = await setup("A7:B8");
    fireEvent.click(screen.getByRole("radio", { name: "当前选区" }));
    fireEvent.click(screen.getByTestId("fill-preview"));
    const list = await screen.findByTestId("fill-preview-list", {}, SLOW);
    fireEvent.click(within(list).getByRole("button", { name: "转到 支出总表!B8" }));
    await waitFor(async () => expect(await host.getSelection()).toEqual({ sheet: "支出总表", address: "B8" }));
    fireEvent.click(screen.getByTestId("fill-confirm"));
    await screen.findByTestId("fill-applied", {}, SLOW);
    expect(getCell(getSheet(wb, "支出总表")!, 6, 1)!.value).toBe("行政运行");
    expect(getCell(getSheet(wb, "支出总表")!, 7, 1)!.value).toBe("社会保险经办机构");
  });
});
