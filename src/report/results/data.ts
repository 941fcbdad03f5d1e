// Cohorts, data preparation and predictors of the results contract (see ../results.ts).
import type { ResultValue } from "./metrics.js";

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
  /** Candidate features with test-retest data (judged by the filter). */
  readonly assessed?: number | null;
  /** Candidate features without test-retest data, and what the config chose for them ("keep": entered unassessed; "drop"). */
  readonly unassessed?: { readonly count: number; readonly policy: string; readonly features: readonly string[] } | null;
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
  /**
   * Candidates the leak screen suspects of carrying post-baseline or outcome-derived information (names such as
   * follow-up, response, death; or AUC ≥ 0.8 / |ρ| ≥ 0.8 alone on the development rows). Null or absent: not screened.
   */
  readonly suspectedLeaks?: readonly SuspectedLeak[] | null;
  /** Candidates that are not image (radiomics) features: clinical and other non-image predictors. Null or absent: not recorded. */
  readonly clinical?: readonly string[] | null;
}

/** One predictor the leak screen suspects (see `Predictors.suspectedLeaks`). */
export interface SuspectedLeak {
  readonly feature: string;
  readonly reason: string;
  /** max(AUC, 1 − AUC) of the feature alone on the development rows. */
  readonly auc: number | null;
  /** The feature alone separates the outcome perfectly. */
  readonly separates: boolean;
}
