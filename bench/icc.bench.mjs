// ICC for 2,000 features × 100 cases × 3 repeats: radval's iccTable (all six forms, F tests, psych intervals)
// against a loop of psych::ICC(m, lmer = FALSE) over the same features (target: radval ≥ 20× faster).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { iccTable } from "../dist/reliability/icc.js";
import { benchRandom, hasR, report, runRTimed, tempDir, timeMs } from "./lib.mjs";

function simulate(nFeatures, nCases, nRaters, seed) {
  const rand = benchRandom(seed);
  const values = [];
  for (let f = 0; f < nFeatures; f++) {
    const reliability = 0.1 + 0.89 * rand.uniform();
    const offsets = Array.from({ length: nRaters }, () => (f % 3 === 0 ? 0.3 * rand.normal() : 0));
    const v = new Float64Array(nCases * nRaters);
    for (let i = 0; i < nCases; i++) {
      const truth = Math.sqrt(reliability) * rand.normal();
      for (let r = 0; r < nRaters; r++) v[i * nRaters + r] = 10 + truth + offsets[r] + Math.sqrt(1 - reliability) * rand.normal();
    }
    values.push(v);
  }
  const cases = Array.from({ length: nCases }, (_, i) => String(i + 1));
  const raters = Array.from({ length: nRaters }, (_, r) => `r${r + 1}`);
  const featureNames = Array.from({ length: nFeatures }, (_, f) => `f${f + 1}`);
  return { source: "bench", caseColumn: "case_id", raterColumn: "reader", cases, raters, featureNames, values, warnings: [] };
}

export default async function () {
  const [p, n, k] = [2000, 100, 3];
  const table = simulate(p, n, k, 42);
  let result;
  const ms = timeMs(() => (result = iccTable(table)), { repeats: 5 });
  if (!hasR(["psych"])) {
    report(`ICC, ${p} features × ${n} cases × ${k} repeats`, ms, undefined, undefined, "≥ 20× faster than looping psych::ICC (R not found)");
    return;
  }
  // Long CSV for R: one row per case × repeat, one column per feature.
  const dir = tempDir();
  const csv = join(dir, "icc.csv");
  const lines = [["case_id", "reader", ...table.featureNames].join(",")];
  for (let i = 0; i < n; i++) for (let r = 0; r < k; r++) lines.push([i + 1, `r${r + 1}`, ...table.values.map((v) => v[i * k + r].toPrecision(17))].join(","));
  writeFileSync(csv, `${lines.join("\n")}\n`);
  const out = join(dir, "icc_r.csv");
  const rMs = runRTimed(`
    suppressMessages(library(psych))
    d <- read.csv("${csv}", check.names = FALSE)
    feats <- setdiff(names(d), c("case_id", "reader"))
    mats <- lapply(feats, function(f) matrix(d[[f]], ncol = ${k}, byrow = TRUE))
    t0 <- proc.time()[["elapsed"]]
    res <- lapply(mats, function(m) psych::ICC(m, lmer = FALSE)$results)
    cat("TIME_MS", 1000 * (proc.time()[["elapsed"]] - t0), "\\n")
    write.csv(t(sapply(res, function(r) c(r$ICC[2], r$\`lower bound\`[2], r$p[2]))), "${out}", row.names = FALSE)
  `);
  const rRows = (await import("node:fs")).readFileSync(out, "utf8").trim().split("\n").slice(1).map((l) => l.split(",").map(Number));
  let maxRel = 0;
  result.features.forEach((f, j) => {
    const [icc, lower, pv] = rRows[j];
    for (const [got, want] of [[f.forms.ICC2.icc, icc], [f.forms.ICC2.lower, lower], [f.forms.ICC2.p, pv]]) {
      if (want !== 0) maxRel = Math.max(maxRel, Math.abs(got - want) / Math.abs(want));
    }
  });
  report(`ICC, ${p} features × ${n} cases × ${k} repeats (6 forms + CIs)`, ms, "psych::ICC loop", rMs, "ratio ≤ 0.05, i.e. ≥ 20× faster");
  console.log(`  speed-up ${(rMs / ms).toFixed(0)}×; max relative difference vs psych (ICC(A,1), its lower bound, p; R printed 15 digits): ${maxRel.toExponential(1)}`);
}
