/** @jest-environment jsdom */
import * as React from "react";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { MemoryHost } from "../../src/hosts/memory/memoryHost";
import { HostError, type CellMark } from "../../src/hosts/host";
import type { ChangeSet } from "../../src/core/changes";
import { demoWorkbook } from "../../src/taskpane/demoWorkbook";
import { PanelErrorBoundary, describeError } from "../../src/taskpane/errors";
import { STRINGS } from "../../src/taskpane/i18n";
import { renderPane } from "./helpers";

/** A workbook whose every write is refused, as a protected sheet in Excel would. */
class ProtectedHost extends MemoryHost {
  override async applyChanges(_cs: ChangeSet): Promise<void> {
    throw new HostError("工作表受保护或只读，无法写入。", "protected");
  }
  override async markCells(_m: CellMark[]): Promise<void> {
    throw new HostError("x", "api-unsupported");
  }
}

class UnreadableHost extends MemoryHost {
  override async readWorkbook(): Promise<never> {
    throw new HostError("payload", "too-large");
  }
}

describe("errors are shown, never a blank pane", () => {
  it("insert into a protected workbook: a Chinese message that says what to do", async () => {
    renderPane(new ProtectedHost(demoWorkbook()), { tab: "insert" });
    await screen.findByTestId("table-list");
    // the unit name comes from the workbook (the header's reading)
    await waitFor(() => expect((screen.getByLabelText("单位名称") as HTMLInputElement).value).toBe("示例市人力资源和社会保障局"));
    fireEvent.click(screen.getByTestId("insert-button"));
    const msg = await screen.findByTestId("error-message", {}, { timeout: 20000 });
    expect(msg.textContent).toContain("工作表受保护，无法写入");
    expect(msg.textContent).toContain("撤消工作表保护");
    expect(screen.queryByTestId("insert-summary")).toBeNull();
  });

  it("fill on a protected workbook: preview works, 确认 shows the error and nothing is claimed as done", async () => {
    const host = new ProtectedHost(demoWorkbook());
    await host.select({ sheet: "支出总表", address: "A1" });
    renderPane(host, { tab: "fill" });
    fireEvent.click(await screen.findByTestId("fill-preview"));
    const list = await screen.findByTestId("fill-preview-list");
    void list;
    fireEvent.click(screen.getByTestId("fill-confirm"));
    const msg = await screen.findByTestId("error-message");
    expect(msg.textContent).toContain("撤消工作表保护");
    expect(screen.queryByTestId("fill-applied")).toBeNull();
    expect(screen.queryByTestId("fill-undo")).toBeNull();
  });

  it("marking where the API is missing says to update Office", async () => {
    renderPane(new ProtectedHost(demoWorkbook()));
    await waitFor(() => expect(screen.getByTestId("detected-year").textContent).toBe("2024"));
    fireEvent.click(screen.getByTestId("run-check"));
    fireEvent.click(await screen.findByTestId("mark", {}, { timeout: 20000 }));
    const msg = await screen.findByTestId("error-message");
    expect(msg.textContent).toContain("当前 Excel 版本不支持此功能");
    expect(msg.textContent).toContain("ExcelApi 1.9");
  });

  it("a workbook that cannot be read: the header and the check say so, with a retry", async () => {
    renderPane(new UnreadableHost(demoWorkbook()));
    const msg = await screen.findByTestId("error-message");
    expect(msg.textContent).toContain("内容太多，Excel 一次处理不了");
    expect(within(msg).getByRole("button", { name: "重试" })).toBeTruthy();
    fireEvent.click(screen.getByTestId("run-check"));
    await waitFor(() => expect(screen.getAllByTestId("error-message")).toHaveLength(2));
  });

  it("a checker that throws shows an error instead of a blank panel", async () => {
    renderPane(new MemoryHost(demoWorkbook()), {
      services: {
        check: () => {
          throw new Error("规则崩溃");
        },
      },
    });
    fireEvent.click(await screen.findByTestId("run-check"));
    const msg = await screen.findByTestId("error-message");
    expect(msg.textContent).toContain("规则崩溃");
    expect(msg.textContent).toContain("请退出单元格编辑状态后重试");
  });

  it("a panel that crashes while rendering is caught by its error boundary", () => {
    const Boom = (): React.ReactElement => {
      throw new Error("渲染失败");
    };
    const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
    render(
      <FluentProvider theme={webLightTheme}>
        <PanelErrorBoundary t={STRINGS["zh-CN"]}>
          <Boom />
        </PanelErrorBoundary>
      </FluentProvider>,
    );
    spy.mockRestore();
    const box = screen.getByTestId("panel-crashed");
    expect(box.textContent).toContain("这个面板出现了意外错误");
    expect(box.textContent).toContain("渲染失败");
  });

  it("every HostError code has its own message and action, in both languages", () => {
    const codes = ["protected", "too-large", "api-unsupported", "not-found", "unreadable", "other"] as const;
    for (const lang of ["zh-CN", "en-US"] as const) {
      const infos = codes.map((c) => describeError(new HostError("m", c), STRINGS[lang]));
      expect(new Set(infos.map((i) => i.title)).size).toBe(codes.length);
      expect(new Set(infos.map((i) => i.action)).size).toBe(codes.length);
    }
  });
});
