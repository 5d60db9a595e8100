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
import { findingMessage, joinList, levelWord, tableText, tr, unitWord } from "../../src/core/checks/messages";
import { RULES } from "../../src/core/checks/rules";
import type { CheckOptions, Finding } from "../../src/core/checks/types";
import { sheetFromRows, type Workbook } from "../../src/core/model";
import { analyzeNarrative } from "../../src/core/narrative/analyze";
import { recognizeWorkbook } from "../../src/core/recognize";
import { EXTRA_TABLES } from "../../src/core/specs/extras";
import { STANDARD_TABLES } from "../../src/core/specs/tables";
import { COLUMN_HEADERS_EN } from "../../src/core/specs/columnsEn";
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

describe("the composed parts, per language", () => {
  test("helpers: level words, units, lists, standard tables", () => {
    expect(["类", "款", "项", "最高级科目"].map((l) => [levelWord(l, "zh-CN"), levelWord(l, "en-US")])).toEqual([
      ["类", "category"],
      ["款", "subcategory"],
      ["项", "item"],
      ["最高级科目", "top-level classification"],
    ]);
    expect([unitWord("万元", "en-US"), unitWord("元", "en-US"), unitWord("万元", "zh-CN")]).toEqual(["× 10,000 yuan", "yuan", "万元"]);
    expect([joinList(["a", "b"], "zh-CN"), joinList(["a", tr("乙", "b")], "en-US")]).toEqual(["a、b", "a, b"]);
    const t13 = STANDARD_TABLES.find((t) => t.id === "T13")!;
    expect(tableText(t13)).toEqual({ "zh-CN": "T13 政府采购预算表", "en-US": "T13 Government procurement budget (政府采购预算表)" });
    // Every standard table has an English name, in English.
    expect([...STANDARD_TABLES, ...EXTRA_TABLES].filter((t) => !t.titleEn || /[\u3400-\u9fff]/.test(t.titleEn)).map((t) => t.id)).toEqual([]);
  });

  test("a column not found: named in English with the standard header beside it; every standard header has an English name", () => {
    const wb: Workbook = { sheets: [sheetFromRows("支出总表", [["部门支出总表"], ["科目编码", "科目名称", "合计", "基本支出"], [null, "合计", 30, 20]], "#,##0.00")] };
    const missing = runChecks(wb).findings.find((f) => f.messageId === "missingColumns")!;
    expect(missing.message).toBe("未找到列：项目支出（与这些列有关的检查不做）");
    expect(findingMessage(missing, "en-US", RULES)).toBe("Columns not found: project expenditure (项目支出) (the checks that need them are skipped)");
    const headers = new Set(STANDARD_TABLES.flatMap((t) => t.columns.flatMap((c) => [c.header, ...(c.group ?? [])])));
    expect([...headers].filter((h) => !COLUMN_HEADERS_EN[h] || /[\u3400-\u9fff]/.test(COLUMN_HEADERS_EN[h]))).toEqual([]);
  });

  test("达州: the 尾差 and the shares' base worded in English, the Chinese as before", async () => {
    const found = runChecks(await readXlsxFile(path.join(seeds, "dazhou-2024.xlsx"))).findings;
    const tail = found.find((f) => f.ruleId === "tail-difference" && f.cell === "D33")!;
    expect(tail.message).toContain("D33 “本年支出合计”（各“类”）：各项之和 641.14，填列 641.15，相差 0.01");
    expect(findingMessage(tail, "en-US", RULES)).toContain("D33 “本年支出合计” (the category lines): parts add up to 641.14, filled in 641.15, difference 0.01");
    const share = found.find((f) => f.ruleId === "percent" && f.message.includes("87.44%"))!;
    expect(share.message).toContain("560.62 ÷ 641.14（所列各项之和）= 87.44%");
    expect(findingMessage(share, "en-US", RULES)).toContain("560.62 ÷ 641.14 (the sum of the listed parts) = 87.44%");
    const name = found.find((f) => f.ruleId === "names" && f.message.includes("2101102"))!;
    expect(findingMessage(name, "en-US", RULES)).toContain("not the name of a code at the item level under 21011; by its amount, 21.43 × 10,000 yuan, it should be 2101102 事业单位医疗");
  });

  test("year-over-year: last year's figure from last year's workbook, or from this workbook's 上年 column", () => {
    const table = (rows: (string | number | null)[][]) => sheetFromRows("三公经费", rows, "0.00");
    const thisYear = (withPrior: boolean): Workbook => ({
      sheets: [
        withPrior
          ? table([["2024年一般公共预算“三公”经费支出表"], ["单位：万元"], ["“三公”经费合计", null, "增减额"], ["上年预算数", "本年预算数", null], [3.7, 1.7, -2]])
          : table([["2024年一般公共预算“三公”经费支出表"], ["单位：万元"], ["“三公”经费合计"], ["本年预算数"], [1.7]]),
        sheetFromRows("情况说明", [["2024年“三公”经费预算1.7万元，比上年预算3.5万元减少1.8万元。"]]),
      ],
    });
    const lastYear: Workbook = { sheets: [table([["2023年一般公共预算“三公”经费支出表"], ["单位：万元"], ["“三公”经费合计"], ["本年预算数"], [3.7]])] };
    const prior = (wb: Workbook, options?: Partial<CheckOptions>) => runChecks(wb, options).findings.filter((f) => f.messageId === "wrongPrior");
    const fromColumn = prior(thisYear(true));
    const fromWorkbook = prior(thisYear(false), { previous: lastYear });
    expect([fromColumn.length, fromWorkbook.length]).toEqual([1, 1]);
    expect(fromColumn[0].message).toContain("写上年 3.50，本工作簿表中的上年数 三公经费!A5 为 3.70");
    expect(findingMessage(fromColumn[0], "en-US", RULES)).toContain("gives 3.50, the last-year column of this workbook's table has 3.70 at 三公经费!A5");
    expect(fromWorkbook[0].message).toContain("写上年 3.50，上年工作簿 三公经费!A5 为 3.70");
    expect(findingMessage(fromWorkbook[0], "en-US", RULES)).toContain("gives 3.50, last year's workbook has 3.70 at 三公经费!A5");
  });
});
