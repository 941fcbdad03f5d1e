import { RadvalError } from "../../core/errors.js";
import { binomialDeviance } from "../../metrics/calibration/logistic.js";
import { delongPairedTest } from "../../metrics/delong.js";
import { reclassification } from "../../metrics/reclassification.js";
import { brierDifference } from "../../metrics/reclassificationBrier.js";
import { nestedLikelihoodRatioTest } from "../../metrics/reclassificationLrt.js";
import { netBenefitChange } from "../../metrics/reclassificationNetBenefit.js";
import type { IncrementalComparison, IncrementalValue } from "../../report/results.js";
import { clippedLogit } from "../performance.js";
import type { FittedWorkflow } from "../workflow.js";

/** Predictions of two models on the same patients (comparator, model), with their outcomes. */
export interface PairedPredictions {
  readonly data: string;
  readonly y: Float64Array;
  readonly comparator: { readonly prob: Float64Array; readonly logit: Float64Array | null };
  readonly model: { readonly prob: Float64Array; readonly logit: Float64Array | null };
}

/** Estimable-or-why wrapper: a degenerate set (one class) is reported, not fatal. */
function attempt<T>(f: () => T): T | null {
  try {
    return f();
  } catch (e) {
    if (e instanceof RadvalError) return null;
    throw e;
  }
}

/** Number of estimated parameters of an unpenalised logistic final model (intercept + coefficients), or null for other models. */
function logisticParameters(f: FittedWorkflow): number | null {
  if (f.spec.model.model !== "logistic") return null;
  return f.model.featureNames.length + 1;
}

/** True when every raw input of `a` is an input of `b` (b extends a: nested models). */
function nested(a: FittedWorkflow, b: FittedWorkflow): boolean {
  const inputs = (f: FittedWorkflow) => new Set(f.recipe.inputNames);
  const ia = inputs(a);
  const ib = inputs(b);
  return [...ia].every((x) => ib.has(x)) && ib.size > ia.size;
}

/**
 * The incremental value of `model` over `comparator` on one set of paired
 * predictions (Pencina et al. 2008; Steyerberg 2019 ch. 16): ΔAUC with the
 * paired DeLong test and CI (pROC::roc.test), continuous and categorical
 * NRI with events/non-events components and IDI (Hmisc::improveProb), ΔBrier
 * with the paired test, the net-benefit difference at each threshold, and —
 * on the development data, for nested unpenalised logistic models — the
 * likelihood-ratio test (anova(…, test = "Chisq")).
 */
export function compareOn(set: PairedPredictions, options: { cutoffs?: readonly number[]; thresholds?: ArrayLike<number>; lrt?: { comparator: FittedWorkflow; model: FittedWorkflow } | null } = {}): IncrementalComparison {
  const { y } = set;
  const n = y.length;
  const events = y.reduce((a, b) => a + b, 0);
  const pa = set.comparator.prob;
  const pb = set.model.prob;
  const delong = attempt(() => delongPairedTest(y, pb, pa));
  const reclass = attempt(() => reclassification(y, pa, pb, options.cutoffs ? { cutoffs: options.cutoffs } : {}));
  const brier = attempt(() => brierDifference(y, pa, pb));
  let lrt: IncrementalComparison["lrt"] = null;
  if (options.lrt) {
    const ka = logisticParameters(options.lrt.comparator);
    const kb = logisticParameters(options.lrt.model);
    if (ka !== null && kb !== null && kb > ka && nested(options.lrt.comparator, options.lrt.model)) {
      const devA = binomialDeviance(y, set.comparator.logit ?? clippedLogit(pa));
      const devB = binomialDeviance(y, set.model.logit ?? clippedLogit(pb));
      const t = attempt(() => nestedLikelihoodRatioTest({ deviance: devA, dfResidual: n - ka }, { deviance: devB, dfResidual: n - kb }));
      if (t) lrt = { statistic: t.statistic, df: t.df, p: t.p, deviance: [t.deviance[0], t.deviance[1]] };
    }
  }
  const interval = (estimate: number, se: number | null) => (se === null || !Number.isFinite(se) ? { estimate, lower: null, upper: null } : { estimate, lower: estimate - 1.959963984540054 * se, upper: estimate + 1.959963984540054 * se });
  return {
    data: set.data,
    n,
    events,
    aucComparator: delong?.auc2 ?? null,
    aucModel: delong?.auc1 ?? null,
    deltaAuc: delong ? { estimate: delong.difference, lower: delong.ci?.[0] ?? null, upper: delong.ci?.[1] ?? null, p: delong.p } : null,
    lrt,
    nriContinuous: reclass ? { ...interval(reclass.continuousNri.nri, reclass.continuousNri.se), p: reclass.continuousNri.p, events: reclass.continuousNri.events.nri, nonEvents: reclass.continuousNri.nonEvents.nri } : null,
    nriCategorical: reclass?.categoricalNri ? { ...interval(reclass.categoricalNri.nri, reclass.categoricalNri.se), p: reclass.categoricalNri.p, events: reclass.categoricalNri.events.nri, nonEvents: reclass.categoricalNri.nonEvents.nri, cutoffs: [...(options.cutoffs ?? [])] } : null,
    idi: reclass ? { ...interval(reclass.idi.idi, reclass.idi.se), p: reclass.idi.p } : null,
    deltaBrier: brier ? { ...interval(brier.difference, brier.se), p: brier.p } : null,
    netBenefit: attempt(() => netBenefitChange(y, pa, pb, options.thresholds ? { thresholds: options.thresholds } : {}).map((r) => ({ threshold: r.threshold, difference: r.difference }))) ?? [],
  };
}

/** The incremental value of one configured pair on every set of paired predictions, with the optimism-corrected ΔAUC. */
export function incrementalValue(comparator: string, model: string, sets: readonly IncrementalComparison[], correctedDeltaAuc: number | null): IncrementalValue {
  return { comparator, model, sets: [...sets], correctedDeltaAuc };
}
