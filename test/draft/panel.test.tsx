/** @jest-environment jsdom */
/** The task pane's 起草说明 panel: preview, insert as a new sheet, undo — and no undo over the user's edits. */
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { MemoryHost } from "../../src/hosts/memory/memoryHost";
import { getSheet, setCell } from "../../src/core/model";
import { renderPane } from "../taskpane/helpers";
import { justice2026 } from "./fixtures";

test("preview → insert → undo; after the user edits the drafted sheet, undo keeps it", async () => {
  const wb = justice2026("元");
  const names = wb.sheets.map((s) => s.name);
  const host = new MemoryHost(wb);
  renderPane(host, { tab: "draft" });
  fireEvent.click(await screen.findByTestId("draft-preview"));
  const text = await screen.findByTestId("draft-text");
  expect(text.textContent).toContain("上海市普陀区司法局2026年收支预算总数 9628.22 万元");
  expect((await host.readWorkbook()).sheets.map((s) => s.name)).toEqual(names); // preview writes nothing

  fireEvent.click(screen.getByTestId("draft-insert"));
  await waitFor(async () => expect((await host.readWorkbook()).sheets.map((s) => s.name)).toEqual([...names, "情况说明"]));
  const sheet = getSheet(await host.readWorkbook(), "情况说明")!;
  expect(sheet.rows[0]![0]!.value).toBe("上海市普陀区司法局2026年部门预算情况说明");

  fireEvent.click(await screen.findByTestId("draft-undo"));
  await waitFor(async () => expect((await host.readWorkbook()).sheets.map((s) => s.name)).toEqual(names));

  // again, then the user writes a reason: undo must not throw it away
  fireEvent.click(await screen.findByTestId("draft-preview"));
  fireEvent.click(await screen.findByTestId("draft-insert"));
  await waitFor(async () => expect((await host.readWorkbook()).sheets.map((s) => s.name)).toContain("情况说明"));
  const live = getSheet(await host.readWorkbook(), "情况说明")!;
  setCell(live, 60, 0, { value: "主要原因是工作量增加。" });
  fireEvent.click(await screen.findByTestId("draft-undo"));
  await waitFor(() => expect(screen.getByTestId("draft-notice").textContent).toContain("不再撤销"));
  expect((await host.readWorkbook()).sheets.map((s) => s.name)).toContain("情况说明");
});
