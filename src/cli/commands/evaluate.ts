import type { Command } from "commander";
import { RadvalError } from "../../core/errors.js";
import { aucMannWhitney } from "../../metrics/auc.js";
import { hosmerLemeshow } from "../../metrics/calibration/hosmerLemeshow.js";
import { calibrationSlopeIntercept } from "../../metrics/calibration/summary.js";
import { type ExtremeProbabilities, type ValProb, valProb } from "../../metrics/calibration/valProb.js";
import { type DecisionCurve, decisionCurve, defaultThresholds, parseThresholdGrid } from "../../metrics/decisionCurve.js";
import { checkProbabilities } from "../../metrics/inputs.js";
import { formatNumber, formatTable } from "../format.js";
import type { CliIo } from "../io.js";
import { addCommonOptions, numberOption } from "../options.js";
import { printJson, printWarnings } from "../output.js";
import { type PredictionFileOptions, addPredictionFileOptions, levelOption, readPredictionTable } from "../predictions.js";
import { type AucReport, aucReport, formatAucReport } from "./auc.js";
import { type ReclassificationJson, addReclassificationOptions, formatReclassification, reclassificationJson, riskCutoffsOption } from "./evaluateReclassification.js";
import { addEvaluateOrdinalOptions, evaluateOrdinal } from "./evaluateOrdinal.js";
import { addEvaluateSurvivalOptions, runEvaluateSurvival } from "./evaluateSurvival.js";

const VAL_PROB_KEYS = ["Dxy", "C", "R2", "D", "U", "Q", "Brier", "Intercept", "Slope", "Emax", "E90", "Eavg", "Sz", "Sp"] as const;

type DecisionRow = { threshold: number; netBenefit: number; treatAll: number; treatNone: 0; interventionsAvoided: number };

/** The `radval evaluate --json` object (a public contract: key names are fixed). */
export interface EvaluateReport {
  n: number;
  events: number;
  auc: AucReport;
  valProb: Record<(typeof VAL_PROB_KEYS)[number], number | null>;
  calibrationInTheLarge: number | null;
  hosmerLemeshow: { statistic: number | null; df: number | null; p: number | null };
  decisionCurve: DecisionRow[];
  /** Only with --prob2: the comparator's decision curve, and reclassification from the comparator (--prob2) to --prob. */
  decisionCurve2?: DecisionRow[];
  reclassification?: ReclassificationJson;
}

interface EvaluateOptions extends PredictionFileOptions {
  prob?: string;
  prob2?: string;
  thresholds?: string;
  extremes?: string;
  hlGroups?: string;
  hlDf?: string;
  riskCutoffs?: string;
}

function rows(curve: DecisionCurve): DecisionRow[] {
  return curve.points.map((p) => ({ threshold: p.threshold, netBenefit: p.netBenefit, treatAll: p.treatAll, treatNone: 0, interventionsAvoided: p.interventionsAvoided }));
}

function thresholdsOption(value: string | undefined): Float64Array {
  if (value === undefined) return defaultThresholds();
  if (value.includes(",")) {
    const list = value.split(",").map((s) => Number(s.trim()));
    if (list.some((t) => !(t > 0 && t < 1))) {
      throw new RadvalError("INVALID_OPTION", `thresholds must be numbers strictly between 0 and 1, got "${value}"`, { where: { option: "--thresholds" }, hint: "Example: --thresholds 0.1,0.2,0.3 or --thresholds 0.01:0.99:0.01" });
    }
    return Float64Array.from(list);
  }
  return parseThresholdGrid(value, "--thresholds");
}

function calibrationInTheLargeOf(truth: Float64Array, prob: Float64Array, extremes: ExtremeProbabilities): number | null {
  if (extremes === "exclude") {
    const keep: number[] = [];
    for (let i = 0; i < prob.length; i++) if (prob[i]! > 0 && prob[i]! < 1) keep.push(i);
    truth = Float64Array.from(keep, (i) => truth[i]!);
    prob = Float64Array.from(keep, (i) => prob[i]!);
    if (keep.length === 0) return null;
  }
  return calibrationSlopeIntercept(truth, prob).calibrationInTheLarge;
}

/**
 * Everything `radval evaluate` reports for predicted probabilities: AUC with
 * DeLong CI and Youden threshold (and the paired test with a second model),
 * the rms::val.prob statistics, calibration-in-the-large, Hosmer–Lemeshow
 * and the decision curve.
 */
export function evaluateReport(
  truth: Float64Array,
  prob: Float64Array,
  prob2: Float64Array | undefined,
  options: { thresholds: Float64Array; extremes: ExtremeProbabilities; level: number; hlGroups: number; hlDf: "development" | "validation"; riskCutoffs?: readonly number[] },
): { report: EvaluateReport; valProb: ValProb } {
  const vp = valProb(truth, prob, { extremes: options.extremes });
  const hl = hosmerLemeshow(truth, prob, { groups: options.hlGroups, df: options.hlDf });
  const report: EvaluateReport = {
    n: truth.length,
    events: truth.reduce((s, y) => s + y, 0),
    auc: aucReport(truth, prob, prob2, "<", options.level),
    valProb: Object.fromEntries(VAL_PROB_KEYS.map((k) => [k, vp[k]])) as EvaluateReport["valProb"],
    calibrationInTheLarge: calibrationInTheLargeOf(truth, prob, options.extremes),
    hosmerLemeshow: { statistic: hl.statistic, df: hl.df, p: hl.p },
    decisionCurve: rows(decisionCurve(truth, prob, { thresholds: options.thresholds })),
  };
  if (prob2) {
    report.decisionCurve2 = rows(decisionCurve(truth, prob2, { thresholds: options.thresholds }));
    report.reclassification = reclassificationJson(truth, prob, prob2, { thresholds: options.thresholds, level: options.level, ...(options.riskCutoffs ? { cutoffs: options.riskCutoffs } : {}) });
  }
  return { report, valProb: vp };
}

function human(r: EvaluateReport, vp: ValProb, names: readonly string[], level: number, defaultGrid: boolean, hlDf: string): string {
  const parts: string[] = [];
  parts.push(formatAucReport(r.auc, names, level));
  parts.push(`\nCalibration of ${names[0]} (rms::val.prob statistics; lowess with iter = 0 for E*)\n`);
  parts.push(
    formatTable(
      ["statistic", "value", "note"],
      VAL_PROB_KEYS.map((k) => [k, formatNumber(r.valProb[k]), vp.reasons[k] ?? ""]),
    ),
  );
  parts.push(`Calibration-in-the-large (slope fixed at 1): ${formatNumber(r.calibrationInTheLarge)}\n`);
  const hl = r.hosmerLemeshow;
  parts.push(
    `Hosmer–Lemeshow (deciles of risk, ${hlDf} df): statistic ${formatNumber(hl.statistic)}, df ${formatNumber(hl.df)}, p ${formatNumber(hl.p)} — depends on the grouping and has low power; prefer the calibration slope and curve.\n`,
  );
  const shown = defaultGrid ? r.decisionCurve.filter((_, k) => (k + 1) % 5 === 0) : r.decisionCurve;
  parts.push(`\nDecision curve (treat when p ≥ threshold${defaultGrid ? "; every 5th threshold shown, --json for all" : ""})\n`);
  parts.push(
    formatTable(
      ["threshold", "net benefit", "treat all", "treat none", "interventions avoided /100"],
      shown.map((p) => [formatNumber(p.threshold), formatNumber(p.netBenefit), formatNumber(p.treatAll), "0", formatNumber(p.interventionsAvoided)]),
    ),
  );
  if (r.reclassification) parts.push(formatReclassification(r.reclassification, names));
  return parts.join("");
}

/**
 * A caveat when the probabilities separate the outcome perfectly (AUC 1 or 0): the logistic recalibration then has
 * no finite maximum-likelihood estimate, and the slope printed (e.g. 40.99) is only where the fit stopped.
 */
export function separationCaveat(truth: ArrayLike<number>, prob: ArrayLike<number>, slope: number | null): string | null {
  let events = 0;
  for (let i = 0; i < truth.length; i++) events += truth[i]!;
  if (events === 0 || events === truth.length) return null;
  const auc = aucMannWhitney(truth, prob);
  if (auc !== 1 && auc !== 0) return null;
  return `the predictions separate events from non-events perfectly (AUC ${auc}): the calibration slope${slope !== null ? ` (${formatNumber(slope)})` : ""} and intercept have no finite estimate (the logistic fit diverges); do not interpret them — judge calibration from the curve and calibration-in-the-large.`;
}

/** `radval evaluate <predictions.csv> --outcome COL --prob COL [--prob2 COL] [--thresholds 0.01:0.99:0.01]`. */
export function registerEvaluate(program: Command, io: CliIo): void {
  const command = program
    .command("evaluate")
    .description("validate predicted probabilities from any model: AUC (DeLong), rms::val.prob calibration, Hosmer–Lemeshow, decision curve")
    .argument("<predictions>", "CSV with the outcome and predicted probabilities (e.g. pooled out-of-fold or external-validation predictions)");
  addCommonOptions(command);
  addPredictionFileOptions(command);
  command
    .option("--prob <col>", "predicted probability of the event (required)")
    .option("--prob2 <col>", "a comparator model's probabilities on the same cases: paired DeLong test, NRI/IDI/ΔBrier/ΔNB from it to --prob, second decision curve")
    .option("--thresholds <grid>", "decision-curve thresholds FROM:TO:BY or a comma list (default 0.01:0.99:0.01)")
    .option("--extremes <mode>", 'probabilities of exactly 0 or 1: "error" (default) or "exclude" them from the logistic statistics, as rms::val.prob')
    .option("--hl-groups <g>", "Hosmer–Lemeshow groups (default 10)")
    .option("--hl-df <which>", 'Hosmer–Lemeshow df: "development" (G − 2, default) or "validation" (G, new data)');
  addReclassificationOptions(command);
  addEvaluateOrdinalOptions(command);
  addEvaluateSurvivalOptions(command);
  command.action((file: string, options: EvaluateOptions & { ordinal?: boolean; time?: string }) => {
    if (options.ordinal) return evaluateOrdinal(file, options, io);
    if (options.time !== undefined) return runEvaluateSurvival(file, options, io);
    const level = levelOption(options.level);
    const thresholds = thresholdsOption(options.thresholds);
    const extremes = (options.extremes ?? "error") as ExtremeProbabilities;
    if (extremes !== "error" && extremes !== "exclude") {
      throw new RadvalError("INVALID_OPTION", `expected "error" or "exclude", got "${options.extremes}"`, { where: { option: "--extremes" } });
    }
    const hlDf = (options.hlDf ?? "development") as "development" | "validation";
    if (hlDf !== "development" && hlDf !== "validation") {
      throw new RadvalError("INVALID_OPTION", `expected "development" or "validation", got "${options.hlDf}"`, { where: { option: "--hl-df" } });
    }
    const hlGroups = numberOption("--hl-groups", options.hlGroups, { min: 2, integer: true, default: 10 })!;
    if (options.prob === undefined) {
      throw new RadvalError("MISSING_ROLE", "no probability column was given", { where: { file, option: "--prob" }, hint: "Name the predicted-probability column with --prob COL." });
    }
    const riskCutoffs = riskCutoffsOption(options.riskCutoffs);
    if (riskCutoffs && options.prob2 === undefined) {
      throw new RadvalError("INVALID_OPTION", "--risk-cutoffs needs --prob2 (the comparator model)", { where: { option: "--risk-cutoffs" }, hint: "Add --prob2 COL with the comparator's probabilities." });
    }
    const columns = [{ name: options.prob, option: "--prob" }];
    if (options.prob2 !== undefined) columns.push({ name: options.prob2, option: "--prob2" });
    const table = readPredictionTable(file, options, columns);
    table.columns.forEach((col, j) => checkProbabilities(col, { name: `"${table.names[j]}"`, open: extremes === "error", locate: (k) => table.locate(k, table.names[j]!) }));
    printWarnings(io, table.warnings, options.quiet);
    const { report, valProb: vp } = evaluateReport(table.truth, table.columns[0]!, table.columns[1], { thresholds, extremes, level, hlGroups, hlDf, ...(riskCutoffs ? { riskCutoffs } : {}) });
    const separated = separationCaveat(table.truth, table.columns[0]!, report.valProb.Slope);
    if (separated) printWarnings(io, [separated], options.quiet || options.json);
    if (options.json) {
      printJson(io, report);
      return;
    }
    io.stdout(`${file}: ${report.n} cases, ${report.events} events ("${table.positiveLabel}"), prevalence ${formatNumber(report.events / report.n)}\n`);
    io.stdout(human(report, vp, table.names, level, options.thresholds === undefined, hlDf === "development" ? "G − 2" : "G"));
    if (separated) io.stdout(`caution: ${separated}\n`);
  });
}
