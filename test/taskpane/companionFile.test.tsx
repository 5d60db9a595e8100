/** @jest-environment jsdom */
/**
 * The file pickers of 检查 and 起草说明 (panels/CompanionFile.tsx) in jsdom, with real files:
 * the 曾都 2024 情况说明 as .docx picked beside its tables (its own text removed) — the check
 * shows the text's findings, a click shows the paragraph with the figure marked and selects no
 * cell; removing the file checks the workbook alone; a damaged file gets its message; last
 * year's .xlsx picked in 起草说明 gives the preview its 比2023年 comparisons.
 */
import "../helpers/jsdomText";
import { readFileSync } from "fs";
import { join } from "path";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { stripNarrative } from "../../src/core/draft";
import { MemoryHost } from "../../src/hosts/memory/memoryHost";
import { readXlsxFile, writeXlsxBuffer } from "../../src/hosts/xlsx/xlsxHost";
import { wuhan2023 } from "../draft/previous";
import { renderPane } from "./helpers";

const FIX = join(__dirname, "..", "fixtures");

function pick(testId: string, name: string, data: Uint8Array) {
  const input = screen.getByTestId(testId) as HTMLInputElement;
  const file = new File([data], name);
  fireEvent.change(input, { target: { files: [file] } });
}

async function runCheck() {
  fireEvent.click(screen.getByTestId("run-check"));
  await waitFor(() => expect(screen.queryByTestId("progress")).toBeNull(), { timeout: 30000 });
  return screen.findByTestId("check-results", {}, { timeout: 30000 });
}

describe("检查 with a picked 情况说明", () => {
  it("checks the .docx text against the workbook; a text finding shows its paragraph and selects no cell", async () => {
    const wb = stripNarrative(await readXlsxFile(join(FIX, "seeds", "zengdu-2024.xlsx")));
    expect(wb.sheets.some((s) => s.name === "情况说明")).toBe(false);
    const host = new MemoryHost(wb);
    await host.select({ sheet: wb.sheets[0].name, address: "A1" });
    renderPane(host, { tab: "check", settings: { year: 2024 } });
    await waitFor(() => expect(screen.getByTestId("detected-unit").textContent).not.toBe(""));

    // the button opens the hidden input's file dialog (keyboard: it is an ordinary button)
    const choose = screen.getByTestId("companion-narrative-choose");
    expect(choose.tagName).toBe("BUTTON");
    const input = screen.getByTestId("companion-narrative-input") as HTMLInputElement;
    expect(input.accept).toBe(".docx,.pdf");
    const clicked = jest.spyOn(input, "click").mockImplementation(() => undefined);
    fireEvent.click(choose);
    expect(clicked).toHaveBeenCalledTimes(1);

    pick("companion-narrative-input", "zengdu-2024-说明.docx", new Uint8Array(readFileSync(join(FIX, "docx", "zengdu-2024-说明.docx"))));
    const chosen = await screen.findByTestId("companion-narrative-chosen", {}, { timeout: 20000 });
    expect(chosen.textContent).toMatch(/zengdu-2024-说明\.docx（2024 年，\d+ 段文字）/);
    expect(screen.getByRole("button", { name: "移除文件“zengdu-2024-说明.docx”" })).toBeTruthy();

    await runCheck();
    // the review list opens the first groups only: open them all (text findings sit under the table they compare with)
    for (const toggle of screen.getAllByTestId("group-toggle")) if (toggle.getAttribute("aria-expanded") === "false") fireEvent.click(toggle);
    for (const more of screen.queryAllByTestId("show-more")) fireEvent.click(more);
    const inText = screen.getAllByTestId("finding").filter((el) => el.getAttribute("data-cell")!.startsWith("情况说明!"));
    expect(inText.length).toBeGreaterThan(3);
    const a4 = inText.find((el) => el.getAttribute("data-cell") === "情况说明!A4")!;
    expect(a4.textContent).toContain("zengdu-2024-说明.docx 第 4 段");
    expect(within(a4).queryByTestId("finding-paragraph")).toBeNull();
    fireEvent.click(a4);
    const para = await within(a4).findByTestId("finding-paragraph");
    expect(para.textContent).toContain("所在段落：zengdu-2024-说明.docx 第 4 段");
    expect(para.textContent).toContain("其中财政拨款收入 73.42 万元");
    expect(within(para).getByTestId("finding-figure").textContent).toBe("73.42");
    expect(within(para).getByTestId("finding-figure").tagName).toBe("MARK");
    // there is no cell for it: the selection stays where it was
    await waitFor(() => expect(screen.queryByTestId("progress")).toBeNull());
    expect(await host.getSelection()).toEqual({ sheet: wb.sheets[0].name, address: "A1" });

    // a finding on the tables still selects its cell
    const onTable = screen.getAllByTestId("finding").find((el) => !el.getAttribute("data-cell")!.startsWith("情况说明!"));
    expect(onTable).toBeDefined();
    fireEvent.click(onTable!);
    const [sheet, cell] = onTable!.getAttribute("data-cell")!.split("!");
    await waitFor(async () => expect(await host.getSelection()).toEqual({ sheet, address: cell }));

    fireEvent.click(screen.getByTestId("companion-narrative-remove"));
    expect(screen.queryByTestId("companion-narrative-chosen")).toBeNull();
    await runCheck();
    expect(screen.queryAllByTestId("finding").filter((el) => el.getAttribute("data-cell")!.startsWith("情况说明!"))).toHaveLength(0);
  });

  it("a damaged file: the message names it and says what to do; nothing is kept", async () => {
    const host = new MemoryHost(stripNarrative(await readXlsxFile(join(FIX, "seeds", "zengdu-2024.xlsx"))));
    renderPane(host, { tab: "check" });
    await screen.findByTestId("companion-narrative-input");
    pick("companion-narrative-input", "坏.docx", Uint8Array.from({ length: 300 }, (_, i) => i % 256));
    const alert = await screen.findByTestId("companion-narrative-error", {}, { timeout: 20000 });
    expect(alert.getAttribute("role")).toBe("alert");
    expect(alert.textContent).toContain("无法读取所选文件");
    expect(alert.textContent).toContain("“坏.docx”不是有效的 Word 文档（.docx），无法读取。旧版 .doc 文件请在 Word 中“另存为 .docx”后重试。");
    expect(screen.queryByTestId("companion-narrative-chosen")).toBeNull();
  });
});

describe("起草说明 with last year's workbook", () => {
  it("the preview compares with 2023 when last year's .xlsx is picked, and not without it", async () => {
    const host = new MemoryHost(stripNarrative(await readXlsxFile(join(FIX, "seeds", "wuhan-2024.xlsx"))));
    renderPane(host, { tab: "draft", settings: { year: 2024 } });
    await waitFor(() => expect(screen.getByTestId("detected-unit").textContent).not.toBe(""));
    expect(screen.queryByTestId("companion-narrative-input")).toBeNull();
    expect((screen.getByTestId("companion-previous-input") as HTMLInputElement).accept).toBe(".xlsx,.xlsm,.pdf,.docx");

    fireEvent.click(screen.getByTestId("draft-preview"));
    const before = (await screen.findByTestId("draft-text", {}, { timeout: 20000 })).textContent!;
    expect(before).not.toContain("比2023年收支预算总数");

    pick("companion-previous-input", "武汉2023.xlsx", new Uint8Array(await writeXlsxBuffer(wuhan2023())));
    const chosen = await screen.findByTestId("companion-previous-chosen", {}, { timeout: 20000 });
    expect(chosen.textContent).toMatch(/武汉2023\.xlsx（2023 年，识别到 \d+ 张表/);
    fireEvent.click(screen.getByTestId("draft-preview"));
    await waitFor(() => expect(screen.getByTestId("draft-text").textContent).toContain("比2023年收支预算总数 1236.74 万元减少 27.72 万元，下降 2.24%"), { timeout: 20000 });
    // 2023 is last year of 2024: nothing to point out
    expect(screen.queryByTestId("companion-previous-year")).toBeNull();
  });

  it("a file of another year than last year is pointed out", async () => {
    const host = new MemoryHost(stripNarrative(await readXlsxFile(join(FIX, "seeds", "wuhan-2024.xlsx"))));
    renderPane(host, { tab: "draft", settings: { year: 2026 } });
    await screen.findByTestId("companion-previous-input");
    pick("companion-previous-input", "武汉2023.xlsx", new Uint8Array(await writeXlsxBuffer(wuhan2023())));
    const warn = await screen.findByTestId("companion-previous-year", {}, { timeout: 20000 });
    expect(warn.textContent).toBe("所选文件是 2023 年的，而本年为 2026 年（上年应为 2025 年），请确认选对了文件。");
  });
});
