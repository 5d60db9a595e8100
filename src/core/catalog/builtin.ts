/**
 * The built-in catalog: the four data files in data/catalog, bundled as JSON.
 */
import econDept from "../../../data/catalog/econ-dept.json";
import econGov from "../../../data/catalog/econ-gov.json";
import functionData from "../../../data/catalog/function.json";
import revenue from "../../../data/catalog/revenue.json";
import verified from "../../../data/catalog/evidence/verified.json";
import { Catalog, type CatalogSources } from "./catalog";
import type { EvidenceSource, RawCatalogFile, VerifiedEntry } from "./types";

/** The data files as bundled, by kind. */
export const BUILTIN_FILES: Record<string, RawCatalogFile> = {
  function: functionData as RawCatalogFile,
  "econ-dept": econDept as RawCatalogFile,
  "econ-gov": econGov as RawCatalogFile,
  revenue: revenue as RawCatalogFile,
};

/** Built-in entries verified against a published document, and the documents. */
export const VERIFIED_ENTRIES: readonly VerifiedEntry[] = verified.entries as VerifiedEntry[];
export const EVIDENCE_SOURCES: readonly EvidenceSource[] = verified.sources as EvidenceSource[];

let builtin: Catalog | undefined;

/** The catalog of the built-in data (shared; indexes are built per kind on first use). */
export function builtinCatalog(): Catalog {
  if (!builtin) {
    const sources: CatalogSources = {};
    for (const [kind, file] of Object.entries(BUILTIN_FILES)) (sources as Record<string, RawCatalogFile["entries"]>)[kind] = file.entries;
    builtin = new Catalog(sources, [], VERIFIED_ENTRIES);
  }
  return builtin;
}
