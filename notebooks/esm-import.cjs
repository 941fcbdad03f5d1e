// tslab compiles notebook cells to CommonJS, so `import x from "vega-lite"` becomes require("vega-lite"),
// which fails for ESM-only packages whose import graph has a top-level await (vega, vega-lite via vega-canvas).
// A real dynamic import() has to come from a file that TypeScript does not rewrite: this one.
//   const esmImport = require("./esm-import.cjs"); const vl = await esmImport("vega-lite");
module.exports = (specifier) => import(specifier);
