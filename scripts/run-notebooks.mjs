// Executes every Jupyter notebook in notebooks/ headless on the tslab (TypeScript) kernel and fails if any cell
// errors (an exception, a type error, a timeout), then checks the charts the way readers meet them: every chart
// output carries `image/svg+xml` and `text/plain` next to its Vega-Lite bundle (declaring the v5 schema that
// JupyterLab's built-in renderer accepts), and `jupyter nbconvert --to html` (what GitHub and nbviewer show)
// contains every chart as SVG. `npm run notebooks` (CI runs it).
//
//   node scripts/run-notebooks.mjs                      all of notebooks/*.ipynb
//   node scripts/run-notebooks.mjs notebooks/01-*.ipynb  only these
//   node scripts/run-notebooks.mjs --output-dir out/    keep the executed copies (with outputs) in out/
//
// Needs: Jupyter's nbconvert (Debian: jupyter-nbconvert python3-nbclient python3-ipykernel jupyter-client), the
// tslab kernel (npx tslab install --python=/usr/bin/python3 --binary="$PWD/node_modules/.bin/tslab") and a built
// dist/ (npm run build): the notebooks import radval from ../dist/node.js.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const TIMEOUT_S = 180;

function fail(message, hint) {
  console.error(`run-notebooks: ${message}`);
  if (hint) console.error(`  hint: ${hint}`);
  process.exit(1);
}

const args = process.argv.slice(2);
let keepDir;
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--output-dir") keepDir = resolve(args[++i] ?? fail("--output-dir needs a folder"));
  else if (args[i] === "--help" || args[i] === "-h") {
    console.log("usage: node scripts/run-notebooks.mjs [--output-dir DIR] [notebook.ipynb …]");
    process.exit(0);
  } else files.push(resolve(args[i]));
}
if (files.length === 0) {
  const dir = join(root, "notebooks");
  files.push(...readdirSync(dir).filter((f) => f.endsWith(".ipynb")).sort().map((f) => join(dir, f)));
}
if (files.length === 0) fail("no notebooks found in notebooks/");

// Preconditions, each with what to do.
const jupyter = spawnSync("jupyter", ["kernelspec", "list", "--json"], { encoding: "utf8" });
if (jupyter.error || jupyter.status !== 0) {
  fail("jupyter is not installed", "apt-get install -y --no-install-recommends jupyter-nbconvert python3-nbclient python3-ipykernel jupyter-client");
}
const tslab = JSON.parse(jupyter.stdout).kernelspecs?.tslab;
if (!tslab) fail("the tslab kernel is not installed", `npx tslab install --python=/usr/bin/python3 --binary="${root}node_modules/.bin/tslab"`);
const kernelBinary = tslab.spec?.argv?.[0];
if (kernelBinary && kernelBinary.startsWith("/") && !existsSync(kernelBinary)) {
  fail(`the tslab kernel points to ${kernelBinary}, which does not exist`, `reinstall it: npx tslab install --python=/usr/bin/python3 --binary="${root}node_modules/.bin/tslab"`);
}
if (!existsSync(join(root, "dist", "node.js"))) fail("dist/ is not built (the notebooks import ../dist/node.js)", "npm run build");

const outDir = keepDir ?? mkdtempSync(join(tmpdir(), "radval-notebooks-"));
mkdirSync(outDir, { recursive: true });
const env = { ...process.env, PYDEVD_DISABLE_FILE_VALIDATION: "1" };

function nbconvert(file, dir, extra = []) {
  return spawnSync(
    "jupyter",
    ["nbconvert", "--to", "notebook", "--execute", "--ExecutePreprocessor.kernel_name=tslab", `--ExecutePreprocessor.timeout=${TIMEOUT_S}`, ...extra, file, "--output-dir", dir],
    { encoding: "utf8", env, cwd: root },
  );
}

/** What went wrong, from a copy executed with --allow-errors: tslab reports compile and run-time errors in the cell's stderr. */
function diagnose(file) {
  const dir = mkdtempSync(join(tmpdir(), "radval-notebook-errors-"));
  try {
    nbconvert(file, dir, ["--allow-errors"]);
    const executed = join(dir, basename(file));
    if (!existsSync(executed)) return [];
    const nb = JSON.parse(readFileSync(executed, "utf8"));
    return nb.cells.flatMap((c, i) => {
      const bad = (c.outputs ?? []).filter((o) => o.output_type === "error" || (o.output_type === "stream" && o.name === "stderr"));
      if (bad.length === 0) return [];
      const source = (Array.isArray(c.source) ? c.source.join("") : c.source).split("\n")[0];
      const text = bad.map((o) => (o.output_type === "error" ? `${o.ename}: ${o.evalue}` : [].concat(o.text).join(""))).join("\n");
      return [`cell ${i + 1} (${source.slice(0, 60)}):\n${text.trim().split("\n").slice(0, 12).map((l) => `      ${l}`).join("\n")}`];
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const VEGA_LITE = "application/vnd.vegalite.v5+json";

/** Problems with the chart outputs of an executed notebook, and the number of charts. */
function checkCharts(nb) {
  const problems = [];
  let charts = 0;
  nb.cells.forEach((c, i) => {
    for (const o of c.outputs ?? []) {
      const data = o.data ?? {};
      if (!(VEGA_LITE in data)) continue;
      charts++;
      const spec = typeof data[VEGA_LITE] === "string" ? JSON.parse(data[VEGA_LITE]) : data[VEGA_LITE];
      if (!/vega-lite\/v5(\.\d+)*\.json$/.test(String(spec.$schema ?? ""))) problems.push(`cell ${i + 1}: the Vega-Lite output declares ${spec.$schema} (JupyterLab's renderer expects v5)`);
      const svg = [].concat(data["image/svg+xml"] ?? []).join("");
      if (!svg.includes("<svg")) problems.push(`cell ${i + 1}: a chart output has no image/svg+xml (nbconvert, GitHub and nbviewer would drop it)`);
      if (!data["text/plain"]) problems.push(`cell ${i + 1}: a chart output has no text/plain`);
    }
  });
  return { charts, problems };
}

/** Converts an executed notebook to HTML (nbconvert --to html) and counts the charts shown as SVG. */
function htmlCharts(executed) {
  const dir = mkdtempSync(join(tmpdir(), "radval-notebook-html-"));
  try {
    const run = spawnSync("jupyter", ["nbconvert", "--to", "html", executed, "--output-dir", dir], { encoding: "utf8", env, cwd: root });
    const html = join(dir, basename(executed).replace(/\.ipynb$/, ".html"));
    if (run.status !== 0 || !existsSync(html)) return { error: `nbconvert --to html failed: ${(run.stderr ?? "").trim().split("\n").slice(-3).join(" ")}` };
    const text = readFileSync(html, "utf8");
    // Each SVG output is rendered inline in an output area marked image/svg+xml (JupyterLab and classic templates).
    return { svgs: (text.match(/class="[^"]*(jp-RenderedSVG|output_svg)[^"]*"/g) ?? []).length };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

let failed = 0;
const started = Date.now();
for (const file of files) {
  const t0 = Date.now();
  const run = nbconvert(file, outDir);
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  // nbconvert exits non-zero when a cell raises; check the executed copy as well (an "error" output anywhere).
  const executed = join(outDir, basename(file));
  let errors = [];
  let cells = 0;
  if (run.status === 0 && existsSync(executed)) {
    const nb = JSON.parse(readFileSync(executed, "utf8"));
    cells = nb.cells.filter((c) => c.cell_type === "code").length;
    errors = nb.cells.flatMap((c, i) => (c.outputs ?? []).filter((o) => o.output_type === "error").map((o) => `cell ${i + 1}: ${o.ename}: ${o.evalue}`));
  }
  if (run.status !== 0 || errors.length > 0) {
    failed++;
    console.log(`✗ ${basename(file)} (${seconds} s)`);
    const tail = `${run.stderr ?? ""}${run.error ? String(run.error) : ""}`;
    const from = tail.lastIndexOf("Error");
    const summary = tail.includes("CellExecutionError") ? tail.slice(tail.indexOf("CellExecutionError")) : tail.slice(Math.max(0, from - 2000));
    console.log(summary.trim().split("\n").slice(0, 15).map((l) => `    ${l}`).join("\n"));
    for (const e of errors.length > 0 ? errors : diagnose(file)) console.log(`    ${e}`);
  } else {
    const nb = JSON.parse(readFileSync(executed, "utf8"));
    const { charts, problems } = checkCharts(nb);
    const html = htmlCharts(executed);
    if (html.error) problems.push(html.error);
    else if (html.svgs < charts) problems.push(`nbconvert --to html shows ${html.svgs} of ${charts} charts as SVG`);
    if (problems.length) {
      failed++;
      console.log(`✗ ${basename(file)}: charts (${seconds} s)`);
      for (const p of problems) console.log(`    ${p}`);
    } else {
      console.log(`✓ ${basename(file)}: ${cells} code cells, ${charts} charts (each with SVG and text; all ${charts} shown by nbconvert --to html) (${seconds} s)`);
    }
  }
}
if (!keepDir) rmSync(outDir, { recursive: true, force: true });
else console.log(`executed copies in ${outDir}`);
const total = ((Date.now() - started) / 1000).toFixed(1);
console.log(`notebooks: ${files.length - failed} passed, ${failed} failed (${total} s)`);
process.exit(failed === 0 ? 0 : 1);
