import { RadvalError } from "../core/errors.js";
import { coxNomogram } from "../nomogram/models.js";
import { nomogramPointsTable } from "../nomogram/pointsTable.js";
import type { Nomogram } from "../nomogram/types.js";
import { coxph } from "../survival/coxph.js";
import { formatNumber, formatTable } from "./format.js";
import { numberOption, splitList } from "./options.js";
import { readSurvivalTable, type SurvivalRoleOptions } from "./survivalTable.js";

/** What `radval nomogram --time --event --horizon` computes: the fitted Cox model and its nomogram at one horizon. */
export interface CoxNomogramRun {
  readonly json: unknown;
  readonly text: string;
  readonly warnings: readonly string[];
}

/**
 * `radval nomogram <csv> --time T --event E --horizon t --features …`: fits
 * survival::coxph (Efron ties, as rms::cph) on the complete rows and draws
 * `rms::nomogram(cph fit, fun = function(lp) surv(t, lp))`: cph's centred
 * linear predictor (lp = x'β − centre, centre = Σ β·mean), S₀(t) =
 * exp(−H₀(t)·exp(centre)) from the Efron/Breslow baseline at the last time ≤ t.
 * JSON: the logistic command's shape (scale, lpAtZero, predictors, totalPoints,
 * lp) with `survival` = S(t | x) per patient (rms's function axis, `survivalAxis`)
 * and `risk` = 1 − S(t | x), the probability of the event by t.
 */
export function coxNomogramRun(file: string, options: SurvivalRoleOptions & { horizon?: string; dropMissing?: boolean }): CoxNomogramRun {
  if (options.dropMissing) {
    throw new RadvalError("NOT_IMPLEMENTED_OPTION", "--drop-missing is for the logistic nomogram; the Cox nomogram needs complete rows", { where: { option: "--drop-missing", file }, hint: "Leave out (or impute) rows with a missing predictor, time or event first." });
  }
  if (options.horizon === undefined) {
    throw new RadvalError("MISSING_ROLE", "a Cox nomogram needs the time horizon of its survival axis", { where: { option: "--horizon" }, hint: "Add --horizon t in the time unit, e.g. --horizon 1825 for 5 years in days." });
  }
  const horizon = numberOption("--horizon", options.horizon, { min: Number.MIN_VALUE })!;
  if (options.outcome !== undefined) {
    throw new RadvalError("INVALID_OPTION", "--outcome is for the logistic nomogram; a Cox nomogram reads --time and --event", { where: { option: "--outcome" }, hint: "Drop --outcome, or drop --time/--event/--horizon for a logistic nomogram." });
  }
  const features = splitList(options.features);
  if (!features || features.length === 0) {
    throw new RadvalError("MISSING_ROLE", "no predictors were chosen", { where: { option: "--features" }, hint: "Name the model's predictors, e.g. --features bili,albumin,protime,age." });
  }
  const data = readSurvivalTable(file, options, [], true);
  const fit = coxph(data.x, data.time, data.event, { ties: "efron", featureNames: data.featureNames });
  if (!fit.converged) throw new RadvalError("NOT_CONVERGED", `the Cox model did not converge in ${fit.iterations} iterations`, { where: { file }, hint: "Check for predictors that separate events from non-events, or drop some." });
  let center = 0;
  fit.coefficients.forEach((b, j) => (center += b * fit.means[j]!));
  const baselineSurvival = { time: fit.baseline.time, surv: fit.baseline.cumhaz.map((h) => Math.exp(-h * Math.exp(center))) };
  const n = data.nRows;
  const terms = data.featureNames.map((name, j) => ({ name, type: "linear" as const, coefficient: fit.coefficients[j]!, values: data.x.data.subarray(j * n, (j + 1) * n) }));
  const label = `Survival at ${horizon}`;
  const nom = coxNomogram({ center, terms, baselineSurvival, horizons: [horizon], labels: [label] });
  const s0 = nom.baselineSurvivalAtHorizons[0]!;
  if (!(s0 < 1)) {
    throw new RadvalError("INVALID_OPTION", `no event occurs by the horizon ${horizon} (first event time ${firstEventTime(data.time, data.event)}), so survival there is 1 for everyone`, { where: { file, option: "--horizon" }, hint: "Choose a horizon within the follow-up, after the first events." });
  }
  const lastTime = fit.baseline.time[fit.baseline.time.length - 1]!;
  const warnings = horizon > lastTime ? [`the horizon ${horizon} is beyond the last follow-up time ${lastTime}: S₀ is carried forward from ${lastTime}`] : [];
  const survival = nom.patients.functions[0]!;
  const predictors: Record<string, unknown> = {};
  const points: Record<string, number[]> = {};
  nom.predictors.forEach((p, j) => {
    predictors[p.name] = { type: p.type, values: p.values, points: p.points, pointsPerUnit: p.pointsPerUnit };
    points[p.name] = Array.from(nom.patients.points[j]!);
  });
  const axis = nom.functionAxes[0]!;
  const json = {
    model: "cox",
    n,
    nEvents: fit.nEvents,
    ties: fit.ties,
    coefficients: Object.fromEntries(fit.terms.map((t, j) => [t, fit.coefficients[j]!])),
    center,
    horizon,
    baselineSurvival: s0,
    scale: nom.scale,
    lpAtZero: nom.lpAtZero,
    maxscale: nom.maxscale,
    predictors,
    totalPointsAxis: nom.totalPointsAxis,
    lpAxis: nom.lpAxis,
    survivalAxis: { label: axis.label, ticks: axis.ticks, positions: axis.positions },
    ids: data.ids,
    totalPoints: Array.from(nom.patients.totalPoints),
    lp: Array.from(nom.patients.lp),
    survival: Array.from(survival),
    risk: Array.from(survival, (s) => 1 - s),
    points,
    warnings,
  };
  return { json, text: human(file, horizon, s0, center, n, fit.nEvents, nom), warnings };
}

function firstEventTime(time: Float64Array, event: Uint8Array): number {
  let t = Infinity;
  for (let i = 0; i < time.length; i++) if (event[i] === 1 && time[i]! < t) t = time[i]!;
  return t;
}

function human(file: string, horizon: number, s0: number, center: number, n: number, events: number, nom: Nomogram): string {
  const lines = [`${file}: Cox nomogram (Efron ties) on ${nom.predictors.length} predictors, ${n} rows, ${events} events; survival at ${horizon} (rms::nomogram scaling)`];
  lines.push(`${formatNumber(nom.scale, 6)} points per unit of the linear predictor; linear predictor at 0 points ${formatNumber(nom.lpAtZero, 6)} (centred: centre ${formatNumber(center, 6)}); S₀(${horizon}) = ${formatNumber(s0, 6)}`);
  lines.push("");
  lines.push(formatTable(["axis", "value", "points"], nomogramPointsTable(nom).map((r) => [r.axis, typeof r.value === "number" ? formatNumber(r.value, 6) : r.value, formatNumber(r.points, 4)])).trimEnd());
  lines.push("");
  lines.push("Each patient's total points, survival and risk (1 − survival) at the horizon: --json.");
  return `${lines.join("\n")}\n`;
}
