// Validation results of the results contract (see ../results.ts).
import type { CalibrationCurve, DecisionCurveRow, Estimate, MetricName, PerformanceMetrics, RocCurve } from "./metrics.js";

/** Optimism of one metric across bootstrap replicates (Harrell's optimism bootstrap). */
export interface OptimismDistribution {
  readonly metric: MetricName;
  /** Mean optimism (apparent − corrected). */
  readonly mean: number;
  /** Optimism of each bootstrap replicate (bootstrap performance − performance on the original data). */
  readonly values: readonly number[];
}

/** Performance on one assessment split (fold). */
export interface FoldResult {
  /** Split id, e.g. "Repeat1.Fold03". */
  readonly split: string;
  readonly nAnalysis: number;
  readonly eventsAnalysis: number;
  readonly nAssessment: number;
  readonly eventsAssessment: number;
  readonly auc: number | null;
  readonly calibrationSlope: number | null;
  readonly brier: number | null;
}

/** One row of an rms::validate-style table (Harrell's optimism bootstrap). */
export interface OptimismRow {
  /** "auc", "dxy", "brier", "intercept" (recalibration intercept), "slope", "citl", "r2Nagelkerke", "emax". */
  readonly index: string;
  /** index.orig: the final model on its own development data. */
  readonly apparent: number | null;
  /** Mean performance of the bootstrap fits on their own samples. */
  readonly training: number | null;
  /** Mean performance of the bootstrap fits on the original data. */
  readonly test: number | null;
  readonly optimism: number | null;
  /** index.corrected = apparent − optimism. */
  readonly corrected: number | null;
  /** Replicates used. */
  readonly n: number;
}

/** .632 / .632+ (Efron & Tibshirani 1997) of one measure. */
export interface DotPlusRow {
  /** "auc", "brier" or "errorRate" (misclassification at p = 0.5). */
  readonly measure: string;
  readonly apparent: number;
  /** Leave-one-out bootstrap (out-of-bag) estimate. */
  readonly outOfBag: number;
  /** No-information value γ. */
  readonly noInformation: number;
  readonly relativeOverfitting: number;
  readonly dot632: number;
  readonly dot632plus: number;
}

/** A label-permutation test of the whole pipeline (Ojala & Garriga 2010). */
export interface PermutationTest {
  readonly permutations: number;
  readonly folds: number;
  /** Pooled out-of-fold AUC with the real labels. */
  readonly observedAuc: number;
  /** Mean pooled AUC over the permutations. */
  readonly meanPermutedAuc: number;
  /** (1 + #{permuted ≥ observed}) / (1 + permutations). */
  readonly pValue: number;
}

/**
 * How often each feature was selected (non-zero coefficient) across the
 * refits of internal validation (bootstrap replicates and CV splits), the
 * share of intercept-only refits, and which features the final model kept
 * (Heinze, Wallisch & Dunkler 2018, Biom J 60:431).
 */
export interface SelectionStability {
  /** Refits counted (bootstrap replicates + CV splits). */
  readonly refits: number;
  /** Refits that kept no feature. */
  readonly interceptOnly: number;
  /** Per feature selected at least once or kept by the final model, most frequent first. */
  readonly features: ReadonlyArray<{ readonly feature: string; readonly frequency: number; readonly inFinal: boolean }>;
}

/** Internal validation of one model. */
export interface InternalModelValidation {
  readonly model: string;
  /** Performance of the final model on its own development data. */
  readonly apparent: PerformanceMetrics;
  /** Optimism-corrected (bootstrap) or out-of-fold (CV) performance. */
  readonly corrected: PerformanceMetrics;
  readonly optimism: readonly OptimismDistribution[];
  readonly folds: readonly FoldResult[];
  /** ROC curve of the pooled out-of-fold predictions. */
  readonly roc: RocCurve | null;
  /** Calibration of the pooled out-of-fold predictions. */
  readonly calibration: CalibrationCurve | null;
  readonly decisionCurve: readonly DecisionCurveRow[];
  /** The full rms::validate-style table (bootstrap scheme). */
  readonly optimismTable: readonly OptimismRow[];
  /** .632 / .632+ from the same bootstrap fits. */
  readonly dotPlus: readonly DotPlusRow[];
  /** Pooled out-of-fold performance when cross-validation ran alongside the bootstrap (null otherwise). */
  readonly crossValidated: PerformanceMetrics | null;
  readonly permutationTest: PermutationTest | null;
  /** Selection stability of a linear model over the internal-validation refits (bootstrap and CV); null for other models. */
  readonly selection: SelectionStability | null;
}

/** Internal validation design and per-model results (TRIPOD+AI 12a, 12c). */
export interface InternalValidation {
  /** "cv", "repeated-cv", "bootstrap-optimism", "632plus", "leave-one-site-out", "temporal-split". */
  readonly scheme: string;
  /** Human description, e.g. "Harrell's optimism bootstrap, 200 replicates". */
  readonly description: string;
  readonly folds: number | null;
  readonly repeats: number | null;
  readonly bootstraps: number | null;
  readonly stratified: boolean | null;
  /** Cohort validated (the development cohort). */
  readonly cohort: string;
  readonly models: readonly InternalModelValidation[];
}

/** Validation of one model in one external cohort (or one site of it). */
export interface ExternalValidationResult {
  readonly model: string;
  readonly cohort: string;
  /** Null for the whole cohort. */
  readonly site: string | null;
  readonly n: number;
  readonly events: number;
  readonly metrics: PerformanceMetrics;
  readonly roc: RocCurve | null;
  readonly calibration: CalibrationCurve | null;
  readonly decisionCurve: readonly DecisionCurveRow[];
  /** Why some metrics are null (e.g. "1 event in 40 rows: …"); null or absent when all were estimated. */
  readonly notEstimable?: string | null;
}

/**
 * Leave-one-site-out predictions pooled over the held-out sites (each
 * patient predicted by the model fitted without their site): one ROC,
 * calibration and decision curve per model across all sites.
 */
export interface PooledSiteValidation {
  readonly model: string;
  /** The cohort whose sites were held out in turn. */
  readonly cohort: string;
  readonly sites: readonly string[];
  readonly n: number;
  readonly events: number;
  readonly metrics: PerformanceMetrics;
  readonly roc: RocCurve | null;
  readonly calibration: CalibrationCurve | null;
  readonly decisionCurve: readonly DecisionCurveRow[];
}

/** One cluster's estimate in a heterogeneity analysis. */
export interface SiteEstimate {
  readonly site: string;
  readonly n: number;
  readonly events: number;
  readonly estimate: number;
  readonly lower: number | null;
  readonly upper: number | null;
}

/** Heterogeneity of one metric of one model across sites (random-effects meta-analysis; TRIPOD+AI 12d, 23b). */
export interface HeterogeneityResult {
  readonly model: string;
  readonly metric: MetricName;
  /** "leave-one-site-out" (internal-external) or "per-site" (sites of an external cohort). */
  readonly design: string;
  /** Estimator of τ², e.g. "REML", "DL". */
  readonly method: string;
  /** Pooling scale: "logit" (AUC) or "identity" (calibration slope). Estimates here are back-transformed. */
  readonly scale: string;
  readonly sites: readonly SiteEstimate[];
  readonly pooled: Estimate;
  /** 95% prediction interval for a new site. */
  readonly prediction: { readonly lower: number; readonly upper: number } | null;
  readonly tau2: number | null;
  /** I² as a proportion in [0, 1]. */
  readonly i2: number | null;
  /** Cochran's Q and its p-value. */
  readonly q: number | null;
  readonly qPValue: number | null;
}

/** Model updating in an external cohort (TRIPOD+AI 12f, 24). */
export interface ModelUpdatingResult {
  readonly model: string;
  readonly cohort: string;
  /** "recalibration-in-the-large", "logistic-recalibration", "refit". */
  readonly method: string;
  readonly description: string | null;
  /** Updated parameters, e.g. { intercept: -0.31, slope: 0.82 }. */
  readonly parameters: Readonly<Record<string, number>>;
  readonly before: PerformanceMetrics;
  readonly after: PerformanceMetrics;
  /** How `after` was estimated, e.g. "bootstrap-corrected in the external cohort". */
  readonly evaluation: string | null;
}

/** Standardised mean difference of one predictor between two cohorts. */
export interface FeatureSmd {
  readonly feature: string;
  readonly referenceMean: number;
  readonly cohortMean: number;
  /** (mean_cohort − mean_reference) / pooled SD. */
  readonly smd: number;
}

/** Case-mix comparison of an external cohort with the development data (TRIPOD+AI 16, 20c). */
export interface CaseMixComparison {
  /** Development cohort name. */
  readonly reference: string;
  /** External cohort name. */
  readonly cohort: string;
  readonly referencePrevalence: number;
  readonly cohortPrevalence: number;
  readonly smd: readonly FeatureSmd[];
  /** AUC of a model predicting cohort membership from the predictors (Debray et al. 2015), when computed. */
  readonly membershipAuc: number | null;
}

/** Class-imbalance handling (TRIPOD+AI item 13). */
export interface ClassImbalance {
  /** "none", "class-weights", "undersampling", "oversampling", "smote". */
  readonly method: string;
  readonly details: string | null;
  /** Development prevalence. */
  readonly prevalence: number;
  /** True when predictions were recalibrated afterwards. */
  readonly recalibrated: boolean;
  readonly recalibrationMethod: string | null;
}

/** A threshold turning probabilities into a classification (TRIPOD+AI item 15). */
export interface ClassificationThreshold {
  readonly model: string;
  readonly threshold: number;
  /** How it was chosen, e.g. "Youden index on out-of-fold predictions", "clinical (author)". */
  readonly rule: string;
  readonly sensitivity: number | null;
  readonly specificity: number | null;
}

/** Model output (TRIPOD+AI item 15). */
export interface ModelOutput {
  /** "probability" or "classification". */
  readonly kind: string;
  readonly thresholds: readonly ClassificationThreshold[];
}

/** Performance in a subgroup (TRIPOD+AI 14, 23a). */
export interface SubgroupResult {
  readonly model: string;
  readonly cohort: string;
  /** Grouping variable, e.g. "sex", "site". */
  readonly variable: string;
  readonly level: string;
  readonly n: number;
  readonly events: number;
  readonly metrics: PerformanceMetrics;
}
