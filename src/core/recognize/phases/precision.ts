/**
 * Phase 4 — amounts and precision: numbers under General take the precision the table
 * prints its figures with; columns with figures but no recognised header are reported.
 */
import { getCell, type Sheet } from "../../model";
import { cleanText } from "../../text";
import { isNumericCell, maxDecimals } from "../cells";
import { cellText } from "../columns";
import type { Region } from "../regions";
import type { RecognizedTable } from "../types";
import type { HeaderFacts } from "./header";
import type { BodyFacts } from "./rows";

export function applyPrecision(sheet: Sheet, reg: Region, hdr: HeaderFacts, body: BodyFacts, issues: RecognizedTable["issues"]): number {
  const spec = reg.spec;
  const twoSided = !!spec.sides;
  const { hasHeader, c1, c2, columns, headerStart, headerEnd } = hdr;
  const { rows, allAmounts } = body;

  // Precision: General numbers take the table's printed precision.
  const precision = maxDecimals(allAmounts.filter((x) => x.explicit).map((x) => x.a)) || maxDecimals(allAmounts.map((x) => x.a));
  for (const { a, explicit } of allAmounts) if (!explicit && a.value !== null) a.decimals = Math.max(a.decimals, precision);

  // Columns with figures but no recognised header.
  if (!twoSided && hasHeader && rows.length && spec.layout !== "form") {
    let dataC2 = c2;
    for (const x of rows) dataC2 = Math.max(dataC2, (sheet.rows[x.r]?.length ?? 0) - 1);
    for (let c = c1; c <= dataC2; c++) {
      if (columns.some((x) => x.c === c) || hdr.yearColumns.some((y) => y.c === c)) continue;
      const nums = rows.filter((x) => typeof getCell(sheet, x.r, c)?.value === "number" || isNumericCell(getCell(sheet, x.r, c) ?? { value: null }));
      if (nums.length === 0) continue;
      const head = cellText(sheet, headerEnd, c) || cellText(sheet, headerStart, c);
      issues.push({
        r: hasHeader ? headerStart : reg.titleCell.r,
        c,
        kind: "unmapped-column",
        message: head ? `列“${cleanText(head)}”不是本表的标准列，其中的数字未参与核对` : `第 ${c + 1} 列有数字但没有表头，未参与核对`,
        ...(head ? { data: { header: cleanText(head) } } : {}),
      });
    }
  }
  return precision;
}
