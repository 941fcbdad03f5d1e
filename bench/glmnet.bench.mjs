// Elastic-net logistic regression vs R glmnet 4.1-6, same data and settings in the same run:
// WDBC paths (alpha 1 and 0.5), the validation engine's shape (a bootstrap sample of the bundled multisite table,
// 600 x 120 raw features with repeated rows, 10-fold cv.glmnet at lambda.min.ratio 0.01 and 1e-4), a synthetic
// n = 1,000 x p = 5,000 problem with 20 true features (path and 10-fold CV on the same fold ids), and the peak
// memory of the n = 1,000 x p = 20,000 path (child process).
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createRng } from "../dist/core/rng.js";
import { gatherRows, gatherVector } from "../dist/core/matrix.js";
import { loadExample } from "../dist/io/examples.js";
import { cvElasticNet } from "../dist/models/elasticnet/cv.js";
import { elasticNetPath } from "../dist/models/elasticnet/path.js";
import { simdAvailable } from "../dist/models/elasticnet/simd/kernels.js";
import { hasR, report, tempDir } from "./lib.mjs";
import { syntheticLogistic } from "./datasets.mjs";

const here = fileURLToPath(new URL(".", import.meta.url));

function writeBinary(dir, name, values) {
  const file = join(dir, name);
  writeFileSync(file, Buffer.from(values.buffer, values.byteOffset, values.byteLength));
  return file;
}

/**
 * Median CPU time (user + system) and wall time in ms of `fn` over `repeats`
 * runs after one warm-up. CPU time is what the ratios use: the machine is shared,
 * and wall time then measures the other jobs as much as the solver.
 */
function timeCpu(fn, repeats) {
  fn();
  const cpu = [];
  const wall = [];
  for (let r = 0; r < repeats; r++) {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    fn();
    wall.push(Number(process.hrtime.bigint() - t0) / 1e6);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const median = (a) => a.sort((u, v) => u - v)[Math.floor(a.length / 2)];
  return { cpu: median(cpu), wall: median(wall) };
}

/** R: median CPU (user + system) and wall time in ms of `call` over `repeats` runs, x and y read from raw doubles. */
function rTime(xFile, yFile, n, p, call, repeats, extra = "") {
  const out = execFileSync("Rscript", ["-e", `
    suppressPackageStartupMessages(library(glmnet))
    x <- matrix(readBin("${xFile}", "double", ${n * p}), ${n}, ${p}); y <- readBin("${yFile}", "double", ${n})
    ${extra}
    invisible(${call})
    t <- sapply(1:${repeats}, function(r) { s <- system.time(${call}); c(s[["user.self"]] + s[["sys.self"]], s[["elapsed"]]) })
    cat("CPU_MS", 1000 * median(t[1, ]), "WALL_MS", 1000 * median(t[2, ]), "\\n")`], { encoding: "utf8", maxBuffer: 1 << 26 });
  const m = /CPU_MS\s+([0-9.eE+-]+)\s+WALL_MS\s+([0-9.eE+-]+)/.exec(out);
  if (!m) throw new Error(`R printed no timing line:\n${out}`);
  return { cpu: Number(m[1]), wall: Number(m[2]) };
}

/** One result row (CPU-time ratio) plus the wall times. */
function row(name, ours, reference, ref, target = "<= 1.5") {
  report(`${name} [CPU]`, ours.cpu, reference, ref?.cpu, target);
  console.log(`  wall: radval ${ours.wall.toFixed(0)} ms${ref ? `, ${reference} ${ref.wall.toFixed(0)} ms (ratio ${(ours.wall / ref.wall).toFixed(2)})` : ""}`);
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
    const ours = timeCpu(() => elasticNetPath(W, wy, { alpha, thresh }), 7);
    const ref = withR ? rTime(wxFile, wyFile, n, feats.length, `glmnet(x, y, family = "binomial", alpha = ${alpha}, thresh = ${thresh})`, 7) : undefined;
    row(`WDBC path, alpha ${alpha}, thresh ${thresh} (569 x 30)`, ours, "glmnet", ref);
  }

  // The validation engine's shape: one bootstrap sample (600 rows drawn with replacement, about 380 distinct) of
  // the multisite table, 120 raw features, 10-fold cv.glmnet with fold ids 1..10 by position.
  const ms = loadExample("multisite");
  const boot = createRng(3).sampleWithReplacement(ms.x.nRows, ms.x.nRows);
  const bx = gatherRows(ms.x, boot);
  const by = gatherVector(ms.outcome.values, boot);
  const bn = bx.nRows;
  const bFold = Int32Array.from({ length: bn }, (_, i) => (i % 10) + 1);
  const bxFile = writeBinary(dir, "boot_x.bin", bx.data);
  const byFile = writeBinary(dir, "boot_y.bin", by);
  const bfFile = writeBinary(dir, "boot_fold.bin", Float64Array.from(bFold));
  for (const ratio of [0.01, 1e-4]) {
    const ours = timeCpu(() => cvElasticNet(bx, by, { alpha: 1, foldId: bFold, lambdaMinRatio: ratio }), 5);
    const ref = withR
      ? rTime(bxFile, byFile, bn, bx.nCols, `cv.glmnet(x, y, family = "binomial", foldid = foldid, lambda.min.ratio = ${ratio})`, 5, `foldid <- readBin("${bfFile}", "double", ${bn})`)
      : undefined;
    row(`multisite bootstrap 10-fold CV, ratio ${ratio} (600 x ${bx.nCols})`, ours, "cv.glmnet", ref, "<= 1");
  }

  // Synthetic 1,000 x 5,000.
  const S = syntheticLogistic(1000, 5000, 2026);
  const sxFile = writeBinary(dir, "syn_x.bin", S.x.data);
  const syFile = writeBinary(dir, "syn_y.bin", S.y);
  const foldId = Int32Array.from({ length: 1000 }, (_, i) => (i % 10) + 1);
  const fFile = writeBinary(dir, "syn_fold.bin", Float64Array.from(foldId));
  const pathT = timeCpu(() => elasticNetPath(S.x, S.y, { alpha: 1 }), 3);
  const rPath = withR ? rTime(sxFile, syFile, 1000, 5000, `glmnet(x, y, family = "binomial", alpha = 1)`, 3) : undefined;
  row("synthetic path, alpha 1 (1,000 x 5,000, 20 true)", pathT, "glmnet", rPath);
  const cvT = timeCpu(() => cvElasticNet(S.x, S.y, { alpha: 1, foldId }), 1);
  const rCv = withR
    ? rTime(sxFile, syFile, 1000, 5000, `cv.glmnet(x, y, family = "binomial", alpha = 1, foldid = foldid)`, 1, `foldid <- readBin("${fFile}", "double", 1000)`)
    : undefined;
  row("synthetic 10-fold CV, alpha 1 (1,000 x 5,000)", cvT, "cv.glmnet", rCv);

  // Peak memory of the 1,000 x 20,000 path, in a fresh process.
  const child = spawnSync(process.execPath, [join(here, "glmnet-memory.child.mjs"), "1000", "20000"], { encoding: "utf8" });
  if (child.status !== 0) throw new Error(`memory child failed: ${child.stderr}`);
  const m = JSON.parse(child.stdout.trim().split("\n").pop());
  report("path 1,000 x 20,000 (child process)", m.ms);
  console.log(`  peak memory (maxRSS) ${(m.maxRssKb / 1024).toFixed(0)} MB for a ${(m.inputBytes / 2 ** 20).toFixed(0)} MB design (target < 2048 MB); ${m.nLambda} lambda values`);
}
