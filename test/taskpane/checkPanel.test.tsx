/** @jest-environment jsdom */
import * as React from "react";
import { act, configure, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { MemoryHost } from "../../src/hosts/memory/memoryHost";
import { cloneSheet, getCell, getSheet } from "../../src/core/model";
import { checkWorkbook } from "../../src/core/checks/engine";
import { RULES } from "../../src/core/checks/rules";
import type { Finding } from "../../src/core/checks/types";
import { findingKeys } from "../../src/core/workflows/check";
import { groupFindings } from "../../src/core/report/findings";
import { demoWorkbook } from "../../src/taskpane/demoWorkbook";
import { messageBody, PAGE } from "../../src/taskpane/panels/CheckPanel";
import { renderPane } from "./helpers";

// the machine these run on is shared: give each asynchronous step time (the default is 1 s)
configure({ asyncUtilTimeout: 15000 });

async function runCheck() {
  await screen.findByTestId("run-check");
  await waitFor(() => expect(screen.getByTestId("detected-year").textContent).toBe("2024"));
  fireEvent.click(screen.getByTestId("run-check"));
  return screen.findByTestId("check-results", {}, { timeout: 20000 });
}

const status = () => screen.getByTestId("action-status").textContent ?? "";
const cells = () => screen.queryAllByTestId("finding").map((f) => f.getAttribute("data-cell")!);
const selection = (host: MemoryHost) => host.getSelection();

/** The demo workbook's findings in the order the pane lists them (groups, errors first in each). */
function listed(findings: Finding[]): Finding[] {
  return groupFindings(findings).flatMap((g) => g.bySeverity.flatMap((b) => b.findings));
}

describe("检查 panel", () => {
  it("lists findings by table with the severity in text, the location once and figures labelled as the messages; a finding selects its cell", async () => {
    const expected = checkWorkbook(demoWorkbook(), { roundingFactor: 1 });
    const errors = expected.filter((f) => f.severity === "error");
    expect(errors.length).toBeGreaterThan(0);
    const host = new MemoryHost(demoWorkbook());
    renderPane(host);
    const results = await runCheck();
    const counts = within(results).getByTestId("check-counts");
    expect(counts.textContent).toContain(`错误 ${errors.length}`);
    expect(counts.textContent).toContain(`提示 ${expected.filter((f) => f.severity === "info").length}`);
    // the outcome is in the ActionBar's status region and the focus is on the results summary
    expect(status()).toContain(`检查完成：错误 ${errors.length}`);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId("check-summary")));
    const groups = screen.getAllByTestId("finding-group");
    // one heading per table: 支出总表's table-less finding joins 部门支出总表
    expect(groups.map((g) => g.getAttribute("aria-label"))).toEqual(["部门支出总表", "一般公共预算支出表"]);
    expect(within(groups[0]).getByTestId("group-toggle").textContent).toContain(`错误 ${errors.filter((f) => f.table === "T3").length}`);
    expect(cells()).toEqual(listed(expected).map((f) => `${f.sheet}!${f.cell}`));
    const first = screen.getAllByTestId("finding")[0];
    const e0 = listed(expected)[0];
    expect(e0.severity).toBe("error");
    expect(first.getAttribute("data-cell")).toBe(`${e0.sheet}!${e0.cell}`);
    // severity as text (not only colour), location once, figures 应为 / 填列 / 相差 as in the message
    const go = within(first).getByTestId("finding-go");
    expect(go.textContent).toBe(`✖ 错误${e0.sheet}!${e0.cell}`);
    expect(first.textContent!.split(`${e0.sheet}!${e0.cell}`)).toHaveLength(2);
    expect(first.textContent).not.toContain(`${e0.sheet} ${e0.cell}：`);
    expect(e0.message).toContain("填列 253.70");
    expect(first.textContent).toContain("应为 235.70");
    expect(first.textContent).toContain("填列 253.70");
    expect(first.textContent).toContain("相差 +18.00");
    expect(first.textContent).not.toContain("实为");
    fireEvent.click(go);
    await waitFor(async () => expect(await selection(host)).toEqual({ sheet: e0.sheet, address: e0.cell }));
    expect(status()).toBe(`已选中 ${e0.sheet}!${e0.cell}。`);
    // a click on the card's text goes there too
    const second = screen.getAllByTestId("finding")[1];
    fireEvent.click(second.querySelector("span[id$='-msg']")!);
    await waitFor(async () => expect(await selection(host)).toEqual({ sheet: "支出总表", address: second.getAttribute("data-cell")!.split("!")[1] }));
  });

  it("the severity counts are the filter toggles; filters by table and hides checked findings", async () => {
    const expected = checkWorkbook(demoWorkbook(), { roundingFactor: 1 });
    renderPane(new MemoryHost(demoWorkbook()));
    await runCheck();
    const all = cells().length;
    expect(all).toBe(expected.length);
    const errorsToggle = screen.getByTestId("filter-error");
    expect(errorsToggle.getAttribute("aria-pressed")).toBe("false");
    fireEvent.click(errorsToggle);
    expect(errorsToggle.getAttribute("aria-pressed")).toBe("true");
    const shown = screen.getAllByTestId("finding");
    expect(shown.length).toBe(expected.filter((f) => f.severity === "error").length);
    for (const el of shown) expect(el.getAttribute("data-severity")).toBe("error");
    // errors and warnings
    fireEvent.click(screen.getByTestId("filter-warning"));
    expect(screen.getAllByTestId("finding").map((e) => e.getAttribute("data-severity")).sort()).toEqual(
      expected.filter((f) => f.severity !== "info").map((f) => f.severity).sort(),
    );
    fireEvent.click(screen.getByTestId("filter-error"));
    fireEvent.click(screen.getByTestId("filter-warning"));
    expect(cells()).toHaveLength(all);
    // by table
    fireEvent.change(screen.getByTestId("filter-table"), { target: { value: "table:T5" } });
    expect(cells().length).toBe(expected.filter((f) => f.table === "T5").length);
    expect(screen.getAllByTestId("finding-group").map((g) => g.getAttribute("aria-label"))).toEqual(["一般公共预算支出表"]);
    fireEvent.change(screen.getByTestId("filter-table"), { target: { value: "" } });
    // hide checked
    const firstBox = within(screen.getAllByTestId("finding")[0]).getByRole("checkbox");
    fireEvent.click(firstBox);
    await waitFor(() => expect(status()).toContain("随工作簿保存"));
    expect(screen.getByTestId("checked-count").textContent).toBe(`1/${all}`);
    fireEvent.click(screen.getByTestId("hide-checked"));
    expect(cells()).toHaveLength(all - 1);
    // nothing left: says so and offers to show all
    fireEvent.click(screen.getByTestId("filter-info"));
    fireEvent.change(screen.getByTestId("filter-table"), { target: { value: "table:T3" } });
    expect(screen.getByTestId("none-shown").textContent).toContain("没有符合筛选条件的结果");
    fireEvent.click(within(screen.getByTestId("none-shown")).getByRole("button", { name: "显示全部" }));
    expect(cells()).toHaveLength(all);
  });

  it("previous / next (buttons, F8 / Shift+F8, Alt+↓ / Alt+↑) walk the listed findings, select each cell and move the focus to it", async () => {
    const expected = listed(checkWorkbook(demoWorkbook(), { roundingFactor: 1 }));
    const host = new MemoryHost(demoWorkbook());
    renderPane(host);
    await runCheck();
    const next = screen.getByTestId("next-finding");
    expect(next.getAttribute("title")).toBe("下一条结果（F8 或 Alt+↓）");
    expect(screen.getByTestId("prev-finding").getAttribute("title")).toBe("上一条结果（Shift+F8 或 Alt+↑）");
    const at = async (i: number) => {
      await waitFor(async () => expect(await selection(host)).toEqual({ sheet: expected[i].sheet, address: expected[i].cell }));
      const item = screen.getAllByTestId("finding")[i];
      await waitFor(() => expect(document.activeElement).toBe(within(item).getByTestId("finding-go")));
      expect(within(item).getByTestId("finding-go").getAttribute("aria-current")).toBe("true");
      expect(status()).toContain(`第 ${i + 1}/${expected.length} 条：${expected[i].sheet}!${expected[i].cell}`);
    };
    fireEvent.click(next);
    await at(0);
    fireEvent.keyDown(document.activeElement!, { key: "F8" });
    await at(1);
    fireEvent.keyDown(document.activeElement!, { key: "ArrowDown", altKey: true });
    await at(2);
    fireEvent.keyDown(document.activeElement!, { key: "F8", shiftKey: true });
    await at(1);
    fireEvent.keyDown(document.activeElement!, { key: "ArrowUp", altKey: true });
    await at(0);
    fireEvent.click(screen.getByTestId("prev-finding"));
    await waitFor(() => expect(status()).toBe("已是第一条。"));
    // with the errors filter on, next walks the errors only
    fireEvent.click(screen.getByTestId("filter-error"));
    const errs = expected.filter((f) => f.severity === "error");
    expect(errs.length).toBe(2);
    fireEvent.keyDown(document.body, { key: "F8" });
    await waitFor(() => expect(status()).toContain(`第 2/2 条：${errs[1].sheet}!${errs[1].cell}`));
    fireEvent.keyDown(document.body, { key: "F8" });
    await waitFor(() => expect(status()).toBe("已是最后一条。"));
  });

  it("已核对 marks are kept by the host with the workbook: a re-check and a new pane over the same host keep them", async () => {
    const host = new MemoryHost(demoWorkbook());
    const raw = checkWorkbook(demoWorkbook(), { roundingFactor: 1 });
    const keys = findingKeys(raw);
    const expected = listed(raw);
    const { unmount } = renderPane(host);
    await runCheck();
    fireEvent.click(within(screen.getAllByTestId("finding")[1]).getByRole("checkbox"));
    await waitFor(() => expect(status()).toContain(`已核对 ${expected[1].sheet}!${expected[1].cell}（已核对 1/${expected.length}，随工作簿保存）`));
    expect(await host.loadCheckedFindings()).toEqual([keys[raw.indexOf(expected[1])]]);
    fireEvent.click(screen.getByTestId("run-check"));
    await waitFor(() => expect(status()).toContain("检查完成"));
    const isChecked = () => screen.getAllByTestId("finding").map((f) => f.getAttribute("data-checked"));
    expect(isChecked()).toEqual(expected.map((_, i) => (i === 1 ? "true" : "false")));
    unmount();
    renderPane(host);
    await runCheck();
    expect(isChecked()).toEqual(expected.map((_, i) => (i === 1 ? "true" : "false")));
    expect(screen.getByTestId("checked-count").textContent).toBe(`1/${expected.length}`);
    // unticking clears it in the host too
    fireEvent.click(within(screen.getAllByTestId("finding")[1]).getByRole("checkbox"));
    await waitFor(async () => expect(await host.loadCheckedFindings()).toEqual([]));
    expect(status()).toContain("已取消核对");
  });

  it("marks the finding cells red/amber and 清除标记 restores the original fills exactly", async () => {
    const wb = demoWorkbook();
    const before = wb.sheets.map((s) => cloneSheet(s));
    const host = new MemoryHost(wb);
    renderPane(host);
    await runCheck();
    fireEvent.click(screen.getByTestId("mark"));
    await waitFor(() => expect(status()).toMatch(/已标记 \d+ 个单元格/));
    const sheet = getSheet(wb, "支出总表")!;
    expect(getCell(sheet, 8, 2)!.style!.fill).toBe("#FFC7CE");
    expect(getCell(sheet, 8, 3)!.style!.fill).toBe("#FFC7CE");
    fireEvent.click(screen.getByTestId("clear-marks"));
    await waitFor(() => expect(status()).toBe("标记已清除，单元格恢复原来的底色。"));
    expect(wb.sheets).toEqual(before);
  });

  it("生成审核结果表 adds a uniquely named sheet with HYPERLINK formulas; checking 当前工作表 from it checks the sheet the user came from", async () => {
    const wb = demoWorkbook();
    wb.sheets.push({ name: "审核结果", rows: [], merges: [] });
    const host = new MemoryHost(wb);
    await host.select({ sheet: "支出总表", address: "A1" });
    renderPane(host);
    await runCheck();
    const n = cells().length;
    fireEvent.click(screen.getByTestId("report"));
    await waitFor(() => expect(status()).toContain("已生成工作表“审核结果(2)”"));
    const report = getSheet(wb, "审核结果(2)")!;
    const links = report.rows.flatMap((r) => (r ?? []).filter((c) => c?.formula?.startsWith("=HYPERLINK(")));
    expect(links.map((c) => c!.formula)).toContain(`=HYPERLINK("#'支出总表'!C9","支出总表!C9")`);
    expect(report.rows[2].map((c) => c?.value).slice(5, 8)).toEqual(["应为", "填列", "相差"]);
    expect(getSheet(wb, "审核结果")!.rows).toEqual([]);
    // go to the report: it is the active sheet now
    fireEvent.click(within(screen.getByTestId("action-status")).getByRole("button", { name: "转到 审核结果(2)" }));
    await waitFor(async () => expect((await selection(host))?.sheet).toBe("审核结果(2)"));
    // a whole-workbook check does not check the report
    fireEvent.click(screen.getByTestId("run-check"));
    await waitFor(() => expect(status()).toContain("检查完成"));
    expect(cells()).toHaveLength(n);
    expect(cells().some((c) => c.startsWith("审核结果"))).toBe(false);
    // 当前工作表 on the report: the sheet the user came from, and it says so
    fireEvent.change(screen.getByTestId("check-scope"), { target: { value: "sheet" } });
    fireEvent.click(screen.getByTestId("run-check"));
    await waitFor(() => expect(status()).toContain("已改为检查你之前所在的“支出总表”"));
    expect(status()).not.toContain("未发现问题");
    expect(cells().length).toBeGreaterThan(0);
    for (const c of cells()) expect(c.startsWith("支出总表!")).toBe(true);
  });

  it("a 当前工作表 check on the results sheet with no sheet to go back to says it is the results sheet, not 未发现问题", async () => {
    const wb = demoWorkbook();
    const host = new MemoryHost(wb);
    await host.applyChanges((await import("../../src/core/report/reportSheet")).planReport(checkWorkbook(demoWorkbook()), wb.sheets.map((s) => s.name)));
    await host.select({ sheet: "审核结果", address: "A1" });
    renderPane(host);
    await waitFor(() => expect((screen.getByTestId("check-scope") as HTMLSelectElement).options[1].textContent).toBe("当前工作表（审核结果）"));
    fireEvent.change(screen.getByTestId("check-scope"), { target: { value: "sheet" } });
    await runCheck();
    expect(status()).toBe("当前工作表是审核结果表（上次检查的结果），不是预算表，没有检查。请切换到要检查的工作表，或改选“整本工作簿”。");
    expect(screen.queryByTestId("no-findings")).toBeNull();
  });

  it("names the active sheet in the scope, checks only it, with the tolerance of the settings shown in one line", async () => {
    const host = new MemoryHost(demoWorkbook());
    await host.select({ sheet: "一般公共预算支出表", address: "A1" });
    const seen: number[] = [];
    renderPane(host, {
      settings: { roundingFactor: 0 },
      services: {
        check: (w, o) => {
          seen.push(o.roundingFactor ?? -1);
          return checkWorkbook(w, o);
        },
      },
    });
    expect(screen.getByTestId("tolerance-in-use").textContent).toBe("尾差容许：严格 0");
    expect(screen.queryByRole("radio", { name: "严格 0" })).toBeNull();
    const scope = screen.getByTestId("check-scope") as HTMLSelectElement;
    await waitFor(() => expect(scope.options[1].textContent).toBe("当前工作表（一般公共预算支出表）"));
    fireEvent.change(scope, { target: { value: "sheet" } });
    await runCheck();
    expect(seen).toEqual([0]);
    expect(cells().length).toBeGreaterThan(0);
    for (const c of cells()) expect(c.startsWith("一般公共预算支出表!")).toBe(true);
    // strict: the 尾差 of the T5 table are now errors
    expect(screen.getByTestId("check-counts").textContent).not.toContain("错误 0");
    expect(status()).toContain("已检查“一般公共预算支出表”");
  });

  it("300 findings: only the first group starts open, each group shows a page, next opens what it reaches", async () => {
    const many: Finding[] = [];
    const tables = ["T1", "T2", "T3", "T4", "T5", "T6"];
    for (let i = 0; i < 300; i++) {
      const table = tables[i % tables.length];
      many.push({ ruleId: "names", severity: i % 3 === 0 ? "error" : "warning", sheet: `表${table}`, table, cell: `B${10 + Math.floor(i / tables.length)}`, message: `表${table} B${i}：名称不对 ${i}` });
    }
    const host = new MemoryHost(demoWorkbook());
    renderPane(host, { services: { check: () => many } });
    await runCheck();
    const groups = screen.getAllByTestId("finding-group");
    expect(groups).toHaveLength(6);
    const toggles = screen.getAllByTestId("group-toggle");
    // more than MANY findings: only the first group starts open, with one page
    expect(toggles.map((b) => b.getAttribute("aria-expanded"))).toEqual(["true", "false", "false", "false", "false", "false"]);
    expect(cells()).toHaveLength(PAGE);
    // show more in the first group
    fireEvent.click(within(groups[0]).getByTestId("show-more"));
    expect(within(groups[0]).getAllByTestId("finding")).toHaveLength(2 * PAGE);
    // collapse the first group; walk to the end of the second with next: past its page it grows
    fireEvent.click(toggles[0]);
    expect(within(screen.getAllByTestId("finding-group")[0]).queryAllByTestId("finding")).toHaveLength(0);
    // choosing a collapsed group's table opens it
    fireEvent.change(screen.getByTestId("filter-table"), { target: { value: "table:T5" } });
    expect(screen.getAllByTestId("finding")).toHaveLength(PAGE);
    expect(screen.getByTestId("group-toggle").getAttribute("aria-expanded")).toBe("true");
    fireEvent.click(screen.getByTestId("filter-table"));
    fireEvent.change(screen.getByTestId("filter-table"), { target: { value: "table:T2" } });
    for (let i = 0; i < PAGE + 1; i++) fireEvent.keyDown(document.body, { key: "F8" });
    await waitFor(() => expect(status()).toContain(`第 ${PAGE + 1}/50 条`));
    expect(screen.getAllByTestId("finding").length).toBe(2 * PAGE);
    // a collapsed group opens when previous reaches it (after a re-check, from the end)
    fireEvent.change(screen.getByTestId("filter-table"), { target: { value: "" } });
    fireEvent.click(screen.getByTestId("run-check"));
    await waitFor(() => expect(status()).toContain("检查完成"));
    const lastGroup = () => screen.getAllByTestId("finding-group").at(-1)!;
    expect(within(lastGroup()).getByTestId("group-toggle").getAttribute("aria-expanded")).toBe("false");
    expect(within(lastGroup()).queryAllByTestId("finding")).toHaveLength(0);
    fireEvent.click(screen.getByTestId("prev-finding"));
    await waitFor(() => expect(status()).toContain("第 300/300 条"));
    expect(within(lastGroup()).getByTestId("group-toggle").getAttribute("aria-expanded")).toBe("true");
    // the last finding of that group is rendered (its page extended) and focused
    await waitFor(() => expect(document.activeElement?.closest("[data-testid=finding-group]")).toBe(lastGroup()));
  });

  it("renders messages in the pane's language through the rule's message ids", async () => {
    const rule = RULES.find((r) => r.id === "hierarchy")!;
    const saved = rule.messages;
    rule.messages = { ...(saved ?? {}), sumOfChildren: { "zh-CN": "{sheet} {cell}：{name} 应为 {expected}，填列 {actual}", "en-US": "{sheet} {cell}: {name} should be {expected}, stated {actual}" } };
    try {
      const f: Finding = {
        ruleId: "hierarchy",
        severity: "error",
        sheet: "支出总表",
        cell: "C9",
        table: "T3",
        expected: 235.7,
        actual: 253.7,
        difference: 18,
        messageId: "sumOfChildren",
        data: { sheet: "支出总表", cell: "C9", name: "20805", expected: "235.70", actual: "253.70" },
        message: "支出总表 C9：20805 应为 235.70，填列 253.70",
      };
      renderPane(new MemoryHost(demoWorkbook()), { lang: "en-US", services: { check: () => [f] } });
      await screen.findByTestId("run-check");
      await act(async () => {
        fireEvent.click(screen.getByTestId("run-check"));
      });
      const item = await screen.findByTestId("finding", {}, { timeout: 20000 });
      expect(item.textContent).toContain("20805 should be 235.70, stated 253.70");
      expect(item.textContent).toContain("Expected 235.70");
      expect(item.textContent).toContain("Stated 253.70");
      expect(item.textContent).toContain("Difference +18.00");
      expect(within(item).getByTestId("finding-go").textContent).toBe("✖ Errors支出总表!C9");
    } finally {
      rule.messages = saved;
    }
  });

  it("says so when nothing is found", async () => {
    renderPane(new MemoryHost(demoWorkbook()), { services: { check: () => [] as Finding[] } });
    await runCheck();
    expect(screen.getByTestId("no-findings").textContent).toBe("未发现问题。");
    expect(status()).toBe("检查完成：错误 0 · 警告 0 · 提示 0。");
  });
});

describe("messageBody: the location is shown once", () => {
  const f = { ruleId: "r", severity: "error", sheet: "支出总表", cell: "C9", message: "" } as Finding;
  it("drops a leading sheet and cell, keeps a code that follows the sheet, leaves other texts", () => {
    expect(messageBody("支出总表 C9：合计不对", f)).toBe("合计不对");
    expect(messageBody("支出总表 $C$9: total", f)).toBe("total");
    expect(messageBody("支出总表 2080505：名称缺少结尾的「支出」", f)).toBe("2080505：名称缺少结尾的「支出」");
    expect(messageBody("缺少 7 张标准表", f)).toBe("缺少 7 张标准表");
    expect(messageBody("支出总表", f)).toBe("支出总表");
    expect(messageBody("支出总表：3 处尾差", { ...f, cell: "D5" })).toBe("3 处尾差");
  });
});
