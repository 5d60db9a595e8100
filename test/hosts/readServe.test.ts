/**
 * scripts/serve.js (the sideloading server) and the task pane's Content-Security-Policy: a
 * malformed URL gets 400 instead of killing the server; the policy in the page and in the
 * header is the same and allows exactly what the page loads.
 */
import * as fs from "fs";
import * as http from "http";
import * as path from "path";

import * as os from "os";

const ROOT = path.join(__dirname, "..", "..");
const SITE = fs.mkdtempSync(path.join(os.tmpdir(), "serve-"));
fs.copyFileSync(path.join(ROOT, "src", "taskpane", "taskpane.html"), path.join(SITE, "taskpane.html"));
process.env.SERVE_ROOT = SITE;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const serve = require("../../scripts/serve.js") as { handle: http.RequestListener; CSP: string };
afterAll(() => fs.rmSync(SITE, { recursive: true, force: true }));

function request(server: http.Server, rawPath: string): Promise<{ status: number; headers: http.IncomingHttpHeaders }> {
  const { port } = server.address() as { port: number };
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path: rawPath, method: "GET" }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("serve.js", () => {
  let server: http.Server;
  beforeAll(async () => {
    server = http.createServer(serve.handle);
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("answers 400 to a malformed % escape and keeps serving", async () => {
    expect((await request(server, "/%E0%A4%A")).status).toBe(400);
    expect((await request(server, "/taskpane%")).status).toBe(400);
    expect((await request(server, "/no-such-file.js")).status).toBe(404);
    expect((await request(server, "/..%2f..%2fpackage.json")).status).toBe(404);
  });

  it("sends the page's policy as a header with every page", async () => {
    const r = await request(server, "/taskpane.html");
    expect(r.status).toBe(200);
    expect(r.headers["content-security-policy"]).toBe(serve.CSP);
  });
});

describe("task pane Content-Security-Policy", () => {
  const page = fs.readFileSync(path.join(ROOT, "src", "taskpane", "taskpane.html"), "utf8");
  const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(page)?.[1];
  const directives = (csp: string) => new Map(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v] as const));

  it("is in the page and the same as the server's header", () => {
    expect(meta).toBe(serve.CSP);
  });

  it("allows each script the page loads and nothing inline or evaluated", () => {
    const d = directives(meta!);
    const scripts = [...page.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => new URL(m[1]).origin);
    for (const origin of scripts) expect(d.get("script-src")).toContain(origin);
    expect(d.get("script-src")).not.toContain("'unsafe-inline'");
    expect(d.get("script-src")).not.toContain("'unsafe-eval'");
    expect(d.get("style-src")).toContain("'unsafe-inline'"); // Fluent UI (Griffel) inserts <style> elements
    expect(d.get("object-src")).toEqual(["'none'"]);
    expect(page).not.toMatch(/<script(?![^>]*src=)[^>]*>/); // no inline script to allow
  });
});
