/** Small readers over recognised tables, shared by the checks and the task pane. */
import { toA1 } from "../a1";
import { tr, type Localized } from "../checks/messages";
import type { RecognizedColumn, RecognizedRow, RecognizedTable } from "./types";

/** Amount columns of a table (of one side, for two-sided tables). */
export function amountColumns(table: RecognizedTable, side?: "income" | "expense"): RecognizedColumn[] {
  return table.columns.filter((c) => c.spec.role === "amount" && (side === undefined || c.side === side));
}

/** How a row is named in messages: "社会保障和就业支出（208）", "合计行", "第 7 行". */
export function rowName(row: RecognizedRow): string {
  const label = row.label.replace(/\s+/g, "");
  if (row.kind === "total" || row.kind === "grand-total") return label ? `${label}行` : "合计行";
  if (label && row.code) return `${label}（${row.code}）`;
  if (label) return label;
  if (row.code) return row.code;
  return `第 ${row.r + 1} 行`;
}

/** rowName in both languages: "合计行" / "row “合计”", "社会保障和就业支出（208）" / "社会保障和就业支出 (208)", "第 7 行" / "row 7". */
export function rowNameText(row: RecognizedRow): Localized {
  const label = row.label.replace(/\s+/g, "");
  const en =
    row.kind === "total" || row.kind === "grand-total"
      ? label
        ? `row “${label}”`
        : "the total row"
      : label && row.code
        ? `${label} (${row.code})`
        : label || row.code || `row ${row.r + 1}`;
  return tr(rowName(row), en);
}

/** A row and a column as a figure's name: "合计行“基本支出”" / "row “合计”, column “基本支出”". */
export function cellNameText(row: RecognizedRow, col: RecognizedColumn): Localized {
  return tr(`${rowName(row)}${columnLabel(col)}`, `${rowNameText(row)["en-US"]}, column “${columnName(col)}”`);
}

/** The table's name in messages: its title as printed, else the spec title. */
export function tableName(table: RecognizedTable): string {
  return table.title ? table.title.replace(/\s+/g, "") : table.spec.title;
}

export function cellAt(row: RecognizedRow, c: number): string {
  return toA1(row.r, c);
}

/** A column's short name in messages: "合计", "基本支出" (for its 小计), "人员经费". */
export function columnName(col: RecognizedColumn): string {
  const s = col.spec;
  if (s.header === "小计" && s.group?.length) return s.group[s.group.length - 1];
  return s.header;
}

/** A column as a message names it after a row: 合计 bare, others quoted (“基本支出”). */
export function columnLabel(col: RecognizedColumn): string {
  const n = columnName(col);
  return n === "合计" ? "合计" : `“${n}”`;
}
