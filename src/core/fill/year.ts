/** The budget year a workbook is for, read from its titles and unit lines ("2024年部门收支总表"). */
import { cells, type Workbook } from "../model";
import { toHalfWidth } from "../text";

export function guessYear(wb: Workbook): number | null {
  const votes = new Map<number, number>();
  for (const sheet of wb.sheets) {
    let seen = 0;
    for (const { r, cell } of cells(sheet)) {
      if (r > 3) break; // titles and unit lines only
      if (typeof cell.value !== "string") continue;
      const m = /(20\d{2})\s*年/.exec(toHalfWidth(cell.value));
      if (m) {
        const y = Number(m[1]);
        votes.set(y, (votes.get(y) ?? 0) + 1);
        if (++seen > 2) break;
      }
    }
  }
  let best: number | null = null;
  for (const [y, n] of votes) if (best === null || n > votes.get(best)! || (n === votes.get(best)! && y > best)) best = y;
  return best;
}
