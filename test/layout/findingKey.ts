/**
 * Findings compared by what they say, never by where they are: rule, severity, table,
 * the row (by code or label, with its side), the column role, and the stated and expected
 * figures (in 万元 when the layout moved the tables to 元).
 */
import { parseA1 } from "../../src/core/a1";
import type { Finding } from "../../src/core/checks/types";
import { stripNumbering } from "../../src/core/recognize";
import type { WorkbookFacts } from "../../src/core/recognize/types";
import { labelKey } from "../../src/core/text";

export function findingKey(f: Finding, facts: WorkbookFacts, amountFactor = 1): string {
  let where = "";
  let inTable = false;
  let pos: { r: number; c: number } | undefined;
  try {
    pos = parseA1(f.cell);
  } catch {
    pos = undefined;
  }
  if (pos) {
    for (const t of facts.tables) {
      if (t.sheet !== f.sheet) continue;
      const hit = t.rows.filter((x) => x.r === pos!.r);
      if (hit.length) {
        const col = t.columns.find((c) => c.c === pos!.c);
        const row = hit.find((x) => !col?.side || x.side === col.side) ?? hit[0];
        where = `${t.spec.id}|${row.side ?? ""}|${row.code ?? stripNumbering(row.label)}|${col?.key ?? "?"}`;
        inTable = true;
        break;
      }
      if (t.titleCell.r === pos.r && t.titleCell.c === pos.c) {
        // Title and unit cells: where a table-level finding sits depends on the layout (title row, unit line, sheet name).
        where = "";
        inTable = true;
        break;
      }
    }
  }
  const num = (v: unknown) => {
    if (typeof v !== "number") return v === undefined ? "" : labelKey(String(v));
    // Figures of the tables (also where a text finding quotes them) are in 元 when the layout moved the tables to 元.
    const x = (inTable || f.table) && amountFactor !== 1 ? v / amountFactor : v;
    return (Math.round(x * 100) / 100).toFixed(2);
  };
  return [f.ruleId, f.severity, f.table ?? "", where, num(f.actual), num(f.expected)].join(" · ");
}
