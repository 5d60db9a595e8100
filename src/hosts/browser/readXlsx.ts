/**
 * The .xlsx reader for the task pane (its own chunk): bytes → InputRead with the fast reader of
 * ../xlsx/read — in the browser its native-zlib path declines (no Buffer) and jszip reads the
 * package. Not ../xlsx/readInput (Node's fs and LibreOffice).
 */
import { readXlsxPackage } from "../xlsx/read";
import type { InputRead } from "../narrativeInput";
import { oleMessage } from "./sniff";
import { HostError } from "../host";

export async function readXlsxBytes(name: string, bytes: Uint8Array): Promise<InputRead> {
  const ole = oleMessage(name, bytes, "Excel 工作簿");
  if (ole) throw ole;
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new HostError(`“${name}”不是 Excel 工作簿（.xlsx），无法读取。请在 Excel 或 WPS 中打开，另存为“Excel 工作簿（*.xlsx）”后再选择。`, "unreadable");
  const { wb, info } = await readXlsxPackage(bytes, `“${name}”`);
  return { file: name, kind: "xlsx", workbook: wb, readFindings: [], narrativeSheets: [], locate: (f) => f.cell, xlsxInfo: info };
}
