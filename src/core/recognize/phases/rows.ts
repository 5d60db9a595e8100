/**
 * Phase 3 — row roles and code reading, with each row's amounts (phase 4 reads them one
 * by one, see ../amounts): fixed rows of two-sided tables and their sections; 合计 /
 * 小计 / 其中 rows; codes joined, split over 类 / 款 / 项 (carried down, read through
 * merges), in another cell or in the name; unit headings and the rows under them; the
 * note under the table.
 */
import { displayValue, getCell, type Sheet } from "../../model";
import type { FixedRowSpec, TableSpec } from "../../specs/types";
import { labelKey, toHalfWidth } from "../../text";
import { readAmount } from "../amounts";
import { CLASSIFICATION, TOTAL_LABEL, domainOf, isColumnNumberRow, isNoteRow, normCode, rowCells, stripNumbering, strOf } from "../cells";
import { headerKey } from "../columns";
import { classCodeByName, econClassByName, econItemByName } from "../names";
import type { Region } from "../regions";
import type { AmountCell, RecognizedColumn, RecognizedRow, RecognizedTable } from "../types";
import type { HeaderFacts } from "./header";

export interface BodyFacts {
  rows: RecognizedRow[];
  note?: RecognizedTable["note"];
  lastRow: number;
  /** Every amount read, and whether its decimals came from its number format or text. */
  allAmounts: { a: AmountCell; explicit: boolean }[];
}

export function readRows(sheet: Sheet, reg: Region, hdr: HeaderFacts, issues: RecognizedTable["issues"]): BodyFacts {
  const spec: TableSpec = reg.spec;
  const { columns, headerStart, headerEnd } = hdr;
  const rows: RecognizedRow[] = [];
  let note: RecognizedTable["note"];
  let lastRow = Math.max(headerEnd, reg.titleCell.r);
  const headerTexts = new Set<string>();
  for (let r = headerStart; r <= headerEnd; r++) for (const { cell } of rowCells(sheet, r)) if (typeof cell.value === "string") headerTexts.add(headerKey(cell.value));

  const amountCols = columns.filter((c) => c.spec.role === "amount");
  const amountColSet = new Set(amountCols.map((c) => c.c));
  const firstAmountCol = amountCols.length ? Math.min(...amountCols.map((c) => c.c)) : Infinity;
  const col = (key: string) => columns.find((c) => c.key === key);
  const codeCol = col("code");
  const lei = col("code.lei");
  const kuan = col("code.kuan");
  const xiang = col("code.xiang");
  const unitCodeCol = col("unitCode");
  const nameCol = col("name") ?? columns.find((c) => c.spec.role === "name" || c.spec.role === "label");
  const codeSpec = spec.columns.find((c) => c.role === "code");
  // Codes split over 类 / 款 / 项 are classification codes whatever the table's usual code column holds.
  const codeHeaderIsSubject = lei ? true : codeCol ? /科目|功能|经济/.test(codeCol.header) : false;
  const codeKind: "classification" | "unit" | "project" | "none" = !codeSpec
    ? "none"
    : codeSpec.domain === "project"
      ? "project"
      : codeSpec.domain === "unit" && !codeHeaderIsSubject
        ? "unit"
        : "classification";
  const domainDigit = codeSpec?.domain === "function" ? "2" : codeSpec?.domain === "econ-dept" ? "3" : codeSpec?.domain === "econ-gov" ? "5" : "";
  const hasCodeColumn = !!(codeCol || lei);
  let currentEconClass: string | undefined;
  const splitCarry: { lei?: string; kuan?: string } = {};
  const allAmounts: { a: AmountCell; explicit: boolean }[] = [];
  const twoSided = !!spec.sides;
  const sideState: Record<string, { section: "current" | "carry" }> = { income: { section: "current" }, expense: { section: "current" } };

  const readAmounts = (r: number, cols: RecognizedColumn[]): Record<string, AmountCell> => {
    const out: Record<string, AmountCell> = {};
    for (const ac of cols) {
      const cell = getCell(sheet, r, ac.c);
      const read = readAmount(cell, r, ac.c);
      if (read.kind === "amount") {
        out[ac.key] = read.cell;
        allAmounts.push({ a: read.cell, explicit: read.explicitDecimals });
        if (read.cell.fromText) issues.push({ r, c: ac.c, kind: "text-amount", message: `金额为文本“${String(read.cell.raw)}”，已按 ${read.cell.value} 读取` });
      } else if (read.kind === "error") {
        out[ac.key] = { r, c: ac.c, value: null, decimals: 0, raw: cell!.value, fromText: false };
        issues.push({ r, c: ac.c, kind: "error-value", message: `单元格为错误值 ${read.error}，无法参与核对`, data: { value: String(read.error) } });
      } else if (read.kind === "text") {
        issues.push({ r, c: ac.c, kind: "text-in-amount", message: `金额列中是文字“${read.text.slice(0, 20)}”，不是数字`, data: { text: read.text.slice(0, 20) } });
      }
    }
    return out;
  };

  for (let r = headerEnd + 1; r <= reg.end && spec.layout !== "form"; r++) {
    const cells = rowCells(sheet, r);
    if (cells.length === 0) continue;
    const noteText = isNoteRow(cells);
    if (noteText) {
      if (!note) note = { text: noteText, r, c: cells[0].c };
      lastRow = r;
      break;
    }
    if (cells.length === 1 && strOf(cells[0].cell).length > 40) break; // the text after the table
    if (isColumnNumberRow(cells)) {
      lastRow = r;
      continue; // a 栏次 row repeated at a page break
    }
    // (A header repeated at a page break has its words, not figures, in the amount columns.)
    const hasAmount = cells.some(({ c, cell }) => amountColSet.has(c) && readAmount(cell, r, c).kind !== "blank" && readAmount(cell, r, c).kind !== "text");
    if (!hasAmount && cells.every(({ cell }) => typeof cell.value === "string" && headerTexts.has(headerKey(cell.value)))) {
      lastRow = r;
      continue; // a header repeated at a page break
    }
    lastRow = r;

    if (twoSided) {
      for (const side of spec.sides!) {
        const sideCols = columns.filter((c) => c.side === side.key);
        const labelC = sideCols.find((c) => c.spec.role === "label");
        const amts = sideCols.filter((c) => c.spec.role === "amount");
        const label = labelC ? strOf(getCell(sheet, r, labelC.c)) : "";
        const amounts = readAmounts(r, amts);
        if (!label && Object.keys(amounts).length === 0) continue;
        const key = stripNumbering(label);
        const st = sideState[side.key];
        const fixedAll = (spec.fixedRows ?? []).filter((f) => (f.side ?? side.key) === side.key && [f.label, ...(f.aliases ?? [])].some((a) => labelKey(a) === key));
        let fixed: FixedRowSpec | undefined;
        if (fixedAll.length) {
          const carryOnes = fixedAll.filter((f) => /\.carry\./.test(f.key));
          const others = fixedAll.filter((f) => !/\.carry\./.test(f.key));
          fixed = st.section === "carry" && carryOnes.length ? carryOnes[0] : others[0] ?? fixedAll[0];
        }
        const row: RecognizedRow = {
          r,
          kind: fixed ? fixed.kind : TOTAL_LABEL.test(key) ? "total" : "detail",
          side: side.key,
          label,
          labelCell: labelC ? { r, c: labelC.c } : undefined,
          amounts,
        };
        if (fixed) row.fixed = fixed;
        const isCarryLine = fixed?.kind === "carry" || /\.carry$/.test(fixed?.key ?? "");
        if (isCarryLine) st.section = "carry";
        row.section = isCarryLine || fixed?.kind === "grand-total" ? undefined : st.section;
        if (side.key === "expense" && !fixed && label) {
          const cc = classCodeByName(key);
          if (cc) row.classCode = cc;
        }
        rows.push(row);
      }
      continue;
    }

    // One-sided tables.
    let label = nameCol ? strOf(getCell(sheet, r, nameCol.c)) : "";
    let labelC = nameCol && label ? nameCol.c : undefined;
    if (!label && (codeCol || lei)) {
      // "合计" typed into the code column (or into the 类 column of split codes, merged over 类 | 款 | 项 | 名称).
      const t = getCell(sheet, r, (codeCol ?? lei)!.c)?.value;
      if (typeof t === "string" && t.trim() && !normCode(t)) {
        label = t.trim();
        labelC = (codeCol ?? lei)!.c;
      }
    }
    if (!label) {
      for (const { c, cell } of cells) {
        if (c >= firstAmountCol || amountColSet.has(c) || c === codeCol?.c || c === lei?.c || c === kuan?.c || c === xiang?.c || c === unitCodeCol?.c) continue;
        if (typeof cell.value === "string" && !/^\s*[\d\s]+\s*$/.test(cell.value)) {
          label = cell.value.trim();
          labelC = c;
          break;
        }
      }
    }
    let code: string | undefined;
    let codeCell: { r: number; c: number } | undefined;
    let codeSource: RecognizedRow["codeSource"];
    if (lei) {
      // A 类 cell merged down its block reads through the merge; a 类 (and 款) printed only on its own row carries down.
      let a = normCode(displayValue(sheet, r, lei.c));
      let b = kuan ? normCode(displayValue(sheet, r, kuan.c)) : "";
      const x = xiang ? normCode(displayValue(sheet, r, xiang.c)) : "";
      if (!a && (/^\d{1,2}$/.test(b) || /^\d{1,2}$/.test(x)) && splitCarry.lei) a = splitCarry.lei;
      if (/^\d{3}$/.test(a) && !b && /^\d{1,2}$/.test(x) && splitCarry.lei === a && splitCarry.kuan) b = splitCarry.kuan;
      if (/^\d{3}$/.test(a)) {
        code = a;
        if (/^\d{1,2}$/.test(b)) {
          code += b.padStart(2, "0");
          if (/^\d{1,2}$/.test(x)) code += x.padStart(2, "0");
        } else if (/^\d{5}$/.test(b) && b.startsWith(a)) code = b;
        codeCell = { r, c: lei.c };
        codeSource = "split";
        splitCarry.lei = code.slice(0, 3);
        splitCarry.kuan = code.length >= 5 ? code.slice(3, 5) : undefined;
      }
    }
    if (!code && codeCol) {
      const v = normCode(getCell(sheet, r, codeCol.c)?.value);
      if (v) {
        code = v;
        codeCell = { r, c: codeCol.c };
        codeSource = "cell";
      }
    }
    if (!code && codeKind === "classification") {
      for (const { c, cell } of cells) {
        if (c >= firstAmountCol || amountColSet.has(c)) continue;
        const v = normCode(cell.value);
        if (v && CLASSIFICATION.test(v) && (!domainDigit || v[0] === domainDigit)) {
          code = v;
          codeCell = { r, c };
          codeSource = "other-cell";
          break;
        }
      }
    }
    if (!code && label && codeKind === "classification") {
      const m = /^(\d{3}(?:\d{2}){0,2})\s*(\S.*)$/.exec(toHalfWidth(label).trim());
      if (m && (!domainDigit || m[1][0] === domainDigit)) {
        code = m[1];
        label = m[2];
        codeCell = labelC !== undefined ? { r, c: labelC } : undefined;
        codeSource = "cell";
      }
    }
    const key = stripNumbering(label);
    if (!code && label && codeKind === "classification" && !hasCodeColumn && !TOTAL_LABEL.test(key)) {
      if (codeSpec?.domain === "econ-dept") {
        const c1c = econClassByName(label);
        const c2c = c1c ? undefined : econItemByName(label, currentEconClass);
        code = c1c ?? c2c;
      } else if (codeSpec?.domain === "function") {
        code = classCodeByName(label);
      }
      if (code) {
        codeSource = "name";
        codeCell = labelC !== undefined ? { r, c: labelC } : undefined;
      }
    }
    const amounts = readAmounts(r, amountCols);
    const row: RecognizedRow = { r, kind: "detail", label, amounts };
    if (labelC !== undefined) row.labelCell = { r, c: labelC };
    if (code) {
      row.code = code;
      if (codeCell) row.codeCell = codeCell;
      row.codeSource = codeSource;
      if (codeKind === "classification" && CLASSIFICATION.test(code)) {
        row.level = (code.length === 3 ? 1 : code.length === 5 ? 2 : 3) as 1 | 2 | 3;
        row.domain = domainOf(code);
        if (row.level === 1 && row.domain === "econ-dept") currentEconClass = code;
      } else if (codeKind === "project") row.domain = "project";
      else if (codeKind === "unit") row.domain = "unit";
      else if (codeKind === "classification" && codeSource !== "other-cell") {
        issues.push({ r, c: codeCell?.c ?? 0, kind: "bad-code", message: `编码“${code}”不是 3、5 或 7 位的科目编码`, data: { code: String(code) } });
      }
    }
    if (unitCodeCol && !row.code) {
      const u = normCode(getCell(sheet, r, unitCodeCol.c)?.value);
      if (u) {
        row.code = u;
        row.codeCell = { r, c: unitCodeCol.c };
        row.domain = "unit";
        row.codeSource = "cell";
      }
    }
    if (TOTAL_LABEL.test(key)) row.kind = "total";
    else if (key === "小计") row.kind = "subtotal";
    else if (/^其中[：:]?/.test(labelKey(label))) {
      row.ofWhich = true;
      row.kind = "detail";
    } else if (!label && !row.code) {
      const anyAmount = Object.values(amounts).some((a) => a.value !== null);
      const explicitTotal = rows.some((x) => x.kind === "total");
      row.kind = !explicitTotal && rows.length === 0 && anyAmount && spec.layout !== "single-row" ? "total" : spec.layout === "single-row" ? "detail" : "subtotal";
    }
    rows.push(row);
  }

  // Code tables: label-only rows beside code rows are group headings (a unit name), not parts.
  if (codeKind === "classification" && rows.some((x) => x.level)) {
    for (const x of rows) if (x.kind === "detail" && !x.level && !x.ofWhich) x.kind = "heading";
    // Several units' rows: each code row belongs to the unit heading above it (the same code under two units is two rows).
    let group: string | undefined;
    for (const x of rows) {
      if (x.kind === "heading" && x.label) group = stripNumbering(x.label);
      else if (x.kind === "total") group = undefined;
      else if (x.level && group) x.group = group;
    }
  }
  return { rows, note, lastRow, allAmounts };
}
