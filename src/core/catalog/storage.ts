/**
 * Where imported catalog editions are kept between sessions. The task pane will
 * implement this over localStorage; the CLI does not persist overlays.
 */
import type { Catalog } from "./catalog";
import { parseOverlay, serializeOverlay } from "./overlay";
import type { CatalogOverlay } from "./types";

export interface OverlayStorage {
  /** The stored JSON (as written by serializeOverlay), or null when nothing is stored. */
  load(): string | null | Promise<string | null>;
  save(json: string): void | Promise<void>;
  clear(): void | Promise<void>;
}

/** An in-memory OverlayStorage, for tests and for hosts without persistence. */
export class MemoryOverlayStorage implements OverlayStorage {
  private json: string | null = null;
  load(): string | null {
    return this.json;
  }
  save(json: string): void {
    this.json = json;
  }
  clear(): void {
    this.json = null;
  }
}

/** Store overlays. */
export async function saveOverlays(storage: OverlayStorage, overlays: readonly CatalogOverlay[]): Promise<void> {
  await storage.save(serializeOverlay(overlays));
}

/** The catalog with every stored overlay applied (the base catalog when nothing is stored). */
export async function loadOverlays(storage: OverlayStorage, base: Catalog): Promise<Catalog> {
  const json = await storage.load();
  if (!json) return base;
  return parseOverlay(json).reduce((cat, o) => cat.withOverlay(o), base);
}
