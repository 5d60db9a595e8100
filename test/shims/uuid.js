// CommonJS stand-in for ESM-only uuid@14, pulled in by office-addin-manifest (used by office-addin-mock).
const crypto = require("crypto");
module.exports = { v4: () => crypto.randomUUID(), validate: (s) => /^[0-9a-f-]{36}$/i.test(s) };
