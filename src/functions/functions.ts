/**
 * Custom function for users who prefer formulas: =BUDGET.科目名称(A5) (English Excel:
 * =BUDGET.NAME(A5)) returns the official name of a classification code for a budget year.
 * Registered in the add-in's shared runtime (see manifest.xml <Runtimes>).
 *
 * In the pane the built-in catalog data is a chunk of its own, loaded on first need: the
 * function Excel calls (budgetNameWhenReady) waits for it, so a formula evaluated while the
 * runtime is still starting gets the name, not an error.
 */
import { builtinCatalog } from "../core/catalog/builtin";
import type { Catalog } from "../core/catalog/catalog";
import { loadCatalogData } from "../core/catalog/data";

/** Where the function gets its catalog: the pane passes the one with the user's imported editions. */
let catalogOf: () => Catalog = builtinCatalog;

/** The official name of `code` (any form: 2080101, "208 01 01", …) for `year`; an explanation when unknown. */
export function budgetName(code: unknown, year?: number | null): string {
  const catalog = catalogOf();
  const input = typeof code === "number" || typeof code === "string" ? code : String(code ?? "");
  const found = catalog.lookup(input as string | number, year ? { year } : {});
  if (!found) return `#未知科目编码 ${String(code ?? "").trim()}`;
  return found.name;
}

/** What Excel calls: budgetName once the catalog data is loaded (at once where it already is). */
export async function budgetNameWhenReady(code: unknown, year?: number | null): Promise<string> {
  await loadCatalogData();
  return budgetName(code, year);
}

declare const CustomFunctions: { associate(id: string, fn: (...args: never[]) => unknown): void } | undefined;

export function registerFunctions(catalog?: () => Catalog): void {
  if (catalog) catalogOf = catalog;
  if (typeof CustomFunctions === "undefined") return;
  CustomFunctions.associate("NAME", budgetNameWhenReady as (...args: never[]) => unknown);
}
