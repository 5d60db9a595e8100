/**
 * A PDF as many Chinese reporting systems write it (iText and its kin with the font
 * STSong-Light): the text in a CID font that is *not embedded*, encoded with Adobe's predefined
 * CMap UniGB-UCS2-H (two bytes per character, UCS-2 big-endian). A reader needs Adobe's CMap
 * files (UniGB-UCS2-H → CID, then Adobe-GB1-UCS2: CID → Unicode) to get the text back; pdfjs
 * ships them (pdfjs-dist/cmaps) but loads them only when told where they are.
 * Built byte by byte here, so the test owns the whole file (xref offsets computed).
 */
export function cidFontPdf(paragraphs: string[], opts: { perLine?: number; perPage?: number } = {}): Uint8Array {
  const perLine = opts.perLine ?? 38; // 12 pt characters across an A4 text block
  const perPage = opts.perPage ?? 48;
  const hex = (s: string) =>
    Array.from(s)
      .map((ch) => {
        const cp = ch.codePointAt(0)!;
        if (cp > 0xffff) throw new Error("UCS-2 only");
        return cp.toString(16).padStart(4, "0");
      })
      .join("");
  // each paragraph wrapped as a word processor would, its first line indented two characters
  const lines: { text: string; indent: boolean }[] = [];
  for (const p of paragraphs) {
    const chars = Array.from(p);
    for (let k = 0, first = true; k < chars.length; first = false) {
      const n = first ? perLine - 2 : perLine;
      lines.push({ text: chars.slice(k, k + n).join(""), indent: first });
      k += n;
    }
  }
  const pages: string[] = [];
  for (let k = 0; k < lines.length; k += perPage) {
    const ops = ["BT", "/F1 12 Tf"];
    lines.slice(k, k + perPage).forEach((l, j) => ops.push(`1 0 0 1 ${l.indent ? 96 : 72} ${770 - j * 15} Tm`, `<${hex(l.text)}> Tj`));
    ops.push("ET");
    pages.push(ops.join("\n"));
  }
  // objects: 1 catalog, 2 pages, 3 font, 4 CID font, 5 descriptor, then a page and its content for each page
  const objects: string[] = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    `<< /Type /Pages /Kids [${pages.map((_, i) => `${6 + 2 * i} 0 R`).join(" ")}] /Count ${pages.length} >>`,
    "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light-UniGB-UCS2-H /Encoding /UniGB-UCS2-H /DescendantFonts [4 0 R] >>",
    "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 5 0 R /DW 1000 >>",
    "<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>",
  ];
  pages.forEach((content, i) => {
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${7 + 2 * i} 0 R >>`);
    objects.push(`<< /Length ${Buffer.byteLength(content, "latin1")} >>\nstream\n${content}\nendstream`);
  });
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, "latin1"));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, "latin1"));
}
