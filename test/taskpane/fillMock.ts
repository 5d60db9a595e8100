/**
 * A simulated Excel for cell fills, on office-addin-mock: each range's format.fill is an
 * OfficeMockObject whose color / pattern / patternColor only read after load + context.sync,
 * as in Excel; writes (color, pattern, patternColor, clear()) reach the simulated sheet at
 * the next sync. Every sync is counted; select / activate are recorded.
 */
import { OfficeMockObject } from "office-addin-mock";
import type { ExcelRun } from "../../src/hosts/office/officeHost";

export interface FillState {
  color: string;
  pattern: string;
  patternColor: string | null;
}

/** What Excel reports for a cell without fill. */
export const NO_FILL: FillState = { color: "#FFFFFF", pattern: "None", patternColor: null };

const PATTERNS = new Set(["None", "Solid", "Gray50", "Gray75", "Gray25", "Horizontal", "Vertical", "Down", "Up", "Checker", "SemiGray75", "LightHorizontal", "LightVertical", "LightDown", "LightUp", "Grid", "CrissCross", "Gray16", "Gray8"]);

export interface FillMock {
  run: ExcelRun;
  syncs: () => number;
  /** Fill of a cell now ("Sheet!A1"); NO_FILL when none. */
  fill: (sheet: string, address: string) => FillState;
  setFill: (sheet: string, address: string, f: FillState) => void;
  /** Every fill ever set, for "restored exactly". */
  snapshot: () => Record<string, FillState>;
  events: string[];
  clears: () => number;
}

export function makeFillMock(sheets: string[]): FillMock {
  let syncs = 0;
  let clears = 0;
  const state = new Map<string, FillState>();
  const events: string[] = [];
  type Pending = { key: string; mock: OfficeMockObject & Record<string, unknown>; initial: FillState; cleared: boolean };
  let pending: Pending[] = [];
  const registry: OfficeMockObject[] = [];

  const fillObject = (sheet: string, address: string) => {
    const key = `${sheet}!${address}`;
    const initial = { ...(state.get(key) ?? NO_FILL) };
    const p: Pending = { key, initial, cleared: false, mock: undefined as never };
    const mock = new OfficeMockObject({
      color: initial.color,
      pattern: initial.pattern,
      patternColor: initial.patternColor ?? "",
      clear: () => {
        p.cleared = true;
      },
    }) as OfficeMockObject & Record<string, unknown>;
    p.mock = mock;
    pending.push(p);
    registry.push(mock);
    return mock;
  };

  const commit = () => {
    for (const p of pending) {
      const m = p.mock;
      if (p.cleared) {
        clears++;
        state.delete(p.key);
        continue;
      }
      const now = { ...(state.get(p.key) ?? NO_FILL) };
      let changed = false;
      if (typeof m.color === "string" && m.color.startsWith("#") && m.color !== p.initial.color) {
        now.color = m.color;
        if (now.pattern === "None") now.pattern = "Solid";
        changed = true;
      }
      if (typeof m.pattern === "string" && PATTERNS.has(m.pattern) && m.pattern !== p.initial.pattern) {
        now.pattern = m.pattern;
        changed = true;
      }
      if (typeof m.patternColor === "string" && m.patternColor.startsWith("#") && m.patternColor !== p.initial.patternColor) {
        now.patternColor = m.patternColor;
        changed = true;
      }
      if (changed) state.set(p.key, now);
    }
    pending = [];
  };

  const sheetMock = (name: string) => ({
    name,
    activate: () => events.push(`activate ${name}`),
    getRange: (address: string) => ({
      format: { fill: fillObject(name, address) },
      select: () => events.push(`select ${name}!${address}`),
    }),
  });
  const items = new Map(sheets.map((s) => [s, sheetMock(s)]));
  const root = new OfficeMockObject({
    context: {
      workbook: {
        worksheets: {
          getItem: (name: string) => {
            const s = items.get(name);
            if (!s) throw Object.assign(new Error(`ItemNotFound ${name}`), { code: "ItemNotFound" });
            return s;
          },
        },
      },
    },
  });
  const context = root.context as OfficeMockObject & { sync: () => Promise<void> };
  const baseSync = context.sync.bind(context);
  context.sync = async () => {
    syncs++;
    commit();
    await baseSync();
    for (const m of registry) await m.sync();
    registry.length = 0;
  };
  return {
    run: async (batch) => batch(context as unknown as Excel.RequestContext),
    syncs: () => syncs,
    fill: (sheet, address) => ({ ...(state.get(`${sheet}!${address}`) ?? NO_FILL) }),
    setFill: (sheet, address, f) => state.set(`${sheet}!${address}`, { ...f }),
    snapshot: () => Object.fromEntries([...state.entries()].map(([k, v]) => [k, { ...v }])),
    events,
    clears: () => clears,
  };
}
