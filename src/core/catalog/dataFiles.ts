/**
 * The built-in catalog data (data/catalog/*.json) as one module. Only ./data.ts reaches it:
 * synchronously in Node (CLI, tests, scripts) through ./dataSync, and in the browser as a
 * chunk of its own that the pane loads by dynamic import before the first recognition,
 * check or fill (see ./data.ts loadCatalogData), so it is not in the pane's first scripts.
 */
import econDept from "../../../data/catalog/econ-dept.json";
import econGov from "../../../data/catalog/econ-gov.json";
import functionData from "../../../data/catalog/function.json";
import revenue from "../../../data/catalog/revenue.json";
import verified from "../../../data/catalog/evidence/verified.json";
import type { CatalogData } from "./data";
import type { EvidenceSource, RawCatalogFile, VerifiedEntry } from "./types";

export const CATALOG_DATA: CatalogData = {
  files: {
    function: functionData as RawCatalogFile,
    "econ-dept": econDept as RawCatalogFile,
    "econ-gov": econGov as RawCatalogFile,
    revenue: revenue as RawCatalogFile,
  },
  verified: verified.entries as VerifiedEntry[],
  sources: verified.sources as EvidenceSource[],
};
