import { fQuantile, fUpperTail } from "./distributions.js";
import { ICC_FORMS, ICC_FORM_INFO, type IccFormName } from "./iccForms.js";
import type { MeanSquares } from "./meanSquares.js";

/** One ICC form with its F test and confidence interval (psych::ICC's `$results` row). */
export interface IccForm {
  /** Shrout–Fleiss name (ICC1 … ICC3k). */
  readonly form: IccFormName;
  /** McGraw–Wong name (ICC(1), ICC(A,1), ICC(C,1), ICC(k), ICC(A,k), ICC(C,k)). */
  readonly mcGrawWong: string;
  /** The ICC estimate; null when undefined (see `reason`). */
  readonly icc: number | null;
  /** F statistic of H0: ICC = 0 (MSB/MSW for ICC1/ICC1k, MSB/MSE otherwise); null when infinite or undefined. */
  readonly F: number | null;
  readonly df1: number;
  readonly df2: number;
  /** Upper-tail p-value of the F test. */
  readonly p: number | null;
  /** Lower bound of the (1 − alpha) confidence interval. */
  readonly lower: number | null;
  /** Upper bound of the (1 − alpha) confidence interval. */
  readonly upper: number | null;
  /** Why some value is null (or a limit was used); absent when everything is an ordinary number. */
  readonly reason?: string;
}

/** An F quantile function `(p, df1, df2) → q` (R's `qf`). */
export type FQuantileFn = (p: number, df1: number, df2: number) => number;

/**
 * An F quantile memoised on (p, df1, df2). psych's ICC1/ICC3 intervals use
 * the same four quantiles for every feature with the same n and k, so a pass
 * over thousands of features computes them once. Only the ICC2 interval
 * (Satterthwaite df) needs fresh quantiles per feature.
 */
export function memoFQuantile(base: FQuantileFn = fQuantile): FQuantileFn {
  // Keyed by the numbers themselves (p → df1 → df2; Map compares doubles by value), not by a string
  // made of them: formatting three doubles per call cost more than the look-up saves.
  const cache = new Map<number, Map<number, Map<number, number>>>();
  return (p, df1, df2) => {
    let byDf1 = cache.get(p);
    if (byDf1 === undefined) cache.set(p, (byDf1 = new Map()));
    let byDf2 = byDf1.get(df1);
    if (byDf2 === undefined) byDf1.set(df1, (byDf2 = new Map()));
    let q = byDf2.get(df2);
    if (q === undefined) {
      q = base(p, df1, df2);
      byDf2.set(df2, q);
    }
    return q;
  };
}

const NO_RESIDUAL = "F is infinite: no residual variation (every rating equals case effect + rater effect), so p = 0 and the interval is degenerate";

function undefinedForm(form: IccFormName, df1: number, df2: number, reason: string): IccForm {
  return { form, mcGrawWong: ICC_FORM_INFO[form].mcGrawWong, icc: null, F: null, df1, df2, p: null, lower: null, upper: null, reason };
}

/** Degrees of freedom of each form's F test: one-way forms (n − 1, n(k − 1)); two-way forms (n − 1, (n − 1)(k − 1)). */
export function iccDegreesOfFreedom(form: IccFormName, n: number, k: number): [number, number] {
  return form === "ICC1" || form === "ICC1k" ? [n - 1, n * (k - 1)] : [n - 1, (n - 1) * (k - 1)];
}

/**
 * All six Shrout–Fleiss ICC forms from the ANOVA mean squares, with the F
 * test and the F-based (1 − alpha) confidence intervals exactly as
 * psych::ICC (psych 2.2.9, `lmer = FALSE`) computes them:
 *
 * - ICC1/ICC1k: F = MSB/MSW on (n − 1, n(k − 1)) df; F_L = F / qf(1 − α/2, df1, df2),
 *   F_U = F · qf(1 − α/2, df2, df1); bounds (F_L − 1)/(F_L + k − 1) and 1 − 1/F_L (average).
 * - ICC3/ICC3k: the same with F = MSB/MSE on (n − 1, (n − 1)(k − 1)) df.
 * - ICC2/ICC2k: McGraw & Wong (1996) interval with Satterthwaite df
 *   v = (k − 1)(n − 1)(k ρ F_J + n(1 + (k − 1)ρ) − kρ)² / ((n − 1)k²ρ²F_J² + (n(1 + (k − 1)ρ) − kρ)²),
 *   ρ = ICC2, F_J = MSJ/MSE; L = n(MSB − F* MSE)/(F*(k MSJ + (kn − k − n)MSE) + n MSB) with
 *   F* = qf(1 − α/2, n − 1, v), U likewise with qf(1 − α/2, v, n − 1); the k-rater
 *   bounds by Spearman–Brown.
 * - p = P(F_{df1,df2} > F) (psych's `-expm1(pf(F, df1, df2, log.p = TRUE))`).
 *
 * Undefined statistics are null with a `reason`, never NaN: all values equal,
 * or no between-case variance (ICC undefined for every form), fewer than 2
 * cases. With no residual variation F is infinite: F is null, p is 0, and the
 * ICC1/ICC3 bounds take their limit 1; the ICC2 bounds are null.
 *
 * References: Shrout & Fleiss (1979) Psychol Bull 86:420–428; McGraw & Wong
 * (1996) Psychol Methods 1:30–46; psych::ICC. O(1) per feature plus at most 8
 * F quantile / incomplete-beta evaluations.
 */
export function iccFormsFromMeanSquares(
  ms: MeanSquares,
  alpha = 0.05,
  qf: FQuantileFn = fQuantile,
): Readonly<Record<IccFormName, IccForm>> {
  const { n, k } = ms;
  const out = {} as Record<IccFormName, IccForm>;
  const whole = (reason: string) => {
    for (const form of ICC_FORMS) {
      const [df1, df2] = iccDegreesOfFreedom(form, n, k);
      out[form] = undefinedForm(form, df1, df2, reason);
    }
    return Object.freeze(out);
  };
  if (n < 2) return whole(`ICC undefined: ${n} complete case${n === 1 ? "" : "s"} (at least 2 are needed)`);
  if (k < 2) return whole("ICC undefined: fewer than 2 raters/repeats");
  if (ms.constant) return whole("ICC undefined: all values are equal (no between-case and no within-case variance)");
  if (ms.betweenZero) return whole("ICC undefined: no between-case variance (every case has the same mean)");

  const MSB = ms.msb;
  const MSJ = ms.msj;
  const MSE = ms.mse;
  const MSW = ms.msw;
  const nj = k;
  const level = 1 - alpha / 2;

  const ICC1 = (MSB - MSW) / (MSB + (nj - 1) * MSW);
  const ICC2 = (MSB - MSE) / (MSB + (nj - 1) * MSE + (nj * (MSJ - MSE)) / n);
  const ICC3 = (MSB - MSE) / (MSB + (nj - 1) * MSE);
  const ICC12 = (MSB - MSW) / MSB;
  const ICC22 = (MSB - MSE) / (MSB + (MSJ - MSE) / n);
  const ICC32 = (MSB - MSE) / MSB;

  const F11 = MSB / MSW;
  const df11n = n - 1;
  const df11d = n * (nj - 1);
  const F21 = MSB / MSE;
  const df21n = n - 1;
  const df21d = (n - 1) * (nj - 1);
  const p11 = fUpperTail(F11, df11n, df11d);
  const p21 = fUpperTail(F21, df21n, df21d);

  const F1L = F11 / qf(level, df11n, df11d);
  const F1U = F11 * qf(level, df11d, df11n);
  const F3L = F21 / qf(level, df21n, df21d);
  const F3U = F21 * qf(level, df21d, df21n);
  // (F − 1)/(F + k − 1) and 1 − 1/F tend to 1 as F → ∞ (no residual variation).
  const single = (f: number) => (f === Infinity ? 1 : (f - 1) / (f + nj - 1));
  const average = (f: number) => (f === Infinity ? 1 : 1 - 1 / f);

  const Fj = MSJ / MSE;
  const vn = (nj - 1) * (n - 1) * (nj * ICC2 * Fj + n * (1 + (nj - 1) * ICC2) - nj * ICC2) ** 2;
  const vd = (n - 1) * nj ** 2 * ICC2 ** 2 * Fj ** 2 + (n * (1 + (nj - 1) * ICC2) - nj * ICC2) ** 2;
  const v = vn / vd;
  let L3 = NaN;
  let U3 = NaN;
  if (Number.isFinite(v) && v > 0) {
    const F3Uv = qf(level, n - 1, v);
    const F3Lv = qf(level, v, n - 1);
    L3 = (n * (MSB - F3Uv * MSE)) / (F3Uv * (nj * MSJ + (nj * n - nj - n) * MSE) + n * MSB);
    U3 = (n * (F3Lv * MSB - MSE)) / (nj * MSJ + (nj * n - nj - n) * MSE + n * F3Lv * MSB);
  }
  const L3k = (L3 * nj) / (1 + L3 * (nj - 1));
  const U3k = (U3 * nj) / (1 + U3 * (nj - 1));

  const rows: Record<IccFormName, [icc: number, F: number, df1: number, df2: number, p: number, lower: number, upper: number]> = {
    ICC1: [ICC1, F11, df11n, df11d, p11, single(F1L), single(F1U)],
    ICC2: [ICC2, F21, df21n, df21d, p21, L3, U3],
    ICC3: [ICC3, F21, df21n, df21d, p21, single(F3L), single(F3U)],
    ICC1k: [ICC12, F11, df11n, df11d, p11, average(F1L), average(F1U)],
    ICC2k: [ICC22, F21, df21n, df21d, p21, L3k, U3k],
    ICC3k: [ICC32, F21, df21n, df21d, p21, average(F3L), average(F3U)],
  };
  for (const form of ICC_FORMS) {
    const [icc, F, df1, df2, p, lower, upper] = rows[form];
    const reasons: string[] = [];
    const finite = (x: number, what: string): number | null => {
      if (Number.isFinite(x)) return x;
      reasons.push(`${what} undefined (${Number.isNaN(x) ? "0/0" : "infinite"})`);
      return null;
    };
    let Fv: number | null = F;
    if (F === Infinity) {
      Fv = null;
      reasons.push(NO_RESIDUAL);
    }
    const iccV = finite(icc, "ICC");
    const pV = Fv === null && F === Infinity ? 0 : finite(p, "p-value");
    if (Fv !== null) Fv = finite(Fv, "F");
    const lowerV = finite(lower, "lower bound");
    const upperV = finite(upper, "upper bound");
    const form_: IccForm = {
      form,
      mcGrawWong: ICC_FORM_INFO[form].mcGrawWong,
      icc: iccV,
      F: Fv,
      df1,
      df2,
      p: pV,
      lower: lowerV,
      upper: upperV,
    };
    out[form] = Object.freeze(reasons.length > 0 ? { ...form_, reason: reasons.join("; ") } : form_);
  }
  return Object.freeze(out);
}
