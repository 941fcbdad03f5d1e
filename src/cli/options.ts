import type { Command } from "commander";
import { RadvalError } from "../core/errors.js";
import type { ParseCsvOptions } from "../table/parseCsv.js";
import type { RoleSpec } from "../table/toDataset.js";

/** Options every data subcommand shares. */
export interface CommonOptions {
  id?: string;
  json?: boolean;
  quiet?: boolean;
}

/** Adds `--id COL`, `--json`, `--quiet` (shared by every subcommand that reads a table). */
export function addCommonOptions(command: Command): Command {
  return command
    .option("--id <col>", "case-id column (default: a column named id, case_id or patient_id; never a feature)")
    .option("--json", "print one JSON object on stdout")
    .option("--quiet", "no warnings or progress on stderr");
}

/** Options that choose roles and parsing of a wide table. */
export interface RoleOptions extends CommonOptions {
  outcome?: string;
  positive?: string;
  site?: string;
  date?: string;
  group?: string;
  features?: string;
  exclude?: string;
  dropMissingOutcome?: boolean;
  keepDiagnostics?: boolean;
  delimiter?: string;
  decimal?: string;
}

/** Adds the role and parsing options of wide tables. */
export function addRoleOptions(command: Command, which: { outcome?: boolean; site?: boolean } = {}): Command {
  if (which.outcome !== false) {
    command
      .option("--outcome <col>", "binary outcome column")
      .option("--positive <value>", "outcome value that counts as the event (default: 1 / TRUE / yes)")
      .option("--drop-missing-outcome", "drop rows whose outcome is missing (default: error)");
  }
  if (which.site !== false) {
    command
      .option("--site <col>", "site / centre column")
      .option("--date <col>", "date column (ISO YYYY-MM-DD)")
      .option("--group <col>", "grouping column (e.g. cohort)");
  }
  return command
    .option("--features <list>", "comma-separated feature columns (default: all other numeric columns)")
    .option("--exclude <list>", "comma-separated columns never used as features")
    .option("--keep-diagnostics", "keep PyRadiomics diagnostics_* columns as features")
    .option("--delimiter <char>", "field delimiter: , ; tab (default: detected)")
    .option("--decimal <char>", "decimal mark: . or , (default: , for ;-separated files)");
}

/** Splits a comma-separated option value. */
export function splitList(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return value
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/** RoleSpec from parsed CLI options. */
export function rolesFromOptions(options: RoleOptions): RoleSpec {
  const roles: RoleSpec = {};
  if (options.id !== undefined) roles.id = options.id;
  if (options.outcome !== undefined) roles.outcome = options.outcome;
  if (options.positive !== undefined) roles.positive = options.positive;
  if (options.site !== undefined) roles.site = options.site;
  if (options.date !== undefined) roles.date = options.date;
  if (options.group !== undefined) roles.group = options.group;
  const features = splitList(options.features);
  if (features !== undefined) roles.features = features;
  const exclude = splitList(options.exclude);
  if (exclude !== undefined) roles.exclude = exclude;
  if (options.dropMissingOutcome) roles.missingOutcome = "drop";
  if (options.keepDiagnostics) roles.keepDiagnostics = true;
  return roles;
}

/** CSV parse options from CLI options. */
export function parseOptionsFrom(options: RoleOptions): Omit<ParseCsvOptions, "source"> {
  const parse: Omit<ParseCsvOptions, "source"> = {};
  if (options.delimiter !== undefined) {
    const d = options.delimiter === "tab" || options.delimiter === "\\t" ? "\t" : options.delimiter;
    if (d !== "," && d !== ";" && d !== "\t") {
      throw new RadvalError("INVALID_OPTION", `delimiter must be , ; or tab, got "${options.delimiter}"`, { where: { option: "--delimiter" } });
    }
    parse.delimiter = d;
  }
  if (options.decimal !== undefined) {
    if (options.decimal !== "." && options.decimal !== ",") {
      throw new RadvalError("INVALID_OPTION", `decimal mark must be . or , got "${options.decimal}"`, { where: { option: "--decimal" } });
    }
    parse.decimal = options.decimal;
  }
  return parse;
}

/** Parses a numeric option; a clear error naming the option when it is not a number in range. */
export function numberOption(
  option: string,
  value: string | undefined,
  constraints: { min?: number; max?: number; integer?: boolean; default?: number } = {},
): number | undefined {
  if (value === undefined) return constraints.default;
  const x = Number(value);
  const rangeText =
    constraints.min !== undefined && constraints.max !== undefined
      ? ` between ${constraints.min} and ${constraints.max}`
      : constraints.min !== undefined
        ? ` ≥ ${constraints.min}`
        : constraints.max !== undefined
          ? ` ≤ ${constraints.max}`
          : "";
  const kind = constraints.integer ? "a whole number" : "a number";
  if (value.trim() === "" || !Number.isFinite(x) || (constraints.integer && !Number.isInteger(x)) ||
      (constraints.min !== undefined && x < constraints.min) || (constraints.max !== undefined && x > constraints.max)) {
    throw new RadvalError("INVALID_OPTION", `expected ${kind}${rangeText}, got "${value}"`, { where: { option }, hint: `Example: ${option} ${constraints.default ?? constraints.min ?? 1}` });
  }
  return x;
}
