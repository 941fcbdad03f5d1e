// Issue 22: does `radval plan` estimate a shard's time within 2×? Runs `radval plan` on a study config, then the
// whole study as one shard on one thread (`radval run --shard 1/1 --workers 1`), and prints the plan's estimate
// (overhead + every fit task) next to the measured wall time. RADVAL_BENCH_STUDY picks the config
// (default examples/multisite.study.yaml). Both are whole processes; the machine's load inflates both alike.
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export default async function () {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const study = process.env.RADVAL_BENCH_STUDY ?? join(root, "examples", "multisite.study.yaml");
  const cli = join(root, "bin", "radval.js");
  const plan = spawnSync(process.execPath, [cli, "plan", study, "--json"], { encoding: "utf8" });
  if (plan.status !== 0) throw new Error(plan.stderr);
  const p = JSON.parse(plan.stdout);
  const out = mkdtempSync(join(tmpdir(), "radval-bench-shard-"));
  const t0 = performance.now();
  const run = spawnSync(process.execPath, [cli, "run", study, "--shard", "1/1", "--out", out, "--workers", "1", "--quiet"], { encoding: "utf8" });
  const measured = (performance.now() - t0) / 1000;
  if (run.status !== 0) throw new Error(run.stderr);
  const estimate = p.overheadSeconds + p.estimatedTaskSeconds;
  console.log(`${study}: ${p.fitTasks} fit tasks; plan: overhead ${p.overheadSeconds.toFixed(1)} s + fits ${p.estimatedTaskSeconds.toFixed(1)} s = ${estimate.toFixed(1)} s`);
  console.log(`  measured: radval run --shard 1/1 --workers 1: ${measured.toFixed(1)} s wall; estimate / measured = ${(estimate / measured).toFixed(2)} (target 0.5–2)`);
}
