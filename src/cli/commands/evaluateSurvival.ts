import type { Command } from "commander";
import { RadvalError } from "../../core/errors.js";
import { defaultThresholds, parseThresholdGrid } from "../../metrics/decisionCurve.js";
import { type EstimateSe, evaluateSurvival } from "../../survival/evaluation.js";
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
  if (horizon !== undefined) checkHorizon(horizon, data.time, { file, option: "--horizon" });
  const thresholds = options.thresholds !== undefined ? parseThresholdGrid(options.thresholds) : defaultThresholds();
  const report = evaluateSurvival(data.time, data.event, risk, {
    level,
    riskGroups: kGroups,
    calibrationGroups: calGroups,
    ...(prob ? { prob, thresholds } : {}),
    ...(horizon !== undefined ? { horizon } : {}),
  });
  const harrell = report.concordance.harrell;
  const uno = report.concordance.uno;
  const events = report.events;
  const groups = report.riskGroups;
  if (options.json) {
    printJson(io, report);
    return;
  }
  const lines = [`${file}: ${data.nRows} subjects, ${events} events, median follow-up (reverse KM) ${formatNumber(report.medianFollowUp as number | null, 5)}`, ""];
  lines.push(formatTable(["measure", "estimate", "se"], [["Harrell's C", formatNumber(harrell.c, 4), formatNumber(harrell.se, 4)], ["Uno's C", formatNumber(uno.c, 4), formatNumber(uno.se, 4)]]).trimEnd());
  const h = report.horizon;
  if (h) {
    const row = (name: string, e: EstimateSe | undefined) => (e ? [name, formatNumber(e.estimate, 4), formatNumber(e.se, 4), `${formatNumber(e.lower, 4)}–${formatNumber(e.upper, 4)}`] : null);
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
