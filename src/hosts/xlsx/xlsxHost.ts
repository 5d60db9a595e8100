/**
 * The .xlsx host: reads a file into the workbook model and writes the model
 * back. Reading goes through the package reader (./read, no exceljs workbook); writing
 * still through exceljs. Used by the CLI and the tests.
 */
import type ExcelJS from "exceljs";

/** exceljs, loaded when first needed: reading and checking never load it (it costs ~0.5 s of start-up). */
function excel(): typeof ExcelJS {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require("exceljs") as typeof ExcelJS;
}
import { promises as fs } from "fs";
import { parseRangeA1 } from "../../core/a1";
import { newSheet, setCell, type Cell, type CellValue, type Sheet, type Workbook, type CellStyle } from "../../core/model";
import { HostError } from "../host";
import { MemoryHost } from "../memory/memoryHost";
import { readInputBuffer, readInputFile } from "./readInput";

function convertValue(v: ExcelJS.CellValue): { value: CellValue; formula?: string } {
  if (v === null || v === undefined) return { value: null };
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return { value: v };
  if (v instanceof Date) {
    // Excel serial date: days since 1899-12-30.
    return { value: v.getTime() / 86400000 + 25569 };
  }
  const o = v as unknown as Record<string, unknown>;
  if (typeof o.error === "string") return { value: { error: o.error } };
  if ("formula" in o || "sharedFormula" in o) {
    const result = o.result as ExcelJS.CellValue | undefined;
    const r = result === undefined ? { value: null as CellValue } : convertValue(result);
    return { value: r.value };
  }
  if (Array.isArray(o.richText)) return { value: (o.richText as { text: string }[]).map((t) => t.text).join("") };
  if (typeof o.text === "string") return { value: o.text }; // hyperlink
  return { value: String(v) };
}

function readStyle(cell: ExcelJS.Cell): CellStyle | undefined {
  const st: CellStyle = {};
  if (cell.font?.bold) st.bold = true;
  if (cell.font?.size && cell.font.size !== 11) st.fontSize = cell.font.size;
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  if (fill && fill.type === "pattern" && fill.pattern === "solid" && fill.fgColor?.argb) st.fill = "#" + fill.fgColor.argb.slice(-6);
  const h = cell.alignment?.horizontal;
  if (h === "left" || h === "center" || h === "right") st.horizontal = h;
  if (cell.alignment?.wrapText) st.wrap = true;
  if (cell.alignment?.indent) st.indent = cell.alignment.indent;
  if (cell.border?.top || cell.border?.left) st.border = true;
  return Object.keys(st).length ? st : undefined;
}

export function fromExcelJs(ewb: ExcelJS.Workbook): Workbook {
  const wb: Workbook = { sheets: [] };
  ewb.eachSheet((ws) => {
    const sheet = newSheet(ws.name);
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        if (cell.isMerged && cell.master !== cell) return; // slaves of a merge hold no value
        const formula = cell.formula ? `=${cell.formula}` : undefined;
        // exceljs drops a formula result of 0 from cell.value; cell.result keeps it
        const { value } = formula ? convertValue((cell.result as ExcelJS.CellValue | undefined) ?? null) : convertValue(cell.value);
        const out: Cell = { value };
        if (formula) out.formula = formula;
        if (cell.numFmt && cell.numFmt !== "General") out.numFmt = cell.numFmt;
        const style = readStyle(cell);
        if (style) out.style = style;
        if (value === null && !formula && !out.numFmt && !style) return;
        setCell(sheet, rowNumber - 1, colNumber - 1, out);
      });
    });
    const merges = ((ws.model as unknown as { merges?: string[] }).merges ?? []) as string[];
    sheet.merges = merges.map((m) => parseRangeA1(m));
    const widths: (number | undefined)[] = [];
    (ws.columns ?? []).forEach((col, i) => {
      if (col && col.width) widths[i] = col.width;
    });
    if (widths.length) sheet.colWidths = widths;
    const view = ws.views?.[0] as { state?: string; ySplit?: number } | undefined;
    if (view?.state === "frozen" && view.ySplit) sheet.frozenRows = view.ySplit;
    const prot = (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection;
    if (prot?.sheet) sheet.protected = true;
    const print = readPrint(ws);
    if (print) sheet.print = print;
    wb.sheets.push(sheet);
  });
  return wb;
}

function writeStyle(cell: ExcelJS.Cell, st: CellStyle): void {
  if (st.bold || st.fontSize) cell.font = { name: "宋体", bold: !!st.bold, size: st.fontSize ?? 11 };
  if (st.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF" + st.fill.replace("#", "").toUpperCase() } };
  if (st.horizontal || st.wrap || st.indent)
    cell.alignment = { horizontal: st.horizontal, vertical: "middle", wrapText: !!st.wrap, indent: st.indent };
  if (st.border) {
    const thin = { style: "thin" as const, color: { argb: "FF808080" } };
    cell.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
}

export function writeSheetTo(ws: ExcelJS.Worksheet, sheet: Sheet): void {
  sheet.rows.forEach((row, r) => {
    if (!row) return;
    row.forEach((c, col) => {
      if (!c) return;
      const cell = ws.getCell(r + 1, col + 1);
      if (c.formula) {
        const result = c.value === null || typeof c.value === "object" ? undefined : c.value;
        cell.value = { formula: c.formula.replace(/^=/, ""), result } as ExcelJS.CellFormulaValue;
      } else if (c.value !== null && typeof c.value === "object") {
        cell.value = { error: c.value.error } as ExcelJS.CellErrorValue;
      } else {
        cell.value = c.value;
      }
      if (c.numFmt) cell.numFmt = c.numFmt;
      if (c.style) writeStyle(cell, c.style);
    });
  });
  for (const m of sheet.merges) ws.mergeCells(m.r1 + 1, m.c1 + 1, m.r2 + 1, m.c2 + 1);
  sheet.colWidths?.forEach((w, i) => {
    if (w) ws.getColumn(i + 1).width = w;
  });
  if (sheet.frozenRows) ws.views = [{ state: "frozen", ySplit: sheet.frozenRows, xSplit: 0 }];
  if (sheet.protected) (ws as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection = { sheet: true };
  if (sheet.print) writePrint(ws, sheet.print);
}

/** Print setup: orientation, fit to one page wide (any number of pages tall), repeated header rows. */
function writePrint(ws: ExcelJS.Worksheet, print: NonNullable<Sheet["print"]>): void {
  ws.pageSetup.paperSize = 9; // A4
  ws.pageSetup.orientation = print.landscape ? "landscape" : "portrait";
  if (print.fitToWidth) {
    ws.pageSetup.fitToPage = true;
    ws.pageSetup.fitToWidth = 1;
    ws.pageSetup.fitToHeight = 0;
  }
  if (print.repeatRows) ws.pageSetup.printTitlesRow = `${print.repeatRows.first + 1}:${print.repeatRows.last + 1}`;
}

function readPrint(ws: ExcelJS.Worksheet): Sheet["print"] {
  const ps = ws.pageSetup;
  const out: NonNullable<Sheet["print"]> = {};
  if (ps?.orientation === "landscape") out.landscape = true;
  if (ps?.fitToPage && ps.fitToWidth === 1) out.fitToWidth = true;
  const m = /^\$?(\d+):\$?(\d+)$/.exec(ps?.printTitlesRow ?? "");
  if (m) out.repeatRows = { first: Number(m[1]) - 1, last: Number(m[2]) - 1 };
  return Object.keys(out).length ? out : undefined;
}

export function toExcelJs(wb: Workbook): ExcelJS.Workbook {
  const ewb = new (excel().Workbook)();
  ewb.creator = "budget-tables";
  for (const sheet of wb.sheets) {
    const ws = ewb.addWorksheet(sheet.name);
    writeSheetTo(ws, sheet);
  }
  return ewb;
}

/**
 * Read .xlsx bytes into the model with the fast package reader (./read); anything else gets
 * a Chinese message saying what the file is and what to do (./readInput).
 */
export async function readXlsxBuffer(buf: Buffer | ArrayBuffer | Uint8Array, label = "该文件"): Promise<Workbook> {
  const bytes = buf instanceof Uint8Array ? buf : new Uint8Array(buf);
  return (await readInputBuffer(bytes, label)).wb;
}

/** Read an .xlsx file into the model (the file is stat'ed first: a FIFO or a device is never opened). */
export async function readXlsxFile(path: string): Promise<Workbook> {
  return (await readInputFile(path)).wb;
}

/** The former read path, through exceljs's whole workbook: kept for the equivalence tests and the benchmark. */
export async function readXlsxBufferViaExcelJs(buf: Buffer | ArrayBuffer): Promise<Workbook> {
  const ewb = new (excel().Workbook)();
  try {
    await ewb.xlsx.load(buf as ArrayBuffer);
  } catch {
    throw new HostError("无法读取该文件：已损坏或不是 .xlsx 工作簿。", "unreadable");
  }
  return fromExcelJs(ewb);
}

export async function writeXlsxBuffer(wb: Workbook): Promise<Buffer> {
  const ab = await toExcelJs(wb).xlsx.writeBuffer();
  return Buffer.from(ab as ArrayBuffer);
}

export async function writeXlsxFile(wb: Workbook, path: string): Promise<void> {
  await fs.writeFile(path, await writeXlsxBuffer(wb));
}

/** A WorkbookHost over an .xlsx file: read once, changed in memory, saved on demand. */
export class XlsxHost extends MemoryHost {
  override readonly kind = "xlsx" as const;

  static async open(path: string): Promise<XlsxHost> {
    return new XlsxHost(await readXlsxFile(path));
  }

  async save(path: string): Promise<void> {
    await writeXlsxFile(this.wb, path);
  }
}
