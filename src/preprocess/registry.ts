import { RadvalError } from "../core/errors.js";
import { closestName } from "../core/suggest.js";
import { type CombatStepSpec, fitCombatStep } from "../harmonize/combatStep.js";
import { type ImputeSpec, fitImpute } from "./impute.js";
import { type RedundancySpec, fitRedundancy } from "./redundancy.js";
import { type ReliabilityFilterSpec, fitReliabilityFilter } from "./reliabilityFilter.js";
import { type StandardizeSpec, fitStandardize } from "./scale.js";
import { type UnivariateFilterSpec, fitUnivariateFilter } from "./univariateFilter.js";
import type { FeatureFrame, FittedStep, StepFitContext, StepSpec } from "./types.js";

type StepFitter = (spec: never, frame: FeatureFrame, context: StepFitContext) => FittedStep;

/** Every recipe step type radval can fit, by `spec.type`. Explicit list (the package has no side-effect registration). */
const STEP_FITTERS: Readonly<Record<string, StepFitter>> = Object.freeze({
  impute: fitImpute as (spec: ImputeSpec, frame: FeatureFrame, context: StepFitContext) => FittedStep,
  reliabilityFilter: fitReliabilityFilter as (spec: ReliabilityFilterSpec, frame: FeatureFrame, context: StepFitContext) => FittedStep,
  redundancy: fitRedundancy as (spec: RedundancySpec, frame: FeatureFrame, context: StepFitContext) => FittedStep,
  standardize: fitStandardize as (spec: StandardizeSpec, frame: FeatureFrame, context: StepFitContext) => FittedStep,
  univariateFilter: fitUnivariateFilter as (spec: UnivariateFilterSpec, frame: FeatureFrame, context: StepFitContext) => FittedStep,
  combat: fitCombatStep as (spec: CombatStepSpec, frame: FeatureFrame, context: StepFitContext) => FittedStep,
});

/** Names of the step types. */
export function stepTypes(): string[] {
  return Object.keys(STEP_FITTERS);
}

/**
 * A user-defined step: its own fit function (for custom selection or
 * transforms, and for tests that record what a step saw). Not plain data, so
 * it runs in the main thread only (not in worker threads).
 */
export interface CustomStepSpec extends StepSpec {
  readonly type: "custom";
  readonly name: string;
  readonly fit: (frame: FeatureFrame, context: StepFitContext) => FittedStep;
}

/** A custom step spec from a fit function. */
export function customStep(name: string, fit: CustomStepSpec["fit"]): CustomStepSpec {
  return Object.freeze({ type: "custom", name, fit });
}

/** True when a spec carries its own fit function. */
export function isCustomStep(spec: StepSpec): spec is CustomStepSpec {
  return spec.type === "custom" && typeof (spec as { fit?: unknown }).fit === "function";
}

/**
 * Fits one recipe step on `frame` (the analysis rows only) and returns the
 * frozen fitted step. Unknown types are an error with a did-you-mean hint.
 */
export function fitStep(spec: StepSpec, frame: FeatureFrame, context: StepFitContext): FittedStep {
  if (isCustomStep(spec)) return spec.fit(frame, context);
  const fitter = STEP_FITTERS[spec.type];
  if (!fitter) {
    const guess = closestName(spec.type, stepTypes());
    throw new RadvalError("UNKNOWN_STEP", `there is no recipe step "${spec.type}"`, {
      hint: `${guess ? `Did you mean "${guess}"? ` : ""}Steps: ${stepTypes().join(", ")}.`,
    });
  }
  return (fitter as (spec: StepSpec, frame: FeatureFrame, context: StepFitContext) => FittedStep)(spec, frame, context);
}
