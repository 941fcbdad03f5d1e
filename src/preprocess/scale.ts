import { RadvalError, type RadvalWarning } from "../core/errors.js";
import type { FeatureFrame, FittedStep, StepFitContext, StepLog, StepSpec } from "./types.js";

/** Spec of the standardisation step: frozen plain data. */
export interface StandardizeSpec extends StepSpec {
  readonly type: "standardize";
  /** Subtract the mean (default true). */
  readonly center: boolean;
  /** Divide by the standard deviation (default true). */
  readonly scale: boolean;
}

/** A fitted standardisation: the learnt means and SDs per input feature. */
export interface FittedStandardize extends FittedStep {
  readonly type: "standardize";
  /** Mean of each feature over the non-missing analysis values (0 when not centring). */
  readonly means: Float64Array;
  /** Divisor of each feature: the SD (ddof 0), or 1 for constant features and when not scaling. */
  readonly scales: Float64Array;
}

/**
 * Standardisation step spec (recipes' `step_normalize`, scikit-learn's
 * `StandardScaler`): z = (x − mean) / SD. O(1).
 */
export function standardize(options: { center?: boolean; scale?: boolean } = {}): StandardizeSpec {
  return Object.freeze({ type: "standardize" as const, center: options.center ?? true, scale: options.scale ?? true });
}

/**
 * Fits {@link standardize} on the frame it is given — the analysis rows only —
 * and returns a frozen step that applies the same means and SDs to any rows.
 * Definitions as scikit-learn's `StandardScaler()`: mean and population SD
 * (ddof = 0) per feature. Missing values (NaN) are ignored in the fit and stay
 * NaN in the transform. A constant feature (SD 0) is centred to 0 and not
 * divided (divisor 1), with a `CONSTANT_FEATURE` warning; a feature with no
 * values gets NaN mean and a warning. Fit O(n p), transform O(n p); the input
 * is never modified.
 */
export function fitStandardize(spec: StandardizeSpec, frame: FeatureFrame, _context?: StepFitContext): FittedStandardize {
  const { nRows: n, nCols: p, data } = frame.x;
  if (frame.names.length !== p) {
    throw new RadvalError("DIMENSION_MISMATCH", `standardize: ${frame.names.length} feature names for ${p} columns`);
  }
  const means = new Float64Array(p);
  const scales = new Float64Array(p).fill(1);
  const warnings: RadvalWarning[] = [];
  const constant: string[] = [];
  for (let j = 0; j < p; j++) {
    const base = j * n;
    let count = 0;
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const v = data[base + i]!;
      if (!Number.isNaN(v)) {
        sum += v;
        count++;
      }
    }
    const name = frame.names[j]!;
    if (count === 0) {
      means[j] = NaN;
      warnings.push({ code: "EMPTY_FEATURE", message: `feature "${name}" has no values in the rows the scaler was fit on; it stays missing`, where: { feature: name } });
      continue;
    }
    const mean = sum / count;
    let ss = 0;
    for (let i = 0; i < n; i++) {
      const v = data[base + i]!;
      if (!Number.isNaN(v)) ss += (v - mean) * (v - mean);
    }
    const sd = Math.sqrt(ss / count);
    means[j] = spec.center ? mean : 0;
    if (spec.scale) {
      if (sd > 0 && Number.isFinite(sd)) scales[j] = sd;
      else constant.push(name);
    }
  }
  for (const name of constant) {
    warnings.push({ code: "CONSTANT_FEATURE", message: `feature "${name}" is constant in the rows the scaler was fit on: centred to 0, not scaled`, where: { feature: name } });
  }
  const inputNames = Object.freeze([...frame.names]);
  const step: FittedStandardize = {
    type: "standardize",
    inputNames,
    outputNames: inputNames,
    means,
    scales,
    warnings: Object.freeze(warnings),
    transform(input: FeatureFrame): FeatureFrame {
      const { nRows, nCols, data: src } = input.x;
      if (nCols !== p || input.names.some((name, j) => name !== inputNames[j])) {
        throw new RadvalError("DIMENSION_MISMATCH", `standardize was fit on ${p} features (${inputNames.slice(0, 5).join(", ")}${p > 5 ? ", …" : ""}) but got ${nCols} (${input.names.slice(0, 5).join(", ")}${nCols > 5 ? ", …" : ""})`, {
          hint: "Transform frames with the same features, in the same order, as the fit.",
        });
      }
      const out = new Float64Array(nRows * nCols);
      for (let j = 0; j < nCols; j++) {
        const base = j * nRows;
        const m = means[j]!;
        const s = scales[j]!;
        for (let i = 0; i < nRows; i++) out[base + i] = (src[base + i]! - m) / s;
      }
      return Object.freeze({ names: inputNames, x: Object.freeze({ nRows, nCols, data: out }) });
    },
    toJSON: () => ({ type: "standardize" as const, names: [...inputNames], center: Array.from(means), scale: Array.from(scales) }),
    describe(): StepLog {
      const byFeature: Record<string, { mean: number; sd: number }> = {};
      inputNames.forEach((name, j) => (byFeature[name] = { mean: means[j]!, sd: scales[j]! }));
      return { type: "standardize", inputFeatures: p, outputFeatures: p, details: { center: spec.center, scale: spec.scale, ddof: 0, constantFeatures: constant, byFeature } };
    },
  };
  return Object.freeze(step);
}
