/** The 填充科目名称 use case: scope, preview, choosing changes, the stale-preview guard, undo. */
import { builtinCatalog } from "../../../src/core/catalog/builtin";
import { cloneSheet, getCell, getSheet, setCell } from "../../../src/core/model";
import { acceptedChanges, confirmFill, fillItemKey, previewFill, resolveFillTarget, undoFill, FillScopeError, type FillRequest } from "../../../src/core/workflows/fill";
import { MemoryHost } from "../../../src/hosts/memory/memoryHost";
import { demoWorkbook } from "../../../src/taskpane/demoWorkbook";

const catalog = builtinCatalog();
const req = (over: Partial<FillRequest> = {}): FillRequest => ({ scope: "active", year: 2024, fixNames: true, addParents: false, indent: false, ...over });

async function setup(address = "A1") {
  const wb = demoWorkbook();
  const before = wb.sheets.map((s) => cloneSheet(s));
  const host = new MemoryHost(wb);
  await host.select({ sheet: "支出总表", address });
  return { wb, before, host };
}

describe("fill use case", () => {
  it("resolves the scope once: selection, active sheet, all sheets; no selection is refused", async () => {
    const { wb, host } = await setup("A7:B8");
    expect(await resolveFillTarget(host, wb, "selection")).toEqual({ scope: "selection", sheet: "支出总表", address: "A7:B8" });
    expect(await resolveFillTarget(host, wb, "active")).toEqual({ scope: "active", sheet: "支出总表" });
    expect(await resolveFillTarget(host, wb, "all")).toEqual({ scope: "all" });
    const bare = new MemoryHost(demoWorkbook());
    await expect(resolveFillTarget(bare, wb, "active")).rejects.toBeInstanceOf(FillScopeError);
    const sel = await previewFill(host, catalog, req({ scope: "selection" }));
    expect(sel.plan.items.map((i) => i.cell)).toEqual(["B7", "B8"]);
    const all = await previewFill(host, catalog, req({ scope: "all" }));
    expect(all.target).toEqual({ scope: "all" });
    expect(all.plan.items.length).toBeGreaterThan(sel.plan.items.length);
  });

  it("previews without writing, applies the accepted changes only, and undo restores exactly", async () => {
    const { wb, before, host } = await setup();
    const preview = await previewFill(host, catalog, req());
    expect(host.applied).toHaveLength(0);
    expect(preview.plan.changes.edits).toHaveLength(3);
    const truncated = preview.plan.items.find((i) => i.cell === "B10")!;
    expect(truncated.action).toBe("fix");
    const out = await confirmFill(host, catalog, preview, new Set([fillItemKey(truncated)]));
    expect(out.status).toBe("applied");
    if (out.status !== "applied") return;
    expect(out.applied.count).toBe(2);
    const sheet = getSheet(wb, "支出总表")!;
    expect(getCell(sheet, 6, 1)!.value).toBe("行政运行");
    expect(getCell(sheet, 9, 1)!.value).toBe("机关事业单位基本养老保险缴费");
    expect(await undoFill(host, out.applied)).toEqual({ status: "undone" });
    expect(wb.sheets).toEqual(before);
  });

  it("maps a rejected change below inserted 上级行 to its edit further down, and undo removes the rows", async () => {
    const { wb, host } = await setup();
    getSheet(wb, "支出总表")!.rows.splice(8, 1); // the 款 row 20805 is missing now
    const snapshot = wb.sheets.map((s) => cloneSheet(s));
    const preview = await previewFill(host, catalog, req({ addParents: true }));
    expect(preview.plan.changes.insertRows?.length).toBeGreaterThan(0);
    const fix = preview.plan.items.find((i) => i.action === "fix")!;
    const all = acceptedChanges(preview.plan, new Set());
    const without = acceptedChanges(preview.plan, new Set([fillItemKey(fix)]));
    expect(without.edits.length).toBe(all.edits.length - 1);
    const dropped = all.edits.find((e) => !without.edits.includes(e))!;
    expect(dropped.cell?.value).toBe(fix.new);
    const out = await confirmFill(host, catalog, preview, new Set([fillItemKey(fix)]));
    expect(out.status).toBe("applied");
    if (out.status !== "applied") return;
    const sheet = getSheet(wb, "支出总表")!;
    expect(sheet.rows.some((r) => r?.[0]?.value === "20805")).toBe(true);
    expect(sheet.rows.some((r) => r?.[1]?.value === fix.old)).toBe(true); // the rejected name stays
    await undoFill(host, out.applied);
    expect(wb.sheets).toEqual(snapshot);
  });

  it("refuses a stale preview: the workbook changed, nothing is written, the fresh preview comes back", async () => {
    const { wb, host } = await setup();
    const preview = await previewFill(host, catalog, req());
    getSheet(wb, "支出总表")!.rows[6][1] = { value: "行政运行" }; // typed in Excel meanwhile
    const out = await confirmFill(host, catalog, preview);
    expect(out.status).toBe("changed");
    expect(host.applied).toHaveLength(0);
    if (out.status !== "changed") return;
    expect(out.preview.plan.changes.edits).toHaveLength(2);
    const again = await confirmFill(host, catalog, out.preview);
    expect(again.status).toBe("applied");
  });

  it("confirm writes the target of the preview, even when the selection moved since", async () => {
    const { wb, host } = await setup("A7:B7");
    const preview = await previewFill(host, catalog, req({ scope: "selection" }));
    await host.select({ sheet: "支出总表", address: "B10" });
    const out = await confirmFill(host, catalog, preview);
    expect(out.status).toBe("applied");
    const sheet = getSheet(wb, "支出总表")!;
    expect(getCell(sheet, 6, 1)!.value).toBe("行政运行");
    expect(getCell(sheet, 9, 1)!.value).toBe("机关事业单位基本养老保险缴费");
  });

  it("names a protected sheet and plans nothing there", async () => {
    const { wb, host } = await setup();
    getSheet(wb, "支出总表")!.protected = true;
    const preview = await previewFill(host, catalog, req());
    expect(preview.protectedSheets).toEqual(["支出总表"]);
    expect(preview.plan.changes.edits).toHaveLength(0);
    expect(await confirmFill(host, catalog, preview)).toEqual({ status: "nothing" });
    expect(host.applied).toHaveLength(0);
  });

  it("does not undo over cells the user changed after 确认", async () => {
    const { wb, host } = await setup();
    const out = await confirmFill(host, catalog, await previewFill(host, catalog, req()));
    if (out.status !== "applied") throw new Error(out.status);
    setCell(getSheet(wb, "支出总表")!, 6, 1, { value: "我改的名称" });
    expect(await undoFill(host, out.applied)).toEqual({ status: "refused", reason: "edited" });
    expect(getCell(getSheet(wb, "支出总表")!, 6, 1)!.value).toBe("我改的名称");
    expect(host.applied).toHaveLength(1);
  });
});
