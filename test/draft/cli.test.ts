/** budget-tables draft: xlsx (a new sheet), docx, text; never the input file, never over an output without --force. */
import { createHash } from "crypto";
import { promises as fs } from "fs";
import JSZip from "jszip";
import os from "os";
import path from "path";
import { main } from "../../src/cli/main";
import { runChecks } from "../../src/core/checks/engine";
import { readXlsxFile, writeXlsxFile } from "../../src/hosts/xlsx/xlsxHost";
import { captureIO } from "../helpers/cliIO";
import { wuhan2023 } from "./previous";

const SEED = path.join(__dirname, "../fixtures/seeds/dazhou-2024.xlsx");
const WUHAN = path.join(__dirname, "../fixtures/seeds/wuhan-2024.xlsx");
const hash = async (p: string) => createHash("sha256").update(await fs.readFile(p)).digest("hex");

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "draft-cli-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

test("xlsx: the input workbook plus the draft as a new sheet (情况说明 is taken: another name); the input is untouched", async () => {
  const before = await hash(SEED);
  const out = path.join(dir, "dazhou-draft.xlsx");
  const io = captureIO();
  expect(await main(["draft", SEED, "--out", out], io)).toBe(0);
  expect(await hash(SEED)).toBe(before);
  const src = await readXlsxFile(SEED);
  const wb = await readXlsxFile(out);
  const added = wb.sheets.map((s) => s.name).filter((n) => !src.sheets.some((s) => s.name === n));
  expect(added).toHaveLength(1);
  expect(added[0]).not.toBe("情况说明");
  expect(io.stdout).toContain(`新工作表“${added[0]}”`);
  const text = wb.sheets.find((s) => s.name === added[0])!.rows.map((r) => String(r?.[0]?.value ?? "")).join("\n");
  expect(text).toContain("2024年收支预算总数 641.15 万元");
  // the original sheets keep their content
  for (const s of src.sheets) expect(wb.sheets.find((x) => x.name === s.name)!.rows.map((r) => r?.map((c) => c?.value ?? null))).toEqual(s.rows.map((r) => r?.map((c) => c?.value ?? null)));
  // the drafted sheet: nothing wrong with it
  expect(runChecks(wb).findings.filter((f) => f.sheet === added[0] && f.severity === "error")).toEqual([]);
  // never over an existing output without --force
  const again = captureIO();
  expect(await main(["draft", SEED, "--out", out], again)).toBe(2);
  expect(again.stderr).toContain("已存在");
  expect(await main(["draft", SEED, "--out", out, "--force"], captureIO())).toBe(0);
});

test("docx with last year's workbook: a Word document holding the comparisons, placeholders highlighted", async () => {
  const prev = path.join(dir, "wuhan-2023.xlsx");
  await writeXlsxFile(wuhan2023(), prev);
  const out = path.join(dir, "wuhan.docx");
  expect(await main(["draft", WUHAN, "--out", out, "--previous", prev, "--year", "2024"], captureIO())).toBe(0);
  const zip = await JSZip.loadAsync(await fs.readFile(out));
  const xml = await zip.file("word/document.xml")!.async("string");
  const plain = xml.replace(/<[^>]+>/g, "");
  expect(plain).toContain("比2023年收支预算总数 1236.74 万元减少 27.72 万元，下降 2.24%");
  expect(xml).toMatch(/<w:highlight w:val="yellow"\/>.*?【请填写原因】/s);
});

test("text to stdout, with the trace of every figure; bad input is named", async () => {
  const io = captureIO();
  expect(await main(["draft", SEED, "--trace"], io)).toBe(0);
  expect(io.stdout).toContain("一、收支预算总体情况");
  expect(io.stdout).toMatch(/641\.15 万元 ← 部门收支总表!B\d+（收入总计/);
  const bad = captureIO();
  expect(await main(["draft", path.join(dir, "missing.xlsx")], bad)).toBe(2);
  expect(bad.stderr).toContain("missing.xlsx");
  const same = captureIO();
  expect(await main(["draft", SEED, "--out", SEED, "--force"], same)).toBe(2);
  expect(same.stderr).toContain("不能与输入文件相同");
});

test("a workbook without tables gets no draft and a message saying what to do", async () => {
  const io = captureIO();
  expect(await main(["draft", path.join(__dirname, "../fixtures/seeds/haikou-2024.xlsx")], io)).toBe(1);
  expect(io.stderr).toMatch(/haikou-2024\.xlsx：没有识别到可据以起草的预算表/);
});

test("check --previous: the text's comparisons checked against last year's workbook", async () => {
  const prev = path.join(dir, "wuhan-2023-check.xlsx");
  await writeXlsxFile(wuhan2023(), prev);
  const io = captureIO();
  await main(["check", WUHAN, "--previous", prev, "--format", "json"], io);
  const yoy = (JSON.parse(io.stdout) as { ruleId: string; severity: string; message: string }[]).filter((f) => f.ruleId === "year-over-year" && f.severity === "error");
  expect(yoy.map((f) => f.message)).toEqual([expect.stringMatching(/3\.87.*增长100%/), expect.stringMatching(/因公出国.*增长0%/)]);
  const none = captureIO();
  await main(["check", WUHAN, "--format", "json"], none);
  expect((JSON.parse(none.stdout) as { ruleId: string; severity: string }[]).filter((f) => f.ruleId === "year-over-year" && f.severity === "error")).toEqual([]);
});
