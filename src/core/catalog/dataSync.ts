/**
 * Node (CLI, jest, scripts): the catalog data is there synchronously. The web build swaps
 * this module for ./dataSync.browser (webpack.config.js), where the data comes as a lazy chunk.
 */
import type { CatalogData } from "./data";
import { CATALOG_DATA } from "./dataFiles";

export function bundledCatalogData(): CatalogData | null {
  return CATALOG_DATA;
}
