import type { LevelEvaluation } from "../../ordinal/evaluation.js";
import type { SurvivalEvaluation } from "../../survival/evaluation.js";
import type { SelectionStability } from "./validation.js";

/** The outcome of a study by kind (binary studies: kind "binary", nothing else). */
export interface OutcomeKindInfo {
  readonly kind: "binary" | "ordinal" | "nominal" | "survival";
  /** Ordinal / nominal: the outcome column. */
  readonly column?: string;
  /** Survival: time and event columns, horizon, median follow-up (reverse Kaplan–Meier) of the development rows. */
  readonly timeColumn?: string;
  readonly eventColumn?: string;
  readonly horizon?: number;
  readonly medianFollowUp?: number | null;
  /** Ordinal / nominal: the levels (lowest first) and the named cut-offs. */
  readonly levels?: readonly string[];
  readonly cutoffs?: readonly string[];
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

/** Internal and external validation of a study whose outcome is ordinal, nominal or time-to-event (the kind's metric set). */
export interface OutcomeValidation {
  readonly kind: "ordinal" | "nominal" | "survival";
  readonly description: string;
  readonly folds: number | null;
  readonly repeats: number | null;
  readonly bootstraps: number | null;
  readonly cohort: string;
  readonly models: readonly KindModelValidation[];
}
