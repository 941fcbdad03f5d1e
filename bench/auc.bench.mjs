// AUC + DeLong CI and the paired DeLong test at n = 1,000,000, against pROC in the same run.
// The data go to R as raw doubles (readBin), and only the pROC calls are timed there:
//   AUC + CI:     roc(y, s1, direction = "<") + ci.auc(method = "delong")
//   paired test:  roc(y, s1) + roc(y, s2) + roc.test(method = "delong", paired = TRUE)
// radval is timed from the raw arrays too (median of 3 after a warm-up). Target: < 1 s and ≥ 2× faster than pROC.
import { execFileSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { aucMannWhitney } from "../dist/metrics/auc.js";
import { delongAuc, delongPairedTest } from "../dist/metrics/delong.js";
import { benchRandom, hasR, report, tempDir, timeMs } from "./lib.mjs";

function makeData(n, seed) {
  const rand = benchRandom(seed);
  const truth = new Float64Array(n);
  const s1 = new Float64Array(n);
  const s2 = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    truth[i] = rand.uniform() < 0.3 ? 1 : 0;
    s1[i] = rand.normal() + truth[i];
    s2[i] = 0.5 * s1[i] + rand.normal() + 0.5 * truth[i];
  }
  return { truth, s1, s2 };
}

function runProc(dir, n) {
  const script = `
suppressPackageStartupMessages(library(pROC))
n <- ${n}
rd <- function(f) readBin(file.path("${dir}", f), "double", n = n, endian = "little")
y <- rd("y.bin"); s1 <- rd("s1.bin"); s2 <- rd("s2.bin")
t0 <- proc.time()[["elapsed"]]
r1 <- roc(y, s1, levels = c(0, 1), direction = "<", quiet = TRUE)
ci <- ci.auc(r1, method = "delong")
t1 <- proc.time()[["elapsed"]]
ra <- roc(y, s1, levels = c(0, 1), direction = "<", quiet = TRUE)
rb <- roc(y, s2, levels = c(0, 1), direction = "<", quiet = TRUE)
tt <- roc.test(ra, rb, method = "delong", paired = TRUE)
t2 <- proc.time()[["elapsed"]]
cat(sprintf("TIME_AUC %.3f\\nTIME_PAIRED %.3f\\n", 1000 * (t1 - t0), 1000 * (t2 - t1)))
cat(sprintf("VALUES %.17g %.17g %.17g %.17g %.17g\\n", ci[2], ci[1], ci[3], unname(tt$statistic), tt$p.value))
`;
  const out = execFileSync("Rscript", ["-e", script], { encoding: "utf8", maxBuffer: 1 << 26 });
  const num = (re) => Number(re.exec(out)?.[1]);
  const values = /VALUES (.*)/.exec(out)?.[1]?.trim().split(/\s+/).map(Number) ?? [];
  return { aucMs: num(/TIME_AUC\s+([0-9.eE+-]+)/), pairedMs: num(/TIME_PAIRED\s+([0-9.eE+-]+)/), values };
}

export default async function () {
  const n = 1_000_000;
  const { truth, s1, s2 } = makeData(n, 1);
  const target = "< 1 s and ≥ 2× faster than pROC";

  const aucMs = timeMs(() => aucMannWhitney(truth, s1), { repeats: 3 });
  const ciMs = timeMs(() => delongAuc(truth, s1), { repeats: 3 });
  const pairedMs = timeMs(() => delongPairedTest(truth, s1, s2), { repeats: 3 });
  const ours = delongAuc(truth, s1);
  const test = delongPairedTest(truth, s1, s2);

  let ref;
  if (hasR(["pROC"])) {
    const dir = tempDir();
    try {
      for (const [name, arr] of [["y.bin", truth], ["s1.bin", s1], ["s2.bin", s2]]) writeFileSync(join(dir, name), Buffer.from(arr.buffer, arr.byteOffset, arr.byteLength));
      ref = runProc(dir, n);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  report("AUC (Mann–Whitney), n = 1,000,000", aucMs);
  report("AUC + DeLong CI, n = 1,000,000", ciMs, ref ? "pROC" : undefined, ref?.aucMs, target);
  report("paired DeLong test, n = 1,000,000", pairedMs, ref ? "pROC" : undefined, ref?.pairedMs, target);
  if (ref) {
    const [auc, lo, hi, z, p] = ref.values;
    const rel = (a, b) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);
    console.log(
      `  agreement with pROC at n = 1e6: AUC ${rel(ours.auc, auc).toExponential(1)}, CI ${Math.max(rel(ours.ci[0], lo), rel(ours.ci[1], hi)).toExponential(1)}, ` +
        `z ${rel(test.z, z).toExponential(1)} (relative); p ${test.p} vs ${p}`,
    );
  } else {
    console.log("  (Rscript with pROC not found: no reference timing)");
  }
}
