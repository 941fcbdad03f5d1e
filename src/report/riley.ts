import { RadvalError } from "../core/errors.js";

/** Inputs of the Riley et al. (2020) minimum sample size for a binary outcome. */
export interface RileyInput {
  /** Anticipated (optimism-adjusted) Cox–Snell R² of the model, in (0, max R²). */
  readonly r2CoxSnell: number;
  /** Number of candidate predictor parameters. */
  readonly parameters: number;
  /** Outcome proportion φ. */
  readonly prevalence: number;
  /** Target expected uniform shrinkage, criterion (i) (default 0.9). */
  readonly shrinkage?: number;
  /** Maximum optimism in Nagelkerke R², criterion (ii) (default 0.05). */
  readonly delta?: number;
  /** Margin of error of the overall risk, criterion (iii) (default 0.05). */
  readonly marginOfError?: number;
}

/** Result of {@link rileySampleSize}. */
export interface RileySampleSize {
  /** Maximum Cox–Snell R² given the prevalence: 1 − exp(2 [φ ln φ + (1 − φ) ln(1 − φ)]). */
  readonly maxR2CoxSnell: number;
  /** Criterion (i): n for expected shrinkage ≥ S (unrounded and rounded up). */
  readonly shrinkage: { readonly n: number; readonly nRequired: number; readonly shrinkage: number };
  /** Criterion (ii): n for optimism in Nagelkerke R² ≤ δ, and the shrinkage that implies. */
  readonly optimism: { readonly n: number; readonly nRequired: number; readonly shrinkage: number };
  /** Criterion (iii): n to estimate the overall risk within ± margin. */
  readonly intercept: { readonly n: number; readonly nRequired: number };
  /** max of the three rounded-up criteria. */
  readonly required: number;
  readonly requiredEvents: number;
  /** Events per candidate parameter at the required n. */
  readonly requiredEpp: number;
}

/** What the Riley criteria imply at an actual sample size. */
export interface RileyAtN {
  readonly n: number;
  /** Expected uniform shrinkage S solving n = p / ((S − 1) ln(1 − R²/S)). */
  readonly shrinkage: number;
  /** Expected optimism in Nagelkerke R²: (R²/S − R²) / max R². */
  readonly optimismNagelkerke: number;
  /** 1.96 √(φ(1 − φ)/n). */
  readonly marginOfError: number;
}

function check(input: RileyInput): Required<RileyInput> & { maxR2: number } {
  const { r2CoxSnell: r2, parameters: p, prevalence: phi } = input;
  if (!(phi > 0 && phi < 1)) throw new RadvalError("INVALID_ARGUMENT", `prevalence must be in (0, 1), got ${phi}`);
  if (!(p > 0)) throw new RadvalError("INVALID_ARGUMENT", `number of candidate parameters must be positive, got ${p}`);
  const maxR2 = 1 - Math.exp(2 * (phi * Math.log(phi) + (1 - phi) * Math.log(1 - phi)));
  if (!(r2 > 0 && r2 < maxR2)) {
    throw new RadvalError("INVALID_ARGUMENT", `anticipated Cox–Snell R² must be in (0, ${maxR2.toFixed(4)}) for prevalence ${phi}, got ${r2}`);
  }
  return { shrinkage: 0.9, delta: 0.05, marginOfError: 0.05, ...input, maxR2 };
}

/** n at which the expected shrinkage is S: p / ((S − 1) ln(1 − R²/S)) (Riley et al. 2019, eq. 11). */
function nForShrinkage(r2: number, p: number, s: number): number {
  return p / ((s - 1) * Math.log(1 - r2 / s));
}

/**
 * Minimum sample size for developing a binary-outcome prediction model,
 * Riley et al. (BMJ 2020;368:m441; Stat Med 2019;38:1276), computed as the R
 * package pmsampsize computes it: (i) n = p / ((S − 1) ln(1 − R²cs/S)) with
 * S = 0.9; (ii) the same with S = R²cs / (R²cs + δ max R²cs), δ = 0.05;
 * (iii) n = (1.96 / 0.05)² φ(1 − φ). Each rounded up; the largest is required.
 * Checked against `test/fixtures/fx_riley_sample_size.R`.
 */
export function rileySampleSize(input: RileyInput): RileySampleSize {
  const c = check(input);
  const r2 = c.r2CoxSnell;
  const n1 = nForShrinkage(r2, c.parameters, c.shrinkage);
  const s2 = r2 / (r2 + c.delta * c.maxR2);
  const n2 = nForShrinkage(r2, c.parameters, s2);
  const n3 = (1.96 / c.marginOfError) ** 2 * c.prevalence * (1 - c.prevalence);
  const required = Math.max(Math.ceil(n1), Math.ceil(n2), Math.ceil(n3));
  return {
    maxR2CoxSnell: c.maxR2,
    shrinkage: { n: n1, nRequired: Math.ceil(n1), shrinkage: c.shrinkage },
    optimism: { n: n2, nRequired: Math.ceil(n2), shrinkage: s2 },
    intercept: { n: n3, nRequired: Math.ceil(n3) },
    required,
    requiredEvents: required * c.prevalence,
    requiredEpp: (required * c.prevalence) / c.parameters,
  };
}

/**
 * The Riley criteria evaluated at an actual sample size n: the expected
 * shrinkage (solving n = p / ((S − 1) ln(1 − R²/S)) for S in (R², 1) by
 * bisection; n is increasing in S there), the implied optimism in Nagelkerke
 * R², and the margin of error of the overall risk.
 */
export function rileyAtN(input: RileyInput, n: number): RileyAtN {
  const c = check(input);
  if (!(n > 0)) throw new RadvalError("INVALID_ARGUMENT", `sample size must be positive, got ${n}`);
  const r2 = c.r2CoxSnell;
  let lo = r2 * (1 + 1e-12);
  let hi = 1 - 1e-15;
  for (let iter = 0; iter < 200 && hi - lo > 1e-15; iter++) {
    const mid = (lo + hi) / 2;
    if (nForShrinkage(r2, c.parameters, mid) < n) lo = mid;
    else hi = mid;
  }
  const s = (lo + hi) / 2;
  return {
    n,
    shrinkage: s,
    optimismNagelkerke: (r2 / s - r2) / c.maxR2,
    marginOfError: 1.96 * Math.sqrt((c.prevalence * (1 - c.prevalence)) / n),
  };
}
