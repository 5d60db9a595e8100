/**
 * Part-by-part comparison of an .xlsx before and after a patch, at the level of the
 * package's bytes (not through exceljs, which cannot see most of what a file carries).
 */
import JSZip from "jszip";

export async function entries(buf: Buffer): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(buf);
  const out = new Map<string, Buffer>();
  for (const name of Object.keys(zip.files).sort()) {
    const f = zip.files[name];
    if (!f.dir) out.set(name, await f.async("nodebuffer"));
  }
  return out;
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The sheet XML with the <c> elements at `refs` removed, and the rows listed in `rows` reduced to their number. */
export function withoutCells(xml: string, refs: Iterable<string>, rows: Iterable<number> = []): string {
  let out = xml;
  for (const ref of refs) out = out.replace(new RegExp(`<c r="${esc(ref)}"(?:\\s[^>]*?)?(?:/>|>[\\s\\S]*?</c>)`), "");
  for (const r of rows) {
    // a touched row may have gained a spans hint; a row that only holds new cells disappears
    out = out.replace(new RegExp(`(<row r="${r}")([^>]*?)( spans="[^"]*")?([^>]*>)`), "$1$2$4");
    out = out.replace(new RegExp(`<row r="${r}"[^>]*?(?:/>|>\\s*</row>)`), "");
  }
  return out;
}

/** The content of element `name` (first occurrence), or "". */
function section(xml: string, name: string): string {
  const m = new RegExp(`<${name}\\b[^>]*?(?:/>|>([\\s\\S]*?)</${name}>)`).exec(xml);
  return m ? m[1] ?? "" : "";
}

/**
 * styles.xml may only have grown: every list (numFmts, fonts, fills, borders, cellXfs)
 * starts with exactly the old entries; everything else is identical.
 */
export function stylesOnlyAppended(before: string, after: string): string[] {
  const problems: string[] = [];
  let a = before;
  let b = after;
  for (const name of ["numFmts", "fonts", "fills", "borders", "cellXfs"]) {
    const sa = section(a, name);
    const sb = section(b, name);
    if (!sb.startsWith(sa)) problems.push(`${name}: old entries changed`);
    const strip = (x: string) => x.replace(new RegExp(`<${name}\\b[^>]*?(?:/>|>[\\s\\S]*?</${name}>)`), "");
    a = strip(a);
    b = strip(b);
  }
  if (a !== b) problems.push("styles.xml differs outside the appended lists");
  return problems;
}

export function withoutFullCalc(xml: string): string {
  return xml.replace(/ fullCalcOnLoad="1"/, "").replace(/<calcPr\/>/, "");
}
