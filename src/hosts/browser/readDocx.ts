/** The .docx reader for the task pane (its own chunk: jszip + saxes): bytes → InputRead, as the CLI reads a .docx. */
import { DOCX_NARRATIVE_SHEET, locateDocxFinding, readDocx } from "../docx/index";
import { HostError } from "../host";
import type { InputRead } from "../narrativeInput";
import { oleMessage } from "./sniff";

export async function readDocxBytes(name: string, bytes: Uint8Array): Promise<InputRead> {
  const ole = oleMessage(name, bytes, "Word 文档");
  if (ole) throw ole;
  let read;
  try {
    read = await readDocx(bytes, { file: name });
  } catch (e) {
    throw new HostError((e as Error).message, "unreadable");
  }
  return {
    file: name,
    kind: "docx",
    workbook: read.workbook,
    readFindings: [],
    narrativeSheets: read.workbook.sheets.filter((s) => s.name.startsWith(DOCX_NARRATIVE_SHEET)).map((s) => s.name),
    locate: (f) => {
      const l = locateDocxFinding(read, f);
      return l ? (l.table ? `第 ${l.table} 个表格（第 ${l.paragraph} 段）` : `第 ${l.paragraph} 段`) : undefined;
    },
  };
}
