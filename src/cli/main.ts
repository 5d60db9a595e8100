/**
 * budget-tables: the command-line face of the same core the Excel add-in uses.
 * Each subcommand lives in ./commands and is registered here.
 */
import { HostError } from "../hosts/host";
import { processIO, type CliCommand, type CliIO } from "./io";
import { inspectCommand } from "./commands/inspect";
import { checkCommand } from "./commands/check";
import { templatesCommand } from "./commands/templates";
import { catalogCommand } from "./commands/catalog";
import { fillNamesCommand } from "./commands/fillNames";
import { draftCommand } from "./commands/draft";

export const commands: CliCommand[] = [checkCommand, templatesCommand, fillNamesCommand, draftCommand, catalogCommand, inspectCommand];

function help(io: CliIO): void {
  io.out("budget-tables —— 部门预算公开表格助手（命令行）\n");
  io.out("用法：budget-tables <命令> [参数]\n");
  for (const c of commands) io.out(`  ${c.name.padEnd(12)}${c.summary}\n      ${c.usage}`);
}

export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    help(io);
    return name ? 0 : 2;
  }
  const cmd = commands.find((c) => c.name === name);
  if (!cmd) {
    io.err(`未知命令：${name}`);
    help(io);
    return 2;
  }
  try {
    return await cmd.run(rest, io);
  } catch (e) {
    if (e instanceof HostError) {
      io.err(`budget-tables ${name}：${e.message}`);
      return 2;
    }
    // anything else is our fault: say so in Chinese, without a stack trace
    io.err(`budget-tables ${name}：出现意外错误（${e instanceof Error ? e.message : String(e)}）。请把所用的命令和文件告知维护者。`);
    return 2;
  }
}
