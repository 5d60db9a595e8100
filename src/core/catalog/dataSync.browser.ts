/** Browser build: no catalog data in the first scripts; ./data.ts loadCatalogData() brings it. */
import type { CatalogData } from "./data";

export function bundledCatalogData(): CatalogData | null {
  return null;
}
