/**
 * The PDF host on the field set: six real 2025–2026 Shanghai 普陀区 disclosures.
 * Expected figures are read from the `pdftotext -layout` text beside each PDF (an
 * independent reading of the same document, by poppler), never from our own output.
 */
import { readFileSync, readdirSync } from "fs";
import { join } from "path";
import { displayValue, getCell, type Sheet } from "../../src/core/model";
import { recognizeWorkbook } from "../../src/core/recognize";
import { runChecks } from "../../src/core/checks/engine";
import { locateFinding, pagesToWorkbook, readPdf, unreadFindings, type PdfRead } from "../../src/hosts/pdf";
import type { PageText } from "../../src/hosts/pdf/pdfjs";

const FIELD = join(__dirname, "../../../shared/field");
const files = readdirSync(FIELD)
  .filter((f) => f.endsWith(".pdf"))
  .sort();

/** The pdftotext pages of a document. */
function txtPages(pdf: string): string[] {
  return readFileSync(join(FIELD, pdf.replace(/\.pdf$/, ".txt")), "utf8").split("\f");
}

const nospace = (s: string) => s.replace(/\s+/g, "");
const FIG = /^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;
const num = (s: string) => Number(s.replace(/,/g, ""));

interface TxtSection {
  title: string;
  page: number;
  lines: string[];
}

/** Table sections of the text: from a title line ("2025年…表") to the next title or the end of the 9th table. */
function txtTables(pages: string[]): TxtSection[] {
  const out: TxtSection[] = [];
  let cur: TxtSection | null = null;
  pages.forEach((p, i) => {
    if (i < 2) return; // cover and 目录
    for (const line of p.split("\n")) {
      const t = line.trim();
      if (/^\d{4}年.{2,40}表$/.test(t) && !/[，。]/.test(t)) {
        cur = { title: nospace(t), page: i + 1, lines: [] };
        out.push(cur);
        continue;
      }
      if (cur && /^(其他相关情况说明|一、\d{4}年“三公”)/.test(t)) cur = null;
      if (cur) cur.lines.push(line);
    }
  });
  return out;
}

/** Body rows of a code table in the text: codes split over 类/款/项, the name, then the figures. */
function txtCodeRows(sec: TxtSection): { code: string; name: string; figures: number[] }[] {
  const rows: { code: string; name: string; figures: number[] }[] = [];
  for (const line of sec.lines) {
    const m = /^\s*(\d{3})(?:\s+(\d{2}))?(?:\s+(\d{2}))?\s+(\S+)\s+(.*)$/.exec(line);
    // A name wrapped onto a line of its own continues the row above.
    const last = rows[rows.length - 1];
    if (!m && last && /^\s+[\u4e00-\u9fff（）]+\s*$/.test(line) && !/合\s*计/.test(line)) {
      last.name += line.trim();
      continue;
    }
    if (!m || /^\d/.test(m[4])) continue;
    const figures = m[5].trim().split(/\s+/).filter((x) => FIG.test(x)).map(num);
    rows.push({ code: m[1] + (m[2] ?? "") + (m[3] ?? ""), name: m[4], figures });
  }
  return rows;
}

function txtTotal(sec: TxtSection): number[] | undefined {
  for (const line of sec.lines) {
    const m = /^\s*合\s*计\s+([\d,.\s]+)$/.exec(line);
    if (m) return m[1].trim().split(/\s+/).map(num);
  }
  return undefined;
}

function sheetByTitle(read: PdfRead, title: string): Sheet | undefined {
  return read.workbook.sheets.find((s) => nospace(String(getCell(s, 0, 0)?.value ?? "")) === title);
}

/** The figures of a sheet row, left to right. */
function rowFigures(sheet: Sheet, r: number): number[] {
  return (sheet.rows[r] ?? []).filter((c) => typeof c?.value === "number").map((c) => c!.value as number);
}

/** Rows of a sheet whose code cells (split or joined) make `code`. */
function rowOfCode(sheet: Sheet, code: string, from: number): number {
  for (let r = from; r < sheet.rows.length; r++) {
    const row = sheet.rows[r] ?? [];
    const texts = row.slice(0, 3).map((c) => (typeof c?.value === "string" && /^\d+$/.test(c.value) ? c.value : ""));
    if (texts.join("") === code) return r;
  }
  return -1;
}

/** Column whose header (any header row) reads `text`. */
function colOfHeader(sheet: Sheet, text: string, rows = 8): number {
  for (let r = 1; r < rows; r++) {
    const row = sheet.rows[r] ?? [];
    for (let c = 0; c < row.length; c++) if (nospace(String(displayValue(sheet, r, c) ?? "")) === text) return c;
  }
  return -1;
}

const reads = new Map<string, PdfRead>();
beforeAll(async () => {
  for (const f of files) reads.set(f, await readPdf(new Uint8Array(readFileSync(join(FIELD, f))), { file: f }));
});

describe.each(files)("%s", (file) => {
  const pages = txtPages(file);
  const sections = txtTables(pages);

  test("every page has a text layer and is read; nothing reported unread", () => {
    const read = reads.get(file)!;
    expect(read.pages.length).toBe(pages.filter((p, i) => i < pages.length - 1 || p.trim()).length);
    expect(read.pages.filter((p) => p.kind === "scan")).toEqual([]);
    expect(read.unread).toEqual([]);
  });

  test("the nine tables come out as nine sheets, titled as printed, located on their pages", () => {
    const read = reads.get(file)!;
    expect(sections.length).toBe(9);
    for (const sec of sections) {
      const sheet = sheetByTitle(read, sec.title);
      expect(sheet).toBeDefined();
      const info = read.tables.find((t) => t.sheet === sheet!.name)!;
      expect(info.pages[0]).toBe(sec.page);
    }
    expect(read.tables.length).toBe(9);
  });

  test("code tables: every row of the text is a row of the sheet, with its name and figures; totals match", () => {
    const read = reads.get(file)!;
    let checked = 0;
    for (const sec of sections) {
      const rows = txtCodeRows(sec);
      const sheet = sheetByTitle(read, sec.title)!;
      const info = read.tables.find((t) => t.sheet === sheet.name)!;
      const codeRows = sheet.rows.filter((row, r) => r >= 2 && row && typeof row[0]?.value === "string" && /^\d{3}$/.test(row[0]!.value as string)).length;
      expect(codeRows).toBe(rows.length);
      let from = 2;
      for (const row of rows) {
        const r = rowOfCode(sheet, row.code, from);
        expect(r).toBeGreaterThan(0);
        expect(sheet.rows[r]!.some((c) => c?.value === row.name)).toBe(true);
        expect(rowFigures(sheet, r)).toEqual(row.figures);
        from = r + 1;
        checked++;
      }
      const total = txtTotal(sec);
      if (total && rows.length) {
        let tr = sheet.rows.length - 1;
        while (tr > 0 && !sheet.rows[tr]?.some((c) => c && nospace(String(c.value)) === "合计")) tr--;
        expect(rowFigures(sheet, tr)).toEqual(total);
        expect(info.bodyRows).toBe(rows.length + 1);
      }
    }
    expect(checked).toBeGreaterThan(30);
  });

  test("printed precision is kept: 2 decimals as #,##0.00, codes as text with their zeros", () => {
    const read = reads.get(file)!;
    const t3 = sheetByTitle(read, sections[2].title)!;
    const r = t3.rows.findIndex((row) => row?.[1]?.value !== undefined && /^0\d$/.test(String(row[1]!.value)));
    expect(r).toBeGreaterThan(0);
    expect(typeof t3.rows[r]![1]!.value).toBe("string");
    const fig = t3.rows[r]!.find((c) => typeof c?.value === "number")!;
    expect(fig.numFmt).toBe("#,##0.00");
  });

  test("the 财务收支预算总表: both sides, with the totals the text prints", () => {
    const read = reads.get(file)!;
    const sec = sections[0];
    const sheet = sheetByTitle(read, sec.title)!;
    const line = sec.lines.find((l) => /收入总计/.test(l))!;
    const printed = line.split(/\s+/).filter((x) => FIG.test(x)).map(num);
    const r = sheet.rows.findIndex((row) => row?.some((c) => c?.value === "收入总计"));
    expect(sheet.rows[r]!.some((c) => c?.value === "支出总计")).toBe(true);
    expect(rowFigures(sheet, r)).toEqual(printed);
    // The expense labels stay on their side: 一、… both in column 0 and in a later column.
    const first = sheet.rows.find((row) => row?.[0]?.value === "一、财政拨款收入")!;
    expect(first.slice(1).some((c) => typeof c?.value === "string" && /^一、.*支出$/.test(c.value))).toBe(true);
  });

  test("the “三公” table: each figure under its own header", () => {
    const read = reads.get(file)!;
    const sec = sections[8];
    const sheet = sheetByTitle(read, sec.title)!;
    const dataLine = sec.lines.filter((l) => l.trim().split(/\s+/).every((x) => FIG.test(x) || /^\d+(\.\d+)?$/.test(x)) && /\d/.test(l)).pop()!;
    const printed = dataLine.trim().split(/\s+/).map(num);
    const body = sheet.rows.length - 1;
    expect(rowFigures(sheet, body)).toEqual(printed);
    // 合计 is the first figure, 机关运行经费预算数 the last, whatever is blank in between.
    expect(getCell(sheet, body, colOfHeader(sheet, "合计"))?.value).toBe(printed[0]);
    expect(getCell(sheet, body, colOfHeader(sheet, "机关运行经费预算数"))?.value).toBe(printed[printed.length - 1]);
    const unit = sheet.rows[1]!.find((c) => typeof c?.value === "string" && /^单位[:：]/.test(c.value));
    expect(String(unit?.value)).toMatch(/万元/);
  });

  test("empty tables keep their note", () => {
    const read = reads.get(file)!;
    for (const sec of sections.slice(5, 7)) {
      const note = sec.lines.map((l) => l.trim()).find((l) => /^注/.test(l));
      if (!note) continue;
      const sheet = sheetByTitle(read, sec.title)!;
      expect(sheet.rows.some((row) => row?.[0]?.value === note)).toBe(true);
    }
  });

  test("narrative: wrapped lines joined into paragraphs, 目录 taken as contents, no table text in it", () => {
    const read = reads.get(file)!;
    // The 编制说明's first paragraph, as the text prints it over two lines.
    const all = pages.join("\n").split("\n");
    const i = all.findIndex((l) => /^\s*\d{4}年，.*收入预算/.test(l));
    const joined = nospace(all[i] + all[i + 1]);
    expect(read.paragraphs.some((p) => nospace(p.text).includes(joined))).toBe(true);
    // Located on the page the text shows it on.
    const page = pages.findIndex((p) => p.includes(all[i])) + 1;
    expect(read.paragraphs.find((p) => nospace(p.text).includes(joined))!.page).toBe(page);
    // 目录: every line of the contents page after its heading.
    const tocLines = pages[1].split("\n").filter((l) => l.trim() && !/^目\s*录$/.test(l.trim()));
    expect(read.contents.length).toBe(tocLines.length);
    for (const p of read.paragraphs) {
      expect(p.text).not.toMatch(/……/);
      expect(p.text).not.toMatch(/^\d{1,3}$/);
      expect(p.text).not.toMatch(/^\d{3}\s/);
    }
    // No table title became a paragraph.
    for (const sec of sections) expect(read.paragraphs.some((p) => nospace(p.text) === sec.title)).toBe(false);
  });

  test("recognition finds the tables it knows in the sheets, and every finding has a page", () => {
    const read = reads.get(file)!;
    const facts = recognizeWorkbook(read.workbook);
    const ids = facts.tables.map((t) => t.spec.id);
    expect(ids).toEqual(expect.arrayContaining(["T2", "T3", "T4"]));
    const t3 = facts.tables.find((t) => t.spec.id === "T3")!;
    expect(t3.amountUnit).toBe("元");
    expect(t3.rows.filter((r) => r.codeSource === "split").length).toBe(txtCodeRows(sections[2]).length);
    expect(facts.paragraphs.length).toBeGreaterThan(20);
    const { findings } = runChecks(read.workbook, {}, facts);
    for (const f of findings) if (f.cell !== "A1") expect(locateFinding(read, f)).toBeDefined();
  });
});

describe("what cannot be read is reported, not guessed", () => {
  const vp = [1, 0, 0, -1, 0, 800]; // PDF user space (y up) → top-down points
  const item = (str: string, x: number, y: number, size = 10, width?: number) => ({ str, transform: [size, 0, 0, size, x, 800 - y], width: width ?? [...str].reduce((w, ch) => w + (/[\u4e00-\u9fff]/.test(ch) ? size : size / 2), 0) });

  test("a page without a text layer that paints an image is a scan; a blank page is not", () => {
    const pages: PageText[] = [
      { page: 1, width: 600, height: 800, viewport: vp, items: [item("2025年部门预算编制说明", 200, 50), item("2025年，本部门收入预算100万元，其中：财政拨款收入100万元。", 50, 100)], images: 0 },
      { page: 2, width: 600, height: 800, viewport: vp, items: [], images: 1 },
      { page: 3, width: 600, height: 800, viewport: vp, items: [], images: 0 },
    ];
    const read = pagesToWorkbook(pages, { file: "某单位.pdf" });
    expect(read.pages.map((p) => p.kind)).toEqual(["text", "scan", "blank"]);
    expect(read.unread).toHaveLength(1);
    expect(read.unread[0].message).toMatch(/“某单位\.pdf”第 2 页没有文字层/);
    expect(unreadFindings(read)[0]).toMatchObject({ ruleId: "recognition", severity: "warning" });
  });

  test("a table whose figures run together under two headers is reported unread and left out", () => {
    const rows = [
      [item("行政运行", 50, 140), item("1,000.00", 190, 140), item("2,000.00", 250, 140)],
      [item("事业运行", 50, 165), item("3,000,000.00", 215, 165)],
      [item("合计", 50, 190), item("3,003,000.00", 210, 190), item("4,000.00", 270, 190)],
    ];
    const pages: PageText[] = [
      {
        page: 1,
        width: 600,
        height: 800,
        viewport: vp,
        items: [item("2025年部门支出预算总表", 190, 60, 16), item("单位：元", 480, 90), item("项目", 50, 115), item("合计", 200, 115), item("基本支出", 260, 115), ...rows.flat()],
        images: 0,
      },
    ];
    const read = pagesToWorkbook(pages, { file: "x.pdf" });
    expect(read.tables).toEqual([]);
    expect(read.unread).toHaveLength(1);
    expect(read.unread[0]).toMatchObject({ kind: "table", title: "2025年部门支出预算总表" });
    expect(read.workbook.sheets.some((s) => s.name.includes("支出预算总表"))).toBe(false);
  });

  test("a table continued on the next page without its header runs on; with its header repeated, the header is skipped", () => {
    const head = (y: number) => [item("项目", 50, y), item("合计", 250, y), item("基本支出", 350, y)];
    const page1: PageText = {
      page: 1,
      width: 600,
      height: 800,
      viewport: vp,
      items: [item("2025年部门支出预算总表", 190, 60, 16), item("单位：元", 480, 90), ...head(115), item("201", 50, 140), item("一般公共服务支出", 90, 140), item("10.00", 255, 140), item("10.00", 355, 140)],
      images: 0,
    };
    const page2 = (repeat: boolean): PageText => ({
      page: 2,
      width: 600,
      height: 800,
      viewport: vp,
      items: [...(repeat ? head(40) : []), item("208", 50, 65), item("社会保障和就业支出", 90, 65), item("5.00", 260, 65), item("5.00", 360, 65), item("合计", 90, 90), item("15.00", 255, 90), item("15.00", 355, 90)],
      images: 0,
    });
    for (const repeat of [false, true]) {
      const read = pagesToWorkbook([page1, page2(repeat)]);
      expect(read.tables).toHaveLength(1);
      expect(read.tables[0].pages).toEqual([1, 2]);
      const sheet = read.workbook.sheets[0];
      const labels = sheet.rows.slice(sheet.frozenRows).map((row) => row?.find((c) => typeof c?.value === "string" && /支出$|^合计$/.test(c.value))?.value).filter(Boolean);
      expect(labels).toEqual(["一般公共服务支出", "社会保障和就业支出", "合计"]);
      expect(sheet.rows.filter((row) => row?.some((c) => c?.value === "基本支出")).length).toBe(1);
      expect(read.locations.get(sheet.name)!.get(`${sheet.rows.length - 1},1`)).toEqual({ page: 2, line: repeat ? 3 : 2 });
    }
  });

  test("a table printed without a header is reported unread, and its rows do not become text", () => {
    const pages: PageText[] = [
      {
        page: 1,
        width: 600,
        height: 800,
        viewport: vp,
        items: [item("2025年部门支出预算总表", 190, 60, 16), item("单位：元", 480, 90), item("201", 50, 115), item("一般公共服务支出", 90, 115), item("1,000.00", 300, 115), item("208", 50, 140), item("社会保障和就业支出", 90, 140), item("2,000.00", 300, 140)],
        images: 0,
      },
    ];
    const read = pagesToWorkbook(pages);
    expect(read.tables).toEqual([]);
    expect(read.unread).toEqual([expect.objectContaining({ kind: "table", page: 1, title: "2025年部门支出预算总表" })]);
    expect(read.unread[0].message).toMatch(/找不到表头/);
    expect(read.paragraphs.some((p) => /1,000\.00|一般公共服务支出/.test(p.text))).toBe(false);
  });

  test("not a PDF: a clear message naming the file", async () => {
    await expect(readPdf(new TextEncoder().encode("这不是 PDF"), { file: "/tmp/说明.pdf" })).rejects.toThrow(/“说明\.pdf”不是有效的 PDF 文件/);
  });
});

describe("another layout: joined codes, one header row, 万元, page numbers, a 目录 with leaders, a paragraph over a page break", () => {
  const vp = [1, 0, 0, -1, 0, 800];
  const W = (ch: string, size: number) => (/[\u4e00-\u9fff（），。；：、“”…]/.test(ch) ? size : size / 2);
  const item = (str: string, x: number, y: number, size = 10) => ({ str, transform: [size, 0, 0, size, x, 800 - y], width: [...str].reduce((w, ch) => w + W(ch, size), 0) });
  const right = (str: string, x2: number, y: number, size = 10) => item(str, x2 - [...str].reduce((w, ch) => w + W(ch, size), 0), y, size);
  const footer = (n: number) => item(`- ${n} -`, 290, 780);
  const para = "2024年，本单位收入预算405.52万元，其中：财政拨款收入405.52万元，比上年增加12.30万元，主要原因是人员经费增加，在职人员比上年增加2人，退休人员比上年减少1人；事业收入0万元，事业单位经营收入0万元，其他收入0万元。";
  // Wrapped at the right margin (x = 540) the way a word processor does: first line indented 2 em.
  const wrap = (text: string, widths: number[]): string[] => {
    const out: string[] = [];
    let cur = "";
    let w = 0;
    for (const ch of text) {
      const cw = W(ch, 10);
      if (w + cw > widths[Math.min(out.length, widths.length - 1)]) {
        out.push(cur);
        cur = "";
        w = 0;
      }
      cur += ch;
      w += cw;
    }
    out.push(cur);
    return out;
  };
  const [l1, l2, ...rest] = wrap(para, [460, 480, 480]);
  const long2 = rest.join("");

  const pages: PageText[] = [
    {
      page: 1,
      width: 600,
      height: 800,
      viewport: vp,
      items: [item("目录", 280, 60, 16), item("一、部门预算编制说明……………………………… 2", 60, 100), item("二、部门支出总表………………………………………… 3", 60, 120), footer(1)],
      images: 0,
    },
    {
      page: 2,
      width: 600,
      height: 800,
      viewport: vp,
      items: [item("一、部门预算编制说明", 60, 60, 12), item(l1, 80, 100), item(l2, 60, 115), footer(2)],
      images: 0,
    },
    {
      page: 3,
      width: 600,
      height: 800,
      viewport: vp,
      items: [
        item(long2, 60, 40),
        item("2024年部门支出总表", 230, 80, 14),
        item("单位：万元", 480, 105),
        item("科目编码", 50, 130),
        item("科目名称", 150, 130),
        item("合计", 330, 130),
        item("基本支出", 410, 130),
        item("项目支出", 500, 130),
        ...[
          ["208", "社会保障和就业支出", "376.17", "300.00", "76.17"],
          ["20805", "行政事业单位养老支出", "376.17", "300.00", "76.17"],
          ["2080505", "机关事业单位基本养老保险缴费支出", "1,376.17", "", "1,376.17"],
        ].flatMap((row, i) => {
          const y = 155 + 22 * i;
          return [item(row[0], 50, y), item(row[1], 110, y), right(row[2], 370, y), ...(row[3] ? [right(row[3], 460, y)] : []), right(row[4], 550, y)];
        }),
        item("合计", 150, 221),
        right("2,128.51", 370, 221),
        right("600.00", 460, 221),
        right("1,528.51", 550, 221),
        footer(3),
      ],
      images: 0,
    },
  ];

  test("read as a table and paragraphs the way the page prints them", () => {
    const read = pagesToWorkbook(pages);
    expect(read.contents.map((c) => [c.text, c.printedPage])).toEqual([
      ["一、部门预算编制说明", 2],
      ["二、部门支出总表", 3],
    ]);
    expect(read.paragraphs.map((p) => p.text)).toEqual(["一、部门预算编制说明", para]);
    expect(rest.length).toBe(1); // the paragraph does run onto page 3
    expect(read.paragraphs[1]).toMatchObject({ page: 2, endPage: 3 });
    expect(read.tables).toHaveLength(1);
    const sheet = read.workbook.sheets[0];
    expect(sheet.name).toBe("2024年部门支出总表");
    const body = sheet.rows.slice(sheet.frozenRows);
    expect(body.map((row) => Array.from(row!, (c) => c?.value ?? null))).toEqual([
      ["208", "社会保障和就业支出", 376.17, 300, 76.17],
      ["20805", "行政事业单位养老支出", 376.17, 300, 76.17],
      ["2080505", "机关事业单位基本养老保险缴费支出", 1376.17, null, 1376.17],
      [null, "合计", 2128.51, 600, 1528.51],
    ]);
    const facts = recognizeWorkbook(read.workbook);
    const t3 = facts.tables.find((t) => t.spec.id === "T3")!;
    expect(t3.amountUnit).toBe("万元");
    expect(t3.rows.filter((r) => r.code).map((r) => r.code)).toEqual(["208", "20805", "2080505"]);
  });
});
