/**
 * Insertion plan for template sheets: never overwrites an existing sheet. A sheet whose
 * name is taken gets a new one (uniqueSheetName: 名称(2) …) and every formula that names it
 * — on any of the inserted sheets — is rewritten to the new name.
 */
import { quoteSheet } from "../a1";
import { emptyChangeSet, type ChangeSet } from "../changes";
import { cloneSheet, uniqueSheetName, type Sheet, type Workbook } from "../model";

export interface InsertionPlan {
  changes: ChangeSet;
  renamed: { wanted: string; actual: string }[];
}

/**
 * Rewrite the sheet names a formula refers to ('名称'!A1 or Name!A1), leaving string
 * literals alone. `rename` maps old name → new name (exact names).
 */
export function renameSheetRefs(formula: string, rename: Map<string, string>): string {
  if (rename.size === 0) return formula;
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      // string literal, "" escapes a quote
      let j = i + 1;
      while (j < formula.length) {
        if (formula[j] === '"' && formula[j + 1] === '"') j += 2;
        else if (formula[j] === '"') break;
        else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === "'") {
      let j = i + 1;
      let name = "";
      while (j < formula.length) {
        if (formula[j] === "'" && formula[j + 1] === "'") {
          name += "'";
          j += 2;
        } else if (formula[j] === "'") break;
        else name += formula[j++];
      }
      if (formula[j + 1] === "!" && rename.has(name)) {
        out += quoteSheet(rename.get(name)!) + "!";
        i = j + 2;
      } else {
        out += formula.slice(i, j + 1);
        i = j + 1;
      }
      continue;
    }
    const m = /^[A-Za-z_\u0080-\uFFFF][A-Za-z0-9_.\u0080-\uFFFF]*!/.exec(formula.slice(i));
    if (m && (i === 0 || !/[A-Za-z0-9_.$]/.test(formula[i - 1]))) {
      const name = m[0].slice(0, -1);
      out += rename.has(name) ? quoteSheet(rename.get(name)!) + "!" : m[0];
      i += m[0].length;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

/** The change set that adds `sheets` to `existing` without touching any existing sheet. */
export function planInsertion(existing: Workbook, sheets: Sheet[]): InsertionPlan {
  const taken = existing.sheets.map((s) => s.name);
  const rename = new Map<string, string>();
  const renamed: { wanted: string; actual: string }[] = [];
  for (const s of sheets) {
    const actual = uniqueSheetName(taken, s.name);
    taken.push(actual);
    if (actual !== s.name) {
      rename.set(s.name, actual);
      renamed.push({ wanted: s.name, actual });
    }
  }
  const changes = emptyChangeSet();
  for (const s of sheets) {
    const copy = cloneSheet(s, rename.get(s.name) ?? s.name);
    if (copy.print) copy.print = { ...copy.print, repeatRows: copy.print.repeatRows ? { ...copy.print.repeatRows } : undefined };
    if (rename.size)
      for (const row of copy.rows) for (const cell of row ?? []) if (cell?.formula) cell.formula = renameSheetRefs(cell.formula, rename);
    changes.newSheets.push(copy);
  }
  return { changes, renamed };
}
