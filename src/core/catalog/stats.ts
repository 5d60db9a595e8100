/** The table of verified entries per kind and edition that data/catalog/README.md shows. */
import type { Catalog } from "./catalog";

export function formatVerifiedStats(cat: Catalog): string {
  const rows = cat.verifiedStats();
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  const lines = ["| kind | " + years.join(" | ") + " |", "|---|" + years.map(() => "---|").join("")];
  for (const kind of [...new Set(rows.map((r) => r.kind))]) {
    const cells = years.map((y) => {
      const r = rows.find((x) => x.kind === kind && x.year === y);
      return r ? `${r.verified} / ${r.total}` : "—";
    });
    lines.push(`| ${kind} | ${cells.join(" | ")} |`);
  }
  return lines.join("\n");
}
