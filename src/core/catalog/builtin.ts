/**
 * The built-in catalog: the four data files in data/catalog, through the data registry
 * (./data.ts: synchronous in Node, a lazy chunk in the task pane).
 */
import { Catalog, type CatalogSources } from "./catalog";
import { catalogData } from "./data";
import { CATALOG_KINDS, type CatalogKind, type EvidenceSource, type RawCatalogFile, type VerifiedEntry } from "./types";

/** The data files, by kind (each read from the registry when first touched). */
export const BUILTIN_FILES: Readonly<Record<CatalogKind, RawCatalogFile>> = Object.defineProperties(
  {} as Record<CatalogKind, RawCatalogFile>,
  Object.fromEntries(CATALOG_KINDS.map((kind) => [kind, { enumerable: true, get: () => catalogData().files[kind] }])),
);

/** Built-in entries verified against a published document. */
export function verifiedEntries(): readonly VerifiedEntry[] {
  return catalogData().verified;
}

/** The published documents the verified entries were checked against. */
export function evidenceSources(): readonly EvidenceSource[] {
  return catalogData().sources;
}

let builtin: Catalog | undefined;

/** The catalog of the built-in data (shared; indexes are built per kind on first use). */
export function builtinCatalog(): Catalog {
  if (!builtin) {
    const { files, verified } = catalogData();
    const sources: CatalogSources = {};
    for (const [kind, file] of Object.entries(files)) (sources as Record<string, RawCatalogFile["entries"]>)[kind] = file.entries;
    builtin = new Catalog(sources, [], verified);
  }
  return builtin;
}
