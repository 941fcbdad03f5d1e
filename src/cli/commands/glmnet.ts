import { MAX_FOLDS } from "../../validate/limits.js";
import type { Command } from "commander";
import type { Dataset } from "../../core/dataset.js";
import { requireOutcome } from "../../core/dataset.js";
import { RadvalError, type RadvalWarning } from "../../core/errors.js";
import { createRng } from "../../core/rng.js";
import { readRawTable } from "../../io/readTable.js";
import { cvElasticNet } from "../../models/elasticnet/cv.js";
import { elasticNetPath } from "../../models/elasticnet/path.js";
import { elasticNetCoef } from "../../models/elasticnet/predict.js";
import type { CvElasticNetResult, CvMeasure, ElasticNetPath } from "../../models/elasticnet/types.js";
import { DEFAULT_MISSING_TOKENS, classifyCell } from "../../table/cells.js";
import type { RawTable } from "../../table/parseCsv.js";
import { tableToDataset } from "../../table/toDataset.js";
import { formatNumber, formatTable } from "../format.js";
import type { GlmnetPathOptions } from "../glmnetOptions.js";
import type { CliIo } from "../io.js";
import { type RoleOptions, addCommonOptions, addRoleOptions, numberOption, parseOptionsFrom, rolesFromOptions, splitList } from "../options.js";
import { printJson, printWarnings } from "../output.js";
import { addMultinomialOptions, glmnetMultinomial } from "./glmnetMultinomial.js";
import { addGlmnetCoxOptions, runGlmnetCox } from "./glmnetCox.js";

interface GlmnetOptions extends RoleOptions, GlmnetPathOptions {}

/**
 * The CLI's default convergence threshold: glmnet's own default (1e-7), so the path matches R's output and
 * converges on large real tables (1e-12 stopped the path early there); pass --thresh 1e-12 for the exactly
 * converged solution the fixtures compare against.
 */
export const CLI_THRESH = 1e-7;

const MEASURES: readonly CvMeasure[] = ["deviance", "auc", "class", "brier", "mse"];

/** The fold id of every dataset row, read from column `name` of the raw table (rows matched by file line). */
function foldIdsFromColumn(table: RawTable, data: Dataset, name: string): Int32Array {
  const j = table.header.indexOf(name);
  if (j < 0) {
    throw new RadvalError("UNKNOWN_COLUMN", `the fold-id column "${name}" is not in the file`, { where: { file: table.source, column: name, option: "--foldid" } });
  }
  const rowOfLine = new Map<number, number>();
  table.lineOfRow.forEach((line, r) => rowOfLine.set(line, r));
  const ids = new Int32Array(data.x.nRows);
  for (let k = 0; k < ids.length; k++) {
    const line = data.lineOfRow![k]!;
    const r = rowOfLine.get(line)!;
    const text = table.rows[r]![j]!;
    const cell = classifyCell(text, table.decimal, DEFAULT_MISSING_TOKENS);
    if (cell.kind !== "number" || !Number.isInteger(cell.value)) {
      throw new RadvalError("INVALID_ARGUMENT", `fold id "${text}" is not a whole number`, {
        where: { file: table.source, line, row: r + 1, column: name },
        hint: "Give every row a fold number (e.g. 1..10).",
      });
    }
    ids[k] = cell.value;
  }
  return ids;
}

/** Missing feature values are an error naming the file line and column (the solver cannot use NaN). */
function checkNoMissing(data: Dataset): void {
  const { nRows: n, nCols: p, data: x } = data.x;
  for (let j = 0; j < p; j++) {
    for (let i = 0; i < n; i++) {
      if (Number.isNaN(x[j * n + i]!)) {
        throw new RadvalError("NON_FINITE", "missing feature value (NaN); the elastic net needs complete data", {
          where: { file: data.source, ...(data.lineOfRow ? { line: data.lineOfRow[i]! } : {}), row: i + 1, column: data.featureNames[j]! },
          hint: "Impute the missing values first, or drop the row or the feature (--exclude).",
        });
      }
    }
  }
}

/** The public JSON contract of `radval glmnet --json`. */
function toJson(path: ElasticNetPath, cv: CvElasticNetResult | undefined, thresh: number, warnings: readonly RadvalWarning[]): unknown {
  const beta: Record<string, readonly number[]> = {};
  path.featureNames.forEach((f, j) => (beta[f] = path.beta[j]!));
  return {
    features: path.featureNames,
    lambda: path.lambda,
    a0: path.a0,
    beta,
    devRatio: path.devRatio,
    df: path.df,
    ...(cv
      ? {
          cv: {
            lambda: cv.lambda,
            cvm: cv.cvm,
            cvsd: cv.cvsd,
            lambdaMin: cv.lambdaMin,
            lambda1se: cv.lambda1se,
            measure: cv.measure,
            nFolds: cv.folds.length,
          },
        }
      : {}),
    alpha: path.alpha,
    thresh,
    nObservations: path.nObservations,
    nulldev: path.nulldev,
    warnings: warnings.map((w) => w.message),
  };
}

function humanOutput(file: string, outcome: string, path: ElasticNetPath, cv: CvElasticNetResult | undefined, thresh: number): string {
  const lines: string[] = [];
  lines.push(`${file}: elastic-net logistic regression of ${outcome} on ${path.featureNames.length} features, ${path.nObservations} rows`);
  lines.push(`alpha = ${path.alpha}, ${path.lambda.length} lambda values, thresh = ${thresh}, null deviance ${formatNumber(path.nulldev, 6)}`);
  lines.push("");
  const header = ["step", "lambda", "df", "%dev", ...(cv ? [`cv ${cv.measure}`, "cv sd"] : [])];
  const rows = path.lambda.map((l, k) => [
    String(k + 1),
    formatNumber(l, 5),
    String(path.df[k]),
    (100 * path.devRatio[k]!).toFixed(2).replace(/^-(0\.0+)$/, "$1"),
    ...(cv ? [formatNumber(cv.cvm[k], 5), formatNumber(cv.cvsd[k], 4)] : []),
  ]);
  lines.push(formatTable(header, rows).trimEnd());
  if (cv) {
    lines.push("");
    lines.push(`Cross-validation (${cv.folds.length} folds, ${cv.measureName}):`);
    lines.push(
      formatTable(
        ["rule", "lambda", "cv measure", "cv sd", "nonzero"],
        [
          ["lambda.min", formatNumber(cv.lambdaMin, 6), formatNumber(cv.cvm[cv.indexMin], 5), formatNumber(cv.cvsd[cv.indexMin], 4), String(cv.nzero[cv.indexMin])],
          ["lambda.1se", formatNumber(cv.lambda1se, 6), formatNumber(cv.cvm[cv.index1se], 5), formatNumber(cv.cvsd[cv.index1se], 4), String(cv.nzero[cv.index1se])],
        ],
      ).trimEnd(),
    );
    const atMin = elasticNetCoef(path, cv.lambdaMin);
    const at1se = elasticNetCoef(path, cv.lambda1se);
    const keep = path.featureNames.map((_, j) => j).filter((j) => atMin.beta[j] !== 0 || at1se.beta[j] !== 0);
    lines.push("");
    lines.push("Coefficients (original scale; features with a non-zero coefficient at either lambda):");
    lines.push(
      formatTable(
        ["term", "lambda.1se", "lambda.min"],
        [
          ["(Intercept)", formatNumber(at1se.intercept, 6), formatNumber(atMin.intercept, 6)],
          ...keep.map((j) => [path.featureNames[j]!, formatNumber(at1se.beta[j], 6), formatNumber(atMin.beta[j], 6)]),
        ],
      ).trimEnd(),
    );
  }
  return `${lines.join("\n")}\n`;
}

/**
 * `radval glmnet <wide.csv> --outcome COL`: the elastic-net logistic path
 * (glmnet, family = "binomial") and, with --foldid COL or --folds K --seed S,
 * cv.glmnet's curve with λ_min and λ_1se.
 */
export function registerGlmnet(program: Command, io: CliIo): void {
  const command = program
    .command("glmnet")
    .description("elastic-net logistic regression path (glmnet, binomial) with optional cross-validated lambda")
    .argument("<file>", "wide CSV, one row per case");
  addCommonOptions(command);
  addRoleOptions(command, { site: false });
  command
    .option("--alpha <a>", "mixture: 1 = lasso, 0 = ridge", "1")
    .option("--nlambda <n>", "number of lambda values", "100")
    .option("--lambda-min-ratio <r>", "smallest lambda / largest (default 1e-4, or 0.01 when rows < features)")
    .option("--thresh <t>", `convergence threshold (default ${CLI_THRESH}, glmnet's default; 1e-12 for the exactly converged path)`)
    .option("--maxit <n>", "most coordinate-descent passes over the path", "100000")
    .option("--no-standardize", "do not standardise features internally")
    .option("--foldid <col>", "column with each row's cross-validation fold (e.g. 1..10)")
    .option("--folds <k>", "cross-validate with k stratified folds drawn with --seed")
    .option("--seed <s>", "seed of the fold draw (with --folds)")
    .option("--measure <m>", `cross-validation measure: ${MEASURES.join(", ")}`, "deviance");
  addMultinomialOptions(command);
  addGlmnetCoxOptions(command);
  command.action((file: string, options: GlmnetOptions & { family?: string }) => {
    if (options.family === "multinomial") return glmnetMultinomial(file, options, io);
    if (options.family === "cox") return runGlmnetCox(file, options, io, CLI_THRESH);
    if (options.family !== undefined && options.family !== "binomial") {
      throw new RadvalError("INVALID_OPTION", `unknown family "${options.family}"`, { where: { option: "--family" }, hint: "Use binomial (a binary outcome), multinomial or cox." });
    }
    if (options.outcome === undefined) {
      throw new RadvalError("MISSING_ROLE", "no outcome column was chosen", { where: { option: "--outcome" }, hint: "Name the binary outcome column with --outcome COL." });
    }
    const alpha = numberOption("--alpha", options.alpha, { min: 0, max: 1 })!;
    const nlambda = numberOption("--nlambda", options.nlambda, { min: 1, integer: true })!;
    const thresh = numberOption("--thresh", options.thresh, { default: CLI_THRESH })!;
    if (!(thresh > 0)) throw new RadvalError("INVALID_OPTION", `expected a positive number, got "${options.thresh}"`, { where: { option: "--thresh" } });
    const maxit = numberOption("--maxit", options.maxit, { min: 1, integer: true })!;
    const lambdaMinRatio = numberOption("--lambda-min-ratio", options.lambdaMinRatio, {});
    if (lambdaMinRatio !== undefined && !(lambdaMinRatio > 0 && lambdaMinRatio < 1)) {
      throw new RadvalError("INVALID_OPTION", `expected a number in (0, 1), got "${options.lambdaMinRatio}"`, { where: { option: "--lambda-min-ratio" } });
    }
    const measure = options.measure as CvMeasure;
    if (!MEASURES.includes(measure)) {
      throw new RadvalError("INVALID_OPTION", `unknown measure "${options.measure}"`, { where: { option: "--measure" }, hint: `Use one of ${MEASURES.join(", ")}.` });
    }
    if (options.foldid !== undefined && options.folds !== undefined) {
      throw new RadvalError("INVALID_OPTION", "give either --foldid or --folds, not both", { where: { option: "--foldid" } });
    }
    const nFolds = numberOption("--folds", options.folds, { min: 3, max: MAX_FOLDS, integer: true });
    if (nFolds !== undefined && options.seed === undefined) {
      throw new RadvalError("INVALID_OPTION", "--folds needs --seed so the fold draw can be repeated", { where: { option: "--seed" }, hint: "Add e.g. --seed 1." });
    }

    const roles = rolesFromOptions(options);
    if (options.foldid !== undefined) {
      if (splitList(options.features)?.includes(options.foldid)) {
        throw new RadvalError("INVALID_OPTION", `the fold-id column "${options.foldid}" cannot also be a feature`, { where: { option: "--features", column: options.foldid } });
      }
      roles.exclude = [...(roles.exclude ?? []), options.foldid];
    }
    const table = readRawTable(file, parseOptionsFrom(options));
    const data = tableToDataset(table, roles);
    const outcome = requireOutcome(data);
    checkNoMissing(data);
    const warnings: RadvalWarning[] = [...data.warnings];
    const common = {
      alpha,
      nlambda,
      thresh,
      maxit,
      standardize: options.standardize !== false,
      featureNames: data.featureNames,
      ...(lambdaMinRatio !== undefined ? { lambdaMinRatio } : {}),
    };
    let path: ElasticNetPath;
    let cv: CvElasticNetResult | undefined;
    if (options.foldid !== undefined || nFolds !== undefined) {
      const folding =
        options.foldid !== undefined
          ? { foldId: foldIdsFromColumn(table, data, options.foldid) }
          : { nFolds: nFolds!, rng: createRng(/^\d+$/.test(options.seed!) ? Number(options.seed) : options.seed!) };
      cv = cvElasticNet(data.x, outcome.values, { ...common, ...folding, measure });
      path = cv.fit;
      warnings.push(...cv.warnings);
    } else {
      path = elasticNetPath(data.x, outcome.values, common);
      warnings.push(...path.warnings);
    }
    printWarnings(io, warnings, options.quiet);
    if (options.json) printJson(io, toJson(path, cv, thresh, warnings));
    else io.stdout(humanOutput(file, outcome.name, path, cv, thresh));
  });
}
