import { RadvalError } from "../../core/errors.js";
import type { ParamValue } from "../types.js";

/** Forest hyperparameters resolved for data with p features. */
export interface ForestSettings {
  readonly trees: number;
  readonly mtry: number;
  readonly minNodeSize: number;
  readonly maxDepth: number | null;
  readonly sampleFraction: number;
  readonly replace: boolean;
}

/**
 * Resolves the forest's defaults for p features (mtry = ⌊√p⌋, at least 1;
 * sampleFraction 1 with replacement, 0.632 without) and checks mtry ≤ p
 * (`INVALID_PARAMETER` naming both). O(1).
 */
export function resolveForestSettings(params: Readonly<Record<string, ParamValue>>, p: number): ForestSettings {
  const replace = params["replace"] as boolean;
  const mtryParam = params["mtry"] as number | null;
  const mtry = mtryParam ?? Math.max(1, Math.floor(Math.sqrt(p)));
  if (mtry > p) {
    throw new RadvalError("INVALID_PARAMETER", `mtry = ${mtry} features per split, but the data have only ${p} feature${p === 1 ? "" : "s"}`, {
      where: { key: "mtry", value: String(mtry) },
      hint: `Choose mtry between 1 and ${p} (default ⌊√p⌋ = ${Math.max(1, Math.floor(Math.sqrt(p)))}).`,
    });
  }
  return Object.freeze({
    trees: params["trees"] as number,
    mtry,
    minNodeSize: params["minNodeSize"] as number,
    maxDepth: params["maxDepth"] as number | null,
    sampleFraction: (params["sampleFraction"] as number | null) ?? (replace ? 1 : 0.632),
    replace,
  });
}
