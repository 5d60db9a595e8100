/** How each seed document in ../shared/seeds/ is laid out: where its tables and its text are. */
import type { SeedConfig } from "./seedToWorkbook";

export const SEEDS: SeedConfig[] = [
  {
    id: "haikou-2024",
    file: "000_b596bf6fe237f76c.txt",
    out: "haikou-2024",
    // The published text has no tables, only the explanation.
    narrative: [{ from: /^第二部分海口市/, to: /^第四部分\s*名词解释$/ }],
  },
  {
    id: "xinzhou-2023",
    file: "001_e7b015636b209a16.txt",
    out: "xinzhou-2023",
    tablesFrom: /^第二部分 2023年单位预算报表$/,
    tablesTo: /^第三部分 2023年度单位预算情况说明$/,
    narrative: [{ from: /^第三部分 2023年度单位预算情况说明$/, to: /^忻州市市级预算部门\(单位\)项目支出绩效目标申报表$/ }],
  },
  {
    id: "wuhan-2024",
    file: "002_dc36c76f723eee1f.txt",
    out: "wuhan-2024",
    tablesFrom: /^2024 年单位预算表$/,
    tablesTo: /^第三部分 武汉市人力资源和社会保障信息中心 2024 年单位预算情况说明$/,
    narrative: [{ from: /^第三部分 武汉市人力资源和社会保障信息中心 2024 年单位预算情况说明$/, occurrence: 2, to: /^第四部分 名词解释$/ }],
    amountsAsText: true,
  },
  {
    id: "zengdu-2024",
    file: "003_732b7cc6bf7f2518.txt",
    out: "zengdu-2024",
    tablesFrom: /^2024 年部门预算表$/,
    tablesTo: /^第四部分 预算绩效情况$/,
    narrative: [
      { from: /^第二部分 .*预算情况说明$/, to: /^第三部分 曾都区人社信息网络和档案管理中心$/ },
      { from: /^第四部分 预算绩效情况$/, to: /^附件4-1$/ },
    ],
  },
  {
    id: "dazhou-2024",
    file: "004_8be841889dba6df2.txt",
    out: "dazhou-2024",
    tablesFrom: /^达州市职业技能鉴定指导中心$/,
    tablesTo: /^第三部分$/,
    extraTitles: [/^整体支出绩效目标表$/],
    narrative: [
      { from: /^第二部分$/, occurrence: 1, to: /^部门收支总表$/ },
      { from: /^第三部分$/, to: /^第四部分 名词解释$/ },
    ],
  },
];
