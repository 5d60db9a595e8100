/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { MemoryHost } from "../../src/hosts/memory/memoryHost";
import { cloneSheet, getCell, getSheet } from "../../src/core/model";
import { demoWorkbook } from "../../src/taskpane/demoWorkbook";
import { renderPane } from "./helpers";

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
    const list = await screen.findByTestId("fill-preview-list");
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

    fireEvent.click(within(list).getByTestId("fill-confirm"));
    await screen.findByTestId("fill-applied");
    expect(host.applied).toHaveLength(1);
    const sheet = getSheet(wb, "支出总表")!;
    expect(getCell(sheet, 6, 1)!.value).toBe("行政运行");
    expect(getCell(sheet, 7, 1)!.value).toBe("社会保险经办机构");
    expect(getCell(sheet, 9, 1)!.value).toBe("机关事业单位基本养老保险缴费支出");

    fireEvent.click(screen.getByTestId("fill-undo"));
    await screen.findByText("已撤销，单元格已恢复原样。");
    expect(host.applied).toHaveLength(2);
    expect(wb.sheets).toEqual(before);
  });

  it("does not correct existing names when 更正 is off: they are listed as 需核对 and left alone", async () => {
    const { wb } = await setup();
    fireEvent.click(screen.getByRole("checkbox", { name: "更正与官方名称不符的名称" }));
    fireEvent.click(screen.getByTestId("fill-preview"));
    const list = await screen.findByTestId("fill-preview-list");
    expect(within(list).getByText(/需核对（不会修改） · 1/)).toBeTruthy();
    fireEvent.click(within(list).getByTestId("fill-confirm"));
    await screen.findByTestId("fill-applied");
    expect(getCell(getSheet(wb, "支出总表")!, 9, 1)!.value).toBe("机关事业单位基本养老保险缴费");
    expect(getCell(getSheet(wb, "支出总表")!, 6, 1)!.value).toBe("行政运行");
  });

  it("limits the plan to the selection", async () => {
    await setup("A7:B8");
    fireEvent.click(screen.getByRole("radio", { name: "当前选区" }));
    fireEvent.click(screen.getByTestId("fill-preview"));
    const list = await screen.findByTestId("fill-preview-list");
    const items = within(list).getAllByTestId("fill-item");
    expect(items.map((i) => /支出总表!B\d+/.exec(i.textContent ?? "")?.[0])).toEqual(["支出总表!B7", "支出总表!B8"]);
  });

  it("re-plans instead of writing when the workbook changed after the preview", async () => {
    const { wb, host } = await setup();
    fireEvent.click(screen.getByTestId("fill-preview"));
    const list = await screen.findByTestId("fill-preview-list");
    // the user types a name in Excel meanwhile
    getSheet(wb, "支出总表")!.rows[6][1] = { value: "行政运行" };
    fireEvent.click(within(list).getByTestId("fill-confirm"));
    await screen.findByTestId("fill-notice");
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
    const list = await screen.findByTestId("fill-preview-list");
    expect(list.textContent).toContain("插入上级行");
    expect(list.textContent).toContain("行政事业单位养老支出");
    fireEvent.click(within(list).getByTestId("fill-confirm"));
    await screen.findByTestId("fill-applied");
    expect(sheet.rows.some((r) => r?.[0]?.value === "20805")).toBe(true);
    fireEvent.click(screen.getByTestId("fill-undo"));
    await screen.findByText("已撤销，单元格已恢复原样。");
    expect(wb.sheets).toEqual(snapshot);
  });
});
