/**
 * Phase 5 — notes: whether the table is empty, and for forms (绩效目标表) the note
 * anywhere in the region (the region is the table).
 */
import type { Sheet } from "../../model";
import { isNoteRow, rowCells } from "../cells";
import { regionHasNumbers, type Region } from "../regions";
import type { HeaderFacts } from "./header";
import type { BodyFacts } from "./rows";

export function readNotes(sheet: Sheet, reg: Region, hdr: HeaderFacts, body: BodyFacts): { empty: boolean } {
  const spec = reg.spec;
  const { headerEnd } = hdr;
  const { rows } = body;
  let { lastRow, note } = body;
  const empty = !rows.some((x) => Object.values(x.amounts).some((a) => a.value !== null && a.value !== 0)) && !(spec.layout === "form" && regionHasNumbers(sheet, reg));
  if (spec.layout === "form") {
    // Forms: find a note anywhere in the region; the region is the table.
    for (let r = headerEnd + 1; r <= reg.end; r++) {
      const cells = rowCells(sheet, r);
      if (cells.length === 0) continue;
      lastRow = r;
      const nt = isNoteRow(cells);
      if (nt && !note) note = { text: nt, r, c: cells[0].c };
    }
  }
  body.lastRow = lastRow;
  body.note = note;
  return { empty };
}
