/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { MemoryHost } from "../../src/hosts/memory/memoryHost";
import { newSheet, getSheet } from "../../src/core/model";
import { STANDARD_TABLES } from "../../src/core/specs/tables";
import { renderPane } from "./helpers";

const typeUnit = (name = "示例单位") => fireEvent.change(screen.getByLabelText("单位名称"), { target: { value: name } });

/** The element a Tab press moves to from `from`: the first tabbable element after it in document order. */
function nextTabStop(from: Element): HTMLElement | undefined {
  const all = Array.from(document.querySelectorAll<HTMLElement>("button, a[href], input, select, textarea, [tabindex]")).filter(
    (el) => !(el as HTMLButtonElement).disabled && el.tabIndex >= 0 && !el.closest("[hidden]"),
  );
  return all.find((el) => el !== from && (from.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0);
}

describe("插入模板 panel", () => {
  it("lists the 14 standard tables with descriptions, all checked by default", async () => {
    const host = new MemoryHost({ sheets: [newSheet("Sheet1")] });
    renderPane(host, { tab: "insert" });
    const list = await screen.findByTestId("table-list");
    const boxes = within(list).getAllByRole("checkbox");
    expect(boxes).toHaveLength(14);
    for (const b of boxes) expect((b as HTMLInputElement).checked).toBe(true);
    for (const spec of STANDARD_TABLES) {
      expect(within(list).getByText(new RegExp(spec.title.replace(/[“”()（）]/g, ".")))).toBeTruthy();
      expect(within(list).getByText(spec.description)).toBeTruthy();
    }
    expect(screen.getByTestId("insert-button").textContent).toBe("插入 14 张表");
  });

  it("inserts the chosen tables, never overwriting: taken names are renamed and shown, links select the new sheets", async () => {
    const host = new MemoryHost({ sheets: [newSheet("部门支出总表")] });
    const { store } = renderPane(host, { tab: "insert" });
    await screen.findByTestId("table-list");
    fireEvent.change(screen.getByLabelText("预算年度"), { target: { value: "2025" } });
    fireEvent.change(screen.getByLabelText("单位名称"), { target: { value: "示例市财政局" } });
    fireEvent.click(screen.getByTestId("insert-button"));
    const summary = await screen.findByTestId("insert-summary", {}, { timeout: 20000 });
    expect(summary.textContent).toContain("已插入 14 张表");
    const wb = await host.readWorkbook();
    expect(wb.sheets).toHaveLength(15);
    // the existing sheet is untouched and the new one got another name
    expect(getSheet(wb, "部门支出总表")!.rows).toEqual([]);
    const renamed = within(summary).getByTestId("renamed");
    expect(renamed.textContent).toContain("部门支出总表 → 部门支出总表(2)");
    const t3 = getSheet(wb, "部门支出总表(2)")!;
    expect(String(t3.rows[0]?.[0]?.value)).toContain("2025");
    expect(JSON.stringify(wb.sheets.map((s) => s.rows.slice(0, 3)))).toContain("示例市财政局");
    // settings remembered
    expect(store.load()).toMatchObject({ year: 2025, unitName: "示例市财政局" });
    // a link activates the new sheet
    fireEvent.click(within(summary).getByRole("button", { name: "部门支出总表(2)" }));
    await waitFor(async () => expect(await host.getSelection()).toEqual({ sheet: "部门支出总表(2)", address: "A1" }));
    // the header now sees the inserted tables
    await waitFor(() => expect(screen.getByTestId("detected-tables").textContent).toContain("14/14"));
  });

  it("inserts only the checked tables, without formulas when switched off", async () => {
    const host = new MemoryHost({ sheets: [] });
    renderPane(host, { tab: "insert" });
    await screen.findByTestId("table-list");
    fireEvent.click(screen.getByRole("button", { name: "全不选" }));
    expect(screen.getByTestId("insert-button").hasAttribute("disabled")).toBe(true);
    fireEvent.click(screen.getByRole("checkbox", { name: /部门支出总表/ }));
    fireEvent.click(screen.getByRole("checkbox", { name: /一般公共预算支出表/ }));
    fireEvent.click(screen.getByRole("switch", { name: "合计使用实时公式" }));
    typeUnit();
    fireEvent.click(screen.getByTestId("insert-button"));
    await screen.findByTestId("insert-summary", {}, { timeout: 20000 });
    const wb = await host.readWorkbook();
    expect(wb.sheets.map((s) => s.name)).toEqual(["部门支出总表", "一般公共预算支出表"]);
    const formulas = wb.sheets.flatMap((s) => s.rows.flatMap((r) => (r ?? []).filter((c) => c?.formula)));
    expect(formulas).toHaveLength(0);
  });

  it("refuses an invalid year", async () => {
    renderPane(new MemoryHost({ sheets: [] }), { tab: "insert" });
    await screen.findByTestId("table-list");
    fireEvent.change(screen.getByLabelText("预算年度"), { target: { value: "24" } });
    expect(screen.getByText("请输入 2000–2100 之间的年度。")).toBeTruthy();
    expect(screen.getByTestId("insert-button").hasAttribute("disabled")).toBe(true);
  });

  it("undoes an insertion while the new sheets are untouched, and refuses once the user has typed into them", async () => {
    const { setCell } = require("../../src/core/model") as typeof import("../../src/core/model");
    const host = new MemoryHost({ sheets: [newSheet("我的表")] });
    renderPane(host, { tab: "insert" });
    await screen.findByTestId("table-list");
    fireEvent.click(screen.getByRole("button", { name: "全不选" }));
    fireEvent.click(screen.getByRole("checkbox", { name: /部门支出总表/ }));
    typeUnit();
    fireEvent.click(screen.getByTestId("insert-button"));
    await screen.findByTestId("insert-summary", {}, { timeout: 20000 });
    const before = JSON.stringify(await host.readWorkbook());
    // the user types a figure into the new table: undo must not delete it
    const wb = await host.readWorkbook();
    const original = wb.sheets[1].rows[8]![3]; // an input cell (基本支出) of a body row
    expect(original?.formula).toBeUndefined();
    setCell(wb.sheets[1], 8, 3, { value: 12.5 });
    fireEvent.click(screen.getByTestId("insert-undo"));
    expect((await screen.findByTestId("insert-notice")).textContent).toContain("没有撤销");
    expect(wb.sheets.map((x) => x.name)).toEqual(["我的表", "部门支出总表"]);
    // as inserted again: undo removes exactly the new sheet
    wb.sheets[1].rows[8]![3] = original;
    fireEvent.click(screen.getByTestId("insert-undo"));
    await waitFor(() => expect(screen.getByTestId("insert-notice").textContent).toContain("刚插入的表已删除"));
    expect((await host.readWorkbook()).sheets.map((x) => x.name)).toEqual(["我的表"]);
    expect(before).toContain("部门支出总表");
  });
});

describe("插入模板: regional layouts", () => {
  it("inserts 财政拨款收支总表 with the expenditure split by fund when chosen", async () => {
    const host = new MemoryHost({ sheets: [] });
    renderPane(host, { tab: "insert" });
    await screen.findByTestId("table-list");
    fireEvent.click(screen.getByRole("button", { name: "全不选" }));
    fireEvent.click(screen.getByRole("checkbox", { name: /财政拨款收支总表/ }));
    fireEvent.click(screen.getByRole("checkbox", { name: /支出按一般公共预算、政府性基金、国有资本经营分列/ }));
    typeUnit();
    fireEvent.click(screen.getByTestId("insert-button"));
    await screen.findByTestId("insert-summary", {}, { timeout: 20000 });
    const sheet = (await host.readWorkbook()).sheets[0];
    const headers = sheet.rows.slice(0, 6).flatMap((row) => (row ?? []).map((c) => c?.value)).filter((v) => typeof v === "string");
    expect(headers).toEqual(expect.arrayContaining(["小计", "一般公共预算", "政府性基金预算", "国有资本经营预算"]));
  });
});

describe("插入模板: guards, the action bar and focus", () => {
  it("refuses an empty 单位名称 with a message on the field and the focus in it; nothing is written", async () => {
    const host = new MemoryHost({ sheets: [newSheet("Sheet1")] });
    renderPane(host, { tab: "insert" });
    await screen.findByTestId("table-list");
    typeUnit("   ");
    fireEvent.click(screen.getByTestId("insert-button"));
    expect(screen.getByText("请填写单位名称：它印在每张表的表头（单位名称：…）。")).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText("单位名称"));
    expect(screen.getByLabelText("单位名称").getAttribute("aria-invalid")).toBe("true");
    await new Promise((r) => setTimeout(r, 50));
    expect(host.applied).toHaveLength(0);
    expect(screen.queryByTestId("insert-summary")).toBeNull();
    // typing a name clears the message
    typeUnit("示例单位");
    expect(screen.queryByText("请填写单位名称：它印在每张表的表头（单位名称：…）。")).toBeNull();
  });

  it("puts the button and the outcome in the sticky action bar; the outcome takes the focus and 撤销 is the next Tab stop", async () => {
    const host = new MemoryHost({ sheets: [] });
    renderPane(host, { tab: "insert" });
    await screen.findByTestId("table-list");
    fireEvent.click(screen.getByRole("button", { name: "全不选" }));
    fireEvent.click(screen.getByRole("checkbox", { name: /部门支出总表/ }));
    typeUnit();
    const bar = screen.getAllByTestId("action-bar").find((b) => b.contains(screen.getByTestId("insert-button")));
    expect(bar).toBeTruthy();
    fireEvent.click(screen.getByTestId("insert-button"));
    const summary = await screen.findByTestId("insert-summary", {}, { timeout: 20000 });
    expect(within(bar!).getByTestId("action-status").contains(summary)).toBe(true);
    expect(summary.textContent).toContain("已插入 1 张表");
    await waitFor(() => expect(document.activeElement).toBe(summary));
    expect(nextTabStop(summary)).toBe(screen.getByTestId("insert-undo"));
    // the links to the new sheets follow
    expect(within(summary).getByRole("button", { name: "部门支出总表" })).toBeTruthy();
  });

  it("stores the year chosen here, so the header and every action use it (WorkContext); it stays after undo", async () => {
    const host = new MemoryHost({ sheets: [] });
    const { store } = renderPane(host, { tab: "insert" });
    await screen.findByTestId("table-list");
    fireEvent.change(screen.getByLabelText("预算年度"), { target: { value: "2025" } });
    expect(store.load().year).toBe(2025);
    fireEvent.click(screen.getByRole("button", { name: "全不选" }));
    fireEvent.click(screen.getByRole("checkbox", { name: /部门支出总表/ }));
    typeUnit();
    fireEvent.click(screen.getByTestId("insert-button"));
    await screen.findByTestId("insert-summary", {}, { timeout: 20000 });
    fireEvent.click(screen.getByTestId("insert-undo"));
    await waitFor(() => expect(screen.getByTestId("insert-notice").textContent).toContain("刚插入的表已删除"));
    expect((await host.readWorkbook()).sheets).toHaveLength(0);
    expect(store.load().year).toBe(2025);
    expect((screen.getByLabelText("预算年度") as HTMLInputElement).value).toBe("2025");
  });
});
