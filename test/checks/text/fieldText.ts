/**
 * The explanatory text of a field document (/work/shared/field/*.txt, `pdftotext -layout` of a
 * published PDF) as a finance officer pastes it into a 情况说明 sheet: one printed line per row,
 * the tables left out. Text lines are those outside the tables: from the start to the first table
 * title, and from 其他相关情况说明 to the end; page numbers and running heads dropped.
 */
export function fieldNarrative(txt: string): string[] {
  const lines = txt.split(/\r?\n/).map((l) => l.replace(/\f/g, "").trim());
  const firstTable = lines.findIndex((l, i) => i > 30 && /^(单位|编制部门|编制单位)\s*[:：]|单位\s*[:：]\s*元$/.test(l));
  // The table title sits a line or two above its unit line.
  let cut = firstTable;
  while (cut > 0 && lines[cut - 1] !== "" && !/[。；]$/.test(lines[cut - 1])) cut--;
  const other = lines.findIndex((l, i) => i > firstTable && /^其他相关情况说明$/.test(l));
  const keep = [...lines.slice(0, Math.max(0, cut)), ...(other >= 0 ? lines.slice(other) : [])];
  return keep.filter((l) => l !== "" && !/^-?\s*\d{1,3}\s*-?$/.test(l) && !/^第\s*\d+\s*页/.test(l));
}
