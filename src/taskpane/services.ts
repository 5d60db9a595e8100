/**
 * What the task pane needs from core, in one place so component tests can pass their own
 * (a failing checker, a fixed set of findings) and so the pane is wired to the real modules
 * of the other issues: templates, catalog, name filling, recognition and the checker.
 *
 * In the browser the built-in catalog data and the engine (checker, template renderer) are
 * chunks of their own (not in
 * the first scripts): loadServices() fetches them as the pane starts and App waits for
 * `ready` before the first recognition; in Node (jest) both are there synchronously.
 */
import * as React from "react";
import type { Catalog } from "../core/catalog/catalog";
import type { CatalogOverlay } from "../core/catalog/types";
import { catalogStore } from "./catalogStore";
import type { CheckOptions, Finding, Rule } from "../core/checks/types";
import type { Sheet, Workbook } from "../core/model";
import type { WorkbookFacts } from "../core/recognize/types";
import { isCancelled, runStepsAsync, throwIfCancelled, type TaskControl } from "../core/workflows/progress";
import { recognizeSteps, recognizeWorkbook } from "../core/recognize";
import { isCatalogDataLoaded, loadCatalogData } from "../core/catalog/data";
import { bundledEngine, type Engine } from "./engineSync";
import { detectedFromFacts, detectQuick, type Detected } from "../core/report/detected";
import type { InsertionPlan, TemplateOptions } from "../core/templates";

export interface Services {
  renderTemplates(options: TemplateOptions): Sheet[];
  planInsertion(existing: Workbook, sheets: Sheet[]): InsertionPlan;
  catalog(): Catalog;
  /** Imported official editions, kept with the user (absent: importing is not offered). */
  catalogEditions?: {
    imported(): readonly CatalogOverlay[];
    add(overlay: CatalogOverlay): void;
    clear(): void;
  };
  /** Table recognition (null: the header falls back to a quick title scan). */
  recognize: ((wb: Workbook) => WorkbookFacts) | null;
  /**
   * The same recognition in steps (one per sheet) with pauses and cancel: the header's facts
   * of a large workbook are computed without holding the pane (a 取消 click, the progress of a
   * check). Absent or null: the header uses `recognize` in one go.
   */
  recognizeAsync?: ((wb: Workbook, control?: TaskControl) => Promise<WorkbookFacts>) | null;
  /** The checker (null: not available, the panel says so). */
  check: ((wb: Workbook, options: CheckOptions) => Finding[]) | null;
  /**
   * The same checker, run with progress, pauses and cancel (the 检查 panel uses it: the pane
   * stays responsive and 取消 works). Absent or null: the panel runs `check` in one go.
   */
  checkAsync?: ((wb: Workbook, options: CheckOptions, control?: TaskControl) => Promise<Finding[]>) | null;
  /** The checker's rules (their message texts render a finding in the pane's language); absent: findings show their zh-CN text. */
  rules?(): readonly Rule[];
  /**
   * Resolves once the functions above can answer (the lazily loaded catalog data and engine
   * have arrived). Absent: ready at once. App shows its first render without waiting and runs
   * the first recognition when this resolves (useServicesReady).
   */
  ready?(): Promise<void>;
  /** Whether ready() has resolved (synchronously: lets the first render use the services at once). */
  isReady?(): boolean;
}

let engine: Engine | null = bundledEngine();
let loading: Promise<void> | null = null;

/** Fetch what the pane's services need beyond the first scripts: the catalog data and the engine. */
export function loadServices(): Promise<void> {
  if (servicesLoaded()) return Promise.resolve();
  loading =
    loading ??
    Promise.all([
      loadCatalogData(),
      engine ? Promise.resolve() : import(/* webpackChunkName: "engine" */ "./engine").then((m) => void (engine = m)),
    ]).then(
      () => undefined,
      (e) => {
        loading = null; // offline or a stale deployment: the next call tries again
        throw e;
      },
    );
  return loading;
}

export function servicesLoaded(): boolean {
  return engine !== null && isCatalogDataLoaded();
}

function loadedEngine(): Engine {
  if (!engine) {
    void loadServices().catch(() => undefined);
    throw new Error("检查器和模板仍在加载，请稍候再试（still loading）");
  }
  return engine;
}

export const defaultServices: Services = {
  renderTemplates: (options) => loadedEngine().renderTemplates(options),
  planInsertion: (existing, sheets) => loadedEngine().planInsertion(existing, sheets),
  catalog: () => catalogStore().catalog(),
  catalogEditions: {
    imported: () => catalogStore().imported(),
    add: (o) => catalogStore().add(o),
    clear: () => catalogStore().clear(),
  },
  recognize: (wb) => recognizeWorkbook(wb),
  recognizeAsync: (wb, control) => runStepsAsync(recognizeSteps(wb), control),
  check: (wb, options) => loadedEngine().checkWorkbook(wb, { catalog: catalogStore().catalog(), ...options }),
  checkAsync: (wb, options, control) => loadedEngine().checkWorkbookAsync(wb, { catalog: catalogStore().catalog(), ...options }, control),
  rules: () => (engine ? engine.RULES : []),
  ready: loadServices,
  isReady: servicesLoaded,
};

/**
 * Whether the services can answer: true at once when they are already loaded (always in
 * Node), else after services.ready() settles. A failed load also ends the wait: recognition
 * then falls back to the title scan and an action explains that the data did not load.
 */
export function useServicesReady(services: Services): boolean {
  const [ready, setReady] = React.useState(() => !services.ready || (services.isReady?.() ?? false));
  React.useEffect(() => {
    if (ready || !services.ready) return;
    let live = true;
    const done = () => {
      if (live) setReady(true);
    };
    services.ready().then(done, done);
    return () => {
      live = false;
    };
  }, [services, ready]);
  return ready;
}

/** Header facts: recognition when present, else a quick title scan. */
export function detect(services: Services, wb: Workbook): Detected {
  if (services.recognize) {
    try {
      return detectedFromFacts(services.recognize(wb));
    } catch {
      // recognition failing must not blank the header: fall back to the title scan
    }
  }
  return detectQuick(wb);
}

/** Header facts with pauses and cancel (recognizeAsync when the services have it, else `detect`). */
export async function detectAsync(services: Services, wb: Workbook, control?: TaskControl): Promise<Detected> {
  if (services.recognizeAsync) {
    try {
      return detectedFromFacts(await services.recognizeAsync(wb, control));
    } catch (e) {
      if (isCancelled(e)) throw e;
      // recognition failing must not blank the header: fall back to the title scan
      return detectQuick(wb);
    }
  }
  return detect(services, wb);
}

/**
 * The checker the 检查 panel runs: services.checkAsync, or — when a caller gave only the
 * synchronous `check` (a component test's fixed findings) — that one in a single step, still
 * honouring a cancel that came before it. Null: no checker.
 */
export function asyncChecker(services: Services): ((wb: Workbook, options: CheckOptions, control?: TaskControl) => Promise<Finding[]>) | null {
  if (services.checkAsync) return services.checkAsync;
  const check = services.check;
  if (!check) return null;
  return async (wb, options, control) => {
    throwIfCancelled(control);
    const out = check(wb, options);
    throwIfCancelled(control);
    return out;
  };
}
