/** @jest-environment jsdom */
/**
 * useTask's cancel: a cancel before the write stops the task and the write never starts; during
 * the write 取消 is disabled and says why, and the write finishes.
 */
import * as React from "react";
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { CancelButton, Progress, useTask, type TaskRun } from "../../src/taskpane/shared";
import { STRINGS } from "../../src/taskpane/i18n";

const t = STRINGS["zh-CN"];

function gate() {
  let open: () => void = () => undefined;
  const p = new Promise<void>((r) => (open = r));
  return { p, open: () => open() };
}

/** A panel with one cancellable task: `work` gets the TaskRun; outcomes are shown as text. */
function Harness({ work, other }: { work: (run: TaskRun) => Promise<string>; other?: () => Promise<string> }) {
  const task = useTask();
  const [out, setOut] = React.useState("");
  return (
    <div>
      {other && (
        <button data-testid="other" onClick={() => void task.run("正在转到…", other).then((r) => r && setOut(r))}>
          other
        </button>
      )}
      <button data-testid="go" onClick={() => void task.run("正在处理…", work, { cancellable: true, onCancel: () => setOut("cancelled") }).then((r) => r && setOut(r))}>
        go
      </button>
      <CancelButton task={task} t={t} />
      <div data-testid="status">{task.busy ? <Progress label={task.busy} progress={task.progress} t={t} cancelling={task.cancelling} live={false} /> : out}</div>
    </div>
  );
}

describe("useTask: progress, cancel and the write", () => {
  it("a cancel before the write: the write never runs, onCancel is called, no error", async () => {
    const before = gate();
    const wrote: string[] = [];
    render(
      <Harness
        work={async (run) => {
          run.onProgress({ stage: "plan", done: 2, total: 14 });
          await before.p;
          return run.write(async () => {
            wrote.push("write");
            return "written";
          });
        }}
      />,
    );
    fireEvent.click(screen.getByTestId("go"));
    await waitFor(() => expect(screen.getByTestId("status").textContent).toBe("正在生成：第 3 / 14 张表"));
    expect(Number(screen.getByRole("progressbar").getAttribute("aria-valuenow"))).toBeCloseTo(2 / 14, 5);
    fireEvent.click(screen.getByTestId("cancel-task"));
    expect(screen.getByTestId("status").textContent).toBe("正在取消…");
    await act(async () => before.open());
    await waitFor(() => expect(screen.getByTestId("status").textContent).toBe("cancelled"));
    expect(wrote).toEqual([]);
    expect(screen.queryByTestId("cancel-task")).toBeNull();
  });

  it("during the write 取消 is disabled and says 写入中，无法取消; the write finishes", async () => {
    const during = gate();
    let signal: AbortSignal | undefined;
    render(
      <Harness
        work={async (run) => {
          signal = run.signal;
          return run.write(async () => {
            await during.p;
            return "written";
          });
        }}
      />,
    );
    fireEvent.click(screen.getByTestId("go"));
    await waitFor(() => expect(screen.getByTestId("cancel-task").textContent).toBe("写入中，无法取消"));
    const cancel = screen.getByTestId("cancel-task");
    expect(cancel.getAttribute("aria-disabled")).toBe("true");
    expect(screen.getByTestId("status").textContent).toBe("正在写入，无法取消…");
    fireEvent.click(cancel);
    expect(signal?.aborted).toBe(false);
    await act(async () => during.open());
    await waitFor(() => expect(screen.getByTestId("status").textContent).toBe("written"));
  });

  it("another task does not interrupt a cancellable one under way: it is not run", async () => {
    const check = gate();
    let others = 0;
    render(
      <Harness
        work={async (run) => {
          run.onProgress({ stage: "rules", done: 0, total: 12 });
          await check.p;
          return "checked";
        }}
        other={async () => {
          others++;
          return "other";
        }}
      />,
    );
    fireEvent.click(screen.getByTestId("go"));
    await waitFor(() => expect(screen.getByTestId("status").textContent).toBe("正在检查：规则 1 / 12"));
    fireEvent.click(screen.getByTestId("other"));
    await act(async () => undefined);
    expect(others).toBe(0);
    expect(screen.getByTestId("cancel-task")).toBeTruthy();
    await act(async () => check.open());
    await waitFor(() => expect(screen.getByTestId("status").textContent).toBe("checked"));
    // once it is done the other runs
    fireEvent.click(screen.getByTestId("other"));
    await waitFor(() => expect(screen.getByTestId("status").textContent).toBe("other"));
    expect(others).toBe(1);
  });
});
