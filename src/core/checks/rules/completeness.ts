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
import { renderTemplates } from "../../templates/render";
import { listText, say, tableText, tr } from "../messages";
import type { Finding, Rule, RuleContext } from "../types";

const ID = "completeness";

const MESSAGES = {
  missingTables: {
    "zh-CN": "缺少 {count} 张标准表（按 {set} 张表口径）：{tables}（没有数据的表也应公开空表并注明）",
    "en-US": "{count} standard table(s) missing (of the {set}-table set): {tables}. A table without data should still be published, empty, with a note",
  },
  noTables: {
    "zh-CN": "没有识别到任何预算表，按 {set} 张表口径，{count} 张标准表都缺少：{tables}",
    "en-US": "No budget table was recognised; counting the {set}-table set, all {count} standard tables are missing: {tables}",
  },
  emptyWithoutNote: {
    "zh-CN": "空表没有注明原因（如{example}或{example2}）",
    "en-US": "The table is empty and has no note saying why (such as {example} or {example2})",
  },
  allBlank: {
    "zh-CN": "{count} 张表都还没有填写数字；填写后再检查空表是否注明原因",
    "en-US": "None of the {count} tables has any figures yet; once figures are filled in, empty tables are checked for a note saying why",
  },
  noteButFigures: {
    "zh-CN": "表下注明“{note}”，但表中有数字",
    "en-US": "The note under the table says “{note}”, but the table has figures",
  },
  unitNameVariant: {
    "zh-CN": "单位名称写作“{given}”，其他表为“{unit}”，前后不一致",
    "en-US": "The unit's name is written “{given}” here and “{unit}” in the other tables",
  },
  otherUnit: {
    "zh-CN": "表头单位为“{given}”，与本单位“{unit}”不是同一单位",
    "en-US": "The heading names the unit “{given}”, which is not this unit (“{unit}”)",
  },
  blankUnitName: {
    "zh-CN": "表头没有填写单位名称：{sheets}",
    "en-US": "The unit's name is left blank in the heading of: {sheets}",
  },
  titleYear: {
    "zh-CN": "标题年度为 {given} 年，本预算为 {year} 年",
    "en-US": "The title gives the year {given}; this budget is for {year}",
  },
  textUnitNameVariant: {
    "zh-CN": "说明标题中的单位名称“{given}”与“{unit}”写法不一致",
    "en-US": "A heading of the text writes the unit's name “{given}”, elsewhere it is “{unit}”",
  },
  textOtherUnit: {
    "zh-CN": "说明标题中出现了另一个单位的名称“{given}”（本单位为“{unit}”）",
    "en-US": "A heading of the text names another unit, “{given}” (this unit is “{unit}”)",
  },
  textTitleYear: {
    "zh-CN": "说明标题年度为 {given} 年，本预算为 {year} 年",
    "en-US": "A heading of the text gives the year {given}; this budget is for {year}",
  },
};

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
      ...(facts.tables.length
        ? say(MESSAGES, "missingTables", { count: missing.length, set, tables: listText(missing.map((s) => tableText(s))) })
        : say(MESSAGES, "noTables", { count: missing.length, set, tables: listText(missing.map((s) => tableText(s, false))) })),
    });
  }
  // 2. Notes. While no table holds a figure (a fresh template), the empty tables are not yet a finding each.
  const allBlank = facts.tables.length > 0 && facts.tables.every((t) => t.empty);
  if (allBlank) {
    const t = facts.tables[0];
    out.push({ ruleId: ID, severity: "info", sheet: t.sheet, cell: toA1(t.titleCell.r, t.titleCell.c), ...say(MESSAGES, "allBlank", { count: facts.tables.length }) });
  }
  for (const t of facts.tables) {
    const noteSaysEmpty = t.note && NO_DATA.test(t.note.text) && !/“?上年结转”?均无数据/.test(t.note.text);
    if (t.empty && !t.note && !allBlank) {
      out.push({
        ruleId: ID,
        severity: "warning",
        sheet: t.sheet,
        cell: toA1(t.titleCell.r, t.titleCell.c),
        table: t.spec.id,
        ...say(MESSAGES, "emptyWithoutNote", {
          example: tr("“本表无数据”", "a line saying the table has no data"),
          example2: tr(`“说明：${facts.year ?? ""}年没有……安排的支出”`, `one saying there is no such spending in ${facts.year ?? "the budget year"}`),
        }),
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
          ...say(MESSAGES, "noteButFigures", { note: t.note!.text }),
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
        ...say(MESSAGES, sim >= 0.6 ? "unitNameVariant" : "otherUnit", { given: t.unitName, unit }),
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
      ...say(MESSAGES, "blankUnitName", { sheets: listText(blank.map((t) => t.sheet)) }),
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
          ...say(MESSAGES, "titleYear", { given: t.year, year }),
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
          ...say(MESSAGES, sim >= 0.6 ? "textUnitNameVariant" : "textOtherUnit", { given: name, unit: reference }),
        });
      }
    }
    if (year) {
      const ym = /(20\d{2})\s*年(度)?\s*(部门|单位)?(预算|收支)/.exec(p.norm);
      if (ym && Number(ym[1]) !== year) {
        const loc = cellAt(p.para, ym.index);
        out.push({ ruleId: ID, severity: "warning", sheet: loc.sheet, cell: loc.cell, expected: year, actual: Number(ym[1]), ...say(MESSAGES, "textTitleYear", { given: ym[1], year }) });
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

/** A 支出总表 with one 类 of figures. */
const expenseTable = (title: string, v: number, unit = "某某中心") =>
  sheetFromRows("支出总表", [
    [title],
    [`单位名称：${unit} 单位：万元`],
    ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
    [null, "合计", v, v, null],
    ["208", "社会保障和就业支出", v, v, null],
  ], "#,##0.00");

export const completenessRule: Rule = {
  id: ID,
  description: "完整性：标准表齐全、空表有说明、“本表无数据”不在有数的表下、各表单位名称和年度一致",
  defaultSeverity: "warning",
  messages: MESSAGES,
  check: checkCompleteness,
  valid: [
    {
      name: "新建的 14 张空表模板（还没有填写任何数字）：只有一条提示，不逐表警告",
      workbook: () => ({ sheets: renderTemplates({ year: 2025, unitName: "某某局" }) }),
    },
  ],
  invalid: [
    {
      name: "表中有数字却注明本表无数据",
      workbook: () => table("2024年一般公共预算“三公”经费支出表", "单位名称：某某中心 单位：万元", 1.2, "注：本表无数据"),
      expect: [{ severity: "error", cell: "A7", messageId: "noteButFigures" }],
    },
    {
      name: "其他表有数字，一张空表没有说明",
      workbook: () => ({ sheets: [...table("2024年一般公共预算“三公”经费支出表", "单位名称：某某中心 单位：万元", null).sheets, expenseTable("2024年部门支出总表", 12)] }),
      expect: [{ severity: "warning", cell: "A1", messageId: "emptyWithoutNote" }],
    },
    {
      name: "新建模板只填了一张表：其余空表没有说明",
      workbook: () => {
        const sheets = renderTemplates({ year: 2025, unitName: "某某局" });
        return { sheets: [...sheets.filter((s) => !/支出总表/.test(s.name) || /财政拨款/.test(s.name)), expenseTable("2025年部门支出总表", 12, "某某局")] };
      },
      expect: [{ severity: "warning", messageId: "emptyWithoutNote" }],
    },
  ],
};

export default completenessRule;
