import { RadvalError } from "../../core/errors.js";
import type { ColumnMatrix } from "../../core/matrix.js";
import { resolveClassWeights } from "../classWeights.js";
import type { ParamValue } from "../types.js";
import { type KernelKind, type KernelSpec, resolveGamma } from "./kernel.js";

/**
 * Per-class multipliers of the cost C, [class 0, class 1]: the class weights
 * times the observation weights, which must be constant within each class
 * (libsvm weights classes, not single observations: C_c = C · w_c, libsvm -wc).
 * Non-constant observation weights within a class are `NOT_IMPLEMENTED_OPTION`.
 */
export function svmClassMultipliers(engine: string, y: Float64Array, classWeight: ParamValue, weights: Float64Array | undefined): [number, number] {
  const cw = resolveClassWeights(classWeight, y);
  if (!weights) return cw;
  const seen: [number, number] = [NaN, NaN];
  for (let i = 0; i < y.length; i++) {
    const c = y[i]!;
    const w = weights[i]!;
    if (Number.isNaN(seen[c]!)) seen[c] = w;
    else if (seen[c] !== w) {
      throw new RadvalError("NOT_IMPLEMENTED_OPTION", `svm (${engine}) accepts observation weights only when they are the same within each class (row ${i + 1} has weight ${w}, an earlier class-${c} row ${seen[c]})`, {
        where: { row: i + 1, key: "weights" },
        hint: 'libsvm weights classes, not single observations: use classWeight (e.g. "balanced") instead.',
      });
    }
  }
  return [cw[0] * (Number.isNaN(seen[0]) ? 1 : seen[0]), cw[1] * (Number.isNaN(seen[1]) ? 1 : seen[1])];
}

/** The kernel with γ resolved on the training rows (γ = "scale" reads their variance). */
export function kernelFromParams(params: Readonly<Record<string, ParamValue>>, x: ColumnMatrix): KernelSpec {
  const kind = params["kernel"] as KernelKind;
  return Object.freeze({
    kind,
    gamma: kind === "linear" ? 0 : resolveGamma(params["gamma"], x.data, x.nCols),
    degree: params["degree"] as number,
    coef0: params["coef0"] as number,
  });
}
