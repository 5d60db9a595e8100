/**
 * Lay a parsed disclosure out as workbooks, the ways real offices keep them:
 *
 * - "printed": one sheet per table as printed (title, 编制部门 line left and 单位：元
 *   right, multi-row header with merged cells, codes split over 类/款/项, blank rows
 *   where the printed table has them, notes), the text on 情况说明, one paragraph a row;
 * - "office": sheets 表1…表9, codes joined into one 科目编码 column, the unit line in
 *   one cell, the 合计 label in the name column, the text opening with its 目录;
 * - "stacked": all nine tables on one sheet, one under the other; the text in one cell.
 *
 * Amounts are numbers in the #,##0.00 format; codes and all other text are text.
 */
import { newSheet, setCell, uniqueSheetName, type Cell, type Sheet, type Workbook } from "../../src/core/model";
import type { ParsedDoc, ParsedTable } from "./parseDoc";

export type LayoutName = "printed" | "office" | "stacked";
export const LAYOUTS: LayoutName[] = ["printed", "office", "stacked"];

const HEADER_STYLE = { bold: true, fill: "#DDEBF7", horizontal: "center" as const, border: true, wrap: true };
const AMOUNT = /^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

interface RenderOptions {
  joinCodes: boolean;
  unitInOneCell: boolean;
  blankRows: boolean;
  /** 合计 / 无 rows of code tables: the label merged over the 项目 columns (as printed) or in the name column. */
  mergeTotalLabel: boolean;
}

/** An amount as printed: "#,##0.00" for 2 decimals; a figure printed without decimals ("22,118,861") keeps that precision. */
function amountCell(text: string): Cell {
  const decimals = /\.(\d+)$/.exec(text)?.[1].length ?? 0;
  const numFmt = decimals === 0 ? "#,##0" : `#,##0.${"0".repeat(decimals)}`;
  return { value: Number(text.replace(/,/g, "")), numFmt, style: { horizontal: "right", border: true } };
}

/** Render one table at row r0; returns the first row after it. */
function renderTable(sheet: Sheet, t: ParsedTable, r0: number, o: RenderOptions): number {
  const leaves = t.template.leaves;
  const codeCols = leaves.map((l, c) => (l.role.startsWith("code") ? c : -1)).filter((c) => c >= 0);
  const join = o.joinCodes && codeCols.length > 0;
  // Output column of each leaf: joined codes collapse 类/款/项 into the first code column.
  const outCol = leaves.map((_, c) => (join ? (codeCols.includes(c) ? codeCols[0] : c - (c > codeCols[codeCols.length - 1] ? codeCols.length - 1 : 0)) : c));
  const width = Math.max(...outCol) + 1;
  setCell(sheet, r0, 0, { value: t.title, style: { bold: true, fontSize: 16, horizontal: "center" } });
  sheet.merges.push({ r1: r0, c1: 0, r2: r0, c2: width - 1 });
  if (o.unitInOneCell) {
    setCell(sheet, r0 + 1, 0, { value: `${t.unitLeft}　　　　${t.unitRight}` });
    sheet.merges.push({ r1: r0 + 1, c1: 0, r2: r0 + 1, c2: width - 1 });
  } else {
    setCell(sheet, r0 + 1, 0, { value: t.unitLeft });
    setCell(sheet, r0 + 1, width - 1, { value: t.unitRight, style: { horizontal: "right" } });
  }
  const h0 = r0 + 2;
  let headerRows = t.template.headerRows;
  const lastCodeRow = join ? Math.max(...t.template.header.filter((h) => /^[类款项]$/.test(h.text)).map((h) => h.r)) : -1;
  if (join && lastCodeRow === headerRows - 1) headerRows--; // the 类/款/项 row goes
  for (const h of t.template.header) {
    if (join && /^[类款项]$/.test(h.text)) continue;
    const map = (c: number) => outCol[c];
    let r2 = h.r2 ?? h.r;
    let c1 = map(h.c);
    let c2 = map(h.c2 ?? h.c);
    if (join && h.r === lastCodeRow - 1 && codeCols.includes(h.c)) r2 = h.r; // 功能分类科目编码 now a leaf
    r2 = Math.min(r2, headerRows - 1);
    if (join && codeCols.includes(h.c) && codeCols.includes(h.c2 ?? h.c)) c2 = c1;
    setCell(sheet, h0 + h.r, c1, { value: h.text, style: HEADER_STYLE });
    for (let r = h0 + h.r; r <= h0 + r2; r++) for (let c = c1; c <= c2; c++) if (r !== h0 + h.r || c !== c1) setCell(sheet, r, c, { value: null, style: HEADER_STYLE });
    if (r2 > h.r || c2 > c1) sheet.merges.push({ r1: h0 + h.r, c1, r2: h0 + r2, c2 });
  }
  let r = h0 + headerRows;
  sheet.frozenRows = sheet.frozenRows ?? r;
  const labelCol = leaves.findIndex((l) => l.role === "label");
  for (const row of t.rows) {
    if (o.blankRows) r += row.blankBefore;
    const codes = codeCols.map((c) => row.cells[c]).filter((x): x is string => !!x && /^\d+$/.test(x));
    const isTotalLike = codeCols.length > 0 && codes.length === 0;
    if (join && codes.length) setCell(sheet, r, outCol[codeCols[0]], { value: codes.join(""), style: { border: true } });
    row.cells.forEach((text, c) => {
      if (!text) return;
      if (join && codeCols.includes(c) && /^\d+$/.test(text)) return;
      const oc = outCol[c];
      if (leaves[c].role === "amount" && AMOUNT.test(text)) setCell(sheet, r, oc, amountCell(text));
      else setCell(sheet, r, oc, { value: text, style: { border: true, horizontal: /^合\s*计$/.test(text) ? "center" : undefined } });
    });
    if (isTotalLike && labelCol >= 0) {
      // 合计 (or 无) under the 项目 columns: printed across them.
      const text = row.cells.find((x, c) => !!x && leaves[c].role !== "amount");
      for (let c = 0; c <= labelCol; c++) setCell(sheet, r, outCol[c], undefined);
      if (text) {
        if (o.mergeTotalLabel) {
          setCell(sheet, r, 0, { value: text, style: { border: true, horizontal: "center" } });
          if (outCol[labelCol] > 0) sheet.merges.push({ r1: r, c1: 0, r2: r, c2: outCol[labelCol] });
        } else setCell(sheet, r, outCol[labelCol], { value: text, style: { border: true, horizontal: "center" } });
      }
    }
    r++;
  }
  for (const note of t.notes) setCell(sheet, r++, 0, { value: note });
  const widths = leaves.map((l) => (l.role === "label" ? 34 : l.role === "amount" ? 16 : 6));
  sheet.colWidths = sheet.colWidths ?? [];
  leaves.forEach((_, c) => {
    const oc = outCol[c];
    const w = join && codeCols.includes(c) ? 12 : widths[c];
    sheet.colWidths![oc] = Math.max(sheet.colWidths![oc] ?? 0, w);
  });
  return r;
}

function sheetNameFor(t: ParsedTable): string {
  return t.title.replace(/^\d{4}年/, "").replace(/\s+/g, "").slice(0, 31);
}

function narrativeRows(doc: ParsedDoc, withFront: boolean): string[] {
  return doc.paragraphs.filter((p) => withFront || !p.front).map((p) => p.text.trim()).filter((t) => t !== "");
}

export function layoutWorkbook(doc: ParsedDoc, layout: LayoutName): Workbook {
  const wb: Workbook = { sheets: [] };
  const taken: string[] = [];
  const add = (name: string) => {
    const s = newSheet(uniqueSheetName(taken, name));
    taken.push(s.name);
    wb.sheets.push(s);
    return s;
  };
  if (layout === "printed" || layout === "office") {
    doc.tables.forEach((t, i) => {
      const s = add(layout === "printed" ? sheetNameFor(t) : `表${i + 1}`);
      renderTable(s, t, 0, { joinCodes: layout === "office", unitInOneCell: layout === "office", blankRows: layout === "printed", mergeTotalLabel: layout === "printed" });
    });
    const n = add("情况说明");
    narrativeRows(doc, layout === "office").forEach((text, r) => setCell(n, r, 0, { value: text, style: { wrap: true } }));
    n.colWidths = [120];
  } else {
    const s = add("预算表");
    let r = 0;
    for (const t of doc.tables) {
      const saved = s.frozenRows;
      r = renderTable(s, t, r, { joinCodes: false, unitInOneCell: false, blankRows: false, mergeTotalLabel: true }) + 2;
      s.frozenRows = saved ?? undefined;
    }
    s.frozenRows = undefined;
    const n = add("情况说明");
    setCell(n, 0, 0, { value: narrativeRows(doc, false).join("\n"), style: { wrap: true } });
    n.colWidths = [120];
  }
  return wb;
}
