import type { Command } from "commander";
import { RadvalError } from "../../core/errors.js";
import { defaultThresholds, parseThresholdGrid } from "../../metrics/decisionCurve.js";
import { survivalCalibration } from "../../survival/calibration.js";
import { concordance } from "../../survival/concordance.js";
import { survivalDecisionCurve } from "../../survival/decisionCurve.js";
import { medianFollowUp } from "../../survival/kaplanMeier.js";
import { riskGroupSurvival } from "../../survival/riskGroups.js";
import { survivalBrierScore, nullSurvivalBrierScore, timeDependentAuc, type EstimateWithCi } from "../../survival/timeDependent.js";
import { checkHorizon } from "../../survival/validate.js";
import { formatNumber, formatTable } from "../format.js";
import type { CliIo } from "../io.js";
import { numberOption } from "../options.js";
import { printJson } from "../output.js";
import { levelOption } from "../predictions.js";
import { readSurvivalTable, type SurvivalRoleOptions } from "../survivalTable.js";

/** The options `radval evaluate --time T --event E --risk COL` reads. */
export interface EvaluateSurvivalOptions extends SurvivalRoleOptions {
  risk?: string;
  prob?: string;
  horizon?: string;
  thresholds?: string;
  level?: string;
  riskGroups?: string;
  calGroups?: string;
}

/** Adds the time-to-event options to the evaluate command. */
export function addEvaluateSurvivalOptions(command: Command): Command {
  return command
    .option("--time <col>", "follow-up time column (time-to-event evaluation; needs --event and --risk)")
    .option("--event <col>", "event column, 1 = event, 0 = censored")
    .option("--risk <col>", "risk score, higher = higher risk (e.g. the Cox linear predictor): C-index, risk groups, calibration slope")
    .option("--horizon <t>", "prediction horizon in time units: time-dependent AUC, Brier, calibration and decision curve at t")
    .option("--risk-groups <k>", "number of risk groups for Kaplan–Meier curves, log-rank and hazard ratios (default 3)")
    .option("--cal-groups <g>", "number of groups of the calibration table at the horizon (default 10)");
}

const ci = (e: EstimateWithCi) => ({ estimate: e.estimate, se: e.se, lower: e.lower, upper: e.upper });

/** `radval evaluate <csv> --time T --event E --risk COL [--prob COL --horizon t]`: time-to-event validation. */
export function runEvaluateSurvival(file: string, options: EvaluateSurvivalOptions, io: CliIo): void {
  if (options.risk === undefined) throw new RadvalError("MISSING_ROLE", "no risk-score column was given", { where: { option: "--risk" }, hint: "Name the risk score (higher = higher risk, e.g. the Cox linear predictor) with --risk COL." });
  if (options.prob !== undefined && options.horizon === undefined) throw new RadvalError("MISSING_ROLE", "--prob needs --horizon (the time the predicted probability refers to)", { where: { option: "--horizon" }, hint: "Add e.g. --horizon 1825 for 5-year risk in days." });
  const level = levelOption(options.level);
  const horizon = numberOption("--horizon", options.horizon, {});
  const kGroups = numberOption("--risk-groups", options.riskGroups, { min: 2, integer: true, default: 3 })!;
  const calGroups = numberOption("--cal-groups", options.calGroups, { min: 2, integer: true, default: 10 })!;
  const extra = [{ name: options.risk, option: "--risk" }, ...(options.prob !== undefined ? [{ name: options.prob, option: "--prob" }] : [])];
  const data = readSurvivalTable(file, options, extra, false);
  const risk = data.columns[options.risk]!;
  const prob = options.prob !== undefined ? data.columns[options.prob]! : undefined;
  if (prob) {
    prob.forEach((p, r) => {
      if (!(p >= 0 && p <= 1)) throw new RadvalError("PROBABILITY_OUT_OF_RANGE", `predicted probability ${p} is outside [0, 1]`, { where: { file, row: r + 1, column: options.prob! } });
    });
  }
  const harrell = concordance(data.time, data.event, risk);
  const uno = concordance(data.time, data.event, risk, { timeWeight: "n/G2" });
  const groups = riskGroupSurvival(data.time, data.event, risk, { groups: kGroups, level });
  let events = 0;
  data.event.forEach((e) => (events += e));
  const report: Record<string, unknown> = {
    n: data.nRows,
    events,
    medianFollowUp: medianFollowUp(data.time, data.event),
    concordance: { harrell: { c: harrell.c, se: harrell.se }, uno: { c: uno.c, se: uno.se } },
  };
  if (horizon !== undefined) {
    checkHorizon(horizon, data.time, { file, option: "--horizon" });
    const h: Record<string, unknown> = { time: horizon, auc: ci(timeDependentAuc(data.time, data.event, prob ?? risk, horizon, { level })) };
    if (prob) {
      h.brier = ci(survivalBrierScore(data.time, data.event, prob, horizon, { level }));
      h.brierNull = ci(nullSurvivalBrierScore(data.time, data.event, horizon, { level }));
      h.ipa = 1 - (h.brier as EstimateWithCi).estimate / (h.brierNull as EstimateWithCi).estimate;
      h.calibration = survivalCalibration(data.time, data.event, prob, horizon, { groups: calGroups, lp: risk });
      const thresholds = options.thresholds !== undefined ? parseThresholdGrid(options.thresholds) : defaultThresholds();
      h.decisionCurve = survivalDecisionCurve(data.time, data.event, prob, horizon, thresholds).map((r) => ({ threshold: r.threshold, netBenefit: r.netBenefit, treatAll: r.treatAll, treatNone: r.treatNone }));
    } else {
      h.brierNull = ci(nullSurvivalBrierScore(data.time, data.event, horizon, { level }));
    }
    report.horizon = h;
  }
  report.riskGroups = {
    cutpoints: groups.cutpoints,
    groups: groups.groups.map((g) => ({ group: g.group, n: g.n, events: g.events })),
    logRank: { chisq: groups.logRank.chisq, df: groups.logRank.df, p: groups.logRank.p },
    hazardRatios: groups.hazardRatios,
  };
  if (options.json) {
    printJson(io, report);
    return;
  }
  const lines = [`${file}: ${data.nRows} subjects, ${events} events, median follow-up (reverse KM) ${formatNumber(report.medianFollowUp as number | null, 5)}`, ""];
  lines.push(formatTable(["measure", "estimate", "se"], [["Harrell's C", formatNumber(harrell.c, 4), formatNumber(harrell.se, 4)], ["Uno's C", formatNumber(uno.c, 4), formatNumber(uno.se, 4)]]).trimEnd());
  const h = report.horizon as Record<string, any> | undefined;
  if (h) {
    const row = (name: string, e: EstimateWithCi | undefined) => (e ? [name, formatNumber(e.estimate, 4), formatNumber(e.se, 4), `${formatNumber(e.lower, 4)}–${formatNumber(e.upper, 4)}`] : null);
    const rows = [row("time-dependent AUC", h.auc), row("Brier", h.brier), row("Brier (null model)", h.brierNull)].filter((r): r is string[] => r !== null);
    lines.push("", `At t = ${horizon} (IPCW, Kaplan–Meier censoring):`, formatTable(["measure", "estimate", "se", `${Math.round(level * 100)}% CI`], rows).trimEnd());
  }
  lines.push("", `Risk groups (${kGroups}): log-rank chi-square ${formatNumber(groups.logRank.chisq, 4)} on ${groups.logRank.df} df, p = ${formatNumber(groups.logRank.p, 3)}`);
  lines.push(formatTable(["group", "n", "events", "HR vs 1", "CI"], groups.groups.map((g) => {
    const hr = groups.hazardRatios.find((x) => x.group === g.group);
    return [String(g.group), String(g.n), String(g.events), hr ? formatNumber(hr.estimate, 4) : "1", hr ? `${formatNumber(hr.lower, 4)}–${formatNumber(hr.upper, 4)}` : ""];
  })).trimEnd());
  io.stdout(`${lines.join("\n")}\n`);
}
