import type { RadvalWarning } from "../core/errors.js";
import { multiclassAuc, multiclassMarkerAuc } from "../metrics/multiclassAuc.js";
import { multiclassBrier } from "./brier.js";
import { argmaxClass, confusionMatrix } from "./confusion.js";
import { type CutoffCalibration, cutoffCalibration } from "./cutoffCalibration.js";
import type { Cutoff } from "./cutoffs.js";
import { type CutoffAuc, cutoffProbability, dichotomisedAuc } from "./dichotomisedAuc.js";
import { type KappaEstimate, weightedKappa } from "./kappa.js";
import { obuchowskiIndex } from "./obuchowski.js";

/** A kappa estimate with its Fleiss–Cohen–Everitt SE and CI. */
export type KappaJson = { estimate: number; se: number; lower: number; upper: number };

/** Everything `radval evaluate --ordinal` reports (its JSON contract), for one set of predictions. */
export interface LevelEvaluation {
  n: number;
  levels: readonly string[];
  counts: number[];
  /** "score" (one marker, higher = higher level) or "probs" (class probabilities, one column per level). */
  input: "score" | "probs";
  cutoffs: { cutoff: string; n: number; cases: number; controls: number; auc: number; se: number | null; ci: readonly [number, number] | null }[];
  obuchowski: { estimate: number; se: number; variance: number; ci: readonly [number, number]; score: string };
  handTill?: { auc: number };
  kappa?: { linear: KappaJson; quadratic: KappaJson; unweighted: KappaJson };
  confusion?: { levels: readonly string[]; table: number[][]; predicted: string };
  brier?: number;
  /** With class probabilities: per cut-off Brier score, calibration slope/intercept and calibration-in-the-large of P(case side). */
  calibration?: CutoffCalibration[];
  warnings: string[];
}

function kappaJson(k: KappaEstimate): KappaJson {
  return { estimate: k.estimate, se: k.se, lower: k.lower, upper: k.upper };
}

/** The model output {@link evaluateLevels} reads: one marker (higher = higher level) or class probabilities (rows = cases). */
export type LevelModelOutput = { readonly score: Float64Array; readonly name: string } | { readonly probs: readonly Float64Array[] };

/**
 * The validation of an ordinal (or nominal) model's output on one cohort, as
 * fibrosis-staging papers report it: per cut-off dichotomised AUC with DeLong
 * CI (of the marker, or of the cumulative probability of the case side),
 * Obuchowski's ordinal concordance with its SE (of the marker, or of the
 * expected level Σ k·P(k)), the Hand–Till AUC (every level present),
 * linear / quadratic / unweighted kappa with Fleiss–Cohen–Everitt SEs of the
 * predicted level (given, or the most probable one), the confusion matrix,
 * the multi-class Brier score and per-cut-off calibration. `codes` 0..K−1 in
 * the order of `levels`. O(C n log n + K² n).
 */
export function evaluateLevels(
  codes: Int32Array,
  levels: readonly string[],
  cutoffs: readonly Cutoff[],
  output: LevelModelOutput,
  options: { level?: number; predicted?: { codes: Int32Array; name: string } } = {},
): { report: LevelEvaluation; warnings: RadvalWarning[] } {
  const level = options.level ?? 0.95;
  const K = levels.length;
  const counts = new Array<number>(K).fill(0);
  for (const c of codes) counts[c]!++;
  const warnings: RadvalWarning[] = [];
  let cutoffAucs: CutoffAuc[];
  let obScore: Float64Array;
  let obName: string;
  let probs: Float64Array[] | undefined;
  if ("score" in output) {
    cutoffAucs = dichotomisedAuc(codes, output.score, cutoffs, { level });
    obScore = output.score;
    obName = output.name;
  } else {
    probs = [...output.probs];
    const pr = probs;
    cutoffAucs = dichotomisedAuc(codes, (c) => cutoffProbability(pr, c), cutoffs, { level });
    obScore = Float64Array.from(probs, (row) => row.reduce((s, v, k) => s + k * v, 0));
    obName = "expected level Σ k·P(k)";
  }
  const ob = obuchowskiIndex(codes, obScore, K, { level });
  const report: LevelEvaluation = {
    n: codes.length,
    levels,
    counts,
    input: "score" in output ? "score" : "probs",
    cutoffs: cutoffAucs.map((c) => ({ cutoff: c.cutoff, n: c.n, cases: c.cases, controls: c.controls, auc: c.auc, se: c.se, ci: c.ci })),
    obuchowski: { estimate: ob.estimate, se: ob.se, variance: ob.variance, ci: ob.ci, score: obName },
    warnings: [],
  };
  if (counts.every((c) => c > 0)) {
    const pr = probs;
    const auc = pr
      ? multiclassAuc(codes, levels.map((_, k) => Float64Array.from(pr, (row) => row[k]!)), { method: "hand-till" }).auc
      : multiclassMarkerAuc(codes, obScore, { nClasses: K }).auc;
    report.handTill = { auc };
  } else {
    warnings.push({ code: "HAND_TILL_SKIPPED", message: "the Hand–Till AUC needs cases in every level; it is left out" });
  }
  let predicted: Int32Array | undefined;
  let predictedName = "";
  if (options.predicted) {
    predicted = options.predicted.codes;
    predictedName = options.predicted.name;
  } else if (probs) {
    predicted = argmaxClass(probs);
    predictedName = "the most probable level";
  }
  if (predicted) {
    const tab = confusionMatrix(codes, predicted, K);
    report.kappa = {
      linear: kappaJson(weightedKappa(tab, "linear", { level })),
      quadratic: kappaJson(weightedKappa(tab, "quadratic", { level })),
      unweighted: kappaJson(weightedKappa(tab, "unweighted", { level })),
    };
    report.confusion = { levels, table: tab, predicted: predictedName };
  }
  if (probs) {
    report.brier = multiclassBrier(codes, probs);
    report.calibration = cutoffCalibration(codes, probs, cutoffs);
  }
  report.warnings = warnings.map((w) => w.message);
  return { report, warnings };
}
