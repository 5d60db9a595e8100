/**
 * What the task pane needs from core, in one place so component tests can pass their own
 * (a failing checker, a fixed set of findings) and so the pane is wired to the real modules
 * of the other issues: templates, catalog, name filling, recognition and the checker.
 */
import type { Catalog } from "../core/catalog/catalog";
import type { CatalogOverlay } from "../core/catalog/types";
import { catalogStore } from "./catalogStore";
import type { CheckOptions, Finding } from "../core/checks/types";
import type { Sheet, Workbook } from "../core/model";
import type { WorkbookFacts } from "../core/recognize/types";
import { recognizeWorkbook } from "../core/recognize";
import { checkWorkbook } from "../core/checks/engine";
import { detectedFromFacts, detectQuick, type Detected } from "../core/report/detected";
import { planInsertion, renderTemplates, type InsertionPlan, type TemplateOptions } from "../core/templates";

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
  /** The checker (null: not available, the panel says so). */
  check: ((wb: Workbook, options: CheckOptions) => Finding[]) | null;
}

export const defaultServices: Services = {
  renderTemplates,
  planInsertion,
  catalog: () => catalogStore().catalog(),
  catalogEditions: {
    imported: () => catalogStore().imported(),
    add: (o) => catalogStore().add(o),
    clear: () => catalogStore().clear(),
  },
  recognize: (wb) => recognizeWorkbook(wb),
  check: (wb, options) => checkWorkbook(wb, { catalog: catalogStore().catalog(), ...options }),
};

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
