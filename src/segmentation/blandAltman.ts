import { RadvalError } from "../core/errors.js";
import { normalQuantile } from "../stats/normal.js";
import { studentTQuantile } from "../stats/studentT.js";

/** Bland–Altman agreement of two measurements of the same cases. */
export interface BlandAltman {
  readonly n: number;
  /** Mean difference (second − first). */
  readonly bias: number;
  /** Standard deviation of the differences (n − 1). */
  readonly sd: number;
  readonly lowerLimit: number;
  readonly upperLimit: number;
  /** The multiplier of sd in the limits: z₍₁₋α/2₎ (1.96 at 95%). */
  readonly z: number;
  readonly level: number;
  /** Exact t-based CI of the bias: bias ± t₍n−1₎ sd/√n. */
  readonly biasCi: readonly [number, number];
  /** Approximate CIs of the limits: limit ± t₍n−1₎ sd √(1/n + z²/(2(n−1))). */
  readonly lowerLimitCi: readonly [number, number];
  readonly upperLimitCi: readonly [number, number];
  /** Per case: mean of the two, and the difference. */
  readonly points: ReadonlyArray<{ readonly mean: number; readonly difference: number }>;
}

/**
 * Bland–Altman analysis of paired measurements (Bland & Altman 1986, Lancet
 * i:307; CIs of Bland & Altman 1999, Stat Methods Med Res 8:135, §2.3):
 * differences d = second − first; bias = mean(d); limits of agreement
 * bias ± z·sd with z = Φ⁻¹(1 − α/2) (1.96 at 95%) and sd the n − 1 standard
 * deviation; CI of the bias bias ± t·sd/√n and of each limit
 * limit ± t·sd·√(1/n + z²/(2(n − 1))), t = t₍n−1₎ quantile 1 − α/2. Needs
 * n ≥ 2. O(n).
 */
export function blandAltman(first: ArrayLike<number>, second: ArrayLike<number>, level = 0.95): BlandAltman {
  const n = first.length;
  if (second.length !== n) throw new RadvalError("DIMENSION_MISMATCH", `Bland–Altman needs paired values: ${n} vs ${second.length}`);
  if (n < 2) throw new RadvalError("TOO_FEW_CASES", `Bland–Altman needs at least 2 cases, got ${n}`);
  if (!(level > 0 && level < 1)) throw new RadvalError("INVALID_OPTION", `confidence level must be between 0 and 1, got ${level}`);
  const points: { mean: number; difference: number }[] = [];
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const a = first[i]!;
    const b = second[i]!;
    if (!Number.isFinite(a) || !Number.isFinite(b)) throw new RadvalError("NON_FINITE", `Bland–Altman value ${i + 1} is not finite`);
    points.push({ mean: (a + b) / 2, difference: b - a });
    sum += b - a;
  }
  const bias = sum / n;
  let ss = 0;
  for (const p of points) ss += (p.difference - bias) * (p.difference - bias);
  const sd = Math.sqrt(ss / (n - 1));
  const z = normalQuantile(1 - (1 - level) / 2);
  const t = studentTQuantile(1 - (1 - level) / 2, n - 1);
  const lowerLimit = bias - z * sd;
  const upperLimit = bias + z * sd;
  const seBias = sd / Math.sqrt(n);
  const seLimit = sd * Math.sqrt(1 / n + (z * z) / (2 * (n - 1)));
  return {
    n,
    bias,
    sd,
    lowerLimit,
    upperLimit,
    z,
    level,
    biasCi: [bias - t * seBias, bias + t * seBias],
    lowerLimitCi: [lowerLimit - t * seLimit, lowerLimit + t * seLimit],
    upperLimitCi: [upperLimit - t * seLimit, upperLimit + t * seLimit],
    points,
  };
}
