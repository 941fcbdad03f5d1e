// Prints the leakage-canary table for docs/leakage.md (run after `npm run build`):
// pure-noise features (n = 100, p = 5,000, outcome independent of X); a top-10 univariate filter + logistic
// regression, cross-validated (5 × repeated stratified 5-fold CV, mean of the repeats' pooled out-of-fold AUC)
// (a) with the filter refit inside every fold (radval's workflow) and (b) with the filter fit once on all rows
// before cross-validation (the common mistake). Same seeds as test/validate/leakageCanary.test.ts.
import { allRows } from "../dist/core/matrix.js";
import { createRng } from "../dist/core/rng.js";
import { aucMannWhitney } from "../dist/metrics/auc.js";
import { logistic } from "../dist/models/logistic/spec.js";
import { frameOfRows } from "../dist/preprocess/frame.js";
import { standardize } from "../dist/preprocess/scale.js";
import { fitUnivariateFilter, univariateFilter } from "../dist/preprocess/univariateFilter.js";
import { repeatedStratifiedKFold } from "../dist/resample/repeatedStratifiedKFold.js";
import { poolByRepeat, resampleWorkflows } from "../dist/validate/crossValidation.js";
import { workflow } from "../dist/validate/workflow.js";
import { freezeDataset } from "../dist/core/dataset.js";

const N = 100;
const P = 5000;

function dataset(x, p, y) {
  return freezeDataset({
    source: "noise", ids: Array.from({ length: N }, (_, i) => String(i + 1)), idColumn: "id",
    featureNames: Array.from({ length: p }, (_, j) => `f${j + 1}`), x: { nRows: N, nCols: p, data: x },
    outcome: { name: "y", values: y, positiveLabel: "1", negativeLabel: "0" },
    site: undefined, group: undefined, date: undefined, time: undefined, event: undefined, textColumns: [], lineOfRow: undefined, warnings: [],
  });
}

async function cvAuc(seed, selectFirst) {
  const rng = createRng(seed);
  const noise = rng.split();
  const x = new Float64Array(N * P);
  for (let k = 0; k < x.length; k++) x[k] = noise.normal();
  const y = new Float64Array(N);
  const order = noise.permutation(N);
  for (let i = 0; i < N / 2; i++) y[order[i]] = 1;
  let data = dataset(x, P, y);
  let steps = [univariateFilter({ top: 10 }), standardize()];
  if (selectFirst) {
    const fitted = fitUnivariateFilter(univariateFilter({ top: 10 }), frameOfRows(data, allRows(N)), { y, rng: rng.split() });
    const kept = fitted.transform(frameOfRows(data, allRows(N)));
    data = dataset(new Float64Array(kept.x.data), kept.names.length, y);
    steps = [standardize()];
  }
  const spec = workflow({ id: "w", label: "w", steps, model: logistic() });
  const folds = repeatedStratifiedKFold(y, 5, 5, rng.split());
  const [result] = await resampleWorkflows({ data, workflows: [spec] }, folds, rng.split());
  const aucs = poolByRepeat(result, 5, y).map((p) => aucMannWhitney(p.y, p.prob));
  return aucs.reduce((a, b) => a + b, 0) / aucs.length;
}

console.log("| seed | selection inside every fold (radval) | selection once, before CV (the mistake) |");
console.log("|---:|---:|---:|");
for (let seed = 1; seed <= 5; seed++) {
  console.log(`| ${seed} | ${(await cvAuc(seed, false)).toFixed(3)} | ${(await cvAuc(seed, true)).toFixed(3)} |`);
}
