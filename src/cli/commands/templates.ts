import { renderTemplateSet, type AmountUnit, type Scope } from "../../core/templates";
import { STANDARD_TABLES } from "../../core/specs/tables";
import { computeFormulaResults } from "../../core/templates/evaluate";
import { variantOptions } from "../../core/workflows/insert";
import { writeXlsxBuffer } from "../../hosts/xlsx/xlsxHost";
import { parseArgs, type CliCommand } from "../io";
import { guardOutputPath, writeOutputFile } from "../outputPath";

const USAGE =
  "budget-tables templates --year 2024 --unit 某某单位 [--scope 部门|单位] [--amount-unit 万元|元] [--tables T1,T3,…] [--no-formulas] [--all-classes] [--empty-note T8,T9] [--t1-split] [--t4-funds] [--t5-plain] --out FILE.xlsx [--force]";

export const templatesCommand: CliCommand = {
  name: "templates",
  summary: "生成标准公开表格模板（带公式）到 .xlsx 文件（write the standard disclosure table templates）",
  usage: USAGE,
  async run(args, io) {
    const { flags, positional } = parseArgs(args, ["no-formulas", "all-classes", "force", "t1-split", "t4-funds", "t5-plain"]);
    const bad = (msg: string) => {
      io.err(`budget-tables templates：${msg}\n用法：${USAGE}`);
      return 2;
    };
    if (positional.length) return bad(`多余的参数：${positional.join(" ")}`);
    const known = ["year", "unit", "scope", "amount-unit", "tables", "no-formulas", "all-classes", "empty-note", "t1-split", "t4-funds", "t5-plain", "out", "force"];
    const unknown = Object.keys(flags).filter((k) => !known.includes(k));
    if (unknown.length) return bad(`未知参数：${unknown.map((k) => "--" + k).join(" ")}`);
    const yearText = typeof flags.year === "string" ? flags.year : "";
    if (!/^\d{4}$/.test(yearText)) return bad("请用 --year 给出四位数的预算年度，例如 --year 2024。");
    const year = Number(yearText);
    const unit = typeof flags.unit === "string" ? flags.unit.trim() : "";
    if (!unit) return bad("请用 --unit 给出单位（部门）名称。");
    const scope = flags.scope === undefined ? "部门" : flags.scope;
    if (scope !== "部门" && scope !== "单位") return bad("--scope 只能是“部门”或“单位”。");
    const amountUnit = flags["amount-unit"] === undefined ? "万元" : flags["amount-unit"];
    if (amountUnit !== "万元" && amountUnit !== "元") return bad("--amount-unit 只能是“万元”或“元”。");
    const ids = STANDARD_TABLES.map((t) => t.id);
    const list = (v: string | true | undefined, name: string): string[] | undefined | null => {
      if (v === undefined) return undefined;
      if (v === true) return null;
      const items = v.split(/[,，\s]+/).filter(Boolean).map((s) => s.toUpperCase());
      const wrong = items.filter((s) => !ids.includes(s));
      if (wrong.length || !items.length) {
        io.err(`budget-tables templates：${name} 中有未知的表：${wrong.join("、") || "（空）"}。可用：${ids.join(",")}`);
        return null;
      }
      return items;
    };
    const tables = list(flags.tables, "--tables");
    if (tables === null) return bad("--tables 应为逗号分隔的表号，例如 T1,T3,T5。");
    const emptyNoteTables = list(flags["empty-note"], "--empty-note");
    if (emptyNoteTables === null) return bad("--empty-note 应为逗号分隔的表号，例如 T8,T9。");
    const out = typeof flags.out === "string" ? flags.out : "";
    if (!out) return bad("请用 --out 给出要写入的 .xlsx 文件。");
    if (!/\.xlsx$/i.test(out)) return bad("--out 的文件名应以 .xlsx 结尾。");
    try {
      await guardOutputPath(out, [], { force: !!flags.force });
    } catch (e) {
      io.err(`budget-tables templates：${(e as Error).message}`);
      return 2;
    }
    const set = renderTemplateSet({
      year,
      unitName: unit,
      scope: scope as Scope,
      amountUnit: amountUnit as AmountUnit,
      tables,
      formulas: !flags["no-formulas"],
      allClasses: !!flags["all-classes"],
      emptyNoteTables,
      // the pane's 版式 checkboxes, mapped by the same use case (core/workflows/insert.ts)
      ...variantOptions({ t1Split: !!flags["t1-split"], t5Plain: !!flags["t5-plain"], t4Funds: !!flags["t4-funds"] }),
    });
    // cached results, as Excel stores them after calculating: a fresh template reads as 0 totals
    const results = computeFormulaResults({ sheets: set.sheets });
    try {
      await writeOutputFile(out, await writeXlsxBuffer({ sheets: set.sheets }), { force: !!flags.force });
    } catch (e) {
      io.err(`budget-tables templates：${(e as Error).message}`);
      return 2;
    }
    if (results.left) io.out(`注意：${results.left} 个公式没有预先算出结果，请在 Excel 中打开后保存一次（重新计算）。`);
    for (const n of set.notes) io.out(`注意：${n}`);
    io.out(`已写入 ${out}：${set.sheets.length} 个工作表，公式 ${set.formulaCount} 个（${year} 年，${scope}，金额单位 ${amountUnit}）`);
    for (const s of set.sheets) {
      const f = s.rows.reduce((n, row) => n + (row ?? []).filter((c) => c?.formula).length, 0);
      io.out(`  ${s.name}  公式 ${f}`);
    }
    return 0;
  },
};
