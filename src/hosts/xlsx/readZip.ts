/**
 * A minimal zip reader for .xlsx packages using Node's native inflate (several times faster
 * than jszip's JavaScript inflate, and far less garbage). It reads the central directory and
 * inflates a part only when asked. Anything unusual (ZIP64, encrypted entries, methods other
 * than stored / deflated, inconsistent headers) returns null so the caller can fall back to
 * jszip, which decides what a damaged file means.
 */
import { inflateRawSync } from "zlib";

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export interface PartSource {
  names(): string[];
  /** The part's text (UTF-8, BOM dropped), or null when there is no such part. */
  text(name: string): Promise<string | null>;
}

const utf8 = new TextDecoder("utf-8");

export function openZipNative(buf: Uint8Array): PartSource | null {
  // In the browser (no Buffer, no zlib) the caller falls back to jszip.
  if (typeof Buffer === "undefined" || typeof inflateRawSync !== "function") return null;
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  // End of central directory: last 22 bytes + up to 64 KB of comment
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65535); i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 5 && b[i + 3] === 6) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = b.readUInt16LE(eocd + 10);
  const cdSize = b.readUInt32LE(eocd + 12);
  const cdOffset = b.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff || cdOffset + cdSize > b.length) return null; // ZIP64 or broken
  const entries = new Map<string, ZipEntry>();
  const lower = new Map<string, string>();
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > b.length || b.readUInt32LE(p) !== 0x02014b50) return null;
    const flags = b.readUInt16LE(p + 8);
    const method = b.readUInt16LE(p + 10);
    const compressedSize = b.readUInt32LE(p + 20);
    const size = b.readUInt32LE(p + 24);
    const nameLen = b.readUInt16LE(p + 28);
    const extraLen = b.readUInt16LE(p + 30);
    const commentLen = b.readUInt16LE(p + 32);
    const localOffset = b.readUInt32LE(p + 42);
    if (flags & 1) return null; // encrypted entry
    if (method !== 0 && method !== 8) return null;
    if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff) return null;
    const name = (flags & 0x800 ? b.toString("utf8", p + 46, p + 46 + nameLen) : b.toString("latin1", p + 46, p + 46 + nameLen)).replace(/\\/g, "/");
    if (!name.endsWith("/")) {
      entries.set(name, { name, method, compressedSize, size, localOffset });
      lower.set(name.toLowerCase(), name);
    }
    p += 46 + nameLen + extraLen + commentLen;
  }
  const data = (e: ZipEntry): Buffer | null => {
    const o = e.localOffset;
    if (o + 30 > b.length || b.readUInt32LE(o) !== 0x04034b50) return null;
    const start = o + 30 + b.readUInt16LE(o + 26) + b.readUInt16LE(o + 28);
    const end = start + e.compressedSize;
    if (end > b.length) return null;
    const raw = b.subarray(start, end);
    return e.method === 0 ? raw : inflateRawSync(raw, { maxOutputLength: 1 << 30 }); // a zip bomb stops at 1 GB
  };
  return {
    names: () => [...entries.keys()],
    async text(name: string) {
      const e = entries.get(name) ?? entries.get(lower.get(name.toLowerCase()) ?? "");
      if (!e) return null;
      const d = data(e);
      if (!d) throw new Error("bad entry");
      let s = utf8.decode(d);
      if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
      return s;
    },
  };
}
