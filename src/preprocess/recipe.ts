import type { Rng } from "../core/rng.js";
import { fitStep } from "./registry.js";
import type { FeatureFrame, FittedStep, StepLog, StepSpec } from "./types.js";

/** The frame with the rows' context re-attached (steps return plain frames). */
function withContext(frame: FeatureFrame, context: FeatureFrame["context"]): FeatureFrame {
  return context && frame.context !== context ? { ...frame, context } : frame;
}

/** A recipe fitted on analysis rows: its steps, in order, each frozen. */
export interface FittedRecipe {
  readonly steps: readonly FittedStep[];
  /** Feature names the recipe expects as input. */
  readonly inputNames: readonly string[];
  /** Feature names after the last step (what the model sees). */
  readonly outputNames: readonly string[];
  /** Applies every fitted step in order (no refitting). */
  transform(frame: FeatureFrame): FeatureFrame;
  /** The log of every step, for the report. */
  describe(): StepLog[];
}

/**
 * Fits recipe steps in order on `frame` — the analysis rows and nothing else —
 * each step on the output of the previous one, and returns the fitted recipe
 * together with the transformed analysis frame (so it is not recomputed).
 * Each step draws from its own child of `rng`, created up front.
 */
export function fitRecipe(
  steps: readonly StepSpec[],
  frame: FeatureFrame,
  context: { y?: Float64Array; rng: Rng; rows?: Int32Array },
): { recipe: FittedRecipe; frame: FeatureFrame } {
  const streams = context.rng.splitMany(steps.length);
  const fitted: FittedStep[] = [];
  let current = frame;
  steps.forEach((spec, k) => {
    const step = fitStep(spec, current, {
      rng: streams[k]!,
      ...(context.y ? { y: context.y } : {}),
      ...(context.rows ? { rows: context.rows } : {}),
    });
    fitted.push(step);
    current = withContext(step.transform(current), frame.context);
  });
  const inputNames = Object.freeze([...frame.names]);
  const outputNames = Object.freeze([...current.names]);
  const recipe: FittedRecipe = Object.freeze({
    steps: Object.freeze(fitted),
    inputNames,
    outputNames,
    transform(input: FeatureFrame): FeatureFrame {
      let out = input;
      for (const step of fitted) out = withContext(step.transform(out), input.context);
      return out;
    },
    describe: () => fitted.map((step) => step.describe()),
  });
  return { recipe, frame: current };
}
