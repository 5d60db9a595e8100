/**
 * The classification catalog (政府收支分类科目) API. See data/catalog/README.md for the data.
 */
export * from "./types";
export { normalizeCode, inferKind, levelOfCode, parentOfCode } from "./code";
export { nameKey, similarity, NAME_SUFFIXES } from "./names";
export { printedPairs, type PrintedPair } from "./evidence";
export { Catalog, HISTORICAL_NAMES, UNVERIFIED_NOTE, type HistoricalName, type CatalogSources } from "./catalog";
export { builtinCatalog, BUILTIN_FILES, verifiedEntries, evidenceSources } from "./builtin";
export { catalogData, loadCatalogData, isCatalogDataLoaded, CatalogDataNotLoadedError, type CatalogData } from "./data";
export { importCatalogSheet, type ImportOptions, type ImportProblem, type ImportProblemType, type ImportResult } from "./import";
export { serializeOverlay, parseOverlay, OverlayFormatError } from "./overlay";
export { MemoryOverlayStorage, saveOverlays, loadOverlays, type OverlayStorage } from "./storage";
export { formatVerifiedStats } from "./stats";
