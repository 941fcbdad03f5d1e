// Data sets shared by the benches (models, svm, glmnet and its memory child).
import { loadExample } from "../dist/io/examples.js";
import { fitStandardize, standardize } from "../dist/preprocess/scale.js";
import { benchRandom } from "./lib.mjs";

/** WDBC (569 × 30) standardised on all rows. */
export function wdbcStandardised() {
  const data = loadExample("wdbc");
  const names = data.featureNames;
  const x = fitStandardize(standardize(), { names, x: data.x }).transform({ names, x: data.x }).x;
  return { name: "WDBC 569 × 30", x, y: data.outcome.values };
}

/** A synthetic n × p standard-normal design; y = 1(0.5 Σ_{j<10} x_j + noise > 0). Seed fixed. */
export function synthetic(n = 2000, p = 500) {
  const rand = benchRandom(20261127);
  const data = new Float64Array(n * p);
  for (let i = 0; i < n * p; i++) data[i] = rand.normal();
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = rand.normal();
    for (let j = 0; j < 10; j++) s += 0.5 * data[j * n + i];
    y[i] = s > 0 ? 1 : 0;
  }
  return { name: `synthetic ${n.toLocaleString("en")} × ${p}`, x: { nRows: n, nCols: p, data }, y };
}

/** An n × p standard-normal design; y from a logistic model with 20 true features (coefficients +-0.8). */
export function syntheticLogistic(n, p, seed) {
  const rand = benchRandom(seed);
  const x = new Float64Array(n * p);
  for (let k = 0; k < x.length; k++) x[k] = rand.normal();
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let eta = -0.5;
    for (let j = 0; j < 20; j++) eta += (j % 2 ? -0.8 : 0.8) * x[j * n + i];
    y[i] = rand.uniform() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
  }
  return { x: { nRows: n, nCols: p, data: x }, y };
}
