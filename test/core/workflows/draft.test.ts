/** The 起草说明 use case: preview, the stale-preview guard, insert as a new sheet, undo only while untouched. */
import { getSheet, setCell } from "../../../src/core/model";
import { confirmDraft, previewDraft, undoDraft } from "../../../src/core/workflows/draft";
import { MemoryHost } from "../../../src/hosts/memory/memoryHost";
import { justice2026 } from "../../draft/fixtures";

describe("draft use case", () => {
  it("previews without writing, inserts one new sheet, undo removes it exactly", async () => {
    const wb = justice2026("元");
    const before = JSON.stringify(wb);
    const host = new MemoryHost(wb);
    const preview = await previewDraft(host, { year: 2026 });
    expect(preview.text).toContain("上海市普陀区司法局2026年收支预算总数 9628.22 万元");
    expect(host.applied).toHaveLength(0);
    const out = await confirmDraft(host, preview, { year: 2026 });
    expect(out.status).toBe("inserted");
    if (out.status !== "inserted") return;
    expect(getSheet(wb, "情况说明")).toBeTruthy();
    expect(await undoDraft(host, out.inserted)).toEqual({ status: "undone" });
    expect(JSON.stringify(wb)).toBe(before);
  });

  it("refuses a stale preview and an undo over the user's text", async () => {
    const wb = justice2026("元");
    const host = new MemoryHost(wb);
    const preview = await previewDraft(host, { year: 2026 });
    const stale = await confirmDraft(host, preview, { year: 2025 }); // the year changed since the preview
    expect(stale.status).toBe("changed");
    expect(host.applied).toHaveLength(0);
    const out = await confirmDraft(host, preview, { year: 2026 });
    if (out.status !== "inserted") throw new Error(out.status);
    setCell(getSheet(wb, "情况说明")!, 60, 0, { value: "主要原因是工作量增加。" });
    expect(await undoDraft(host, out.inserted)).toEqual({ status: "refused", reason: "edited" });
    expect(getSheet(wb, "情况说明")).toBeTruthy();
  });
});
