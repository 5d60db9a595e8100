/**
 * Real layouts for name filling, built from published documents:
 * - the code–name table lines of a field document's text (pdftotext -layout), as a sheet
 *   with split 类 | 款 | 项 columns, the 类 repeated on every row or printed only on its own row;
 * - a template laid out like a district office's (区级部门预算, no amounts): codes split over
 *   类/款/项 under a merged 功能分类科目编码 header, names in a merged cell two columns wide,
 *   a 栏次 row, and parent rows that carry only a name.
 * The names are the ones the documents print; none of them is wrong.
 */
import * as fs from "fs";
import * as path from "path";
import { sheetFromRows, type CellValue, type Sheet } from "../../src/core/model";

export const FIELD = path.join(__dirname, "..", "..", "..", "shared", "field");

/** The code rows of a text: [类, 款, 项, name] as printed (split columns), in order; 2xx 功能分类 or 3xx 经济分类. */
export function fieldCodeLines(file: string, first: "2" | "3" = "2"): { lei: string; kuan: string; xiang: string; name: string }[] {
  const out: { lei: string; kuan: string; xiang: string; name: string }[] = [];
  const re = new RegExp(`^\\s*(${first}\\d\\d)(?:\\s{2,}(\\d\\d))?(?:\\s{2,}(\\d\\d))?\\s{2,}([^\\s\\d][^\\s]*)\\s+[\\d,.]+`);
  for (const line of fs.readFileSync(path.join(FIELD, file), "utf8").split("\n")) {
    const m = re.exec(line);
    if (m) out.push({ lei: m[1], kuan: m[2] ?? "", xiang: m[3] ?? "", name: m[4] });
  }
  return out;
}

/**
 * One sheet holding a 功能分类 table (类 | 款 | 项 | 名称 | 合计) and, below it after a title and a
 * header, the 经济分类 table of the same document (类 | 款 | 名称 | 合计 | 人员经费): as an export stacks them.
 */
export function stackedSheet(file: string): Sheet {
  const rows: (CellValue | undefined)[][] = [["功能分类科目编码", null, null, "功能分类科目名称", "合计"], ["类", "款", "项", null, null]];
  for (const l of fieldCodeLines(file)) rows.push([l.lei, l.kuan || null, l.xiang || null, l.name, 1]);
  rows.push([], ["一般公共预算基本支出部门预算经济分类预算表"], ["部门预算经济分类科目编码", null, "经济分类科目名称", "合计", "人员经费"], ["类", "款", null, null, null]);
  for (const l of fieldCodeLines(file, "3")) rows.push([l.lei, l.kuan || null, l.name, 100, 100]);
  return sheetFromRows("预算表", rows);
}

/** A sheet of a field document's code rows: 类 repeated on every row, or only on the 类's own row. */
export function fieldSheet(file: string, lei: "repeat" | "own-row", kuanAsNumber = false): Sheet {
  const rows: (CellValue | undefined)[][] = [["功能分类科目编码", null, null, "功能分类科目名称", "合计"], ["类", "款", "项", null, null]];
  for (const l of fieldCodeLines(file)) {
    const isLei = !l.kuan;
    const kuan = kuanAsNumber && l.kuan ? Number(l.kuan) : l.kuan || null;
    const xiang = kuanAsNumber && l.xiang ? Number(l.xiang) : l.xiang || null;
    rows.push([lei === "repeat" || isLei ? l.lei : null, kuan, xiang, l.name, 1]);
  }
  const s = sheetFromRows("一般公共预算支出功能分类预算表", rows);
  s.merges.push({ r1: 0, c1: 0, r2: 0, c2: 2 }, { r1: 0, c1: 3, r2: 1, c2: 3 });
  return s;
}

/**
 * A 2026 template like a district office's, with the codes and names of 上海市普陀区司法局 2026年区级部门预算
 * (../shared/field/2026-putuo-justice-department.txt) and of a 民政 block as issue #11 reports it.
 * Columns: A 类, B 款, C 项, D:E 科目名称 (merged per row), F 合计, G 基本支出, H 项目支出 (empty: no amounts).
 */
export function districtTemplate(): Sheet {
  const data: [string | null, string | null, string | null, string][] = [
    [null, null, null, "一般公共预算支出"], // a parent row with only a name
    ["204", null, null, "公共安全支出"],
    ["204", "06", null, "司法"],
    ["204", "06", "01", "行政运行"],
    ["204", "06", "04", "基层司法业务"],
    ["204", "06", "05", "普法宣传"],
    ["204", "06", "07", "公共法律服务"],
    ["204", "06", "13", "信息化建设"],
    ["204", "06", "99", "其他司法支出"],
    ["208", null, null, "社会保障和就业支出"],
    [null, "02", null, "民政管理事务"], // 类 not repeated from here on
    [null, "02", "06", "社会组织管理"],
    [null, "02", "08", "基层政权建设和社区治理"],
    [null, "05", null, "行政事业单位养老支出"],
    [null, "05", "01", "行政单位离退休"],
    [null, "05", "05", "机关事业单位基本养老保险缴费支出"],
    [null, "05", "06", "机关事业单位职业年金缴费支出"],
    [null, "05", "99", "其他行政事业单位养老支出"],
    ["210", null, null, "卫生健康支出"],
    ["210", "11", null, "行政事业单位医疗"],
    ["210", "11", "01", "行政单位医疗"],
    ["221", null, null, "住房保障支出"],
    ["221", "02", null, "住房改革支出"],
    ["221", "02", "01", "住房公积金"],
    ["221", "02", "03", "购房补贴"],
  ];
  const rows: (CellValue | undefined)[][] = [
    ["2026年区级部门预算一般公共预算支出功能分类预算表"],
    ["编制单位：上海市普陀区司法局", null, null, null, null, null, null, "单位：元"],
    ["功能分类科目编码", null, null, "功能分类科目名称", null, "合计", "基本支出", "项目支出"],
    ["类", "款", "项", null, null, null, null, null],
    ["栏次", null, null, null, null, 1, 2, 3],
    ...data.map(([a, b, c, name]) => [a, b, c, name, null, null, null, null]),
  ];
  const s = sheetFromRows("3.一般公共预算支出功能分类预算表", rows);
  s.merges.push({ r1: 0, c1: 0, r2: 0, c2: 7 }, { r1: 2, c1: 0, r2: 2, c2: 2 }, { r1: 2, c1: 3, r2: 3, c2: 4 });
  for (const k of ["F", "G", "H"].keys()) s.merges.push({ r1: 2, c1: 5 + k, r2: 3, c2: 5 + k });
  s.merges.push({ r1: 4, c1: 0, r2: 4, c2: 4 });
  for (let r = 5; r < rows.length; r++) s.merges.push({ r1: r, c1: 3, r2: r, c2: 4 });
  return s;
}
