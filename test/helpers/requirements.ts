import type { Requirements } from "../../src/hosts/office/features";

/** Office.context.requirements of an Excel that has these sets up to these versions (and nothing else). */
export function excel(sets: Record<string, string>): Requirements {
  const num = (v: string) => v.split(".").map(Number);
  const atLeast = (have: string, want: string) => {
    const [a, b] = [num(have), num(want)];
    return a[0] !== b[0] ? a[0] > b[0] : (a[1] ?? 0) >= (b[1] ?? 0);
  };
  return { isSetSupported: (name, version = "1.1") => name in sets && atLeast(sets[name], version) };
}
