/** @jest-environment jsdom */
/**
 * 检查 on a real seed shows its progress with counts in the ActionBar, and 取消 stops it: the
 * checker runs no further rule, nothing is listed or changed, and the focus is back on 检查.
 */
import "../helpers/jsdomText";
import path from "path";
import { act, configure, fireEvent, screen, waitFor } from "@testing-library/react";
import { MemoryHost } from "../../src/hosts/memory/memoryHost";
import { checkWorkbook } from "../../src/core/checks/engine";
import { RULES } from "../../src/core/checks/rules";
import type { Workbook } from "../../src/core/model";
import type { ProgressReport, TaskControl } from "../../src/core/workflows/progress";
import { readXlsxFile } from "../../src/hosts/xlsx/xlsxHost";
import { defaultServices, type Services } from "../../src/taskpane/services";
import { renderPane } from "./helpers";

configure({ asyncUtilTimeout: 20000 });
jest.setTimeout(90000);

const SEED = path.join(__dirname, "..", "fixtures", "seeds", "dazhou-2024.xlsx");
const status = () => screen.getByTestId("action-status").textContent ?? "";

/**
 * The real async checker, holding still at one rule until the test lets it go (so the test can
 * read the counts and click 取消 at a known point), recording every report it makes.
 */
function gatedChecker(holdAtRule: number) {
  const reports: ProgressReport[] = [];
  let release: () => void = () => undefined;
  let held = false;
  const gate = new Promise<void>((r) => (release = r));
  const checkAsync: NonNullable<Services["checkAsync"]> = (wb, options, control?: TaskControl) =>
    defaultServices.checkAsync!(wb, options, {
      ...control,
      onProgress: (p) => {
        reports.push(p);
        control?.onProgress?.(p);
      },
      yield: async () => {
        await control?.yield?.();
        const last = reports[reports.length - 1];
        if (!held && last.stage === "rules" && last.done === holdAtRule - 1) {
          held = true;
          await gate;
        }
      },
    });
  return { checkAsync, reports, release: () => release() };
}

let book: Workbook;
beforeAll(async () => {
  book = await readXlsxFile(SEED);
});

describe("检查: progress and 取消", () => {
  it("shows 正在检查：规则 12 / N with a determinate bar; 取消 stops the check, lists nothing and puts the focus back on 检查", async () => {
    const gated = gatedChecker(12);
    renderPane(new MemoryHost(book), { services: { checkAsync: gated.checkAsync } });
    const run = await screen.findByTestId("run-check");
    await waitFor(() => expect(screen.getByTestId("detected-year").textContent).toBe("2024"));
    run.focus();
    fireEvent.click(run);
    // the counts, in the ActionBar's status (a polite live region)
    await waitFor(() => expect(status()).toBe(`正在检查：规则 12 / ${RULES.length}`));
    const bar = screen.getByRole("progressbar");
    expect(screen.getByTestId("action-status").contains(bar)).toBe(true);
    expect(Number(bar.getAttribute("aria-valuenow"))).toBeCloseTo(11 / RULES.length, 5);
    expect(bar.getAttribute("aria-valuemax")).toBe("1");
    // recognition went sheet by sheet before the rules
    const sheets = gated.reports.filter((p) => p.stage === "recognize");
    expect(sheets.map((p) => p.done)).toEqual([...Array(book.sheets.length + 1).keys()]);
    // 检查 keeps the focus while disabled; 取消 is in the ActionBar, focusable
    expect(run.getAttribute("aria-disabled")).toBe("true");
    expect(document.activeElement).toBe(run);
    const cancel = screen.getByTestId("cancel-task");
    expect(cancel.textContent).toBe("取消");
    expect(screen.getByTestId("action-bar").contains(cancel)).toBe(true);
    cancel.focus();
    expect(document.activeElement).toBe(cancel);
    fireEvent.click(cancel);
    await waitFor(() => expect(status()).toBe("正在取消…"));
    await act(async () => gated.release());
    await waitFor(() => expect(status()).toBe("已取消检查，未作任何修改。"));
    // no rule after the 12th was reached, nothing is listed, the focus is on 检查 again
    const rules = gated.reports.filter((p) => p.stage === "rules");
    expect(rules[rules.length - 1].done).toBe(11);
    expect(screen.queryByTestId("check-results")).toBeNull();
    expect(screen.queryAllByTestId("finding")).toHaveLength(0);
    expect(screen.queryByTestId("cancel-task")).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId("run-check")));
    expect(screen.getByTestId("run-check").getAttribute("aria-disabled")).toBeNull();
  });

  it("a cancelled re-check keeps the previous results as they were, and says so", async () => {
    const expected = checkWorkbook(book, { roundingFactor: 1, year: 2024 });
    expect(expected.length).toBeGreaterThan(0);
    let gated = gatedChecker(Infinity);
    const services: Partial<Services> = { checkAsync: (wb, o, c) => gated.checkAsync(wb, o, c) };
    renderPane(new MemoryHost(book), { services });
    await waitFor(() => expect(screen.getByTestId("detected-year").textContent).toBe("2024"));
    fireEvent.click(screen.getByTestId("run-check"));
    await screen.findByTestId("check-results");
    const before = screen.getAllByTestId("finding").map((f) => f.getAttribute("data-cell"));
    expect(before.length).toBeGreaterThan(0);
    expect(status()).toContain("检查完成：");
    // again, cancelled at the 3rd rule
    gated = gatedChecker(3);
    fireEvent.click(screen.getByTestId("run-check"));
    await waitFor(() => expect(status()).toBe(`正在检查：规则 3 / ${RULES.length}`));
    fireEvent.click(screen.getByTestId("cancel-task"));
    await act(async () => gated.release());
    await waitFor(() => expect(status()).toBe("已取消检查，未作任何修改；下面仍是上次的检查结果。"));
    expect(screen.getAllByTestId("finding").map((f) => f.getAttribute("data-cell"))).toEqual(before);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId("run-check")));
  });

  it("in English: Checking: rule n of N, and Cancel", async () => {
    const gated = gatedChecker(5);
    renderPane(new MemoryHost(book), { services: { checkAsync: gated.checkAsync }, lang: "en-US" });
    await waitFor(() => expect(screen.getByTestId("detected-year").textContent).toBe("2024"));
    fireEvent.click(screen.getByTestId("run-check"));
    await waitFor(() => expect(status()).toBe(`Checking: rule 5 of ${RULES.length}`));
    fireEvent.click(screen.getByTestId("cancel-task"));
    expect(screen.getByTestId("cancel-task").textContent).toBe("Cancel");
    await act(async () => gated.release());
    await waitFor(() => expect(status()).toBe("Check cancelled; nothing was changed."));
  });

  it("a check left to run reports every rule and lists the checker's findings", async () => {
    const gated = gatedChecker(Infinity);
    renderPane(new MemoryHost(book), { services: { checkAsync: gated.checkAsync } });
    await waitFor(() => expect(screen.getByTestId("detected-year").textContent).toBe("2024"));
    fireEvent.click(screen.getByTestId("run-check"));
    await screen.findByTestId("check-results");
    const rules = gated.reports.filter((p) => p.stage === "rules");
    expect(rules.map((p) => p.done)).toEqual([...Array(RULES.length + 1).keys()]);
    const expected = checkWorkbook(book, { roundingFactor: 1, year: 2024 });
    const e = expected.filter((f) => f.severity === "error").length;
    const w = expected.filter((f) => f.severity === "warning").length;
    const i = expected.filter((f) => f.severity === "info").length;
    expect(status()).toBe(`检查完成：错误 ${e} · 警告 ${w} · 提示 ${i}。`);
  });
});
