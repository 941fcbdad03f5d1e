import type { Command } from "commander";
import { type ErrorLocation, RadvalError, type RadvalWarning } from "../../core/errors.js";
import { closestName } from "../../core/suggest.js";
import { readRawTable } from "../../io/readTable.js";
import { type CodedOutcome, codeOrdinalOutcome } from "../../ordinal/levels.js";
import { type ProportionalOddsFit, proportionalOdds } from "../../ordinal/proportionalOdds.js";
import { DEFAULT_MISSING_TOKENS, classifyCell } from "../../table/cells.js";
import type { RawTable } from "../../table/parseCsv.js";
import { tableToDataset } from "../../table/toDataset.js";
import { formatNumber, formatTable } from "../format.js";
import type { CliIo } from "../io.js";
import { type RoleOptions, addCommonOptions, addRoleOptions, parseOptionsFrom, rolesFromOptions, splitList } from "../options.js";
import { printJson, printWarnings } from "../output.js";

interface OrdinalOptions extends RoleOptions {
  levels?: string;
}

/** Index of column `name` in a raw table, or an UNKNOWN_COLUMN error naming the option and the closest column. */
export function rawColumn(table: RawTable, name: string, option: string): number {
  const j = table.header.indexOf(name);
  if (j < 0) {
    const guess = closestName(name, table.header);
    throw new RadvalError("UNKNOWN_COLUMN", `the column "${name}" is not in the file`, {
      where: { file: table.source, column: name, option },
      hint: `${guess ? `Did you mean "${guess}"? ` : ""}Columns: ${table.header.join(", ")}.`,
    });
  }
  return j;
}

/** File place of raw-table row r in column `name`. */
export function rawLocate(table: RawTable, r: number, name: string): ErrorLocation {
  return { file: table.source, line: table.lineOfRow[r]!, row: r + 1, column: name };
}

/** The numeric cells of a raw-table column for rows `rows`; a missing or non-numeric cell is an error naming the line. */
export function rawNumbers(table: RawTable, j: number, rows: readonly number[], option: string): Float64Array {
  const name = table.header[j]!;
  return Float64Array.from(rows, (r) => {
    const text = table.rows[r]![j]!;
    const cell = classifyCell(text, table.decimal, DEFAULT_MISSING_TOKENS);
    if (cell.kind === "number") return cell.value;
    throw new RadvalError(cell.kind === "text" ? "NON_NUMERIC" : "NON_FINITE", cell.kind === "missing" ? "the value is missing (empty cell)" : `"${text}" is not a finite number`, {
      where: { ...rawLocate(table, r, name), option, value: text },
      hint: "Every case needs a numeric value here: fix the cell or remove the row.",
    });
  });
}

/** Parses --levels (comma list, lowest first). */
export function levelsOption(value: string | undefined): string[] | undefined {
  const list = splitList(value);
  if (list !== undefined && list.length < 2) {
    throw new RadvalError("INVALID_OPTION", `--levels needs at least two levels, lowest first, got "${value}"`, { where: { option: "--levels" }, hint: "Example: --levels F0,F1,F2,F3,F4" });
  }
  return list;
}

/** The ordinal outcome of the rows `rows` of a raw table, coded in the --levels or natural order. */
export function readOrdinalOutcome(table: RawTable, column: string, rows: readonly number[], levels: readonly string[] | undefined, requireAllLevels = true): CodedOutcome {
  const j = rawColumn(table, column, "--outcome");
  const labels = rows.map((r) => table.rows[r]![j]!);
  return codeOrdinalOutcome(labels, {
    ...(levels !== undefined ? { levels } : {}),
    requireAllLevels,
    where: { file: table.source, column },
    locate: (k) => rawLocate(table, rows[k]!, column),
  });
}

/** The public JSON of `radval ordinal --json` (a contract: key names are fixed). */
export function ordinalJson(fit: ProportionalOddsFit, outcome: string, warnings: readonly RadvalWarning[]): Record<string, unknown> {
  const named = (names: readonly string[], values: readonly number[]) => Object.fromEntries(names.map((nm, k) => [nm, values[k]!]));
  return {
    outcome,
    levels: fit.levels,
    n: fit.nObservations,
    coefficients: named(fit.featureNames, fit.coefficients),
    zeta: named(fit.cutpointNames, fit.zeta),
    stdErrors: named(fit.parameterNames, fit.stdErrors),
    vcov: fit.vcov,
    vcovNames: fit.parameterNames,
    loglik: fit.loglik,
    deviance: fit.deviance,
    aic: fit.aic,
    iterations: fit.iterations,
    maxAbsGradient: fit.maxAbsGradient,
    warnings: warnings.map((w) => w.message),
  };
}

function human(file: string, outcome: string, fit: ProportionalOddsFit, counts: Int32Array): string {
  const lines: string[] = [];
  lines.push(`${file}: proportional-odds (cumulative logit) model of ${outcome} (${fit.levels.join(" < ")}) on ${fit.featureNames.length} features, ${fit.nObservations} rows`);
  lines.push(`cases per level: ${fit.levels.map((l, k) => `${l} ${counts[k]}`).join(", ")}`);
  lines.push(`logit P(${outcome} ≤ k) = zeta_k − x'beta; exact MLE (Newton, ${fit.iterations} iterations, max |gradient| ${fit.maxAbsGradient.toExponential(1)})`);
  lines.push("");
  const z = (est: number, se: number) => formatNumber(est / se, 4);
  lines.push(
    formatTable(
      ["term", "estimate", "std. error", "z"],
      fit.parameterNames.map((name, r) => {
        const est = r < fit.coefficients.length ? fit.coefficients[r]! : fit.zeta[r - fit.coefficients.length]!;
        return [name, formatNumber(est, 6), formatNumber(fit.stdErrors[r], 5), z(est, fit.stdErrors[r]!)];
      }),
    ).trimEnd(),
  );
  lines.push("");
  lines.push(`residual deviance ${formatNumber(fit.deviance, 7)}, AIC ${formatNumber(fit.aic, 7)}, logLik ${formatNumber(fit.loglik, 7)}`);
  return `${lines.join("\n")}\n`;
}

/**
 * `radval ordinal <wide.csv> --outcome COL [--levels L1,L2,…] --features …`:
 * proportional-odds logistic regression at the exact maximum likelihood
 * (ordinal::clm; MASS::polr's estimates once converged).
 */
export function registerOrdinal(program: Command, io: CliIo): void {
  const command = program
    .command("ordinal")
    .description("proportional-odds (cumulative logit) regression of an ordinal outcome at the exact MLE (as ordinal::clm / MASS::polr)")
    .argument("<file>", "wide CSV, one row per case");
  addCommonOptions(command);
  addRoleOptions(command, { site: false });
  command.option("--levels <list>", "outcome levels, lowest first (default: numeric order, or F0 < F1 < … by the number in the labels)");
  command.action((file: string, options: OrdinalOptions) => {
    if (options.outcome === undefined) {
      throw new RadvalError("MISSING_ROLE", "no outcome column was chosen", { where: { option: "--outcome" }, hint: "Name the ordinal outcome column with --outcome COL (e.g. --outcome stage)." });
    }
    if (options.positive !== undefined) {
      throw new RadvalError("INVALID_OPTION", "--positive does not apply to an ordinal outcome", { where: { option: "--positive" }, hint: "Give the level order with --levels instead." });
    }
    const levels = levelsOption(options.levels);
    const outcomeName = options.outcome;
    const table = readRawTable(file, parseOptionsFrom(options));
    const oj = rawColumn(table, outcomeName, "--outcome");
    const roles = rolesFromOptions(options);
    delete roles.outcome;
    delete roles.missingOutcome;
    if (roles.features?.includes(outcomeName)) {
      throw new RadvalError("INVALID_OPTION", `the outcome "${outcomeName}" cannot also be a feature`, { where: { option: "--features", column: outcomeName } });
    }
    if (roles.features === undefined) roles.exclude = [...(roles.exclude ?? []), outcomeName];
    // Rows with a missing outcome: an error, or left out with --drop-missing-outcome.
    const warnings: RadvalWarning[] = [];
    const missing = table.rows.map((_, r) => r).filter((r) => DEFAULT_MISSING_TOKENS.includes(table.rows[r]![oj]!.trim()));
    let source = table;
    if (missing.length > 0 && options.dropMissingOutcome) {
      const drop = new Set(missing);
      const keep = table.rows.map((_, r) => r).filter((r) => !drop.has(r));
      source = { ...table, rows: keep.map((r) => table.rows[r]!), lineOfRow: Int32Array.from(keep, (r) => table.lineOfRow[r]!) };
      warnings.push({ code: "OUTCOME_MISSING_DROPPED", message: `${missing.length} row(s) with a missing outcome "${outcomeName}" were dropped`, where: { file, column: outcomeName } });
    }
    const data = tableToDataset(source, roles);
    const rows = source.rows.map((_, r) => r);
    const coded = readOrdinalOutcome(source, outcomeName, rows, levels);
    const { nRows: n, nCols: p, data: xv } = data.x;
    for (let j = 0; j < p; j++) {
      for (let i = 0; i < n; i++) {
        if (Number.isNaN(xv[j * n + i]!)) {
          throw new RadvalError("NON_FINITE", "missing feature value; the proportional-odds model needs complete data", {
            where: rawLocate(source, i, data.featureNames[j]!),
            hint: "Impute the missing values first, or drop the row or the feature (--exclude).",
          });
        }
      }
    }
    warnings.push(...data.warnings);
    const fit = proportionalOdds(data.x, coded.codes, { levels: coded.levels, featureNames: data.featureNames });
    warnings.push(...fit.warnings);
    printWarnings(io, warnings, options.quiet);
    if (options.json) printJson(io, ordinalJson(fit, outcomeName, warnings));
    else io.stdout(human(file, outcomeName, fit, coded.counts));
  });
}
