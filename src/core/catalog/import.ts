/**
 * Import an official catalog spreadsheet (as 财政部 distributes 《政府收支分类科目》):
 * columns of 科目编码 (one column, or split over 类/款/项) and 科目名称. Either the
 * whole edition is returned as an overlay, or every problem found — never half of it.
 */
import { isCellError, type CellValue, type Sheet } from "../model";
import { labelKey, toHalfWidth } from "../text";
import { inferKind, levelOfCode, parentOfCode } from "./code";
import { KIND_NAMES, type CatalogKind, type CatalogLevel, type CatalogOverlay } from "./types";

export type ImportProblemType =
  | "no-header"
  | "empty"
  | "non-numeric"
  | "bad-code"
  | "missing-code"
  | "wrong-kind"
  | "duplicate"
  | "empty-name"
  | "orphan-kuan"
  | "orphan-xiang";

export interface ImportProblem {
  type: ImportProblemType;
  /** 1-based row number as Excel shows it (0 for problems of the whole sheet). */
  row: number;
  code?: string;
  /** Chinese. */
  message: string;
}

export type ImportResult = { ok: true; overlay: CatalogOverlay; rows: number } | { ok: false; problems: ImportProblem[] };

export interface ImportOptions {
  kind: CatalogKind;
  year: number;
  /** Recorded in the overlay, e.g. the file name. */
  source?: string;
}

const HEADER_SCAN_ROWS = 40;
const CODE_HEADER = /^(科目)?(编码|代码)$|^科目(编码|代码)|^(功能|经济|收入)?(分类)?科目(编码|代码)$/;
const NAME_HEADER = /^(科目)?名称$|科目名称/;
/** Separators between a parent's name and the name ("人大事务—行政运行", "人大事务/行政运行"). */
const PREFIX_SEPARATOR = /^[\s\u3000\-‐‑–—_/／|｜>＞→:：·]+/;

function text(v: CellValue | undefined): string {
  if (v === null || v === undefined || isCellError(v)) return "";
  return typeof v === "string" ? v : String(v);
}

function cellText(sheet: Sheet, r: number, c: number): string {
  return text(sheet.rows[r]?.[c]?.value);
}

interface Layout {
  headerRow: number;
  firstDataRow: number;
  /** One column with whole codes, or the 类/款/项 columns. */
  codeCols: number[];
  split: boolean;
  nameCol: number;
}

function findLayout(sheet: Sheet): Layout | null {
  const last = Math.min(sheet.rows.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < last; r++) {
    const row = sheet.rows[r];
    if (!row) continue;
    let codeCol = -1;
    let nameCol = -1;
    for (let c = 0; c < row.length; c++) {
      const k = labelKey(text(row[c]?.value));
      if (!k) continue;
      if (codeCol < 0 && CODE_HEADER.test(k)) codeCol = c;
      else if (nameCol < 0 && NAME_HEADER.test(k)) nameCol = c;
    }
    // 类/款/项 sub-headers: in this row or the next one.
    for (const sub of [r, r + 1]) {
      const cols: Record<string, number> = {};
      const srow = sheet.rows[sub] ?? [];
      for (let c = 0; c < srow.length; c++) {
        const k = labelKey(text(srow[c]?.value));
        if ((k === "类" || k === "款" || k === "项") && cols[k] === undefined) cols[k] = c;
      }
      if (cols["类"] !== undefined && cols["款"] !== undefined && (codeCol >= 0 || nameCol >= 0 || sub === r)) {
        const codeCols = [cols["类"], cols["款"], ...(cols["项"] !== undefined ? [cols["项"]] : [])];
        let nc = nameCol;
        if (nc < 0) {
          // The name column: a 名称 header in either row.
          for (const rr of [r, r + 1]) {
            const hr = sheet.rows[rr] ?? [];
            for (let c = 0; c < hr.length; c++) if (NAME_HEADER.test(labelKey(text(hr[c]?.value)))) nc = c;
          }
        }
        if (nc < 0) continue;
        return { headerRow: r, firstDataRow: sub + 1, codeCols, split: true, nameCol: nc };
      }
    }
    if (codeCol >= 0 && nameCol >= 0) return { headerRow: r, firstDataRow: r + 1, codeCols: [codeCol], split: false, nameCol };
  }
  return null;
}

function digitsOf(s: string): string | null {
  const t = toHalfWidth(s).replace(/[\s\u3000]+/g, "").replace(/^'/, "");
  if (t === "") return "";
  return /^\d+$/.test(t) ? t : null;
}

function cleanName(s: string): string {
  return s
    .replace(/^[\s\u3000]+|[\s\u3000]+$/g, "")
    .replace(/\(/g, "（")
    .replace(/\)/g, "）");
}

interface ParsedRow {
  row: number;
  code: string;
  name: string;
}

/** Read an official catalog sheet into an overlay edition, or list every problem. */
export function importCatalogSheet(sheet: Sheet, opts: ImportOptions): ImportResult {
  const problems: ImportProblem[] = [];
  const layout = findLayout(sheet);
  if (!layout) {
    return {
      ok: false,
      problems: [{ type: "no-header", row: 0, message: `工作表「${sheet.name}」中找不到“科目编码”和“科目名称”表头` }],
    };
  }
  const parsed: ParsedRow[] = [];
  let lastLei: string | null = null;
  let lastKuan: string | null = null;
  for (let r = layout.firstDataRow; r < sheet.rows.length; r++) {
    if (!sheet.rows[r]) continue;
    const excelRow = r + 1;
    const rawParts = layout.codeCols.map((c) => cellText(sheet, r, c).trim());
    const rawName = cellText(sheet, r, layout.nameCol);
    const name = cleanName(rawName);
    if (rawParts.every((p) => p === "")) {
      if (name === "" || /^(注|说明|备注)/.test(name)) continue;
      problems.push({ type: "missing-code", row: excelRow, message: `第 ${excelRow} 行：有名称「${name}」但没有科目编码` });
      continue;
    }
    const NOTE = /^(注|说明|备注|附注|资料来源)/;
    if (name === "" && rawParts.some((p) => NOTE.test(p))) continue; // a note under the table, written in column A
    let code: string | null = null;
    const parts = rawParts.map(digitsOf);
    const bad = rawParts.filter((_, i) => parts[i] === null);
    if (bad.length) {
      problems.push({ type: "non-numeric", row: excelRow, message: `第 ${excelRow} 行：科目编码「${bad.join(" ")}」不是数字` });
      continue;
    }
    if (!layout.split) {
      code = parts[0]!;
      if (!levelOfCode(code)) code = null;
    } else {
      const [lei, kuan, xiang] = parts as string[];
      if (lei && lei.length !== 3 && !kuan && !xiang) code = levelOfCode(lei) ? lei : null;
      else if (lei && lei.length !== 3) code = null;
      else if ((kuan && kuan.length > 2) || (xiang && xiang.length > 2)) code = null;
      else {
        const l: string | null = lei || lastLei;
        if (!l) {
          problems.push({ type: "orphan-kuan", row: excelRow, message: `第 ${excelRow} 行：款「${kuan || xiang}」前面没有所属的类` });
          continue;
        }
        if (!kuan && !xiang) code = l;
        else if (kuan && !xiang) code = l + kuan.padStart(2, "0");
        else {
          const k: string | null = kuan ? l + kuan.padStart(2, "0") : lastKuan && lastKuan.startsWith(l) ? lastKuan : null;
          if (!k) {
            problems.push({ type: "orphan-xiang", row: excelRow, message: `第 ${excelRow} 行：项「${xiang}」前面没有所属的款` });
            continue;
          }
          code = k + xiang!.padStart(2, "0");
        }
      }
    }
    if (!code) {
      problems.push({ type: "bad-code", row: excelRow, message: `第 ${excelRow} 行：科目编码「${rawParts.filter(Boolean).join(" ")}」位数不对（应为 3、5 或 7 位）` });
      continue;
    }
    if (code.length === 3) {
      lastLei = code;
      lastKuan = null;
    } else if (code.length === 5) {
      lastLei = code.slice(0, 3);
      lastKuan = code;
    }
    if (inferKind(code) !== opts.kind) {
      problems.push({ type: "wrong-kind", row: excelRow, code, message: `第 ${excelRow} 行：${code} 不是${KIND_NAMES[opts.kind]}科目编码` });
      continue;
    }
    if (name === "") {
      problems.push({ type: "empty-name", row: excelRow, code, message: `第 ${excelRow} 行：科目 ${code} 没有名称` });
      continue;
    }
    parsed.push({ row: excelRow, code, name });
  }

  const byCode = new Map<string, ParsedRow>();
  for (const p of parsed) {
    const first = byCode.get(p.code);
    if (first) problems.push({ type: "duplicate", row: p.row, code: p.code, message: `第 ${p.row} 行：科目编码 ${p.code} 重复（第 ${first.row} 行已有「${first.name}」）` });
    else byCode.set(p.code, p);
  }
  for (const p of byCode.values()) {
    const parent = parentOfCode(p.code);
    if (parent && !byCode.has(parent)) {
      problems.push(
        p.code.length === 7
          ? { type: "orphan-xiang", row: p.row, code: p.code, message: `第 ${p.row} 行：项 ${p.code} 没有所属的款 ${parent}` }
          : { type: "orphan-kuan", row: p.row, code: p.code, message: `第 ${p.row} 行：款 ${p.code} 没有所属的类 ${parent}` },
      );
    }
  }
  if (byCode.size === 0 && problems.length === 0) {
    problems.push({ type: "empty", row: 0, message: `工作表「${sheet.name}」表头下没有科目` });
  }
  if (problems.length) {
    problems.sort((a, b) => a.row - b.row);
    return { ok: false, problems };
  }

  // Names prefixed by their ancestors' names ("人大事务—行政运行", "一般公共服务支出/人大事务/行政运行").
  const entries = [...byCode.values()]
    .sort((a, b) => (a.code < b.code ? -1 : 1))
    .map((p) => {
      let name = p.name;
      const ancestors: string[] = [];
      for (let c = parentOfCode(p.code); c; c = parentOfCode(c)) ancestors.unshift(byCode.get(c)!.name);
      for (const a of ancestors) {
        if (name.startsWith(a)) {
          const rest = name.slice(a.length);
          const sep = PREFIX_SEPARATOR.exec(rest);
          if (sep && rest.length > sep[0].length) name = rest.slice(sep[0].length);
        }
      }
      const level = levelOfCode(p.code) as CatalogLevel;
      return { code: p.code, name, level, parent: parentOfCode(p.code) };
    });
  const overlay: CatalogOverlay = { kind: opts.kind, year: opts.year, entries, importedAt: new Date().toISOString() };
  overlay.source = opts.source ?? sheet.name;
  return { ok: true, overlay, rows: entries.length };
}
