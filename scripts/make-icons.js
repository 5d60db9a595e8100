// Writes the add-in icons (assets/icon-{16,32,64,80,128}.png): a table grid with a check mark,
// drawn pixel by pixel and encoded as PNG with zlib, so no image tool is needed.
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

function crc32(buf) {
  let c, crc = 0xffffffff;
  for (let n = 0; n < buf.length; n++) {
    c = (crc ^ buf[n]) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x / size, y / size, size);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = r; raw[o + 1] = g; raw[o + 2] = b; raw[o + 3] = a;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0); ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", ihdr), chunk("IDAT", zlib.deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]);
}
const green = [16, 124, 65, 255], white = [255, 255, 255, 255], red = [196, 43, 28, 255], clear = [0, 0, 0, 0];
function pixel(u, v, size) {
  const m = 0.06;
  if (u < m || u > 1 - m || v < m || v > 1 - m) return clear;
  const line = Math.max(1 / size, 0.05);
  // check mark in the lower right
  const cx = u - 0.55, cy = v - 0.62;
  const onTick = (cx > -0.2 && cx < 0 && Math.abs(cy - (cx + 0.2) * 0.9) < 0.07) || (cx >= 0 && cx < 0.32 && Math.abs(cy - (0.18 - cx * 1.1)) < 0.07);
  if (onTick && size >= 16) return red;
  const gu = (u - m) / (1 - 2 * m), gv = (v - m) / (1 - 2 * m);
  if (gv < 0.25) return green;
  if (Math.abs(gu - 0.35) < line || Math.abs(gv - 0.5) < line || Math.abs(gv - 0.75) < line) return green;
  if (gu < line || gu > 1 - line || gv > 1 - line) return green;
  return white;
}
const dir = path.join(__dirname, "..", "assets");
fs.mkdirSync(dir, { recursive: true });
for (const s of [16, 32, 64, 80, 128]) fs.writeFileSync(path.join(dir, `icon-${s}.png`), png(s, pixel));
console.log("icons written to assets/");
