/**
 * One source of truth for the year and the catalog edition every action uses (insert, fill,
 * check, draft; pane header and CLI alike): the user's choice, else the workbook's own year,
 * else next year (a budget is prepared the year before); the edition is the catalog's answer
 * for that year, with its note when a year has no edition of its own.
 */
import type { Catalog } from "../catalog/catalog";

export type YearSource = "chosen" | "workbook" | "default";

export interface WorkContext {
  year: number;
  yearSource: YearSource;
  /** Catalog edition (function classification) that answers the year. */
  edition: number | null;
  /** Set when the edition is not the year's own: "2027 年没有科目版本，按 2026 年版". */
  editionNote?: string;
}

export function resolveWorkContext(input: { chosenYear?: number | null; workbookYear?: number | null; today?: Date; catalog?: Catalog | null }): WorkContext {
  const ok = (y: number | null | undefined): y is number => typeof y === "number" && Number.isInteger(y) && y >= 2000 && y <= 2100;
  const year = ok(input.chosenYear) ? input.chosenYear : ok(input.workbookYear) ? input.workbookYear : (input.today ?? new Date()).getFullYear() + 1;
  const yearSource: YearSource = ok(input.chosenYear) ? "chosen" : ok(input.workbookYear) ? "workbook" : "default";
  const choice = input.catalog?.resolveYear("function", year) ?? null;
  return { year, yearSource, edition: choice?.edition ?? null, ...(choice?.note ? { editionNote: choice.note } : {}) };
}

/** A budget year the workflows accept (2000–2100). */
export function isValidYear(y: unknown): y is number {
  return typeof y === "number" && Number.isInteger(y) && y >= 2000 && y <= 2100;
}

/**
 * The year to hand an action that reads the year from the workbook itself when none is known
 * (the checker, the draft writer, a picked file's year check): the chosen or the workbook's
 * year, never the default guess of next year.
 */
export function knownYear(work: WorkContext): number | undefined {
  return work.yearSource === "default" ? undefined : work.year;
}
