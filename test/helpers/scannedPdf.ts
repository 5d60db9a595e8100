/** A one-page PDF that paints an image and has no text layer: what a scanner produces. */
export function scannedPdf(): Uint8Array {
  const objs = [
    "<</Type/Catalog/Pages 2 0 R>>",
    "<</Type/Pages/Kids[3 0 R]/Count 1>>",
    "<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]/Resources<</XObject<</Im1 5 0 R>>>>/Contents 4 0 R>>",
  ];
  const content = "q 100 0 0 100 50 50 cm /Im1 Do Q";
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  const add = (body: string) => {
    offsets.push(out.length);
    out += `${offsets.length} 0 obj\n${body}\nendobj\n`;
  };
  for (const o of objs) add(o);
  add(`<</Length ${content.length}>>\nstream\n${content}\nendstream`);
  add("<</Type/XObject/Subtype/Image/Width 2/Height 2/ColorSpace/DeviceGray/BitsPerComponent 8/Length 4>>\nstream\n\x80\x40\x20\x10\nendstream");
  const xref = out.length;
  out += `xref\n0 ${offsets.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  out += `trailer\n<</Size ${offsets.length + 1}/Root 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`;
  return Uint8Array.from(out, (c) => c.charCodeAt(0));
}
