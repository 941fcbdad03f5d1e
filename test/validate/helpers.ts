import { type Dataset, freezeDataset } from "../../src/core/dataset.js";
import type { Rng } from "../../src/core/rng.js";

/** A dataset built in memory (column-major x, 0/1 outcome), optional site labels. */
export function syntheticDataset(x: Float64Array, n: number, p: number, y: Float64Array, site?: string[]): Dataset {
  return freezeDataset({
    source: "synthetic",
    ids: Array.from({ length: n }, (_, i) => String(i + 1)),
    idColumn: "id",
    featureNames: Array.from({ length: p }, (_, j) => `f${j + 1}`),
    x: { nRows: n, nCols: p, data: x },
    outcome: { name: "y", values: y, positiveLabel: "1", negativeLabel: "0" },
    site: site ? { name: "site", values: site, levels: [...new Set(site)] } : undefined,
    group: undefined,
    date: undefined,
    time: undefined,
    event: undefined,
    textColumns: [],
    lineOfRow: undefined,
    warnings: [],
  });
}

/** Pure noise: n × p standard normal features and a balanced outcome independent of them. */
export function noiseDataset(n: number, p: number, rng: Rng): Dataset {
  const x = new Float64Array(n * p);
  for (let k = 0; k < x.length; k++) x[k] = rng.normal();
  const y = new Float64Array(n);
  const order = rng.permutation(n);
  for (let i = 0; i < n / 2; i++) y[order[i]!] = 1;
  return syntheticDataset(x, n, p, y);
}

/** Features with signal: logit P(y = 1) = Σ_{j < k} β x_j, for tests that need a learnable outcome. */
export function signalDataset(n: number, p: number, k: number, beta: number, rng: Rng, site?: string[]): Dataset {
  const x = new Float64Array(n * p);
  for (let i = 0; i < x.length; i++) x[i] = rng.normal();
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let eta = 0;
    for (let j = 0; j < k; j++) eta += beta * x[j * n + i]!;
    y[i] = rng.uniform() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
  }
  return syntheticDataset(x, n, p, y, site);
}
