// Issue 7 benchmark: a LASSO workflow (scale → redundancy clustering → cv.glmnet-style inner λ choice) on the
// bundled multisite cohort (600 × 120), Harrell's optimism bootstrap with 200 replicates, on 1 and 2 workers;
// and, where Rscript with glmnet is installed, the equivalent R loop (scale, cor + hclust + cutree with the
// highest-CV representative, cv.glmnet, predictions on the original rows) in the same run.
// Both sides use lambda.min.ratio = 0.01 and 10 inner folds (the default 1e-4 ratio makes every fit ~8× slower on
// both sides on these near-separable bootstrap samples). Wall times, and CPU times (user + system: the machine may be
// shared, and wall time then measures the other jobs too) for the in-process run and R.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { examplePath } from "../dist/io/examples.js";
import { createRng } from "../dist/core/rng.js";
import { optimismBootstrap } from "../dist/validate/optimismBootstrap.js";
import { workerPoolExecutor } from "../dist/validate/pool.js";
import { inProcessExecutor } from "../dist/validate/tasks.js";
import { hasR, report, runRTimedCpu } from "./lib.mjs";
import { lassoBootstrapWorkload } from "./validate-workload.mjs";

const B = Number(process.env.RADVAL_BENCH_BOOTSTRAPS ?? 200);

/**
 * `shares` child processes, started together, each run their share of the replicates in one thread; returns the
 * slowest one's time for its work (start-up excluded): the best any `shares`-worker run can do on this machine.
 */
async function independentProcessesMs(shares) {
  const child = fileURLToPath(new URL("validate-share.child.mjs", import.meta.url));
  const times = await Promise.all(
    Array.from({ length: shares }, (_, share) =>
      new Promise((resolve, reject) => {
        const proc = spawn(process.execPath, [child, String(B), String(share), String(shares)], { stdio: ["ignore", "pipe", "inherit"] });
        let out = "";
        proc.stdout.on("data", (chunk) => (out += chunk));
        proc.on("error", reject);
        proc.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out.trim()).ms) : reject(new Error(`bench child exited with ${code}`))));
      }),
    ),
  );
  return Math.max(...times);
}

export default async function () {
  const { job, rows, samples } = lassoBootstrapWorkload(B);
  const times = {};
  let cpu1;
  let corrected;
  for (const workers of [1, 2]) {
    const executor = workers === 1 ? inProcessExecutor : workerPoolExecutor(workers);
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const [result] = await optimismBootstrap(job, rows, samples, createRng(2), { executor });
    times[workers] = performance.now() - t0;
    if (workers === 1) {
      const c = process.cpuUsage(c0);
      cpu1 = (c.user + c.system) / 1000;
    }
    await executor.close?.();
    if (corrected && JSON.stringify(result.corrected) !== JSON.stringify(corrected)) throw new Error("1 and 2 workers gave different results");
    corrected = result.corrected;
  }
  const twoProcessesMs = await independentProcessesMs(2);
  let rMs;
  let rCpu;
  if (hasR(["glmnet", "pROC"])) {
    ({ wall: rMs, cpu: rCpu } = runRTimedCpu(`
      suppressMessages({library(glmnet); library(pROC)})
      d <- read.csv("${examplePath("multisite")}")
      x <- as.matrix(d[, 5:ncol(d)]); y <- d$outcome; n <- nrow(x)
      fitpred <- function(idx) {
        xb <- x[idx, ]; mu <- colMeans(xb); s <- sqrt(colMeans(sweep(xb, 2, mu)^2))
        xs <- sweep(sweep(xb, 2, mu), 2, s, "/")
        h <- hclust(as.dist(1 - abs(cor(xs))), method = "average"); cl <- cutree(h, h = 1 - 0.9)
        cv <- s / abs(mu)
        keep <- sapply(split(seq_along(cl), cl), function(j) j[which.max(cv[j])])
        f <- cv.glmnet(xs[, keep, drop = FALSE], y[idx], family = "binomial", nfolds = 10, lambda.min.ratio = 0.01)
        xo <- sweep(sweep(x, 2, mu), 2, s, "/")[, keep, drop = FALSE]
        as.numeric(predict(f, xo, s = "lambda.1se", type = "response"))
      }
      set.seed(1)
      t0 <- proc.time()
      p0 <- fitpred(seq_len(n)); app <- as.numeric(auc(y, p0, quiet = TRUE, direction = "<"))
      opt <- numeric(${B})
      for (b in seq_len(${B})) {
        idx <- sample.int(n, n, replace = TRUE); p <- fitpred(idx)
        opt[b] <- as.numeric(auc(y[idx], p[idx], quiet = TRUE, direction = "<")) - as.numeric(auc(y, p, quiet = TRUE, direction = "<"))
      }
      el <- proc.time() - t0
      cat("CORRECTED_AUC", app - mean(opt), "\\n")
      cat("TIME_MS", el[["elapsed"]] * 1000, "\\n")
      cat("CPU_MS", (el[["user.self"]] + el[["sys.self"]]) * 1000, "\\n")
    `));
  }
  report(`optimism bootstrap B = ${B}, LASSO workflow, 1 worker`, times[1], rMs === undefined ? undefined : "R loop", rMs, "≤ 1 × R");
  report(`  same, CPU time (user + system)`, cpu1, rCpu === undefined ? undefined : "R loop", rCpu, "≤ 1 × R");
  report(`optimism bootstrap B = ${B}, LASSO workflow, 2 workers`, times[2], rMs === undefined ? undefined : "R loop", rMs);
  const speedUp = times[1] / times[2];
  const ceiling = times[1] / twoProcessesMs;
  console.log(`speed-up 1 → 2 workers: ${speedUp.toFixed(2)}× (target ≥ 1.7×); corrected AUC ${corrected.auc.toFixed(4)} (identical on 1 and 2 workers)`);
  console.log(
    `  this machine's ceiling: two independent processes, each running half the replicates in one thread at the same time, take ${(twoProcessesMs / 1000).toFixed(1)} s ` +
      `→ ${ceiling.toFixed(2)}× over 1 worker; the pool reaches ${((100 * speedUp) / ceiling).toFixed(0)}% of it`,
  );
}
