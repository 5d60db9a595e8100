/**
 * Recalculate a workbook with LibreOffice headless (Debian's libreoffice-calc-nogui, installed
 * by `npm test` when missing) and read the result back. A private profile set to "always
 * recalculate on load" makes LibreOffice compute every formula rather than trust cached values.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { cells, isCellError, type Workbook } from "../../src/core/model";
import { readXlsxFile, writeXlsxFile } from "../../src/hosts/xlsx/xlsxHost";

const XCU = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

export function sofficePath(): string {
  for (const p of ["/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/lib/libreoffice/program/soffice"]) if (fs.existsSync(p)) return p;
  throw new Error("找不到 LibreOffice（soffice）：请运行 npm test，它会用 apt-get 安装 libreoffice-calc-nogui");
}

/** Convert `input` with LibreOffice to `format` ("xlsx", "pdf", …) in `outDir`; returns the output path. */
export function convertWithLibreOffice(input: string, format: string, outDir: string): string {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "lo-profile-"));
  fs.mkdirSync(path.join(profile, "user"), { recursive: true });
  fs.writeFileSync(path.join(profile, "user", "registrymodifications.xcu"), XCU);
  try {
    execFileSync(sofficePath(), ["--headless", "--norestore", "--nologo", `-env:UserInstallation=file://${profile}`, "--convert-to", format, "--outdir", outDir, input], {
      stdio: "pipe",
      timeout: 180_000,
    });
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  const out = path.join(outDir, path.basename(input).replace(/\.[^.]+$/, "") + "." + format.split(":")[0]);
  if (!fs.existsSync(out)) throw new Error(`LibreOffice 未生成 ${out}`);
  return out;
}

/** Write the model, let LibreOffice recalculate it, and read the recalculated workbook back. */
export async function recalculate(wb: Workbook): Promise<Workbook> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "recalc-"));
  const inDir = path.join(dir, "in");
  fs.mkdirSync(inDir);
  const input = path.join(inDir, "book.xlsx");
  await writeXlsxFile(wb, input);
  const out = convertWithLibreOffice(input, "xlsx", dir);
  const back = await readXlsxFile(out);
  fs.rmSync(dir, { recursive: true, force: true });
  return back;
}

/** Every cell that holds an error value after recalculation: "sheet!r1c2 =formula → #ERR". */
export function errorCells(wb: Workbook): string[] {
  const out: string[] = [];
  for (const s of wb.sheets)
    for (const { r, c, cell } of cells(s)) if (isCellError(cell.value)) out.push(`${s.name}!r${r}c${c} ${cell.formula ?? ""} → ${cell.value.error}`);
  return out;
}
