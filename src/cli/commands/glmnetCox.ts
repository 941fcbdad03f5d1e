import { MAX_FOLDS } from "../../validate/limits.js";
import type { Command } from "commander";
import { RadvalError } from "../../core/errors.js";
import { createRng } from "../../core/rng.js";
import { cvCoxnet } from "../../models/coxnet/cv.js";
import { coxnetPath } from "../../models/coxnet/path.js";
import type { CoxnetMeasure, CoxnetPath, CvCoxnetResult } from "../../models/coxnet/types.js";
import { formatNumber, formatTable } from "../format.js";
import type { CliIo } from "../io.js";
import { numberOption } from "../options.js";
import type { GlmnetPathOptions } from "../glmnetOptions.js";
import { printJson, printWarnings } from "../output.js";
import { readSurvivalTable, type SurvivalRoleOptions } from "../survivalTable.js";

/** The options `radval glmnet --family cox` reads (a subset of the glmnet command's). */
export interface GlmnetCoxOptions extends SurvivalRoleOptions, GlmnetPathOptions {
  family?: string;
}

/** Adds --time and --event to the glmnet command (the Cox family's extra options; --family is added by the multinomial options). */
export function addGlmnetCoxOptions(command: Command): Command {
  return command
    .option("--time <col>", "follow-up time column (--family cox)")
    .option("--event <col>", "event column, 1 = event, 0 = censored (--family cox)");
}

function toJson(path: CoxnetPath, cv: CvCoxnetResult | undefined, thresh: number): unknown {
  const beta: Record<string, readonly number[]> = {};
  path.featureNames.forEach((f, j) => (beta[f] = path.beta[j]!));
  return {
    family: "cox",
    features: path.featureNames,
    lambda: path.lambda,
    beta,
    devRatio: path.devRatio,
    df: path.df,
    ...(cv ? { cv: { lambda: cv.lambda, cvm: cv.cvm, cvsd: cv.cvsd, lambdaMin: cv.lambdaMin, lambda1se: cv.lambda1se, measure: cv.measure, nFolds: cv.nFolds } } : {}),
    alpha: path.alpha,
    thresh,
    nObservations: path.nObservations,
    nEvents: path.nEvents,
    nulldev: path.nulldev,
    warnings: path.warnings.map((w) => w.message),
  };
}

function human(file: string, path: CoxnetPath, cv: CvCoxnetResult | undefined): string {
  const lines = [`${file}: Cox elastic net (glmnet, family = "cox") on ${path.featureNames.length} features, ${path.nObservations} rows, ${path.nEvents} events`, `alpha = ${path.alpha}, ${path.lambda.length} lambda values`, ""];
  lines.push(
    formatTable(
      ["step", "lambda", "df", "%dev", ...(cv ? [`cv ${cv.measure}`, "cv sd"] : [])],
      path.lambda.map((l, k) => [String(k + 1), formatNumber(l, 5), String(path.df[k]), (100 * path.devRatio[k]!).toFixed(2), ...(cv ? [formatNumber(cv.cvm[k], 5), formatNumber(cv.cvsd[k], 4)] : [])]),
    ).trimEnd(),
  );
  if (cv) {
    lines.push("", `lambda.min = ${formatNumber(cv.lambdaMin, 6)} (${cv.nzero[cv.indexMin]} features), lambda.1se = ${formatNumber(cv.lambda1se, 6)} (${cv.nzero[cv.index1se]} features)`);
    const keep = path.featureNames.map((_, j) => j).filter((j) => path.beta[j]![cv.indexMin] !== 0);
    lines.push("", formatTable(["term", "lambda.1se", "lambda.min"], keep.map((j) => [path.featureNames[j]!, formatNumber(path.beta[j]![cv.index1se], 6), formatNumber(path.beta[j]![cv.indexMin], 6)])).trimEnd());
  }
  return `${lines.join("\n")}\n`;
}

/** `radval glmnet <csv> --family cox --time T --event E …`: glmnet(family = "cox") path and cv.glmnet. */
export function runGlmnetCox(file: string, options: GlmnetCoxOptions, io: CliIo, defaultThresh: number): void {
  if (options.family !== "cox") throw new RadvalError("INVALID_OPTION", `unknown family "${options.family}"`, { where: { option: "--family" }, hint: "Use binomial (default) or cox." });
  const alpha = numberOption("--alpha", options.alpha, { min: 0, max: 1 })!;
  const nlambda = numberOption("--nlambda", options.nlambda, { min: 1, integer: true })!;
  const thresh = numberOption("--thresh", options.thresh, { default: defaultThresh })!;
  if (!(thresh > 0)) throw new RadvalError("INVALID_OPTION", `expected a positive number, got "${options.thresh}"`, { where: { option: "--thresh" } });
  const maxit = numberOption("--maxit", options.maxit, { min: 1, integer: true })!;
  const lambdaMinRatio = numberOption("--lambda-min-ratio", options.lambdaMinRatio, {});
  const measure = (options.measure === undefined || options.measure === "deviance" ? "deviance" : options.measure) as CoxnetMeasure;
  if (measure !== "deviance" && measure !== "C") throw new RadvalError("INVALID_OPTION", `unknown measure "${options.measure}" for --family cox`, { where: { option: "--measure" }, hint: "Use deviance or C." });
  if (options.foldid !== undefined && options.folds !== undefined) throw new RadvalError("INVALID_OPTION", "give either --foldid or --folds, not both", { where: { option: "--foldid" } });
  const nFolds = numberOption("--folds", options.folds, { min: 3, max: MAX_FOLDS, integer: true });
  if (nFolds !== undefined && options.seed === undefined) throw new RadvalError("INVALID_OPTION", "--folds needs --seed so the fold draw can be repeated", { where: { option: "--seed" }, hint: "Add e.g. --seed 1." });
  const extra = options.foldid !== undefined ? [{ name: options.foldid, option: "--foldid" }] : [];
  const data = readSurvivalTable(file, options, extra, true);
  const common = { alpha, nlambda, thresh, maxit, standardize: options.standardize !== false, featureNames: data.featureNames, ...(lambdaMinRatio !== undefined ? { lambdaMinRatio } : {}) };
  let path: CoxnetPath;
  let cv: CvCoxnetResult | undefined;
  if (options.foldid !== undefined || nFolds !== undefined) {
    const folding = options.foldid !== undefined ? { foldId: data.columns[options.foldid]! } : { nFolds: nFolds!, rng: createRng(/^\d+$/.test(options.seed!) ? Number(options.seed) : options.seed!) };
    cv = cvCoxnet(data.x, data.time, data.event, { ...common, ...folding, measure });
    path = cv.fit;
  } else {
    path = coxnetPath(data.x, data.time, data.event, common);
  }
  printWarnings(io, path.warnings, options.quiet);
  if (options.json) printJson(io, toJson(path, cv, thresh));
  else io.stdout(human(file, path, cv));
}
