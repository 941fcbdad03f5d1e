// Shared helpers for `npm run bench`: timing, and running the same work in R or
// scikit-learn in the same run so the printed ratio compares like with like.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Median wall time in ms of `fn` over `repeats` runs (after one warm-up unless warmup = false). */
export function timeMs(fn, { repeats = 3, warmup = true } = {}) {
  if (warmup) fn();
  const times = [];
  for (let r = 0; r < repeats; r++) {
    const t0 = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** Async variant of timeMs. */
export async function timeMsAsync(fn, { repeats = 3, warmup = true } = {}) {
  if (warmup) await fn();
  const times = [];
  for (let r = 0; r < repeats; r++) {
    const t0 = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

let rChecked;
/** True when Rscript runs and has every package named. */
export function hasR(packages = []) {
  rChecked ??= new Map();
  const key = packages.join(",");
  if (!rChecked.has(key)) {
    const code = packages.map((p) => `suppressMessages(library(${p}))`).join(";") || "invisible(0)";
    const r = spawnSync("Rscript", ["-e", code], { encoding: "utf8" });
    rChecked.set(key, r.status === 0);
  }
  return rChecked.get(key);
}

/** True when /usr/bin/python3 imports scikit-learn. */
export function hasSklearn() {
  const r = spawnSync("/usr/bin/python3", ["-c", "import sklearn"], { encoding: "utf8" });
  return r.status === 0;
}

/** A fresh temporary directory for data handed to R or Python. */
export function tempDir() {
  return mkdtempSync(join(tmpdir(), "radval-bench-"));
}

/** Writes a column-major matrix (Float64Array, n × p) plus optional y as CSV. */
export function writeMatrixCsv(path, x, n, p, y) {
  const lines = [];
  const header = [];
  for (let j = 0; j < p; j++) header.push(`x${j + 1}`);
  if (y) header.push("y");
  lines.push(header.join(","));
  for (let i = 0; i < n; i++) {
    const row = [];
    for (let j = 0; j < p; j++) row.push(String(x[j * n + i]));
    if (y) row.push(String(y[i]));
    lines.push(row.join(","));
  }
  writeFileSync(path, `${lines.join("\n")}\n`);
}

/**
 * Runs an R script that prints one line `TIME_MS <number>` (and anything else
 * on other lines) and returns that number; the script must time only the work.
 */
export function runRTimed(script) {
  const out = execFileSync("Rscript", ["-e", script], { encoding: "utf8", maxBuffer: 1 << 26 });
  const m = /TIME_MS\s+([0-9.eE+-]+)/.exec(out);
  if (!m) throw new Error(`R printed no TIME_MS line:\n${out}`);
  return Number(m[1]);
}

/**
 * Like runRTimed, for a script that also prints `CPU_MS <number>` (user + system
 * time of the R process): returns { wall, cpu } in ms.
 */
export function runRTimedCpu(script) {
  const out = execFileSync("Rscript", ["-e", script], { encoding: "utf8", maxBuffer: 1 << 26 });
  const wall = /TIME_MS\s+([0-9.eE+-]+)/.exec(out);
  const cpu = /CPU_MS\s+([0-9.eE+-]+)/.exec(out);
  if (!wall || !cpu) throw new Error(`R printed no TIME_MS / CPU_MS line:\n${out}`);
  return { wall: Number(wall[1]), cpu: Number(cpu[1]) };
}

/** Same for a Python script run by /usr/bin/python3. */
export function runPythonTimed(script) {
  const out = execFileSync("/usr/bin/python3", ["-c", script], { encoding: "utf8", maxBuffer: 1 << 26 });
  const m = /TIME_MS\s+([0-9.eE+-]+)/.exec(out);
  if (!m) throw new Error(`python printed no TIME_MS line:\n${out}`);
  return Number(m[1]);
}

/** Prints one result row: name, radval time, reference time and ratio radval/reference. */
export function report(name, radvalMs, reference, referenceMs, target) {
  const fmt = (ms) => (ms === undefined ? "—" : ms < 10 ? `${ms.toFixed(2)} ms` : ms < 10000 ? `${ms.toFixed(0)} ms` : `${(ms / 1000).toFixed(1)} s`);
  const ratio = referenceMs === undefined ? "" : `  ratio radval/${reference} = ${(radvalMs / referenceMs).toFixed(2)}`;
  const goal = target ? `  (target: ${target})` : "";
  console.log(`${name.padEnd(52)} radval ${fmt(radvalMs).padStart(9)}   ${reference ?? ""} ${fmt(referenceMs).padStart(9)}${ratio}${goal}`);
}

/** Deterministic pseudo-random numbers for bench data (mulberry32), independent of radval's Rng. */
export function benchRandom(seed) {
  let a = seed >>> 0;
  const uniform = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
  return { uniform, normal };
}
