/**
 * Every file the CLI writes goes through here: the output is never one of the inputs
 * (whatever it is called: ./in.xlsx, a symlink, a hard link — refused even with
 * --force), never a folder, never over an existing file without --force; a missing or
 * read-only folder is said plainly, naming the path. The file is written beside its
 * final place and moved there at the end, so a failed write leaves nothing half-written
 * and an existing file is replaced, never written into.
 */
import { constants, promises as fs, type Stats } from "fs";
import * as path from "path";

export class OutputPathError extends Error {
  constructor(message: string) {
    super(message);
  }
}

async function statOrNull(p: string): Promise<Stats | null> {
  try {
    return await fs.stat(p);
  } catch {
    return null;
  }
}

async function realOrNull(p: string): Promise<string | null> {
  try {
    return await fs.realpath(p);
  } catch {
    return null;
  }
}

/** True when `a` and `b` are the same file on disk (same real path, or same device and inode). */
export async function sameFile(a: string, b: string): Promise<boolean> {
  const [sa, sb] = await Promise.all([statOrNull(a), statOrNull(b)]);
  if (sa && sb && sa.dev === sb.dev && sa.ino === sb.ino) return true;
  const [ra, rb] = await Promise.all([realOrNull(a), realOrNull(b)]);
  return ra !== null && ra === rb;
}

/**
 * Check that `out` may be written. `inputs` are the files the command read (folders
 * given as input: every file inside counts). Throws OutputPathError with a Chinese
 * message naming the path; returns normally when writing is fine.
 */
export async function guardOutputPath(out: string, inputs: string[], opts: { force?: boolean } = {}): Promise<void> {
  if (!out || !out.trim()) throw new OutputPathError("输出文件名为空：请在 --out 后给出要写入的文件名。");
  const abs = path.resolve(out);
  if (/[\\/]$/.test(out)) throw new OutputPathError(`输出路径 ${out} 是文件夹：请在 --out 后给出文件名，例如 ${path.join(out, "结果" + suggestExt(inputs))}。`);
  // the output must not be an input, whatever it is called, even with --force
  for (const input of inputs) {
    const st = await statOrNull(input);
    if (st?.isDirectory()) {
      const realDir = await realOrNull(input);
      const realOut = (await realOrNull(abs)) ?? path.join((await realOrNull(path.dirname(abs))) ?? path.dirname(abs), path.basename(abs));
      if (realDir && (realOut + path.sep).startsWith(realDir + path.sep) && /\.xlsx$/i.test(realOut) && (await statOrNull(abs))) {
        throw new OutputPathError(`输出文件 ${out} 是被检查的文件夹 ${input} 中的工作簿：输入文件不会被改写，请换一个输出文件名。`);
      }
      continue;
    }
    if (await sameFile(input, abs)) {
      throw new OutputPathError(`输出文件 ${out} 就是输入文件 ${input}（同一个文件，可能经由 ./、符号链接或硬链接）。输出文件不能与输入文件相同：输入文件绝不会被改写，--force 也不行，请另存为新文件。`);
    }
  }
  const link = await fs.lstat(abs).catch(() => null);
  const st = await statOrNull(abs);
  if (link?.isSymbolicLink() && !st) {
    throw new OutputPathError(`输出路径 ${out} 是指向不存在位置的符号链接，未写入：请换一个输出文件名。`);
  }
  if (st?.isDirectory()) {
    throw new OutputPathError(`输出路径 ${out} 是文件夹：请在 --out 后给出文件名，例如 ${path.join(out, "结果" + suggestExt(inputs))}。`);
  }
  if (st && !st.isFile()) throw new OutputPathError(`输出路径 ${out} 不是普通文件（设备、管道等），未写入：请换一个输出文件名。`);
  if (st && !opts.force) throw new OutputPathError(`输出文件 ${out} 已存在，未覆盖。确需覆盖请加 --force。`);
  const dir = path.dirname(abs);
  const dst = await statOrNull(dir);
  if (!dst) throw new OutputPathError(`输出文件夹 ${path.dirname(out) || "."} 不存在：请先建立该文件夹，或在 --out 中换一个已有的文件夹。`);
  if (!dst.isDirectory()) throw new OutputPathError(`输出路径 ${out} 的上级 ${path.dirname(out)} 不是文件夹：请换一个输出位置。`);
  try {
    await fs.access(dir, constants.W_OK | constants.X_OK);
  } catch {
    throw new OutputPathError(`输出文件夹 ${path.dirname(out) || "."} 是只读的（或没有写入权限）：请换一个可写的文件夹，或请管理员开放写权限。`);
  }
}

function suggestExt(inputs: string[]): string {
  return inputs.some((i) => /\.xlsx$/i.test(i)) ? ".xlsx" : ".html";
}

/** A system error while writing, in Chinese, naming the path. */
export function writeErrorMessage(out: string, e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  const dir = path.dirname(out) || ".";
  switch (code) {
    case "ENOENT":
      return `无法写入 ${out}：文件夹 ${dir} 不存在。请先建立该文件夹，或换一个输出位置。`;
    case "EACCES":
    case "EPERM":
      return `无法写入 ${out}：没有写入权限（文件夹 ${dir} 只读，或文件被占用）。请换一个可写的位置。`;
    case "EROFS":
      return `无法写入 ${out}：所在磁盘是只读的。请换一个可写的位置。`;
    case "ENOSPC":
    case "EDQUOT":
      return `无法写入 ${out}：磁盘空间不足。请清理磁盘或换一个位置后重试。`;
    case "EISDIR":
      return `无法写入 ${out}：这是一个文件夹。请在 --out 后给出文件名。`;
    case "ENOTDIR":
      return `无法写入 ${out}：路径中有一段不是文件夹。请检查 --out 给出的路径。`;
    case "EEXIST":
      return `输出文件 ${out} 已存在，未覆盖。确需覆盖请加 --force。`;
    case "ENAMETOOLONG":
      return `无法写入 ${out}：文件名太长。请换一个短一些的名字。`;
    default:
      return `无法写入 ${out}（系统错误 ${code ?? "未知"}）。请换一个输出位置后重试。`;
  }
}

/**
 * Write `data` to `out`: first to a temporary file in the same folder, then moved into
 * place — without --force by a hard link that fails if the name appeared meanwhile, with
 * --force by a rename that replaces the old directory entry (an existing file's bytes,
 * and any other name it has, are never written into).
 */
export async function writeOutputFile(out: string, data: Buffer | string, opts: { force?: boolean } = {}): Promise<void> {
  const abs = path.resolve(out);
  const tmp = path.join(path.dirname(abs), `.${path.basename(abs)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    await fs.writeFile(tmp, data, { flag: "wx" });
    if (opts.force) await fs.rename(tmp, abs);
    else {
      try {
        await fs.link(tmp, abs);
      } catch (e) {
        // file systems without hard links: fall back to rename after a last check
        const code = (e as NodeJS.ErrnoException).code;
        if (code === "EEXIST") throw e;
        if (await statOrNull(abs)) throw Object.assign(new Error("exists"), { code: "EEXIST" });
        await fs.rename(tmp, abs);
      }
    }
  } catch (e) {
    throw new OutputPathError(writeErrorMessage(out, e));
  } finally {
    await fs.unlink(tmp).catch(() => undefined);
  }
}

/** Guard, then write: what every command that writes a report or a workbook calls. */
export async function writeGuarded(out: string, inputs: string[], data: Buffer | string, opts: { force?: boolean } = {}): Promise<void> {
  await guardOutputPath(out, inputs, opts);
  await writeOutputFile(out, data, opts);
}
