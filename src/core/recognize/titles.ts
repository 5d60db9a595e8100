/**
 * Table titles as units print them: "2023年预算收支总表", "表1 收支总表",
 * "武汉市XX中心2024年部门收支总表", "一般公共预算支出表(分功能科目)",
 * "2023年一般公共预算支出预算表（不含上年结转）". Each is reduced to a key and
 * compared with the spec titles and aliases reduced the same way.
 */
import type { TableSpec } from "../specs/types";
import { labelKey } from "../text";

const ORG_SUFFIX = /(中心|局|委员会|委|办公室|办|院|所|站|厅|会|队|校|学校|馆|处|室|司|社|部|部门|单位|集团|公司|医院|政府|街道|镇|乡|区|县|市|省|团|台|场|园)$/;

/** The key a title is compared by: no year, no 表N marker, no parenthesised qualifier, no 部门/单位 prefix. */
export function titleKey(text: string): string {
  let s = labelKey(text);
  s = s.replace(/^(附件|附表|预算公开表|公开表|表)[0-9一二三四五六七八九十\-－—.．、:：]*(?=[^0-9])/, "");
  s = s.replace(/(19|20)\d{2}年度?/g, "");
  s = s.replace(/（[^（）]*）/g, "").replace(/\[[^\]]*\]|【[^】]*】|〔[^〕]*〕/g, "");
  s = s.replace(/[“”"'‘’《》<>]/g, "");
  s = s.replace(/^(预算)?(部门|单位)/, ""); // 2025年预算单位财务收支预算总表: 预算单位 is no unit name
  return s;
}

export interface TitleMatch {
  spec: TableSpec;
  /** Unit name found before the title words, if any. */
  unitName?: string;
  year?: number;
}

export class TitleIndex {
  private readonly byKey = new Map<string, TableSpec>();
  private readonly keys: string[];

  constructor(specs: TableSpec[]) {
    for (const spec of specs) {
      for (const t of [spec.title, ...spec.titleAliases]) {
        const k = titleKey(t);
        if (k && !this.byKey.has(k)) this.byKey.set(k, spec);
      }
    }
    this.keys = [...this.byKey.keys()].sort((a, b) => b.length - a.length);
  }

  match(text: string, knownUnit?: string): TitleMatch | null {
    if (text.length > 80) return null;
    const year = yearIn(text);
    // A list number is no part of a title, nor a unit name: "一、部门收支总表", "（二）…", "3.…".
    let raw = labelKey(text).replace(LIST_NUMBER, "");
    if (knownUnit) {
      const u = labelKey(knownUnit);
      if (u && raw.includes(u)) raw = raw.replace(u, "");
    }
    const k = titleKey(raw);
    if (!k) return null;
    const exact = this.byKey.get(k);
    if (exact) return { spec: exact, year };
    // "<anything>2024年<title>": the year anchors the title; what stands before it is the unit.
    const afterYear = /^(.*?)(?:19|20)\d{2}\s*年度?\s*(.+)$/.exec(raw);
    if (afterYear) {
      const spec = this.byKey.get(titleKey(afterYear[2]));
      if (spec) {
        const unit = afterYear[1].replace(/\s+/g, "");
        return { spec, unitName: unit.length >= 2 ? unit : undefined, year };
      }
    }
    // "<unit name><title>": the prefix must read like an organisation.
    for (const key of this.keys) {
      if (key.length >= 4 && k.endsWith(key)) {
        const whole = k.slice(0, k.length - key.length);
        const prefix = whole.replace(/(部门|单位)$/, "");
        if ((prefix.length >= 2 && ORG_SUFFIX.test(prefix)) || (whole.length >= 2 && ORG_SUFFIX.test(whole))) {
          const unitFromRaw = unitBeforeYear(text);
          return { spec: this.byKey.get(key)!, unitName: unitFromRaw ?? prefix, year };
        }
      }
    }
    return null;
  }
}

const LIST_NUMBER = /^(（[一二三四五六七八九十\d]+）|[一二三四五六七八九十]+[、.．]|\d{1,2}(\.\d{1,2})?[、.．](?!\d)|\d{1,2}(?=[\u4e00-\u9fff]))/;

export function yearIn(text: string): number | undefined {
  const m = /((?:19|20)\d{2})\s*年/.exec(text);
  return m ? Number(m[1]) : undefined;
}

function unitBeforeYear(text: string): string | undefined {
  const m = /^(.+?)\s*(?:19|20)\d{2}\s*年/.exec(text.trim());
  if (!m) return undefined;
  const u = m[1].replace(/\s+/g, "");
  return u.length >= 2 && ORG_SUFFIX.test(u) ? u : undefined;
}

/** Does a short text read like a table title (one we may not know)? */
export function looksLikeTitle(text: string): boolean {
  const t = text.replace(/\s+/g, "");
  if (t.length < 4 || t.length > 60) return false;
  if (/[。；;，,：:]/.test(t.replace(/（[^）]*）|\([^)]*\)/g, ""))) return false;
  return /表([（(][^）)]*[）)])?$/.test(t);
}

const UNIT_LINE_START = /^(单位名称|部门名称|部门（单位）名称|部门\(单位\)名称|编制单位|编制部门|填报单位|填报部门|预算单位|预算部门|预算主管部门|主管部门|部门\/单位|单位|部门|金额单位)\s*[：:]/;

/** Is this text a unit line ("单位名称：…", "部门：…", "单位：万元", "金额单位：万元")? */
export function isUnitLine(text: string): boolean {
  const t = text.trim();
  return UNIT_LINE_START.test(t) || /(金额)?单位\s*[：:]\s*(万元|元)\s*$/.test(t);
}

export interface UnitLineInfo {
  unitName?: string;
  amountUnit?: "万元" | "元";
  year?: number;
}

/** Read a unit line: "单位：武汉市… 单位：万元", "部门/单位： _____ 单位：万元", "单位名称：忻州市…". */
export function parseUnitLine(text: string): UnitLineInfo {
  const out: UnitLineInfo = {};
  const t = text.replace(/\u3000/g, " ");
  const re = /(单位名称|部门名称|部门（单位）名称|部门\(单位\)名称|编制单位|编制部门|填报单位|填报部门|预算单位|预算部门|预算主管部门|主管部门|部门\/单位|金额单位|单位|部门)\s*[：:]\s*([^：:]*?)(?=\s+\S*[：:]|\s*$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(t))) {
    const key = m[1];
    const val = m[2].trim();
    const unitWord = /^(万元|元|千元|亿元)$/.exec(val.replace(/\s+/g, ""));
    if (unitWord) {
      if (unitWord[1] === "万元" || unitWord[1] === "元") out.amountUnit = unitWord[1];
      continue;
    }
    if (key === "金额单位") continue;
    const name = (val.split(/\s+/)[0] ?? "").replace(/_+/g, "");
    if (name.length >= 4 && /[\u4e00-\u9fff]/.test(name) && !/^(单位名称|项目名称)/.test(name)) out.unitName ??= name;
  }
  const y = yearIn(t);
  if (y) out.year = y;
  return out;
}
