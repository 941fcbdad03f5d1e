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

import type { HarmonizationResult } from "../harmonize/results.js";
import type { CohortResult, DataPreparation, MissingDataHandling, Predictors } from "./results/data.js";
import type { ModelResult } from "./results/models.js";
import type { IncrementalValue, OutcomeKindInfo, OutcomeValidation } from "./results/outcomeKinds.js";
import type {
  CaseMixComparison,
  ClassImbalance,
  ExternalValidationResult,
  HeterogeneityResult,
  PooledSiteValidation,
  InternalValidation,
  ModelOutput,
  ModelUpdatingResult,
  SubgroupResult,
} from "./results/validation.js";

export type * from "./results/metrics.js";
export type * from "./results/data.js";
export type * from "./results/models.js";
export type * from "./results/validation.js";
export type * from "./results/outcomeKinds.js";

/** The schema version this code reads and the engine writes. Bump on breaking changes. */
export const RESULTS_SCHEMA_VERSION = 1;

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
  /** Site harmonisation (ComBat) and its before/after site diagnostics; absent or null without harmonisation. */
  readonly harmonization?: HarmonizationResult | null;
  readonly missingData: MissingDataHandling | null;
  readonly predictors: Predictors;
  readonly models: readonly ModelResult[];
  /** Model the flags and the abstract focus on (default: the first model). */
  readonly primaryModel: string | null;
  readonly internalValidation: InternalValidation | null;
  readonly externalValidation: readonly ExternalValidationResult[];
  readonly heterogeneity: readonly HeterogeneityResult[];
  /** Leave-one-site-out predictions pooled over all held-out sites, per model (empty without leave-one-site-out). */
  readonly leaveOneSiteOutPooled: readonly PooledSiteValidation[];
  readonly updating: readonly ModelUpdatingResult[];
  readonly caseMix: readonly CaseMixComparison[];
  readonly classImbalance: ClassImbalance | null;
  readonly modelOutput: ModelOutput | null;
  readonly subgroups: readonly SubgroupResult[];
  /** The outcome's kind (absent in files written before outcome kinds = binary). */
  readonly outcomeKind?: OutcomeKindInfo;
  /** Ordinal, nominal and survival studies: internal and external validation by the kind's metric set (binary studies: null). */
  readonly outcomeValidation?: OutcomeValidation | null;
  /** Incremental value of each configured pair (config `incremental.pairs`); absent without pairs. */
  readonly incrementalValue?: readonly IncrementalValue[];
}
