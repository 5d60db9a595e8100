/**
 * Never the input: every command that writes refuses an output that is one of its
 * inputs under another name (./in.xlsx, a symlink, a hard link), even with --force, and
 * says plainly, in Chinese and naming the path, why it cannot write (missing folder,
 * read-only folder, a folder given as --out, a pipe).
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { guardOutputPath, writeOutputFile } from "../../src/cli/outputPath";
import { captureIO } from "../helpers/cliIO";

const ROOT = path.join(__dirname, "..", "..");
const SEED = path.join(ROOT, "test", "fixtures", "seeds", "wuhan-2024.xlsx");

let dir: string;
let input: string;
let original: Buffer;
const cwd = process.cwd();

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "outpath-"));
  input = path.join(dir, "in.xlsx");
  fs.copyFileSync(SEED, input);
  original = fs.readFileSync(input);
});
afterEach(() => {
  process.chdir(cwd);
  fs.rmSync(dir, { recursive: true, force: true });
});

async function run(args: string[]): Promise<{ code: number; err: string; out: string }> {
  const io = captureIO();
  const code = await main(args, io);
  return { code, err: io.stderr, out: io.stdout };
}

function inputUntouched(): void {
  expect(Buffer.compare(fs.readFileSync(input), original)).toBe(0);
}

describe("the output is never the input, whatever it is called (even with --force)", () => {
  const aliases: [string, () => string][] = [
    ["the same path", () => input],
    ["./in.xlsx from the folder", () => {
      process.chdir(dir);
      return "./in.xlsx";
    }],
    ["a path through ..", () => path.join(dir, "sub", "..", "in.xlsx")],
    ["a symlink to it", () => {
      const l = path.join(dir, "link.xlsx");
      fs.symlinkSync(input, l);
      return l;
    }],
    ["a symlinked folder", () => {
      const d = path.join(os.tmpdir(), `outpath-dirlink-${process.pid}`);
      fs.rmSync(d, { force: true });
      fs.symlinkSync(dir, d);
      return path.join(d, "in.xlsx");
    }],
    ["a hard link to it", () => {
      const l = path.join(dir, "hard.xlsx");
      fs.linkSync(input, l);
      return l;
    }],
  ];
  it.each(aliases)("fill-names refuses %s", async (_what, alias) => {
    fs.mkdirSync(path.join(dir, "sub"), { recursive: true });
    const out = alias();
    const r = await run(["fill-names", input, "--out", out, "--force", "--fix-names"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("就是输入文件");
    expect(r.err).toContain(out);
    inputUntouched();
  });

  it.each(aliases)("check --format html --out refuses %s", async (_what, alias) => {
    fs.mkdirSync(path.join(dir, "sub"), { recursive: true });
    const out = alias();
    const r = await run(["check", input, "--format", "html", "--out", out, "--force"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("就是输入文件");
    inputUntouched();
  });

  it("check of a folder refuses to write the report over a workbook inside it", async () => {
    const r = await run(["check", dir, "--format", "html", "--out", input, "--force"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/输入文件|被检查的文件夹/);
    inputUntouched();
  });

  afterAll(() => fs.rmSync(path.join(os.tmpdir(), `outpath-dirlink-${process.pid}`), { force: true }));
});

describe("clear Chinese messages that name the path", () => {
  it("a missing folder", async () => {
    const out = path.join(dir, "没有这个文件夹", "out.xlsx");
    for (const args of [
      ["fill-names", input, "--out", out],
      ["check", input, "--out", out.replace(/xlsx$/, "html"), "--format", "html"],
      ["templates", "--year", "2024", "--unit", "某某单位", "--out", out],
    ]) {
      const r = await run(args);
      expect({ args: args[0], code: r.code }).toEqual({ args: args[0], code: 2 });
      expect(r.err).toContain("不存在");
      expect(r.err).toContain(path.join(dir, "没有这个文件夹"));
      expect(r.err).not.toMatch(/ENOENT|no such file/i);
    }
  });

  it("a folder given as --out", async () => {
    const folderXlsx = path.join(dir, "模板.xlsx");
    fs.mkdirSync(folderXlsx);
    for (const args of [
      ["fill-names", input, "--out", dir],
      ["check", input, "--out", dir],
      ["templates", "--year", "2024", "--unit", "某某单位", "--out", folderXlsx],
    ]) {
      const r = await run(args);
      expect({ cmd: args[0], code: r.code }).toEqual({ cmd: args[0], code: 2 });
      expect(r.err).toContain("是文件夹");
      expect(r.err).toContain(dir);
    }
  });

  it("an existing file without --force is kept; with --force it is replaced, and its other names keep the old bytes", async () => {
    const out = path.join(dir, "out.html");
    fs.writeFileSync(out, "旧报告");
    const other = path.join(dir, "other-name.html");
    fs.linkSync(out, other);
    const r1 = await run(["check", input, "--format", "html", "--out", out]);
    expect(r1.code).toBe(2);
    expect(r1.err).toContain("已存在，未覆盖");
    expect(fs.readFileSync(out, "utf8")).toBe("旧报告");
    const r2 = await run(["check", input, "--format", "html", "--out", out, "--force"]);
    expect(r2.code).toBeLessThan(2);
    expect(fs.readFileSync(out, "utf8")).toContain("<html");
    expect(fs.readFileSync(other, "utf8")).toBe("旧报告"); // replaced by a new file, never written into
    expect(fs.readdirSync(dir).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  });

  it("a pipe (or any file that is not a regular file) as --out", async () => {
    const fifo = path.join(dir, "pipe.xlsx");
    execFileSync("mkfifo", [fifo]);
    const r = await run(["fill-names", input, "--out", fifo, "--force"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("不是普通文件");
  });

  it("a dangling symlink as --out", async () => {
    const l = path.join(dir, "dangling.xlsx");
    fs.symlinkSync(path.join(dir, "nowhere", "x.xlsx"), l);
    await expect(guardOutputPath(l, [input], { force: true })).rejects.toThrow(/符号链接/);
  });

  it("a read-only folder", async () => {
    const ro = path.join(dir, "只读");
    fs.mkdirSync(ro);
    fs.chmodSync(ro, 0o555);
    fs.chmodSync(dir, 0o755);
    const out = path.join(ro, "out.xlsx");
    if (process.getuid && process.getuid() === 0) {
      // root may write anywhere: check as an ordinary user, the way a finance office runs it
      fs.chmodSync(input, 0o644);
      const script = path.join(dir, "guard.ts");
      fs.writeFileSync(
        script,
        `import { guardOutputPath } from ${JSON.stringify(path.join(ROOT, "src", "cli", "outputPath"))};\n` +
          `guardOutputPath(${JSON.stringify(out)}, [${JSON.stringify(input)}]).then(() => console.log("OK"), (e) => console.log(e.message));\n`,
      );
      const tsx = path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");
      const home = path.join(dir, "home");
      fs.mkdirSync(home, { mode: 0o777 });
      fs.chmodSync(home, 0o777);
      const r = spawnSync(process.execPath, [tsx, script], { uid: 65534, gid: 65534, encoding: "utf8", env: { ...process.env, HOME: home, TMPDIR: home }, timeout: 60_000 });
      expect(r.stdout.trim()).toContain("只读");
      expect(r.stdout).toContain(ro);
    } else {
      await expect(guardOutputPath(out, [input])).rejects.toThrow(new RegExp(`${ro}.*只读`));
    }
    fs.chmodSync(ro, 0o755);
  });

  it("a write that fails underway says why in Chinese and leaves nothing behind", async () => {
    // /proc accepts no new files, whoever writes
    await expect(writeOutputFile("/proc/budget-tables-test.xlsx", "x")).rejects.toThrow(/无法写入 \/proc\/budget-tables-test\.xlsx/);
  });
});
