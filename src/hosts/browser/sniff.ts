/** What the first bytes of a picked file say: an OLE compound file is an encrypted Office file or an old .doc / .xls. */
import { HostError } from "../host";

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function hasUtf16(bytes: Uint8Array, s: string): boolean {
  const pat: number[] = [];
  for (const ch of s) pat.push(ch.charCodeAt(0), 0);
  outer: for (let i = 0; i + pat.length <= bytes.length; i++) {
    for (let j = 0; j < pat.length; j++) if (bytes[i + j] !== pat[j]) continue outer;
    return true;
  }
  return false;
}

/** A HostError for an OLE file (encrypted, or the old binary format), else null. `what`: "Word 文档", "Excel 工作簿". */
export function oleMessage(name: string, bytes: Uint8Array, what: string): HostError | null {
  if (bytes.length < 8 || OLE_MAGIC.some((b, i) => bytes[i] !== b)) return null;
  if (hasUtf16(bytes, "EncryptedPackage") || hasUtf16(bytes, "EncryptionInfo"))
    return new HostError(`“${name}”有密码保护，无法读取。请在 Office / WPS 中取消密码（文件 → 信息 → 保护 → 用密码进行加密，清空密码并保存）后再选择。`, "unreadable");
  return new HostError(`“${name}”是旧版${what}格式（.doc / .xls / .et），不能直接读取。请在 Office 或 WPS 中另存为 ${what === "Word 文档" ? ".docx" : ".xlsx"} 后再选择。`, "unreadable");
}
