// Run by `npm run build` after tsc: replaces dist/reliability/stdlibF.js — tsc's output, which imports two
// @stdlib packages — by one esbuild bundle of the same module and the same packages (the files Node would
// load, concatenated; licence comments kept at the end). Platform "browser" so that dist/ stays isomorphic
// (no Node built-in): of the 414 files only the `debug` package, which stdlib uses for optional logging,
// has a browser variant; the mathematics is the same code.
// Loaded package by package they are 414 small CommonJS files: ≈ 0.3 s of module resolution every time
// `radval icc` runs; bundled, ≈ 0.05 s. The code, and so every number, is unchanged (test/reliability
// compares the ICC fixtures; the CLI tests run dist/).
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));

await esbuild.build({
  entryPoints: [`${root}dist/reliability/stdlibF.js`],
  outfile: `${root}dist/reliability/stdlibF.js`,
  allowOverwrite: true,
  bundle: true,
  format: "esm",
  platform: "browser",
  target: "es2022",
  logLevel: "warning",
});
console.log("node bundle: dist/reliability/stdlibF.js (@stdlib F quantile and incomplete beta in one file)");
