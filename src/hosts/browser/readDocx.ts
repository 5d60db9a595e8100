/** The .docx reader for the task pane (its own chunk: jszip + saxes): bytes → InputRead, as the CLI reads a .docx. */
import { docxInput, readDocx } from "../docx/index";
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
  return docxInput(name, read);
}
