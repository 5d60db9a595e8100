/** What a CLI command may touch besides files: lets tests capture output. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** Whole standard input, for commands that read codes with "-". */
  readStdin(): Promise<string>;
}

export const processIO: CliIO = {
  out: (t) => process.stdout.write(t.endsWith("\n") ? t : t + "\n"),
  err: (t) => process.stderr.write(t.endsWith("\n") ? t : t + "\n"),
  readStdin: () =>
    new Promise((resolve, reject) => {
      let data = "";
      process.stdin.setEncoding("utf8");
      process.stdin.on("data", (c) => (data += c));
      process.stdin.on("end", () => resolve(data));
      process.stdin.on("error", reject);
    }),
};

export interface CliCommand {
  name: string;
  /** One line, Chinese first. */
  summary: string;
  usage: string;
  /** Returns the exit code: 0 fine, 1 findings/errors in the data, 2 cannot run (bad input). */
  run(args: string[], io: CliIO): Promise<number>;
}

/** Minimal flag parser: --key value, --flag, positional arguments; "-" is positional. */
export function parseArgs(args: string[], booleanFlags: string[] = []): { flags: Record<string, string | true>; positional: string[] } {
  const flags: Record<string, string | true> = {};
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith("--")) {
      const eq = a.indexOf("=");
      if (eq > 0) flags[a.slice(2, eq)] = a.slice(eq + 1);
      else {
        const key = a.slice(2);
        if (booleanFlags.includes(key) || i + 1 >= args.length || (args[i + 1].startsWith("--"))) flags[key] = true;
        else flags[key] = args[++i];
      }
    } else positional.push(a);
  }
  return { flags, positional };
}
