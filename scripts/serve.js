// Serve the built add-in (dist/web) over https on https://localhost:3000 for sideloading.
// Certificates: the ones `npx office-addin-dev-certs install` puts in ~/.office-addin-dev-certs
// (trusted by the machine), or any pair given with SSL_CERT / SSL_KEY.
const fs = require("fs");
const https = require("https");
const os = require("os");
const path = require("path");

const root = process.env.SERVE_ROOT ? path.resolve(process.env.SERVE_ROOT) : path.join(__dirname, "..", "dist", "web");
const dir = path.join(os.homedir(), ".office-addin-dev-certs");
const cert = process.env.SSL_CERT || path.join(dir, "localhost.crt");
const key = process.env.SSL_KEY || path.join(dir, "localhost.key");
const port = Number(process.env.PORT || 3000);
const types = { ".html": "text/html; charset=utf-8", ".js": "application/javascript", ".json": "application/json", ".png": "image/png", ".xml": "application/xml" };

// The same policy as the meta tag in src/taskpane/taskpane.html: office.js from its CDN, our own
// scripts, Fluent UI's inline styles; nothing else.
const CSP =
  "default-src 'self'; script-src 'self' https://appsforoffice.microsoft.com; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
  "connect-src 'self' https://appsforoffice.microsoft.com; frame-src 'self' https://appsforoffice.microsoft.com https://telemetryservice.firstpartyapps.oaspapps.com; object-src 'none'; base-uri 'self'; form-action 'none'";

/** Answer one request: 400 for a malformed URL, 404 outside dist/web, the file otherwise. */
function handle(req, res) {
  let file;
  try {
    const url = new URL(req.url || "/", "https://localhost");
    file = path.join(root, path.normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, ""));
  } catch {
    res.writeHead(400, { "content-type": "text/plain; charset=utf-8" });
    res.end("400 请求地址格式错误（malformed URL）\n");
    return;
  }
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { allow: "GET, HEAD" });
    res.end();
    return;
  }
  fs.stat(file, (err, st) => {
    if (err || !st.isFile() || (file !== root && !file.startsWith(root + path.sep))) {
      res.writeHead(404);
      res.end();
      return;
    }
    const headers = { "content-type": types[path.extname(file)] || "application/octet-stream", "access-control-allow-origin": "*", "x-content-type-options": "nosniff" };
    if (path.extname(file) === ".html") headers["content-security-policy"] = CSP;
    res.writeHead(200, headers);
    if (req.method === "HEAD") {
      res.end();
      return;
    }
    const stream = fs.createReadStream(file);
    stream.on("error", () => res.destroy());
    stream.pipe(res);
  });
}

module.exports = { handle, CSP };

if (require.main !== module) return;

if (!fs.existsSync(path.join(root, "taskpane.html"))) {
  console.error("dist/web 尚未构建：请先运行 npm run build:web");
  process.exit(1);
}
if (!fs.existsSync(cert) || !fs.existsSync(key)) {
  console.error(`找不到 https 证书（${cert}）。请先运行 npx office-addin-dev-certs install，或用 SSL_CERT / SSL_KEY 指定证书。`);
  process.exit(1);
}
https
  .createServer({ cert: fs.readFileSync(cert), key: fs.readFileSync(key) }, handle)
  .listen(port, "127.0.0.1", () => console.log(`加载项已在 https://localhost:${port}/ 提供（dist/web）。按 Ctrl+C 停止。`));
