// Issue 22, memory at scale: p = 20,000 features × n = 1,000 rows (160 MB of float64), an optimism bootstrap of
// scale → LASSO (fixed λ) on 2 worker threads, in a child process (memory-wide.child.mjs) so its peak RSS is its own.
// The feature matrix is shared by the threads (pool.ts shareFeatures), not copied into each. Target: ≤ 2 GB per worker.
// RADVAL_BENCH_WIDE="n p workers B" overrides the size (default "1000 20000 2 4").
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export default async function () {
  const [n, p, workers, B] = (process.env.RADVAL_BENCH_WIDE ?? "1000 20000 2 4").split(/\s+/).map(Number);
  const child = fileURLToPath(new URL("memory-wide.child.mjs", import.meta.url));
  const run = spawnSync(process.execPath, [child, String(n), String(p), String(workers), String(B)], { encoding: "utf8", maxBuffer: 1 << 20 });
  if (run.status !== 0) throw new Error(`memory-wide child failed: ${run.stderr}`);
  const r = JSON.parse(run.stdout.trim().split("\n").pop());
  const mb = (kb) => (kb / 1024).toFixed(0);
  const perWorkerKb = (r.maxRssKb - r.baseRssKb) / workers;
  console.log(`n = ${n}, p = ${p} (${(r.datasetBytes / 1e6).toFixed(0)} MB of features), ${workers} workers, ${B} bootstrap replicates + the original fit`);
  console.log(`  process peak RSS ${mb(r.maxRssKb)} MB (main thread after building the table: ${mb(r.baseRssKb)} MB)`);
  console.log(`  per worker: (peak − base) / workers = ${mb(perWorkerKb)} MB (target ≤ 2048 MB); wall ${(r.ms / 1000).toFixed(1)} s`);
}
