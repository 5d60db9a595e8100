/**
 * Compute the results of the formulas the templates write, over the model, so a written file
 * carries cached values (a fresh template then reads as totals of 0, not as "no result"), the
 * way Excel would store them after calculating.
 *
 * A deliberately small evaluator: numbers, strings, cell and range references (on this or
 * another sheet), + - * / & and comparisons, unary minus (so "--(…)"), parentheses, and the
 * functions the templates use: SUM, SUMIF (equality criteria), SUMPRODUCT, LEN, TRIM, ABS,
 * ROUND. A formula using anything else is left without a result (never guessed); cycles too.
 */
import { getSheet, type Cell, type CellValue, type Sheet, type Workbook } from "../model";

type Scalar = number | string | boolean | null;
type Val = Scalar | Scalar[];

class Unsupported extends Error {}

interface Tok {
  t: "num" | "str" | "ref" | "fn" | "op" | "(" | ")" | ",";
  v: string;
}

const REF_RE = /^(?:('(?:[^']|'')+'|[^\s!'"(),:+\-*/&=<>^]+)!)?(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)/;

function tokenize(f: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < f.length) {
    const ch = f[i];
    if (ch === " ") {
      i++;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      let s = "";
      for (;;) {
        if (j >= f.length) throw new Unsupported("string");
        if (f[j] === '"') {
          if (f[j + 1] === '"') {
            s += '"';
            j += 2;
            continue;
          }
          break;
        }
        s += f[j++];
      }
      out.push({ t: "str", v: s });
      i = j + 1;
      continue;
    }
    const num = /^\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(f.slice(i));
    if (num && !/^[A-Za-z]/.test(f.slice(i + num[0].length))) {
      out.push({ t: "num", v: num[0] });
      i += num[0].length;
      continue;
    }
    const fn = /^([A-Za-z][A-Za-z0-9.]*)\(/.exec(f.slice(i));
    if (fn) {
      out.push({ t: "fn", v: fn[1].toUpperCase() });
      i += fn[1].length;
      continue;
    }
    const ref = REF_RE.exec(f.slice(i));
    if (ref) {
      out.push({ t: "ref", v: ref[0] });
      i += ref[0].length;
      continue;
    }
    const op = /^(<=|>=|<>|[+\-*/&=<>])/.exec(f.slice(i));
    if (op) {
      out.push({ t: "op", v: op[1] });
      i += op[1].length;
      continue;
    }
    if (ch === "(" || ch === ")" || ch === ",") {
      out.push({ t: ch, v: ch });
      i++;
      continue;
    }
    throw new Unsupported(ch);
  }
  return out;
}

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function parseCellRef(a: string): { r: number; c: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(a)!;
  return { r: Number(m[2]) - 1, c: colIndex(m[1]) };
}

/** Evaluates formula cells of a workbook on demand, memoised, cycle-safe. */
class Evaluator {
  private done = new Map<Cell, Scalar>();
  private busy = new Set<Cell>();

  constructor(private wb: Workbook) {}

  cellValue(sheet: Sheet, r: number, c: number): Scalar {
    const cell = sheet.rows[r]?.[c];
    if (!cell) return null;
    if (!cell.formula) return typeof cell.value === "object" && cell.value !== null ? (() => { throw new Unsupported("error value"); })() : cell.value;
    return this.formulaValue(sheet, cell);
  }

  formulaValue(sheet: Sheet, cell: Cell): Scalar {
    if (this.done.has(cell)) return this.done.get(cell)!;
    if (this.busy.has(cell)) throw new Unsupported("cycle");
    this.busy.add(cell);
    try {
      const toks = tokenize(cell.formula!.replace(/^=/, ""));
      const p = new Parser(toks, this, sheet);
      const v = p.parseExpr();
      if (p.pos !== toks.length) throw new Unsupported("trailing");
      const s = Array.isArray(v) ? (v.length === 1 ? v[0] : (() => { throw new Unsupported("array result"); })()) : v;
      const res = s === null ? 0 : s;
      this.done.set(cell, res);
      return res;
    } finally {
      this.busy.delete(cell);
    }
  }

  ref(host: Sheet, text: string): { value: Val; range: boolean } {
    const bang = text.lastIndexOf("!");
    let sheet = host;
    let addr = text;
    if (bang >= 0) {
      const name = text.slice(0, bang).replace(/^'(.*)'$/, "$1").replace(/''/g, "'");
      const s = getSheet(this.wb, name);
      if (!s) throw new Unsupported("sheet");
      sheet = s;
      addr = text.slice(bang + 1);
    }
    const [a, b] = addr.split(":");
    const p = parseCellRef(a);
    if (b === undefined) return { value: this.cellValue(sheet, p.r, p.c), range: false };
    const q = parseCellRef(b);
    const r1 = Math.min(p.r, q.r);
    const r2 = Math.max(p.r, q.r);
    const c1 = Math.min(p.c, q.c);
    const c2 = Math.max(p.c, q.c);
    if ((r2 - r1 + 1) * (c2 - c1 + 1) > 1_000_000) throw new Unsupported("range too large");
    const out: Scalar[] = [];
    for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) out.push(this.cellValue(sheet, r, c));
    return { value: out, range: true };
  }
}

const num = (v: Scalar): number => {
  if (v === null || v === "") return 0;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  const n = Number(v);
  if (Number.isFinite(n)) return n;
  throw new Unsupported("#VALUE!");
};
const str = (v: Scalar): string => (v === null ? "" : typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v));

function lift(a: Val, b: Val, f: (x: Scalar, y: Scalar) => Scalar): Val {
  if (!Array.isArray(a) && !Array.isArray(b)) return f(a, b);
  const n = Array.isArray(a) ? a.length : (b as Scalar[]).length;
  if (Array.isArray(a) && Array.isArray(b) && a.length !== b.length) throw new Unsupported("shape");
  const out: Scalar[] = [];
  for (let i = 0; i < n; i++) out.push(f(Array.isArray(a) ? a[i] : a, Array.isArray(b) ? b[i] : b));
  return out;
}
const map = (a: Val, f: (x: Scalar) => Scalar): Val => (Array.isArray(a) ? a.map(f) : f(a));

function compare(op: string, x: Scalar, y: Scalar): boolean {
  const bothNum = (typeof x === "number" || x === null) && (typeof y === "number" || y === null);
  const d = bothNum ? num(x) - num(y) : str(x).toLowerCase() < str(y).toLowerCase() ? -1 : str(x).toLowerCase() > str(y).toLowerCase() ? 1 : 0;
  switch (op) {
    case "=":
      return d === 0;
    case "<>":
      return d !== 0;
    case "<":
      return d < 0;
    case ">":
      return d > 0;
    case "<=":
      return d <= 0;
    default:
      return d >= 0;
  }
}

class Parser {
  pos = 0;
  constructor(
    private toks: Tok[],
    private ev: Evaluator,
    private sheet: Sheet,
  ) {}

  private peek(): Tok | undefined {
    return this.toks[this.pos];
  }
  private take(t?: Tok["t"], v?: string): Tok {
    const k = this.toks[this.pos];
    if (!k || (t && k.t !== t) || (v && k.v !== v)) throw new Unsupported("syntax");
    this.pos++;
    return k;
  }

  parseExpr(): Val {
    let a = this.parseConcat();
    for (;;) {
      const k = this.peek();
      if (k?.t === "op" && ["=", "<>", "<", ">", "<=", ">="].includes(k.v)) {
        this.pos++;
        const b = this.parseConcat();
        a = lift(a, b, (x, y) => compare(k.v, x, y));
      } else return a;
    }
  }
  private parseConcat(): Val {
    let a = this.parseAdd();
    while (this.peek()?.t === "op" && this.peek()!.v === "&") {
      this.pos++;
      const b = this.parseAdd();
      a = lift(a, b, (x, y) => str(x) + str(y));
    }
    return a;
  }
  private parseAdd(): Val {
    let a = this.parseMul();
    for (;;) {
      const k = this.peek();
      if (k?.t === "op" && (k.v === "+" || k.v === "-")) {
        this.pos++;
        const b = this.parseMul();
        a = lift(a, b, (x, y) => (k.v === "+" ? num(x) + num(y) : num(x) - num(y)));
      } else return a;
    }
  }
  private parseMul(): Val {
    let a = this.parseUnary();
    for (;;) {
      const k = this.peek();
      if (k?.t === "op" && (k.v === "*" || k.v === "/")) {
        this.pos++;
        const b = this.parseUnary();
        a = lift(a, b, (x, y) => {
          if (k.v === "*") return num(x) * num(y);
          if (num(y) === 0) throw new Unsupported("#DIV/0!");
          return num(x) / num(y);
        });
      } else return a;
    }
  }
  private parseUnary(): Val {
    const k = this.peek();
    if (k?.t === "op" && (k.v === "-" || k.v === "+")) {
      this.pos++;
      const a = this.parseUnary();
      return k.v === "-" ? map(a, (x) => -num(x)) : a;
    }
    return this.parsePrimary();
  }
  private parsePrimary(): Val {
    const k = this.take();
    switch (k.t) {
      case "num":
        return Number(k.v);
      case "str":
        return k.v;
      case "ref":
        return this.ev.ref(this.sheet, k.v).value;
      case "(": {
        const v = this.parseExpr();
        this.take(")");
        return v;
      }
      case "fn": {
        this.take("(");
        const args: Val[] = [];
        if (this.peek()?.t !== ")") {
          args.push(this.parseExpr());
          while (this.peek()?.t === ",") {
            this.pos++;
            args.push(this.parseExpr());
          }
        }
        this.take(")");
        return call(k.v, args);
      }
    }
    throw new Unsupported("syntax");
  }
}

const flat = (v: Val): Scalar[] => (Array.isArray(v) ? v : [v]);

function call(fn: string, args: Val[]): Val {
  switch (fn) {
    case "SUM":
      // in a range only numbers count; a scalar argument is converted
      return args.reduce<number>((s, a) => s + (Array.isArray(a) ? a.reduce<number>((t, x) => t + (typeof x === "number" ? x : 0), 0) : num(a)), 0);
    case "SUMIF": {
      if (args.length < 2 || args.length > 3) throw new Unsupported("SUMIF");
      const range = flat(args[0]);
      const crit = args[1];
      if (Array.isArray(crit)) throw new Unsupported("SUMIF criteria");
      const c = str(crit);
      if (/^[<>=]/.test(c) || /[*?~]/.test(c)) throw new Unsupported("SUMIF operator");
      const sums = flat(args[2] ?? args[0]);
      if (sums.length !== range.length) throw new Unsupported("SUMIF shape");
      let s = 0;
      range.forEach((x, i) => {
        const y = sums[i];
        if (typeof y === "number" && str(x).toLowerCase() === c.toLowerCase()) s += y;
      });
      return s;
    }
    case "SUMPRODUCT": {
      const arrs = args.map(flat);
      const n = arrs[0]?.length ?? 0;
      if (arrs.some((a) => a.length !== n)) throw new Unsupported("shape");
      let s = 0;
      for (let i = 0; i < n; i++) s += arrs.reduce((p, a) => p * (typeof a[i] === "number" ? (a[i] as number) : 0), 1);
      return s;
    }
    case "LEN":
      return map(args[0], (x) => str(x).length);
    case "TRIM":
      return map(args[0], (x) => str(x).replace(/ +/g, " ").trim());
    case "ABS":
      return map(args[0], (x) => Math.abs(num(x)));
    case "ROUND": {
      const d = num(args[1] as Scalar);
      return map(args[0], (x) => {
        const f = 10 ** d;
        return Math.sign(num(x)) * Math.round(Math.abs(num(x)) * f + 1e-9) / f;
      });
    }
  }
  throw new Unsupported(fn);
}

/**
 * Fill in the cached result of every formula in `wb` that the evaluator can compute; returns
 * how many were computed and how many were left without a result.
 */
export function computeFormulaResults(wb: Workbook): { computed: number; left: number } {
  const ev = new Evaluator(wb);
  let computed = 0;
  let left = 0;
  for (const sheet of wb.sheets)
    for (const row of sheet.rows) {
      if (!row) continue;
      for (const cell of row) {
        if (!cell?.formula) continue;
        try {
          const v: CellValue = ev.formulaValue(sheet, cell);
          cell.value = typeof v === "number" ? Number(v.toFixed(10)) : v;
          computed++;
        } catch (e) {
          if (!(e instanceof Unsupported)) throw e;
          left++;
        }
      }
    }
  return { computed, left };
}
