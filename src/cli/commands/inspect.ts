import { rangeToA1 } from "../../core/a1";
import { sheetStats, usedRange } from "../../core/model";
import { readXlsxFile } from "../../hosts/xlsx/xlsxHost";
import { parseArgs, type CliCommand } from "../io";

export const inspectCommand: CliCommand = {
  name: "inspect",
  summary: "列出每个工作表的已用区域及数字、文本、公式个数（list each sheet's used range and counts）",
  usage: "budget-tables inspect FILE.xlsx [--format text|json]",
  async run(args, io) {
    const { flags, positional } = parseArgs(args);
    if (positional.length === 0) {
      io.err(`用法：${this.usage}`);
      return 2;
    }
    const results = [];
    for (const file of positional) {
      const wb = await readXlsxFile(file);
      const sheets = wb.sheets.map((s) => {
        const ur = usedRange(s);
        return { sheet: s.name, usedRange: ur ? rangeToA1(ur) : null, merges: s.merges.length, ...sheetStats(s) };
      });
      results.push({ file, sheets });
    }
    if (flags.format === "json") {
      io.out(JSON.stringify(results, null, 2));
      return 0;
    }
    for (const { file, sheets } of results) {
      io.out(`${file}：${sheets.length} 个工作表`);
      for (const s of sheets) {
        io.out(
          `  ${s.sheet}  区域 ${s.usedRange ?? "（空）"}  数字 ${s.numbers}  文本 ${s.texts}  公式 ${s.formulas}` +
            (s.errors ? `  错误值 ${s.errors}` : "") +
            (s.merges ? `  合并 ${s.merges}` : ""),
        );
      }
    }
    return 0;
  },
};
