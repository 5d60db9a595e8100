/**
 * docs/drafts/*.txt: the 情况说明 the draft writer gives for each seed workbook (its own text
 * removed first) and for the hand-built 普陀区司法局 2026 workbook, each followed by the check
 * of the workbook with the draft inserted as a sheet — what the checker finds in the drafted text.
 * Run: npx tsx scripts/drafts.ts
 */
import { promises as fs } from "fs";
import * as path from "path";
import { applyToModel } from "../src/core/changes";
import { runChecks } from "../src/core/checks/engine";
import { planDraftInsertion, renderNotes, stripNarrative } from "../src/core/draft";
import type { Workbook } from "../src/core/model";
import { readXlsxFile } from "../src/hosts/xlsx/xlsxHost";
import { justice2026 } from "../test/draft/fixtures";
import { FIELD_DOCS } from "../test/field/helpers";
import { wuhan2023, zengdu2023 } from "../test/draft/previous";

const ROOT = path.join(__dirname, "..");
const SEVERITY: Record<string, string> = { error: "错误", warning: "警告", info: "提示" };

interface Job {
  out: string;
  what: string;
  load: () => Promise<Workbook>;
  year: number;
  previous?: () => Workbook;
  previousWhat?: string;
}

const seed = (f: string) => () => readXlsxFile(path.join(ROOT, "test/fixtures/seeds", f));

const JOBS: Job[] = [
  { out: "dazhou-2024.txt", what: "test/fixtures/seeds/dazhou-2024.xlsx（达州，情况说明工作表已去掉）", load: seed("dazhou-2024.xlsx"), year: 2024 },
  { out: "zengdu-2024.txt", what: "test/fixtures/seeds/zengdu-2024.xlsx（曾都，情况说明工作表已去掉）", load: seed("zengdu-2024.xlsx"), year: 2024 },
  {
    out: "zengdu-2024-with-2023.txt",
    what: "test/fixtures/seeds/zengdu-2024.xlsx（曾都），与上年比较",
    load: seed("zengdu-2024.xlsx"),
    year: 2024,
    previous: zengdu2023,
    previousWhat: "test/draft/previous.ts 的 zengdu2023()：按曾都 2024 年说明中所写的上年数整理",
  },
  { out: "wuhan-2024.txt", what: "test/fixtures/seeds/wuhan-2024.xlsx（武汉，情况说明工作表已去掉）", load: seed("wuhan-2024.xlsx"), year: 2024 },
  {
    out: "wuhan-2024-with-2023.txt",
    what: "test/fixtures/seeds/wuhan-2024.xlsx（武汉），与上年比较",
    load: seed("wuhan-2024.xlsx"),
    year: 2024,
    previous: wuhan2023,
    previousWhat: "test/draft/previous.ts 的 wuhan2023()：按武汉 2024 年说明中所写的上年数整理",
  },
  { out: "xinzhou-2023.txt", what: "test/fixtures/seeds/xinzhou-2023.xlsx（忻州，情况说明工作表已去掉）", load: seed("xinzhou-2023.xlsx"), year: 2023 },
  {
    out: "putuo-justice-2026-handbuilt.txt",
    what: "test/draft/fixtures.ts 的 justice2026(\"元\")：按上海市普陀区司法局 2026 年部门预算的表格数字手工搭建（元，类/款/项分列；“三公”表按元填）",
    load: async () => justice2026("元"),
    year: 2026,
  },
  { out: "haikou-2024.txt", what: "test/fixtures/seeds/haikou-2024.xlsx（海口：公开文件只有文字，没有表）", load: seed("haikou-2024.xlsx"), year: 2024 },
  // The field set (../shared/field): 9-table sets of 上海市普陀区, 元 tables with split codes, as printed.
  ...FIELD_DOCS.map((name) => ({
    out: `field-${name}.txt`,
    what: `test/fixtures/field/${name}.printed.xlsx（普陀区实地材料，按公开文件原样：元，类/款/项分列；情况说明工作表已去掉）`,
    load: () => readXlsxFile(path.join(ROOT, "test/fixtures/field", `${name}.printed.xlsx`)),
    year: Number(name.slice(0, 4)),
  })),
];

async function run(job: Job): Promise<string> {
  const wb = stripNarrative(await job.load());
  const previousWorkbook = job.previous?.();
  const ins = planDraftInsertion(wb, { year: job.year, previousWorkbook });
  const lines: string[] = [`# 起草的情况说明：${job.what}`];
  if (job.previousWhat) lines.push(`# 上年工作簿：${job.previousWhat}`);
  lines.push(`# 生成：npx tsx scripts/drafts.ts`, "");
  if (!ins.draft.sections.length) {
    lines.push("（工作簿中没有可据以起草的预算表，未生成情况说明；没有编造任何数字。）", "", renderNotes(ins.draft));
    return lines.join("\n");
  }
  lines.push(ins.text, renderNotes(ins.draft));
  applyToModel(wb, ins.changes);
  const findings = runChecks(wb, { previous: previousWorkbook }).findings.filter((f) => f.sheet === ins.sheetName);
  const placeholders = findings.filter((f) => f.ruleId === "year-over-year" && /请填写/.test(f.message));
  const other = findings.filter((f) => !placeholders.includes(f));
  lines.push(`—— 检查：插入为工作表“${ins.sheetName}”后运行全部规则${previousWorkbook ? "（含上年工作簿，year-over-year 规则比较与上年的增减）" : ""}，该工作表上的结果 ——`);
  const count = (s: string) => other.filter((f) => f.severity === s).length;
  lines.push(`错误 ${count("error")}，警告 ${count("warning")}，提示 ${count("info")}；另有 ${placeholders.length} 段含【请填写…】（year-over-year 规则逐段警告，填写后消失）。`);
  for (const f of other) lines.push(`  ${SEVERITY[f.severity]} ${f.ruleId} ${f.cell} ${f.message}`);
  return lines.join("\n") + "\n";
}

(async () => {
  const dir = path.join(ROOT, "docs/drafts");
  await fs.mkdir(dir, { recursive: true });
  for (const job of JOBS) {
    const text = await run(job);
    await fs.writeFile(path.join(dir, job.out), text, "utf8");
    process.stdout.write(`${job.out}: ${text.split("\n").find((l) => l.startsWith("错误")) ?? "（无表）"}\n`);
  }
})();
