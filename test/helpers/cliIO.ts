/** A CliIO that captures what a command prints, for CLI tests. */
import type { CliIO } from "../../src/cli/io";

export type CapturedIO = CliIO & { stdout: string; stderr: string };

export function captureIO(stdin = ""): CapturedIO {
  const io: CapturedIO = {
    stdout: "",
    stderr: "",
    out(t: string) {
      io.stdout += t + "\n";
    },
    err(t: string) {
      io.stderr += t + "\n";
    },
    readStdin: async () => stdin,
  };
  return io;
}
