/**
 * Build test/fixtures/crafted/extras.xlsx: a budget workbook with every extra a finance
 * office's file tends to carry, to prove that writing a changed copy keeps them all.
 * exceljs makes most of it; what it cannot make is patched into the XML by hand below
 * (a shared-formula group, an Excel-style sheetProtection on a second sheet, a custom
 * document property, a cell left without its r attribute is NOT made: Excel always writes r).
 *
 * Run: npx tsx scripts/make-crafted-workbook.ts
 * Figures: 武汉市 2024 部门预算公开 (test/fixtures/seeds/wuhan-2024.xlsx), rounded as published.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { promises as fs } from "fs";
import * as path from "path";

const ROOT = path.join(__dirname, "..");
export const CRAFTED = path.join(ROOT, "test", "fixtures", "crafted", "extras.xlsx");

async function build(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "某区财政局";
  wb.lastModifiedBy = "预算科";
  wb.title = "2024年部门预算公开表";
  wb.subject = "部门预算公开";
  wb.keywords = "预算公开";
  wb.company = "某区人民政府";
  wb.created = new Date(Date.UTC(2024, 0, 15, 8, 0, 0));
  wb.modified = new Date(Date.UTC(2024, 0, 20, 9, 30, 0));

  const cover = wb.addWorksheet("封面");
  cover.getCell("A1").value = "某区人力资源和社会保障局 2024 年部门预算";
  cover.getCell("A1").font = { name: "黑体", size: 20, bold: true };
  cover.getColumn(1).width = 60;

  const ws = wb.addWorksheet("一般公共预算支出表", {
    views: [{ state: "frozen", xSplit: 2, ySplit: 4, topLeftCell: "C5", activeCell: "C5" }],
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "3:4", horizontalCentered: true },
    headerFooter: { oddHeader: "&C&\"宋体,加粗\"一般公共预算支出表", oddFooter: "&C第 &P 页，共 &N 页" },
    properties: { tabColor: { argb: "FFC00000" } },
  });
  ws.mergeCells("A1:E1");
  ws.getCell("A1").value = "一般公共预算支出表";
  ws.getCell("A1").font = { name: "宋体", size: 16, bold: true };
  ws.getCell("A1").alignment = { horizontal: "center" };
  ws.getRow(1).height = 30;
  ws.getCell("A2").value = "单位名称：某区人力资源和社会保障局";
  ws.getCell("E2").value = "单位：万元";
  const thin = { style: "thin" as const, color: { argb: "FF000000" } };
  const border = { top: thin, left: thin, bottom: thin, right: thin };
  ws.mergeCells("A3:B3");
  ws.getCell("A3").value = "功能分类科目";
  ws.mergeCells("C3:E3");
  ws.getCell("C3").value = "2024年预算数";
  const head = ["科目编码", "科目名称", "合计", "基本支出", "项目支出"];
  head.forEach((h, i) => (ws.getCell(4, i + 1).value = h));
  const rows: [string, string | null, number, number | null, number | null][] = [
    ["208", "社会保障和就业支出", 1209.02, 825.26, 383.76],
    ["20801", null, 955.32, 571.56, 383.76], // name missing: fill-names fills it
    ["2080101", "行政运行", 571.56, 571.56, null],
    ["2080199", "其他人力资源和社会保障管理", 383.76, null, 383.76], // truncated: --fix-names corrects it
    ["20805", "行政事业单位养老支出", 253.7, 253.7, null],
    ["2080505", null, 253.7, 253.7, null],
  ];
  rows.forEach((row, i) => {
    const r = 5 + i;
    row.forEach((v, c) => {
      const cell = ws.getCell(r, c + 1);
      cell.value = v;
      cell.border = border;
      if (c >= 2) cell.numFmt = "#,##0.00";
      if (c === 0) cell.numFmt = "@";
      cell.font = { name: "仿宋_GB2312", size: 12, bold: row[0].length === 3 };
    });
    ws.getRow(r).height = 21.75;
  });
  ws.getCell("A11").value = null;
  ws.getCell("B11").value = "合计";
  ws.getCell("B11").font = { name: "宋体", bold: true, color: { argb: "FF1F4E79" } };
  ws.getCell("C11").value = { formula: "C5", result: 1209.02 };
  ws.getCell("D11").value = { formula: "D5", result: 825.26 };
  ws.getCell("E11").value = { formula: "E5", result: 383.76 };
  for (let c = 1; c <= 5; c++) ws.getCell(11, c).border = { ...border, top: { style: "double", color: { argb: "FF000000" } } };
  ws.getRow(11).height = 24;
  ws.getColumn(1).width = 12.5;
  ws.getColumn(2).width = 38;
  for (let c = 3; c <= 5; c++) ws.getColumn(c).width = 15.25;
  ws.getColumn(6).hidden = true;
  // validation, conditional format, a comment, a hyperlink, a defined name, an image
  ws.getCell("C5").dataValidation = { type: "decimal", operator: "greaterThanOrEqual", formulae: [0], allowBlank: true, showErrorMessage: true, errorTitle: "金额", error: "金额不能为负数" };
  (ws as unknown as { dataValidations: { add(ref: string, v: ExcelJS.DataValidation): void } }).dataValidations.add("D5:E10", { type: "decimal", operator: "greaterThanOrEqual", formulae: [0], allowBlank: true });
  ws.addConditionalFormatting({
    ref: "C5:E10",
    rules: [{ type: "cellIs", operator: "lessThan", formulae: ["0"], priority: 1, style: { font: { color: { argb: "FFFF0000" } } } }],
  });
  ws.getCell("C7").note = { texts: [{ text: "预算科：", font: { bold: true } }, { text: "含 2023 年结转" }] };
  ws.getCell("A13").value = { text: "公开平台", hyperlink: "http://czj.example.gov.cn/yusuan" };
  ws.getCell("B13").value = { text: "见说明", hyperlink: "#'说明'!A1" };
  wb.definedNames.add("'一般公共预算支出表'!$C$5:$E$10", "支出金额");
  wb.definedNames.add("'一般公共预算支出表'!$A$1:$E$11", "_xlnm.Print_Area");
  const png = await fs.readFile(path.join(ROOT, "assets", "icon-32.png"));
  const img = wb.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: "png" });
  ws.addImage(img, { tl: { col: 5.2, row: 0.2 }, ext: { width: 32, height: 32 } });

  const note = wb.addWorksheet("说明");
  note.getCell("A1").value = {
    richText: [
      { text: "2024年一般公共预算支出", font: { bold: true, size: 12, name: "宋体" } },
      { text: "1209.02万元", font: { color: { argb: "FFFF0000" }, size: 12, name: "宋体" } },
      { text: "，比上年增加 36.5 万元。", font: { size: 12, name: "宋体" } },
    ],
  };
  note.getColumn(1).width = 80;
  note.getCell("A1").alignment = { wrapText: true, vertical: "top" };

  const hidden = wb.addWorksheet("基础数据", { state: "hidden" });
  hidden.getCell("A1").value = "下拉选项";
  hidden.getCell("A2").value = "基本支出";
  hidden.getCell("A3").value = "项目支出";
  const veryHidden = wb.addWorksheet("参数", { state: "veryHidden" });
  veryHidden.getCell("A1").value = 2024;

  await cover.protect("czj2024", { selectLockedCells: true, selectUnlockedCells: true, formatColumns: false });
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** What exceljs cannot write, patched in by hand. */
async function handEdits(buf: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buf);
  const sheet2 = "xl/worksheets/sheet2.xml";
  let xml = await zip.file(sheet2)!.async("string");
  // rows 15–17: a shared formula group, as Excel writes one when a formula is filled down
  const shared =
    '<row r="15"><c r="C15"><v>1</v></c><c r="D15"><f t="shared" ref="D15:D17" si="0">C15*2</f><v>2</v></c></row>' +
    '<row r="16"><c r="C16"><v>2</v></c><c r="D16"><f t="shared" si="0"/><v>4</v></c></row>' +
    '<row r="17"><c r="C17"><v>3</v></c><c r="D17"><f t="shared" si="0"/><v>6</v></c></row>';
  xml = xml.replace("</sheetData>", shared + "</sheetData>");
  zip.file(sheet2, xml);
  // the 说明 sheet: protected the way Excel 2016 writes it (SHA-512 hash, salt, spin count)
  const sheet3 = "xl/worksheets/sheet3.xml";
  let x3 = await zip.file(sheet3)!.async("string");
  x3 = x3.replace(
    /(<\/sheetData>)/,
    '$1<sheetProtection algorithmName="SHA-512" hashValue="dXNlcnMgbmV2ZXIgc2VlIHRoaXMgaGFzaCBidXQgRXhjZWwgZG9lcw0KZm9yIHRoZSB0ZXN0IGl0IG11c3Qgc3Vydml2ZSBieXRlIGZvciBieXRlLg==" saltValue="c2FsdHNhbHRzYWx0c2FsdA==" spinCount="100000" sheet="1" objects="1" scenarios="1"/>',
  );
  zip.file(sheet3, x3);
  // a custom document property
  zip.file(
    "docProps/custom.xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="编制单位"><vt:lpwstr>某区人力资源和社会保障局</vt:lpwstr></property></Properties>',
  );
  let ct = await zip.file("[Content_Types].xml")!.async("string");
  ct = ct.replace("</Types>", '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>');
  zip.file("[Content_Types].xml", ct);
  let rels = await zip.file("_rels/.rels")!.async("string");
  rels = rels.replace("</Relationships>", '<Relationship Id="rIdCustom" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>');
  zip.file("_rels/.rels", rels);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

export async function makeCrafted(): Promise<Buffer> {
  return handEdits(await build());
}

if (require.main === module) {
  makeCrafted()
    .then(async (buf) => {
      await fs.mkdir(path.dirname(CRAFTED), { recursive: true });
      await fs.writeFile(CRAFTED, buf);
      console.log(`→ ${path.relative(ROOT, CRAFTED)} (${buf.length} bytes)`);
    })
    .catch((e) => {
      console.error(e);
      process.exit(1);
    });
}
