// Ordinal (and multi-class) outcomes: level coding, cut-offs, the proportional-odds model and the metrics.
export { codeOrdinalOutcome, naturalLevelOrder, levelKey, checkCodes } from "./levels.js";
export type { CodedOutcome, CodeOutcomeOptions } from "./levels.js";
export { parseCutoff, parseCutoffs, cutoffIndicator } from "./cutoffs.js";
export type { Cutoff, CutoffOperator } from "./cutoffs.js";
export { proportionalOdds, predictProportionalOdds } from "./proportionalOdds.js";
export type { ProportionalOddsFit, ProportionalOddsOptions, ProportionalOddsPrediction } from "./proportionalOdds.js";
export { dichotomisedAuc, cutoffProbability } from "./dichotomisedAuc.js";
export type { CutoffAuc } from "./dichotomisedAuc.js";
export { obuchowskiIndex } from "./obuchowski.js";
export type { ObuchowskiIndex } from "./obuchowski.js";
export { weightedKappa, kappaWeightMatrix } from "./kappa.js";
export type { KappaEstimate, KappaWeights } from "./kappa.js";
export { confusionMatrix, argmaxClass } from "./confusion.js";
export { multiclassBrier } from "./brier.js";
export { multinomialLogistic } from "./multinomialLogistic.js";
export type { MultinomialLogisticFit, MultinomialLogisticOptions } from "./multinomialLogistic.js";
export { cutoffCalibration } from "./cutoffCalibration.js";
export type { CutoffCalibration } from "./cutoffCalibration.js";
