/**
 * Names recognition needs from the catalogs: the 支出功能分类 类 names of every edition
 * (plus well-known older names), and the 部门预算支出经济分类 names by level, so rows
 * without codes (忻州's 基本支出表, the 类 lines of 收支总表) can be identified.
 */
import { catalogData } from "../catalog/data";
import { labelKey } from "../text";

interface RawEntry {
  code: string;
  name: string;
  level: number;
  parent: string | null;
}

/** Older 类 names real workbooks still print (the current name is in function.json). */
const HISTORICAL_CLASS_NAMES: Record<string, string> = {
  医疗卫生与计划生育支出: "210",
  医疗卫生支出: "210",
  医疗卫生与计划生育: "210",
  环境保护: "211",
  环境保护支出: "211",
  国土资源气象等事务: "220",
  国土海洋气象等支出: "220",
  国土资源气象等支出: "220",
  文化体育与传媒支出: "207",
  文化旅游体育与传媒: "207",
  社会保障和就业: "208",
  卫生健康: "210",
  住房保障: "221",
  一般公共服务: "201",
  资源勘探信息等支出: "215",
  资源勘探电力信息等支出: "215",
  商业服务业等事务: "216",
  金融监管等事务支出: "217",
  粮油物资储备管理事务: "222",
  粮油物资储备支出: "222",
  地震灾后恢复重建支出: "224",
  灾害防治及应急管理: "224",
};

let classByName: Map<string, string> | null = null;

/** Key for comparing names: labelKey without a trailing "（类）" marker. */
export function nameKey(s: string): string {
  return labelKey(s).replace(/（类）$/, "");
}

/** The 支出功能分类 类 code a label names (current or historical name), or undefined. */
export function classCodeByName(label: string): string | undefined {
  if (!classByName) {
    classByName = new Map();
    for (const e of catalogData().files.function.entries as RawEntry[]) {
      if (e.level === 1 && !classByName.has(nameKey(e.name))) classByName.set(nameKey(e.name), e.code);
    }
    for (const [n, c] of Object.entries(HISTORICAL_CLASS_NAMES)) if (!classByName.has(nameKey(n))) classByName.set(nameKey(n), c);
  }
  return classByName.get(nameKey(label));
}

let econLevel1: Map<string, string> | null = null;
let econLevel2: Map<string, Map<string, string>> | null = null;

function loadEcon(): void {
  if (econLevel1) return;
  econLevel1 = new Map();
  econLevel2 = new Map();
  for (const e of catalogData().files["econ-dept"].entries as RawEntry[]) {
    const k = nameKey(e.name);
    if (e.level === 1) {
      if (!econLevel1.has(k)) econLevel1.set(k, e.code);
    } else if (e.parent) {
      let m = econLevel2.get(e.parent);
      if (!m) econLevel2.set(e.parent, (m = new Map()));
      if (!m.has(k)) m.set(k, e.code);
    }
  }
  // Common shortened names.
  econLevel1.set(nameKey("对个人和家庭补助"), "303");
  econLevel1.set(nameKey("资本性支出（一）"), "310");
}

/** 部门预算支出经济分类 类 code for a name, or undefined. */
export function econClassByName(label: string): string | undefined {
  loadEcon();
  return econLevel1!.get(nameKey(label));
}

/** 部门预算支出经济分类 款 code for a name under the given 类 (or under any 类 when the name is unique). */
export function econItemByName(label: string, parent?: string): string | undefined {
  loadEcon();
  const k = nameKey(label);
  if (parent) {
    const hit = econLevel2!.get(parent)?.get(k);
    if (hit) return hit;
  }
  let found: string | undefined;
  for (const m of econLevel2!.values()) {
    const c = m.get(k);
    if (c) {
      if (found && found !== c) return undefined;
      found = c;
    }
  }
  return found;
}
