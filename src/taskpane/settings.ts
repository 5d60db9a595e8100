/**
 * Settings remembered per workbook: inside Excel in the document's own settings
 * (Office.context.document.settings, saved with the workbook); outside Excel in
 * localStorage under a key naming the workbook.
 *
 * The interface language is the user's, not the workbook's: it lives in a per-user store
 * (UserPrefsStore, localStorage under one user-level key) and is never written into a
 * workbook, so a colleague opening the same file keeps their own language.
 */
import type { Lang } from "./i18n";

export interface PaneSettings {
  year?: number;
  unitName?: string;
  scope?: "部门" | "单位";
  amountUnit?: "万元" | "元";
  /** 尾差 tolerance: 0 严格, 1 标准, 2 宽松. */
  roundingFactor?: 0 | 1 | 2;
}

export interface SettingsStore {
  load(): PaneSettings;
  save(settings: PaneSettings): void;
}

const KEY = "budgetTables.settings";

function clean(raw: unknown): PaneSettings {
  if (!raw || typeof raw !== "object") return {};
  const o = raw as Record<string, unknown>;
  const s: PaneSettings = {};
  if (typeof o.year === "number" && o.year >= 2000 && o.year <= 2100) s.year = o.year;
  if (typeof o.unitName === "string") s.unitName = o.unitName;
  if (o.scope === "部门" || o.scope === "单位") s.scope = o.scope;
  if (o.amountUnit === "万元" || o.amountUnit === "元") s.amountUnit = o.amountUnit;
  if (o.roundingFactor === 0 || o.roundingFactor === 1 || o.roundingFactor === 2) s.roundingFactor = o.roundingFactor;
  return s;
}

export class MemorySettingsStore implements SettingsStore {
  constructor(private value: PaneSettings = {}) {}
  load(): PaneSettings {
    return { ...this.value };
  }
  save(settings: PaneSettings): void {
    this.value = { ...settings };
  }
}

/** localStorage, one key per workbook id (outside Excel). */
export class LocalSettingsStore implements SettingsStore {
  constructor(private readonly workbookId: string, private readonly storage: Storage | undefined = globalThis.localStorage) {}
  private get key(): string {
    return `${KEY}:${this.workbookId}`;
  }
  load(): PaneSettings {
    try {
      const raw = this.storage?.getItem(this.key);
      return raw ? clean(JSON.parse(raw)) : {};
    } catch {
      return {};
    }
  }
  save(settings: PaneSettings): void {
    try {
      this.storage?.setItem(this.key, JSON.stringify(clean(settings)));
    } catch {
      // storage full or disabled: settings just are not remembered
    }
  }
}

/** The workbook's own settings (inside Excel). */
export class OfficeSettingsStore implements SettingsStore {
  load(): PaneSettings {
    try {
      return clean(Office.context.document.settings.get(KEY));
    } catch {
      return {};
    }
  }
  save(settings: PaneSettings): void {
    try {
      // only the workbook's own settings: clean() drops anything else (a language written by an older version)
      Office.context.document.settings.set(KEY, clean(settings));
      Office.context.document.settings.saveAsync();
    } catch {
      // document settings unavailable: not remembered
    }
  }
}

/** What belongs to the user rather than to a workbook. */
export interface UserPrefs {
  /** The interface language; absent: Office's display language. */
  lang?: Lang;
}

export interface UserPrefsStore {
  load(): UserPrefs;
  save(prefs: UserPrefs): void;
}

/** The user-level key (one for all workbooks). */
export const USER_KEY = "budgetTables.user";

function cleanUser(raw: unknown): UserPrefs {
  if (!raw || typeof raw !== "object") return {};
  const o = raw as Record<string, unknown>;
  return o.lang === "zh-CN" || o.lang === "en-US" ? { lang: o.lang } : {};
}

/** localStorage under USER_KEY: the add-in's storage belongs to the signed-in user, not to a document. */
export class LocalUserPrefsStore implements UserPrefsStore {
  constructor(private readonly storage: Storage | undefined = typeof localStorage === "undefined" ? undefined : localStorage) {}
  load(): UserPrefs {
    try {
      const raw = this.storage?.getItem(USER_KEY);
      return raw ? cleanUser(JSON.parse(raw)) : {};
    } catch {
      return {};
    }
  }
  save(prefs: UserPrefs): void {
    try {
      this.storage?.setItem(USER_KEY, JSON.stringify(cleanUser(prefs)));
    } catch {
      // storage disabled: the choice lasts for this session only
    }
  }
}

export class MemoryUserPrefsStore implements UserPrefsStore {
  constructor(private value: UserPrefs = {}) {}
  load(): UserPrefs {
    return { ...this.value };
  }
  save(prefs: UserPrefs): void {
    this.value = { ...prefs };
  }
}
