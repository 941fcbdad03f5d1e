import { RadvalError, type RadvalWarning } from "../core/errors.js";
import { selectByName } from "./frame.js";
import type { FeatureFrame, FittedStep, StepFitContext, StepLog, StepSpec } from "./types.js";

/** Missing-value imputation: each feature's NaNs replaced by its median or mean on the analysis rows. */
export interface ImputeSpec extends StepSpec {
  readonly type: "impute";
  /** "median" (default, robust for skewed radiomics features) or "mean". */
  readonly method: "median" | "mean";
}

/** An imputation step spec (recipes::step_impute_median / step_impute_mean; scikit-learn SimpleImputer). */
export function impute(options: { method?: "median" | "mean" } = {}): ImputeSpec {
  return Object.freeze({ type: "impute", method: options.method ?? "median" });
}

function median(values: number[]): number {
  values.sort((a, b) => a - b);
  const m = values.length >> 1;
  return values.length % 2 ? values[m]! : (values[m - 1]! + values[m]!) / 2;
}

/**
 * Fits the imputation on the frame it is given (the analysis rows only):
 * learns one fill value per feature from its non-missing values. A feature
 * with no observed value is an error naming it. Transform replaces NaN by the
 * learnt value and copies the rest. O(n p log n).
 */
export function fitImpute(spec: ImputeSpec, frame: FeatureFrame, _context: StepFitContext): FittedStep {
  const { nRows: n, nCols: p, data } = frame.x;
  const fill = new Float64Array(p);
  const missingCounts: Record<string, number> = {};
  const warnings: RadvalWarning[] = [];
  for (let j = 0; j < p; j++) {
    const present: number[] = [];
    for (let i = 0; i < n; i++) {
      const v = data[j * n + i]!;
      if (!Number.isNaN(v)) present.push(v);
    }
    if (present.length === 0) {
      throw new RadvalError("ALL_MISSING", `feature "${frame.names[j]}" has no observed value in the analysis rows, so it cannot be imputed`, {
        where: { feature: frame.names[j]! },
        hint: "Exclude the feature (--exclude), or check the data.",
      });
    }
    if (present.length < n) missingCounts[frame.names[j]!] = n - present.length;
    fill[j] = spec.method === "mean" ? present.reduce((a, b) => a + b, 0) / present.length : median(present);
  }
  const names = Object.freeze([...frame.names]);
  const log: StepLog = Object.freeze({
    type: "impute",
    inputFeatures: p,
    outputFeatures: p,
    details: Object.freeze({ method: spec.method, imputedFeatures: Object.keys(missingCounts).length, missingInAnalysisRows: missingCounts }),
  });
  return Object.freeze({
    type: "impute",
    inputNames: names,
    outputNames: names,
    warnings: Object.freeze(warnings),
    describe: () => log,
    toJSON: () => ({ type: "impute" as const, method: spec.method, names: [...names], values: Array.from(fill) }),
    transform(input: FeatureFrame): FeatureFrame {
      const x = selectByName(input, names);
      const rows = x.nRows;
      const out = new Float64Array(x.data);
      for (let j = 0; j < p; j++) {
        const offset = j * rows;
        for (let i = 0; i < rows; i++) if (Number.isNaN(out[offset + i]!)) out[offset + i] = fill[j]!;
      }
      return { names, x: { nRows: rows, nCols: p, data: out } };
    },
  });
}
