/**
 * Shift row references in formulas when whole rows are inserted or deleted, the way
 * Excel does: references to rows at or below the insertion point move down; a range
 * that spans the point grows. Text inside string literals is left alone.
 */

const REF = /((?:'(?:[^']|'')+'|[A-Za-z0-9_.\u4e00-\u9fff“”"（）()]+)!)?(\$?)([A-Z]{1,3})(\$?)(\d+)(?::(\$?)([A-Z]{1,3})(\$?)(\d+))?/g;

function unquote(sheet: string): string {
  const s = sheet.slice(0, -1); // drop "!"
  return s.startsWith("'") ? s.slice(1, -1).replace(/''/g, "'") : s;
}

/**
 * @param formula   formula text with "="
 * @param hostSheet the sheet the formula lives on
 * @param target    the sheet whose rows move
 * @param at        0-based first row inserted (or deleted)
 * @param delta     rows inserted (> 0) or deleted (< 0)
 */
export function shiftFormulaRows(formula: string, hostSheet: string, target: string, at: number, delta: number): string {
  if (delta === 0) return formula;
  const parts = formula.split(/("(?:[^"]|"")*")/); // keep string literals intact
  return parts
    .map((part, i) => {
      if (i % 2 === 1) return part;
      return part.replace(REF, (m, sheet: string | undefined, d1: string, c1: string, d2: string, r1: string, d3?: string, c2?: string, d4?: string, r2?: string) => {
        const refSheet = sheet ? unquote(sheet) : hostSheet;
        if (refSheet !== target) return m;
        const move = (row1: number, isEnd: boolean): number => {
          const row0 = row1 - 1;
          if (delta > 0) return row0 >= at ? row1 + delta : row1;
          // deletion of rows [at, at - delta)
          const end = at - delta;
          if (row0 >= end) return row1 + delta;
          if (row0 >= at) return isEnd ? at : at + 1; // collapses onto the edge
          return row1;
        };
        const a = move(Number(r1), false);
        if (r2 === undefined) return `${sheet ?? ""}${d1}${c1}${d2}${a}`;
        const b = move(Number(r2), true);
        return `${sheet ?? ""}${d1}${c1}${d2}${a}:${d3}${c2}${d4}${b}`;
      });
    })
    .join("");
}
