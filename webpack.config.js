/* Builds the task pane (which is also the shared runtime of the ribbon command and the custom function) into dist/web.
 *
 * What the page loads first is taskpane.js alone (React, Fluent UI, the pane and the light part of core);
 * the built-in catalog data and the engine (checker, template renderer) are chunks of their own, fetched by dynamic import as the pane
 * starts (src/core/catalog/data.ts, src/taskpane/services.ts), and any other dynamic import (file reading,
 * exporters) becomes a lazy chunk the same way. test/web/bundle.test.ts holds the first scripts to their budget. */
const path = require("path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

/** Modules that hand core its data synchronously in Node; in the browser a `.browser` twin returns null and the data comes lazily. */
const SYNC_IN_NODE_ONLY = /^\.\/(dataSync|engineSync)$/;

module.exports = (env, argv) => {
  const production = (argv.mode || "production") === "production";
  return {
    mode: argv.mode || "production",
    devtool: production ? false : "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist/web"),
      filename: "[name].js", // the manifest names taskpane.js (the custom functions' script): keep it stable
      chunkFilename: "[name].[contenthash:8].js",
      publicPath: "auto", // lazy chunks are fetched from where taskpane.js came from
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"], fallback: { fs: false, path: false, stream: false, crypto: false, zlib: false } },
    module: {
      rules: [
        { test: /\.tsx?$/, loader: "ts-loader", options: { transpileOnly: true, configFile: "tsconfig.json", compilerOptions: { module: "esnext" } }, exclude: /node_modules/ },
        // core is pure: importing a module for nothing has no effect, so re-exports nobody uses (index.ts barrels) drop out
        { test: /[\\/]src[\\/]core[\\/]/, sideEffects: false },
      ],
    },
    optimization: {
      // one first script: the page and the custom function's runtime need the same code, so vendor splitting would only add requests
      splitChunks: { chunks: "async" },
      moduleIds: "deterministic",
      chunkIds: "deterministic",
    },
    plugins: [
      new webpack.NormalModuleReplacementPlugin(SYNC_IN_NODE_ONLY, (resource) => {
        resource.request = `${resource.request}.browser`;
      }),
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["taskpane"], inject: false, scriptLoading: "blocking" }),
      new CopyWebpackPlugin({ patterns: [{ from: "assets", to: "assets" }, { from: "manifest.xml", to: "manifest.xml" },
          { from: "src/functions/functions.zh-CN.json", to: "functions.json" },
          { from: "src/functions/functions.en-US.json", to: "functions.en-US.json" },
          { from: "src/taskpane/help.html", to: "help.html" },
          // pdfjs's worker (PDFs picked in the pane: src/hosts/browser/readPdf.ts), served as .js so any server gives it a JavaScript type
          { from: "node_modules/pdfjs-dist/legacy/build/pdf.worker.min.mjs", to: "pdf.worker.js", info: { minimized: true } },
          // and Adobe's CMaps, which it fetches only for text in a CID font that is not embedded (STSong-Light with UniGB-UCS2-H)
          { from: "node_modules/pdfjs-dist/cmaps", to: "cmaps" }] }),
    ],
    performance: { hints: false },
  };
};
