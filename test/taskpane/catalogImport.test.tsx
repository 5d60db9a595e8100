/** @jest-environment jsdom */
import * as React from "react";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { MemoryOverlayStorage } from "../../src/core/catalog/storage";
import { sheetFromRows } from "../../src/core/model";
import { MemoryHost } from "../../src/hosts/memory/memoryHost";
import { CatalogStore } from "../../src/taskpane/catalogStore";
import { STRINGS } from "../../src/taskpane/i18n";
import { CatalogImport } from "../../src/taskpane/panels/CatalogImport";
import { defaultServices, type Services } from "../../src/taskpane/services";
import "./helpers";

function setup(rows: (string | number | undefined)[][]) {
  const store = new CatalogStore(new MemoryOverlayStorage());
  const services: Services = {
    ...defaultServices,
    catalog: () => store.catalog(),
    catalogEditions: { imported: () => store.imported(), add: (o) => store.add(o), clear: () => store.clear() },
  };
  const host = new MemoryHost({ sheets: [sheetFromRows("2027年支出功能分类科目", rows)] });
  render(
    <FluentProvider theme={webLightTheme}>
      <CatalogImport host={host} services={services} t={STRINGS["zh-CN"]} settings={{ year: 2027 } as never} />
    </FluentProvider>,
  );
  return { store };
}

describe("科目数据 import in the task pane", () => {
  it("imports an official edition from the active sheet; the catalog then answers that year from it", async () => {
    const { store } = setup([
      ["科目编码", "科目名称"],
      ["208", "社会保障和就业支出"],
      ["20801", "人力资源和社会保障管理事务"],
      ["2080150", "事业运行（新）"],
    ]);
    fireEvent.click(screen.getByRole("button", { name: "从当前工作表导入" }));
    await screen.findByText("已导入 2027 年支出功能分类 3 条。");
    expect(store.catalog().lookup("2080150", { year: 2027 })!.name).toBe("事业运行（新）");
    expect(store.catalog().lookup("2080150", { year: 2024 })!.name).toBe("事业运行");
    expect(screen.getByText(/2027 支出功能分类 · 3/)).toBeTruthy();
  });

  it("loads nothing from a bad sheet and lists every problem", async () => {
    const { store } = setup([
      ["科目编码", "科目名称"],
      ["208", "社会保障和就业支出"],
      ["208", "重复"],
      ["2089901", "没有款的项"],
      ["abc", "不是编码"],
    ]);
    fireEvent.click(screen.getByRole("button", { name: "从当前工作表导入" }));
    const list = await screen.findByTestId("catalog-problems");
    await waitFor(() => expect(list.querySelectorAll("li").length).toBeGreaterThanOrEqual(3));
    expect(store.imported()).toHaveLength(0);
    expect(screen.getByText(/没有导入：发现 \d+ 个问题/)).toBeTruthy();
  });
});

describe("CatalogStore", () => {
  it("keeps imported editions across sessions and survives a damaged store", () => {
    const storage = new MemoryOverlayStorage();
    const a = new CatalogStore(storage);
    a.add({ kind: "econ-dept", year: 2027, entries: [{ code: "301", name: "工资福利支出", level: 1, parent: null }, { code: "30101", name: "基本工资", level: 2, parent: "301" }] });
    const b = new CatalogStore(storage); // the next time the pane opens
    expect(b.imported().map((o) => `${o.kind} ${o.year}`)).toEqual(["econ-dept 2027"]);
    expect(b.catalog().lookup("30101", { year: 2027 })).toMatchObject({ name: "基本工资", edition: 2027 });
    storage.save("{not json");
    expect(new CatalogStore(storage).imported()).toEqual([]);
  });
});
