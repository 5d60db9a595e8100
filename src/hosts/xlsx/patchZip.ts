/**
 * Re-assemble a zip with a few entries replaced: every unchanged entry is copied as it
 * is stored — local header, compressed bytes, data descriptor — so it stays byte for byte
 * even compressed; only the replaced entries are compressed again (Node's zlib). Returns
 * null for a zip this simple writer does not handle (zip64, encrypted entries, a central
 * directory that does not match), and the caller falls back to JSZip.
 */
import * as zlib from "zlib";

interface CentralEntry {
  name: string;
  nameBytes: Buffer;
  /** The whole central directory record. */
  record: Buffer;
  localOffset: number;
  flags: number;
}

function crc32(buf: Buffer): number {
  const z = zlib as unknown as { crc32?: (b: Buffer) => number };
  if (z.crc32) return z.crc32(buf) >>> 0;
  let c = ~0;
  for (let i = 0; i < buf.length; i++) {
    c ^= buf[i];
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function readCentral(zip: Buffer): { entries: CentralEntry[]; cdOffset: number } | null {
  // end of central directory: the last signature within the final 64 KiB + 22 bytes
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65557); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = zip.readUInt16LE(eocd + 10);
  const cdSize = zip.readUInt32LE(eocd + 12);
  const cdOffset = zip.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) return null; // zip64
  const entries: CentralEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > zip.length || zip.readUInt32LE(p) !== 0x02014b50) return null;
    const flags = zip.readUInt16LE(p + 8);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    const localOffset = zip.readUInt32LE(p + 42);
    if (flags & 0x1) return null; // encrypted
    if (localOffset === 0xffffffff) return null;
    const nameBytes = zip.subarray(p + 46, p + 46 + nameLen);
    const len = 46 + nameLen + extraLen + commentLen;
    entries.push({ name: nameBytes.toString(flags & 0x800 ? "utf8" : "latin1"), nameBytes, record: zip.subarray(p, p + len), localOffset, flags });
    p += len;
  }
  if (p !== cdOffset + cdSize) return null;
  return { entries, cdOffset };
}

/**
 * `replace`: entry name → new content (the name as JSZip reports it, UTF-8); `remove`: names to drop.
 */
export function rebuildZip(zip: Buffer, replace: Map<string, string>, remove: Set<string>): Buffer | null {
  const cd = readCentral(zip);
  if (!cd) return null;
  const decode = (e: CentralEntry) => (e.flags & 0x800 ? e.name : e.nameBytes.toString("utf8"));
  const byOffset = [...cd.entries].sort((a, b) => a.localOffset - b.localOffset);
  const endOf = new Map<CentralEntry, number>();
  byOffset.forEach((e, i) => endOf.set(e, i + 1 < byOffset.length ? byOffset[i + 1].localOffset : cd.cdOffset));
  const seen = new Set<string>();
  const out: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of cd.entries) {
    const name = decode(e);
    seen.add(name);
    if (remove.has(name)) continue;
    const local = e.localOffset;
    if (zip.readUInt32LE(local) !== 0x04034b50) return null;
    const text = replace.get(name);
    if (text === undefined) {
      const span = zip.subarray(local, endOf.get(e)!);
      const rec = Buffer.from(e.record);
      rec.writeUInt32LE(offset, 42);
      out.push(span);
      central.push(rec);
      offset += span.length;
      continue;
    }
    const data = Buffer.from(text, "utf8");
    const deflated = zlib.deflateRawSync(data, { level: 6 });
    const crc = crc32(data);
    const flags = e.flags & 0x800; // keep the UTF-8 name flag; no data descriptor
    const time = zip.readUInt16LE(local + 10);
    const date = zip.readUInt16LE(local + 12);
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(flags, 6);
    lh.writeUInt16LE(8, 8);
    lh.writeUInt16LE(time, 10);
    lh.writeUInt16LE(date, 12);
    lh.writeUInt32LE(crc, 14);
    lh.writeUInt32LE(deflated.length, 18);
    lh.writeUInt32LE(data.length, 22);
    lh.writeUInt16LE(e.nameBytes.length, 26);
    lh.writeUInt16LE(0, 28);
    const rec = Buffer.alloc(46);
    e.record.copy(rec, 0, 0, 46);
    rec.writeUInt16LE(flags, 8);
    rec.writeUInt16LE(8, 10);
    rec.writeUInt32LE(crc, 16);
    rec.writeUInt32LE(deflated.length, 20);
    rec.writeUInt32LE(data.length, 24);
    rec.writeUInt16LE(0, 30); // no extra field
    rec.writeUInt16LE(0, 32); // no comment
    rec.writeUInt32LE(offset, 42);
    out.push(lh, e.nameBytes, deflated);
    central.push(Buffer.concat([rec, e.nameBytes]));
    offset += 30 + e.nameBytes.length + deflated.length;
  }
  for (const name of replace.keys()) if (!seen.has(name)) return null; // new entries: not handled here
  const cdBuf = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(central.length, 8);
  end.writeUInt16LE(central.length, 10);
  end.writeUInt32LE(cdBuf.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...out, cdBuf, end]);
}

/** Each entry's stored bytes (local header, compressed data, descriptor), by name: for tests that compare packages as stored. */
export function storedEntries(zip: Buffer): Map<string, Buffer> | null {
  const cd = readCentral(zip);
  if (!cd) return null;
  const byOffset = [...cd.entries].sort((a, b) => a.localOffset - b.localOffset);
  const out = new Map<string, Buffer>();
  byOffset.forEach((e, i) => {
    const end = i + 1 < byOffset.length ? byOffset[i + 1].localOffset : cd.cdOffset;
    out.set(e.flags & 0x800 ? e.name : e.nameBytes.toString("utf8"), zip.subarray(e.localOffset, end));
  });
  return out;
}

/** An index of a zip's entries for reading them with Node's zlib; null when this reader does not handle the zip. */
export function zipIndex(zip: Buffer): Map<string, { method: number; data: Buffer }> | null {
  const cd = readCentral(zip);
  if (!cd) return null;
  const out = new Map<string, { method: number; data: Buffer }>();
  for (const e of cd.entries) {
    const method = e.record.readUInt16LE(10);
    const size = e.record.readUInt32LE(20);
    const p = e.localOffset;
    if (zip.readUInt32LE(p) !== 0x04034b50) return null;
    const start = p + 30 + zip.readUInt16LE(p + 26) + zip.readUInt16LE(p + 28);
    out.set(e.flags & 0x800 ? e.name : e.nameBytes.toString("utf8"), { method, data: zip.subarray(start, start + size) });
  }
  return out;
}

/** An entry's content as text (UTF-8), or undefined when absent or stored in a way this reader does not know. */
export function readEntryText(index: Map<string, { method: number; data: Buffer }>, name: string): string | undefined {
  const e = index.get(name);
  if (!e) return undefined;
  if (e.method === 0) return e.data.toString("utf8");
  if (e.method === 8) return zlib.inflateRawSync(e.data).toString("utf8");
  return undefined;
}
