/**
 * Evidence for catalog entries: the code–name pairs a published document prints in its
 * tables, read from the document's text (what `pdftotext -layout` or a copy-paste gives).
 *
 * A table line starts with the code — joined ("2080505") or split over 类/款/项 columns
 * ("208   05   05", "208\t05\t05"), optionally followed by a unit code ("302002") — and
 * then the name. A 款/项 line whose 类 (or 款) is left blank inherits it from the line
 * above, as documents print it when the 类 is only on its own row.
 *
 * Used by scripts/catalog-evidence.ts (which writes data/catalog/verified.json) and by
 * the test that recomputes that file.
 */
import { toHalfWidth } from "../text";

export interface PrintedPair {
  code: string;
  name: string;
  /** 1-based line in the text. */
  line: number;
}

const NAME_START = /^[\u3400-\u9fff\uff08(“"]/;

/** Every code–name pair printed at the start of a line of the text, in order. */
export function printedPairs(text: string): PrintedPair[] {
  const out: PrintedPair[] = [];
  const lines = text.split(/\r?\n/);
  let lei: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = toHalfWidth(lines[i]).replace(/\u3000/g, " ");
    // Columns: tabs (a copied table), or runs of two or more spaces (pdftotext -layout); a name may hold a single space.
    let tokens = (line.includes("\t") ? line.trim().split(/\t+/) : line.trim().split(/\s{2,}/)).map((t) => t.trim()).filter((t) => t !== "");
    if (tokens.length && !/^\d+$/.test(tokens[0])) tokens = line.trim().split(/[\t ]+/);
    if (tokens.length < 2) continue;
    let k = 0;
    let code: string | null = null;
    const t0 = tokens[0];
    if (/^[1-9]\d{2}(\d{2}){0,2}$/.test(t0)) {
      // joined, or the 类 of a split code
      if (t0.length === 3 && /^\d{2}$/.test(tokens[1] ?? "")) {
        code = t0 + tokens[1];
        k = 2;
        if (/^\d{2}$/.test(tokens[2] ?? "")) {
          code += tokens[2];
          k = 3;
        }
      } else {
        code = t0;
        k = 1;
      }
    } else if (/^\d{2}$/.test(t0) && lei) {
      // 类 left blank: "   06   01   行政运行"
      if (/^\d{2}$/.test(tokens[1] ?? "")) {
        code = lei + t0 + tokens[1];
        k = 2;
      } else {
        code = lei + t0;
        k = 1;
      }
    } else continue;
    // a unit code between the code and the name (达州: 208 01 50 302002 事业运行)
    while (k < tokens.length && /^\d{3,6}$/.test(tokens[k]) && k < 4) k++;
    const name = tokens[k];
    if (!name || !NAME_START.test(name)) continue;
    if (!/^[123]/.test(code)) continue;
    lei = code.slice(0, 3);
    out.push({ code, name: name.replace(/\s+/g, "").replace(/[，,。；;：:]+$/, ""), line: i + 1 });
  }
  return out;
}
