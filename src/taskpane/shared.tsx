/** Small pieces the panels share: props, the async-task hook, layout styles. */
import * as React from "react";
import { Button, makeStyles, tokens, ProgressBar, Text } from "@fluentui/react-components";
import type { Workbook } from "../core/model";
import type { Detected } from "../core/report/detected";
import type { WorkbookHost } from "../hosts/host";
import type { Lang, Strings } from "./i18n";
import type { Services } from "./services";
import type { PaneSettings } from "./settings";
import type { WorkContext } from "../core/workflows/context";
import type { Capabilities } from "../hosts/office/features";
import { isCancelled, throwIfCancelled, type ProgressReport, type TaskControl } from "../core/workflows/progress";

export interface PanelProps {
  host: WorkbookHost;
  services: Services;
  t: Strings;
  /** The interface language (findings render in it: findingMessage in core/checks/messages.ts). */
  lang: Lang;
  settings: PaneSettings;
  updateSettings: (patch: Partial<PaneSettings>) => void;
  detected: Detected | null;
  /** Read the workbook afresh (and refresh the header). */
  reload: () => Promise<Workbook>;
  /** The year and catalog edition every action uses (shown in the header; core/workflows/context.ts). */
  work: WorkContext;
  /**
   * What this Excel supports (src/hosts/office/features.ts, detected at Office.onReady). A panel
   * disables the controls of a missing feature and shows its note (capabilities.tsx). Absent:
   * everything the panels write with is there.
   */
  caps?: Capabilities;
}

/**
 * The bar at the bottom of a panel that stays in view (position: sticky): the panel's main
 * actions and, in a polite live region, what the last action did or is doing. Every panel puts
 * its primary buttons, its progress and its outcome here, so the outcome of a click is always
 * visible without scrolling and is announced to screen readers.
 */
export function ActionBar({ children, status, label }: { children: React.ReactNode; status?: React.ReactNode; label: string }): React.ReactElement {
  const s = useActionBarStyles();
  return (
    <div className={s.bar} role="region" aria-label={label} data-testid="action-bar">
      <div className={s.buttons}>{children}</div>
      <div role="status" aria-live="polite" aria-atomic="true" className={s.status} data-testid="action-status">
        {status}
      </div>
    </div>
  );
}

const useActionBarStyles = makeStyles({
  bar: {
    position: "sticky",
    bottom: 0,
    zIndex: 2,
    display: "flex",
    flexDirection: "column",
    gap: "6px",
    padding: "8px 12px",
    margin: "0 -12px",
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    boxShadow: tokens.shadow4,
  },
  buttons: { display: "flex", flexWrap: "wrap", gap: "8px", alignItems: "center" },
  status: { minWidth: 0, overflowWrap: "anywhere", ":empty": { display: "none" } },
});

/**
 * What a task's function gets: the core TaskControl (progress, pauses, the abort signal) for
 * the long work, and `write` for the step that changes the workbook — once it starts the task
 * can no longer be cancelled (the 取消 button is disabled and the status says so).
 */
export interface TaskRun extends TaskControl {
  signal: AbortSignal;
  onProgress(p: ProgressReport): void;
  yield(): Promise<void>;
  /** Run the write: throws TaskCancelledError if cancelled before it starts; not cancellable while it runs. */
  write<T>(fn: () => Promise<T>): Promise<T>;
}

export interface TaskOptions {
  /** Offer 取消 while the task runs (its function must pass the TaskRun to the long work). */
  cancellable?: boolean;
  /** Called instead of setting an error when the task stopped because it was cancelled. */
  onCancel?: () => void;
}

export interface Task {
  /** The label of the task under way. */
  busy: string | null;
  error: unknown;
  /** The last progress the task under way reported (null: none yet, the bar is indeterminate). */
  progress: ProgressReport | null;
  /** The task under way offers 取消 (a cancellable task). */
  cancellable: boolean;
  /** The task under way is writing to the workbook: 取消 is disabled. */
  writing: boolean;
  /** 取消 was clicked and the task has not stopped yet. */
  cancelling: boolean;
  run: <T>(label: string, fn: (run: TaskRun) => Promise<T>, options?: TaskOptions) => Promise<T | undefined>;
  /** Cancel the task under way (not during its write). */
  cancel: () => void;
  clearError: () => void;
}

/** How long the pane's work may run between two macrotask pauses (a frame at 60 Hz). */
const SLICE_MS = 16;

function now(): number {
  return typeof performance !== "undefined" ? performance.now() : Date.now();
}

/**
 * The pane's pause for long work: a macrotask (setTimeout) once the work has run a slice, so
 * the browser can paint the progress and take the 取消 click; within a slice it returns at
 * once, so short steps cost no waiting.
 */
export function paneYield(): () => Promise<void> {
  let last = now();
  return () => {
    if (now() - last < SLICE_MS) return Promise.resolve();
    return new Promise<void>((r) => setTimeout(r, 0)).then(() => {
      last = now();
    });
  };
}

/** Run one async operation at a time with busy state, its progress, cancel, and the error it threw. */
export function useTask(): Task {
  const [busy, setBusy] = React.useState<string | null>(null);
  const [error, setError] = React.useState<unknown>(null);
  const [progress, setProgress] = React.useState<ProgressReport | null>(null);
  const [cancellable, setCancellable] = React.useState(false);
  const [writing, setWriting] = React.useState(false);
  const [cancelling, setCancelling] = React.useState(false);
  const mounted = React.useRef(true);
  const current = React.useRef<{ controller: AbortController; writing: boolean; cancellable: boolean } | null>(null);
  React.useEffect(
    () => () => {
      mounted.current = false;
      // a panel closed mid-check: the check stops at its next step (a write under way finishes)
      if (current.current?.cancellable) current.current.controller.abort();
    },
    [],
  );
  const run = React.useCallback(async <T,>(label: string, fn: (run: TaskRun) => Promise<T>, options: TaskOptions = {}): Promise<T | undefined> => {
    // a cancellable task under way (a check) is not interrupted by another: 取消 it first
    const running = current.current;
    if (running?.cancellable && !running.controller.signal.aborted) return undefined;
    const controller = new AbortController();
    const me = { controller, writing: false, cancellable: !!options.cancellable };
    current.current = me;
    const live = () => mounted.current && current.current === me;
    setBusy(label);
    setError(null);
    setProgress(null);
    setCancellable(!!options.cancellable);
    setWriting(false);
    setCancelling(false);
    const pause = paneYield();
    const taskRun: TaskRun = {
      signal: controller.signal,
      onProgress: (p) => {
        if (live()) setProgress(p);
      },
      yield: pause,
      write: async (write) => {
        throwIfCancelled(taskRun);
        me.writing = true;
        if (live()) {
          setWriting(true);
          setProgress({ stage: "write", done: 0, total: 0 });
        }
        try {
          return await write();
        } finally {
          me.writing = false;
          if (live()) setWriting(false);
        }
      },
    };
    try {
      // let the progress indicator paint before long synchronous work
      await new Promise((r) => setTimeout(r, 0));
      throwIfCancelled(taskRun);
      return await fn(taskRun);
    } catch (e) {
      if (isCancelled(e)) {
        if (mounted.current) options.onCancel?.();
      } else if (live()) setError(e ?? new Error("unknown"));
      return undefined;
    } finally {
      // a task another one has taken over from (a cancelled check still finishing its step) leaves the state to it
      const still = current.current === me;
      if (still) current.current = null;
      if (mounted.current && still) {
        setBusy(null);
        setProgress(null);
        setCancellable(false);
        setWriting(false);
        setCancelling(false);
      }
    }
  }, []);
  const cancel = React.useCallback(() => {
    const c = current.current;
    if (!c || !c.cancellable || c.writing || c.controller.signal.aborted) return;
    c.controller.abort();
    setCancelling(true);
  }, []);
  const clearError = React.useCallback(() => setError(null), []);
  return { busy, error, progress, cancellable, writing, cancelling, run, cancel, clearError };
}

/**
 * The task's progress for the ActionBar's status: what it is doing with counts ("正在检查：规则
 * 12 / 41") and a determinate bar (done / total) once the task reports counts, else its label
 * and an indeterminate bar.
 */
export function Progress({
  label,
  progress,
  t,
  cancelling,
  live = true,
}: {
  label: string;
  progress?: ProgressReport | null;
  t?: Strings;
  cancelling?: boolean;
  /** A live region of its own (false inside the ActionBar's status, which already is one). */
  live?: boolean;
}): React.ReactElement {
  const text = cancelling && t ? t.cancelling : progress && t ? t.progressText(progress) ?? label : label;
  const value = progress && progress.total > 0 ? Math.min(1, progress.done / progress.total) : undefined;
  return (
    <span role={live ? "status" : undefined} aria-live={live ? "polite" : undefined} data-testid="progress" data-done={progress?.done} data-total={progress?.total} style={{ display: "flex", flexDirection: "column", gap: 4 }}>
      <Text size={200} data-testid="progress-text">
        {text}
      </Text>
      <ProgressBar thickness="large" value={value} max={value === undefined ? undefined : 1} aria-label={text} />
    </span>
  );
}

/**
 * 取消 for the task under way, beside the panel's primary button in its ActionBar: shown while
 * a cancellable task runs, disabled (and saying why) while it writes. Reachable with Tab; the
 * panel moves the focus back to its primary button after the task stops.
 */
export function CancelButton({ task, t }: { task: Task; t: Strings }): React.ReactElement | null {
  if (!task.busy || !task.cancellable) return null;
  const blocked = task.writing || task.cancelling;
  return (
    <Button
      size="medium"
      onClick={() => task.cancel()}
      disabledFocusable={blocked}
      title={task.writing ? t.writingNoCancel : undefined}
      data-testid="cancel-task"
    >
      {task.writing ? t.writingNoCancel : t.cancel}
    </Button>
  );
}

/** Styles of text that only screen readers read (live regions, labels shown otherwise). */
export const VISUALLY_HIDDEN = {
  position: "absolute",
  width: "1px",
  height: "1px",
  margin: "-1px",
  padding: 0,
  overflow: "hidden",
  clip: "rect(0 0 0 0)",
  whiteSpace: "nowrap",
  border: 0,
} as const;

export const usePanelStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: "12px", minWidth: 0 },
  intro: { color: tokens.colorNeutralForeground2 },
  section: {
    display: "flex",
    flexDirection: "column",
    gap: "6px",
    padding: "10px",
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: 0,
  },
  sectionTitle: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300 },
  row: { display: "flex", flexWrap: "wrap", gap: "8px", alignItems: "center" },
  grow: { flexGrow: 1, minWidth: "120px" },
  actions: { display: "flex", flexWrap: "wrap", gap: "8px" },
  small: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "4px" },
  breakAll: { overflowWrap: "anywhere", wordBreak: "break-word" },
});
