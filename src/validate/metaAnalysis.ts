import { RadvalError } from "../core/errors.js";
import { chiSquareUpperTail } from "../stats/chiSquare.js";
import { normalQuantile } from "../stats/normal.js";
import { studentTQuantile } from "../stats/studentT.js";

/** Options of {@link randomEffectsMeta}. */
export interface MetaOptions {
  /** τ² estimator: restricted maximum likelihood (default, metafor's default) or DerSimonian–Laird. */
  method?: "REML" | "DL";
  /** CI for the pooled estimate: normal (metafor test = "z", default) or Hartung–Knapp–Sidik–Jonkman (test = "knha", t with k − 1 df). */
  test?: "z" | "knha";
  /** Confidence level (default 0.95). */
  level?: number;
  /** REML convergence: stop when τ² changes by less than this (default 1e-12). */
  tolerance?: number;
}

/** Result of a random-effects meta-analysis (rma.uni's main numbers). */
export interface MetaResult {
  readonly k: number;
  readonly method: "REML" | "DL";
  readonly test: "z" | "knha";
  readonly estimate: number;
  readonly se: number;
  readonly ci: readonly [number, number];
  /** Approximate 95% prediction interval for a new cluster's true value (metafor's predict.rma). */
  readonly predictionInterval: readonly [number, number];
  readonly tau2: number;
  /** I² in percent: 100 τ² / (τ² + s²), s² the typical within-cluster variance (Higgins & Thompson 2002). */
  readonly I2: number;
  /** Cochran's Q and its p-value (χ², k − 1 df). */
  readonly Q: number;
  readonly Qp: number;
  /** Fisher-scoring iterations (REML) or 0. */
  readonly iterations: number;
}

/**
 * Random-effects meta-analysis of k estimates y_i with within-cluster
 * variances v_i (e.g. per-site logit AUC, per-site calibration slope):
 * y_i = μ + u_i + e_i, u_i ~ N(0, τ²). τ² by REML (Fisher scoring started at
 * the Hedges estimator, truncated at 0, as metafor::rma.uni) or by
 * DerSimonian & Laird (1986); μ̂ = Σ w_i y_i / Σ w_i with w_i = 1/(v_i + τ²).
 * Reference: Viechtbauer (2010) J Stat Softw 36(3); Debray et al. (2017) BMJ
 * 356:i6460 for pooling c-statistics on the logit scale. O(k) per iteration.
 */
export function randomEffectsMeta(estimates: ArrayLike<number>, variances: ArrayLike<number>, options: MetaOptions = {}): MetaResult {
  const k = estimates.length;
  const method = options.method ?? "REML";
  const test = options.test ?? "z";
  const level = options.level ?? 0.95;
  if (variances.length !== k) throw new RadvalError("DIMENSION_MISMATCH", `${k} estimates but ${variances.length} variances`);
  if (k < 2) throw new RadvalError("INVALID_ARGUMENT", `a meta-analysis needs at least 2 clusters, got ${k}`);
  for (let i = 0; i < k; i++) {
    if (!Number.isFinite(estimates[i]!) || !(variances[i]! > 0) || !Number.isFinite(variances[i]!)) {
      throw new RadvalError("NON_FINITE", `cluster ${i + 1}: estimate ${estimates[i]} with variance ${variances[i]} cannot be pooled`, {
        hint: "Each cluster needs a finite estimate and a positive, finite variance (e.g. a site with both classes).",
      });
    }
  }
  const y = Array.from(estimates);
  const v = Array.from(variances);
  const w = v.map((vi) => 1 / vi);
  const sumW = w.reduce((a, b) => a + b, 0);
  const sumW2 = w.reduce((a, b) => a + b * b, 0);
  const yFixed = y.reduce((a, yi, i) => a + w[i]! * yi, 0) / sumW;
  const Q = y.reduce((a, yi, i) => a + w[i]! * (yi - yFixed) ** 2, 0);

  let tau2: number;
  let iterations = 0;
  if (method === "DL") {
    tau2 = Math.max(0, (Q - (k - 1)) / (sumW - sumW2 / sumW));
  } else {
    // Hedges (HE) start, then Fisher scoring on the REML likelihood.
    const mean = y.reduce((a, b) => a + b, 0) / k;
    const rss = y.reduce((a, yi) => a + (yi - mean) ** 2, 0);
    tau2 = Math.max(0, (rss - v.reduce((a, vi) => a + vi, 0) * (1 - 1 / k)) / (k - 1));
    const tolerance = options.tolerance ?? 1e-12;
    for (iterations = 1; iterations <= 1000; iterations++) {
      const wi = v.map((vi) => 1 / (vi + tau2));
      const sw = wi.reduce((a, b) => a + b, 0);
      // P = W − w wᵀ / Σw (intercept-only model).
      const py = y.map((yi, i) => wi[i]! * yi - (wi[i]! * y.reduce((a, yj, j) => a + wi[j]! * yj, 0)) / sw);
      const trP = sw - wi.reduce((a, b) => a + b * b, 0) / sw;
      // tr(PP) = Σ w_i² − 2 Σ w_i³ / Σw + (Σ w_i²)² / (Σw)²
      const sw2 = wi.reduce((a, b) => a + b * b, 0);
      const sw3 = wi.reduce((a, b) => a + b * b * b, 0);
      const trPP = sw2 - (2 * sw3) / sw + (sw2 * sw2) / (sw * sw);
      const yPPy = py.reduce((a, b) => a + b * b, 0);
      let adj = (yPPy - trP) / trPP;
      while (tau2 + adj < 0) adj /= 2;
      const next = tau2 + adj;
      const change = Math.abs(next - tau2);
      tau2 = next;
      if (change < tolerance) break;
    }
    if (tau2 < 1e-14) tau2 = 0;
  }

  const wr = v.map((vi) => 1 / (vi + tau2));
  const sumWr = wr.reduce((a, b) => a + b, 0);
  const estimate = y.reduce((a, yi, i) => a + wr[i]! * yi, 0) / sumWr;
  let se = Math.sqrt(1 / sumWr);
  let crit = normalQuantile(1 - (1 - level) / 2);
  if (test === "knha") {
    const s2w = y.reduce((a, yi, i) => a + wr[i]! * (yi - estimate) ** 2, 0) / (k - 1);
    se = Math.sqrt(s2w / sumWr);
    crit = studentTQuantile(1 - (1 - level) / 2, k - 1);
  }
  const typicalVariance = ((k - 1) * sumW) / (sumW * sumW - sumW2);
  const piHalf = crit * Math.sqrt(se * se + tau2);
  return Object.freeze({
    k,
    method,
    test,
    estimate,
    se,
    ci: Object.freeze([estimate - crit * se, estimate + crit * se] as const),
    predictionInterval: Object.freeze([estimate - piHalf, estimate + piHalf] as const),
    tau2,
    I2: (100 * tau2) / (tau2 + typicalVariance),
    Q,
    Qp: chiSquareUpperTail(Q, k - 1),
    iterations: method === "REML" ? iterations : 0,
  });
}
