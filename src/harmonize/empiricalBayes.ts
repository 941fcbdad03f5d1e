import type { RadvalWarning } from "../core/errors.js";

/**
 * One batch's standardised data: `rows` × p values, column-major by feature
 * (feature j occupies `data[j * rows … (j + 1) * rows)`).
 */
export interface BatchBlock {
  readonly rows: number;
  readonly data: Float64Array;
}

/** Mean and sample variance (ddof 1) of each feature of a block. */
export function blockMoments(block: BatchBlock, p: number): { mean: Float64Array; variance: Float64Array } {
  const mean = new Float64Array(p);
  const variance = new Float64Array(p);
  const n = block.rows;
  for (let j = 0; j < p; j++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += block.data[j * n + i]!;
    const m = s / n;
    let ss = 0;
    for (let i = 0; i < n; i++) {
      const d = block.data[j * n + i]! - m;
      ss += d * d;
    }
    mean[j] = m;
    variance[j] = ss / (n - 1);
  }
  return { mean, variance };
}

function meanVar(x: Float64Array): { m: number; s2: number } {
  let s = 0;
  for (const v of x) s += v;
  const m = s / x.length;
  let ss = 0;
  for (const v of x) ss += (v - m) * (v - m);
  return { m, s2: ss / (x.length - 1) };
}

/**
 * The empirical priors of one batch (Johnson et al. 2007, sva / neuroCombat):
 * γ ~ N(γ̄, τ²) with γ̄, τ² the mean and sample variance of γ̂ over features;
 * δ² ~ InvGamma(a, b) by the method of moments on δ̂² (m, s² over features):
 * a = (2s² + m²)/s², b = (m s² + m³)/s².
 */
export function batchPriors(gammaHat: Float64Array, deltaHat: Float64Array): { gammaBar: number; t2: number; a: number; b: number } {
  const g = meanVar(gammaHat);
  const d = meanVar(deltaHat);
  return { gammaBar: g.m, t2: g.s2, a: (2 * d.s2 + d.m * d.m) / d.s2, b: (d.m * d.s2 + d.m ** 3) / d.s2 };
}

/** Posterior mean of γ: (τ² n γ̂ + δ² γ̄) / (τ² n + δ²). */
export function postMean(gHat: number, gBar: number, n: number, dStar: number, t2: number): number {
  return (t2 * n * gHat + dStar * gBar) / (t2 * n + dStar);
}

/**
 * Parametric empirical Bayes for one batch: neuroCombat's / sva's `it_sol`.
 * Alternates γ* = postMean(γ̂, γ̄, n, δ*, τ²) and δ* = (½ Σ(x − γ*)² + b) /
 * (n/2 + a − 1) for all features at once until the largest relative change
 * is below `conv` (default 1e-4). The change is computed exactly as the
 * references do — |new − old| / old, with the sign of `old` (features with a
 * negative γ never hold the loop open), and a NaN change stops it — so the
 * iteration stops at the same step. Capped at 10 000 sweeps (warning).
 */
export function parametricAdjust(
  block: BatchBlock,
  gammaHat: Float64Array,
  deltaHat: Float64Array,
  prior: { gammaBar: number; t2: number; a: number; b: number },
  conv = 1e-4,
  warnings: RadvalWarning[] = [],
  batch = "",
): { gammaStar: Float64Array; deltaStar: Float64Array; iterations: number } {
  const p = gammaHat.length;
  const n = block.rows;
  let gOld = Float64Array.from(gammaHat);
  let dOld = Float64Array.from(deltaHat);
  let gNew = gOld;
  let dNew = dOld;
  let iterations = 0;
  let change = 1;
  while (change > conv) {
    gNew = new Float64Array(p);
    dNew = new Float64Array(p);
    change = -Infinity;
    for (let j = 0; j < p; j++) {
      const g = postMean(gammaHat[j]!, prior.gammaBar, n, dOld[j]!, prior.t2);
      let sum2 = 0;
      for (let i = 0; i < n; i++) {
        const r = block.data[j * n + i]! - g;
        sum2 += r * r;
      }
      const d = (0.5 * sum2 + prior.b) / (n / 2 + prior.a - 1);
      gNew[j] = g;
      dNew[j] = d;
      const cg = Math.abs(g - gOld[j]!) / gOld[j]!;
      const cd = Math.abs(d - dOld[j]!) / dOld[j]!;
      if (Number.isNaN(cg) || Number.isNaN(cd) || Number.isNaN(change)) change = NaN;
      else change = Math.max(change, cg, cd);
    }
    gOld = gNew;
    dOld = dNew;
    iterations++;
    if (iterations >= 10_000) {
      warnings.push({ code: "NOT_CONVERGED", message: `ComBat's parametric empirical Bayes did not converge in 10 000 iterations${batch ? ` for batch "${batch}"` : ""}` });
      break;
    }
  }
  return { gammaStar: gNew, deltaStar: dNew, iterations };
}

/**
 * Non-parametric empirical Bayes for one batch: neuroCombat's / sva's
 * `int_eprior`. For feature j, γ*_j and δ*_j are the averages of the other
 * features' (γ̂_k, δ̂²_k) weighted by the likelihood of feature j's data
 * under N(γ̂_k, δ̂²_k). The likelihoods are combined on the log scale
 * (shifted by their maximum), which gives the references' ratio without
 * their underflow to 0/0 for large batches. O(p² n).
 */
export function nonParametricAdjust(block: BatchBlock, gammaHat: Float64Array, deltaHat: Float64Array): { gammaStar: Float64Array; deltaStar: Float64Array } {
  const p = gammaHat.length;
  const n = block.rows;
  const gammaStar = new Float64Array(p);
  const deltaStar = new Float64Array(p);
  const logLik = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    let best = -Infinity;
    for (let k = 0; k < p; k++) {
      if (k === j) continue;
      const g = gammaHat[k]!;
      let sum2 = 0;
      for (let i = 0; i < n; i++) {
        const r = block.data[j * n + i]! - g;
        sum2 += r * r;
      }
      const d = deltaHat[k]!;
      const ll = -(n / 2) * Math.log(2 * Math.PI * d) - sum2 / (2 * d);
      logLik[k] = ll;
      if (ll > best) best = ll;
    }
    let w = 0;
    let wg = 0;
    let wd = 0;
    for (let k = 0; k < p; k++) {
      if (k === j) continue;
      const lh = Math.exp(logLik[k]! - best);
      w += lh;
      wg += gammaHat[k]! * lh;
      wd += deltaHat[k]! * lh;
    }
    gammaStar[j] = wg / w;
    deltaStar[j] = wd / w;
  }
  return { gammaStar, deltaStar };
}
