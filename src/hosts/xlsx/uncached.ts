/**
 * Findings on a workbook some of whose formulas have no cached result (a file written by a
 * program and never calculated): the figures there cannot be checked, so the findings that
 * touch them are replaced by one finding per sheet that says what to do.
 */
import { parseA1, parseRangeA1, toA1 } from "../../core/a1";
import type { Finding } from "../../core/checks/types";
import type { XlsxReadInfo } from "./read";

/**
 * A formula without a cached result (a file written by a program and never calculated) has no
 * figure to check: its findings ("未填列", sums that do not match) say nothing about the data.
 * They are replaced, per sheet, by one finding that says what to do.
 */
export function withUncachedFormulas(findings: Finding[], info: XlsxReadInfo): Finding[] {
  if (!info.uncachedFormulas.length) return findings;
  const bySheet = new Map<string, Set<string>>();
  for (const u of info.uncachedFormulas) {
    let set = bySheet.get(u.sheet);
    if (!set) bySheet.set(u.sheet, (set = new Set()));
    set.add(toA1(u.r, u.c));
  }
  const touches = (f: Finding): boolean => {
    const own = bySheet.get(f.sheet);
    if (own?.has(f.cell)) return true;
    for (const rel of f.related ?? []) {
      const bang = rel.lastIndexOf("!");
      const sheet = bang < 0 ? f.sheet : rel.slice(0, bang).replace(/^'(.*)'$/, "$1").replace(/''/g, "'");
      const set = bySheet.get(sheet);
      if (!set) continue;
      const addr = (bang < 0 ? rel : rel.slice(bang + 1)).replace(/\$/g, "");
      if (!addr.includes(":")) {
        if (set.has(addr)) return true;
        continue;
      }
      let range;
      try {
        range = parseRangeA1(addr);
      } catch {
        continue;
      }
      for (const a of set) {
        const { r, c } = parseA1(a);
        if (r >= range.r1 && r <= range.r2 && c >= range.c1 && c <= range.c2) return true;
      }
    }
    return false;
  };
  const kept: Finding[] = [];
  const dropped = new Map<string, number>();
  for (const f of findings) {
    if (touches(f)) dropped.set(f.sheet, (dropped.get(f.sheet) ?? 0) + 1);
    else kept.push(f);
  }
  const notes: Finding[] = [];
  for (const [sheet, set] of bySheet) {
    const list = [...set];
    const first = list[0];
    const shown = list.slice(0, 5).join("、") + (list.length > 5 ? " 等" : "");
    const n = dropped.get(sheet) ?? 0;
    notes.push({
      ruleId: "recognition",
      severity: "warning",
      sheet,
      cell: first,
      related: list.slice(0, 50),
      message:
        `${sheet} 有 ${list.length} 个公式没有计算结果（${shown}），这些单元格的金额无法核对。` +
        `公式没有计算结果，请在 Excel 中重新计算并保存（或在 WPS / LibreOffice 中打开后保存），再检查。` +
        (n ? `与这些单元格有关的 ${n} 条结果未列出。` : ""),
    });
  }
  return [...notes, ...kept];
}
