import { RadvalError } from "../core/errors.js";
import { levelKey } from "./levels.js";

/** A comparison of the level with a threshold level. */
export type CutoffOperator = ">=" | ">" | "==" | "<=" | "<";

/** A clinically used dichotomy of an ordinal outcome ("significant fibrosis" = ≥ F2). */
export interface Cutoff {
  /** The label as given (">=F2"), echoed in results. */
  readonly label: string;
  readonly operator: CutoffOperator;
  /** The threshold level's index (0-based) in the level order. */
  readonly level: number;
  /** 1 for each level (by index) that counts as a case. */
  readonly caseLevels: Uint8Array;
}

const SYNTAX = /^\s*(>=|<=|==|>|<|=)\s*(.+?)\s*$/;

/**
 * Parses one cut-off: an operator (`>=`, `>`, `==` (or `=`), `<=`, `<`) then
 * a level label (">=F2", "==F4", ">=2"; numbers match numerically). The
 * cases are the levels that satisfy the comparison in the level order.
 * Errors: `INVALID_CUTOFF` (syntax), `UNKNOWN_LEVEL` (the level is not one of
 * `levels`), `EMPTY_CUTOFF_SIDE` (every level, or no level, is a case — e.g.
 * ">=F0"). O(K).
 */
export function parseCutoff(text: string, levels: readonly string[]): Cutoff {
  const m = SYNTAX.exec(text);
  if (!m) {
    throw new RadvalError("INVALID_CUTOFF", `cut-off "${text}" is not OPERATOR LEVEL`, {
      where: { option: "--cutoffs", value: text },
      hint: 'Write e.g. ">=F2" (significant fibrosis), ">=F3" or "==F4"; operators >=, >, ==, <=, <.',
    });
  }
  const operator = (m[1] === "=" ? "==" : m[1]) as CutoffOperator;
  const key = levelKey(m[2]!);
  const level = levels.findIndex((l) => levelKey(l) === key);
  if (level < 0) {
    throw new RadvalError("UNKNOWN_LEVEL", `cut-off "${text}" names level "${m[2]}", which is not one of ${levels.join(" < ")}`, {
      where: { option: "--cutoffs", value: text },
      hint: `Use one of the levels: ${levels.join(", ")}.`,
    });
  }
  const K = levels.length;
  const caseLevels = new Uint8Array(K);
  let nCase = 0;
  for (let k = 0; k < K; k++) {
    const hit = operator === ">=" ? k >= level : operator === ">" ? k > level : operator === "==" ? k === level : operator === "<=" ? k <= level : k < level;
    caseLevels[k] = hit ? 1 : 0;
    nCase += hit ? 1 : 0;
  }
  if (nCase === 0 || nCase === K) {
    throw new RadvalError("EMPTY_CUTOFF_SIDE", `cut-off "${text}" puts ${nCase === 0 ? "no level" : "every level"} among the cases, so one side is empty`, {
      where: { option: "--cutoffs", value: text },
      hint: `Choose a cut-off that splits ${levels.join(" < ")} into two non-empty groups (e.g. ">=${levels[1]}").`,
    });
  }
  return Object.freeze({ label: text.trim(), operator, level, caseLevels });
}

/**
 * Parses a list of cut-offs (an array, or one comma-separated string
 * ">=2,>=3,==4"); without any, the default is ">=L" for every level L but the
 * first. Duplicate labels are an error. O(C K).
 */
export function parseCutoffs(spec: string | readonly string[] | undefined, levels: readonly string[]): Cutoff[] {
  const items = spec === undefined ? levels.slice(1).map((l) => `>=${l}`) : typeof spec === "string" ? spec.split(",") : [...spec];
  const list = items.map((s) => s.trim()).filter((s) => s !== "");
  if (list.length === 0) {
    throw new RadvalError("INVALID_CUTOFF", "no cut-off was given", { where: { option: "--cutoffs" }, hint: 'Example: --cutoffs ">=F2,>=F3,==F4".' });
  }
  const seen = new Set<string>();
  return list.map((s) => {
    if (seen.has(s)) throw new RadvalError("INVALID_CUTOFF", `cut-off "${s}" is given twice`, { where: { option: "--cutoffs", value: s } });
    seen.add(s);
    return parseCutoff(s, levels);
  });
}

/**
 * The 0/1 case indicator of a cut-off for level codes 0..K−1; with
 * `check`, a cut-off that leaves one side empty in these data (no case or no
 * control) is an `EMPTY_CUTOFF_SIDE` error. O(n).
 */
export function cutoffIndicator(codes: ArrayLike<number>, cutoff: Cutoff, check = true): Float64Array {
  const out = new Float64Array(codes.length);
  let cases = 0;
  for (let i = 0; i < codes.length; i++) {
    out[i] = cutoff.caseLevels[codes[i]!]!;
    cases += out[i]!;
  }
  if (check && (cases === 0 || cases === codes.length)) {
    throw new RadvalError("EMPTY_CUTOFF_SIDE", `cut-off "${cutoff.label}" leaves ${cases === 0 ? "no cases" : "no controls"} among the ${codes.length} rows`, {
      where: { option: "--cutoffs", value: cutoff.label },
      hint: "A dichotomised AUC needs both cases and controls: choose another cut-off or check the outcome levels.",
    });
  }
  return out;
}
