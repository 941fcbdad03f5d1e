import { previewList } from "../core/dataset.js";
import { type ErrorLocation, RadvalError } from "../core/errors.js";

/** An ordinal (or nominal) outcome coded 0..K−1 in the order of `levels`. */
export interface CodedOutcome {
  /** The level labels, lowest first. */
  readonly levels: readonly string[];
  /** Level index (0-based) of every case. */
  readonly codes: Int32Array;
  /** Number of cases of each level. */
  readonly counts: Int32Array;
}

/** Options of {@link codeOrdinalOutcome}. */
export interface CodeOutcomeOptions {
  /** The levels in their order (from a config or `--levels`); default: numeric order, or the number inside labels with a common prefix ("F0" < "F1" < … < "F4"). */
  readonly levels?: readonly string[];
  /** When true (default), a level with no cases is an error (a development set must hold every level). */
  readonly requireAllLevels?: boolean;
  /** Where the labels came from (file, column), for error messages. */
  readonly where?: ErrorLocation;
  /** Place of case k (file line), for error messages. */
  readonly locate?: (k: number) => ErrorLocation;
}

/** Canonical key of a label: numbers compare numerically ("2" = "2.0"), text trimmed. */
export function levelKey(label: string): string {
  const t = label.trim();
  const x = Number(t);
  return t !== "" && Number.isFinite(x) ? String(x) : t;
}

const PREFIXED = /^(.*?)(-?\d+(?:\.\d+)?)$/;

/**
 * The natural order of a set of labels: numeric order when every label is a
 * number ("1" < "2" < "10"), or the order of the number that ends every label
 * when they share one prefix ("F0" < "F1" < … < "F4", "stage 1" < "stage 2").
 * Returns null when the labels have no such order (e.g. "mild", "severe"):
 * the caller must then be told the order. O(K log K).
 */
export function naturalLevelOrder(labels: readonly string[]): string[] | null {
  const keys = labels.map((l) => l.trim());
  if (keys.every((k) => k !== "" && Number.isFinite(Number(k)))) return [...labels].sort((a, b) => Number(a) - Number(b));
  const parts = keys.map((k) => PREFIXED.exec(k));
  if (parts.some((m) => m === null)) return null;
  const prefix = parts[0]![1]!.toLowerCase();
  if (parts.some((m) => m![1]!.toLowerCase() !== prefix)) return null;
  const num = new Map(labels.map((l, i) => [l, Number(parts[i]![2])]));
  return [...labels].sort((a, b) => num.get(a)! - num.get(b)!);
}

/**
 * Codes ordinal outcome labels as 0..K−1: with `levels` given, in that order
 * (every label in the data must be one of them; labels match numerically, so
 * "2" = "2.0"); otherwise in their natural order ({@link naturalLevelOrder}).
 * Errors: `OUTCOME_MISSING` (empty label), `UNKNOWN_LEVEL` (a label not among
 * `levels`), `DUPLICATE_LEVEL`, `UNORDERED_LEVELS` (no order can be inferred:
 * give `levels`), `EMPTY_LEVEL` (a level with no cases, unless
 * `requireAllLevels` is false), `OUTCOME_ONE_LEVEL`. O(n + K log K).
 */
export function codeOrdinalOutcome(labels: readonly string[], options: CodeOutcomeOptions = {}): CodedOutcome {
  const where = options.where ?? {};
  const at = (k: number): ErrorLocation => options.locate?.(k) ?? { ...where, row: k + 1 };
  const seen = new Map<string, string>();
  labels.forEach((label, k) => {
    if (label.trim() === "" || label.trim() === "NA") {
      throw new RadvalError("OUTCOME_MISSING", "the outcome is missing", { where: at(k), hint: "Fill in the outcome level, or remove the row." });
    }
    const key = levelKey(label);
    if (!seen.has(key)) seen.set(key, label.trim());
  });
  let levels: string[];
  if (options.levels !== undefined) {
    levels = options.levels.map((l) => l.trim());
    const keys = levels.map(levelKey);
    const dup = keys.find((k, i) => keys.indexOf(k) !== i);
    if (dup !== undefined) {
      throw new RadvalError("DUPLICATE_LEVEL", `level "${dup}" is listed twice`, { where: { ...where, option: "--levels" }, hint: "List each level once, lowest first." });
    }
    if (levels.length < 2) {
      throw new RadvalError("INVALID_ARGUMENT", `an ordinal outcome needs at least 2 levels, got ${levels.length}`, { where: { ...where, option: "--levels" } });
    }
    const known = new Set(keys);
    for (let k = 0; k < labels.length; k++) {
      if (!known.has(levelKey(labels[k]!))) {
        throw new RadvalError("UNKNOWN_LEVEL", `outcome value "${labels[k]!.trim()}" is not one of the levels ${levels.join(" < ")}`, {
          where: { ...at(k), value: labels[k]! },
          hint: "Add it to the levels (in its place in the order) or fix the value.",
        });
      }
    }
  } else {
    const distinct = [...seen.values()];
    const ordered = naturalLevelOrder(distinct);
    if (ordered === null) {
      throw new RadvalError("UNORDERED_LEVELS", `the outcome values (${previewList(distinct, 8)}) have no natural order`, {
        where,
        hint: "Give the order of the levels, lowest first (--levels mild,moderate,severe; config outcome.levels).",
      });
    }
    levels = ordered;
  }
  if (levels.length < 2) {
    throw new RadvalError("OUTCOME_ONE_LEVEL", `the outcome has only one value ("${levels[0] ?? ""}")`, { where, hint: "An ordinal outcome needs at least two levels." });
  }
  const index = new Map(levels.map((l, i) => [levelKey(l), i]));
  const codes = new Int32Array(labels.length);
  const counts = new Int32Array(levels.length);
  for (let k = 0; k < labels.length; k++) {
    const c = index.get(levelKey(labels[k]!))!;
    codes[k] = c;
    counts[c]!++;
  }
  if (options.requireAllLevels !== false) {
    const empty = levels.filter((_, i) => counts[i] === 0);
    if (empty.length > 0) {
      throw new RadvalError("EMPTY_LEVEL", `level${empty.length > 1 ? "s" : ""} ${empty.map((l) => `"${l}"`).join(", ")} ha${empty.length > 1 ? "ve" : "s"} no cases`, {
        where,
        hint: "Every level needs cases in the development data: merge the empty level with its neighbour (e.g. F0 and F1) or drop it from the levels.",
      });
    }
  }
  return Object.freeze({ levels: Object.freeze(levels), codes, counts });
}

/** Checks class codes 0..K−1 (the library's integer outcome form); returns the counts. O(n). */
export function checkCodes(codes: ArrayLike<number>, nLevels: number, name = "outcome"): Int32Array {
  const counts = new Int32Array(nLevels);
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    if (!Number.isInteger(c) || c < 0 || c >= nLevels) {
      throw new RadvalError("INVALID_ARGUMENT", `${name} codes must be whole numbers 0..${nLevels - 1}, got ${c} at position ${i + 1}`, {
        hint: "Code the levels 0, 1, …, K − 1 from lowest to highest (codeOrdinalOutcome does it from labels).",
      });
    }
    counts[c]!++;
  }
  return counts;
}
