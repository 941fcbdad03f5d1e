// Builds the Observable notebook (notebooks/observable/index.html, Notebook Kit's HTML notebook format) into a
// static, offline site: notebooks/observable/.observable/dist/index.html (+ assets/). `npm run notebooks:observable`.
// The notebook imports radval's browser bundle (../../dist/radval.browser.js, radval.examples.js: run
// `npm run build` first) and vega-embed by bare name, so Vite bundles all of it: the page needs no CDN. (Notebook
// Kit's built-in libraries — Plot, d3, Inputs, html… — and `npm:` imports load from a CDN at run time: the notebook
// does not use them.)
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
for (const file of ["dist/radval.browser.js", "dist/radval.examples.js"]) {
  if (!existsSync(`${root}${file}`)) {
    console.error(`build-observable: ${file} is missing\n  hint: npm run build`);
    process.exit(1);
  }
}
const cli = `${root}node_modules/@observablehq/notebook-kit/dist/bin/notebooks.js`;
const run = spawnSync(process.execPath, [cli, "build", "--root", "notebooks/observable", "--empty", "--", "index.html"], {
  cwd: root,
  stdio: process.argv.includes("--quiet") ? ["ignore", "ignore", "inherit"] : "inherit",
});
if (run.status !== 0) {
  console.error(`build-observable: notebooks build failed (exit ${run.status ?? run.signal})`);
  process.exit(1);
}
const out = `${root}notebooks/observable/.observable/dist/index.html`;
if (!existsSync(out)) {
  console.error(`build-observable: ${out} was not written`);
  process.exit(1);
}
console.log(`Observable notebook built: notebooks/observable/.observable/dist/index.html`);
