/**
 * The Word host: the seeds' 情况说明 as .docx (test/fixtures/docx, built from the seed texts
 * by build.ts) read back paragraph for paragraph, tables with merged cells, and the text of
 * a .docx checked against the tables of the seed workbook with the same findings as when the
 * text sits in the workbook's own 情况说明 sheet.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalMergeType } from "docx";
import { displayValue, getCell } from "../../src/core/model";
import { runChecks } from "../../src/core/checks/engine";
import { readXlsxFile } from "../../src/hosts/xlsx/xlsxHost";
import { locateDocxFinding, readDocx } from "../../src/hosts/docx";
import { readAnyInput, withNarrative } from "../../src/hosts/input";
import { seedParagraphs } from "../fixtures/docx/build";
import type { Finding } from "../../src/core/checks/types";

const FIX = join(__dirname, "../fixtures/docx");
const SEEDS = ["haikou-2024", "xinzhou-2023", "wuhan-2024", "zengdu-2024", "dazhou-2024"];

describe.each(SEEDS)("%s", (id) => {
  const path = join(FIX, `${id}-说明.docx`);

  test("every paragraph of the seed's 情况说明 comes back, in order, on the 情况说明 sheet", async () => {
    const expected = seedParagraphs(id);
    expect(expected.length).toBeGreaterThan(20);
    const read = await readDocx(new Uint8Array(readFileSync(path)), { file: path });
    expect(read.paragraphs.map((p) => p.text)).toEqual(expected.map((t) => t.trim()));
    const sheet = read.workbook.sheets.find((s) => s.name === "情况说明")!;
    expect(sheet.rows.map((row) => row?.[0]?.value)).toEqual(expected.map((t) => t.trim()));
    expect(read.tables).toEqual([]);
    // Located by paragraph.
    expect(locateDocxFinding(read, { sheet: "情况说明", cell: "A3" })).toEqual({ paragraph: read.paragraphs[2].index });
  });

  test("checked against the seed workbook's tables: the same text findings as with the text in the workbook", async () => {
    const xlsx = join(__dirname, `../fixtures/seeds/${id}.xlsx`);
    const original = await readXlsxFile(xlsx);
    const key = (f: Finding) => `${f.ruleId}|${f.severity}|${f.expected ?? ""}|${f.actual ?? ""}|${f.message.replace(/[A-Z]{1,3}\d+/g, "#")}`;
    const textRules = new Set(["narrative", "percent", "names"]);
    const onText = (fs: Finding[]) => fs.filter((f) => f.sheet === "情况说明" && textRules.has(f.ruleId)).map(key).sort();
    const before = onText(runChecks(original).findings);
    // Three of the seeds have findings in their text (recomputed in docs/findings-text.md): the comparison is not vacuous.
    if (["haikou-2024", "zengdu-2024", "dazhou-2024"].includes(id)) expect(before.length).toBeGreaterThan(0);

    // The workbook's own 情况说明 sheet is replaced by the .docx text.
    const combined = withNarrative(await readAnyInput(xlsx), await readAnyInput(path));
    expect(combined.workbook.sheets.filter((s) => s.name.startsWith("情况说明")).length).toBe(1);
    const after = runChecks(combined.workbook).findings;
    expect(onText(after)).toEqual(before);
    for (const f of after.filter((x) => x.sheet === "情况说明")) expect(combined.locate(f)).toMatch(new RegExp(`^${id}-说明\\.docx 第 \\d+ 段$`));
  });
});

test("a table in Word: title and unit line above it, merged header cells, figures as numbers, codes as text", async () => {
  const cell = (text: string, o: Partial<ConstructorParameters<typeof TableCell>[0]> = {}) => new TableCell({ children: [new Paragraph(text)], ...o });
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph("一、收支总体情况"),
          new Paragraph("2024年收入总计405.52万元，支出总计405.52万元。"),
          new Paragraph({ children: [new TextRun("2024年部门支出总表")], alignment: AlignmentType.CENTER }),
          new Paragraph("单位：万元"),
          new Table({
            rows: [
              new TableRow({ children: [cell("科目编码", { verticalMerge: VerticalMergeType.RESTART }), cell("科目名称", { verticalMerge: VerticalMergeType.RESTART }), cell("本年支出", { columnSpan: 3 })] }),
              new TableRow({ children: [cell("", { verticalMerge: VerticalMergeType.CONTINUE }), cell("", { verticalMerge: VerticalMergeType.CONTINUE }), cell("合计"), cell("基本支出"), cell("项目支出")] }),
              new TableRow({ children: [cell("208"), cell("社会保障和就业支出"), cell("376.17"), cell("300.00"), cell("76.17")] }),
              new TableRow({ children: [cell("20805"), cell("行政事业单位养老支出"), cell("1,376.17"), cell("1,300.00"), cell("76.17")] }),
            ],
          }),
          new Paragraph("二、其他说明"),
        ],
      },
    ],
  });
  const read = await readDocx(new Uint8Array(await Packer.toBuffer(doc)));
  expect(read.tables).toHaveLength(1);
  const sheet = read.workbook.sheets.find((s) => s.name === "2024年部门支出总表")!;
  expect(getCell(sheet, 0, 0)?.value).toBe("2024年部门支出总表");
  expect(getCell(sheet, 1, 0)?.value).toBe("单位：万元");
  expect(sheet.merges).toEqual(expect.arrayContaining([{ r1: 2, c1: 2, r2: 2, c2: 4 }, { r1: 2, c1: 0, r2: 3, c2: 0 }, { r1: 2, c1: 1, r2: 3, c2: 1 }]));
  expect(displayValue(sheet, 3, 0)).toBe("科目编码");
  expect(getCell(sheet, 4, 0)?.value).toBe("208");
  expect(getCell(sheet, 5, 2)).toEqual({ value: 1376.17, numFmt: "#,##0.00" });
  // Title and unit went to the table; the rest is the text.
  const text = read.workbook.sheets.find((s) => s.name === "情况说明")!;
  expect(text.rows.map((r) => r?.[0]?.value)).toEqual(["一、收支总体情况", "2024年收入总计405.52万元，支出总计405.52万元。", "二、其他说明"]);
  expect(locateDocxFinding(read, { sheet: sheet.name, cell: "C6" })).toMatchObject({ table: 1 });
});

test("bad input: a clear Chinese message naming the file", async () => {
  await expect(readDocx(new TextEncoder().encode("not a zip"), { file: "/x/说明.docx" })).rejects.toThrow(/“说明\.docx”不是有效的 Word 文档/);
  await expect(readAnyInput("/tmp/没有这个文件.docx")).rejects.toThrow(/没有这个文件.docx：文件不存在/);
  await expect(readAnyInput("/tmp/说明.doc")).rejects.toThrow(/“说明\.doc”不是可检查的文件类型/);
});

describe("budget-tables check with .pdf, .docx and --narrative", () => {
  const run = async (args: string[]) => {
    const { checkCommand } = await import("../../src/cli/commands/check");
    let out = "";
    let err = "";
    const code = await checkCommand.run(args, { out: (t: string) => (out += t + "\n"), err: (t: string) => (err += t + "\n") } as never);
    return { code, out, err };
  };

  test("tables.xlsx --narrative 说明.docx: the text's findings come located by paragraph of the .docx", async () => {
    const xlsx = join(__dirname, "../fixtures/seeds/dazhou-2024.xlsx");
    const docx = join(FIX, "dazhou-2024-说明.docx");
    const { code, out } = await run([xlsx, "--narrative", docx, "--format", "json"]);
    expect(code).toBe(1);
    const findings = JSON.parse(out).flatMap((r: { findings?: Finding[] }) => r.findings ?? r) as Finding[];
    const percent = findings.filter((f) => f.ruleId === "percent" && /dazhou-2024-说明\.docx 第 \d+ 段/.test(f.message));
    expect(percent.length).toBeGreaterThan(0);
  });

  test("a PDF is checked directly; its findings name the page", async () => {
    // 司法局 2026 单位: its 行政运行 row prints the 类's 项目支出 (docs/findings-field.md), on page 11.
    const pdf = join(__dirname, "../../../shared/field/2026-putuo-justice-unit.pdf");
    const { code, out, err } = await run([pdf, "--format", "json"]);
    expect(err).toBe("");
    expect(code).toBe(1);
    const findings = JSON.parse(out).flatMap((r: { findings?: Finding[] }) => r.findings ?? r) as Finding[];
    const onCells = findings.filter((f) => f.cell !== "A1");
    expect(onCells.length).toBeGreaterThan(0);
    for (const f of onCells) expect(f.message).toMatch(/（第 \d+ 页第 \d+ 行）$/);
    expect(onCells.some((f) => f.ruleId === "columns" && f.actual === 14348853.34 && /（第 11 页第 9 行）$/.test(f.message))).toBe(true);
  });
});
