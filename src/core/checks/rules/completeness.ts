/**
 * 完整性 (completeness):
 *  - the standard tables are there (the missing ones are named);
 *  - an empty table carries a note (本表无数据 / 说明：…), and a 本表无数据 note is not under a
 *    table that holds figures;
 *  - one unit name and one budget year in every title / unit line and in the text's headings
 *    (another unit's name — a heading copied from another unit — is an error; a variant of the
 *    same name a warning); a unit line left blank ("部门/单位： _____") is a warning.
 */
import { toA1 } from "../../a1";
import { similarity } from "../../catalog";
import { sheetFromRows, type Workbook } from "../../model";
import { narrativeOf } from "../../narrative/analyze";
import { cellAt } from "../../narrative/paragraphs";
import { requiredTables, STANDARD_TABLES } from "../../specs/tables";
import { labelKey } from "../../text";
import type { Finding, Rule, RuleContext } from "../types";

const ID = "completeness";

const NO_DATA = /(本表|此表)(无|没有)(数据|内容)|无数据|没有使用.*安排的支出|本单位无|不涉及/;

/** Unit names in text: "达州市职业技能鉴定指导中心", "武汉市人力资源和社会保障信息中心". */
const UNIT_RE = /([\u4e00-\u9fa5]{2,6}?(?:省|市|区|县|州|盟|旗))([\u4e00-\u9fa5（）()]{2,30}?(?:中心|局|委员会|办公室|厅|院|站|馆|队))/g;
/** Words a heading puts before a unit name. */
const LEAD = /^(第[一二三四五六七八九十]+部分|关于|附件\d*|[一二三四五六七八九十]+、)+/;

function core(name: string): string {
  return labelKey(name).replace(/^.*?(省|市|区|县|州)/, "");
}

export function checkCompleteness(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  const { facts, wb } = ctx;
  const firstSheet = wb.sheets[0]?.name ?? "";
  // 1. Missing standard tables.
  const present = new Set(facts.tables.map((t) => t.spec.id));
  const required = requiredTables(present, ctx.options.tableSet ?? "auto");
  const set = required.length === STANDARD_TABLES.filter((s) => s.required).length ? 14 : 9;
  const missing = required.filter((s) => !present.has(s.id));
  if (missing.length) {
    out.push({
      ruleId: ID,
      severity: "warning",
      sheet: facts.tables[0]?.sheet ?? firstSheet,
      cell: "A1",
      message: facts.tables.length
        ? `缺少 ${missing.length} 张标准表（按 ${set} 张表口径）：${missing.map((s) => `${s.id} ${s.title}`).join("、")}（没有数据的表也应公开空表并注明）`
        : `没有识别到任何预算表，按 ${set} 张表口径，${missing.length} 张标准表都缺少：${missing.map((s) => s.title).join("、")}`,
    });
  }
  // 2. Notes.
  for (const t of facts.tables) {
    const noteSaysEmpty = t.note && NO_DATA.test(t.note.text) && !/“?上年结转”?均无数据/.test(t.note.text);
    if (t.empty && !t.note) {
      out.push({
        ruleId: ID,
        severity: "warning",
        sheet: t.sheet,
        cell: toA1(t.titleCell.r, t.titleCell.c),
        table: t.spec.id,
        message: `${t.sheet}：空表没有注明原因（如“本表无数据”或“说明：${facts.year ?? ""}年没有……安排的支出”）`,
      });
    }
    if (!t.empty && noteSaysEmpty) {
      const hasFigure = t.rows.some((r) => Object.values(r.amounts).some((a) => a.value !== null && a.value !== 0));
      if (hasFigure)
        out.push({
          ruleId: ID,
          severity: "error",
          sheet: t.sheet,
          cell: toA1(t.note!.r, t.note!.c),
          table: t.spec.id,
          message: `${t.sheet}：表下注明“${t.note!.text}”，但表中有数字`,
        });
    }
  }
  // 3. Unit name and year in titles / unit lines.
  const unit = facts.unitName;
  const year = facts.year ?? narrativeOf(ctx).year;
  if (unit) {
    for (const t of facts.tables) {
      if (!t.unitName || labelKey(t.unitName) === labelKey(unit)) continue;
      const sim = similarity(core(t.unitName), core(unit));
      const cell = t.unitCell ?? t.titleCell;
      out.push({
        ruleId: ID,
        severity: sim >= 0.6 ? "warning" : "error",
        sheet: t.sheet,
        cell: toA1(cell.r, cell.c),
        table: t.spec.id,
        expected: unit,
        actual: t.unitName,
        message: sim >= 0.6 ? `${t.sheet}：单位名称写作“${t.unitName}”，其他表为“${unit}”，前后不一致` : `${t.sheet}：表头单位为“${t.unitName}”，与本单位“${unit}”不是同一单位`,
      });
    }
  }
  const blank = facts.tables.filter((t) => !t.unitName && t.blankUnitLine);
  if (blank.length) {
    out.push({
      ruleId: ID,
      severity: "warning",
      sheet: blank[0].sheet,
      cell: toA1(blank[0].blankUnitLine!.r, blank[0].blankUnitLine!.c),
      message: `表头没有填写单位名称：${blank.map((t) => t.sheet).join("、")}`,
    });
  }
  if (year) {
    for (const t of facts.tables) {
      if (t.year && t.year !== year)
        out.push({
          ruleId: ID,
          severity: "warning",
          sheet: t.sheet,
          cell: toA1(t.titleCell.r, t.titleCell.c),
          table: t.spec.id,
          expected: year,
          actual: t.year,
          message: `${t.sheet}：标题年度为 ${t.year} 年，本预算为 ${year} 年`,
        });
    }
  }
  // 4. Headings of the text: another unit's name or another year.
  const { paras } = narrativeOf(ctx);
  const reference = unit ?? (() => {
    const counts = new Map<string, number>();
    for (const p of paras) for (const m of p.norm.matchAll(UNIT_RE)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
    return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  })();
  const reported = new Set<string>();
  for (const p of paras) {
    const heading = (p.para.heading && (p.para.level ?? 9) <= 1) || /^第[一二三四五六七八九十]+部分/.test(p.norm) || (/(预算表|情况说明|部门预算|单位预算)$/.test(p.norm.trim()) && p.norm.length < 60);
    if (!heading) continue;
    if (reference) {
      for (const m of p.norm.matchAll(UNIT_RE)) {
        const name = m[0].replace(LEAD, "");
        const kn = labelKey(name);
        const kr = labelKey(reference);
        if (kn === kr || kn.endsWith(kr) || kr.endsWith(kn) || reported.has(name)) continue;
        if (/人力资源和社会保障局$|财政局$/.test(name) && !/中心$/.test(reference)) continue;
        const sim = similarity(core(name), core(reference));
        reported.add(name);
        const loc = cellAt(p.para, m.index ?? 0);
        out.push({
          ruleId: ID,
          severity: sim >= 0.6 ? "warning" : "error",
          sheet: loc.sheet,
          cell: loc.cell,
          expected: reference,
          actual: name,
          message: sim >= 0.6 ? `说明标题中的单位名称“${name}”与“${reference}”写法不一致` : `说明标题中出现了另一个单位的名称“${name}”（本单位为“${reference}”）`,
        });
      }
    }
    if (year) {
      const ym = /(20\d{2})\s*年(度)?\s*(部门|单位)?(预算|收支)/.exec(p.norm);
      if (ym && Number(ym[1]) !== year) {
        const loc = cellAt(p.para, ym.index);
        out.push({ ruleId: ID, severity: "warning", sheet: loc.sheet, cell: loc.cell, expected: year, actual: Number(ym[1]), message: `说明标题年度为 ${ym[1]} 年，本预算为 ${year} 年` });
      }
    }
  }
  return out;
}

const table = (title: string, unitLine: string, value: number | null, note?: string): Workbook => ({
  sheets: [
    sheetFromRows("三公", [
      [title],
      [unitLine],
      ["“三公”经费合计", "因公出国（境）费", "公务用车购置及运行费", null, null, "公务接待费"],
      [null, null, "小计", "公务用车购置费", "公务用车运行费", null],
      [value, null, null, null, null, value],
      [],
      [note ?? null],
    ], "#,##0.00"),
  ],
});

export const completenessRule: Rule = {
  id: ID,
  description: "完整性：标准表齐全、空表有说明、“本表无数据”不在有数的表下、各表单位名称和年度一致",
  defaultSeverity: "warning",
  check: checkCompleteness,
  valid: [],
  invalid: [
    {
      name: "表中有数字却注明本表无数据",
      workbook: () => table("2024年一般公共预算“三公”经费支出表", "单位名称：某某中心 单位：万元", 1.2, "注：本表无数据"),
      expect: [{ severity: "error", cell: "A7", messageIncludes: "本表无数据" }],
    },
    {
      name: "空表没有说明",
      workbook: () => table("2024年一般公共预算“三公”经费支出表", "单位名称：某某中心 单位：万元", null),
      expect: [{ severity: "warning", messageIncludes: "空表" }],
    },
  ],
};

export default completenessRule;
