export { logisticRegression } from "./logisticRegression.js";
export type { LogisticRegressionOptions, LogisticRegressionResult } from "./logisticRegression.js";
export { separatingFeatures } from "./separation.js";
export type { SeparatingFeature } from "./separation.js";
export { twoSidedNormalP } from "./normalTail.js";
export { logistic, LOGISTIC_DEFAULTS } from "./spec.js";
export { logisticEngine } from "./engine.js";
