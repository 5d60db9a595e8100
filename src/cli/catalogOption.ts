/**
 * --import FILE.xlsx --import-kind K --import-year Y: load an official catalog edition from a
 * spreadsheet for this run (the CLI's way of keeping the catalog current). Shared by the
 * catalog, check and fill-names commands. A bad sheet is reported in full and nothing is loaded.
 */
import { promises as fs } from "fs";
import { builtinCatalog } from "../core/catalog/builtin";
import type { Catalog } from "../core/catalog/catalog";
import { importCatalogSheet, type ImportProblem } from "../core/catalog/import";
import { CATALOG_KINDS, KIND_NAMES, type CatalogKind } from "../core/catalog/types";
import { readXlsxFile } from "../hosts/xlsx/xlsxHost";
import type { CliIO } from "./io";

export const IMPORT_USAGE = "[--import FILE.xlsx --import-kind function|econ-dept|econ-gov|revenue --import-year Y]";
export const IMPORT_FLAGS = ["import", "import-kind", "import-year"];

/** The built-in catalog, plus the imported edition when --import is given; or an exit code after a Chinese message. */
export async function catalogFromFlags(flags: Record<string, string | true>, io: CliIO, command: string, quiet = false): Promise<{ catalog: Catalog } | { exit: number }> {
  const cat = builtinCatalog();
  if (flags.import === undefined) return { catalog: cat };
  const bad = (msg: string) => {
    io.err(`budget-tables ${command}：${msg}`);
    return { exit: 2 };
  };
  const file = flags.import;
  const ik = flags["import-kind"];
  const iy = flags["import-year"];
  if (file === true) return bad("--import 需要 .xlsx 文件名");
  if (typeof ik !== "string" || !CATALOG_KINDS.includes(ik as CatalogKind)) return bad(`--import 需要 --import-kind（${CATALOG_KINDS.join("、")}）`);
  if (typeof iy !== "string" || !/^\d{4}$/.test(iy)) return bad("--import 需要 --import-year（四位年份）");
  try {
    await fs.access(file);
  } catch {
    return bad(`文件不存在或无法读取：${file}`);
  }
  let wb;
  try {
    wb = await readXlsxFile(file);
  } catch (e) {
    return bad(`无法读取 ${file}：${e instanceof Error ? e.message : String(e)}`);
  }
  let firstProblems: ImportProblem[] | null = null;
  for (const sheet of wb.sheets) {
    const res = importCatalogSheet(sheet, { kind: ik as CatalogKind, year: Number(iy), source: `${file}#${sheet.name}` });
    if (res.ok) {
      if (!quiet) io.err(`已导入 ${file}「${sheet.name}」：${iy} 年${KIND_NAMES[ik as CatalogKind]}科目 ${res.rows} 个`);
      return { catalog: cat.withOverlay(res.overlay) };
    }
    if (!firstProblems || (firstProblems[0]?.type === "no-header" && res.problems[0]?.type !== "no-header")) firstProblems = res.problems;
  }
  const problems = firstProblems ?? [];
  io.err(`budget-tables ${command}：无法导入 ${file}（${problems.length} 个问题，未导入任何科目）`);
  for (const p of problems) io.err(`  ${p.message}`);
  return { exit: 2 };
}
