/**
 * Checking files with a time limit: a child process reads and checks one file at a time; when
 * a file takes longer than the limit the child is killed (the file is reported as timed out)
 * and a fresh one takes the next file. One child serves many files, so its start-up is paid
 * once, not per file.
 *
 * Run as a child (`process.send` present and BUDGET_TABLES_CHECK_WORKER set) this module
 * answers requests; imported, it offers CheckPool to the check command.
 */
import { fork, type ChildProcess } from "child_process";
import type { Finding, CheckOptions } from "../core/checks/types";

export interface WorkerRequest {
  id: number;
  file: string;
  options: Omit<CheckOptions, "catalog">;
  /** --narrative: the file whose text is checked against this file's tables. */
  narrative?: string;
}

export type WorkerReply = { id: number; findings: Finding[]; note?: string } | { id: number; error: string };

export type CheckResult = { findings: Finding[]; note?: string } | { error: string; timedOut?: boolean };

export class CheckPool {
  private child: ChildProcess | null = null;
  private ready: Promise<void> | null = null;
  private nextId = 1;
  private pending: { id: number; resolve: (r: CheckResult) => void; timer?: NodeJS.Timeout } | null = null;

  constructor(
    private limitMs: number,
    private catalogFlags: Record<string, string | true>,
  ) {}

  private spawn(): ChildProcess {
    const ts = __filename.endsWith(".ts");
    const child = fork(__filename, [], {
      execArgv: ts ? ["--import", "tsx"] : [],
      env: { ...process.env, BUDGET_TABLES_CHECK_WORKER: "1", BUDGET_TABLES_CATALOG_FLAGS: JSON.stringify(this.catalogFlags) },
      // same working directory as ours: the files are named relative to it
      stdio: ["ignore", "ignore", "inherit", "ipc"],
    });
    this.ready = new Promise<void>((resolve) => {
      const onReady = (m: { ready?: boolean }) => {
        if (m && m.ready) {
          child.off("message", onReady);
          resolve();
        }
      };
      child.on("message", onReady);
      child.on("exit", () => resolve());
    });
    child.on("message", (m: WorkerReply) => {
      if (!m || typeof (m as { id?: unknown }).id !== "number") return;
      const p = this.pending;
      if (!p || m.id !== p.id) return;
      this.pending = null;
      if (p.timer) clearTimeout(p.timer);
      p.resolve("error" in m ? { error: m.error } : { findings: m.findings, note: m.note });
    });
    child.on("exit", () => {
      if (this.child === child) this.child = null;
      const p = this.pending;
      if (p) {
        this.pending = null;
        if (p.timer) clearTimeout(p.timer);
        p.resolve({ error: "检查进程意外退出（内存不足？）。" });
      }
    });
    return child;
  }

  async check(file: string, options: Omit<CheckOptions, "catalog">, narrative?: string): Promise<CheckResult> {
    if (!this.child) this.child = this.spawn();
    const child = this.child;
    await this.ready; // start-up is not counted against the file's time
    if (child.exitCode !== null || child.signalCode !== null) {
      this.child = null;
      return { error: "无法启动检查进程。" };
    }
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer =
        this.limitMs > 0
          ? setTimeout(() => {
              if (this.pending?.id !== id) return;
              this.pending = null;
              this.child = null;
              child.kill("SIGKILL");
              resolve({ error: `${file} 在 ${Math.round(this.limitMs / 1000)} 秒内没有检查完，已停止并跳过（可用 --timeout 秒数 放宽，0 为不限）。`, timedOut: true });
            }, this.limitMs)
          : undefined;
      this.pending = { id, resolve, timer };
      const req: WorkerRequest = { id, file, options, narrative };
      child.send(req);
    });
  }

  close(): void {
    if (this.child) {
      this.child.kill();
      this.child = null;
    }
  }
}

function serve(): void {
  const silent = { out: () => undefined, err: () => undefined, readStdin: async () => "" };
  // the listener first, so no request is lost while the modules load; modules, the catalog and a
  // warm-up check are loaded before "ready", so a file's time limit counts only its own work
  const ready = (async () => {
    const { checkWorkbook } = await import("../core/checks/engine");
    const { checkInputFile } = await import("../hosts/input");
    const { HostError, isHostError } = await import("../hosts/host");
    const { catalogFromFlags } = await import("./catalogOption");
    const { newSheet, setCell } = await import("../core/model");
    const loaded = await catalogFromFlags(JSON.parse(process.env.BUDGET_TABLES_CATALOG_FLAGS || "{}"), silent, "check", true);
    const catalog = "exit" in loaded ? null : loaded.catalog;
    const warm = newSheet("一般公共预算支出表");
    setCell(warm, 0, 0, { value: "科目编码" });
    setCell(warm, 0, 1, { value: "科目名称" });
    setCell(warm, 0, 2, { value: "合计" });
    setCell(warm, 1, 0, { value: "201" });
    setCell(warm, 1, 2, { value: 1 });
    if (catalog) checkWorkbook({ sheets: [warm] }, { catalog });
    return { checkInputFile, HostError, isHostError, catalog };
  })();
  process.on("message", async (req: WorkerRequest) => {
    const m = await ready;
    try {
      if (!m.catalog) throw new m.HostError("无法装入 --import 的科目表。", "other");
      const { findings, note } = await m.checkInputFile(req.file, { ...req.options, catalog: m.catalog }, req.narrative);
      process.send!({ id: req.id, findings, note } satisfies WorkerReply);
    } catch (e) {
      const msg = m.isHostError(e) ? e.message : `${req.file} 检查时出错（${(e as Error).message}）`;
      process.send!({ id: req.id, error: msg } satisfies WorkerReply);
    }
  });
  process.on("disconnect", () => process.exit(0));
  void ready.then(() => process.send!({ ready: true }));
}

if (process.env.BUDGET_TABLES_CHECK_WORKER && process.send && require.main === module) serve();
