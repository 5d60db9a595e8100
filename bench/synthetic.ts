/**
 * The synthetic workbook of the benchmarks: the 14 standard tables with about `n` code rows
 * split between 支出总表 and 一般公共预算支出表 (the rest small), every figure consistent.
 */
import { setCell, newSheet, type Sheet, type Workbook } from "../src/core/model";
import { STANDARD_TABLES } from "../src/core/specs/tables";

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FMT = "#,##0.00";

/** A 功能分类 table with about `n` code rows: 类 / 款 / 项, columns 合计 = 基本 + 项目 (T3) or with 人员/公用 (T5). */
function codeTable(name: string, title: string, n: number, withBasicSplit: boolean, rand: () => number): Sheet {
  const s = newSheet(name);
  const head = withBasicSplit ? ["科目编码", "科目名称", "合计", "基本支出", "人员经费", "公用经费", "项目支出"] : ["科目编码", "科目名称", "合计", "基本支出", "项目支出"];
  setCell(s, 0, 0, { value: title });
  setCell(s, 1, 0, { value: "单位：万元" });
  head.forEach((h, c) => setCell(s, 2, c, { value: h }));
  // Leaves first (in cents), then sums upwards.
  const perKuan = 20;
  const kuanPerLei = n > 150000 ? 60 : 20;
  const leaves = Math.max(1, Math.round(n / (1 + 1 / perKuan + 1 / (perKuan * kuanPerLei))));
  const perKuanNeeded = Math.min(99, Math.max(perKuan, Math.ceil(leaves / (99 * kuanPerLei))));
  type Row = { code: string; v: number[] };
  const rows: Row[] = [];
  const total = withBasicSplit ? [0, 0, 0, 0, 0] : [0, 0, 0];
  let made = 0;
  for (let lei = 0; made < leaves; lei++) {
    const leiCode = String(201 + (lei % 99)) + (lei >= 99 ? "" : "");
    const leiRow: Row = { code: lei < 99 ? leiCode : String(201 + (lei % 99)), v: total.map(() => 0) };
    if (lei >= 99) break;
    rows.push(leiRow);
    for (let k = 1; k <= kuanPerLei && made < leaves; k++) {
      const kuanRow: Row = { code: leiCode + String(k).padStart(2, "0"), v: total.map(() => 0) };
      rows.push(kuanRow);
      for (let x = 1; x <= perKuanNeeded && made < leaves; x++) {
        const personnel = Math.floor(rand() * 1e6);
        const pub = Math.floor(rand() * 1e5);
        const project = Math.floor(rand() * 1e6);
        const basic = personnel + pub;
        const v = withBasicSplit ? [basic + project, basic, personnel, pub, project] : [basic + project, basic, project];
        rows.push({ code: kuanRow.code + String(x).padStart(2, "0"), v });
        v.forEach((a, i) => {
          kuanRow.v[i] += a;
          leiRow.v[i] += a;
          total[i] += a;
        });
        made++;
      }
    }
  }
  let r = 3;
  setCell(s, r, 1, { value: "合计" });
  total.forEach((a, i) => setCell(s, r, 2 + i, { value: a / 100, numFmt: FMT }));
  for (const row of rows) {
    r++;
    setCell(s, r, 0, { value: row.code });
    setCell(s, r, 1, { value: `科目${row.code}` });
    row.v.forEach((a, i) => setCell(s, r, 2 + i, { value: a / 100, numFmt: FMT }));
  }
  return s;
}

function smallTable(title: string): Sheet {
  const s = newSheet(title.slice(0, 31));
  setCell(s, 0, 0, { value: title });
  setCell(s, 1, 0, { value: "单位：万元" });
  setCell(s, 2, 0, { value: "项目" });
  setCell(s, 2, 1, { value: "合计" });
  setCell(s, 4, 0, { value: "注：本表无数据" });
  return s;
}

export function workbook(n: number): Workbook {
  const rand = rng(n);
  const sheets: Sheet[] = [];
  for (const spec of STANDARD_TABLES) {
    if (spec.id === "T3") sheets.push(codeTable("支出总表", "部门支出总表", Math.ceil(n / 2), false, rand));
    else if (spec.id === "T5") sheets.push(codeTable("一般公共预算支出表", "一般公共预算支出表", Math.floor(n / 2), true, rand));
    else sheets.push(smallTable(spec.title));
  }
  return { sheets };
}

