import { RadvalError, type RadvalWarning } from "../core/errors.js";
import { aucMannWhitney } from "../metrics/auc.js";
import { selectByName } from "./frame.js";
import type { FeatureFrame, FittedStep, StepFitContext, StepLog, StepSpec } from "./types.js";

/** Univariate feature selection: keep the `top` features with the largest |AUC − ½| on the analysis rows. */
export interface UnivariateFilterSpec extends StepSpec {
  readonly type: "univariateFilter";
  readonly top: number;
}

/** A univariate-filter step spec (a common radiomics pre-selection; must be refit inside every split). */
export function univariateFilter(options: { top: number }): UnivariateFilterSpec {
  if (!Number.isInteger(options.top) || options.top < 1) {
    throw new RadvalError("INVALID_ARGUMENT", `univariate filter: top must be a whole number ≥ 1, got ${options.top}`, { where: { key: "top" } });
  }
  return Object.freeze({ type: "univariateFilter", top: options.top });
}

/**
 * Fits the univariate filter on the frame it is given (the analysis rows and
 * their outcome only): each feature's AUC against the outcome (Mann–Whitney,
 * direction-free |AUC − ½|), ties broken by feature order; keeps the `top`
 * best. This is exactly the selection that leaks when done once on all data
 * before cross-validation (Ambroise & McLachlan 2002, PNAS 99:6562): inside
 * radval it is refit in every split. Needs `context.y`; NaN values are an
 * error (impute first). O(p n log n).
 */
export function fitUnivariateFilter(spec: UnivariateFilterSpec, frame: FeatureFrame, context: StepFitContext): FittedStep {
  const y = context.y;
  if (!y) throw new RadvalError("MISSING_ROLE", "the univariate filter needs the outcome of the analysis rows", { hint: "It runs inside a workflow, which passes the outcome." });
  const { nRows: n, nCols: p } = frame.x;
  const score = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    const column = frame.x.data.subarray(j * n, (j + 1) * n);
    for (let i = 0; i < n; i++) {
      if (Number.isNaN(column[i]!)) {
        throw new RadvalError("MISSING_VALUES", `feature "${frame.names[j]}" has missing values`, { where: { feature: frame.names[j]! }, hint: "Put an impute step before the univariate filter." });
      }
    }
    score[j] = Math.abs(aucMannWhitney(y, column) - 0.5);
  }
  const order = Array.from({ length: p }, (_, j) => j).sort((a, b) => score[b]! - score[a]! || a - b);
  const keep = order.slice(0, Math.min(spec.top, p)).sort((a, b) => a - b);
  const outputNames = Object.freeze(keep.map((j) => frame.names[j]!));
  const inputNames = Object.freeze([...frame.names]);
  const warnings: RadvalWarning[] = spec.top > p ? [{ code: "FEWER_FEATURES", message: `univariate filter: top ${spec.top} asked for, only ${p} features available` }] : [];
  const log: StepLog = Object.freeze({
    type: "univariateFilter",
    inputFeatures: p,
    outputFeatures: keep.length,
    details: Object.freeze({ top: spec.top, kept: outputNames, auc: Object.freeze(Object.fromEntries(keep.map((j) => [frame.names[j]!, 0.5 + score[j]!]))) }),
  });
  return Object.freeze({
    type: "univariateFilter",
    inputNames,
    outputNames,
    warnings: Object.freeze(warnings),
    describe: () => log,
    toJSON: () => ({ type: "select" as const, step: "univariateFilter", keep: [...outputNames] }),
    transform(input: FeatureFrame): FeatureFrame {
      const x = selectByName(input, outputNames);
      return { names: outputNames, x };
    },
  });
}
