import { RadvalError } from "../core/errors.js";
import { type ColumnMatrix, getColumn } from "../core/matrix.js";
import { aucMannWhitney } from "./auc.js";
import { type Direction, checkDirection } from "./inputs.js";

/** Per-class one-vs-rest AUC. */
export interface ClassAuc {
  readonly class: number;
  readonly auc: number;
  readonly nPositive: number;
  readonly nNegative: number;
}

/** Pairwise AUC of Hand & Till: A(i, j) = (A(i|j) + A(j|i))/2. */
export interface PairAuc {
  readonly classes: readonly [number, number];
  readonly auc: number;
}

/** A multi-class AUC. */
export interface MulticlassAuc {
  readonly method: "ovr" | "hand-till" | "pairwise-marker";
  readonly auc: number;
  readonly nClasses: number;
  readonly perClass?: readonly ClassAuc[];
  readonly pairs?: readonly PairAuc[];
}

function columnsOf(prob: ColumnMatrix | ReadonlyArray<ArrayLike<number>>): ArrayLike<number>[] {
  if (Array.isArray(prob)) return prob as ArrayLike<number>[];
  const m = prob as ColumnMatrix;
  const out: ArrayLike<number>[] = [];
  for (let j = 0; j < m.nCols; j++) out.push(getColumn(m, j));
  return out;
}

function checkLabels(truth: ArrayLike<number>, k: number): Int32Array {
  const counts = new Int32Array(k);
  for (let i = 0; i < truth.length; i++) {
    const t = truth[i]!;
    if (!Number.isInteger(t) || t < 0 || t >= k) {
      throw new RadvalError("INVALID_ARGUMENT", `class labels must be whole numbers 0..${k - 1}, got ${t} at position ${i + 1}`, {
        hint: "Code the classes as 0, 1, …, K − 1, in the order of the probability columns.",
      });
    }
    counts[t]!++;
  }
  for (let c = 0; c < k; c++) {
    if (counts[c] === 0) {
      throw new RadvalError("SINGLE_CLASS", `class ${c} has no cases: its AUC is undefined`, { hint: "Drop empty classes (and their probability column) first." });
    }
  }
  return counts;
}

function subsetAuc(truth: ArrayLike<number>, score: ArrayLike<number>, rows: readonly number[], positiveClass: number, direction: Direction): number {
  const t = new Float64Array(rows.length);
  const s = new Float64Array(rows.length);
  for (let k = 0; k < rows.length; k++) {
    t[k] = truth[rows[k]!] === positiveClass ? 1 : 0;
    s[k] = score[rows[k]!]!;
  }
  return aucMannWhitney(t, s, direction);
}

/**
 * Multi-class AUC from a matrix of class probabilities (n × K, column k =
 * P(class k)), classes coded 0..K − 1.
 * - "ovr" (default): macro one-vs-rest — the unweighted mean over classes of
 *   the AUC of column k for class k vs the rest (scikit-learn's
 *   `roc_auc_score(multi_class = "ovr", average = "macro")`).
 * - "hand-till": Hand & Till 2001 (Machine Learning 45:171) M = mean over
 *   class pairs of (A(i|j) + A(j|i))/2, A(i|j) the AUC of column i among
 *   classes i and j (pROC's `multiclass.roc` with a probability matrix).
 * Ties count ½, no direction is flipped. O(K·n log n) (ovr) or O(K²·n log n).
 */
export function multiclassAuc(
  truth: ArrayLike<number>,
  prob: ColumnMatrix | ReadonlyArray<ArrayLike<number>>,
  options: { method?: "ovr" | "hand-till" } = {},
): MulticlassAuc {
  const cols = columnsOf(prob);
  const k = cols.length;
  if (k < 2) throw new RadvalError("INVALID_ARGUMENT", `a multi-class AUC needs at least 2 probability columns, got ${k}`);
  for (const c of cols) {
    if (c.length !== truth.length) throw new RadvalError("DIMENSION_MISMATCH", `truth has ${truth.length} values but a probability column has ${c.length}`);
  }
  const counts = checkLabels(truth, k);
  const method = options.method ?? "ovr";
  if (method === "ovr") {
    const perClass: ClassAuc[] = [];
    let sum = 0;
    for (let c = 0; c < k; c++) {
      const t = new Float64Array(truth.length);
      for (let i = 0; i < truth.length; i++) t[i] = truth[i] === c ? 1 : 0;
      const auc = aucMannWhitney(t, cols[c]!, "<");
      perClass.push({ class: c, auc, nPositive: counts[c]!, nNegative: truth.length - counts[c]! });
      sum += auc;
    }
    return { method, auc: sum / k, nClasses: k, perClass };
  }
  if (method !== "hand-till") {
    throw new RadvalError("INVALID_OPTION", `unknown multi-class AUC method "${String(method)}"`, { where: { option: "method" }, hint: 'Use "ovr" or "hand-till".' });
  }
  const rowsOf = rowsByClass(truth, k);
  const pairs: PairAuc[] = [];
  let sum = 0;
  for (let i = 0; i < k; i++) {
    for (let j = i + 1; j < k; j++) {
      const rows = [...rowsOf[i]!, ...rowsOf[j]!];
      const aij = subsetAuc(truth, cols[i]!, rows, i, "<");
      const aji = subsetAuc(truth, cols[j]!, rows, j, "<");
      const auc = (aij + aji) / 2;
      pairs.push({ classes: [i, j], auc });
      sum += auc;
    }
  }
  return { method, auc: sum / pairs.length, nClasses: k, pairs };
}

/** The rows of each class 0…k−1, in row order. */
function rowsByClass(truth: ArrayLike<number>, k: number): number[][] {
  const rowsOf: number[][] = Array.from({ length: k }, () => []);
  for (let i = 0; i < truth.length; i++) rowsOf[truth[i]!]!.push(i);
  return rowsOf;
}

/**
 * Multi-class AUC of one ordinal marker: the mean over class pairs i < j of
 * the AUC of the marker for class j (cases) vs class i (controls), with a
 * fixed direction ("<": higher marker = higher class) — pROC's
 * `multiclass.roc(response, marker, direction = "<")` with classes in
 * ascending order. O(K²·n log n).
 */
export function multiclassMarkerAuc(truth: ArrayLike<number>, score: ArrayLike<number>, options: { direction?: Direction; nClasses?: number } = {}): MulticlassAuc {
  const direction = checkDirection(options.direction ?? "<");
  if (score.length !== truth.length) throw new RadvalError("DIMENSION_MISMATCH", `truth has ${truth.length} values but score has ${score.length}`);
  let k = options.nClasses ?? 0;
  if (options.nClasses === undefined) for (let i = 0; i < truth.length; i++) k = Math.max(k, (truth[i]! | 0) + 1);
  checkLabels(truth, k);
  const rowsOf = rowsByClass(truth, k);
  const pairs: PairAuc[] = [];
  let sum = 0;
  for (let i = 0; i < k; i++) {
    for (let j = i + 1; j < k; j++) {
      const auc = subsetAuc(truth, score, [...rowsOf[i]!, ...rowsOf[j]!], j, direction);
      pairs.push({ classes: [i, j], auc });
      sum += auc;
    }
  }
  return { method: "pairwise-marker", auc: sum / pairs.length, nClasses: k, pairs };
}
