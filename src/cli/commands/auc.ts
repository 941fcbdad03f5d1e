import type { Command } from "commander";
import { RadvalError } from "../../core/errors.js";
import { ArgsortScratch } from "../../stats/argsort.js";
import { checkLevel, delongFromRuns, delongPairedFromRanked, rankScore } from "../../metrics/delong.js";
import { type Direction, checkBinaryScores, checkDirection } from "../../metrics/inputs.js";
import { youdenFromRuns } from "../../metrics/thresholdMetrics.js";
import { formatNumber, formatTable } from "../format.js";
import type { CliIo } from "../io.js";
import { addCommonOptions } from "../options.js";
import { printJson, printWarnings } from "../output.js";
import { type PredictionFileOptions, addPredictionFileOptions, directionOption, levelOption, readPredictionTable } from "../predictions.js";

/** The `radval auc --json` object (a public contract: key names are fixed). */
export interface AucReport {
  n: number;
  cases: number;
  controls: number;
  auc: number;
  ci: [number, number] | null;
  variance: number | null;
  youden: { threshold: number; sensitivity: number; specificity: number };
  comparison?: { auc2: number; difference: number; ci: [number, number] | null; z: number | null; p: number | null };
}

/**
 * AUC with DeLong variance and CI, the Youden-optimal threshold and, with a
 * second score, the paired DeLong test — the object `radval auc --json`
 * prints and `radval evaluate` nests under "auc".
 */
export function aucReport(truth: Float64Array, score: Float64Array, score2: Float64Array | undefined, direction: Direction, level: number): AucReport {
  // The same checks, in the same order, as delongAuc, youden and delongPairedTest; then one sort per score.
  checkDirection(direction);
  checkLevel(level);
  const counts = checkBinaryScores(truth, score);
  if (score2) checkBinaryScores(truth, score2, { name: "score 2" });
  const scratch = new ArgsortScratch(counts.n);
  const ranked = rankScore(truth, score, counts, direction, { placements: score2 !== undefined, scratch });
  const d = delongFromRuns(ranked.runs, counts, direction, level);
  const y = youdenFromRuns(ranked.runs, direction);
  const report: AucReport = {
    n: d.n,
    cases: d.nPositive,
    controls: d.nNegative,
    auc: d.auc,
    ci: d.ci ? [d.ci[0], d.ci[1]] : null,
    variance: d.variance,
    youden: { threshold: y.threshold, sensitivity: y.sensitivity, specificity: y.specificity },
  };
  if (score2) {
    const t = delongPairedFromRanked(truth, counts, ranked, rankScore(truth, score2, counts, direction, { runs: false, scratch }), direction, level);
    report.comparison = { auc2: t.auc2, difference: t.difference, ci: t.ci ? [t.ci[0], t.ci[1]] : null, z: t.z, p: t.p };
  }
  return report;
}

/** Human-readable lines for an {@link AucReport}. */
export function formatAucReport(r: AucReport, names: readonly string[], level: number): string {
  const pct = `${formatNumber(100 * level, 3)}% CI`;
  const ci = (c: [number, number] | null) => (c ? `${formatNumber(c[0])} to ${formatNumber(c[1])}` : "—");
  const rows: string[][] = [[`AUC (${names[0]})`, formatNumber(r.auc), ci(r.ci), formatNumber(r.variance)]];
  if (r.comparison) {
    rows.push([`AUC (${names[1]})`, formatNumber(r.comparison.auc2), "", ""]);
    rows.push([`difference (${names[0]} − ${names[1]})`, formatNumber(r.comparison.difference), ci(r.comparison.ci), ""]);
  }
  let text = formatTable(["measure", "estimate", pct, "DeLong variance"], rows);
  if (r.comparison) text += `Paired DeLong test: z = ${formatNumber(r.comparison.z)}, p = ${formatNumber(r.comparison.p)}\n`;
  text += `Youden-optimal threshold (${names[0]}): ${formatNumber(r.youden.threshold)} — sensitivity ${formatNumber(r.youden.sensitivity)}, specificity ${formatNumber(r.youden.specificity)}${
    Number.isFinite(r.youden.threshold) ? "" : " (no threshold does better than calling every case positive or every case negative)"
  }\n`;
  return text;
}

/** `radval auc <file.csv> --outcome COL --score COL [--score2 COL] [--direction "<"|">"]`. */
export function registerAuc(program: Command, io: CliIo): void {
  const command = program
    .command("auc")
    .description("AUC with DeLong variance and CI, the Youden threshold, and the paired DeLong test of two scores (pROC-compatible)")
    .argument("<file>", "CSV with an outcome column and one or two score columns (any model's output)");
  addCommonOptions(command);
  addPredictionFileOptions(command);
  command
    .option("--score <col>", "score column: higher = event unless --direction \">\" (required)")
    .option("--score2 <col>", "second score on the same cases: paired DeLong test")
    .option("--direction <dir>", 'how the score points: "<" higher = event (default), ">" lower = event; never flipped automatically');
  command.action((file: string, options: PredictionFileOptions & { score?: string; score2?: string; direction?: string }) => {
    const direction = directionOption(options.direction);
    const level = levelOption(options.level);
    if (options.score === undefined) {
      throw new RadvalError("MISSING_ROLE", "no score column was given", { where: { file, option: "--score" }, hint: "Name the score column with --score COL." });
    }
    const columns = [{ name: options.score, option: "--score" }];
    if (options.score2 !== undefined) columns.push({ name: options.score2, option: "--score2" });
    const table = readPredictionTable(file, options, columns);
    printWarnings(io, table.warnings, options.quiet);
    const report = aucReport(table.truth, table.columns[0]!, table.columns[1], direction, level);
    if (options.json) {
      printJson(io, report);
      return;
    }
    io.stdout(
      `${file}: ${report.n} cases, ${report.cases} events ("${table.positiveLabel}") and ${report.controls} non-events ("${table.negativeLabel}"); direction "${direction}" (${direction === "<" ? "higher" : "lower"} score = event)\n`,
    );
    io.stdout(formatAucReport(report, table.names, level));
  });
}
