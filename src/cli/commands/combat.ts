import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import { RadvalError, isRadvalError } from "../../core/errors.js";
import { type CombatFit, combat } from "../../harmonize/combat.js";
import type { CombatCovariate } from "../../harmonize/design.js";
import { siteDiagnostics } from "../../harmonize/diagnostics.js";
import { readRawTable } from "../../io/readTable.js";
import type { RawTable } from "../../table/parseCsv.js";
import { tableToDataset } from "../../table/toDataset.js";
import { formatNumber, formatTable } from "../format.js";
import type { CliIo } from "../io.js";
import { addCommonOptions, parseOptionsFrom, splitList } from "../options.js";
import { printJson, printWarnings } from "../output.js";

interface CombatCliOptions {
  id?: string;
  json?: boolean;
  quiet?: boolean;
  batch?: string;
  features?: string;
  exclude?: string;
  covariates?: string;
  refBatch?: string;
  meanOnly?: boolean;
  eb?: boolean;
  nonparametric?: boolean;
  out?: string;
  delimiter?: string;
  decimal?: string;
}

/** The public `radval combat --json` object (a contract: key names are fixed). */
export interface CombatJson {
  features: string[];
  batches: string[];
  /** Harmonised values: one array per row (file order), in `features` order. */
  harmonized: number[][];
  gammaStar: number[][];
  deltaStar: number[][];
  gammaHat: number[][];
  deltaHat: number[][];
  /** neuroCombat's stand.mean and var.pooled, per feature. */
  grandMean: number[];
  varPooled: number[];
  referenceBatch: string | null;
  empiricalBayes: "parametric" | "non-parametric" | "none";
  meanOnly: boolean;
  covariates: string[];
  rows: number;
  /** Features separating sites (Kruskal–Wallis p < 0.05) before and after. */
  separating: { before: number; after: number; alpha: number };
}

/** Parses `--covariates age,sex:categorical` (kind by suffix, else numeric when every value is a number). */
function covariatesFrom(table: RawTable, list: string[] | undefined, missing: readonly string[]): CombatCovariate[] {
  return (list ?? []).map((item) => {
    const m = /^(.*):(numeric|categorical)$/.exec(item);
    const name = m ? m[1]! : item;
    const j = table.header.indexOf(name);
    if (j < 0) {
      throw new RadvalError("UNKNOWN_COLUMN", `the covariate column "${name}" is not in the file`, { where: { file: table.source, column: name, option: "--covariates" }, hint: `Columns are: ${table.header.slice(0, 12).join(", ")}${table.header.length > 12 ? ", …" : ""}.` });
    }
    const cells = table.rows.map((r) => r[j]!.trim());
    cells.forEach((c, i) => {
      if (c === "" || missing.includes(c)) {
        throw new RadvalError("MISSING_VALUES", `covariate "${name}" is missing`, { where: { file: table.source, line: table.lineOfRow[i]!, row: i + 1, column: name }, hint: "ComBat's covariates must be complete." });
      }
    });
    const numbers = cells.map((c) => Number(table.decimal === "," ? c.replace(",", ".") : c));
    const kind = m ? (m[2] as "numeric" | "categorical") : numbers.every(Number.isFinite) ? "numeric" : "categorical";
    if (kind === "numeric") {
      const bad = numbers.findIndex((v) => !Number.isFinite(v));
      if (bad >= 0) throw new RadvalError("NON_NUMERIC", `"${cells[bad]}" is not a number`, { where: { file: table.source, line: table.lineOfRow[bad]!, column: name }, hint: `Use ${name}:categorical for a categorical covariate.` });
      return { name, kind, values: Float64Array.from(numbers) };
    }
    return { name, kind, values: cells };
  });
}

const rowsOf = (m: { nRows: number; nCols: number; data: Float64Array }): number[][] =>
  Array.from({ length: m.nRows }, (_, i) => Array.from({ length: m.nCols }, (_, j) => m.data[j * m.nRows + i]!));

/** The `--json` object of a ComBat run. */
export function combatJson(fit: CombatFit, harmonized: { nRows: number; nCols: number; data: Float64Array }, separating: CombatJson["separating"]): CombatJson {
  return {
    features: [...fit.featureNames],
    batches: [...fit.batches],
    harmonized: rowsOf(harmonized),
    gammaStar: fit.gammaStar.map((g) => Array.from(g)),
    deltaStar: fit.deltaStar.map((d) => Array.from(d)),
    gammaHat: fit.gammaHat.map((g) => Array.from(g)),
    deltaHat: fit.deltaHat.map((d) => Array.from(d)),
    grandMean: Array.from(fit.grandMean),
    varPooled: Array.from(fit.varPooled),
    referenceBatch: fit.refBatch,
    empiricalBayes: fit.eb ? (fit.parametric ? "parametric" : "non-parametric") : "none",
    meanOnly: fit.meanOnly,
    covariates: fit.covariates.map((c) => c.name),
    rows: harmonized.nRows,
    separating,
  };
}

function csvField(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The input table with the harmonised features written over the originals (comma-separated, "." decimals). */
function harmonizedCsv(table: RawTable, names: readonly string[], x: { nRows: number; data: Float64Array }): string {
  const index = new Map(names.map((name, j) => [name, j]));
  const lines = [table.header.map(csvField).join(",")];
  table.rows.forEach((row, i) => {
    lines.push(
      row
        .map((cell, c) => {
          const j = index.get(table.header[c]!);
          if (j === undefined) return csvField(cell);
          const v = x.data[j * x.nRows + i]!;
          return Number.isNaN(v) ? "" : String(v);
        })
        .join(","),
    );
  });
  return `${lines.join("\n")}\n`;
}

/** `radval combat <file> --batch COL`: ComBat harmonisation of the features across sites (neuroCombat's algorithm). */
export function registerCombat(program: Command, io: CliIo): void {
  const command = program
    .command("combat")
    .description("ComBat harmonisation of features across sites/scanners (neuroCombat: location/scale, empirical Bayes), with site diagnostics")
    .argument("<file>", "wide CSV, one row per case");
  addCommonOptions(command);
  command
    .requiredOption("--batch <col>", "site / scanner column (the batch)")
    .option("--features <list>", "comma-separated feature columns (default: every other numeric column)")
    .option("--exclude <list>", "comma-separated columns never harmonised")
    .option("--covariates <list>", "columns whose effects are preserved: COL, COL:numeric or COL:categorical (default kind: numeric when every value is a number). Describing a data set, the outcome may be one; a validated pipeline refuses it")
    .option("--ref-batch <site>", "reference site (M-ComBat): left unchanged, the others mapped onto it")
    .option("--mean-only", "adjust the location only, not the scale")
    .option("--no-eb", "no empirical Bayes: the per-site estimates as they are")
    .option("--nonparametric", "non-parametric empirical Bayes priors")
    .option("--out <file>", "write the table with the harmonised features (all other columns as they were)")
    .option("--delimiter <char>", "field delimiter: , ; tab (default: detected)")
    .option("--decimal <char>", "decimal mark: . or , (default: , for ;-separated files)");
  command.action((file: string, options: CombatCliOptions) => {
    const table = readRawTable(file, parseOptionsFrom(options));
    const covariateNames = (splitList(options.covariates) ?? []).map((c) => c.replace(/:(numeric|categorical)$/, ""));
    const features = splitList(options.features);
    const data = tableToDataset(table, {
      ...(options.id !== undefined ? { id: options.id } : {}),
      site: options.batch!,
      ...(features ? { features } : { exclude: [...new Set([...(splitList(options.exclude) ?? []), ...covariateNames.filter((c) => table.header.includes(c))])] }),
    });
    printWarnings(io, data.warnings, options.quiet);
    if (data.featureNames.length === 0) throw new RadvalError("NO_FEATURES", "there are no feature columns to harmonise", { where: { file }, hint: "Name them with --features." });
    const overlap = covariateNames.find((c) => data.featureNames.includes(c));
    if (overlap) throw new RadvalError("INVALID_OPTION", `"${overlap}" is both a feature and a covariate`, { where: { option: "--covariates", column: overlap }, hint: "A covariate is preserved, not harmonised: remove it from --features." });
    const covariates = covariatesFrom(table, splitList(options.covariates), ["NA"]);
    const site = data.site!.values;
    let result;
    try {
      result = combat(data.x, site, {
        covariates,
        featureNames: data.featureNames,
        eb: options.eb !== false,
        parametric: !options.nonparametric,
        meanOnly: options.meanOnly === true,
        ...(options.refBatch !== undefined ? { refBatch: options.refBatch } : {}),
      });
    } catch (e) {
      if (isRadvalError(e)) {
        const row = e.where.row;
        const line = row !== undefined ? data.lineOfRow?.[row - 1] : undefined;
        const option = e.code === "UNKNOWN_LEVEL" && options.refBatch !== undefined && e.where.value === options.refBatch ? "--ref-batch" : undefined;
        throw new RadvalError(e.code, e.detail, { where: { ...e.where, file, ...(line !== undefined ? { line } : {}), ...(option ? { option } : {}) }, ...(e.hint ? { hint: e.hint } : {}) });
      }
      throw e;
    }
    const { harmonized, fit } = result;
    printWarnings(io, fit.warnings, options.quiet);
    const before = siteDiagnostics(data.x, data.featureNames, site);
    const after = siteDiagnostics(harmonized, data.featureNames, site, { distributionFeatures: [] });
    if (options.out) {
      try {
        writeFileSync(options.out, harmonizedCsv(table, data.featureNames, harmonized));
      } catch (e) {
        throw new RadvalError("WRITE_FAILED", `cannot write ${options.out}: ${(e as Error).message}`, { where: { file: options.out, option: "--out" } });
      }
    }
    if (options.json) {
      printJson(io, combatJson(fit, harmonized, { before: before.separating, after: after.separating, alpha: 0.05 }));
      return;
    }
    const eb = fit.eb ? (fit.parametric ? "parametric empirical Bayes" : "non-parametric empirical Bayes") : "no empirical Bayes";
    io.stdout(
      `${file}: ComBat on ${data.featureNames.length} features, ${harmonized.nRows} rows, ${fit.batches.length} sites (${eb}${fit.meanOnly ? ", mean only" : ""}${fit.refBatch ? `, reference site ${fit.refBatch} unchanged` : ""}${covariates.length ? `; preserving ${covariates.map((c) => c.name).join(", ")}` : ""})\n`,
    );
    const mean = (a: Float64Array) => a.reduce((s, v) => s + v, 0) / a.length;
    const meanAbs = (a: Float64Array) => a.reduce((s, v) => s + Math.abs(v), 0) / a.length;
    io.stdout(
      formatTable(
        ["site", "rows", "mean |γ*|", "mean δ*"],
        fit.batches.map((b, k) => [b, String(fit.nPerBatch[k]), formatNumber(meanAbs(fit.gammaStar[k]!)), formatNumber(mean(fit.deltaStar[k]!))]),
      ),
    );
    io.stdout(
      `Features separating sites (Kruskal–Wallis p < 0.05): ${before.separating} of ${data.featureNames.length} before, ${after.separating} after (Bonferroni: ${before.separatingBonferroni} → ${after.separatingBonferroni}).\n`,
    );
    if (options.out) io.stdout(`Harmonised table written to ${options.out}.\n`);
  });
}
