/**
 * The package reader (src/hosts/xlsx/read.ts) against the former exceljs-based read: for every
 * .xlsx in the repository, the same model cell by cell (value, formula, number format, style),
 * the same merges, widths, frozen rows, protection and print setup — and the checker's findings
 * identical. Plus workbooks LibreOffice wrote (shared strings, shared formulas, other XML habits).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { checkWorkbook } from "../../src/core/checks/engine";
import { cells, type Workbook } from "../../src/core/model";
import { renderTemplateSet } from "../../src/core/templates";
import { readXlsxPackage } from "../../src/hosts/xlsx/read";
import { readXlsxBufferViaExcelJs, writeXlsxBuffer } from "../../src/hosts/xlsx/xlsxHost";
import { convertWithLibreOffice } from "../helpers/libreoffice";

const ROOT = path.join(__dirname, "..", "..");

function repoXlsx(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.name === "node_modules" || e.name === "dist" || e.name.startsWith(".")) continue;
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.xlsx$/i.test(e.name)) out.push(p);
    }
  };
  walk(ROOT);
  return out.sort();
}

/** Differences between two models, as readable lines (empty when equal). */
export function modelDiff(a: Workbook, b: Workbook, options: { ignoreFitToWidth?: boolean } = {}): string[] {
  const d: string[] = [];
  if (a.sheets.map((s) => s.name).join("|") !== b.sheets.map((s) => s.name).join("|")) d.push(`sheets: ${a.sheets.map((s) => s.name)} vs ${b.sheets.map((s) => s.name)}`);
  for (let i = 0; i < Math.min(a.sheets.length, b.sheets.length); i++) {
    const sa = a.sheets[i];
    const sb = b.sheets[i];
    const ca = new Map([...cells(sa)].map(({ r, c, cell }) => [`${r},${c}`, cell]));
    const cb = new Map([...cells(sb)].map(({ r, c, cell }) => [`${r},${c}`, cell]));
    for (const k of new Set([...ca.keys(), ...cb.keys()])) {
      const x = ca.get(k);
      const y = cb.get(k);
      const same =
        !!x &&
        !!y &&
        (x.value === y.value || (typeof x.value === "number" && typeof y.value === "number" && Math.abs(x.value - y.value) < 1e-9) || JSON.stringify(x.value) === JSON.stringify(y.value)) &&
        x.formula === y.formula &&
        x.numFmt === y.numFmt &&
        JSON.stringify(x.style ?? {}) === JSON.stringify(y.style ?? {});
      if (!same) d.push(`${sa.name}!${k}: ${JSON.stringify(x)} vs ${JSON.stringify(y)}`);
    }
    const key = (m: { r1: number; c1: number; r2: number; c2: number }) => `${m.r1},${m.c1},${m.r2},${m.c2}`;
    if (sa.merges.map(key).sort().join(" ") !== sb.merges.map(key).sort().join(" ")) d.push(`${sa.name} merges differ`);
    for (const f of ["frozenRows", "protected", "print", "colWidths"] as const) {
      // exceljs reads fitToPage="1" only; LibreOffice writes the equally valid "true" (xsd:boolean)
      const norm = (v: unknown) => (f === "print" && v && options.ignoreFitToWidth ? JSON.stringify({ ...(v as object), fitToWidth: undefined }) : JSON.stringify(v ?? null));
      if (norm(sa[f]) !== norm(sb[f])) d.push(`${sa.name} ${f}: ${JSON.stringify(sa[f])} vs ${JSON.stringify(sb[f])}`);
    }
  }
  return d;
}

async function compare(buf: Buffer, options: { ignoreFitToWidth?: boolean } = {}): Promise<{ diff: string[]; fa: string; fb: string; cells: number; wb: Workbook }> {
  const viaExcelJs = await readXlsxBufferViaExcelJs(buf);
  const { wb } = await readXlsxPackage(buf, "test.xlsx");
  const strip = (w: Workbook) => JSON.stringify(checkWorkbook(w, {}).map((f) => [f.ruleId, f.severity, f.sheet, f.cell, f.message]));
  return { wb, diff: modelDiff(wb, viaExcelJs, options), fa: strip(wb), fb: strip(viaExcelJs), cells: wb.sheets.reduce((n, s) => n + [...cells(s)].length, 0) };
}

describe("package reader = exceljs-based reader", () => {
  const files = repoXlsx();
  it("finds the repository's workbooks", () => {
    expect(files.length).toBeGreaterThanOrEqual(7);
  });
  for (const file of files) {
    it(`reads ${path.relative(ROOT, file)} cell by cell as exceljs did, with identical findings`, async () => {
      const r = await compare(fs.readFileSync(file));
      expect(r.cells).toBeGreaterThan(50);
      expect(r.diff).toEqual([]);
      expect(r.fa).toEqual(r.fb);
    });
  }

  it("reads a fresh template (formulas, merges, styles, print setup) as exceljs did", async () => {
    const set = renderTemplateSet({ year: 2025, unitName: "某某区教育局", scope: "部门", amountUnit: "万元" });
    const r = await compare(await writeXlsxBuffer({ sheets: set.sheets }));
    expect(r.diff).toEqual([]);
    expect(r.fa).toEqual(r.fb);
  });

  it("reads what LibreOffice writes (shared strings, shared formulas, cached results, its styles) as exceljs did", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "read-eq-"));
    try {
      fs.mkdirSync(path.join(dir, "in"));
      const seed = path.join(dir, "in", "wuhan.xlsx");
      fs.copyFileSync(path.join(ROOT, "test", "fixtures", "seeds", "wuhan-2024.xlsx"), seed);
      const tpl = path.join(dir, "in", "template.xlsx");
      const set = renderTemplateSet({ year: 2025, unitName: "某某区教育局", scope: "部门", amountUnit: "元" });
      fs.writeFileSync(tpl, await writeXlsxBuffer({ sheets: set.sheets }));
      for (const src of [seed, tpl]) {
        const buf = fs.readFileSync(convertWithLibreOffice(src, "xlsx", dir));
        const r = await compare(buf, { ignoreFitToWidth: true });
        expect(r.cells).toBeGreaterThan(100);
        expect(r.diff).toEqual([]);
        expect(r.fa).toEqual(r.fb);
        if (src === tpl) {
          // the templates print one page wide; LibreOffice kept it as fitToPage="true", which exceljs missed
          expect(r.wb.sheets.every((s) => s.print?.fitToWidth)).toBe(true);
          expect(r.wb.sheets.some((s) => s.rows.some((row) => row?.some((c) => c?.formula)))).toBe(true);
        }
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
