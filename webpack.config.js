/* Builds the task pane (which is also the shared runtime of the ribbon command and the custom function) into dist/web. */
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

module.exports = (env, argv) => ({
  mode: argv.mode || "production",
  devtool: argv.mode === "development" ? "source-map" : false,
  entry: {
    taskpane: "./src/taskpane/index.tsx",
  },
  output: { path: path.resolve(__dirname, "dist/web"), filename: "[name].js", clean: true },
  resolve: { extensions: [".ts", ".tsx", ".js", ".json"], fallback: { fs: false, path: false, stream: false, crypto: false, zlib: false } },
  module: {
    rules: [{ test: /\.tsx?$/, loader: "ts-loader", options: { transpileOnly: true, configFile: "tsconfig.json", compilerOptions: { module: "esnext" } }, exclude: /node_modules/ }],
  },
  plugins: [
    new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["taskpane"] }),
    new CopyWebpackPlugin({ patterns: [{ from: "assets", to: "assets" }, { from: "manifest.xml", to: "manifest.xml" },
        { from: "src/functions/functions.zh-CN.json", to: "functions.json" },
        { from: "src/functions/functions.en-US.json", to: "functions.en-US.json" },
        { from: "src/taskpane/help.html", to: "help.html" },
        // pdfjs's worker (PDFs picked in the pane: src/hosts/browser/readPdf.ts), served as .js so any server gives it a JavaScript type
        { from: "node_modules/pdfjs-dist/legacy/build/pdf.worker.min.mjs", to: "pdf.worker.js", info: { minimized: true } }] }),
  ],
  performance: { hints: false },
});
