import { RadvalError } from "../core/errors.js";
import { closestName } from "../core/suggest.js";
import type { LongTable } from "../table/longTable.js";
import { normalQuantile } from "../stats/normal.js";

/** Lin's concordance correlation coefficient of two repeats, with epiR's extras. */
export interface CccResult {
  /** Pairs used (both values present). */
  readonly n: number;
  /** Pairs dropped because one value was missing. */
  readonly dropped: number;
  /** ρ_c; null when undefined (see `reason`). */
  readonly ccc: number | null;
  /** Lower bound of the (1 − alpha) interval (Fisher z transform). */
  readonly lower: number | null;
  readonly upper: number | null;
  /** Pearson correlation r (precision); ρ_c = r · biasCorrection. */
  readonly pearson: number | null;
  /** Scale shift v = sd(y) / sd(x) (epiR's `s.shift`). */
  readonly scaleShift: number | null;
  /** Location shift u = (ȳ − x̄) / (σ²_x σ²_y)^{1/4}, σ² with divisor n (epiR's `l.shift`). */
  readonly locationShift: number | null;
  /** Bias-correction factor C_b = ρ_c / r (accuracy; epiR's `C.b`). */
  readonly biasCorrection: number | null;
  readonly reason?: string;
}

/**
 * Lin's concordance correlation coefficient (Lin 1989, Biometrics 45:255–268;
 * erratum 2000, 56:324–325) of paired measurements x (first repeat) and y
 * (second), exactly as `epiR::epi.ccc(x, y, ci = "z-transform", conf.level)`:
 * ρ_c = 2 s_xy / (s²_x + s²_y + (ȳ − x̄)²) with divisor n; asymptotic SE
 * se = √[((1 − r²) ρ_c² (1 − ρ_c²) / r² + 2 ρ_c³ (1 − ρ_c) u² / r − ρ_c⁴ u⁴ / (2 r²)) / (n − 2)],
 * interval tanh(atanh(ρ_c) ± z_{1−α/2} se / (1 − ρ_c²)).
 * Pairs with a missing value are dropped (as `na.omit`). Undefined values are
 * null with a reason (all values equal; r = 0 or |ρ_c| = 1 for the interval;
 * fewer than 3 pairs). O(n).
 */
export function concordanceCorrelation(x: ArrayLike<number>, y: ArrayLike<number>, options: { alpha?: number } = {}): CccResult {
  const alpha = options.alpha ?? 0.05;
  if (!(alpha > 0 && alpha < 1)) throw new RadvalError("INVALID_ARGUMENT", `alpha must be between 0 and 1, got ${alpha}`, { hint: "Use 0.05 for 95% intervals." });
  if (x.length !== y.length) throw new RadvalError("DIMENSION_MISMATCH", `x has ${x.length} values but y has ${y.length}`);
  let n = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < x.length; i++) {
    const a = x[i]!;
    const b = y[i]!;
    if (Number.isNaN(a) || Number.isNaN(b)) continue;
    n++;
    sx += a;
    sy += b;
  }
  const dropped = x.length - n;
  const empty = (reason: string): CccResult =>
    Object.freeze({ n, dropped, ccc: null, lower: null, upper: null, pearson: null, scaleShift: null, locationShift: null, biasCorrection: null, reason });
  if (n < 3) return empty(`CCC undefined: ${n} complete pair${n === 1 ? "" : "s"} (at least 3 are needed)`);
  const xb = sx / n;
  const yb = sy / n;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < x.length; i++) {
    const a = x[i]!;
    const b = y[i]!;
    if (Number.isNaN(a) || Number.isNaN(b)) continue;
    const da = a - xb;
    const db = b - yb;
    sxx += da * da;
    syy += db * db;
    sxy += da * db;
  }
  const sx2 = sxx / n;
  const sy2 = syy / n;
  const denom = sx2 + sy2 + (yb - xb) ** 2;
  if (!(denom > 0)) return empty("CCC undefined: all values are equal");
  const p = (2 * (sxy / n)) / denom;
  const reasons: string[] = [];
  const r = sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : NaN;
  if (Number.isNaN(r)) reasons.push("Pearson r, shifts and interval undefined: one repeat is constant");
  const scaleShift = Math.sqrt(syy / sxx);
  const u = (yb - xb) / Math.sqrt(Math.sqrt(sx2 * sy2));
  const biasCorrection = p / r;
  let lower = NaN;
  let upper = NaN;
  if (!Number.isNaN(r)) {
    const sep = Math.sqrt(
      ((1 - r * r) * p * p * (1 - p * p)) / (r * r) + (2 * p ** 3 * (1 - p) * u * u) / r - (0.5 * p ** 4 * u ** 4) / (r * r),
    ) / Math.sqrt(n - 2);
    const t = Math.log((1 + p) / (1 - p)) / 2;
    const set = sep / (1 - p * p);
    const z = normalQuantile(1 - alpha / 2);
    lower = Math.tanh(t - z * set);
    upper = Math.tanh(t + z * set);
    if (!Number.isFinite(lower) || !Number.isFinite(upper)) {
      reasons.push(Math.abs(p) >= 1 ? "interval undefined: |CCC| = 1" : r === 0 ? "interval undefined: Pearson r = 0" : "interval undefined: negative variance estimate");
    }
  }
  const fin = (v: number) => (Number.isFinite(v) ? v : null);
  const result: CccResult = {
    n,
    dropped,
    ccc: p,
    lower: fin(lower),
    upper: fin(upper),
    pearson: fin(r),
    scaleShift: fin(scaleShift),
    locationShift: fin(u),
    biasCorrection: fin(biasCorrection),
  };
  return Object.freeze(reasons.length > 0 ? { ...result, reason: reasons.join("; ") } : result);
}

/** CCC of one feature of a long table. */
export interface CccFeatureResult extends CccResult {
  readonly feature: string;
}

/**
 * Lin's CCC of every feature of a long table between two raters/repeats
 * (default: the first two in order of appearance), matched by case id.
 * Errors: `TOO_FEW_RATERS` (one rater), `UNKNOWN_COLUMN` (a rater label or
 * feature not in the table). O(n p).
 */
export function cccTable(
  table: LongTable,
  options: { raters?: readonly [string, string]; alpha?: number; features?: readonly string[] } = {},
): readonly CccFeatureResult[] {
  if (table.raters.length < 2) {
    throw new RadvalError("TOO_FEW_RATERS", `the rater column has ${table.raters.length} level(s): the CCC needs two repeats`, {
      where: { file: table.source, column: table.raterColumn },
      hint: "Check that --rater names the column that tells the repeats apart.",
    });
  }
  const labels = options.raters ?? [table.raters[0]!, table.raters[1]!];
  const [ra, rb] = labels.map((label) => {
    const r = table.raters.indexOf(label);
    if (r < 0) {
      const guess = closestName(label, table.raters);
      throw new RadvalError("UNKNOWN_COLUMN", `no ${table.raterColumn} "${label}" in the table`, {
        where: { file: table.source, column: table.raterColumn, value: label },
        hint: `${guess ? `Did you mean "${guess}"? ` : ""}Levels are: ${table.raters.join(", ")}.`,
      });
    }
    return r;
  }) as [number, number];
  const k = table.raters.length;
  const nCases = table.cases.length;
  const names = options.features ?? table.featureNames;
  const x = new Float64Array(nCases);
  const y = new Float64Array(nCases);
  return Object.freeze(
    names.map((feature) => {
      const f = table.featureNames.indexOf(feature);
      if (f < 0) throw new RadvalError("UNKNOWN_COLUMN", `no feature named "${feature}" in the long table`, { where: { file: table.source, column: feature } });
      const values = table.values[f]!;
      for (let i = 0; i < nCases; i++) {
        x[i] = values[i * k + ra]!;
        y[i] = values[i * k + rb]!;
      }
      return Object.freeze({ feature, ...concordanceCorrelation(x, y, options.alpha !== undefined ? { alpha: options.alpha } : {}) });
    }),
  );
}
