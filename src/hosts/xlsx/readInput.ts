/**
 * Every input gets a clear answer: what a file is (by its bytes, not its name), and either
 * the workbook in it or a Chinese message naming the file and saying what to do.
 *
 * - .xlsx / .xlsm: read by ./read (fast, no exceljs workbook).
 * - .xls / .et (OLE compound files), .ods, .csv and other text: not read directly; with
 *   LibreOffice installed and `convert` on, converted to a temporary .xlsx and read from
 *   there (the caller is told so); otherwise the message says how to save as .xlsx.
 * - encrypted workbooks (an OLE file holding an EncryptedPackage): "有密码保护".
 * - not a regular file (a FIFO, a device, a socket): never opened, so a FIFO cannot block.
 */
import { execFile } from "child_process";
import { promises as fs, existsSync, mkdtempSync, mkdirSync, writeFileSync, rmSync } from "fs";
import * as os from "os";
import * as path from "path";
import type { Workbook } from "../../core/model";
import { HostError } from "../host";
import { readXlsxPackage, XlsxReadError, type XlsxReadInfo } from "./read";

export type InputKind = "xlsx" | "ods" | "ole" | "encrypted" | "text" | "empty" | "unknown";

export class InputError extends HostError {
  constructor(
    message: string,
    readonly reason: "not-found" | "not-regular" | "directory" | "encrypted" | "legacy" | "ods" | "text" | "empty" | "damaged" | "too-large" | "conversion-failed" | "other",
  ) {
    super(message, reason === "not-found" ? "not-found" : reason === "too-large" ? "too-large" : "unreadable");
  }
}

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(buf: Uint8Array, bytes: number[]): boolean {
  if (buf.length < bytes.length) return false;
  for (let i = 0; i < bytes.length; i++) if (buf[i] !== bytes[i]) return false;
  return true;
}

function utf16(s: string): Buffer {
  return Buffer.from(s, "utf16le");
}

/** What the bytes are. */
export function sniffInput(buf: Uint8Array): InputKind {
  if (buf.length === 0) return "empty";
  if (buf[0] === 0x50 && buf[1] === 0x4b && (buf[2] === 3 || buf[2] === 5 || buf[2] === 7)) {
    // OpenDocument puts an uncompressed "mimetype" entry first
    const head = Buffer.from(buf.subarray(0, Math.min(buf.length, 200))).toString("latin1");
    if (head.slice(30, 38) === "mimetype" && head.includes("application/vnd.oasis.opendocument")) return "ods";
    return "xlsx";
  }
  if (startsWith(buf, OLE_MAGIC)) {
    const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
    if (b.includes(utf16("EncryptedPackage")) || b.includes(utf16("EncryptionInfo"))) return "encrypted";
    return "ole";
  }
  const probe = buf.subarray(0, Math.min(buf.length, 8192));
  let nul = 0;
  for (const x of probe) if (x === 0) nul++;
  if (nul === 0) return "text";
  return "unknown";
}

const SAVE_AS = "请在 Excel 或 WPS 中打开，另存为“Excel 工作簿（*.xlsx）”后再试";

function kindMessage(kind: InputKind, file: string): InputError {
  switch (kind) {
    case "encrypted":
      return new InputError(`${file} 有密码保护，请在 Excel 中取消密码后再检查（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码并保存）。`, "encrypted");
    case "ole":
      return new InputError(`${file} 是旧版 Excel（.xls）或 WPS（.et）格式，不能直接读取。${SAVE_AS}。`, "legacy");
    case "ods":
      return new InputError(`${file} 是 OpenDocument 表格（.ods），不能直接读取。${SAVE_AS}。`, "ods");
    case "text":
      return new InputError(`${file} 是文本文件（如 .csv 或网页），不是 Excel 工作簿。${SAVE_AS}。`, "text");
    case "empty":
      return new InputError(`${file} 是空文件（0 字节），里面没有工作簿。请确认文件已完整保存或下载。`, "empty");
    default:
      return new InputError(`${file} 不是 Excel 工作簿（无法识别的文件格式）。${SAVE_AS}。`, "other");
  }
}

export function sofficePath(): string | null {
  if (process.env.BUDGET_TABLES_NO_SOFFICE) return null;
  for (const p of ["/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/lib/libreoffice/program/soffice", "/opt/libreoffice/program/soffice", "/Applications/LibreOffice.app/Contents/MacOS/soffice", "C:\\Program Files\\LibreOffice\\program\\soffice.exe"])
    if (existsSync(p)) return p;
  return null;
}

function isUtf8(buf: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(buf);
    return true;
  } catch {
    return false;
  }
}

/** Convert with LibreOffice to a temporary .xlsx; returns its bytes. */
async function convertToXlsx(file: string, kind: InputKind, buf: Uint8Array, soffice: string, timeoutMs: number): Promise<Buffer> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "budget-tables-convert-"));
  try {
    const profile = path.join(dir, "profile");
    mkdirSync(path.join(profile, "user"), { recursive: true });
    const ext = kind === "ods" ? ".ods" : kind === "text" ? ".csv" : ".xls";
    const input = path.join(dir, "input" + ext);
    writeFileSync(input, buf);
    const args = ["--headless", "--norestore", "--nologo", `-env:UserInstallation=file://${profile}`];
    // CSV: comma-separated, double quotes, UTF-8 or (Chinese Excel's default) GBK
    if (kind === "text") args.push(`--infilter=CSV:44,34,${isUtf8(buf) ? "76" : "GBK"},1`);
    args.push("--convert-to", "xlsx", "--outdir", dir, input);
    await new Promise<void>((resolve, reject) => {
      execFile(soffice, args, { timeout: timeoutMs, windowsHide: true }, (err) => (err ? reject(err) : resolve()));
    });
    const out = path.join(dir, "input.xlsx");
    if (!existsSync(out)) throw new Error("no output");
    return await fs.readFile(out);
  } catch {
    throw new InputError(`${file} 不是 .xlsx 工作簿，用 LibreOffice 转换也没有成功。${SAVE_AS}。`, "conversion-failed");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface ReadInputOptions {
  /** Convert .xls / .et / .ods / .csv with LibreOffice when it is installed (default false). */
  convert?: boolean;
  /** Refuse files larger than this many bytes (default 512 MB). */
  maxBytes?: number;
  /** Time allowed for a LibreOffice conversion (default 120 s). */
  convertTimeoutMs?: number;
}

export interface ReadInputResult {
  wb: Workbook;
  info: XlsxReadInfo;
  /** Set when the file was converted: a Chinese sentence to show the user. */
  note?: string;
}

/** Is `file` something we may open? Throws InputError (without opening it) when not. */
export async function statInput(file: string): Promise<{ size: number }> {
  let st;
  try {
    st = await fs.stat(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") throw new InputError(`无法打开 ${file}：文件不存在。请检查文件名和路径。`, "not-found");
    if (code === "EACCES" || code === "EPERM") throw new InputError(`无法打开 ${file}：没有读取权限。`, "other");
    if (code === "ELOOP") throw new InputError(`无法打开 ${file}：符号链接循环。`, "other");
    throw new InputError(`无法打开 ${file}（${code ?? "未知原因"}）。`, "other");
  }
  if (st.isDirectory()) throw new InputError(`${file} 是文件夹，不是文件。`, "directory");
  if (!st.isFile()) {
    const what = st.isFIFO() ? "命名管道（FIFO）" : st.isSocket() ? "套接字" : st.isCharacterDevice() || st.isBlockDevice() ? "设备文件" : "特殊文件";
    throw new InputError(`${file} 是${what}，不是普通文件，已跳过（没有打开它）。`, "not-regular");
  }
  return { size: st.size };
}

/** Read bytes already in memory (`file` only names them in messages). */
export async function readInputBuffer(buf: Uint8Array, file: string, options: ReadInputOptions = {}): Promise<ReadInputResult> {
  const kind = sniffInput(buf);
  if (kind === "xlsx") {
    const { wb, info } = await readXlsxPackage(buf, file);
    return { wb, info };
  }
  if (options.convert && (kind === "ole" || kind === "ods" || kind === "text")) {
    const soffice = sofficePath();
    if (soffice) {
      const converted = await convertToXlsx(file, kind, buf, soffice, options.convertTimeoutMs ?? 120_000);
      let res;
      try {
        res = await readXlsxPackage(converted, file);
      } catch (e) {
        if (e instanceof XlsxReadError) throw new InputError(`${file} 用 LibreOffice 转换后仍无法读取。${SAVE_AS}。`, "conversion-failed");
        throw e;
      }
      const what = kind === "ole" ? "旧版 Excel（.xls）/ WPS（.et）" : kind === "ods" ? "OpenDocument（.ods）" : "文本（.csv）";
      return { ...res, note: `${file} 是${what}格式，已用 LibreOffice 转换为临时的 .xlsx 后读取（原文件未改动；转换可能改变格式，结果以另存为 .xlsx 后的检查为准）。` };
    }
  }
  throw kindMessage(kind, file);
}

/** Read a workbook file: stat first (never opening a FIFO or a device), then sniff and read. */
export async function readInputFile(file: string, options: ReadInputOptions = {}): Promise<ReadInputResult> {
  const { size } = await statInput(file);
  const max = options.maxBytes ?? 512 * 1024 * 1024;
  if (size > max) throw new InputError(`${file} 太大（${Math.round(size / 1048576)} MB），超过可读取的 ${Math.round(max / 1048576)} MB。请拆分工作簿后再检查。`, "too-large");
  let buf: Buffer;
  try {
    buf = await fs.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(`无法读取 ${file}${code === "EACCES" ? "：没有读取权限" : code === "EISDIR" ? "：是文件夹" : `（${code ?? "读取失败"}）`}。`, "other");
  }
  return readInputBuffer(buf, file, options);
}
