import { num, plural } from "./format.js";
import type { KindModelValidation, OutcomeKindInfo } from "./results.js";

/**
 * TRIPOD+AI text for the outcome kinds other than binary (time to event,
 * ordinal, nominal): what the item fillers of tripodContent.ts say instead of
 * the binary phrasing. Each returns null for a binary study.
 */

const isLevels = (k: OutcomeKindInfo | undefined): k is OutcomeKindInfo & { kind: "ordinal" | "nominal" } => k?.kind === "ordinal" || k?.kind === "nominal";

/** "development: 312 patients; per level 1 16, 2 67, …" for an ordinal or nominal study, else null. */
export function cohortLevelsText(k: OutcomeKindInfo | undefined, cohort: string, n: number): string | null {
  if (!isLevels(k)) return null;
  const counts = k.cohorts?.find((x) => x.cohort === cohort)?.levelCounts;
  if (!counts) return null;
  return `${cohort}: ${plural(n, "patient")}; per level ${(k.levels ?? []).map((l, i) => `${l} ${counts[i] ?? 0}`).join(", ")}`;
}

/** Item 8a (outcome): time, event value, horizon, censoring and follow-up per cohort, competing events; or levels and cut-offs. */
export function kindOutcomeLines(k: OutcomeKindInfo | undefined): string[] | null {
  if (k?.kind === "survival") {
    return [
      `Time to event: follow-up ${k.timeColumn}; the event is ${k.eventColumn} = ${k.eventValue ?? 1}, every other value a censoring (right censoring).`,
      `Prediction horizon: ${k.horizon} (the time unit of ${k.timeColumn}); the predicted risk is the probability of the event by the horizon.`,
      ...(k.cohorts ?? []).map((c) => `${c.cohort}: ${c.n} patients, ${c.events} events (${c.eventsByHorizon} by the horizon), ${c.censored} censored; median follow-up (reverse Kaplan–Meier) ${num(c.medianFollowUp ?? null)}.`),
      "Competing events: not modelled — an event other than the one predicted (e.g. transplantation) is a censoring here; state whether competing events exist and how they were handled (study.outcomeDefinition).",
    ];
  }
  if (isLevels(k)) {
    return [
      `${k.kind === "ordinal" ? "Ordinal" : "Nominal"} outcome ${k.column}: levels ${(k.levels ?? []).join(k.kind === "ordinal" ? " < " : ", ")}${k.cutoffs?.length ? `; clinical cut-offs ${k.cutoffs.join(", ")}` : ""}.`,
      ...(k.cohorts ?? []).map((c) => `${cohortLevelsText(k, c.cohort, c.n)}.`),
    ];
  }
  return null;
}

/** Item 12/16 (performance measures) per kind. */
export function kindMeasureLines(kind: "survival" | "ordinal" | "nominal"): string[] {
  switch (kind) {
    case "survival":
      return [
        "Discrimination: Harrell's and Uno's C with infinitesimal-jackknife SEs (survival::concordance); cumulative/dynamic AUC at the horizon with IPCW (riskRegression::Score).",
        "Calibration at the horizon: observed risk (1 − Kaplan–Meier) vs mean predicted risk by risk group, calibration slope of the linear predictor (Cox), observed/expected ratio.",
        "Overall: Brier score at the horizon (IPCW) against the null model, index of prediction accuracy; Kaplan–Meier risk groups with the log-rank test and hazard ratios.",
      ];
    case "ordinal":
      return [
        "Discrimination: AUC of the cumulative probability at each clinical cut-off with DeLong CIs (pROC), Obuchowski's ordinal C, Hand–Till multi-class AUC.",
        "Agreement: linear and quadratic weighted kappa of the most probable level with Fleiss–Cohen–Everitt SEs; confusion matrix. Overall: multi-class Brier score.",
      ];
    case "nominal":
      return ["Discrimination: Hand–Till multi-class AUC; agreement: Cohen's kappa; overall: multi-class Brier score and accuracy; confusion matrix."];
  }
}

/** Item 15 (model output) per kind. */
export function kindModelOutputLine(k: OutcomeKindInfo | undefined): string | null {
  if (k?.kind === "survival") return `Output: the predicted risk of the event by the horizon (${k.horizon}), 1 − S₀(t)^exp(lp), and the linear predictor lp (risk score); no classification threshold (risk groups by tertiles of lp are descriptive).`;
  if (isLevels(k)) {
    return `Output: the probability of each level (${(k.levels ?? []).join(", ")}); ${k.cutoffs?.length ? `the cumulative probability of each cut-off's case side (${k.cutoffs.join(", ")}) is its score; ` : ""}the most probable level is the predicted class of the confusion matrix and kappa.`;
  }
  return null;
}

/** Item 23a (performance) for one model: each index apparent, optimism-corrected and per external cohort. */
export function kindPerformanceLine(label: string, m: KindModelValidation): string {
  return `${label}: ${m.metrics.map((x) => `${x.label} ${num(x.apparent)} apparent${x.corrected !== null ? `, ${num(x.corrected)} optimism-corrected` : ""}${Object.entries(x.external).map(([c, e]) => `, ${num(e)} in ${c}`).join("")}`).join("; ")}.`;
}
