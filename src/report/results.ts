/**
 * The study results a report is built from: the plain-JSON contract of
 * `results.json` that the validation engine writes (`radval validate`) and
 * `radval report` reads. Plain data only: numbers are numbers, absent values
 * are `null` (never omitted by the engine; a hand-written file may omit
 * nullable fields and arrays, which read as `null` / `[]`).
 *
 * Conventions: probabilities and proportions are on [0, 1]; an `Estimate` is a
 * point estimate with an optional confidence interval (95% unless `level`
 * says otherwise); every per-model block names its model by `ModelResult.id`;
 * every per-cohort block names its cohort by `CohortResult.name`.
 *
 * The zod schema that reads a file is in `resultsSchema.ts`.
 * @packageDocumentation
 */

/** The schema version this code reads and the engine writes. Bump on breaking changes. */
export const RESULTS_SCHEMA_VERSION = 1;

/** A hyperparameter or setting value (plain JSON). */
export type ResultValue = number | string | boolean | null | readonly number[] | readonly string[];

/** A point estimate with its confidence interval (bounds null when not computed). */
export interface Estimate {
  readonly estimate: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  /** Confidence level of [lower, upper], default 0.95. */
  readonly level: number | null;
  /** How the interval was computed, e.g. "DeLong", "bootstrap percentile", "profile likelihood". */
  readonly method: string | null;
}

/**
 * Performance of one model on one set of predictions. Definitions follow rms
 * `val.prob` / pROC: `auc` = C statistic (Mann–Whitney); `brier` = mean
 * squared error of the probabilities; `calibrationIntercept` = intercept of
 * logit(y) on the linear predictor with slope fixed at 1 (calibration-in-the-
 * large); `calibrationSlope` = slope of logistic recalibration;
 * `eavg`/`e90`/`emax` = mean / 90th percentile / max absolute difference
 * between the flexible (loess) calibration curve and the diagonal (Austin &
 * Steyerberg 2019); `r2Nagelkerke`, `r2CoxSnell` = likelihood-based R².
 */
export interface PerformanceMetrics {
  readonly auc: Estimate | null;
  readonly brier: Estimate | null;
  readonly calibrationIntercept: Estimate | null;
  readonly calibrationSlope: Estimate | null;
  readonly eavg: Estimate | null;
  readonly e90: Estimate | null;
  readonly emax: Estimate | null;
  readonly r2Nagelkerke: Estimate | null;
  readonly r2CoxSnell: Estimate | null;
}

/** Names of the metrics in {@link PerformanceMetrics}. */
export type MetricName = keyof PerformanceMetrics;

/** One point of an empirical ROC curve (pROC `coords(roc, "all")`). */
export interface RocPoint {
  /** 1 − specificity. */
  readonly fpr: number;
  /** Sensitivity. */
  readonly tpr: number;
  /** Cases with score ≥ threshold are called positive; null for ±Inf. */
  readonly threshold: number | null;
}

/** A confidence band of sensitivity at fixed 1 − specificity (pROC `ci.se`). */
export interface RocBandPoint {
  readonly fpr: number;
  readonly tprLower: number;
  readonly tprUpper: number;
}

/** An ROC curve with an optional confidence band. */
export interface RocCurve {
  readonly points: readonly RocPoint[];
  readonly band: readonly RocBandPoint[] | null;
  /** How the band was computed, e.g. "bootstrap (2000), pROC ci.se". */
  readonly bandMethod: string | null;
}

/** One point of a flexible calibration curve, with optional pointwise CI. */
export interface CalibrationSmoothPoint {
  readonly predicted: number;
  readonly observed: number;
  readonly lower: number | null;
  readonly upper: number | null;
}

/** A group of cases binned by predicted risk: mean predicted vs observed proportion with its CI. */
export interface CalibrationBin {
  /** Mean predicted probability in the bin. */
  readonly predicted: number;
  /** Observed event proportion in the bin. */
  readonly observed: number;
  /** CI of the observed proportion (e.g. Wilson). */
  readonly lower: number | null;
  readonly upper: number | null;
  readonly n: number;
  readonly events: number;
}

/** One bar of the predicted-risk histogram, split by outcome. */
export interface RiskHistogramBin {
  /** Bin start and end on the probability scale, [start, end). */
  readonly start: number;
  readonly end: number;
  readonly events: number;
  readonly nonEvents: number;
}

/** A calibration curve: flexible curve, binned points and the risk distribution. */
export interface CalibrationCurve {
  /** Smoother used, e.g. "loess (span 0.75)" as in rms val.prob. */
  readonly method: string | null;
  readonly smooth: readonly CalibrationSmoothPoint[];
  readonly bins: readonly CalibrationBin[];
  readonly riskHistogram: readonly RiskHistogramBin[];
}

/**
 * One row of a decision curve (Vickers & Elkin 2006): net benefit of the
 * model, of treating all and of treating none at a threshold probability, and
 * net interventions avoided per 100 patients.
 */
export interface DecisionCurveRow {
  readonly threshold: number;
  readonly netBenefit: number;
  readonly treatAll: number;
  /** Always 0 by definition; kept so every row is self-describing. */
  readonly treatNone: number;
  readonly interventionsAvoided: number | null;
}

/** One site (centre) of a cohort. */
export interface SiteSummary {
  readonly site: string;
  readonly n: number;
  readonly events: number;
  /** First and last date (ISO YYYY-MM-DD) at this site, when a date column exists. */
  readonly firstDate: string | null;
  readonly lastDate: string | null;
}

/** Missing values in one cohort. */
export interface MissingSummary {
  /** Missing feature cells in total. */
  readonly cells: number;
  /** Rows with at least one missing feature. */
  readonly rowsWithMissing: number;
  /** Missing count per feature (features with none may be omitted). */
  readonly byFeature: Readonly<Record<string, number>>;
  /** Rows dropped because the outcome was missing. */
  readonly outcomeMissingDropped: number;
}

/** One cohort (data source): development or external. */
export interface CohortResult {
  /** Unique cohort name, used by every other block. */
  readonly name: string;
  readonly role: "development" | "external";
  /** Kind of external validation when role is external. */
  readonly design: "temporal" | "geographic" | "external" | null;
  /** Source file as given to radval (path or name). */
  readonly sourceFile: string | null;
  /** SHA-256 of the source file, when computed. */
  readonly sourceSha256: string | null;
  readonly n: number;
  readonly events: number;
  readonly dateColumn: string | null;
  /** First / last date (ISO) of the cohort. */
  readonly firstDate: string | null;
  readonly lastDate: string | null;
  readonly siteColumn: string | null;
  readonly sites: readonly SiteSummary[];
  readonly missing: MissingSummary | null;
}

/** Reliability of one feature in the test-retest / multi-reader table. */
export interface ReliabilityFeature {
  readonly feature: string;
  /** ICC or CCC value. */
  readonly value: number;
  readonly lower: number | null;
  readonly upper: number | null;
  /** Koo & Li (2016) band: poor < 0.5 ≤ moderate < 0.75 ≤ good < 0.9 ≤ excellent. */
  readonly band: "poor" | "moderate" | "good" | "excellent";
  readonly kept: boolean;
}

/** The reliability filter's log (features dropped for low ICC / CCC). */
export interface ReliabilityLog {
  /** E.g. "ICC(A,1)" (two-way random, absolute agreement, single rater) or "CCC". */
  readonly measure: string;
  /** Features with value (or lower bound, see `rule`) ≥ cut are kept. */
  readonly cut: number;
  /** "estimate" (value ≥ cut) or "lowerBound" (lower CI bound ≥ cut). */
  readonly rule: "estimate" | "lowerBound";
  readonly sourceFile: string | null;
  readonly nCases: number | null;
  readonly nRaters: number | null;
  readonly features: readonly ReliabilityFeature[];
}

/** One cluster of correlated features and its representative. */
export interface RedundancyCluster {
  readonly id: number;
  readonly members: readonly string[];
  readonly representative: string;
  /** Mean absolute pairwise correlation within the cluster (null for singletons). */
  readonly meanAbsR: number | null;
}

/**
 * A hierarchical clustering tree in R `hclust` form: `merge` rows are pairs,
 * negative = leaf index (1-based into `labels`), positive = earlier merge
 * (1-based); `height` per merge; `order` = leaf order (1-based) for plotting.
 */
export interface MergeTree {
  readonly labels: readonly string[];
  readonly merge: ReadonlyArray<readonly [number, number]>;
  readonly height: readonly number[];
  readonly order: readonly number[];
}

/** The redundancy-reduction step's log, from its fit on the full development data. */
export interface RedundancyLog {
  /** "spearman" or "pearson". */
  readonly correlation: string;
  /** Linkage of the hierarchical clustering, e.g. "average". */
  readonly linkage: string;
  /** Tree cut at |r| ≥ threshold (height 1 − threshold). */
  readonly threshold: number;
  /** How the representative was chosen, e.g. "highest univariable AUC", "medoid". */
  readonly representativeRule: string;
  readonly clusters: readonly RedundancyCluster[];
  readonly tree: MergeTree | null;
  /** Correlation matrix (features × features, in `features` order) for the heatmap. */
  readonly matrix: { readonly features: readonly string[]; readonly values: ReadonlyArray<readonly number[]> } | null;
}

/** Any other preprocessing step (imputation, scaling, harmonisation) as logged by its fit. */
export interface PreprocessStepLog {
  /** Step type, e.g. "impute", "scale", "combat". */
  readonly type: string;
  readonly description: string;
  readonly inputFeatures: number | null;
  readonly outputFeatures: number | null;
  readonly details: Readonly<Record<string, ResultValue>> | null;
}

/** Data preparation (TRIPOD+AI item 7): what was dropped, merged or transformed, and why. */
export interface DataPreparation {
  readonly reliability: ReliabilityLog | null;
  readonly redundancy: RedundancyLog | null;
  /** The recipe's other steps in order (each refit inside every resampling split). */
  readonly steps: readonly PreprocessStepLog[];
  /** True when every step was fit on analysis rows only inside each split (radval always does this). */
  readonly refitInEverySplit: boolean;
}

/** How missing data were handled (TRIPOD+AI item 11). */
export interface MissingDataHandling {
  /** E.g. "none", "complete-case", "median imputation", "mean imputation". */
  readonly strategy: string;
  readonly rowsDropped: number;
  readonly details: string | null;
}

/** The candidate predictors entering the modelling pipeline (TRIPOD+AI 9a, 10). */
export interface Predictors {
  /** Feature columns available in the input table. */
  readonly available: number;
  /** Candidate predictors entering model building (after the reliability filter, before redundancy reduction and selection). */
  readonly candidates: readonly string[];
  /** Candidate predictor parameters for EPP and Riley criteria (default: candidates.length). */
  readonly candidateParameters: number | null;
  /** Columns excluded by the user or as non-numeric / constant. */
  readonly excluded: readonly string[];
}

/** Hyperparameter tuning of one model. */
export interface Tuning {
  /** E.g. "grid search", "cv.glmnet". */
  readonly method: string;
  /** Resampling used for tuning, e.g. "10-fold CV inside each training set". */
  readonly scheme: string;
  /** Metric optimised, e.g. "deviance", "auc". */
  readonly metric: string;
  /** Number of candidate settings. */
  readonly candidates: number | null;
  /** The values chosen on the full development data. */
  readonly selected: Readonly<Record<string, ResultValue>>;
  /** True when tuning was repeated inside every validation split (nested). */
  readonly nested: boolean;
}

/** A named coefficient or importance value. */
export interface NamedValue {
  readonly feature: string;
  readonly value: number;
}

/** The final model fitted on all development data (TRIPOD+AI item 22). */
export interface FinalModel {
  readonly nObservations: number;
  readonly nEvents: number;
  readonly featureNames: readonly string[];
  /** Intercept on the original feature scale (linear models). */
  readonly intercept: number | null;
  /** Coefficients on the original feature scale (linear models; zeros included). */
  readonly coefficients: readonly NamedValue[] | null;
  /** Every hyperparameter in force (defaults merged). */
  readonly hyperparameters: Readonly<Record<string, ResultValue>>;
  /** SVM: number of support vectors. */
  readonly supportVectors: number | null;
  /** Forests and other non-linear models: variable importances (e.g. permutation). */
  readonly importances: readonly NamedValue[] | null;
  /** How importances were computed. */
  readonly importanceMethod: string | null;
  /** File holding the serialised model (`radval-model` JSON), when written. */
  readonly modelFile: string | null;
}

/** Cross-validation error at one λ (cv.glmnet `cvm`, `cvsd`). */
export interface CvPoint {
  readonly lambda: number;
  readonly mean: number;
  readonly se: number;
  readonly nonzero: number;
}

/** An elastic-net coefficient path with its CV curve (glmnet / cv.glmnet). */
export interface CoefficientPath {
  /** Decreasing λ sequence. */
  readonly lambda: readonly number[];
  readonly features: readonly string[];
  /** features × λ: coefficients[j][k] = coefficient of features[j] at lambda[k] (standardised scale). */
  readonly coefficients: ReadonlyArray<readonly number[]>;
  readonly cv: readonly CvPoint[];
  /** CV measure, e.g. "deviance", "auc". */
  readonly measure: string;
  readonly lambdaMin: number | null;
  readonly lambda1se: number | null;
  readonly chosenLambda: number;
  /** "lambda.min", "lambda.1se" or "fixed". */
  readonly chosenRule: string;
}

/** One model: its spec, tuning and full specification. */
export interface ModelResult {
  /** Unique id, used by every per-model block. */
  readonly id: string;
  /** Human label, e.g. "Elastic net (α = 0.5)". */
  readonly label: string;
  /** Model family: "elasticNet", "logistic", "svm", "randomForest". */
  readonly model: string;
  readonly engine: string;
  /** Hyperparameters of the spec (before tuning). */
  readonly params: Readonly<Record<string, ResultValue>>;
  readonly tuning: Tuning | null;
  readonly final: FinalModel;
  readonly path: CoefficientPath | null;
}

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

/**
 * Author-written study information, taken from the study config. Every field
 * is optional; absent fields make the matching TRIPOD+AI items "missing".
 * Each field names the TRIPOD+AI item(s) it answers.
 */
export interface StudyInfo {
  /** Item 1. */
  readonly title: string | null;
  /** Item 2 (the author's structured abstract; radval adds the numbers). */
  readonly abstract: string | null;
  /** Item 3a: healthcare context, rationale, existing models. */
  readonly background: string | null;
  /** Item 3b: target population, intended purpose in the care pathway, intended users. */
  readonly targetPopulation: string | null;
  /** Item 3c. */
  readonly healthInequalities: string | null;
  /** Item 4. */
  readonly objectives: string | null;
  /** Item 5a: source of each data set, rationale, representativeness. */
  readonly dataSources: string | null;
  /** Item 6a: setting, number and location of centres. */
  readonly setting: string | null;
  /** Item 6b. */
  readonly eligibility: string | null;
  /** Item 6c. */
  readonly treatments: string | null;
  /** Item 7: anything the author adds to radval's data-preparation log (e.g. segmentation QC). */
  readonly dataPreparation: string | null;
  /** Item 8a: outcome definition, time horizon, how and when assessed. */
  readonly outcomeDefinition: string | null;
  /** Item 8b. */
  readonly outcomeAssessors: string | null;
  /** Item 8c. */
  readonly outcomeBlinding: string | null;
  /** Item 9a: how the initial predictors were chosen. */
  readonly predictorChoice: string | null;
  /** Item 9b: predictor definitions and measurement (imaging protocol, segmentation, extraction settings). */
  readonly predictorDefinitions: string | null;
  /** Item 9c. */
  readonly predictorAssessors: string | null;
  /** Item 10: how the sample size was arrived at. */
  readonly sampleSize: string | null;
  /** Item 11: reasons for missing data and for omitting data. */
  readonly missingData: string | null;
  /** Item 12e: rationale for the performance measures. */
  readonly performanceRationale: string | null;
  /** Item 14. */
  readonly fairness: string | null;
  /** Item 15: rationale for any classification threshold. */
  readonly modelOutput: string | null;
  /** Item 16: differences in setting, eligibility, outcome, predictors between development and evaluation data. */
  readonly differences: string | null;
  /** Item 17. */
  readonly ethics: string | null;
  /** Item 18a. */
  readonly funding: string | null;
  /** Item 18b. */
  readonly conflicts: string | null;
  /** Item 18c. */
  readonly protocol: string | null;
  /** Item 18d. */
  readonly registration: string | null;
  /** Item 18e. */
  readonly dataSharing: string | null;
  /** Item 18f: where the code and config are available. */
  readonly codeSharing: string | null;
  /** Item 19. */
  readonly patientInvolvement: string | null;
  /** Item 20a: participant flow (radval adds the counts). */
  readonly participantFlow: string | null;
  /** Item 25. */
  readonly interpretation: string | null;
  /** Item 26 (radval adds the automatic flags). */
  readonly limitations: string | null;
  /** Item 27a. */
  readonly inputDataQuality: string | null;
  /** Item 27b. */
  readonly userInteraction: string | null;
  /** Item 27c. */
  readonly nextSteps: string | null;
  /**
   * Anticipated Cox–Snell R² for the Riley sample-size criteria, when the
   * author fixed it in advance (pmsampsize's `rsquared`); otherwise the report
   * uses the model's optimism-corrected Cox–Snell R².
   */
  readonly anticipatedR2CoxSnell: number | null;
}

/** Software and reproducibility (TRIPOD+AI 18f). */
export interface SoftwareInfo {
  readonly radvalVersion: string;
  /** Node (or browser) version string. */
  readonly runtime: string | null;
  /** The master seed every split's seed was drawn from. */
  readonly seed: number | null;
  /** SHA-256 of the canonical study config. */
  readonly configHash: string | null;
  readonly configFile: string | null;
  /** The command line that produced the results. */
  readonly command: string | null;
}

/** The outcome (TRIPOD+AI 8a: the data side). */
export interface OutcomeInfo {
  readonly column: string;
  /** Label counted as the event. */
  readonly positive: string;
  readonly negative: string | null;
}

/** The whole `results.json`. */
export interface StudyResults {
  readonly schemaVersion: typeof RESULTS_SCHEMA_VERSION;
  /** ISO 8601 time the results were written (null in hand-written fixtures). */
  readonly createdAt: string | null;
  readonly study: StudyInfo;
  readonly software: SoftwareInfo;
  readonly outcome: OutcomeInfo;
  readonly cohorts: readonly CohortResult[];
  readonly dataPreparation: DataPreparation;
  readonly missingData: MissingDataHandling | null;
  readonly predictors: Predictors;
  readonly models: readonly ModelResult[];
  /** Model the flags and the abstract focus on (default: the first model). */
  readonly primaryModel: string | null;
  readonly internalValidation: InternalValidation | null;
  readonly externalValidation: readonly ExternalValidationResult[];
  readonly heterogeneity: readonly HeterogeneityResult[];
  readonly updating: readonly ModelUpdatingResult[];
  readonly caseMix: readonly CaseMixComparison[];
  readonly classImbalance: ClassImbalance | null;
  readonly modelOutput: ModelOutput | null;
  readonly subgroups: readonly SubgroupResult[];
}
