import { RadvalError } from "../core/errors.js";
import type { Rng } from "../core/rng.js";
import { classCounts } from "./stratifiedKFold.js";
import { type Resamples, freezeResamples } from "./types.js";

/**
 * Stratified split-sample (random hold-out): a fraction `prop` of each class,
 * rounded, goes to analysis, the rest to assessment (rsample::initial_split
 * with strata). Error when either side would lack a class. O(n).
 */
export function splitSample(y: ArrayLike<number>, prop: number, rng: Rng): Resamples {
  if (!(prop > 0 && prop < 1)) throw new RadvalError("INVALID_ARGUMENT", `the analysis proportion must be in (0, 1), got ${prop}`);
  const [n0, n1] = classCounts(y);
  const analysis: number[] = [];
  const assessment: number[] = [];
  for (const [cls, count] of [
    [0, n0],
    [1, n1],
  ] as const) {
    const rows: number[] = [];
    for (let i = 0; i < y.length; i++) if (y[i] === cls) rows.push(i);
    rng.shuffle(rows);
    const nAnalysis = Math.round(prop * count);
    if (nAnalysis < 1 || nAnalysis >= count) {
      throw new RadvalError("TOO_FEW_EVENTS", `a ${Math.round(prop * 100)}/${Math.round((1 - prop) * 100)} split leaves class ${cls} (${count} rows) absent from one side`, {
        hint: "Use a proportion nearer 0.5, or cross-validation / bootstrap.",
      });
    }
    analysis.push(...rows.slice(0, nAnalysis));
    assessment.push(...rows.slice(nAnalysis));
  }
  const sorted = (rows: number[]) => Int32Array.from(rows).sort();
  return freezeResamples({
    scheme: "split-sample",
    n: y.length,
    splits: [{ id: "Split", analysis: sorted(analysis), assessment: sorted(assessment) }],
    params: { prop },
  });
}
