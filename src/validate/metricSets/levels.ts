import { RadvalError } from "../../core/errors.js";
import { type LevelPrediction, type Prediction, classRows } from "../../core/prediction.js";
import type { LevelResponse, Response } from "../../core/response.js";
import { multiclassAuc } from "../../metrics/multiclassAuc.js";
import { aucMannWhitney } from "../../metrics/auc.js";
import { multiclassBrier } from "../../ordinal/brier.js";
import { argmaxClass, confusionMatrix } from "../../ordinal/confusion.js";
import { cutoffIndicator } from "../../ordinal/cutoffs.js";
import { cutoffProbability } from "../../ordinal/dichotomisedAuc.js";
import { weightedKappa } from "../../ordinal/kappa.js";
import { obuchowskiIndex } from "../../ordinal/obuchowski.js";
import type { MetricDefinition, MetricSet, MetricValues } from "./types.js";
import { orNull } from "./types.js";

/** The expected level index Σ_k k·P(Y = k) of each row: the ordinal score Obuchowski's index ranks. */
export function expectedLevel(p: LevelPrediction): Float64Array {
  const K = p.nLevels;
  const n = p.probs.length / K;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = 1; k < K; k++) s += k * p.probs[i * K + k]!;
    out[i] = s;
  }
  return out;
}

function levelInputs(response: Response, prediction: Prediction): { r: LevelResponse; p: LevelPrediction } {
  if ((response.kind !== "ordinal" && response.kind !== "nominal") || (prediction.kind !== "ordinal" && prediction.kind !== "nominal")) {
    throw new RadvalError("INVALID_ARGUMENT", `the level metric set got a ${response.kind} response and ${prediction.kind} predictions`);
  }
  if (prediction.nLevels !== response.levels.length) {
    throw new RadvalError("DIMENSION_MISMATCH", `the predictions have ${prediction.nLevels} class probabilities for ${response.levels.length} levels`);
  }
  return { r: response, p: prediction };
}

/** Name of a cut-off's AUC in a metric set ("auc:>=F2"). */
export function cutoffMetricName(label: string): string {
  return `auc:${label}`;
}

/**
 * The metric set of an ordinal outcome with its named cut-offs: for every
 * cut-off the dichotomised AUC of the cumulative probability P(Y in the case
 * levels) (as fibrosis papers report it), Obuchowski's ordinal concordance of
 * the expected level, the Hand–Till multi-class AUC (pROC::multiclass.roc),
 * linear and quadratic weighted kappa of the most probable level, the
 * multi-class Brier score and the accuracy.
 */
export function ordinalMetricSet(cutoffLabels: readonly string[]): MetricSet {
  return levelMetricSet("ordinal", cutoffLabels);
}

/** The metric set of a nominal outcome: Hand–Till multi-class AUC, unweighted kappa, multi-class Brier score, accuracy. */
export function nominalMetricSet(): MetricSet {
  return levelMetricSet("nominal", []);
}

function levelMetricSet(kind: "ordinal" | "nominal", cutoffLabels: readonly string[]): MetricSet {
  const metrics: MetricDefinition[] = [
    ...cutoffLabels.map((label) => ({ name: cutoffMetricName(label), label: `AUC ${label}`, ideal: "higher" as const })),
    ...(kind === "ordinal" ? [{ name: "obuchowski", label: "Obuchowski ordinal C", ideal: "higher" as const }] : []),
    { name: "handTill", label: "Hand–Till multi-class AUC", ideal: "higher" },
    ...(kind === "ordinal"
      ? [
          { name: "kappaLinear", label: "Weighted kappa (linear)", ideal: "higher" as const },
          { name: "kappaQuadratic", label: "Weighted kappa (quadratic)", ideal: "higher" as const },
        ]
      : [{ name: "kappa", label: "Cohen's kappa", ideal: "higher" as const }]),
    { name: "brier", label: "Multi-class Brier score", ideal: "lower" },
    { name: "accuracy", label: "Accuracy (most probable level)", ideal: "higher" },
  ];
  return Object.freeze({
    kind,
    metrics: Object.freeze(metrics),
    compute(response: Response, prediction: Prediction): MetricValues {
      const { r, p } = levelInputs(response, prediction);
      const K = r.levels.length;
      const rows = classRows(p);
      const out: Record<string, number | null> = {};
      for (const label of cutoffLabels) {
        const cutoff = r.cutoffs.find((c) => c.label === label);
        out[cutoffMetricName(label)] = cutoff
          ? orNull(() => {
              const truth = cutoffIndicator(r.codes, cutoff, false);
              const cases = truth.reduce((a, b) => a + b, 0);
              return cases === 0 || cases === truth.length ? null : aucMannWhitney(truth, cutoffProbability(rows, cutoff), "<");
            })
          : null;
      }
      if (kind === "ordinal") out.obuchowski = orNull(() => obuchowskiIndex(r.codes, expectedLevel(p), K).estimate);
      // multiclassAuc takes one probability column per level.
      const columns = r.levels.map((_, k) => Float64Array.from(rows, (row) => row[k]!));
      out.handTill = orNull(() => multiclassAuc(r.codes, columns, { method: "hand-till" }).auc);
      const predicted = argmaxClass(rows);
      const table = confusionMatrix(r.codes, predicted, K);
      if (kind === "ordinal") {
        out.kappaLinear = orNull(() => weightedKappa(table, "linear").estimate);
        out.kappaQuadratic = orNull(() => weightedKappa(table, "quadratic").estimate);
      } else {
        out.kappa = orNull(() => weightedKappa(table, "unweighted").estimate);
      }
      out.brier = orNull(() => multiclassBrier(r.codes, rows));
      let hits = 0;
      for (let i = 0; i < predicted.length; i++) if (predicted[i] === r.codes[i]) hits++;
      out.accuracy = predicted.length ? hits / predicted.length : null;
      return out;
    },
  });
}
