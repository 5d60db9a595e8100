/**
 * Progress and cancel for long work, shared by the task pane and the CLI. Pure: no timers, no
 * DOM. Long work is written once as a generator of steps (`Steps<T>`): it yields a
 * ProgressReport before each step and returns its result. `runSteps` drives it to the end at
 * once (the CLI's synchronous path); `runStepsAsync` drives it with the caller's TaskControl —
 * between steps it reports the progress, awaits the caller's `yield` (the pane passes a
 * macrotask so the browser can paint and take the 取消 click; a test passes a counter) and
 * stops with TaskCancelledError as soon as the signal is aborted. Both paths run the same code,
 * so they give the same result.
 */

/** What the work is doing: the pane words each stage (i18n), the CLI does not show them. */
export type ProgressStage = "read" | "recognize" | "rules" | "plan" | "write";

export interface ProgressReport {
  /** Steps of this stage finished (0 … total). */
  done: number;
  /** Steps of this stage. */
  total: number;
  stage: ProgressStage;
  /** The step under way: a sheet name, a rule id, a table id. */
  item?: string;
}

export interface TaskControl {
  /** Called before each step (and once at the end of a stage, with done = total). */
  onProgress?(p: ProgressReport): void;
  /** Aborted: the work throws TaskCancelledError at the next step, before running it. */
  signal?: AbortSignal;
  /** Awaited between steps: lets the caller paint and handle input. Absent: no pause. */
  yield?(): Promise<void>;
}

/** The work was cancelled before it finished (nothing it would have written was written). */
export class TaskCancelledError extends Error {
  readonly cancelled = true;
  constructor(message = "已取消（cancelled）") {
    super(message);
    this.name = "TaskCancelledError";
  }
}

export function isCancelled(e: unknown): e is TaskCancelledError {
  return e instanceof TaskCancelledError || (typeof e === "object" && e !== null && (e as { name?: unknown }).name === "TaskCancelledError");
}

/** Throws TaskCancelledError when the control's signal has been aborted. */
export function throwIfCancelled(control?: TaskControl): void {
  if (control?.signal?.aborted) throw new TaskCancelledError();
}

/** Work as steps: yields a report before each step, returns the result. */
export type Steps<T> = Generator<ProgressReport, T, void>;

/** Run the steps to the end, synchronously (reports are passed to onProgress when given). */
export function runSteps<T>(steps: Steps<T>, onProgress?: (p: ProgressReport) => void): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    onProgress?.(r.value);
  }
}

/**
 * Run the steps with the caller's control: before each step, stop if cancelled, report,
 * yield to the caller, and stop if cancelled meanwhile — so a cancel during a report or a
 * pause runs no further step.
 */
export async function runStepsAsync<T>(steps: Steps<T>, control: TaskControl = {}): Promise<T> {
  throwIfCancelled(control);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    throwIfCancelled(control);
    control.onProgress?.(r.value);
    if (control.yield) await control.yield();
    throwIfCancelled(control);
  }
}
