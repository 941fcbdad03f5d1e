import { MAX_FOLDS } from "../../validate/limits.js";
import type { Command } from "commander";
import { RadvalError, type RadvalWarning } from "../../core/errors.js";
import { createRng } from "../../core/rng.js";
import { readRawTable } from "../../io/readTable.js";
import { type CvMultinomialResult, type MultinomialCvMeasure, cvMultinomialElasticNet } from "../../models/elasticnet/multinomialCv.js";
import { type MultinomialElasticNetPath, multinomialElasticNetPath } from "../../models/elasticnet/multinomialPath.js";
import { multinomialCoef } from "../../models/elasticnet/multinomialPredict.js";
import { codeOrdinalOutcome, naturalLevelOrder } from "../../ordinal/levels.js";
import { tableToDataset } from "../../table/toDataset.js";
import { formatNumber, formatTable } from "../format.js";
import type { CliIo } from "../io.js";
import { type RoleOptions, numberOption, parseOptionsFrom, rolesFromOptions, splitList } from "../options.js";
import type { GlmnetPathOptions } from "../glmnetOptions.js";
import { printJson, printWarnings } from "../output.js";
import { levelsOption, rawColumn, rawLocate, rawNumbers } from "./ordinal.js";

/** Options `radval glmnet --family multinomial` reads (the glmnet command's options plus --grouped and --levels). */
export interface GlmnetMultinomialOptions extends RoleOptions, GlmnetPathOptions {
  family?: string;
  grouped?: boolean;
  levels?: string;
}

const MEASURES: readonly MultinomialCvMeasure[] = ["deviance", "class", "mse", "mae"];
const CLI_THRESH = 1e-12;

/** Adds --family, --grouped and --levels to the glmnet command. */
export function addMultinomialOptions(command: Command): Command {
  return command
    .option("--family <f>", 'model family: "binomial" (default, a binary outcome), "multinomial" (more than two classes) or "cox" (time-to-event; needs --time and --event)')
    .option("--grouped", "with --family multinomial: grouped lasso penalty, a feature is in or out for all classes at once (glmnet's type.multinomial = \"grouped\")")
    .option("--levels <list>", "with --family multinomial: class order (default: numeric / F0 < F1 order, else sorted)");
}

/** The public JSON of `radval glmnet --family multinomial --json` (a contract: key names are fixed). */
export function glmnetMultinomialJson(path: MultinomialElasticNetPath, cv: CvMultinomialResult | undefined, thresh: number, warnings: readonly RadvalWarning[]): Record<string, unknown> {
  const a0: Record<string, readonly number[]> = {};
  const beta: Record<string, Record<string, readonly number[]>> = {};
  path.classes.forEach((cls, c) => {
    a0[cls] = path.a0[c]!;
    beta[cls] = Object.fromEntries(path.featureNames.map((f, j) => [f, path.beta[c]![j]!]));
  });
  return {
    family: "multinomial",
    grouped: path.grouped,
    classes: path.classes,
    features: path.featureNames,
    lambda: path.lambda,
    a0,
    beta,
    devRatio: path.devRatio,
    df: path.df,
    ...(cv ? { cv: { lambda: cv.lambda, cvm: cv.cvm, cvsd: cv.cvsd, lambdaMin: cv.lambdaMin, lambda1se: cv.lambda1se, measure: cv.measure, nFolds: new Set(cv.foldId).size } } : {}),
    alpha: path.alpha,
    thresh,
    nObservations: path.nObservations,
    nulldev: path.nulldev,
    warnings: warnings.map((w) => w.message),
  };
}

function human(file: string, outcome: string, path: MultinomialElasticNetPath, cv: CvMultinomialResult | undefined, thresh: number): string {
  const lines: string[] = [];
  lines.push(`${file}: multinomial elastic net (${path.grouped ? "grouped" : "ungrouped"}) of ${outcome} (${path.classes.join(", ")}) on ${path.featureNames.length} features, ${path.nObservations} rows`);
  lines.push(`alpha = ${path.alpha}, ${path.lambda.length} lambda values, thresh = ${thresh}, null deviance ${formatNumber(path.nulldev, 6)}`);
  lines.push("");
  lines.push(
    formatTable(
      ["step", "lambda", "df", "%dev", ...(cv ? [`cv ${cv.measure}`, "cv sd"] : [])],
      path.lambda.map((l, k) => [String(k + 1), formatNumber(l, 5), String(path.df[k]), (100 * path.devRatio[k]!).toFixed(2), ...(cv ? [formatNumber(cv.cvm[k], 5), formatNumber(cv.cvsd[k], 4)] : [])]),
    ).trimEnd(),
  );
  if (cv) {
    lines.push("");
    lines.push(`Cross-validation (${new Set(cv.foldId).size} folds, ${cv.measureName}): lambda.min ${formatNumber(cv.lambdaMin, 6)}, lambda.1se ${formatNumber(cv.lambda1se, 6)}`);
    const at = multinomialCoef(path, cv.lambda1se);
    const keep = path.featureNames.map((_, j) => j).filter((j) => at.beta.some((b) => b[j] !== 0));
    lines.push("Coefficients at lambda.1se (original scale; one column per class):");
    lines.push(
      formatTable(
        ["term", ...path.classes],
        [["(Intercept)", ...at.intercept.map((v) => formatNumber(v, 5))], ...keep.map((j) => [path.featureNames[j]!, ...at.beta.map((b) => formatNumber(b[j], 5))])],
      ).trimEnd(),
    );
  }
  return `${lines.join("\n")}\n`;
}

/**
 * `radval glmnet <wide.csv> --family multinomial --outcome COL [--grouped]`:
 * the multinomial elastic-net path (glmnet family = "multinomial") and, with
 * --foldid COL or --folds K --seed S, cv.glmnet's curve.
 */
export function glmnetMultinomial(file: string, options: GlmnetMultinomialOptions, io: CliIo): void {
  if (options.outcome === undefined) {
    throw new RadvalError("MISSING_ROLE", "no outcome column was chosen", { where: { option: "--outcome" }, hint: "Name the class column with --outcome COL." });
  }
  if (options.positive !== undefined) throw new RadvalError("INVALID_OPTION", "--positive does not apply to --family multinomial", { where: { option: "--positive" } });
  const alpha = numberOption("--alpha", options.alpha, { min: 0, max: 1, default: 1 })!;
  const nlambda = numberOption("--nlambda", options.nlambda, { min: 1, integer: true, default: 100 })!;
  const thresh = numberOption("--thresh", options.thresh, { default: CLI_THRESH })!;
  if (!(thresh > 0)) throw new RadvalError("INVALID_OPTION", `expected a positive number, got "${options.thresh}"`, { where: { option: "--thresh" } });
  const maxit = numberOption("--maxit", options.maxit, { min: 1, integer: true, default: 100000 })!;
  const lambdaMinRatio = numberOption("--lambda-min-ratio", options.lambdaMinRatio, {});
  if (lambdaMinRatio !== undefined && !(lambdaMinRatio > 0 && lambdaMinRatio < 1)) {
    throw new RadvalError("INVALID_OPTION", `expected a number in (0, 1), got "${options.lambdaMinRatio}"`, { where: { option: "--lambda-min-ratio" } });
  }
  const measure = (options.measure ?? "deviance") as MultinomialCvMeasure;
  if (!MEASURES.includes(measure)) {
    throw new RadvalError("INVALID_OPTION", `unknown measure "${options.measure}" for the multinomial family`, { where: { option: "--measure" }, hint: `Use one of ${MEASURES.join(", ")}.` });
  }
  if (options.foldid !== undefined && options.folds !== undefined) throw new RadvalError("INVALID_OPTION", "give either --foldid or --folds, not both", { where: { option: "--foldid" } });
  const nFolds = numberOption("--folds", options.folds, { min: 3, max: MAX_FOLDS, integer: true });
  if (nFolds !== undefined && options.seed === undefined) {
    throw new RadvalError("INVALID_OPTION", "--folds needs --seed so the fold draw can be repeated", { where: { option: "--seed" }, hint: "Add e.g. --seed 1." });
  }
  const levelsGiven = levelsOption(options.levels);
  const outcome = options.outcome;
  const table = readRawTable(file, parseOptionsFrom(options));
  rawColumn(table, outcome, "--outcome");
  const roles = rolesFromOptions(options);
  delete roles.outcome;
  delete roles.missingOutcome;
  for (const [col, opt] of [[outcome, "--outcome"], [options.foldid, "--foldid"]] as const) {
    if (col === undefined) continue;
    if (splitList(options.features)?.includes(col)) throw new RadvalError("INVALID_OPTION", `the ${opt.slice(2)} column "${col}" cannot also be a feature`, { where: { option: "--features", column: col } });
    if (roles.features === undefined) roles.exclude = [...(roles.exclude ?? []), col];
  }
  const data = tableToDataset(table, roles);
  const rows = table.rows.map((_, r) => r);
  const oj = table.header.indexOf(outcome);
  const labels = rows.map((r) => table.rows[r]![oj]!);
  const distinct = [...new Set(labels.map((l) => l.trim()).filter((l) => l !== "" && l !== "NA"))];
  const levels = levelsGiven ?? naturalLevelOrder(distinct) ?? [...distinct].sort();
  const coded = codeOrdinalOutcome(labels, { levels, where: { file, column: outcome }, locate: (k) => rawLocate(table, k, outcome) });
  const { nRows: n, nCols: p, data: xv } = data.x;
  for (let j = 0; j < p; j++) {
    for (let i = 0; i < n; i++) {
      if (Number.isNaN(xv[j * n + i]!)) {
        throw new RadvalError("NON_FINITE", "missing feature value (NaN); the elastic net needs complete data", {
          where: rawLocate(table, i, data.featureNames[j]!),
          hint: "Impute the missing values first, or drop the row or the feature (--exclude).",
        });
      }
    }
  }
  const warnings: RadvalWarning[] = [...data.warnings];
  const common = {
    alpha,
    nlambda,
    thresh,
    maxit,
    standardize: options.standardize !== false,
    grouped: options.grouped === true,
    classes: coded.levels,
    featureNames: data.featureNames,
    ...(lambdaMinRatio !== undefined ? { lambdaMinRatio } : {}),
  };
  let path: MultinomialElasticNetPath;
  let cv: CvMultinomialResult | undefined;
  if (options.foldid !== undefined || nFolds !== undefined) {
    let folding;
    if (options.foldid !== undefined) {
      const ids = rawNumbers(table, rawColumn(table, options.foldid, "--foldid"), rows, "--foldid");
      ids.forEach((v, k) => {
        if (!Number.isInteger(v)) throw new RadvalError("INVALID_ARGUMENT", `fold id "${v}" is not a whole number`, { where: rawLocate(table, k, options.foldid!), hint: "Give every row a fold number (e.g. 1..10)." });
      });
      folding = { foldId: ids };
    } else {
      folding = { nFolds: nFolds!, rng: createRng(/^\d+$/.test(options.seed!) ? Number(options.seed) : options.seed!) };
    }
    cv = cvMultinomialElasticNet(data.x, coded.codes, { ...common, ...folding, measure });
    path = cv.fit;
    warnings.push(...cv.warnings);
  } else {
    path = multinomialElasticNetPath(data.x, coded.codes, common);
    warnings.push(...path.warnings);
  }
  printWarnings(io, warnings, options.quiet);
  if (options.json) printJson(io, glmnetMultinomialJson(path, cv, thresh, warnings));
  else io.stdout(human(file, outcome, path, cv, thresh));
}
