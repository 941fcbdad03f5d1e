import type { LevelEvaluation } from "../../ordinal/evaluation.js";
import type { SurvivalEvaluation } from "../../survival/evaluation.js";
import type { RocCurve } from "./metrics.js";
import type { SelectionStability } from "./validation.js";

/** The outcome of a study by kind (binary studies: kind "binary", nothing else). */
export interface OutcomeKindInfo {
  readonly kind: "binary" | "ordinal" | "nominal" | "survival";
  /** Ordinal / nominal: the outcome column. */
  readonly column?: string;
  /** Survival: time and event columns, horizon, median follow-up (reverse Kaplan–Meier) of the development rows. */
  readonly timeColumn?: string;
  readonly eventColumn?: string;
  /** The event column's value that counts as the event (default 1). */
  readonly eventValue?: number;
  readonly horizon?: number;
  readonly medianFollowUp?: number | null;
  /** Ordinal / nominal: the levels (lowest first) and the named cut-offs. */
  readonly levels?: readonly string[];
  readonly cutoffs?: readonly string[];
  /** Per cohort: patients, events and censorings (survival, with the median follow-up), or cases per level (ordinal, nominal). */
  readonly cohorts?: ReadonlyArray<{
    readonly cohort: string;
    readonly n: number;
    readonly events?: number;
    readonly censored?: number;
    /** Events that happen by the horizon (survival). */
    readonly eventsByHorizon?: number;
    readonly medianFollowUp?: number | null;
    readonly levelCounts?: readonly number[];
  }>;
}

/**
 * One index of the kind's metric set for one model: apparent (the final
 * model on the development rows), cross-validated (mean over folds, SD, and
 * the mean over repeats of the pooled out-of-fold value), Harrell's optimism
 * and the corrected value (corrected = apparent − optimism), and the value in
 * each external cohort.
 */
export interface KindMetricRow {
  readonly metric: string;
  readonly label: string;
  /** "higher" / "lower" is better; "one": ideal 1 (calibration slope). */
  readonly ideal: "higher" | "lower" | "one" | "zero";
  readonly apparent: number | null;
  readonly cvPooled: number | null;
  readonly cvMean: number | null;
  readonly cvSd: number | null;
  readonly optimism: number | null;
  readonly corrected: number | null;
  /** Bootstrap replicates in which the optimism was defined. */
  readonly replicatesUsed: number | null;
  readonly external: Readonly<Record<string, number | null>>;
}

/** The detailed evaluation of one model's predictions on one cohort (survival or levels), or why it is not estimable. */
export interface KindCohortEvaluation {
  readonly cohort: string;
  readonly n: number;
  /** Events (survival) or cases on the case side of the first cut-off (levels). */
  readonly events: number;
  readonly survival?: SurvivalEvaluation;
  readonly levels?: LevelEvaluation;
  readonly notEstimable: string | null;
  /** The data of the cohort's charts (compact: step and ROC points only), when estimable. */
  readonly curves?: KindCurves;
}

/** A proportion with its Wilson 95% CI and counts. */
export interface KindProportion {
  readonly estimate: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly x: number;
  readonly n: number;
}

/** Sensitivity and specificity of one cut-off's cumulative probability at a threshold chosen once per model and cut-off. */
export interface CutoffOperatingPoint {
  /** Cases are called positive when P(case side) ≥ threshold. */
  readonly threshold: number;
  /** Where the threshold was chosen, e.g. "Youden, cross-validated development predictions". */
  readonly chosenOn: string;
  readonly sensitivity: KindProportion;
  readonly specificity: KindProportion;
}

/** Chart data of one cohort's evaluation. */
export interface KindCurves {
  /** Survival: the Kaplan–Meier step function of each risk group (1 = lowest risk): (0, 1), each event time, the last follow-up time. */
  readonly riskGroupKm?: ReadonlyArray<{ readonly group: number; readonly n: number; readonly events: number; readonly points: ReadonlyArray<{ readonly time: number; readonly surv: number }> }>;
  /** Survival: the cumulative/dynamic IPCW ROC curve of the predicted risk at the horizon; `auc` is the area under these points (= AUC(t)). */
  readonly timeRoc?: { readonly time: number; readonly points: ReadonlyArray<{ readonly fpr: number; readonly tpr: number; readonly threshold: number | null }>; readonly auc: number };
  /** Ordinal / nominal: per cut-off, the ROC curve of P(case side) with its DeLong AUC and the operating point. */
  readonly cutoffRoc?: ReadonlyArray<{ readonly cutoff: string; readonly roc: RocCurve; readonly operating: CutoffOperatingPoint | null }>;
}

/** The validation of one model of an ordinal, nominal or survival study. */
export interface KindModelValidation {
  readonly model: string;
  readonly metrics: readonly KindMetricRow[];
  /** How often each feature was selected in the bootstrap and CV refits (linear models), else null. */
  readonly selection: SelectionStability | null;
  /** The development rows (apparent) then each external cohort. */
  readonly cohorts: readonly KindCohortEvaluation[];
  /** The cross-validated pooled predictions' evaluation (first repeat), when CV ran. */
  readonly crossValidated: KindCohortEvaluation | null;
}

/** Leave-one-site-out validation of one model: per held-out site and pooled, by the kind's metric set, with the concordance pooled by meta-analysis. */
export interface KindSiteValidation {
  readonly model: string;
  readonly sites: ReadonlyArray<{ readonly site: string; readonly n: number; readonly values: Readonly<Record<string, number | null>>; readonly concordance: { readonly estimate: number; readonly se: number } | null }>;
  /** The metric set on every development patient's held-out prediction, pooled over the sites. */
  readonly pooled: Readonly<Record<string, number | null>>;
  /** Random-effects pooled concordance (Harrell's C or Obuchowski's index), or null with fewer than 2 usable sites. */
  readonly meta: {
    readonly metric: string;
    readonly estimate: number;
    readonly lower: number;
    readonly upper: number;
    readonly predictionLower: number;
    readonly predictionUpper: number;
    readonly tau2: number;
    readonly i2: number;
    readonly sites: number;
    readonly method: string;
  } | null;
}

/** Internal and external validation of a study whose outcome is ordinal, nominal or time-to-event (the kind's metric set). */
export interface OutcomeValidation {
  readonly kind: "ordinal" | "nominal" | "survival";
  readonly description: string;
  readonly folds: number | null;
  readonly repeats: number | null;
  readonly bootstraps: number | null;
  readonly cohort: string;
  readonly models: readonly KindModelValidation[];
  /** Leave-one-site-out (internal–external cross-validation), when the config asks for it. */
  readonly leaveOneSiteOut?: readonly KindSiteValidation[];
}

/** An estimate with a 95% Wald interval and p-value. */
export interface IntervalEstimate {
  readonly estimate: number;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly p: number | null;
}

/** Incremental value of a model over its comparator on one set of paired predictions (apparent, cross-validated or an external cohort). */
export interface IncrementalComparison {
  /** "apparent (development)", "cross-validated (pooled out-of-fold)" or the external cohort's name. */
  readonly data: string;
  readonly n: number;
  readonly events: number;
  readonly aucComparator: number | null;
  readonly aucModel: number | null;
  /** AUC(model) − AUC(comparator), paired DeLong (pROC::roc.test). */
  readonly deltaAuc: IntervalEstimate | null;
  /** Likelihood-ratio test of nested unpenalised logistic models (apparent only). */
  readonly lrt: { readonly statistic: number; readonly df: number; readonly p: number; readonly deviance: readonly [number, number] } | null;
  /** Continuous NRI with its events / non-events components (Hmisc::improveProb). */
  readonly nriContinuous: (IntervalEstimate & { readonly events: number; readonly nonEvents: number }) | null;
  readonly nriCategorical: (IntervalEstimate & { readonly events: number; readonly nonEvents: number; readonly cutoffs: readonly number[] }) | null;
  readonly idi: IntervalEstimate | null;
  /** Brier(model) − Brier(comparator) (negative = better), paired test. */
  readonly deltaBrier: IntervalEstimate | null;
  /** NB(model) − NB(comparator) per threshold. */
  readonly netBenefit: ReadonlyArray<{ readonly threshold: number; readonly difference: number }>;
}

/** The incremental value of one configured pair of models. */
export interface IncrementalValue {
  readonly comparator: string;
  readonly model: string;
  readonly sets: readonly IncrementalComparison[];
  /** Optimism-corrected AUC(model) − corrected AUC(comparator), from the same bootstrap replicates (null without bootstrap). */
  readonly correctedDeltaAuc: number | null;
}
