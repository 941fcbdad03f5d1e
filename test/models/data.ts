// Shared test data for the model tests: WDBC (examples/wdbc.csv = shared/data/wdbc.csv)
// raw and standardised on all rows (scikit-learn's StandardScaler, ddof 0), and fixture readers.
import { readFileSync } from "node:fs";
import { type ColumnMatrix, gatherRows, gatherVector } from "../../src/core/matrix.js";
import { loadExample } from "../../src/io/examples.js";
import { fitStandardize, standardize } from "../../src/preprocess/scale.js";

export interface Wdbc {
  readonly names: readonly string[];
  /** Raw features, 569 × 30, column-major. */
  readonly x: ColumnMatrix;
  /** Standardised on all rows (ddof 0). */
  readonly xs: ColumnMatrix;
  readonly y: Float64Array;
}

let cached: Wdbc | undefined;

/** WDBC with `malignant` as the outcome (212 events). */
export function wdbc(): Wdbc {
  if (cached) return cached;
  const data = loadExample("wdbc");
  const names = data.featureNames;
  const xs = fitStandardize(standardize(), { names, x: data.x }).transform({ names, x: data.x }).x;
  cached = { names, x: data.x, xs, y: data.outcome!.values };
  return cached;
}

/** A smaller WDBC problem for fast tests: every `step`-th row and the first `p` features. */
export function wdbcSmall(step = 4, p = 6): Wdbc {
  const d = wdbc();
  const rows = Int32Array.from({ length: Math.ceil(d.x.nRows / step) }, (_, k) => k * step);
  const cols = Int32Array.from({ length: p }, (_, j) => j);
  return { names: d.names.slice(0, p), x: gatherRows(d.x, rows, cols), xs: gatherRows(d.xs, rows, cols), y: gatherVector(d.y, rows) };
}

/** A JSON fixture from test/fixtures. */
export function readFixture<T = any>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), "utf8")) as T;
}

/** Largest |a_i − b_i|. */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

/** Largest |a_i − b_i| / max(|b_i|, floor). */
export function maxRelDiff(a: ArrayLike<number>, b: ArrayLike<number>, floor = 1e-3): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!) / Math.max(Math.abs(b[i]!), floor));
  return m;
}
