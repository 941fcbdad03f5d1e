/**
 * The validation engine's public API (isomorphic): workflows (recipe + model
 * + tuning), task executors, resampling of workflows, Harrell's optimism
 * bootstrap with .632/.632+, leave-one-site-out with random-effects pooling,
 * model updating, performance indexes and curves, and the study runner
 * (config schema → results.json object), plus role guessing and starter
 * configs for `radval init`. Node-only pieces (worker pool, config files)
 * are in `radval/node`.
 */
export { workflow, fitWorkflow, withParams, outcomeVector, analysisOutcome } from "./workflow.js";
export type { WorkflowSpec, FittedWorkflow, FitWorkflowOptions, TuningGrid } from "./workflow.js";
export { inProcessExecutor, runTask } from "./tasks.js";
export type { TaskExecutor, ValidationJob, FitPredictTask, TaskOutput } from "./tasks.js";
export { resampleWorkflows, poolByRepeat, splitSeeds } from "./crossValidation.js";
export type { SplitPredictions, PooledPredictions, ProcedureOptions } from "./crossValidation.js";
export { optimismBootstrap, OPTIMISM_METRICS, emaxOfCalibrationLine } from "./optimismBootstrap.js";
export type { OptimismResult, OptimismMetric, BootstrapReplicate } from "./optimismBootstrap.js";
export { dotPlus, dotPlusLoss } from "./dotPlus.js";
export type { DotPlusResult, DotPlusEstimate } from "./dotPlus.js";
export { performanceIndexes, performanceMetrics, calibrationStandardErrors, clippedLogit, PROBABILITY_CLIP } from "./performance.js";
export type { PerformanceIndexes } from "./performance.js";
export { rocPoints, calibrationPoints, decisionCurveRows } from "./curves.js";
export { validateBySite } from "./leaveOneSiteOut.js";
export type { SiteValidation } from "./leaveOneSiteOut.js";
export { randomEffectsMeta } from "./metaAnalysis.js";
export type { MetaOptions, MetaResult } from "./metaAnalysis.js";
export { permutationTest } from "./permutation.js";
export type { PermutationTestResult } from "./permutation.js";
export { updateModel } from "./updating.js";
export type { UpdatingMethod } from "./updating.js";
export { tuneWorkflow, expandGrid } from "./tuning.js";
export type { TuningResult, TuningCandidate } from "./tuning.js";
export { standardisedMeanDifferences } from "./caseMix.js";
export { studyConfigSchema, parseStudyConfig } from "./config.js";
export type { StudyConfig } from "./config.js";
export { runStudy } from "./study/runStudy.js";
export type { StudyInputs, RunStudyOptions, PredictionRow } from "./study/runStudy.js";
export { resolveDesign } from "./study/design.js";
export type { CohortRows, StudyDesign } from "./study/design.js";
export { guessRoles, profileColumns, ROLE_NAMES } from "./study/guessRoles.js";
export type { GuessedRoles, RoleGuess, ColumnProfile } from "./study/guessRoles.js";
export { starterConfig } from "./study/starterConfig.js";
export type { StarterConfigOptions } from "./study/starterConfig.js";
