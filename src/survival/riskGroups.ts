import { matrixFromColumns } from "../core/matrix.js";
import { normalQuantile } from "../stats/normal.js";
import { coxph } from "./coxph.js";
import { kaplanMeier, type KaplanMeier } from "./kaplanMeier.js";
import { logRankTest, type LogRankResult } from "./logRank.js";

/** Sample quantile of R's default type 7 (linear interpolation between order statistics). */
export function quantileType7(values: ArrayLike<number>, prob: number): number {
  const s = Float64Array.from(values).sort();
  const h = (s.length - 1) * prob;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, s.length - 1);
  return s[lo]! + (h - lo) * (s[hi]! - s[lo]!);
}

/** Kaplan–Meier curves by risk group with the log-rank test and hazard ratios against the lowest-risk group. */
export interface RiskGroupSurvival {
  /** Inner cut points (k − 1 quantiles of the risk score). */
  readonly cutpoints: number[];
  /** Group of each subject, 1 = lowest risk. */
  readonly group: Int32Array;
  readonly groups: { group: number; n: number; events: number; km: KaplanMeier }[];
  readonly logRank: LogRankResult;
  /** Hazard ratio of group g (g ≥ 2) vs group 1 from a Cox model on group indicators (Efron), with Wald CI. */
  readonly hazardRatios: { group: number; estimate: number; lower: number; upper: number; p: number }[];
}

/**
 * Splits subjects into k risk groups at the quantiles of the risk score (R's cut(x, quantile(x, 0:k/k),
 * include.lowest = TRUE)), with the Kaplan–Meier curve per group, the k-group log-rank test and the hazard ratio of
 * each group vs the lowest (coxph(Surv ~ factor(group)), Efron ties, Wald CI at `level`).
 */
export function riskGroupSurvival(time: ArrayLike<number>, event: ArrayLike<number>, risk: ArrayLike<number>, options: { groups?: number; level?: number } = {}): RiskGroupSurvival {
  const k = options.groups ?? 3;
  const level = options.level ?? 0.95;
  const breaks = Array.from({ length: k + 1 }, (_, g) => quantileType7(risk, g / k));
  const n = risk.length;
  const group = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let g = 1;
    while (g < k && risk[i]! > breaks[g]!) g++;
    group[i] = g;
  }
  const present = [...new Set(group)].sort((a, b) => a - b);
  const groups = present.map((g) => {
    const idx = Array.from({ length: n }, (_, i) => i).filter((i) => group[i] === g);
    const t = idx.map((i) => time[i]!), e = idx.map((i) => event[i]!);
    return { group: g, n: idx.length, events: e.reduce((s, v) => s + v, 0), km: kaplanMeier(t, e, { allowNoEvents: true }) };
  });
  const logRank = logRankTest(time, event, group);
  const dummies = present.slice(1).map((g) => Float64Array.from(group, (v) => (v === g ? 1 : 0)));
  const fit = coxph(matrixFromColumns(dummies), time, event, { ties: "efron" });
  const z = normalQuantile(1 - (1 - level) / 2);
  const hazardRatios = present.slice(1).map((g, j) => ({
    group: g,
    estimate: Math.exp(fit.coefficients[j]!),
    lower: Math.exp(fit.coefficients[j]! - z * fit.stdErrors[j]!),
    upper: Math.exp(fit.coefficients[j]! + z * fit.stdErrors[j]!),
    p: fit.p[j]!,
  }));
  return { cutpoints: breaks.slice(1, k), group, groups, logRank, hazardRatios };
}
