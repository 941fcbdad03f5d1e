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
  /** Support vector k's values as printed (`%.8g`; sparse zeros filled), parsed on demand from its line. */
  supportVector(k: number): Float64Array;
}

function fail(message: string): never {
  throw new RadvalError("INCOMPATIBLE_MODEL", `libsvm model text: ${message}`, { hint: "This is a bug in the libsvm engine or an unexpected libsvm-js version; please report it." });
}

/**
 * Parses the text of libsvm-js's `serializeModel()` (libsvm's
 * `svm_save_model` format: a header of `key value…` lines, then `SV`, then one
 * line per support vector: the coefficient(s) and sparse `index:value` pairs).
 * `p` is the number of features (sparse rows omit zeros). O(number of support vectors)
 * for the coefficients; each support vector's values are parsed only when asked for.
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
  const first = k + 1;
  for (let s = 0; s < totalSv; s++) {
    const line = lines[first + s];
    if (line === undefined) fail(`expected ${totalSv} support vectors, found ${s}`);
    let start = 0;
    for (let c = 0; c < nCoef; c++) {
      const end = line.indexOf(" ", start);
      svCoef[s * nCoef + c] = Number(line.slice(start, end < 0 ? line.length : end));
      start = end + 1;
    }
  }
  const supportVector = (s: number): Float64Array => {
    const out = new Float64Array(p);
    const parts = lines[first + s]!.trim().split(/\s+/);
    for (let t = nCoef; t < parts.length; t++) {
      const part = parts[t]!;
      const colon = part.indexOf(":");
      const index = Number(part.slice(0, colon));
      if (index >= 1 && index <= p) out[index - 1] = Number(part.slice(colon + 1));
    }
    return out;
  };
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
    supportVector,
  };
}
