import { RadvalError } from "../core/errors.js";
import { applySerializedCombat } from "../harmonize/combatStep.js";
import { selectByName } from "./frame.js";
import type { FeatureFrame, FittedStep, SerializedStep } from "./types.js";

/** The serialised form of a fitted step; a clear error for a custom step that has no `toJSON`. */
export function serializeStep(step: FittedStep): SerializedStep {
  if (!step.toJSON) {
    throw new RadvalError("NOT_EXPORTABLE", `the recipe step "${step.type}" cannot be written to model.json (it has no toJSON)`, {
      hint: "Give the custom step a toJSON() returning a select, impute or standardize form.",
    });
  }
  return step.toJSON();
}

/**
 * Applies one serialised step to a frame, with the same arithmetic as the
 * fitted step it came from (so a restored recipe reproduces the fitted one
 * bit for bit): selection by name; NaN replaced by the stored fill value;
 * z = (x − center) / scale. O(n p).
 */
export function applySerializedStep(step: SerializedStep, frame: FeatureFrame): FeatureFrame {
  const out = applyStep(step, frame);
  return frame.context ? { ...out, context: frame.context } : out; // later steps (ComBat) read the rows' site and covariates
}

function applyStep(step: SerializedStep, frame: FeatureFrame): FeatureFrame {
  switch (step.type) {
    case "select":
      return { names: step.keep, x: selectByName(frame, step.keep) };
    case "impute": {
      const x = selectByName(frame, step.names);
      const out = new Float64Array(x.data);
      const n = x.nRows;
      step.values.forEach((fill, j) => {
        for (let i = j * n; i < (j + 1) * n; i++) if (Number.isNaN(out[i]!)) out[i] = fill;
      });
      return { names: step.names, x: { nRows: n, nCols: step.names.length, data: out } };
    }
    case "standardize": {
      const x = selectByName(frame, step.names);
      const n = x.nRows;
      const out = new Float64Array(n * step.names.length);
      for (let j = 0; j < step.names.length; j++) {
        const m = step.center[j]!;
        const s = step.scale[j]!;
        for (let i = j * n; i < (j + 1) * n; i++) out[i] = (x.data[i]! - m) / s;
      }
      return { names: step.names, x: { nRows: n, nCols: step.names.length, data: out } };
    }
    case "combat":
      return applySerializedCombat(step as Parameters<typeof applySerializedCombat>[0], frame, selectByName(frame, step.names));
    default:
      throw new RadvalError("INCOMPATIBLE_MODEL", `model.json holds a recipe step of unknown type "${(step as { type?: unknown }).type}"`, {
        hint: "Use the radval version that wrote the file, or refit the study.",
      });
  }
}

/** One model input expressed in a raw feature: value = a · raw + b (for non-missing raw values). */
export interface AffineInput {
  readonly raw: string;
  readonly a: number;
  readonly b: number;
}

/**
 * Follows the raw features through a serialised recipe made of selections,
 * imputation and standardisation, and returns each output feature as an
 * affine function of one raw feature (imputation changes nothing for
 * observed values). Null when a step is not of these forms. O(p · steps).
 */
export function affineInputs(inputNames: readonly string[], steps: readonly SerializedStep[]): Map<string, AffineInput> | null {
  let current = new Map<string, AffineInput>(inputNames.map((name) => [name, { raw: name, a: 1, b: 0 }]));
  for (const step of steps) {
    const next = new Map<string, AffineInput>();
    if (step.type === "combat") return null; // per-site location and scale: not one affine map per feature
    const names = step.type === "select" ? step.keep : step.names;
    for (let j = 0; j < names.length; j++) {
      const prior = current.get(names[j]!);
      if (!prior) return null;
      if (step.type === "standardize") {
        const s = step.scale[j]!;
        next.set(names[j]!, { raw: prior.raw, a: prior.a / s, b: (prior.b - step.center[j]!) / s });
      } else next.set(names[j]!, prior);
    }
    if (step.type !== "select" && step.type !== "impute" && step.type !== "standardize") return null;
    current = next;
  }
  return current;
}
