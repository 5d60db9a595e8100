/**
 * The catalog the pane uses: the built-in editions plus the official editions the user
 * imported (财政部's spreadsheet opened in Excel). Imported editions persist with the user
 * (localStorage of the add-in's origin, which Excel keeps per user) and apply to name
 * filling, the checker and the custom function alike.
 */
import { builtinCatalog } from "../core/catalog/builtin";
import type { Catalog } from "../core/catalog/catalog";
import { parseOverlay, serializeOverlay } from "../core/catalog/overlay";
import type { OverlayStorage } from "../core/catalog/storage";
import type { CatalogOverlay } from "../core/catalog/types";

const KEY = "budget-tables.catalog-overlays";

/** Storage the pane can read synchronously at start-up. */
export interface SyncOverlayStorage extends OverlayStorage {
  load(): string | null;
  save(json: string): void;
  clear(): void;
}

export class LocalStorageOverlayStorage implements SyncOverlayStorage {
  load(): string | null {
    try {
      return window.localStorage.getItem(KEY);
    } catch {
      return null;
    }
  }
  save(json: string): void {
    window.localStorage.setItem(KEY, json);
  }
  clear(): void {
    window.localStorage.removeItem(KEY);
  }
}

export class CatalogStore {
  private overlays: CatalogOverlay[] = [];
  private cached: Catalog | null = null;

  constructor(private readonly storage: SyncOverlayStorage = new LocalStorageOverlayStorage()) {
    const json = storage.load();
    if (json) {
      try {
        this.overlays = parseOverlay(json);
      } catch {
        this.overlays = []; // a damaged store must not stop the pane; the built-in catalog still works
      }
    }
  }

  catalog(): Catalog {
    if (!this.cached) this.cached = this.overlays.reduce((cat, o) => cat.withOverlay(o), builtinCatalog());
    return this.cached;
  }

  imported(): readonly CatalogOverlay[] {
    return this.overlays;
  }

  /** Add an edition, replacing an earlier import of the same kind and year. */
  add(overlay: CatalogOverlay): void {
    this.overlays = [...this.overlays.filter((o) => !(o.kind === overlay.kind && o.year === overlay.year)), overlay];
    this.storage.save(serializeOverlay(this.overlays));
    this.cached = null;
  }

  clear(): void {
    this.overlays = [];
    this.storage.clear();
    this.cached = null;
  }
}

let shared: CatalogStore | null = null;

/** The pane's one store (created on first use, so tests can run without window). */
export function catalogStore(): CatalogStore {
  shared = shared ?? new CatalogStore();
  return shared;
}
