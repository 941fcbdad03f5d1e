// Elastic-net logistic regression vs R glmnet 4.1-6, same data and settings in the same run:
// WDBC paths (alpha 1 and 0.5), a synthetic n = 1,000 x p = 5,000 problem with 20 true features (path and
// 10-fold CV on the same fold ids), and the peak memory of the n = 1,000 x p = 20,000 path (child process).
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { cvElasticNet } from "../dist/models/elasticnet/cv.js";
import { elasticNetPath } from "../dist/models/elasticnet/path.js";
import { simdAvailable } from "../dist/models/elasticnet/simd/kernels.js";
import { benchRandom, hasR, report, runRTimed, tempDir, timeMs } from "./lib.mjs";

const here = fileURLToPath(new URL(".", import.meta.url));

/** n x p standard normal design; y from a logistic model with 20 true features (coefficients +-0.8). */
export function synthetic(n, p, seed) {
  const rand = benchRandom(seed);
  const x = new Float64Array(n * p);
  for (let k = 0; k < x.length; k++) x[k] = rand.normal();
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let eta = -0.5;
    for (let j = 0; j < 20; j++) eta += (j % 2 ? -0.8 : 0.8) * x[j * n + i];
    y[i] = rand.uniform() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
  }
  return { x: { nRows: n, nCols: p, data: x }, y };
}

function writeBinary(dir, name, values) {
  const file = join(dir, name);
  writeFileSync(file, Buffer.from(values.buffer, values.byteOffset, values.byteLength));
  return file;
}

/** R: median wall time (ms) of `call` over `repeats` runs, x and y read from raw doubles. */
function rTime(xFile, yFile, n, p, call, repeats, extra = "") {
  return runRTimed(`
    suppressPackageStartupMessages(library(glmnet))
    x <- matrix(readBin("${xFile}", "double", ${n * p}), ${n}, ${p}); y <- readBin("${yFile}", "double", ${n})
    ${extra}
    invisible(${call})
    t <- sapply(1:${repeats}, function(r) system.time(${call})[["elapsed"]])
    cat("TIME_MS", 1000 * median(t), "\\n")`);
}

export default async function () {
  const withR = hasR(["glmnet"]);
  const dir = tempDir();
  console.log(`kernels: ${simdAvailable() ? "WebAssembly SIMD" : "JavaScript"}; R glmnet ${withR ? "found" : "not found (no ratios)"}`);

  // WDBC.
  const wdbcText = readFileSync(join(here, "..", "examples", "wdbc.csv"), "utf8").trim().split("\n");
  const header = wdbcText[0].split(",");
  const rows = wdbcText.slice(1).map((l) => l.split(",").map(Number));
  const n = rows.length;
  const feats = header.map((_, j) => j).filter((j) => header[j] !== "id" && header[j] !== "malignant");
  const wx = new Float64Array(n * feats.length);
  feats.forEach((j, k) => rows.forEach((r, i) => (wx[k * n + i] = r[j])));
  const wy = Float64Array.from(rows, (r) => r[header.indexOf("malignant")]);
  const W = { nRows: n, nCols: feats.length, data: wx };
  const wxFile = writeBinary(dir, "wdbc_x.bin", wx);
  const wyFile = writeBinary(dir, "wdbc_y.bin", wy);
  for (const [alpha, thresh] of [[1, 1e-7], [0.5, 1e-7], [1, 1e-12], [0.5, 1e-12]]) {
    const ms = timeMs(() => elasticNetPath(W, wy, { alpha, thresh }), { repeats: 7 });
    const rMs = withR ? rTime(wxFile, wyFile, n, feats.length, `glmnet(x, y, family = "binomial", alpha = ${alpha}, thresh = ${thresh})`, 7) : undefined;
    report(`WDBC path, alpha ${alpha}, thresh ${thresh} (569 x 30)`, ms, "glmnet", rMs, "<= 1.5");
  }

  // Synthetic 1,000 x 5,000.
  const S = synthetic(1000, 5000, 2026);
  const sxFile = writeBinary(dir, "syn_x.bin", S.x.data);
  const syFile = writeBinary(dir, "syn_y.bin", S.y);
  const foldId = Int32Array.from({ length: 1000 }, (_, i) => (i % 10) + 1);
  const fFile = writeBinary(dir, "syn_fold.bin", Float64Array.from(foldId));
  const pathMs = timeMs(() => elasticNetPath(S.x, S.y, { alpha: 1 }), { repeats: 3 });
  const rPath = withR ? rTime(sxFile, syFile, 1000, 5000, `glmnet(x, y, family = "binomial", alpha = 1)`, 3) : undefined;
  report("synthetic path, alpha 1 (1,000 x 5,000, 20 true)", pathMs, "glmnet", rPath, "<= 1.5");
  const cvMs = timeMs(() => cvElasticNet(S.x, S.y, { alpha: 1, foldId }), { repeats: 1 });
  const rCv = withR
    ? rTime(sxFile, syFile, 1000, 5000, `cv.glmnet(x, y, family = "binomial", alpha = 1, foldid = foldid)`, 1, `foldid <- readBin("${fFile}", "double", 1000)`)
    : undefined;
  report("synthetic 10-fold CV, alpha 1 (1,000 x 5,000)", cvMs, "cv.glmnet", rCv, "<= 1.5");

  // Peak memory of the 1,000 x 20,000 path, in a fresh process.
  const child = spawnSync(process.execPath, [join(here, "glmnet-memory.child.mjs"), "1000", "20000"], { encoding: "utf8" });
  if (child.status !== 0) throw new Error(`memory child failed: ${child.stderr}`);
  const m = JSON.parse(child.stdout.trim().split("\n").pop());
  report("path 1,000 x 20,000 (child process)", m.ms);
  console.log(`  peak memory (maxRSS) ${(m.maxRssKb / 1024).toFixed(0)} MB for a ${(m.inputBytes / 2 ** 20).toFixed(0)} MB design (target < 2048 MB); ${m.nLambda} lambda values`);
}
