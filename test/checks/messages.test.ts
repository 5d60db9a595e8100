/**
 * Finding messages (issue #14): every rule's messages have a zh-CN and an en-US text with the
 * same placeholders, the English free of Chinese characters; every finding the checker gives on
 * the seeds, the field workbooks and the rules' own cases carries a message id its rule (or the
 * engine) declares, with data that fill every placeholder in English.
 */
import fs from "fs";
import path from "path";
import { runChecks } from "../../src/core/checks/engine";
import { ENGINE_MESSAGES, findingMessage, messagesFor, placeholdersOf, TAIL_MESSAGES, TAIL_RULE_ID } from "../../src/core/checks/messages";
import { RULES } from "../../src/core/checks/rules";
import type { Finding } from "../../src/core/checks/types";
import { sheetFromRows } from "../../src/core/model";
import { renderTemplates } from "../../src/core/templates/render";
import { readXlsxFile } from "../../src/hosts/xlsx/xlsxHost";
import { FIELD_DOCS, fieldWorkbook } from "../field/helpers";

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

describe("message texts", () => {
  const all = [...RULES.map((r) => [r.id, r.messages ?? {}] as const), ["engine", ENGINE_MESSAGES] as const, [TAIL_RULE_ID, TAIL_MESSAGES] as const];
  test.each(all.map(([id, m]) => [id, m]))("%s: both languages, same placeholders, English without Chinese", (_id, messages) => {
    const ids = Object.keys(messages);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) {
      const m = messages[id];
      expect([id, m["zh-CN"].length > 0, m["en-US"].length > 0]).toEqual([id, true, true]);
      expect([id, placeholdersOf(m["en-US"]).sort()]).toEqual([id, placeholdersOf(m["zh-CN"]).sort()]);
      expect([id, CJK.test(m["en-US"])]).toEqual([id, false]);
      expect([id, /[\u4e00-\u9fff]/.test(m["zh-CN"]) || placeholdersOf(m["zh-CN"]).length > 0]).toEqual([id, true]);
    }
  });

  test("zh-CN texts do not repeat the location and have no stray spaces around 之和", () => {
    for (const r of RULES)
      for (const [id, m] of Object.entries(r.messages ?? {})) {
        expect([r.id, id, /\{(sheet|cell)\}/.test(m["zh-CN"])]).toEqual([r.id, id, false]);
        expect([r.id, id, / 之和|应为 [类款项] /.test(m["zh-CN"])]).toEqual([r.id, id, false]);
      }
  });
});

/** Every finding: a declared id, no placeholder left in either language, the location not repeated at the start. */
function expectRenderable(where: string, findings: Finding[]): void {
  for (const f of findings) {
    const declared = messagesFor(f.ruleId, RULES);
    const label = `${where} ${f.ruleId} ${f.sheet}!${f.cell} ${f.messageId}`;
    expect([label, f.messageId !== undefined && f.messageId !== "unconverted" && f.messageId in declared]).toEqual([label, true]);
    const en = findingMessage(f, "en-US", RULES);
    expect([label, en, /\{\w+\}/.test(en)]).toEqual([label, en, false]);
    expect([label, /\{\w+\}/.test(f.message)]).toEqual([label, false]);
    expect([label, f.message.startsWith(`${f.sheet} ${f.cell}`) || f.message.startsWith(`${f.sheet}：`)]).toEqual([label, false]);
  }
}

describe("every finding carries a declared message id and renders in English", () => {
  for (const rule of RULES)
    for (const c of [...rule.valid, ...rule.invalid])
      test(`${rule.id}: ${c.name}`, () => {
        expectRenderable(c.name, runChecks(c.workbook(), c.options).findings);
      });

  const seeds = path.join(__dirname, "../fixtures/seeds");
  for (const file of fs.readdirSync(seeds).filter((f) => f.endsWith(".xlsx")))
    test(`seed ${file}`, async () => {
      const found = runChecks(await readXlsxFile(path.join(seeds, file))).findings;
      expect(found.length).toBeGreaterThan(0);
      expectRenderable(file, found);
    });

  for (const doc of FIELD_DOCS)
    test(`field ${doc}`, async () => {
      const found = runChecks(await fieldWorkbook(doc, "office")).findings;
      expect(found.length).toBeGreaterThan(0);
      expectRenderable(doc, found);
    });

  test("a 尾差 finding lists its items in English", () => {
    // 合计 30.01 over 10.00 + 20.00: inside the rounding envelope of three figures printed to 0.01.
    const wb = { sheets: [sheetFromRows("支出总表", [["部门支出总表"], ["单位：万元"], ["科目编码", "科目名称", "合计", "基本支出", "项目支出"], [null, "合计", 30.01, 30.01, null], ["208", "社会保障和就业支出", 10, 10, null], ["210", "卫生健康支出", 20, 20, null]], "#,##0.00")] };
    const tails = runChecks(wb).findings.filter((f) => f.ruleId === TAIL_RULE_ID);
    expect(tails.map((f) => [f.severity, f.cell, f.messageId, f.data?.count])).toEqual([["info", "C4", "tail", 2]]);
    expect(tails[0].message).toBe("2 处尾差（各数分别四舍五入造成，在允许范围内，不是错误）——C4 合计行合计（类之和）：各项之和 30.00，填列 30.01，相差 0.01；D4 合计行“基本支出”（类之和）：各项之和 30.00，填列 30.01，相差 0.01");
    expect(findingMessage(tails[0], "en-US", RULES)).toBe(
      "2 rounding difference(s), within what rounding each figure separately allows (not an error): C4 row “合计”, column “合计” (sum of categories): parts add up to 30.00, filled in 30.01, difference 0.01; D4 row “合计”, column “基本支出” (sum of categories): parts add up to 30.00, filled in 30.01, difference 0.01",
    );
  });
});

describe("fresh templates (#14 item 6)", () => {
  test("14 blank tables: one info finding, no per-table warnings", () => {
    const found = runChecks({ sheets: renderTemplates({ year: 2025, unitName: "某某局" }) }).findings;
    const mine = found.filter((f) => f.ruleId === "completeness");
    expect(mine.map((f) => [f.severity, f.messageId, f.data?.count])).toEqual([["info", "allBlank", 14]]);
    expect(found.filter((f) => f.severity !== "info")).toEqual([]);
    expect(findingMessage(mine[0], "en-US", RULES)).toBe("None of the 14 tables has any figures yet; once figures are filled in, empty tables are checked for a note saying why");
  });
});
