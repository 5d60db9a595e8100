import { guessYear } from "../../core/fill/year";
import { isValidYear, resolveWorkContext } from "../../core/workflows/context";
import { planFillTarget } from "../../core/workflows/fill";
import { HostError } from "../../hosts/host";
import { writeChangedCopy } from "../../hosts/xlsx/patch";
import { readXlsxFile } from "../../hosts/xlsx/xlsxHost";
import { guardOutputPath, OutputPathError } from "../outputPath";
import { catalogFromFlags, IMPORT_USAGE } from "../catalogOption";
import { parseArgs, type CliCommand } from "../io";

const LABEL: Record<string, string> = { fill: "填入", fix: "更正", flag: "需核对", "add-parent": "插入上级行" };

export const fillNamesCommand: CliCommand = {
  name: "fill-names",
  summary: "在科目编码旁填入官方科目名称，标出错误/截断的名称（fill official names next to codes）",
  usage: `budget-tables fill-names IN.xlsx --out OUT.xlsx [--year Y] [--fix-names] [--add-parents] [--indent] [--force] ${IMPORT_USAGE}`,
  async run(args, io) {
    const { flags, positional } = parseArgs(args, ["fix-names", "add-parents", "indent", "force"]);
    const input = positional[0];
    const out = typeof flags.out === "string" ? flags.out : undefined;
    if (!input || !out) {
      io.err(`用法：${this.usage}`);
      return 2;
    }
    try {
      await guardOutputPath(out, [input], { force: !!flags.force });
    } catch (e) {
      io.err(`budget-tables fill-names：${(e as Error).message}`);
      return 2;
    }
    const chosenYear = flags.year !== undefined ? Number(flags.year) : undefined;
    if (chosenYear !== undefined && !isValidYear(chosenYear)) {
      io.err(`年度无效：${flags.year}`);
      return 2;
    }
    const wb = await readXlsxFile(input);
    const loaded = await catalogFromFlags(flags, io, "fill-names");
    if ("exit" in loaded) return loaded.exit;
    const catalog = loaded.catalog;
    // the year as the pane decides it (core/workflows/context.ts): --year, else the workbook's, else next year
    const { year } = resolveWorkContext({ chosenYear, workbookYear: guessYear(wb), catalog });
    // the pane's 全部工作表 scope, planned by the same use case (core/workflows/fill.ts)
    const plan = planFillTarget(wb, catalog, { scope: "all" }, { year, fixNames: !!flags["fix-names"], addParents: !!flags["add-parents"], indent: !!flags.indent });
    // the copy is the input's package with only the changed cells rewritten (every other part byte for byte)
    try {
      await writeChangedCopy(input, plan.changes, out, { force: !!flags.force, before: wb });
    } catch (e) {
      if (e instanceof OutputPathError || e instanceof HostError) {
        io.err(`budget-tables fill-names：${e.message}`);
        return 2;
      }
      throw e;
    }
    io.out(`按 ${plan.edition ?? year} 年科目${plan.note ? `（${plan.note}）` : ""}：填入 ${plan.counts.fill} 个，更正 ${plan.counts.fix} 个，需核对 ${plan.counts.flag} 个，插入上级行 ${plan.counts["add-parent"]} 个。`);
    for (const it of plan.items) io.out(`  [${LABEL[it.action]}] ${it.sheet}!${it.cell}  ${it.code}  ${it.old || "（空）"} → ${it.new ?? "（未知编码）"}${it.action === "flag" ? `  ${it.message.replace(/^[A-Z]+\d+：/, "")}` : ""}`);
    for (const name of plan.protectedSheets) io.out(`  （工作表“${name}”受保护：只列出需要的修改，未写入。撤消保护后再运行。）`);
    for (const b of plan.noNameColumn) io.out(`  （${b.codeCol} 列有 ${b.rows} 个编码，但旁边没有名称列，未填）`);
    if (plan.counts.flag && !flags["fix-names"]) io.out("需核对的名称未改动；确认更正请加 --fix-names。");
    io.out(`已写入 ${out}`);
    return 0;
  },
};
