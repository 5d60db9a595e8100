/**
 * The registry of the built-in catalog data (the four data/catalog files and the verified
 * entries). Everything in core that needs the data asks catalogData(). In Node it is filled
 * synchronously on first use; in the task pane the page calls loadCatalogData() (a dynamic
 * import: its own chunk) and waits for it before the first recognition, check or fill.
 */
import { bundledCatalogData } from "./dataSync";
import type { CatalogKind, EvidenceSource, RawCatalogFile, VerifiedEntry } from "./types";

export interface CatalogData {
  files: Record<CatalogKind, RawCatalogFile>;
  verified: VerifiedEntry[];
  sources: EvidenceSource[];
}

/** Thrown when the data is asked for in the browser before loadCatalogData() finished. */
export class CatalogDataNotLoadedError extends Error {
  constructor() {
    super("科目目录数据仍在加载，请稍候再试（catalog data is still loading）");
    this.name = "CatalogDataNotLoadedError";
  }
}

let data: CatalogData | null = null;
let loading: Promise<CatalogData> | null = null;

/** Whether catalogData() can answer now (always in Node; in the pane once the chunk has loaded). */
export function isCatalogDataLoaded(): boolean {
  if (!data) data = bundledCatalogData();
  return data !== null;
}

/** The built-in data; throws CatalogDataNotLoadedError in the pane before loadCatalogData() resolved. */
export function catalogData(): CatalogData {
  if (!isCatalogDataLoaded()) throw new CatalogDataNotLoadedError();
  return data!;
}

/** Bring the data (at once where it is bundled, else the lazy chunk); safe to call many times. */
export function loadCatalogData(): Promise<CatalogData> {
  if (isCatalogDataLoaded()) return Promise.resolve(data!);
  loading =
    loading ??
    import(/* webpackChunkName: "catalog-data" */ "./dataFiles").then(
      (m) => (data = m.CATALOG_DATA),
      (e) => {
        loading = null; // a failed load (offline, a stale deployment) may be retried
        throw e;
      },
    );
  return loading;
}
