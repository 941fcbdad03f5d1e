// Time-to-event numerics vs R in the same run: the Cox-LASSO path and 10-fold CV (glmnet / cv.glmnet family = "cox",
// same data and fold ids) on a synthetic 1,000 x 2,000 design with ~30% events, and Uno's C (survival::concordance,
// timewt = "n/G2") plus the IPCW AUC and Brier at a horizon with SEs (riskRegression::Score) on 10^5 patients.
// CPU time (user + system) is compared: the machine is shared.
// Note: riskRegression 2022.11.28's AUC standard error is wrong above n = 46,340 (its C++ getIC0AUC forms n*n in a
// 32-bit int, which overflows); radval and R agree at n = 40,000 (SE 0.00244804748177451 both) and differ from 50,000 on,
// so the 10^5 AUC SE printed below is not expected to match R. The AUC, the Brier score and its SE do match.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { cvCoxnet } from "../dist/models/coxnet/cv.js";
import { coxnetPath } from "../dist/models/coxnet/path.js";
import { concordance } from "../dist/survival/concordance.js";
import { survivalBrierScore, timeDependentAuc } from "../dist/survival/timeDependent.js";
import { benchRandom, hasR, report, tempDir } from "./lib.mjs";

function writeBinary(dir, name, values) {
  const file = join(dir, name);
  writeFileSync(file, Buffer.from(values.buffer, values.byteOffset, values.byteLength));
  return file;
}

function timeCpu(fn, repeats) {
  const cpu = [];
  let result;
  for (let r = 0; r < repeats; r++) {
    const c0 = process.cpuUsage();
    result = fn();
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { cpu: cpu.sort((a, b) => a - b)[Math.floor(cpu.length / 2)], result };
}

function rCpu(script) {
  const out = execFileSync("Rscript", ["-e", script], { encoding: "utf8", maxBuffer: 1 << 26 });
  const m = /CPU_MS\s+([0-9.eE+-]+)/.exec(out);
  if (!m) throw new Error(`R printed no timing line:\n${out}`);
  return { cpu: Number(m[1]), out };
}

/** Synthetic Cox data: standard-normal x, 10 true coefficients ±0.5, exponential times, exponential censoring. */
function syntheticCox(n, p, seed, censRate) {
  const rand = benchRandom(seed);
  const x = new Float64Array(n * p);
  for (let k = 0; k < x.length; k++) x[k] = rand.normal();
  const time = new Float64Array(n), event = new Float64Array(n), lp = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let eta = 0;
    for (let j = 0; j < 10; j++) eta += (j % 2 ? -0.5 : 0.5) * x[j * n + i];
    lp[i] = eta;
    const t = -Math.log(rand.uniform()) / (0.1 * Math.exp(eta));
    const c = -Math.log(rand.uniform()) / censRate;
    time[i] = Math.ceil(Math.min(t, c) * 100) / 100; // two decimals: some ties, as real follow-up data
    event[i] = t <= c ? 1 : 0;
  }
  return { x: { nRows: n, nCols: p, data: x }, time, event, lp };
}

export default async function () {
  const withR = hasR(["glmnet", "survival"]);
  const withRR = withR && hasR(["riskRegression"]);
  const dir = tempDir();
  console.log(`R glmnet/survival ${withR ? "found" : "not found (no ratios)"}; riskRegression ${withRR ? "found" : "not found"}`);

  // Cox-LASSO 1,000 x 2,000.
  const n = 1000, p = 2000;
  const S = syntheticCox(n, p, 2027, 0.32);
  const events = S.event.reduce((s, v) => s + v, 0);
  const foldId = Int32Array.from({ length: n }, (_, i) => (i % 10) + 1);
  const files = { x: writeBinary(dir, "x.bin", S.x.data), t: writeBinary(dir, "t.bin", S.time), e: writeBinary(dir, "e.bin", S.event), f: writeBinary(dir, "f.bin", Float64Array.from(foldId)) };
  console.log(`synthetic Cox: ${n} x ${p}, ${events} events (${((100 * events) / n).toFixed(0)}%)`);
  const path = timeCpu(() => coxnetPath(S.x, S.time, S.event, { alpha: 1 }), 1);
  const cv = timeCpu(() => cvCoxnet(S.x, S.time, S.event, { alpha: 1, foldId }), 1);
  let rPath, rCv;
  if (withR) {
    const load = `suppressPackageStartupMessages({library(glmnet); library(survival)})
      x <- matrix(readBin("${files.x}", "double", ${n * p}), ${n}, ${p}); y <- cbind(time = readBin("${files.t}", "double", ${n}), status = readBin("${files.e}", "double", ${n}))
      foldid <- readBin("${files.f}", "double", ${n})`;
    rPath = rCpu(`${load}
      s <- system.time(fit <- glmnet(x, y, family = "cox", alpha = 1)); cat("CPU_MS", 1000 * (s[["user.self"]] + s[["sys.self"]]), "\\n")
      cat("NLAMBDA", length(fit$lambda), "\\n"); cat("DEVRATIO", format(tail(fit$dev.ratio, 1), digits = 17), "\\n")`);
    rCv = rCpu(`${load}
      s <- system.time(cv <- cv.glmnet(x, y, family = "cox", alpha = 1, foldid = foldid)); cat("CPU_MS", 1000 * (s[["user.self"]] + s[["sys.self"]]), "\\n")
      cat("LAMBDAMIN", format(cv$lambda.min, digits = 17), "\\n")`);
    const nl = Number(/NLAMBDA\s+(\d+)/.exec(rPath.out)[1]);
    const dr = Number(/DEVRATIO\s+(\S+)/.exec(rPath.out)[1]);
    const lm = Number(/LAMBDAMIN\s+(\S+)/.exec(rCv.out)[1]);
    console.log(`  agreement: ${path.result.lambda.length} vs ${nl} lambda values; last devRatio ${path.result.devRatio.at(-1)} vs ${dr}; lambda.min ${cv.result.lambdaMin} vs ${lm}`);
  }
  report("Cox-LASSO path (1,000 x 2,000) [CPU]", path.cpu, "glmnet", rPath?.cpu, "<= 1");
  report("Cox-LASSO path + 10-fold CV (1,000 x 2,000) [CPU]", cv.cpu, "cv.glmnet", rCv?.cpu, "<= 1");

  // Uno's C and Score on 10^5 patients.
  const N = 100000;
  const B = syntheticCox(N, 10, 2028, 0.05);
  const risk5 = Float64Array.from(B.lp, (v) => 1 - Math.exp(-0.1 * 5 * Math.exp(v)));
  const horizon = 5;
  const uno = timeCpu(() => concordance(B.time, B.event, B.lp, { timeWeight: "n/G2" }), 3);
  const score = timeCpu(() => [timeDependentAuc(B.time, B.event, risk5, horizon), survivalBrierScore(B.time, B.event, risk5, horizon)], 3);
  let rUno, rScore;
  if (withR) {
    const f = { t: writeBinary(dir, "bt.bin", B.time), e: writeBinary(dir, "be.bin", B.event), lp: writeBinary(dir, "blp.bin", B.lp), r: writeBinary(dir, "br.bin", risk5) };
    const load = `suppressPackageStartupMessages({library(survival)${withRR ? "; library(riskRegression)" : ""}})
      d <- data.frame(time = readBin("${f.t}", "double", ${N}), event = readBin("${f.e}", "double", ${N}), lp = readBin("${f.lp}", "double", ${N}), risk = readBin("${f.r}", "double", ${N}))`;
    rUno = rCpu(`${load}
      s <- system.time(u <- concordance(Surv(time, event) ~ lp, data = d, reverse = TRUE, timewt = "n/G2")); cat("CPU_MS", 1000 * (s[["user.self"]] + s[["sys.self"]]), "\\n")
      cat("UNO", format(u$concordance, digits = 17), format(sqrt(u$var), digits = 17), "\\n")`);
    const [, c, se] = /UNO\s+(\S+)\s+(\S+)/.exec(rUno.out);
    console.log(`  Uno's C: radval ${uno.result.c} (se ${uno.result.se}) vs R ${c} (se ${se})`);
    if (withRR) {
      rScore = rCpu(`${load}
        s <- system.time(sc <- Score(list(m = d$risk), formula = Surv(time, event) ~ 1, data = d, times = ${horizon}, metrics = c("auc", "brier"), null.model = FALSE, conf.int = TRUE, cens.model = "km"))
        cat("CPU_MS", 1000 * (s[["user.self"]] + s[["sys.self"]]), "\\n")
        cat("SCORE", format(sc$AUC$score$AUC, digits = 17), format(sc$AUC$score$se, digits = 17), format(sc$Brier$score$Brier, digits = 17), format(sc$Brier$score$se, digits = 17), "\\n")`);
      const m = /SCORE\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)/.exec(rScore.out);
      const [auc, brier] = score.result;
      console.log("  (riskRegression's AUC SE overflows a 32-bit n*n above n = 46,340: compare the AUC SE only below that)");
      console.log(`  Score: AUC ${auc.estimate} (se ${auc.se}) vs R ${m[1]} (se ${m[2]}); Brier ${brier.estimate} (se ${brier.se}) vs R ${m[3]} (se ${m[4]})`);
    }
  }
  report("Uno's C with IJ SE (10^5 patients) [CPU]", uno.cpu, "survival::concordance", rUno?.cpu, "<= 1");
  report("IPCW AUC + Brier at t with SE (10^5 patients) [CPU]", score.cpu, "riskRegression::Score", rScore?.cpu, "<= 1");
}
