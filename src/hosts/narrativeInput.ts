/**
 * One input read into the workbook model (what the CLI's readAnyInput returns, and what the
 * task pane builds from the open workbook and a file the user picks), and the text of one
 * input put together with the tables of another (`check 表.xlsx --narrative 说明.docx`).
 * No Node module here: the task pane bundles it.
 */
import { uniqueSheetName, type Sheet, type Workbook } from "../core/model";
import { recognizeWorkbook } from "../core/recognize";
import type { Finding } from "../core/checks/types";
import type { XlsxReadInfo } from "./xlsx/read";

export type InputKind = "xlsx" | "pdf" | "docx";

export interface InputRead {
  file: string;
  kind: InputKind;
  workbook: Workbook;
  /** Findings about the reading itself (scanned pages, tables left unread). */
  readFindings: Finding[];
  /** Sheets holding the document's running text (PDF and Word: the 情况说明 sheet). */
  narrativeSheets: string[];
  /** Where a finding is in the original: "A5" for a workbook, "第 3 页第 12 行", "第 12 段". */
  locate(f: Pick<Finding, "sheet" | "cell">): string | undefined;
  /** A workbook's read: which formulas have no cached result. */
  xlsxInfo?: XlsxReadInfo;
  /** A sentence for the user about how the file was read (converted with LibreOffice …). */
  note?: string;
}

/**
 * The tables of `tables` with the running text of `narrative`: the text sheets of the
 * tables' file (its 情况说明; in a workbook, the sheets with text and no table) are replaced by the other file's text,
 * so that each figure of the text is checked against the tables of the other file.
 */
export function withNarrative(tables: InputRead, narrative: InputRead): InputRead {
  // A workbook's own text sheets: those with paragraphs and no table.
  let own = tables.narrativeSheets;
  if (tables.kind === "xlsx") {
    const facts = recognizeWorkbook(tables.workbook);
    const withTables = new Set(facts.tables.map((t) => t.sheet));
    own = [...new Set(facts.paragraphs.map((p) => p.sheet))].filter((s) => !withTables.has(s));
  }
  const dropped = new Set(own);
  const sheets: Sheet[] = tables.workbook.sheets.filter((s) => !dropped.has(s.name));
  const textSheets = narrative.narrativeSheets.length
    ? narrative.workbook.sheets.filter((s) => narrative.narrativeSheets.includes(s.name))
    : narrative.workbook.sheets.filter((s) => s.rows.some((row) => row?.some((c) => typeof c?.value === "string" && c.value.length >= 20)));
  const renamed = new Map<string, string>();
  for (const s of textSheets) {
    const name = uniqueSheetName(
      sheets.map((x) => x.name),
      s.name,
    );
    renamed.set(name, s.name);
    sheets.push({ ...s, name });
  }
  const nname = narrative.file.split(/[\\/]/).pop();
  return {
    file: tables.file,
    kind: tables.kind,
    workbook: { sheets },
    readFindings: [...tables.readFindings, ...narrative.readFindings],
    narrativeSheets: [...renamed.keys()],
    locate: (f) => {
      const orig = renamed.get(f.sheet);
      if (orig === undefined) return tables.locate(f);
      const where = narrative.locate({ sheet: orig, cell: f.cell });
      return `${nname} ${where ?? f.cell}`;
    },
  };
}
