import { RadvalError } from "../../core/errors.js";
import type { ColumnMatrix } from "../../core/matrix.js";
import { serializeFit } from "../serialize.js";
import type { FittedModel, ModelDescription, ModelSpec, SerializedModel } from "../types.js";
import { type IsotonicCalibrator, fitIsotonic, isotonicFromJSON } from "./isotonic.js";
import { type PlattCalibrator, fitPlatt, plattFromJSON } from "./platt.js";

/** Calibration methods of {@link calibrateModel}. */
export type CalibrationMethod = "platt" | "isotonic";

/** State schema of saved calibrated models. */
export const CALIBRATED_SCHEMA = 1;

const EPS = 1e-15;

/**
 * The score a calibrator reads: the model's own score (`predictScore`:
 * decision value or linear predictor) when it has one, else the logit of its
 * probability (clipped to [1e-15, 1 − 1e-15]), so Platt scaling of a
 * probability model is logistic recalibration (Cox 1958) of its logit.
 */
export function calibrationScore(model: FittedModel, x: ColumnMatrix): Float64Array {
  if (model.predictScore) return model.predictScore(x);
  const p = model.predictProba(x);
  const out = new Float64Array(p.length);
  for (let i = 0; i < p.length; i++) {
    const q = Math.min(Math.max(p[i]!, EPS), 1 - EPS);
    out[i] = Math.log(q / (1 - q));
  }
  return out;
}

function wrap(base: FittedModel, calibrator: PlattCalibrator | IsotonicCalibrator, nCalibration: number): FittedModel {
  const spec: ModelSpec = Object.freeze({ model: "calibrated", engine: calibrator.method, params: Object.freeze({ method: calibrator.method }) });
  const model: FittedModel = {
    spec,
    nFeatures: base.nFeatures,
    featureNames: base.featureNames,
    warnings: base.warnings,
    predictProba: (x) => calibrator.apply(calibrationScore(base, x)),
    ...(base.predictScore ? { predictScore: (x: ColumnMatrix) => base.predictScore!(x) } : {}),
    describe(): ModelDescription {
      const inner = base.describe();
      return {
        ...inner,
        details: {
          ...(inner.details ?? {}),
          calibration: {
            method: calibrator.method,
            nCalibrationRows: nCalibration,
            score: base.predictScore ? "the model's predictScore" : "logit of the model's probability",
            ...(calibrator.method === "platt" ? { formula: "P(1) = 1 / (1 + exp(a s + b))", a: calibrator.a, b: calibrator.b } : { points: calibrator.thresholdsX.length }),
          },
        },
      };
    },
    toJSON(): SerializedModel {
      return serializeFit(spec, base.featureNames, CALIBRATED_SCHEMA, { base: base.toJSON(), calibrator: calibrator.toJSON(), nCalibration });
    },
  };
  return Object.freeze(model);
}

/**
 * Probability calibration as a post-fit step (scikit-learn's
 * `CalibratedClassifierCV(cv = "prefit")`): a fitted model plus held-out rows
 * x, y (never the rows it was trained on) give a new frozen model whose
 * `predictProba` maps the model's score through Platt's sigmoid
 * ({@link fitPlatt}) or an isotonic step function ({@link fitIsotonic}). The
 * base model is not changed. O(n) model predictions + the calibrator's fit.
 */
export function calibrateModel(model: FittedModel, x: ColumnMatrix, y: Float64Array, options: { method?: CalibrationMethod; weights?: Float64Array } = {}): FittedModel {
  const method = options.method ?? "platt";
  if (method !== "platt" && method !== "isotonic") {
    throw new RadvalError("INVALID_ARGUMENT", `calibration method must be "platt" or "isotonic", got "${String(method)}"`, { hint: 'Use method: "platt" or "isotonic".' });
  }
  const scores = calibrationScore(model, x);
  const calibrator = method === "platt" ? fitPlatt(scores, y, options.weights ? { weights: options.weights } : {}) : fitIsotonic(scores, y, options.weights ? { weights: options.weights } : {});
  return wrap(model, calibrator, y.length);
}

/** Restores a calibrated model; `restoreBase` restores the wrapped model (the registry's restoreModel). */
export function restoreCalibrated(serialized: SerializedModel, restoreBase: (base: SerializedModel) => FittedModel): FittedModel {
  if (serialized.schema !== CALIBRATED_SCHEMA) {
    throw new RadvalError("INCOMPATIBLE_MODEL", `the calibrated model was saved by radval ${serialized.radvalVersion} in schema ${serialized.schema}; this radval reads schema ${CALIBRATED_SCHEMA}`, {
      hint: "Refit and recalibrate the model with this radval version.",
    });
  }
  const state = serialized.state as { base: SerializedModel; calibrator: { method: string; a: number; b: number; x: number[]; y: number[] }; nCalibration: number };
  const base = restoreBase(state.base);
  const c = state.calibrator;
  const calibrator = c?.method === "platt" ? plattFromJSON(c) : c?.method === "isotonic" ? isotonicFromJSON(c) : undefined;
  if (!calibrator) throw new RadvalError("INCOMPATIBLE_MODEL", "saved calibrated model has no calibrator", { hint: "Save the model again with toJSON()." });
  return wrap(base, calibrator, state.nCalibration);
}
