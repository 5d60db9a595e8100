/**
 * Test helper: the code–name pairs printed in a workbook's tables, found from the
 * 科目编码 headers (whole codes, or codes split over 类/款/项 columns). Columns headed
 * 单位代码 / 单位编码 are skipped: 达州 prints 302002 (or 302) there, which is no 科目编码.
 */
import type { Sheet } from "../../src/core/model";
import { labelKey, parseAmount } from "../../src/core/text";
import { normalizeCode } from "../../src/core/catalog";

export interface SeedPair {
  sheet: string;
  /** 1-based Excel row. */
  row: number;
  code: string;
  name: string;
  /** The first amount printed right of the name (合计), if any. */
  amount: number | null;
}

function key(sheet: Sheet, r: number, c: number): string {
  const v = sheet.rows[r]?.[c]?.value;
  return typeof v === "string" ? labelKey(v) : v === null || v === undefined ? "" : String(v);
}

const isUnitCode = (k: string) => /单位(代码|编码)|部门.*(代码|编码)|项目编码/.test(k);

export function seedPairs(sheet: Sheet): SeedPair[] {
  const pairs: SeedPair[] = [];
  const headerRows: { r: number; codeCols: number[]; nameCol: number; dataFrom: number }[] = [];
  for (let r = 0; r < sheet.rows.length; r++) {
    const row = sheet.rows[r];
    if (!row) continue;
    for (let c = 0; c < row.length; c++) {
      if (!key(sheet, r, c).endsWith("科目编码")) continue;
      let codeCols = [c];
      let dataFrom = r + 1;
      if (key(sheet, r + 1, c) === "类") {
        codeCols = [];
        for (let cc = c; ["类", "款", "项"][cc - c] !== undefined && key(sheet, r + 1, cc) === ["类", "款", "项"][cc - c]; cc++) codeCols.push(cc);
        dataFrom = r + 2;
      }
      let nameCol = -1;
      for (let cc = codeCols[codeCols.length - 1] + 1; cc < codeCols[codeCols.length - 1] + 4; cc++) {
        const h = key(sheet, r, cc) + "|" + key(sheet, r + 1, cc);
        if (isUnitCode(h)) continue;
        if (/名称|科目/.test(h)) {
          nameCol = cc;
          break;
        }
      }
      if (nameCol >= 0) headerRows.push({ r, codeCols, nameCol, dataFrom });
    }
  }
  for (const h of headerRows) {
    const nextHeader = headerRows.find((o) => o.r > h.r && o.codeCols[0] === h.codeCols[0])?.r ?? sheet.rows.length;
    for (let r = h.dataFrom; r < nextHeader; r++) {
      const row = sheet.rows[r];
      if (!row) continue;
      const parts = h.codeCols.map((c) => {
        const v = row[c]?.value;
        return typeof v === "string" || typeof v === "number" ? v : null;
      });
      const code = h.codeCols.length > 1 ? normalizeCode(parts) : normalizeCode(parts[0]);
      const nameV = row[h.nameCol]?.value;
      const name = typeof nameV === "string" ? nameV : "";
      if (!code || name.trim() === "") continue;
      let amount: number | null = null;
      for (let c = h.nameCol + 1; c < row.length && amount === null; c++) amount = parseAmount(row[c]?.value);
      pairs.push({ sheet: sheet.name, row: r + 1, code, name, amount });
    }
  }
  return pairs;
}
