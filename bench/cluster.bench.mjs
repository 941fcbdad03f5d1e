// Correlation clustering for p = 2,000 features, n = 500 rows: radval's correlation (one X'X pass) and
// nearest-neighbour-chain hclust against R's cor() and stats::hclust (C/Fortran) on the same data
// (target: clustering within 2× of R's hclust). Also p = 5,000 (radval only: it must work).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { absCorrelationDistance, correlationMatrix } from "../dist/cluster/correlation.js";
import { clusterFeatures } from "../dist/cluster/featureClusters.js";
import { hclust } from "../dist/cluster/hclust.js";
import { benchRandom, hasR, report, runRTimed, tempDir, timeMs, writeMatrixCsv } from "./lib.mjs";

/** n × p column-major data in correlated blocks of 2–20 features (within-block |r| ≈ 0.5–0.99). */
function simulate(n, p, seed) {
  const rand = benchRandom(seed);
  const x = new Float64Array(n * p);
  let j = 0;
  while (j < p) {
    const size = Math.min(p - j, 2 + Math.floor(rand.uniform() * 19));
    const base = Float64Array.from({ length: n }, () => rand.normal());
    for (let b = 0; b < size; b++, j++) {
      const noise = 0.1 + 1.2 * rand.uniform();
      const sign = rand.uniform() < 0.2 ? -1 : 1;
      for (let i = 0; i < n; i++) x[j * n + i] = 5 + sign * base[i] + noise * rand.normal();
    }
  }
  return { nRows: n, nCols: p, data: x };
}

export default async function () {
  const [n, p] = [500, 2000];
  const x = simulate(n, p, 7);
  const names = Array.from({ length: p }, (_, j) => `x${j + 1}`);
  const corMs = timeMs(() => correlationMatrix(x, "pearson"), { repeats: 3 });
  const dist = absCorrelationDistance(correlationMatrix(x, "pearson"));
  const linkages = ["average", "complete", "single"];
  const hclustMs = {};
  const trees = {};
  for (const linkage of linkages) {
    hclustMs[linkage] = timeMs(() => (trees[linkage] = hclust(dist, p, linkage, { copy: true })), { repeats: 3 });
  }
  const allMs = timeMs(() => clusterFeatures(x, names, { threshold: 0.9 }), { repeats: 3 });

  let r;
  if (hasR()) {
    const dir = tempDir();
    const csv = join(dir, "x.csv");
    writeMatrixCsv(csv, x.data, n, p);
    const heights = join(dir, "heights.csv");
    // One R session: time cor() and each hclust() separately (median of 3), then the end-to-end path.
    const script = (what) => `
      X <- as.matrix(read.csv("${csv}"))
      med <- function(f) { t <- replicate(3, { t0 <- proc.time()[["elapsed"]]; f(); proc.time()[["elapsed"]] - t0 }); 1000 * median(t) }
      ${what}`;
    r = {
      cor: runRTimed(script(`cat("TIME_MS", med(function() cor(X)), "\\n")`)),
      end: runRTimed(script(`cat("TIME_MS", med(function() { h <- hclust(as.dist(1 - abs(cor(X))), "average"); cutree(h, h = 1 - 0.9) }), "\\n")`)),
    };
    for (const linkage of linkages) {
      r[linkage] = runRTimed(script(`d <- as.dist(1 - abs(cor(X))); h <- hclust(d, "${linkage}")
        write.table(sprintf("%.17g", h$height), "${heights}.${linkage}", row.names = FALSE, col.names = FALSE, quote = FALSE)
        cat("TIME_MS", med(function() hclust(d, "${linkage}")), "\\n")`));
      const rh = readFileSync(`${heights}.${linkage}`, "utf8").trim().split("\n").map(Number);
      let maxDiff = 0;
      rh.forEach((h, s) => (maxDiff = Math.max(maxDiff, Math.abs(h - trees[linkage].height[s]))));
      r[`${linkage}Diff`] = maxDiff;
    }
  }
  report(`correlation (Pearson), p = ${p}, n = ${n}`, corMs, "R cor", r?.cor);
  for (const linkage of linkages) {
    report(`hclust ${linkage}, p = ${p}`, hclustMs[linkage], "R hclust", r?.[linkage], "ratio ≤ 2");
    if (r) console.log(`  max |height − R height| = ${r[`${linkage}Diff`].toExponential(1)}`);
  }
  report(`clusterFeatures end to end (cor, tree, cut 0.9, representatives)`, allMs, "R cor+hclust+cutree", r?.end);

  // p = 5,000 must work: condensed storage, 2 × 100 MB.
  const big = simulate(200, 5000, 11);
  const bigNames = Array.from({ length: 5000 }, (_, j) => `x${j + 1}`);
  const bigMs = timeMs(() => clusterFeatures(big, bigNames, { threshold: 0.9 }), { repeats: 1, warmup: false });
  report("clusterFeatures end to end, p = 5,000, n = 200", bigMs);
}
