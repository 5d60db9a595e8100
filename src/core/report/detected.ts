/**
 * What the task pane header shows about a workbook: budget year, unit name, amount unit,
 * the standard tables recognised (and on which sheet) and the required ones missing.
 * From recognizeWorkbook's facts when available; a light title scan otherwise. Pure.
 */
import { cells, type Workbook } from "../model";
import type { WorkbookFacts } from "../recognize/types";
import { parseUnitLine, TitleIndex, isUnitLine } from "../recognize/titles";
import { requiredTables, STANDARD_TABLES } from "../specs/tables";

export interface DetectedTable {
  id: string;
  title: string;
  sheet: string;
}

export interface Detected {
  year?: number;
  unitName?: string;
  amountUnit?: "万元" | "元";
  /** Standard tables found, in standard order (one entry per table id: the first found). */
  tables: DetectedTable[];
  /** Standard table ids not found (all 14 considered). */
  missing: string[];
}

function finish(found: DetectedTable[], rest: Omit<Detected, "tables" | "missing">): Detected {
  const byId = new Map<string, DetectedTable>();
  for (const t of found) if (!byId.has(t.id)) byId.set(t.id, t);
  const tables = STANDARD_TABLES.filter((s) => byId.has(s.id)).map((s) => byId.get(s.id)!);
  return { ...rest, tables, missing: requiredTables(byId.keys()).filter((s) => !byId.has(s.id)).map((s) => s.id) };
}

export function detectedFromFacts(facts: WorkbookFacts): Detected {
  return finish(
    facts.tables.map((t) => ({ id: t.spec.id, title: t.spec.title, sheet: t.sheet })),
    { year: facts.year, unitName: facts.unitName, amountUnit: facts.amountUnit },
  );
}

const titles = new TitleIndex(STANDARD_TABLES);

function mostCommon<T>(xs: T[]): T | undefined {
  const n = new Map<T, number>();
  let best: T | undefined;
  for (const x of xs) {
    n.set(x, (n.get(x) ?? 0) + 1);
    if (best === undefined || n.get(x)! > n.get(best)!) best = x;
  }
  return best;
}

/** A quick look at the first rows of each sheet: titles, unit lines, years. */
export function detectQuick(wb: Workbook): Detected {
  const found: DetectedTable[] = [];
  const years: number[] = [];
  const units: string[] = [];
  const amountUnits: ("万元" | "元")[] = [];
  for (const sheet of wb.sheets) {
    let matched = false;
    for (const { r, cell } of cells(sheet)) {
      if (r > 4) break;
      if (typeof cell.value !== "string") continue;
      const text = cell.value.trim();
      if (!matched) {
        const m = titles.match(text);
        if (m) {
          matched = true;
          found.push({ id: m.spec.id, title: m.spec.title, sheet: sheet.name });
          if (m.year) years.push(m.year);
          if (m.unitName) units.push(m.unitName);
          continue;
        }
      }
      if (isUnitLine(text) || /单位\s*[：:]/.test(text)) {
        const u = parseUnitLine(text);
        if (u.unitName) units.push(u.unitName);
        if (u.amountUnit) amountUnits.push(u.amountUnit);
        if (u.year) years.push(u.year);
      }
    }
  }
  return finish(found, { year: mostCommon(years), unitName: mostCommon(units), amountUnit: mostCommon(amountUnits) });
}
