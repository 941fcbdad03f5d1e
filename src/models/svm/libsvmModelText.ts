import { RadvalError } from "../../core/errors.js";

/** The parts of a libsvm model file (`svm_save_model` text) radval reads. */
export interface LibsvmModelText {
  readonly svmType: string;
  readonly kernelType: string;
  readonly nrClass: number;
  readonly totalSv: number;
  /** ρ per class pair (printed by libsvm with `%g`: 6 significant digits). */
  readonly rho: readonly number[];
  /** Class labels in the model's order (the first is the "+1" side of the decision value). */
  readonly labels: readonly number[];
  /** Support vectors per class, in `labels` order. */
  readonly nrSv: readonly number[];
  /** Platt parameters when trained with probability estimates (`%g`). */
  readonly probA?: readonly number[];
  readonly probB?: readonly number[];
  /** Dual coefficients yᵢαᵢ, one row per support vector, `nrClass − 1` per row (`%.17g`: exact). */
  readonly svCoef: Float64Array;
  /** Support vector values as printed (`%.8g`, row-major totalSv × p; sparse zeros filled). */
  readonly svValues: Float64Array;
  /** Number of feature columns seen in the SV section (largest index). */
  readonly nFeatures: number;
}

function fail(message: string): never {
  throw new RadvalError("INCOMPATIBLE_MODEL", `libsvm model text: ${message}`, { hint: "This is a bug in the libsvm engine or an unexpected libsvm-js version; please report it." });
}

/**
 * Parses the text of libsvm-js's `serializeModel()` (libsvm's
 * `svm_save_model` format: a header of `key value…` lines, then `SV`, then one
 * line per support vector: the coefficient(s) and sparse `index:value` pairs).
 * `p` is the number of features (sparse rows omit zeros). O(size of text).
 */
export function parseLibsvmModel(text: string, p: number): LibsvmModelText {
  const lines = text.split("\n");
  const header = new Map<string, string[]>();
  let k = 0;
  for (; k < lines.length; k++) {
    const line = lines[k]!.trim();
    if (line === "SV") break;
    if (line === "") continue;
    const [key, ...values] = line.split(/\s+/);
    header.set(key!, values);
  }
  if (k >= lines.length) fail('no "SV" line');
  const one = (key: string): string => header.get(key)?.[0] ?? fail(`no ${key}`);
  const nums = (key: string): number[] | undefined => header.get(key)?.map(Number);
  const nrClass = Number(one("nr_class"));
  const totalSv = Number(one("total_sv"));
  const rho = nums("rho") ?? fail("no rho");
  const labels = nums("label") ?? fail("no label");
  const nrSv = nums("nr_sv") ?? fail("no nr_sv");
  const nCoef = nrClass - 1;
  const svCoef = new Float64Array(totalSv * nCoef);
  const svValues = new Float64Array(totalSv * p);
  let maxIndex = 0;
  for (let s = 0; s < totalSv; s++) {
    const line = lines[k + 1 + s];
    if (line === undefined) fail(`expected ${totalSv} support vectors, found ${s}`);
    const parts = line.trim().split(/\s+/);
    for (let c = 0; c < nCoef; c++) svCoef[s * nCoef + c] = Number(parts[c]);
    for (let t = nCoef; t < parts.length; t++) {
      const part = parts[t]!;
      if (part === "") continue;
      const colon = part.indexOf(":");
      const index = Number(part.slice(0, colon));
      if (index > maxIndex) maxIndex = index;
      if (index >= 1 && index <= p) svValues[s * p + index - 1] = Number(part.slice(colon + 1));
    }
  }
  const probA = nums("probA");
  const probB = nums("probB");
  return {
    svmType: one("svm_type"),
    kernelType: one("kernel_type"),
    nrClass,
    totalSv,
    rho,
    labels,
    nrSv,
    ...(probA ? { probA } : {}),
    ...(probB ? { probB } : {}),
    svCoef,
    svValues,
    nFeatures: maxIndex,
  };
}
