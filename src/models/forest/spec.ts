import { type ParamRules, booleanParam, classWeightParam, enumParam, makeSpec, numberParam, resolveParams } from "../params.js";
import type { ModelSpec, ParamValue } from "../types.js";

/** Hyperparameters of {@link randomForest} (standard names; each engine translates them). */
export interface RandomForestParams {
  /** Number of trees. Default 500 (ranger, randomForest). */
  trees?: number;
  /** Features tried per split; null (default) = ⌊√p⌋ (scikit-learn's "sqrt", ranger's default). Must be ≤ p. */
  mtry?: number | null;
  /** A node is split only when it holds at least this many distinct training rows (scikit-learn's min_samples_split). Default 2. */
  minNodeSize?: number;
  /** Maximum tree depth (root = 0); null (default) = grow until pure or too small. */
  maxDepth?: number | null;
  /** Share of n drawn per tree; null (default) = 1 with replacement, 0.632 without (ranger). */
  sampleFraction?: number | null;
  /** Draw with replacement (bootstrap, default) or without (subsampling). */
  replace?: boolean;
  /** null, "balanced" or {"0": w0, "1": w1}: multiplies each row's weight in the Gini criterion and leaf values. */
  classWeight?: null | "balanced" | Readonly<Record<string, number>> | readonly number[];
  /** Feature importance: "impurity" (default, mean decrease in Gini) or "permutation" (adds the decrease in OOB AUC when a feature is permuted). */
  importance?: "impurity" | "permutation";
}

/** Parameter rules of the randomForest model family (shared by its engines). */
export const RANDOM_FOREST_PARAMS: ParamRules = Object.freeze({
  trees: numberParam(500, "number of trees, a whole number ≥ 1", { min: 1, integer: true }),
  mtry: numberParam(null, "features tried per split, 1 … p (null = ⌊√p⌋)", { min: 1, integer: true, nullable: true }),
  minNodeSize: numberParam(2, "smallest node (distinct rows) that is split, ≥ 1", { min: 1, integer: true }),
  maxDepth: numberParam(null, "maximum depth, ≥ 1 (null = unlimited)", { min: 1, integer: true, nullable: true }),
  sampleFraction: numberParam(null, "share of rows drawn per tree, in (0, 1] (null = 1 with replacement, 0.632 without)", { min: 0, max: 1, exclusiveMin: true, nullable: true }),
  replace: booleanParam(true, "true = bootstrap (with replacement), false = subsampling"),
  classWeight: classWeightParam(),
  importance: enumParam("impurity", 'importance: "impurity" or "permutation"', ["impurity", "permutation"]),
});

/**
 * Random forest classifier spec (Breiman 2001; parsnip's `rand_forest`).
 * Engines: "radval" (default; radval's own CART forest on typed arrays,
 * seeded from the fit's Rng) and "ml-random-forest". Returns frozen plain data
 * with every parameter filled in; unknown or invalid parameters are errors
 * naming the parameter (mtry > p is checked at fit, when p is known). O(1).
 */
export function randomForest(params: RandomForestParams = {}, engine = "radval"): ModelSpec {
  return makeSpec("randomForest", engine, resolveParams("randomForest", RANDOM_FOREST_PARAMS, params as Record<string, ParamValue | undefined>));
}
