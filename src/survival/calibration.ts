import { matrixFromColumns } from "../core/matrix.js";
import { coxph } from "./coxph.js";
import { kaplanMeier, survivalAt } from "./kaplanMeier.js";
import { quantileType7 } from "./riskGroups.js";
import { checkHorizon, checkSurvival } from "./validate.js";

/** One risk group of the calibration table at the horizon. */
export interface SurvivalCalibrationGroup {
  readonly group: number;
  readonly n: number;
  readonly events: number;
  /** Mean predicted risk by the horizon. */
  readonly predicted: number;
  /** Observed risk by the horizon: 1 − KM(t) in the group. */
  readonly observed: number;
  /** Greenwood standard error of the observed risk. */
  readonly se: number;
}

/** Calibration at a horizon: grouped observed vs predicted risk and the calibration slope of the linear predictor. */
export interface SurvivalCalibration {
  readonly time: number;
  readonly groups: SurvivalCalibrationGroup[];
  /** Coefficient of the lp in a Cox model on the validation data (1 = ideal); null without an lp. */
  readonly slope: { estimate: number; se: number } | null;
  /** Observed (1 − KM(t)) over mean predicted risk in all subjects. */
  readonly observedExpectedRatio: number;
}

/**
 * Calibration of predicted risks by horizon t: subjects grouped at the quantiles of the predicted risk (`groups`,
 * default 10, R's cut(quantile, include.lowest)), mean predicted risk vs observed 1 − KM(t) (Greenwood SE) per group;
 * the calibration slope = coefficient of the linear predictor in coxph(Surv ~ lp) (Efron) on the same data; and the
 * overall observed/expected ratio. Reference: Royston & Altman (2013) BMC Med Res Methodol 13:33; Austin, Harrell &
 * van Klaveren (2020) Stat Med 39:2714.
 */
export function survivalCalibration(
  time: ArrayLike<number>,
  event: ArrayLike<number>,
  risk: ArrayLike<number>,
  horizon: number,
  options: { groups?: number; lp?: ArrayLike<number> } = {},
): SurvivalCalibration {
  const { time: t, event: d } = checkSurvival(time, event);
  checkHorizon(horizon, t);
  const k = options.groups ?? 10;
  const breaks = Array.from({ length: k + 1 }, (_, g) => quantileType7(risk, g / k));
  const n = t.length;
  const members: number[][] = Array.from({ length: k }, () => []);
  for (let i = 0; i < n; i++) {
    let g = 1;
    while (g < k && risk[i]! > breaks[g]!) g++;
    members[g - 1]!.push(i);
  }
  const groups: SurvivalCalibrationGroup[] = [];
  members.forEach((idx, g) => {
    if (idx.length === 0) return;
    const km = kaplanMeier(idx.map((i) => t[i]!), idx.map((i) => d[i]!), { allowNoEvents: true });
    let pos = -1;
    for (let q = 0; q < km.time.length; q++) if (km.time[q]! <= horizon) pos = q;
    groups.push({
      group: g + 1,
      n: idx.length,
      events: idx.reduce((s, i) => s + d[i]!, 0),
      predicted: idx.reduce((s, i) => s + risk[i]!, 0) / idx.length,
      observed: 1 - survivalAt(km, horizon),
      se: pos < 0 ? 0 : km.stdErr[pos]!,
    });
  });
  let slope: SurvivalCalibration["slope"] = null;
  if (options.lp) {
    const fit = coxph(matrixFromColumns([Float64Array.from(options.lp)]), t, d, { ties: "efron" });
    slope = { estimate: fit.coefficients[0]!, se: fit.stdErrors[0]! };
  }
  let meanRisk = 0;
  for (let i = 0; i < n; i++) meanRisk += risk[i]!;
  meanRisk /= n;
  const observed = 1 - survivalAt(kaplanMeier(t, d), horizon);
  return { time: horizon, groups, slope, observedExpectedRatio: observed / meanRisk };
}
