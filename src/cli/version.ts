import * as fs from "fs";
import * as path from "path";

/** The version of budget-tables: from the package.json above this file (source, compiled or bundled alike). */
export function toolVersion(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const p = path.join(dir, "package.json");
    try {
      const pkg = JSON.parse(fs.readFileSync(p, "utf8")) as { name?: string; version?: string };
      if (pkg.name === "budget-tables" && pkg.version) return pkg.version;
    } catch {
      // not here: look one folder up
    }
    dir = path.dirname(dir);
  }
  return "unknown";
}
