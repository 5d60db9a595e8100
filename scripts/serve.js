// Serve the built add-in (dist/web) over https on https://localhost:3000 for sideloading.
// Certificates: the ones `npx office-addin-dev-certs install` puts in ~/.office-addin-dev-certs
// (trusted by the machine), or any pair given with SSL_CERT / SSL_KEY.
const fs = require("fs");
const https = require("https");
const os = require("os");
const path = require("path");

const root = path.join(__dirname, "..", "dist", "web");
const dir = path.join(os.homedir(), ".office-addin-dev-certs");
const cert = process.env.SSL_CERT || path.join(dir, "localhost.crt");
const key = process.env.SSL_KEY || path.join(dir, "localhost.key");
const port = Number(process.env.PORT || 3000);
const types = { ".html": "text/html; charset=utf-8", ".js": "application/javascript", ".json": "application/json", ".png": "image/png", ".xml": "application/xml" };

if (!fs.existsSync(path.join(root, "taskpane.html"))) {
  console.error("dist/web 尚未构建：请先运行 npm run build:web");
  process.exit(1);
}
if (!fs.existsSync(cert) || !fs.existsSync(key)) {
  console.error(`找不到 https 证书（${cert}）。请先运行 npx office-addin-dev-certs install，或用 SSL_CERT / SSL_KEY 指定证书。`);
  process.exit(1);
}
https
  .createServer({ cert: fs.readFileSync(cert), key: fs.readFileSync(key) }, (req, res) => {
    const url = new URL(req.url || "/", "https://localhost");
    const file = path.join(root, path.normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, ""));
    if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { "content-type": types[path.extname(file)] || "application/octet-stream", "access-control-allow-origin": "*" });
    fs.createReadStream(file).pipe(res);
  })
  .listen(port, "127.0.0.1", () => console.log(`加载项已在 https://localhost:${port}/ 提供（dist/web）。按 Ctrl+C 停止。`));
