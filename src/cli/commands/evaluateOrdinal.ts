import type { Command } from "commander";
import { RadvalError, type RadvalWarning } from "../../core/errors.js";
import { readRawTable } from "../../io/readTable.js";
import { parseCutoffs } from "../../ordinal/cutoffs.js";
import { codeOrdinalOutcome } from "../../ordinal/levels.js";
import { type LevelEvaluation, type LevelModelOutput, evaluateLevels } from "../../ordinal/evaluation.js";
import { formatNumber, formatTable } from "../format.js";
import type { CliIo } from "../io.js";
import { parseOptionsFrom, splitList } from "../options.js";
import { printJson, printWarnings } from "../output.js";
import { type PredictionFileOptions, levelOption } from "../predictions.js";
import { levelsOption, rawColumn, rawLocate, rawNumbers, readOrdinalOutcome } from "./ordinal.js";

/** Options `radval evaluate --ordinal` reads (on top of the prediction-file options). */
export interface EvaluateOrdinalOptions extends PredictionFileOptions {
  ordinal?: boolean;
  levels?: string;
  cutoffs?: string;
  score?: string;
  probs?: string;
  predicted?: string;
}


/** The `radval evaluate --ordinal --json` object (a public contract: key names are fixed). */
/** The JSON of `radval evaluate --ordinal` (see {@link LevelEvaluation}). */
export type EvaluateOrdinalReport = LevelEvaluation;

/** Adds the options of `radval evaluate --ordinal` to the evaluate command. */
export function addEvaluateOrdinalOptions(command: Command): Command {
  return command
    .option("--ordinal", "the outcome is ordinal (e.g. fibrosis stage F0–F4): per-cut-off AUCs, Obuchowski's index, weighted kappa")
    .option("--levels <list>", "with --ordinal: outcome levels, lowest first (default: numeric order, or F0 < F1 < …)")
    .option("--cutoffs <list>", 'with --ordinal: cut-offs, e.g. ">=F2,>=F3,==F4" (default: >=L for every level but the first)')
    .option("--score <col>", "with --ordinal: one score or marker (higher = higher level)")
    .option("--probs <cols>", "with --ordinal: class-probability columns, one per level, lowest level first")
    .option("--predicted <col>", "with --ordinal: predicted level of each case (for weighted kappa and the confusion matrix; default with --probs: the most probable level)");
}


function human(file: string, r: EvaluateOrdinalReport, level: number): string {
  const pct = Math.round(level * 100);
  const lines: string[] = [];
  lines.push(`${file}: ${r.n} cases, levels ${r.levels.map((l, k) => `${l} (${r.counts[k]})`).join(" < ")}; ${r.input === "score" ? "one score" : "class probabilities"}`);
  lines.push("");
  lines.push(`Dichotomised AUC per cut-off (DeLong ${pct}% CI)`);
  lines.push(
    formatTable(
      ["cut-off", "cases", "controls", "AUC", `${pct}% CI`],
      r.cutoffs.map((c) => [c.cutoff, String(c.cases), String(c.controls), formatNumber(c.auc), c.ci ? `${formatNumber(c.ci[0])} – ${formatNumber(c.ci[1])}` : "n/a"]),
    ).trimEnd(),
  );
  const o = r.obuchowski;
  lines.push("");
  lines.push(`Obuchowski's ordinal concordance (${o.score}): ${formatNumber(o.estimate)} (SE ${formatNumber(o.se)}; ${pct}% CI ${formatNumber(o.ci[0])} – ${formatNumber(o.ci[1])})`);
  if (r.handTill) lines.push(`Hand–Till multi-class AUC: ${formatNumber(r.handTill.auc)}`);
  if (r.brier !== undefined) lines.push(`Multi-class Brier score: ${formatNumber(r.brier)}`);
  if (r.calibration) {
    lines.push("");
    lines.push("Calibration per cut-off (P(case side) vs the case indicator)");
    lines.push(
      formatTable(
        ["cut-off", "Brier", "slope", "intercept", "calibration-in-the-large"],
        r.calibration.map((c) => [c.cutoff, formatNumber(c.brier), formatNumber(c.slope), formatNumber(c.intercept), formatNumber(c.calibrationInTheLarge)]),
      ).trimEnd(),
    );
  }
  if (r.kappa) {
    lines.push("");
    lines.push(`Agreement of ${r.confusion!.predicted} with the observed level (Fleiss–Cohen–Everitt SE, as vcd::Kappa)`);
    lines.push(
      formatTable(
        ["kappa", "estimate", "SE", `${pct}% CI`],
        (["linear", "quadratic", "unweighted"] as const).map((w) => {
          const k = r.kappa![w];
          return [w, formatNumber(k.estimate), formatNumber(k.se), `${formatNumber(k.lower)} – ${formatNumber(k.upper)}`];
        }),
      ).trimEnd(),
    );
    lines.push("");
    lines.push("Confusion matrix (rows observed, columns predicted)");
    lines.push(formatTable(["", ...r.levels], r.confusion!.table.map((row, k) => [r.levels[k]!, ...row.map(String)])).trimEnd());
  }
  return `${lines.join("\n")}\n`;
}

/**
 * `radval evaluate <predictions.csv> --outcome COL --ordinal [--levels …]
 * [--cutoffs ">=2,>=3,==4"] (--score COL | --probs C1,C2,…) [--predicted COL]`:
 * per-cut-off dichotomised AUCs with DeLong CIs (score: the marker; probs: the
 * cumulative probability of the case side), Obuchowski's index (score: the
 * marker; probs: the expected level Σ_k k P(Y = k)), the Hand–Till AUC,
 * weighted kappa with FCE SEs and the confusion matrix (predicted level from
 * --predicted, or the most probable level), the multi-class Brier score.
 */
export function evaluateOrdinal(file: string, options: EvaluateOrdinalOptions, io: CliIo): void {
  const level = levelOption(options.level);
  if (options.outcome === undefined) {
    throw new RadvalError("MISSING_ROLE", "no outcome column was given", { where: { file, option: "--outcome" }, hint: "Name the ordinal outcome column with --outcome COL." });
  }
  if ((options.score === undefined) === (options.probs === undefined)) {
    throw new RadvalError("INVALID_OPTION", options.score === undefined ? "give the model's output: --score COL or --probs COL1,COL2,…" : "give either --score or --probs, not both", {
      where: { file, option: options.score === undefined ? "--score" : "--probs" },
      hint: "--score: one marker (higher = higher level); --probs: one class-probability column per level, lowest first.",
    });
  }
  for (const [opt, value] of [["--prob", (options as { prob?: string }).prob], ["--positive", options.positive]] as const) {
    if (value !== undefined) throw new RadvalError("INVALID_OPTION", `${opt} does not apply with --ordinal`, { where: { option: opt }, hint: "Use --score or --probs, and --levels for the level order." });
  }
  const levelsGiven = levelsOption(options.levels);
  const table = readRawTable(file, parseOptionsFrom(options));
  const oj = rawColumn(table, options.outcome, "--outcome");
  const warnings: RadvalWarning[] = [];
  let rows = table.rows.map((_, r) => r);
  const missingOutcome = rows.filter((r) => ["", "NA"].includes(table.rows[r]![oj]!.trim()));
  if (missingOutcome.length > 0 && options.dropMissingOutcome) {
    const drop = new Set(missingOutcome);
    rows = rows.filter((r) => !drop.has(r));
    warnings.push({ code: "OUTCOME_MISSING_DROPPED", message: `${missingOutcome.length} row(s) with a missing outcome "${options.outcome}" were dropped` });
  }
  const coded = readOrdinalOutcome(table, options.outcome, rows, levelsGiven, false);
  const { levels, codes, counts } = coded;
  const K = levels.length;
  levels.forEach((l, k) => {
    if (counts[k] === 0) warnings.push({ code: "EMPTY_LEVEL", message: `level "${l}" has no cases in ${file}` });
  });
  const cutoffs = parseCutoffs(options.cutoffs, levels);

  let output: LevelModelOutput;
  if (options.score !== undefined) {
    const sj = rawColumn(table, options.score, "--score");
    output = { score: rawNumbers(table, sj, rows, "--score"), name: options.score };
  } else {
    const names = splitList(options.probs) ?? [];
    if (names.length !== K) {
      throw new RadvalError("DIMENSION_MISMATCH", `--probs names ${names.length} column(s) but the outcome has ${K} levels (${levels.join(" < ")})`, {
        where: { option: "--probs" },
        hint: "Give one probability column per level, lowest level first.",
      });
    }
    const cols = names.map((nm) => rawNumbers(table, rawColumn(table, nm, "--probs"), rows, "--probs"));
    const probs = rows.map((_, i) => Float64Array.from(cols, (c) => c[i]!));
    probs.forEach((row, i) => {
      let s = 0;
      row.forEach((v, k) => {
        if (!(v >= 0 && v <= 1)) {
          throw new RadvalError("PROBABILITY_OUT_OF_RANGE", `probability ${v} is not in [0, 1]`, { where: rawLocate(table, rows[i]!, names[k]!), hint: "Pass class probabilities, not scores." });
        }
        s += v;
      });
      if (Math.abs(s - 1) > 1e-6) {
        throw new RadvalError("PROBABILITY_OUT_OF_RANGE", `the class probabilities of this row sum to ${s}, not 1`, {
          where: { ...rawLocate(table, rows[i]!, names[0]!), option: "--probs" },
          hint: "Give one column per level (all levels), so each row sums to 1.",
        });
      }
    });
    output = { probs };
  }
  let predicted: { codes: Int32Array; name: string } | undefined;
  if (options.predicted !== undefined) {
    const pj = rawColumn(table, options.predicted, "--predicted");
    const p = codeOrdinalOutcome(
      rows.map((r) => table.rows[r]![pj]!),
      { levels, requireAllLevels: false, where: { file, column: options.predicted, option: "--predicted" }, locate: (k) => rawLocate(table, rows[k]!, options.predicted!) },
    );
    predicted = { codes: p.codes, name: options.predicted };
  }
  const evaluated = evaluateLevels(codes, levels, cutoffs, output, { level, ...(predicted ? { predicted } : {}) });
  const report = evaluated.report;
  warnings.push(...evaluated.warnings);
  report.warnings = warnings.map((w) => w.message);
  printWarnings(io, warnings, options.quiet);
  if (options.json) printJson(io, report);
  else io.stdout(human(file, report, level));
}
