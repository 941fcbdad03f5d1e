import { readFileSync } from "node:fs";
import type { ColumnMatrix } from "../../../src/core/matrix.js";
import { readFeatureTable } from "../../../src/io/readTable.js";
import type { ElasticNetPath } from "../../../src/models/elasticnet/types.js";
import { fixturePath } from "../../helpers.js";

/** WDBC (examples/wdbc.csv = /work/shared/data/wdbc.csv): 569 × 30, y = malignant. */
export function wdbc(): { x: ColumnMatrix; y: Float64Array; names: readonly string[] } {
  const data = readFeatureTable(new URL("../../../examples/wdbc.csv", import.meta.url).pathname, { outcome: "malignant" });
  return { x: data.x, y: data.outcome!.values, names: data.featureNames };
}

/** A JSON fixture from test/fixtures. */
export function fixture<T = any>(name: string): T {
  return JSON.parse(readFileSync(fixturePath(name), "utf8")) as T;
}

/** Population (1/n) SD of each column. */
export function columnSds(x: ColumnMatrix): number[] {
  const { nRows: n, nCols: p, data } = x;
  return Array.from({ length: p }, (_, j) => {
    let m = 0;
    for (let i = 0; i < n; i++) m += data[j * n + i]!;
    m /= n;
    let s = 0;
    for (let i = 0; i < n; i++) s += (data[j * n + i]! - m) ** 2;
    return Math.sqrt(s / n);
  });
}

/** Population mean of each column. */
export function columnMeans(x: ColumnMatrix): number[] {
  const { nRows: n, nCols: p, data } = x;
  return Array.from({ length: p }, (_, j) => {
    let m = 0;
    for (let i = 0; i < n; i++) m += data[j * n + i]!;
    return m / n;
  });
}

/** What a glmnet path fixture holds. */
export interface RPath {
  lambda: number[];
  a0: number[];
  beta: number[][];
  dev_ratio: number[];
  df: number[];
  npasses: number;
  nulldev: number;
}

/**
 * Largest differences between our path and R's, on the standardised scale:
 * β_j·sd_j and the standardised intercept a0 + Σ β_j·mean_j (the intercept of
 * the model on centred features), both absolute; λ relative; dev.ratio
 * absolute; df absolute. `sds` / `means` weight the features (unit weights).
 */
export function pathDifferences(ours: ElasticNetPath, r: RPath, sds: readonly number[], means: readonly number[]) {
  const L = Math.min(ours.lambda.length, r.lambda.length);
  let lambda = 0;
  let beta = 0;
  let a0 = 0;
  let devRatio = 0;
  let df = 0;
  for (let l = 0; l < L; l++) {
    lambda = Math.max(lambda, Math.abs(ours.lambda[l]! - r.lambda[l]!) / r.lambda[l]!);
    devRatio = Math.max(devRatio, Math.abs(ours.devRatio[l]! - r.dev_ratio[l]!));
    df = Math.max(df, Math.abs(ours.df[l]! - r.df[l]!));
    let a0Ours = ours.a0[l]!;
    let a0R = r.a0[l]!;
    for (let j = 0; j < sds.length; j++) {
      beta = Math.max(beta, Math.abs(ours.beta[j]![l]! - r.beta[j]![l]!) * sds[j]!);
      a0Ours += ours.beta[j]![l]! * means[j]!;
      a0R += r.beta[j]![l]! * means[j]!;
    }
    a0 = Math.max(a0, Math.abs(a0Ours - a0R));
  }
  return { lambda, beta, a0, devRatio, df, lengthOurs: ours.lambda.length, lengthR: r.lambda.length };
}
