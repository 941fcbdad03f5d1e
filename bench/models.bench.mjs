// Random forest (500 trees) fits on WDBC (569 × 30) and on a synthetic n = 2,000 × p = 500 set, against
// scikit-learn's RandomForestClassifier(n_jobs = 1) run on the same data in the same run, and ml-random-forest
// (a few trees, extrapolated: it is ~100× slower). Times are fit times only (data already in memory on both
// sides), median of the runs stated. SVM times (radval's solver, libsvm-js and SVC) are in svm.bench.mjs.
// Target (issue 5): radval forest ≤ 2× scikit-learn single-thread.
import { join } from "node:path";
import { createRng } from "../dist/core/rng.js";
import { forestEngine } from "../dist/models/forest/forestEngine.js";
import { mlRandomForestEngine } from "../dist/models/forest/mlRandomForestEngine.js";
import { randomForest } from "../dist/models/forest/spec.js";
import { synthetic, wdbcStandardised } from "./datasets.mjs";
import { hasSklearn, report, runPythonTimed, tempDir, timeMs, writeMatrixCsv } from "./lib.mjs";

/** Python source that loads the CSV and times `fit_expr` (repeats, median). */
function pythonFit(csv, setup, fitExpr, repeats) {
  return `
import time, numpy as np
${setup}
d = np.loadtxt(${JSON.stringify(csv)}, delimiter=",", skiprows=1)
X, y = d[:, :-1], d[:, -1].astype(int)
times = []
for r in range(${repeats}):
    t0 = time.perf_counter()
    ${fitExpr}
    times.append((time.perf_counter() - t0) * 1000)
times.sort()
print("TIME_MS", times[len(times) // 2])
`;
}

export default async function () {
  const sklearn = hasSklearn();
  if (!sklearn) console.log("(scikit-learn not found in /usr/bin/python3: reference times skipped)");
  const dir = tempDir();
  for (const set of [wdbcStandardised(), synthetic()]) {
    const { x, y } = set;
    const big = x.nRows * x.nCols > 100000;
    const csv = join(dir, big ? "synthetic.csv" : "wdbc.csv");
    writeMatrixCsv(csv, x.data, x.nRows, x.nCols, y);

    // Random forest, 500 trees.
    const rfMs = timeMs(() => forestEngine.fit(randomForest({ trees: 500 }), x, y, { rng: createRng(1) }), { repeats: big ? 1 : 5, warmup: !big });
    const skRf = sklearn
      ? runPythonTimed(pythonFit(csv, "from sklearn.ensemble import RandomForestClassifier", "RandomForestClassifier(n_estimators=500, n_jobs=1, random_state=0).fit(X, y)", big ? 1 : 5))
      : undefined;
    report(`random forest 500 trees, ${set.name}`, rfMs, "sklearn", skRf, "≤ 2");
    const mlTrees = big ? 2 : 20;
    const mlMs = timeMs(() => mlRandomForestEngine.fit(randomForest({ trees: mlTrees }, "ml-random-forest"), x, y, { rng: createRng(1) }), { repeats: 1, warmup: false });
    report(`ml-random-forest 500 trees (${mlTrees} timed ×${500 / mlTrees}), ${set.name}`, (mlMs * 500) / mlTrees, "sklearn", skRf);
  }
}
