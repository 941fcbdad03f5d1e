// SVM fit times: radval's own solver (svm/radval) next to libsvm-js (svm/libsvm) and scikit-learn's SVC, same data,
// same run, on WDBC (569 × 30, standardised) and the synthetic 2,000 × 500 set (datasets.mjs); linear and RBF
// kernels (γ = 1/p, C = 1, tol 1e-3), no probabilities; then Platt probabilities on WDBC. Fit times only (data in
// memory on both sides). "warm": median of the runs stated after warm-up fits in this process; "cold": the first
// fit in a fresh Node process (JIT and WebAssembly tier-up included). The solution is checked to be the same:
// support-vector count and libsvm iteration count (radval's solver follows libsvm's path; SVC's n_iter_).
// Target (issue 5): SVM ≤ 1.5× SVC, single thread.
// Run: npm run bench -- svm   (SVM_BENCH_QUICK=1 skips the synthetic linear fits, ~10 s each per engine and ~1 min for libsvm-js).
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { createRng } from "../dist/core/rng.js";
import { loadLibsvm } from "../dist/io/libsvmNode.js";
import { libsvmEngine } from "../dist/models/svm/libsvmEngine.js";
import { radvalSvmEngine } from "../dist/models/svm/radval/engine.js";
import { svm } from "../dist/models/svm/spec.js";
import { synthetic, wdbcStandardised } from "./datasets.mjs";
import { hasSklearn, tempDir, timeMs, writeMatrixCsv } from "./lib.mjs";

/** SVC fit times (median of `repeats`) with its support-vector and iteration counts. */
function sklearnSvc(csv, kernel, gamma, probability, repeats) {
  const script = `
import time, numpy as np
from sklearn.svm import SVC
d = np.loadtxt(${JSON.stringify(csv)}, delimiter=",", skiprows=1)
X, y = d[:, :-1], d[:, -1].astype(int)
times = []
for r in range(${repeats}):
    t0 = time.perf_counter()
    m = SVC(kernel="${kernel}", C=1.0, gamma=${gamma}${probability ? ", probability=True, random_state=0" : ""}).fit(X, y)
    times.append((time.perf_counter() - t0) * 1000)
times.sort()
print("TIME_MS", times[len(times) // 2])
print("NSV", int(m.support_.size))
print("ITER", int(m.n_iter_[0]))
`;
  // Single thread on both sides: no BLAS threads for scikit-learn (libsvm itself is single-threaded).
  const env = { ...process.env, OPENBLAS_NUM_THREADS: "1", OMP_NUM_THREADS: "1", MKL_NUM_THREADS: "1" };
  const out = execFileSync("/usr/bin/python3", ["-c", script], { encoding: "utf8", maxBuffer: 1 << 26, env });
  const grab = (key) => Number(new RegExp(`${key}\\s+([0-9.eE+-]+)`).exec(out)[1]);
  return { ms: grab("TIME_MS"), nSupport: grab("NSV"), iterations: grab("ITER") };
}

/** The first radval fit in a fresh Node process (reads the CSV, fits once, prints the fit time). */
function radvalCold(csv, kernel, gamma) {
  const script = `
import { readFileSync } from "node:fs";
import { createRng } from ${JSON.stringify(new URL("../dist/core/rng.js", import.meta.url).href)};
import { radvalSvmEngine } from ${JSON.stringify(new URL("../dist/models/svm/radval/engine.js", import.meta.url).href)};
import { svm } from ${JSON.stringify(new URL("../dist/models/svm/spec.js", import.meta.url).href)};
const lines = readFileSync(${JSON.stringify(csv)}, "utf8").trim().split("\\n").slice(1);
const n = lines.length, p = lines[0].split(",").length - 1;
const data = new Float64Array(n * p), y = new Float64Array(n);
lines.forEach((line, i) => { const v = line.split(",").map(Number); for (let j = 0; j < p; j++) data[j * n + i] = v[j]; y[i] = v[p]; });
const t0 = process.hrtime.bigint();
radvalSvmEngine.fit(svm({ kernel: "${kernel}", gamma: ${gamma}, probability: "none" }, "radval"), { nRows: n, nCols: p, data }, y, { rng: createRng(1) });
console.log("TIME_MS", Number(process.hrtime.bigint() - t0) / 1e6);
`;
  const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8", maxBuffer: 1 << 26 });
  return Number(/TIME_MS\s+([0-9.eE+-]+)/.exec(out)[1]);
}

const fmt = (ms) => (ms === undefined ? "—" : ms < 10 ? `${ms.toFixed(2)} ms` : ms < 10000 ? `${ms.toFixed(0)} ms` : `${(ms / 1000).toFixed(1)} s`);
const ratio = (ms, ref) => (ref === undefined ? "" : `${(ms / ref).toFixed(2)}×`);

export default async function () {
  await loadLibsvm();
  const sklearn = hasSklearn();
  if (!sklearn) console.log("(scikit-learn not found in /usr/bin/python3: reference times skipped)");
  const quick = process.env.SVM_BENCH_QUICK === "1";
  const dir = tempDir();
  const rows = [];
  console.log(`${"problem".padEnd(34)} ${"radval warm".padStart(12)} ${"cold".padStart(9)} ${"libsvm-js".padStart(10)} ${"SVC".padStart(9)}   radval/SVC  libsvm-js/SVC  (target ≤ 1.5)  nSV radval/SVC, iterations radval/SVC`);
  for (const set of [wdbcStandardised(), synthetic()]) {
    const { x, y } = set;
    const big = x.nRows * x.nCols > 100000;
    const csv = join(dir, big ? "synthetic.csv" : "wdbc.csv");
    writeMatrixCsv(csv, x.data, x.nRows, x.nCols, y);
    for (const kernel of ["linear", "rbf"]) {
      if (big && kernel === "linear" && quick) continue;
      const gamma = 1 / x.nCols; // = "scale" on standardised data; given explicitly on both sides
      const repeats = big ? (kernel === "linear" ? 1 : 3) : 15;
      const spec = (engine) => svm({ kernel, gamma, probability: "none" }, engine);
      const fitRadval = () => radvalSvmEngine.fit(spec("radval"), x, y, { rng: createRng(1) });
      const fitLibsvm = () => libsvmEngine.fit(spec("libsvm"), x, y, { rng: createRng(1) });
      if (!big) for (let w = 0; w < 10; w++) (fitRadval(), fitLibsvm()); // let the JIT settle on the small set
      const cold = radvalCold(csv, kernel, gamma);
      let model;
      const radvalMs = timeMs(() => (model = fitRadval()), { repeats, warmup: !big });
      const libsvmMs = timeMs(fitLibsvm, { repeats: big && kernel === "linear" ? 1 : repeats, warmup: !big });
      const sk = sklearn ? sklearnSvc(csv, kernel, gamma, false, repeats) : undefined;
      const info = model.describe().details;
      const name = `${set.name}, ${kernel}`;
      rows.push({ name, radvalMs, cold, libsvmMs, svcMs: sk?.ms });
      console.log(
        `${name.padEnd(34)} ${fmt(radvalMs).padStart(12)} ${fmt(cold).padStart(9)} ${fmt(libsvmMs).padStart(10)} ${fmt(sk?.ms).padStart(9)}   ${ratio(radvalMs, sk?.ms).padStart(10)}  ${ratio(libsvmMs, sk?.ms).padStart(13)}  ${"".padStart(14)}  ${info.nSupportVectors}/${sk?.nSupport ?? "—"}, ${info.iterations}/${sk?.iterations ?? "—"}`,
      );
    }
  }
  // Platt probabilities (5 extra fits) on WDBC against SVC(probability = True) (libsvm's internal 5-fold Platt).
  const w = wdbcStandardised();
  const csv = join(dir, "wdbc.csv");
  for (const kernel of ["linear", "rbf"]) {
    const gamma = 1 / w.x.nCols;
    const fitRadval = () => radvalSvmEngine.fit(svm({ kernel, gamma }, "radval"), w.x, w.y, { rng: createRng(1) });
    const fitLibsvm = () => libsvmEngine.fit(svm({ kernel, gamma }), w.x, w.y, { rng: createRng(1) });
    for (let k = 0; k < 5; k++) (fitRadval(), fitLibsvm());
    const radvalMs = timeMs(fitRadval, { repeats: 15 });
    const libsvmMs = timeMs(fitLibsvm, { repeats: 15 });
    const sk = sklearn ? sklearnSvc(csv, kernel, gamma, true, 15) : undefined;
    const name = `${w.name}, ${kernel}, Platt`;
    rows.push({ name, radvalMs, libsvmMs, svcMs: sk?.ms });
    console.log(`${name.padEnd(34)} ${fmt(radvalMs).padStart(12)} ${"".padStart(9)} ${fmt(libsvmMs).padStart(10)} ${fmt(sk?.ms).padStart(9)}   ${ratio(radvalMs, sk?.ms).padStart(10)}  ${ratio(libsvmMs, sk?.ms).padStart(13)}`);
  }
  if (process.env.SVM_BENCH_JSON) writeFileSync(process.env.SVM_BENCH_JSON, JSON.stringify(rows, null, 2));
}
