import { rangeToA1 } from "../../core/a1";
import { sheetStats, usedRange } from "../../core/model";
import { HostError } from "../../hosts/host";
import { readInputFile } from "../../hosts/xlsx/readInput";
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
    let failed = false;
    for (const file of positional) {
      let read;
      try {
        read = await readInputFile(file, { convert: true });
      } catch (e) {
        if (!(e instanceof HostError)) throw e;
        io.err(`budget-tables inspect：${e.message}`);
        failed = true;
        continue;
      }
      const { wb, info, note } = read;
      if (note) io.err(`budget-tables inspect：${note}`);
      const sheets = wb.sheets.map((s, i) => {
        const ur = usedRange(s);
        const uncached = info.uncachedFormulas.filter((u) => u.sheet === s.name).length;
        return { sheet: s.name, state: info.sheetStates[i], usedRange: ur ? rangeToA1(ur) : null, merges: s.merges.length, ...sheetStats(s), uncachedFormulas: uncached };
      });
      results.push({ file, sheets });
    }
    if (flags.format === "json") {
      io.out(JSON.stringify(results, null, 2));
      return failed ? 2 : 0;
    }
    for (const { file, sheets } of results) {
      io.out(`${file}：${sheets.length} 个工作表`);
      for (const s of sheets) {
        io.out(
          `  ${s.sheet}${s.state === "hidden" || s.state === "veryHidden" ? "（隐藏）" : ""}  区域 ${s.usedRange ?? "（空）"}  数字 ${s.numbers}  文本 ${s.texts}  公式 ${s.formulas}` +
            (s.uncachedFormulas ? `（其中 ${s.uncachedFormulas} 个没有计算结果：请在 Excel 中重新计算并保存）` : "") +
            (s.errors ? `  错误值 ${s.errors}` : "") +
            (s.merges ? `  合并 ${s.merges}` : ""),
        );
      }
    }
    return failed ? 2 : 0;
  },
};
