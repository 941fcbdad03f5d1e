import type { Command } from "commander";
import { requireOutcome } from "../../core/dataset.js";
import { RadvalError } from "../../core/errors.js";
import { matrixFromColumns } from "../../core/matrix.js";
import { readRawTable } from "../../io/readTable.js";
import { logisticRegression } from "../../models/logistic/logisticRegression.js";
import { logisticNomogram } from "../../nomogram/models.js";
import { nomogramPointsTable } from "../../nomogram/pointsTable.js";
import type { Nomogram, NomogramTerm } from "../../nomogram/types.js";
import { DEFAULT_MISSING_TOKENS, classifyCell } from "../../table/cells.js";
import type { RawTable } from "../../table/parseCsv.js";
import { tableToDataset } from "../../table/toDataset.js";
import { formatNumber, formatTable } from "../format.js";
import type { CliIo } from "../io.js";
import { type RoleOptions, addCommonOptions, addRoleOptions, parseOptionsFrom, rolesFromOptions, splitList } from "../options.js";
import { coxNomogramRun } from "../nomogramCox.js";
import { modelFileNomogramRun } from "../nomogramModel.js";
import { printJson, printWarnings } from "../output.js";

interface NomogramOptions extends RoleOptions {
  model?: string;
  dropMissing?: boolean;
  time?: string;
  event?: string;
  horizon?: string;
}

/** A text feature: its levels sorted (R's factor order in the C locale), the first the reference; code −1 = missing. */
interface FactorColumn {
  readonly name: string;
  readonly levels: string[];
  readonly codes: Int32Array;
  /** File line of each row (for errors). */
  readonly lines: number[];
}

/** Features whose cells are not all numbers become factors (read from the raw table, rows as the dataset's). */
function factorColumn(table: RawTable, name: string, lines: Int32Array | undefined): FactorColumn {
  const j = table.header.indexOf(name);
  const rowOfLine = new Map<number, number>();
  table.lineOfRow.forEach((line, r) => rowOfLine.set(line, r));
  const rows = lines ? Array.from(lines, (line) => rowOfLine.get(line)!) : table.rows.map((_, r) => r);
  const texts = rows.map((r) => table.rows[r]![j]!);
  const levels = [...new Set(texts.filter((t) => !DEFAULT_MISSING_TOKENS.includes(t)))].sort();
  return { name, levels, codes: Int32Array.from(texts, (t) => levels.indexOf(t)), lines: rows.map((r) => table.lineOfRow[r]!) };
}

const INCOMPLETE_HINT = "A nomogram is fitted on complete cases: add --drop-missing to leave those rows out (as lrm does), or impute them.";

function isTextColumn(table: RawTable, name: string): boolean {
  const j = table.header.indexOf(name);
  if (j < 0) return false;
  return table.rows.some((r) => classifyCell(r[j]!, table.decimal, DEFAULT_MISSING_TOKENS).kind === "text");
}

/** The `radval nomogram --json` object (public contract: scale, lpAtZero, predictors{name: {values, points}}, totalPoints, risk). */
function toJson(nom: Nomogram, ids: readonly string[], coefficients: Record<string, number>, warnings: readonly string[]): unknown {
  const predictors: Record<string, unknown> = {};
  const points: Record<string, number[]> = {};
  nom.predictors.forEach((p, j) => {
    predictors[p.name] = { type: p.type, values: p.values, points: p.points, pointsPerUnit: p.pointsPerUnit };
    points[p.name] = Array.from(nom.patients.points[j]!);
  });
  const risk = nom.functionAxes[0]!;
  return {
    model: "logistic",
    n: ids.length,
    coefficients,
    scale: nom.scale,
    lpAtZero: nom.lpAtZero,
    maxscale: nom.maxscale,
    predictors,
    totalPointsAxis: nom.totalPointsAxis,
    lpAxis: nom.lpAxis,
    riskAxis: { label: risk.label, ticks: risk.ticks, positions: risk.positions },
    ids,
    totalPoints: Array.from(nom.patients.totalPoints),
    lp: Array.from(nom.patients.lp),
    risk: Array.from(nom.patients.functions[0]!),
    points,
    warnings,
  };
}

function human(file: string, outcome: string, n: number, nom: Nomogram): string {
  const lines = [`${file}: logistic nomogram of ${outcome} on ${nom.predictors.length} predictors, ${n} rows (rms::nomogram scaling)`];
  lines.push(`${formatNumber(nom.scale, 6)} points per unit of the linear predictor; linear predictor at 0 points ${formatNumber(nom.lpAtZero, 6)}`);
  lines.push("");
  lines.push(formatTable(["axis", "value", "points"], nomogramPointsTable(nom).map((r) => [r.axis, typeof r.value === "number" ? formatNumber(r.value, 6) : r.value, formatNumber(r.points, 4)])).trimEnd());
  lines.push("");
  lines.push("Each patient's total points and risk: --json.");
  return `${lines.join("\n")}\n`;
}

/**
 * `radval nomogram <csv> --outcome COL --features A,B,…`: fits the
 * unpenalised logistic model (R glm) and draws rms::nomogram's scales, with
 * every patient's points, total points and risk. With --time, --event and
 * --horizon: the Cox nomogram (see {@link coxNomogramRun}). `radval
 * nomogram model.json [--model ID]` draws a study's final model
 * ({@link modelFileNomogramRun}).
 */
export function registerNomogram(program: Command, io: CliIo): void {
  const command = program
    .command("nomogram")
    .description("fit an unpenalised logistic (or Cox) model and build its nomogram (rms::nomogram points, total points, risk or survival axis)")
    .argument("<file>", "wide CSV, one row per patient (a model is fitted), or a study's model.json (its final model is drawn)");
  addCommonOptions(command);
  addRoleOptions(command, { site: false });
  command
    .option("--drop-missing", "leave out rows with a missing predictor or outcome, with a warning (default: error)")
    .option("--time <col>", "follow-up time column: a Cox nomogram (survival::coxph, Efron ties, as rms::cph)")
    .option("--event <col>", "event column of the Cox nomogram (1 = event, 0 = censored)")
    .option("--horizon <t>", "time of the Cox nomogram's survival axis, in the time unit (e.g. 1825 days)")
    .option("--model <id>", "with a model.json: which final model to draw (default: the primary model)");
  command.action((file: string, options: NomogramOptions) => {
    if (/\.json$/i.test(file)) {
      const given = [["--outcome", options.outcome], ["--features", options.features], ["--time", options.time], ["--event", options.event], ["--horizon", options.horizon]].find(([, v]) => v !== undefined);
      if (given) throw new RadvalError("INVALID_OPTION", `${given[0]} does not apply to a model file: the study fixed the model`, { where: { option: given[0]!, file }, hint: "Give a CSV to fit a new model, or drop the option to draw the study's model (choose it with --model)." });
      const drawn = modelFileNomogramRun(file, options.model);
      printWarnings(io, drawn.warnings, options.quiet);
      if (options.json) printJson(io, drawn.json);
      else io.stdout(drawn.text);
      return;
    }
    if (options.model !== undefined) throw new RadvalError("INVALID_OPTION", "--model chooses a model of a study's model.json", { where: { option: "--model", file }, hint: "Pass the model.json that radval run wrote, or drop --model." });
    if (options.time !== undefined || options.event !== undefined || options.horizon !== undefined) {
      const cox = coxNomogramRun(file, options);
      printWarnings(io, cox.warnings, options.quiet);
      if (options.json) printJson(io, cox.json);
      else io.stdout(cox.text);
      return;
    }
    if (options.outcome === undefined) {
      throw new RadvalError("MISSING_ROLE", "no outcome column was chosen", { where: { option: "--outcome" }, hint: "Name the binary outcome column with --outcome COL." });
    }
    const features = splitList(options.features);
    if (!features || features.length === 0) {
      throw new RadvalError("MISSING_ROLE", "no predictors were chosen", { where: { option: "--features" }, hint: "Name the model's predictors, e.g. --features age,albumin,bili." });
    }
    const table = readRawTable(file, parseOptionsFrom(options));
    for (const f of features) {
      if (!table.header.includes(f)) throw new RadvalError("UNKNOWN_COLUMN", `the predictor "${f}" is not in the file`, { where: { file, column: f, option: "--features" } });
    }
    const text = new Set(features.filter((f) => isTextColumn(table, f)));
    const roles = { ...rolesFromOptions(options), features: features.filter((f) => !text.has(f)), ...(options.dropMissing ? { missingOutcome: "drop" as const } : {}) };
    const data = tableToDataset(table, roles);
    const outcome = requireOutcome(data);
    const nAll = data.x.nRows;
    const allNumeric = new Map(data.featureNames.map((f, j) => [f, data.x.data.subarray(j * nAll, (j + 1) * nAll)]));
    const allFactors = new Map([...text].map((f) => [f, factorColumn(table, f, data.lineOfRow)]));
    // Complete cases: every predictor present (or an error naming the first gap, without --drop-missing).
    const keep: number[] = [];
    const dropped: number[] = [];
    for (let i = 0; i < nAll; i++) {
      const gap = features.find((f) => (allFactors.has(f) ? allFactors.get(f)!.codes[i]! < 0 : Number.isNaN(allNumeric.get(f)![i]!)));
      if (gap === undefined) keep.push(i);
      else if (options.dropMissing) dropped.push(data.lineOfRow ? data.lineOfRow[i]! : i + 1);
      else {
        throw new RadvalError("INCOMPLETE_CASE", `missing value of the ${allFactors.has(gap) ? "categorical " : ""}predictor "${gap}"`, {
          where: { file, ...(data.lineOfRow ? { line: data.lineOfRow[i]! } : {}), row: i + 1, column: gap },
          hint: INCOMPLETE_HINT,
        });
      }
    }
    const n = keep.length;
    const numeric = new Map([...allNumeric].map(([f, x]) => [f, Float64Array.from(keep, (i) => x[i]!)]));
    const factors = new Map(
      [...allFactors].map(([f, fac]) => {
        const codes = Int32Array.from(keep, (i) => fac.codes[i]!);
        const used = fac.levels.filter((_, l) => codes.includes(l));
        if (used.length < 2) throw new RadvalError("INVALID_ARGUMENT", `the categorical predictor "${f}" has a single level "${used[0] ?? ""}"`, { where: { file, column: f }, hint: "Drop it from --features." });
        return [f, { ...fac, levels: used, codes: codes.map((c) => used.indexOf(fac.levels[c]!)) }];
      }),
    );
    const y = Float64Array.from(keep, (i) => outcome.values[i]!);
    const ids = keep.map((i) => data.ids[i]!);
    // Design in --features order: numeric columns as they are, factors as indicators of their non-reference levels.
    const columns: Float64Array[] = [];
    const names: string[] = [];
    for (const f of features) {
      const fac = factors.get(f);
      if (!fac) {
        columns.push(Float64Array.from(numeric.get(f)!));
        names.push(f);
      } else {
        for (let l = 1; l < fac.levels.length; l++) {
          columns.push(Float64Array.from(fac.codes, (c) => (c === l ? 1 : 0)));
          names.push(`${f}=${fac.levels[l]}`);
        }
      }
    }
    const fit = logisticRegression(matrixFromColumns(columns), y, { featureNames: names });
    if (fit.aliased.length > 0) {
      throw new RadvalError("INVALID_ARGUMENT", `the model cannot estimate ${fit.aliased.join(", ")} (collinear with the other predictors)`, { where: { file, column: fit.aliased[0]! }, hint: "Drop collinear predictors from --features." });
    }
    const coef = new Map(fit.terms.map((t, k) => [t, fit.coefficients[k]!]));
    const terms: NomogramTerm[] = features.map((f) => {
      const fac = factors.get(f);
      if (!fac) return { name: f, type: "linear", coefficient: coef.get(f)!, values: numeric.get(f)! };
      return { name: f, type: "factor", levels: fac.levels, coefficients: fac.levels.map((l, k) => (k === 0 ? 0 : coef.get(`${f}=${l}`)!)), values: fac.codes };
    });
    const nom = logisticNomogram({ intercept: coef.get("(Intercept)")!, terms, label: `Risk of ${outcome.name}` });
    const warnings = [...data.warnings.map((w) => w.message), ...(dropped.length > 0 ? [`left out ${dropped.length} row(s) with a missing predictor (lines ${dropped.slice(0, 8).join(", ")}${dropped.length > 8 ? ", …" : ""})`] : []), ...fit.warnings.map((w) => w.message)];
    printWarnings(io, warnings, options.quiet);
    if (options.json) printJson(io, toJson(nom, ids, Object.fromEntries(coef), warnings));
    else io.stdout(human(file, outcome.name, n, nom));
  });
}
