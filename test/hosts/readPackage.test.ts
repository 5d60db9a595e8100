/**
 * The package reader on hand-written parts: what Excel, WPS and other writers put in files
 * that exceljs-written fixtures never show — shared formulas, inline and rich strings with
 * phonetic runs, booleans, errors, ISO dates, cells without addresses, prefixed namespaces,
 * hidden sheets, chart sheets, formulas without cached results.
 */
import JSZip from "jszip";
import { getCell } from "../../src/core/model";
import { readXlsxPackage, slideFormula } from "../../src/hosts/xlsx/read";

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

async function pkg(parts: Record<string, string>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [p, x] of Object.entries(parts)) zip.file(p, x);
  return zip.generateAsync({ type: "nodebuffer" });
}

function basic(sheetXml: string, extra: Record<string, string> = {}, workbookXml?: string): Promise<Buffer> {
  return pkg({
    "[Content_Types].xml": "<Types/>",
    "_rels/.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml":
      workbookXml ??
      `<workbook ${NS}><sheets><sheet name="表一" sheetId="1" r:id="rId1"/><sheet name="隐藏" sheetId="2" state="hidden" r:id="rId2"/><sheet name="图表" sheetId="3" r:id="rId5"/></sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
      <Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>
      <Relationship Id="rId2" Type="${REL}/worksheet" Target="/xl/worksheets/sheet2.xml"/>
      <Relationship Id="rId3" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>
      <Relationship Id="rId4" Type="${REL}/styles" Target="styles.xml"/>
      <Relationship Id="rId5" Type="${REL}/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>`,
    "xl/sharedStrings.xml": `<sst ${NS}><si><t>科目编码</t></si><si><r><rPr><b/></rPr><t>一般公共</t></r><r><t xml:space="preserve">服务支出 </t></r><rPh sb="0" eb="2"><t>いっぱん</t></rPh></si><si><t>A&amp;B_x000D_</t></si></sst>`,
    "xl/styles.xml": `<styleSheet ${NS}><numFmts count="1"><numFmt numFmtId="176" formatCode="#,##0.00_ "/></numFmts>
      <fonts><font><sz val="11"/></font><font><b/><sz val="14"/></font></fonts>
      <fills><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFFFFF00"/></patternFill></fill></fills>
      <borders><border/><border><left style="thin"/><top style="thin"/></border></borders>
      <cellStyleXfs><xf numFmtId="0" fontId="1"/></cellStyleXfs>
      <cellXfs><xf numFmtId="0" fontId="0"/><xf numFmtId="176" fontId="0" fillId="0" borderId="1"/><xf numFmtId="0" fontId="1" fillId="2"><alignment horizontal="center" wrapText="1"/></xf><xf numFmtId="14"/><xf numFmtId="2"/></cellXfs>
      <dxfs><dxf><font><b/></font></dxf></dxfs></styleSheet>`,
    "xl/worksheets/sheet1.xml": sheetXml,
    "xl/worksheets/sheet2.xml": `<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>隐藏的表</t></is></c></row></sheetData></worksheet>`,
    "xl/chartsheets/sheet1.xml": `<chartsheet ${NS}/>`,
    ...extra,
  });
}

describe("package reader: cell values", () => {
  const sheet1 = `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
    <x:sheetPr><x:pageSetUpPr fitToPage="1"/></x:sheetPr>
    <x:sheetViews><x:sheetView><x:pane ySplit="2" topLeftCell="A3" state="frozen"/></x:sheetView></x:sheetViews>
    <x:cols><x:col min="1" max="2" width="12.5" customWidth="1"/></x:cols>
    <x:sheetData>
      <x:row r="1"><x:c r="A1" t="s" s="2"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c><x:c r="C1" t="s"><x:v>2</x:v></x:c></x:row>
      <x:row r="2"><x:c t="b"><x:v>1</x:v></x:c><x:c t="e"><x:v>#N/A</x:v></x:c><x:c t="d"><x:v>2024-01-01</x:v></x:c><x:c s="3"><x:v>45292</x:v></x:c></x:row>
      <x:row r="3"><x:c r="A3" s="1"><x:v>10.5</x:v></x:c><x:c r="B3" s="1"><x:v>20.25</x:v></x:c><x:c r="C3" s="1"><x:f t="shared" ref="C3:C5" si="0">A3+B3</x:f><x:v>30.75</x:v></x:c><x:c r="D3" t="str"><x:f>"x"&amp;"y"</x:f><x:v>xy</x:v></x:c></x:row>
      <x:row r="4"><x:c r="A4"><x:v>1</x:v></x:c><x:c r="B4"><x:v>2</x:v></x:c><x:c r="C4"><x:f t="shared" si="0"/><x:v>3</x:v></x:c><x:c r="D4"><x:f>SUM($A$3:A4)</x:f></x:c></x:row>
      <x:row r="5"><x:c r="A5"><x:v>1E-3</x:v></x:c><x:c r="C5"><x:f t="shared" si="0"/><x:v>0.001</x:v></x:c><x:c r="E5" s="4"/></x:row>
      <x:row r="6"><x:c r="A6"><x:v>合并</x:v></x:c><x:c r="B6"><x:v>99</x:v></x:c></x:row>
    </x:sheetData>
    <x:sheetProtection sheet="1" objects="1"/>
    <x:mergeCells count="1"><x:mergeCell ref="A6:B6"/></x:mergeCells>
    <x:pageSetup orientation="landscape" fitToHeight="0"/>
  </x:worksheet>`;

  it("reads every kind of cell, the formats and the sheet settings", async () => {
    const { wb, info } = await readXlsxPackage(await basic(sheet1), "样例.xlsx");
    expect(wb.sheets.map((s) => s.name)).toEqual(["表一", "隐藏"]); // the chart sheet has no cells
    expect(info.sheetStates).toEqual(["visible", "hidden"]);
    const s = wb.sheets[0];
    const v = (a: number, b: number) => getCell(s, a, b)?.value;
    expect(v(0, 0)).toBe("科目编码");
    expect(getCell(s, 0, 0)?.style).toEqual({ bold: true, fontSize: 14, fill: "#FFFF00", horizontal: "center", wrap: true });
    expect(v(0, 1)).toBe("一般公共服务支出 "); // rich runs joined, phonetic run left out
    expect(v(0, 2)).toBe("A&B\r");
    expect(v(1, 0)).toBe(true);
    expect(v(1, 1)).toEqual({ error: "#N/A" });
    expect(v(1, 2)).toBe(45292); // 2024-01-01 as an Excel serial
    expect(v(1, 3)).toBe(45292);
    expect(getCell(s, 1, 3)?.numFmt).toBe("mm-dd-yy");
    expect(getCell(s, 2, 0)).toEqual({ value: 10.5, numFmt: "#,##0.00_ ", style: { border: true } });
    expect(getCell(s, 2, 2)).toMatchObject({ value: 30.75, formula: "=A3+B3" });
    expect(getCell(s, 3, 2)).toMatchObject({ value: 3, formula: "=A4+B4" });
    expect(getCell(s, 4, 2)).toMatchObject({ value: 0.001, formula: "=A5+B5" });
    expect(getCell(s, 2, 3)).toMatchObject({ value: "xy", formula: '="x"&"y"' });
    expect(getCell(s, 3, 3)).toEqual({ value: null, formula: "=SUM($A$3:A4)" });
    expect(info.uncachedFormulas).toEqual([{ sheet: "表一", r: 3, c: 3 }]);
    expect(v(4, 0)).toBe(0.001);
    expect(getCell(s, 4, 4)).toBeUndefined(); // an empty formatted cell is not kept
    expect(v(5, 0)).toBe("合并");
    expect(getCell(s, 5, 1)).toBeUndefined(); // covered by the merge A6:B6
    expect(s.merges).toEqual([{ r1: 5, c1: 0, r2: 5, c2: 1 }]);
    expect(s.frozenRows).toBe(2);
    expect(s.protected).toBe(true);
    expect(s.colWidths).toEqual([12.5, 12.5]);
    expect(s.print).toEqual({ landscape: true, fitToWidth: true });
    expect(getCell(wb.sheets[1], 0, 0)?.value).toBe("隐藏的表");
  });

  it("reads the repeated print rows from the workbook's defined names", async () => {
    const wbXml = `<workbook ${NS}><workbookPr/><sheets><sheet name="表一" sheetId="1" r:id="rId1"/></sheets><definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">'表一'!$3:$4</definedName></definedNames></workbook>`;
    const { wb } = await readXlsxPackage(await basic(sheet1, {}, wbXml), "样例.xlsx");
    expect(wb.sheets[0].print?.repeatRows).toEqual({ first: 2, last: 3 });
  });

  it("moves 1904-based dates to the 1900 system, as exceljs did", async () => {
    const wbXml = `<workbook ${NS}><workbookPr date1904="1"/><sheets><sheet name="表一" sheetId="1" r:id="rId1"/></sheets></workbook>`;
    const { wb } = await readXlsxPackage(await basic(sheet1, {}, wbXml), "样例.xlsx");
    expect(getCell(wb.sheets[0], 1, 3)?.value).toBe(45292 + 1462);
    expect(getCell(wb.sheets[0], 2, 0)?.value).toBe(10.5); // not a date format: untouched
  });

  it("translates shared formulas as Excel does: relative references move, absolute ones stay, names and strings untouched", () => {
    expect(slideFormula("SUM(C5:C9)+$B$2+B$2+$B2", 2, 1)).toBe("SUM(D7:D11)+$B$2+C$2+$B4");
    expect(slideFormula('LOG10(A1)&"A1"&Sheet2!A1&\'表 一\'!B2', 1, 0)).toBe('LOG10(A2)&"A1"&Sheet2!A2&\'表 一\'!B3');
    expect(slideFormula("A1", -1, 0)).toBe("#REF!");
  });
});

describe("package reader: damaged packages", () => {
  it("says in Chinese, naming the file, when the workbook part is missing", async () => {
    const buf = await pkg({ "hello.txt": "hi" });
    await expect(readXlsxPackage(buf, "坏.xlsx")).rejects.toThrow(/^坏\.xlsx 已损坏或不是完整的 \.xlsx 工作簿（缺少工作簿部件 workbook\.xml）/);
  });

  it("says so for a missing sheet part", async () => {
    const buf = await basic("", { "xl/worksheets/sheet1.xml": undefined as unknown as string });
    const zip = await JSZip.loadAsync(buf);
    zip.remove("xl/worksheets/sheet1.xml");
    await expect(readXlsxPackage(await zip.generateAsync({ type: "nodebuffer" }), "缺表.xlsx")).rejects.toThrow(/缺表\.xlsx 已损坏.*缺少工作表“表一”的部件/);
  });

  it("reads a truncated worksheet part as far as it goes, without throwing", async () => {
    const { wb } = await readXlsxPackage(await basic(`<worksheet ${NS}><sheetData><row r="1"><c r="A1"><v>5</v></c><c r="B1"><v>6`), "断.xlsx");
    expect(getCell(wb.sheets[0], 0, 0)?.value).toBe(5);
  });
});
