/**
 * English findings without generated Chinese (issue #14, last gap). In an en-US message Chinese may
 * appear only where it quotes the document: a cell's text, a sheet name, a paragraph of the text,
 * a classification name of the catalog, a name of the standard tables (title, column header, fixed
 * row). Every run of Han characters (with the Chinese punctuation around it) of every finding's English
 * text — on the rules' own cases, the five seeds and the six field workbooks with their 编制说明 —
 * must occur in one of those; whatever the checker composes (level words, 合计行, 之和, units,
 * list separators, table names, the year-over-year source) is worded in English.
 */
import fs from "fs";
import path from "path";
import { HISTORICAL_NAMES, builtinCatalog, type CatalogKind } from "../../src/core/catalog";
import { runChecks } from "../../src/core/checks/engine";
import { findingMessage } from "../../src/core/checks/messages";
import { RULES } from "../../src/core/checks/rules";
import type { CheckOptions, Finding } from "../../src/core/checks/types";
import { sheetFromRows, type Workbook } from "../../src/core/model";
import { analyzeNarrative } from "../../src/core/narrative/analyze";
import { recognizeWorkbook } from "../../src/core/recognize";
import { EXTRA_TABLES } from "../../src/core/specs/extras";
import { STANDARD_TABLES } from "../../src/core/specs/tables";
import { readXlsxFile } from "../../src/hosts/xlsx/xlsxHost";
import { FIELD_DOCS, fieldWorkbook } from "../field/helpers";
import { fieldNarrative } from "./text/fieldText";

/** Han characters with the Chinese punctuation around them (、，：（）…): a Chinese list separator or bracket the checker put in is caught too. */
const HAN_RUN = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]*[\u3400-\u9fff][\u3000-\u303f\u3400-\u9fff\uff00-\uffef]*/g;

/**
 * The standard's own names, which an English message quotes as a Chinese table prints them (like a
 * catalog name): table titles, column headers and groups, fixed-row labels. An English message
 * gives a table its English name and the Chinese title in brackets.
 */
function specNames(): string[] {
  const out: string[] = [];
  for (const t of [...STANDARD_TABLES, ...EXTRA_TABLES]) {
    out.push(t.title, ...t.titleAliases);
    for (const c of [...t.columns, ...(t.sides ?? []).flatMap((x) => x.columns)]) out.push(c.header, ...(c.aliases ?? []), ...(c.group ?? []));
    for (const r of t.fixedRows ?? []) out.push(r.label, ...(r.aliases ?? []));
  }
  return out;
}

function catalogNames(): string[] {
  const cat = builtinCatalog();
  const out = new Set<string>(HISTORICAL_NAMES.flatMap((h) => [h.name, h.current]));
  for (const kind of cat.kinds() as CatalogKind[]) for (const y of cat.years(kind)) for (const e of cat.entries(kind, y)) out.add(e.name);
  return [...out];
}
const CATALOG = [...catalogNames(), ...specNames()];

/** Every text the document itself holds: cell texts, sheet names, the text's paragraphs (joined across broken lines). */
function documentTexts(wbs: Workbook[]): string[] {
  const out: string[] = [];
  for (const wb of wbs) {
    for (const s of wb.sheets) {
      out.push(s.name);
      for (const row of s.rows) for (const cell of row ?? []) if (cell && typeof cell.value === "string") out.push(cell.value, cell.value.replace(/\s+/g, ""));
    }
    try {
      for (const p of analyzeNarrative(recognizeWorkbook(wb), wb).paras) out.push(p.para.text, p.norm);
    } catch {
      // a workbook recognition cannot read: its cells are still listed above
    }
  }
  return out;
}

/**
 * Words only the checker composes: a run of Han characters that is exactly one of these, outside a
 * quotation, is the checker's own word even where the document holds it too (every document says 万元).
 */
const COMPOSED = new Set(["类", "款", "项", "万元", "元", "合计行", "最高级科目", "之和", "各类", "年版", "本句", "上文", "上年工作簿", "行", "列"]);

/** The runs of Han characters in a finding's English text that neither the document nor the catalog holds. */
function offending(findings: Finding[], inputs: Workbook[]): string[] {
  const hay = [...documentTexts(inputs), ...CATALOG].join("\u0001");
  const out: string[] = [];
  for (const f of findings) {
    const en = findingMessage(f, "en-US", RULES);
    const quoted = (at: number) => (en.slice(0, at).match(/“/g)?.length ?? 0) > (en.slice(0, at).match(/”/g)?.length ?? 0);
    for (const m of en.matchAll(HAN_RUN)) if (!hay.includes(m[0]) || (COMPOSED.has(m[0]) && !quoted(m.index!))) out.push(`${f.ruleId}/${f.messageId} ${m[0]}  ⟨${en}⟩`);
  }
  return out;
}

interface Input {
  name: string;
  wb: () => Promise<Workbook> | Workbook;
  options?: Partial<CheckOptions>;
}

const seeds = path.join(__dirname, "../fixtures/seeds");
const INPUTS: Input[] = [
  ...RULES.flatMap((rule) => [...rule.valid, ...rule.invalid].map((c) => ({ name: `${rule.id}: ${c.name}`, wb: c.workbook, options: c.options }))),
  ...fs
    .readdirSync(seeds)
    .filter((f) => f.endsWith(".xlsx"))
    .map((f) => ({ name: `seed ${f}`, wb: () => readXlsxFile(path.join(seeds, f)) })),
  ...FIELD_DOCS.map((doc) => ({
    name: `field ${doc}`,
    wb: async (): Promise<Workbook> => {
      const tables = await fieldWorkbook(doc, "office");
      const lines = fieldNarrative(fs.readFileSync(path.join(__dirname, "..", "..", "..", "shared", "field", `${doc}.txt`), "utf8"));
      return { ...tables, sheets: [...tables.sheets, sheetFromRows("情况说明", lines.map((l) => [l]))] };
    },
  })),
];

describe("English findings quote the document, never the checker's own Chinese", () => {
  const all: string[] = [];
  let findings = 0;
  test.each(INPUTS.map((i) => [i.name, i] as const))("%s", async (_name, input) => {
    const wb = await input.wb();
    const found = runChecks(wb, input.options).findings;
    findings += found.length;
    const bad = offending(found, [wb, ...(input.options?.previous ? [input.options.previous] : [])]);
    all.push(...bad.map((b) => `${input.name}: ${b}`));
    expect(bad).toEqual([]);
  });

  afterAll(() => {
    // The measure of the issue: offending runs over all inputs.
    process.stdout.write(`english-data: ${findings} findings, ${all.length} offending Han runs\n`);
    if (process.env.ENGLISH_DATA_DUMP) fs.writeFileSync(process.env.ENGLISH_DATA_DUMP, all.join("\n") + "\n");
  });
});
