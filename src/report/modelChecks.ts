import type { ReportCheck } from "./flags.js";
import { sig } from "./format.js";
import type { Estimate, StudyResults } from "./results.js";

/** Thresholds of the model-level checks. */
export interface ModelCheckOptions {
  /** Acceptable calibration slope range [0.8, 1.25]: below = overfitting (too extreme), above = underfitting (too moderate). */
  readonly slopeRange: readonly [number, number];
  /** I² above which between-site heterogeneity of a pooled estimate is flagged [0.5]. */
  readonly i2Cut: number;
  /** Share of refits below which a final-model feature counts as unstable [0.5]. */
  readonly stabilityCut: number;
}

/** Defaults of {@link ModelCheckOptions}. */
export const MODEL_CHECK_DEFAULTS: ModelCheckOptions = { slopeRange: [0.8, 1.25], i2Cut: 0.5, stabilityCut: 0.5 };

const f3 = (x: number | null | undefined) => sig(x, 3);
const ci = (e: Estimate) => (e.lower !== null && e.upper !== null ? ` (${f3(e.lower)}–${f3(e.upper)})` : "");

/** Every estimate the report states, with where it comes from: internal (by scheme), external cohorts, held-out sites, pooled sites. */
function statedEstimates(results: StudyResults): Array<{ model: string; cohort: string; what: string; metrics: { auc: Estimate | null; calibrationSlope: Estimate | null } }> {
  const scheme = results.internalValidation?.scheme;
  const internalName = scheme === "bootstrap-optimism" ? "optimism-corrected" : scheme === "dot632plus" ? ".632+" : "cross-validated";
  const out: Array<{ model: string; cohort: string; what: string; metrics: { auc: Estimate | null; calibrationSlope: Estimate | null } }> = [];
  for (const m of results.internalValidation?.models ?? []) {
    out.push({ model: m.model, cohort: results.internalValidation!.cohort, what: internalName, metrics: m.corrected });
    if (m.crossValidated) out.push({ model: m.model, cohort: results.internalValidation!.cohort, what: "cross-validated", metrics: m.crossValidated });
  }
  for (const e of results.externalValidation) {
    out.push({ model: e.model, cohort: e.site ? `site ${e.site} held out` : e.cohort, what: e.site ? "leave-one-site-out" : "external", metrics: e.metrics });
  }
  for (const h of results.heterogeneity) {
    const pooled = { auc: h.metric === "auc" ? h.pooled : null, calibrationSlope: h.metric === "calibrationSlope" ? h.pooled : null };
    if (pooled.auc || pooled.calibrationSlope) out.push({ model: h.model, cohort: `pooled over ${h.sites.length} sites (${h.design})`, what: "pooled", metrics: pooled });
  }
  return out;
}

/**
 * Calibration slope within [0.8, 1.25] and its CI (when there is one)
 * containing 1, for every stated estimate: internal (by scheme), each
 * external cohort, each held-out site and the pooled site estimate. A slope
 * below the range means predictions too extreme (overfitting), above it too
 * moderate (underfitting). Serious for the internal estimate, a caution
 * elsewhere.
 */
function calibrationSlopeChecks(results: StudyResults, label: (id: string) => string, o: ModelCheckOptions): ReportCheck[] {
  const [lo, hi] = o.slopeRange;
  const stated = statedEstimates(results).filter((e) => e.what !== "pooled" || e.metrics.calibrationSlope);
  return stated.map(({ model, cohort, what, metrics }): ReportCheck => {
    const s = metrics.calibrationSlope;
    const base = { id: "calibration-slope", title: `Calibration slope within ${lo}–${hi} (CI containing 1)`, items: ["23a", "26"], model, cohort };
    if (!s || s.estimate === null) {
      return { ...base, status: "unavailable" as const, severity: "caution" as const, message: `${label(model)} in ${cohort}: no ${what} calibration slope in the results.`, values: { slope: null } };
    }
    const slope = s.estimate;
    const outside = slope < lo || slope > hi;
    const excludesOne = s.lower !== null && s.upper !== null && (s.lower > 1 || s.upper < 1);
    const why = slope < lo ? "predictions too extreme (overfitting): more shrinkage or fewer candidate predictors" : slope > hi ? "predictions too moderate (underfitting, or a model that barely separates)" : "its confidence interval excludes 1";
    const flagged = outside || excludesOne;
    return {
      ...base,
      status: flagged ? ("flag" as const) : ("pass" as const),
      severity: what === "optimism-corrected" || what === "cross-validated" || what === ".632+" ? ("serious" as const) : ("caution" as const),
      message: `${label(model)} in ${cohort}: ${what} calibration slope ${f3(slope)}${ci(s)}${flagged ? `: ${why}.` : "."}`,
      values: { slope, lower: s.lower, upper: s.upper, rangeLow: lo, rangeHigh: hi },
    };
  });
}

/**
 * Discrimination above chance for every stated AUC: flagged (serious) when
 * the AUC is below 0.5 or its CI includes 0.5 — the model does not
 * demonstrably discriminate in that cohort.
 */
function discriminationChecks(results: StudyResults, label: (id: string) => string): ReportCheck[] {
  const stated = statedEstimates(results).filter((e) => e.what !== "pooled" || e.metrics.auc);
  return stated.flatMap(({ model, cohort, what, metrics }): ReportCheck[] => {
    const a = metrics.auc;
    const base = { id: "discrimination-above-chance", title: "Discrimination above chance (AUC > 0.5, CI excluding 0.5)", items: ["23a", "26"], model, cohort };
    if (!a || a.estimate === null) return [{ ...base, status: "unavailable" as const, severity: "serious" as const, message: `${label(model)} in ${cohort}: no ${what} AUC in the results.`, values: { auc: null } }];
    const below = a.estimate <= 0.5;
    const includes = a.lower !== null && a.upper !== null && a.lower <= 0.5 && a.upper >= 0.5;
    const flagged = below || includes;
    return [
      {
        ...base,
        status: flagged ? ("flag" as const) : ("pass" as const),
        severity: "serious" as const,
        message: `${label(model)} in ${cohort}: ${what} AUC ${f3(a.estimate)}${ci(a)}${below ? ": not above chance." : includes ? ": the confidence interval includes 0.5, so discrimination is not demonstrated." : "."}`,
        values: { auc: a.estimate, lower: a.lower, upper: a.upper },
      },
    ];
  });
}

/** Zero-width intervals (lower = upper): a degenerate estimate (one distinct prediction, an intercept-only model) shown as if precise. */
function intervalWidthChecks(results: StudyResults, label: (id: string) => string): ReportCheck[] {
  return statedEstimates(results).flatMap(({ model, cohort, what, metrics }) =>
    (["auc", "calibrationSlope"] as const)
      .filter((k) => {
        const e = metrics[k];
        return e && e.estimate !== null && e.lower !== null && e.upper !== null && e.upper - e.lower <= 1e-12;
      })
      .map((k) => ({
        id: "intervals-have-width",
        title: "Confidence intervals have non-zero width",
        status: "flag" as const,
        severity: "serious" as const,
        message: `${label(model)} in ${cohort}: the ${what} ${k === "auc" ? "AUC" : "calibration slope"} interval has zero width (${f3(metrics[k]!.lower)}–${f3(metrics[k]!.upper)}): the predictions are (nearly) constant, so this estimate carries no information.`,
        items: ["23a"],
        model,
        cohort,
        values: { estimate: metrics[k]!.estimate, lower: metrics[k]!.lower, upper: metrics[k]!.upper },
      })),
  );
}

/** The final model uses at least one predictor: an intercept-only LASSO or a model with zero features predicts the prevalence for everyone. */
function finalModelChecks(results: StudyResults): ReportCheck[] {
  return results.models.map((m) => {
    const f = m.final;
    const nonZero = f.coefficients ? f.coefficients.filter((c) => c.value !== 0).length : f.featureNames.length;
    const empty = nonZero === 0;
    return {
      id: "final-model-has-predictors",
      title: "Final model uses at least one predictor",
      status: empty ? ("flag" as const) : ("pass" as const),
      severity: "serious" as const,
      message: empty
        ? `${m.label}: the final model kept 0 of ${f.coefficients?.length ?? f.featureNames.length} features: it predicts the development prevalence for every patient; its discrimination estimates describe refits, not this model.`
        : `${m.label}: ${nonZero} predictor${nonZero === 1 ? "" : "s"} in the final model.`,
      items: ["22", "26"],
      model: m.id,
      cohort: null,
      values: { predictors: nonZero },
    };
  });
}

/** λ chosen strictly inside its grid: at the first or last λ the cross-validation curve has not shown its optimum. */
function lambdaGridChecks(results: StudyResults): ReportCheck[] {
  return results.models
    .filter((m) => m.path && m.path.lambda.length > 1 && m.path.chosenRule !== "fixed")
    .map((m) => {
      const path = m.path!;
      const k = path.lambda.findIndex((l) => Math.abs(l - path.chosenLambda) <= 1e-12 * Math.max(1, l));
      const edge = k === 0 ? "largest" : k === path.lambda.length - 1 ? "smallest" : null;
      return {
        id: "lambda-inside-grid",
        title: "Penalty λ chosen inside its grid",
        status: edge ? ("flag" as const) : ("pass" as const),
        severity: "caution" as const,
        message: edge
          ? `${m.label}: λ = ${sig(path.chosenLambda, 3)} is the ${edge} λ of the grid (${path.chosenRule}): the optimum may lie beyond it; ${edge === "largest" ? "the model is (nearly) intercept-only" : "extend the grid (lower lambdaMinRatio)"}.`
          : `${m.label}: λ = ${sig(path.chosenLambda, 3)} (${path.chosenRule}), inside the grid ${sig(path.lambda[path.lambda.length - 1], 3)}–${sig(path.lambda[0], 3)}.`,
        items: ["12c"],
        model: m.id,
        cohort: null,
        values: { lambda: path.chosenLambda, index: k, gridSize: path.lambda.length },
      };
    });
}

/** Heterogeneity of pooled site estimates: I² above the cut (caution). */
function heterogeneityChecks(results: StudyResults, label: (id: string) => string, o: ModelCheckOptions): ReportCheck[] {
  return results.heterogeneity
    .filter((h) => h.i2 !== null)
    .map((h) => ({
      id: "site-heterogeneity",
      title: `Between-site heterogeneity I² at most ${Math.round(100 * o.i2Cut)}%`,
      status: h.i2! > o.i2Cut ? ("flag" as const) : ("pass" as const),
      severity: "caution" as const,
      message: `${label(h.model)}: ${h.metric === "auc" ? "AUC" : h.metric === "calibrationSlope" ? "calibration slope" : h.metric} pooled over ${h.sites.length} sites ${f3(h.pooled.estimate)}${ci(h.pooled)}, I² ${Math.round(100 * h.i2!)}%${h.prediction ? `, prediction interval ${f3(h.prediction.lower)}–${f3(h.prediction.upper)}` : ""}${h.i2! > o.i2Cut ? ": performance differs between sites; the pooled value does not describe a new site." : "."}`,
      items: ["23b", "26"],
      model: h.model,
      cohort: null,
      values: { i2: h.i2, pooled: h.pooled.estimate, sites: h.sites.length },
    }));
}

/**
 * Selection stability of penalised models: the share of bootstrap and CV
 * refits that selected each feature of the final model. Flagged (caution)
 * when a final-model feature is selected in fewer than half of the refits,
 * or when most refits were intercept-only.
 */
function selectionStabilityChecks(results: StudyResults, label: (id: string) => string, o: ModelCheckOptions): ReportCheck[] {
  return (results.internalValidation?.models ?? [])
    .filter((m) => m.selection && m.selection.refits > 0)
    .map((m) => {
      const s = m.selection!;
      const unstable = s.features.filter((f) => f.inFinal && f.frequency < o.stabilityCut);
      const mostlyEmpty = s.interceptOnly / s.refits > 0.5;
      const flagged = unstable.length > 0 || mostlyEmpty;
      const finalCount = s.features.filter((f) => f.inFinal).length;
      return {
        id: "selection-stability",
        title: `Final model's features selected in at least ${Math.round(100 * o.stabilityCut)}% of refits`,
        status: flagged ? ("flag" as const) : ("pass" as const),
        severity: "caution" as const,
        message: `${label(m.model)}: over ${s.refits} refits, ${s.interceptOnly} (${Math.round((100 * s.interceptOnly) / s.refits)}%) were intercept-only${
          unstable.length ? `; ${unstable.length} of the final model's ${finalCount} features were selected in fewer than ${Math.round(100 * o.stabilityCut)}% (${unstable.slice(0, 6).map((f) => `${f.feature} ${Math.round(100 * f.frequency)}%`).join(", ")}${unstable.length > 6 ? ", …" : ""})` : ""
        }${flagged ? ": the selected feature set is unstable; do not interpret individual features." : "."}`,
        items: ["12c", "22", "26"],
        model: m.model,
        cohort: results.internalValidation!.cohort,
        values: { refits: s.refits, interceptOnly: s.interceptOnly, unstable: unstable.length },
      };
    });
}

/**
 * The model-level checks: calibration slope two-sided (internal, external,
 * held-out and pooled sites), discrimination above chance, zero-width
 * intervals, an intercept-only or zero-feature final model, λ at the edge of
 * its grid, between-site heterogeneity, and selection stability.
 */
export function modelChecks(results: StudyResults, options: Partial<ModelCheckOptions> = {}): ReportCheck[] {
  const o = { ...MODEL_CHECK_DEFAULTS, ...options };
  const label = (id: string) => results.models.find((m) => m.id === id)?.label ?? id;
  return [
    ...finalModelChecks(results),
    ...calibrationSlopeChecks(results, label, o),
    ...discriminationChecks(results, label),
    ...intervalWidthChecks(results, label),
    ...lambdaGridChecks(results),
    ...heterogeneityChecks(results, label, o),
    ...selectionStabilityChecks(results, label, o),
  ];
}
