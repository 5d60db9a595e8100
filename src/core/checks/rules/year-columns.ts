/**
 * 上年数列 (year-columns): where a table prints last year's figures next to this year's (上年预算数 /
 * "2025年预算数" in a 2026 budget / 上年执行数) with the change (增减额) and the change in percent
 * (增减% / 增长率), the columns agree: 增减额 = 本年 − 上年, 增减% = 增减额 ÷ 上年 (or (本年 − 上年) ÷ 上年
 * without a 增减额 column). Each figure is judged with its printed precision, the way rounding.ts
 * judges a total: inside the rounding envelope it is 尾差 (info), inside the truncation envelope a
 * warning, else an error. A base of 0 has no percentage: a rate printed there is a warning.
 * The columns are recognition's facts (RecognizedTable.yearColumns, RecognizedRow.yearAmounts).
 */
import { sheetFromRows, type Workbook } from "../../model";
import type { AmountCell, RecognizedRow, RecognizedTable } from "../../recognize/types";
import { columnName } from "../../recognize/helpers";
import { compose, say, tr, unitText, type Messages, type Text } from "../messages";
import { cellA1, div, figure, fmt, fmtAmount, judgeSum, overlaps, scale, sub, tailFinding, type Interval, type TailItem } from "../rounding";
import type { Finding, Rule, RuleContext } from "../types";

const ID = "year-columns";

export const YEAR_COLUMN_MESSAGES: Messages = {
  wrongChange: {
    "zh-CN": "{row} 增减额应为 本年 {current} − 上年 {prior} = {expected}，填列 {actual}，相差 {difference} {unit}",
    "en-US": "{row} change should be this year {current} − last year {prior} = {expected}, the table has {actual}, a difference of {difference} {unit}",
  },
  truncatedChange: {
    "zh-CN": "{row} 增减额应为 本年 {current} − 上年 {prior} = {expected}，填列 {actual}，相差 {difference} {unit}（超出四舍五入尾差范围，但在截尾范围内：疑似各数被截尾而非四舍五入）",
    "en-US": "{row} change should be this year {current} − last year {prior} = {expected}, the table has {actual}, a difference of {difference} {unit} (beyond rounding, within truncation: the figures look truncated, not rounded)",
  },
  wrongPercent: {
    "zh-CN": "{row} 增减率应为 {change} ÷ 上年 {prior} = {expected}%，填列 {actual}%",
    "en-US": "{row} rate of change should be {change} ÷ last year {prior} = {expected}%, the table has {actual}%",
  },
  truncatedPercent: {
    "zh-CN": "{row} 增减率 {change} ÷ 上年 {prior} = {expected}%，填列 {actual}%（百分比截断而非四舍五入）",
    "en-US": "{row} rate of change {change} ÷ last year {prior} = {expected}%, the table has {actual}% (truncated, not rounded)",
  },
  zeroBase: {
    "zh-CN": "{row} 上年为 0，没有增减率可算，表中却填 {actual}%（应留空或注明“新增”）",
    "en-US": "{row} last year was 0, there is no rate of change, yet the table has {actual}% (leave it blank or mark it new)",
  },
};

function rowName(r: RecognizedRow): Text {
  if (r.fixed) return r.fixed.label;
  if (r.code) return `${r.code} ${r.label}`.trim();
  return r.label || (r.kind === "total" ? tr("合计", "the total row") : tr(`第 ${r.r + 1} 行`, `row ${r.r + 1}`));
}

function known(a: AmountCell | undefined): a is AmountCell & { value: number } {
  return !!a && a.value !== null;
}

/** The current column keys a row has year cells for. */
function pairsOf(r: RecognizedRow): string[] {
  const keys = new Set<string>();
  for (const k of Object.keys(r.yearAmounts ?? {})) {
    const at = k.indexOf(":");
    if (at > 0 && k.slice(at + 1)) keys.add(k.slice(at + 1));
  }
  return [...keys];
}

function checkTable(ctx: RuleContext, t: RecognizedTable, out: Finding[]): void {
  const factor = ctx.options.roundingFactor;
  const tails: TailItem[] = [];
  const unit = unitText(t.amountUnit);
  for (const r of t.rows) {
    if (!r.yearAmounts) continue;
    for (const key of pairsOf(r)) {
      const cur = r.amounts[key];
      const prior = r.yearAmounts[`prior:${key}`];
      const change = r.yearAmounts[`change:${key}`];
      const pct = r.yearAmounts[`change-pct:${key}`];
      if (!known(cur) || !known(prior)) continue;
      const d = Math.max(cur.decimals, prior.decimals, t.precision ?? 0);
      // years as rows (“三公”): the item is the column — “公务接待费 增减额”, not the year's row label
      const col = t.yearRows ? t.columns.find((c) => c.key === key) : undefined;
      const name = col ? columnName(col) : rowName(r);
      // 增减额 = 本年 − 上年: 本年 = 上年 + 增减额, judged as a sum.
      if (known(change)) {
        const j = judgeSum({ value: cur.value, decimals: cur.decimals }, [{ value: prior.value, decimals: prior.decimals }, { value: change.value, decimals: change.decimals }], factor);
        if (j.verdict === "rounding") {
          tails.push({ cell: cellA1(change), what: compose((lang, x) => (lang === "zh-CN" ? `${x(name)} 增减额（本年 − 上年）` : `${x(name)} change (this year − last year)`)), expected: cur.value - prior.value, actual: change.value, difference: -j.difference, decimals: d });
        } else if (j.verdict !== "exact") {
          const expected = cur.value - prior.value;
          const data = { sheet: t.sheet, cell: cellA1(change), row: name, current: fmtAmount(cur.value, d), prior: fmtAmount(prior.value, d), expected: fmtAmount(expected, d), actual: fmtAmount(change.value, d), difference: fmtAmount(change.value - expected, d), unit };
          out.push({
            ruleId: ID,
            severity: j.verdict === "truncation" ? "warning" : "error",
            sheet: t.sheet,
            cell: cellA1(change),
            related: [cellA1(cur), cellA1(prior)],
            table: t.spec.id,
            expected: Number(expected.toFixed(d)),
            actual: change.value,
            difference: Number((change.value - expected).toFixed(d)),
            ...say(YEAR_COLUMN_MESSAGES, j.verdict === "truncation" ? "truncatedChange" : "wrongChange", data),
          });
        }
      }
      if (!known(pct)) continue;
      const priorIv = figure(prior.value, prior.decimals, factor);
      const base: Interval = priorIv;
      const loc = { sheet: t.sheet, cell: cellA1(pct), row: name, actual: fmt(pct.value, pct.decimals) };
      if (base.lo <= 0 && base.hi >= 0) {
        // No rate from nothing: a printed 0 (or nothing) is fine, any other rate is not.
        if (Math.abs(pct.value) > 1e-9) out.push({ ruleId: ID, severity: "warning", sheet: t.sheet, cell: cellA1(pct), related: [cellA1(prior)], table: t.spec.id, actual: pct.value, ...say(YEAR_COLUMN_MESSAGES, "zeroBase", loc) });
        continue;
      }
      // The rate of the stated change, or of 本年 − 上年 (a wrong 增减额 is its own finding, not the rate's too).
      const fromFigures = sub(figure(cur.value, cur.decimals, factor), priorIv);
      const deltas: Interval[] = known(change) ? [figure(change.value, change.decimals, factor), fromFigures] : [fromFigures];
      const rates = deltas.map((dl) => div(dl, base)).filter((x): x is Interval => !!x).map((x) => scale(x, 100));
      if (!rates.length) continue;
      const rate = rates[0];
      const claimed = figure(pct.value, pct.decimals, factor);
      if (rates.some((x) => overlaps(x, claimed))) continue;
      const unitStep = Math.pow(10, -pct.decimals);
      const trunc = overlaps(rate, { lo: Math.min(pct.value, pct.value + Math.sign(pct.value || 1) * unitStep) - 1e-9, hi: Math.max(pct.value, pct.value + Math.sign(pct.value || 1) * unitStep) + 1e-9 });
      const dv = known(change) ? change.value : cur.value - prior.value;
      const expected = (dv / prior.value) * 100;
      out.push({
        ruleId: ID,
        severity: trunc ? "warning" : "error",
        sheet: t.sheet,
        cell: cellA1(pct),
        related: [known(change) ? cellA1(change) : cellA1(cur), cellA1(prior)],
        table: t.spec.id,
        expected: Number(fmt(expected)),
        actual: pct.value,
        difference: Number(fmt(pct.value - expected)),
        ...say(YEAR_COLUMN_MESSAGES, trunc ? "truncatedPercent" : "wrongPercent", { ...loc, change: fmtAmount(dv, d), prior: fmtAmount(prior.value, d), expected: fmt(expected) }),
      });
    }
  }
  if (tails.length) out.push(tailFinding(ID, t, tails));
}

export function checkYearColumns(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const t of ctx.facts.tables) if (t.rows.some((r) => r.yearAmounts)) checkTable(ctx, t, out);
  return out;
}

// ── cases: figures of real disclosures ──

/** 上海市普陀区司法局 2026: 2025年当年预算执行数 and 2026年预算安排 of five 司法 项 (its 情况说明), as a table. */
function justice(change = [20.94, 5.83, 1.13, 167.47, 576.19], pct = [0.97, 4.92, 0.98, 277.22, 17.62]): Workbook {
  const items: [string, string, number, number][] = [
    ["2040604", "基层司法业务", 2149.45, 2170.39],
    ["2040605", "普法宣传", 118.46, 124.29],
    ["2040607", "公共法律服务", 114.87, 116],
    ["2040613", "信息化建设", 60.41, 227.88],
    ["2040699", "其他司法支出", 3269.3, 3845.49],
  ];
  return {
    sheets: [
      sheetFromRows(
        "一般公共预算支出表",
        [
          ["2026年一般公共预算支出功能分类预算表"],
          ["编制单位：上海市普陀区司法局", null, null, null, null, "单位：万元"],
          ["科目编码", "科目名称", "2025年执行数", "2026年预算数", "增减额", "增减%"],
          ...items.map(([code, name, a, b], i) => [code, name, a, b, change[i], pct[i]]),
        ],
        "#,##0.00",
      ),
    ],
  };
}

/** 武汉 2024 “三公”经费 (its 情况说明: 1.7 万元，比 2023 年减少 2 万元，下降 54.05%), with last year's column. */
function threePublic(pct = -54.05): Workbook {
  return {
    sheets: [
      sheetFromRows(
        "三公经费",
        [
          ["2024年一般公共预算“三公”经费支出表"],
          ["单位：万元"],
          ["“三公”经费合计", null, null, null, "公务接待费", null],
          ["上年预算数", "本年预算数", "增减额", "增减%", "上年预算数", "本年预算数"],
          [3.7, 1.7, -2, pct, 0.7, 0.2],
        ],
        "0.00",
      ),
    ],
  };
}

/** The same 武汉 figures with the years as rows (上年预算数 / 本年预算数 / 增减额 / 增减率 down the side). */
function threePublicRows(change = -2): Workbook {
  return {
    sheets: [
      sheetFromRows(
        "三公经费",
        [
          ["2024年一般公共预算“三公”经费支出表"],
          ["单位：万元"],
          ["项目", "“三公”经费合计", "公务接待费"],
          ["上年预算数", 3.7, 0.7],
          ["本年预算数", 1.7, 0.2],
          ["增减额", change, -0.5],
          ["增减率", "-54.05%", "-71.43%"],
        ],
        "0.00",
      ),
    ],
  };
}

export const yearColumnsRule: Rule = {
  id: ID,
  description: "上年数列：表中列有上年数时，增减额 = 本年 − 上年，增减% = 增减额 ÷ 上年（上年为 0 不算增减率）",
  defaultSeverity: "error",
  messages: YEAR_COLUMN_MESSAGES,
  check: checkYearColumns,
  valid: [
    { name: "普陀区司法局：五个项的增减额与增减%", workbook: () => justice() },
    { name: "武汉：“三公”经费比上年减少 2 万元，下降 54.05%", workbook: () => threePublic() },
    { name: "同一张表，年份在行上", workbook: () => threePublicRows() },
  ],
  invalid: [
    { name: "增减额与本年 − 上年不符", workbook: () => justice([20.94, 5.83, 1.13, 167.47, 567.19]), expect: [{ severity: "error", cell: "E8", messageId: "wrongChange" }] },
    { name: "增减% 算错（普陀区司法局“其他司法支出”写 17.26%）", workbook: () => justice(undefined, [0.97, 4.92, 0.98, 277.22, 17.26]), expect: [{ severity: "error", cell: "F8", messageId: "wrongPercent" }] },
    { name: "“三公”经费合计的增减% 抄了公务用车的下降 50%", workbook: () => threePublic(-50), expect: [{ severity: "error", cell: "D5", messageId: "wrongPercent" }] },
    { name: "年份在行上：增减额写成 −2.5（本年 1.7 − 上年 3.7 = −2）", workbook: () => threePublicRows(-2.5), expect: [{ severity: "error", cell: "B6", messageId: "wrongChange", messageIncludes: "“三公”经费合计 增减额" }] },
  ],
};

export default yearColumnsRule;
