/** Recalculate a workbook with LibreOffice headless (it recalculates on load) and read it back. */
import { execFileSync } from "child_process";
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { cells, isCellError, type Workbook } from "../../src/core/model";
import { readXlsxFile, writeXlsxFile } from "../../src/hosts/xlsx/xlsxHost";

export async function recalcWithLibreOffice(wb: Workbook, tag = "book"): Promise<Workbook> {
  const dir = mkdtempSync(join(tmpdir(), "tpl-lo-"));
  const input = join(dir, `${tag}.xlsx`);
  await writeXlsxFile(wb, input);
  execFileSync(
    "soffice",
    ["--headless", "--norestore", `-env:UserInstallation=file://${dir}/lo-profile-${Math.random().toString(36).slice(2)}`, "--convert-to", "xlsx", "--outdir", join(dir, "out"), input],
    { timeout: 180000, stdio: "pipe" },
  );
  return readXlsxFile(join(dir, "out", `${tag}.xlsx`));
}

/** Every formula cell that holds an error value after recalculation: "sheet!A1 =formula → #ERR". */
export function errorCells(wb: Workbook): string[] {
  const out: string[] = [];
  for (const s of wb.sheets)
    for (const { r, c, cell } of cells(s)) if (isCellError(cell.value)) out.push(`${s.name}!r${r}c${c} ${cell.formula ?? ""} → ${(cell.value as { error: string }).error}`);
  return out;
}
