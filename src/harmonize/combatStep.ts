import { RadvalError, type RadvalWarning, isRadvalError } from "../core/errors.js";
import type { FeatureFrame, FittedStep, RowContext, StepFitContext, StepLog, StepSpec } from "../preprocess/types.js";
import { type CombatFit, type UnseenBatchPolicy, applyCombat, fitCombat } from "./combat.js";
import type { CombatCovariate } from "./design.js";

/** A covariate of the ComBat step: a column name, optionally with its kind (default: numeric when every value is a number). */
export interface CombatCovariateSpec {
  readonly name: string;
  readonly kind?: "numeric" | "categorical";
}

/** Spec of the ComBat recipe step: frozen plain data. */
export interface CombatStepSpec extends StepSpec {
  readonly type: "combat";
  /** The batch column (default: the dataset's site column). */
  readonly batch: string | null;
  /** Biological covariates preserved by ComBat; each must be known for new patients (never the outcome). */
  readonly covariates: readonly CombatCovariateSpec[];
  /** Rows from a site the fit never saw: required, no default (see {@link applyCombat}). */
  readonly unseen: UnseenBatchPolicy;
  readonly eb: boolean;
  readonly parametric: boolean;
  readonly meanOnly: boolean;
  readonly refBatch: string | null;
}

const POLICIES: readonly UnseenBatchPolicy[] = ["refuse", "reference", "self"];

/**
 * ComBat harmonisation as a recipe step (Johnson et al. 2007; Fortin et al.
 * 2018): fit on the analysis rows only, applied to any rows with the frozen
 * estimates. `unseen` is required — what happens to rows from a site the fit
 * never saw (external validation, leave-one-site-out): "refuse", "reference"
 * (left as they are, as the reference site; needs `refBatch`) or "self"
 * (that site's batch effects estimated from its own features, a transductive
 * step). Covariates must be available for new patients: naming the outcome is
 * an error (`OUTCOME_LEAK`). Validates the options; O(1).
 */
export function combatStep(options: {
  batch?: string;
  covariates?: readonly (string | CombatCovariateSpec)[];
  unseen: UnseenBatchPolicy;
  eb?: boolean;
  parametric?: boolean;
  meanOnly?: boolean;
  refBatch?: string;
}): CombatStepSpec {
  if (!POLICIES.includes(options.unseen)) {
    throw new RadvalError("INVALID_OPTION", `combat: unseen must be one of ${POLICIES.join(", ")}${options.unseen === undefined ? " (there is no default: say what happens to rows from a site the fit never saw)" : `, got "${String(options.unseen)}"`}`, {
      where: { key: "unseen" },
      hint: '"refuse" stops with an error, "reference" leaves them as they are (needs refBatch), "self" estimates their site effects from their own features (transductive).',
    });
  }
  if (options.unseen === "reference" && options.refBatch === undefined) {
    throw new RadvalError("INVALID_OPTION", 'combat: unseen "reference" needs a reference batch (refBatch)', { where: { key: "unseen" }, hint: 'Name the reference site with refBatch, or use unseen "self" or "refuse".' });
  }
  return Object.freeze({
    type: "combat" as const,
    batch: options.batch ?? null,
    covariates: Object.freeze((options.covariates ?? []).map((c) => Object.freeze(typeof c === "string" ? { name: c } : { ...c }))),
    unseen: options.unseen,
    eb: options.eb ?? true,
    parametric: options.parametric ?? true,
    meanOnly: options.meanOnly ?? false,
    refBatch: options.refBatch ?? null,
  });
}

/** A fitted ComBat step: the frozen ComBat fit and which features it harmonises. */
export interface FittedCombatStep extends FittedStep {
  readonly type: "combat";
  readonly spec: CombatStepSpec;
  readonly fit: CombatFit;
  /** Features harmonised (the frame's features except covariates). */
  readonly harmonized: readonly string[];
}

const FIT_VECTORS = ["grandMean", "varPooled", "gammaBar", "t2", "aPrior", "bPrior"] as const;
const FIT_MATRICES = ["covariateEffects", "gammaHat", "deltaHat", "gammaStar", "deltaStar"] as const;

/** A {@link CombatFit} as plain JSON data (typed arrays as number lists; warnings left out). */
export function combatFitToJSON(fit: CombatFit): Record<string, unknown> {
  const out: Record<string, unknown> = { ...fit };
  delete out["warnings"];
  for (const k of FIT_VECTORS) out[k] = Array.from(fit[k]);
  for (const k of FIT_MATRICES) out[k] = fit[k].map((v) => Array.from(v));
  return out;
}

/** The {@link CombatFit} back from {@link combatFitToJSON}. */
export function combatFitFromJSON(json: Record<string, unknown>): CombatFit {
  const out: Record<string, unknown> = { ...json, warnings: [] };
  for (const k of FIT_VECTORS) out[k] = Float64Array.from(json[k] as number[]);
  for (const k of FIT_MATRICES) out[k] = (json[k] as number[][]).map((v) => Float64Array.from(v));
  return out as unknown as CombatFit;
}

/**
 * Applies a serialised ComBat step to a frame carrying its rows' site and
 * covariates (the same arithmetic as the fitted step: {@link applyCombat}
 * on the harmonised features, covariate features passed through).
 */
export function applySerializedCombat(
  step: { readonly names: readonly string[]; readonly batchColumn: string; readonly covariates: readonly { name: string; kind: "numeric" | "categorical" }[]; readonly unseen: UnseenBatchPolicy; readonly fit: Record<string, unknown> },
  frame: FeatureFrame,
  x: FeatureFrame["x"],
): FeatureFrame {
  const spec = combatStep({ batch: step.batchColumn, covariates: step.covariates, unseen: step.unseen });
  const { context } = checkSpec(spec, frame.context);
  const fit = combatFitFromJSON(step.fit);
  const covariateNames = new Set(step.covariates.map((c) => c.name));
  const cols = step.names.map((name, j) => ({ name, j })).filter((c) => !covariateNames.has(c.name));
  const m = x.nRows;
  const sub = new Float64Array(m * cols.length);
  cols.forEach((c, k) => sub.set(x.data.subarray(c.j * m, (c.j + 1) * m), k * m));
  const kinds = new Map(step.covariates.map((c) => [c.name, c.kind]));
  const out = applyCombat(fit, { nRows: m, nCols: cols.length, data: sub }, batchLabels(context, step.batchColumn, m), covariatesOf(spec, context, m, kinds), { unseen: step.unseen }).x;
  const data = Float64Array.from(x.data);
  cols.forEach((c, k) => data.set(out.data.subarray(k * m, (k + 1) * m), c.j * m));
  return { names: step.names, x: { nRows: m, nCols: step.names.length, data }, ...(frame.context ? { context: frame.context } : {}) };
}

/** Refuses the outcome (or the batch itself) as a covariate, and names a missing context. */
function checkSpec(spec: CombatStepSpec, context: RowContext | undefined): { context: RowContext; batchColumn: string } {
  if (!context) {
    throw new RadvalError("MISSING_ROLE", "the combat step needs the rows' site and covariates, but the frame carries no row context", {
      hint: "Build frames with frameOfRows(data, rows) (workflows and studies do this).",
    });
  }
  const batchColumn = spec.batch ?? context.siteColumn;
  if (batchColumn === null) {
    throw new RadvalError("MISSING_ROLE", "ComBat needs the site (batch) of every row, and no site column was named", { where: { key: "harmonize.batch" }, hint: "Name the site column (data.site in a study config, batch in the step)." });
  }
  for (const c of spec.covariates) {
    if (c.name === context.outcomeColumn) {
      throw new RadvalError("OUTCOME_LEAK", `ComBat cannot protect the outcome "${c.name}" inside a validated pipeline: the outcome of the patients being predicted is unknown when they are harmonised, so using it would leak the answer into their features`, {
        where: { column: c.name, key: "harmonize.covariates" },
        hint: "Remove the outcome from the covariates (protect only variables known for new patients, e.g. age or sex). `radval combat` may protect it when describing a data set, not when validating a model.",
      });
    }
    if (c.name === batchColumn) {
      throw new RadvalError("INVALID_OPTION", `the batch column "${c.name}" cannot also be a ComBat covariate`, { where: { column: c.name, key: "harmonize.covariates" }, hint: "Remove it from the covariates." });
    }
  }
  return { context, batchColumn };
}

function batchLabels(context: RowContext, column: string, n: number): string[] {
  const values = context.column(column);
  if (values === undefined) {
    throw new RadvalError("UNKNOWN_COLUMN", `the batch column "${column}" is not in the data`, { where: { column }, hint: "Name the site column of the table." });
  }
  if (values.length !== n) throw new RadvalError("DIMENSION_MISMATCH", `batch column "${column}" has ${values.length} values for ${n} rows`);
  return Array.from(values as ArrayLike<string | number>, (v) => (typeof v === "number" ? (Number.isNaN(v) ? "" : String(v)) : v));
}

/** The covariates of the frame's rows, typed by the spec (or by their values). */
function covariatesOf(spec: CombatStepSpec, context: RowContext, n: number, frozenKinds?: ReadonlyMap<string, "numeric" | "categorical">): CombatCovariate[] {
  return spec.covariates.map((c) => {
    const values = context.column(c.name);
    if (values === undefined) {
      throw new RadvalError("UNKNOWN_COLUMN", `the ComBat covariate "${c.name}" is not in the data`, { where: { column: c.name, key: "harmonize.covariates" }, hint: "Covariates must be columns of the table, available for new patients too." });
    }
    if (values.length !== n) throw new RadvalError("DIMENSION_MISMATCH", `covariate "${c.name}" has ${values.length} values for ${n} rows`);
    const numeric = values instanceof Float64Array;
    const allNumbers = numeric || (values as readonly string[]).every((v) => v.trim() !== "" && Number.isFinite(Number(v)));
    const kind = frozenKinds?.get(c.name) ?? c.kind ?? (allNumbers ? "numeric" : "categorical");
    if (kind === "numeric") return { name: c.name, kind, values: numeric ? values : Float64Array.from(values as readonly string[], (v) => (v.trim() === "" ? NaN : Number(v))) };
    return { name: c.name, kind, values: numeric ? Array.from(values, (v) => (Number.isNaN(v) ? "" : String(v))) : (values as readonly string[]) };
  });
}

/**
 * Fits {@link combatStep} on the frame it is given — the analysis rows only —
 * reading the site and covariates from the frame's row context. Features
 * named as covariates pass through unchanged; all other features are
 * harmonised. Errors: `OUTCOME_LEAK`, a missing site column, missing values
 * (impute first), see {@link fitCombat}.
 */
export function fitCombatStep(spec: CombatStepSpec, frame: FeatureFrame, _context?: StepFitContext): FittedCombatStep {
  const { context, batchColumn } = checkSpec(spec, frame.context);
  const n = frame.x.nRows;
  const covariateNames = new Set(spec.covariates.map((c) => c.name));
  const inputNames = Object.freeze([...frame.names]);
  const cols = inputNames.map((name, j) => ({ name, j })).filter((c) => !covariateNames.has(c.name));
  const harmonized = Object.freeze(cols.map((c) => c.name));
  const sub = (x: FeatureFrame["x"]) => {
    const m = x.nRows;
    const data = new Float64Array(m * cols.length);
    cols.forEach((c, k) => data.set(x.data.subarray(c.j * m, (c.j + 1) * m), k * m));
    return { nRows: m, nCols: cols.length, data };
  };
  const covariates = covariatesOf(spec, context, n);
  let fit: CombatFit;
  try {
    fit = fitCombat(sub(frame.x), batchLabels(context, batchColumn, n), {
      covariates,
      eb: spec.eb,
      parametric: spec.parametric,
      meanOnly: spec.meanOnly,
      featureNames: harmonized,
      ...(spec.refBatch !== null ? { refBatch: spec.refBatch } : {}),
    });
  } catch (e) {
    if (isRadvalError(e) && e.code === "UNKNOWN_LEVEL" && spec.refBatch !== null && e.where.value === spec.refBatch) {
      throw new RadvalError("UNKNOWN_LEVEL", e.detail, {
        where: { ...e.where, key: "harmonize.refBatch" },
        hint: "The reference site must be among the analysis rows of every split: with leave-one-site-out or an external site as reference, use no refBatch (unseen: self), or exclude that design.",
      });
    }
    throw e;
  }
  const kinds = new Map(covariates.map((c) => [c.name, c.kind]));
  const warnings: RadvalWarning[] = [...fit.warnings];
  const step: FittedCombatStep = {
    type: "combat",
    spec,
    fit,
    harmonized,
    inputNames,
    outputNames: inputNames,
    warnings: Object.freeze(warnings),
    transform(input: FeatureFrame): FeatureFrame {
      if (input.names.length !== inputNames.length || input.names.some((name, j) => name !== inputNames[j])) {
        throw new RadvalError("DIMENSION_MISMATCH", `combat was fit on ${inputNames.length} features but got ${input.names.length}`, { hint: "Transform frames with the same features, in the same order, as the fit." });
      }
      const ctx = checkSpec(spec, input.context).context;
      const m = input.x.nRows;
      const out = applyCombat(fit, sub(input.x), batchLabels(ctx, batchColumn, m), covariatesOf(spec, ctx, m, kinds), { unseen: spec.unseen }).x;
      const data = Float64Array.from(input.x.data);
      cols.forEach((c, k) => data.set(out.data.subarray(k * m, (k + 1) * m), c.j * m));
      return Object.freeze({ names: inputNames, x: Object.freeze({ nRows: m, nCols: inputNames.length, data }) });
    },
    toJSON: () => ({
      type: "combat" as const,
      names: [...inputNames],
      batchColumn,
      covariates: spec.covariates.map((c) => ({ name: c.name, kind: kinds.get(c.name) ?? "numeric" })),
      unseen: spec.unseen,
      fit: combatFitToJSON(fit),
    }),
    describe(): StepLog {
      return {
        type: "combat",
        inputFeatures: inputNames.length,
        outputFeatures: inputNames.length,
        details: {
          batchColumn,
          batches: [...fit.batches],
          rowsPerBatch: [...fit.nPerBatch],
          referenceBatch: fit.refBatch,
          empiricalBayes: fit.eb ? (fit.parametric ? "parametric" : "non-parametric") : "none",
          meanOnly: fit.meanOnly,
          covariates: spec.covariates.map((c) => c.name),
          unseenSites: spec.unseen,
          harmonizedFeatures: harmonized.length,
        },
      };
    },
  };
  return Object.freeze(step);
}
