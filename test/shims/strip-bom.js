// CommonJS stand-in for the ESM-only strip-bom, which office-addin-mock pulls in through
// office-addin-manifest → @microsoft/app-manifest; jest runs CommonJS here.
module.exports = function stripBom(s) {
  return typeof s === "string" && s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
};
module.exports.default = module.exports;
