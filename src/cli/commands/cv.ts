import { MAX_FOLDS, MAX_REPEATS } from "../../validate/limits.js";
import type { Command } from "commander";
import { previewList, requireOutcome } from "../../core/dataset.js";
import { RadvalError } from "../../core/errors.js";
import { createRng } from "../../core/rng.js";
import { closestName } from "../../core/suggest.js";
import { prepareEnginesNode } from "../../io/prepareEngines.js";
import { readRawTable } from "../../io/readTable.js";
import { MODEL_ALIASES, specFromAlias } from "../../models/aliases.js";
import { type CvEntry, type CvModelResult, crossValidateModels } from "../../models/crossValidate.js";
import { defaultEngine, engineFor } from "../../models/registry.js";
import type { ParamValue } from "../../models/types.js";
import { splitsFromFoldIds } from "../../resample/foldIds.js";
import { repeatedStratifiedKFold } from "../../resample/repeatedStratifiedKFold.js";
import { stratifiedKFold } from "../../resample/stratifiedKFold.js";
import type { Resamples } from "../../resample/types.js";
import { classifyCell } from "../../table/cells.js";
import { tableToDataset } from "../../table/toDataset.js";
import { formatNumber, formatTable } from "../format.js";
import type { CliIo } from "../io.js";
import { type RoleOptions, addCommonOptions, addRoleOptions, numberOption, parseOptionsFrom, rolesFromOptions } from "../options.js";
import { printJson, printWarnings } from "../output.js";
import { parseParamAssignment } from "../params.js";

interface CvOptions extends RoleOptions {
  model?: string[];
  param?: string[];
  foldid?: string;
  folds?: string;
  repeats?: string;
  seed?: string;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** Specs for the `--model` names with their `--param`s (each checked: a misspelt key or model is an error). */
function entriesFrom(models: readonly string[], params: readonly string[]): CvEntry[] {
  if (models.length === 0) {
    throw new RadvalError("MISSING_ROLE", "no model chosen", { where: { option: "--model" }, hint: `Name one or more models: --model ${MODEL_ALIASES.map((a) => a.name).join(" | ")}.` });
  }
  const seen = new Set<string>();
  for (const name of models) {
    if (seen.has(name)) throw new RadvalError("INVALID_OPTION", `--model ${name} is given twice`, { where: { option: "--model", value: name } });
    seen.add(name);
  }
  const assignments = params.map(parseParamAssignment);
  const perModel = new Map<string, Record<string, ParamValue>>(models.map((m) => [m, {}]));
  for (const a of assignments) {
    if (a.model !== undefined) {
      if (!perModel.has(a.model)) {
        const guess = closestName(a.model, models);
        throw new RadvalError("INVALID_OPTION", `--param ${a.text} names model "${a.model}", which is not among the --model flags`, {
          where: { option: "--param", value: a.text },
          hint: `${guess ? `Did you mean "${guess}"? ` : ""}Models in this run: ${models.join(", ")}.`,
        });
      }
      perModel.get(a.model)![a.key] = a.value;
      continue;
    }
    // Unscoped: every model that knows the key (engine: all); a key no model knows is an error.
    const takers = models.filter((m) => a.key === "engine" || Object.keys(engineFor(specFromAlias(m)).defaults).includes(a.key));
    if (takers.length === 0) specFromAlias(models[0]!, { [a.key]: a.value }); // throws UNKNOWN_PARAMETER with a did-you-mean
    for (const m of takers) perModel.get(m)![a.key] = a.value;
  }
  return models.map((name) => ({ label: name, spec: specFromAlias(name, perModel.get(name)!) }));
}

function foldIdsFromColumn(file: string, options: CvOptions, column: string): { resamples: Resamples; data: ReturnType<typeof tableToDataset> } {
  const raw = readRawTable(file, parseOptionsFrom(options));
  const j = raw.header.indexOf(column);
  if (j < 0) {
    const guess = closestName(column, raw.header);
    throw new RadvalError("UNKNOWN_COLUMN", `the fold-id column "${column}" is not in the file`, {
      where: { file, column, option: "--foldid" },
      hint: `${guess ? `Did you mean "${guess}"? ` : ""}Columns are: ${previewList(raw.header, 12)}.`,
    });
  }
  const roles = rolesFromOptions(options);
  const data = tableToDataset(raw, roles.features ? roles : { ...roles, exclude: [...(roles.exclude ?? []), column] });
  if (data.featureNames.includes(column)) {
    throw new RadvalError("INVALID_OPTION", `"${column}" is both the fold-id column and a feature`, { where: { option: "--foldid", column }, hint: "Remove it from --features." });
  }
  const rowOfLine = new Map<number, number>();
  raw.lineOfRow.forEach((line, r) => rowOfLine.set(line, r));
  const ids = new Float64Array(data.ids.length);
  for (let k = 0; k < ids.length; k++) {
    const line = data.lineOfRow![k]!;
    const text = raw.rows[rowOfLine.get(line)!]![j]!;
    const cell = classifyCell(text, raw.decimal);
    if (cell.kind !== "number" || !Number.isInteger(cell.value)) {
      throw new RadvalError("INVALID_ARGUMENT", `fold id "${text}" is not a whole number`, { where: { file, line, row: k + 1, column }, hint: "Fold ids must be whole numbers (e.g. 1..10), one per row." });
    }
    ids[k] = cell.value;
  }
  return { resamples: splitsFromFoldIds(ids, { source: column }), data };
}

function checkComplete(data: ReturnType<typeof tableToDataset>): void {
  const { nRows, nCols, data: values } = data.x;
  for (let j = 0; j < nCols; j++) {
    for (let i = 0; i < nRows; i++) {
      if (Number.isNaN(values[j * nRows + i]!)) {
        const line = data.lineOfRow?.[i];
        throw new RadvalError("NON_FINITE", `feature "${data.featureNames[j]}" is missing`, {
          where: { file: data.source, ...(line !== undefined ? { line } : {}), row: i + 1, column: data.featureNames[j]! },
          hint: "radval cv needs complete features: impute them first, or leave the column out (--exclude).",
        });
      }
    }
  }
}

/** Parameters that differ from the engine's defaults (all of them are in --json). */
function paramText(result: CvModelResult, spec: { model: string; engine: string }): string {
  const defaults = engineFor(spec).defaults;
  const shown = Object.entries(result.params)
    .filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(defaults[k]))
    .map(([k, v]) => `${k}=${v !== null && typeof v === "object" ? JSON.stringify(v) : String(v)}`);
  const defaultEngineName = defaultEngine(spec.model);
  if (spec.engine !== defaultEngineName) shown.unshift(`engine=${spec.engine}`);
  return shown.join(" ") || "defaults";
}

function humanTable(results: readonly CvModelResult[], entries: readonly CvEntry[], header: string): string {
  const rows = results.map((r, e) => [
    r.model,
    paramText(r, entries[e]!.spec),
    formatNumber(r.meanAuc, 4),
    formatNumber(r.sdAuc, 3),
    formatNumber(r.pooledAuc, 4),
    r.folds.length <= 10 ? r.folds.map((f) => formatNumber(f.auc, 3)).join(" ") : `${r.folds.length} splits`,
  ]);
  return `${header}\n${formatTable(["model", "params (non-default)", "mean AUC", "SD", "pooled AUC", "fold AUCs"], rows)}`;
}

/** `radval cv <file>`: cross-validated AUC of one or more models on the same stratified folds. */
export function registerCv(program: Command, io: CliIo): void {
  const command = program
    .command("cv")
    .description("cross-validated AUC of classifiers on the same stratified folds (features standardised inside each fold)")
    .argument("<file>", "wide CSV, one row per case");
  addCommonOptions(command);
  addRoleOptions(command, { site: false });
  command
    .option("--model <name>", `model to cross-validate (repeat to compare): ${MODEL_ALIASES.map((a) => a.name).join(", ")}`, collect)
    .option("--param <key=value>", "model parameter, e.g. cost=0.5, trees=200, rf.mtry=3, engine=ml-svm (repeatable)", collect)
    .option("--foldid <col>", "column of fold ids (whole numbers): use these folds")
    .option("--folds <k>", "number of stratified folds")
    .option("--repeats <r>", "repeat the k-fold split r times (default 1)")
    .option("--seed <s>", "seed of the fold assignment and of every model fit (required with --folds; default 1 with --foldid)");
  command.action(async (file: string, options: CvOptions) => {
    const entries = entriesFrom(options.model ?? [], options.param ?? []);
    if (options.foldid !== undefined && options.folds !== undefined) {
      throw new RadvalError("INVALID_OPTION", "give either --foldid or --folds, not both", { where: { option: "--folds" } });
    }
    if (options.foldid === undefined && options.folds === undefined) {
      throw new RadvalError("INVALID_OPTION", "no folds chosen", { where: { option: "--folds" }, hint: "Use --folds 5 --seed 1 (stratified k-fold), or --foldid COL for your own folds." });
    }
    if (options.folds !== undefined && options.seed === undefined) {
      throw new RadvalError("INVALID_OPTION", "--folds needs --seed, so the fold assignment can be reproduced", { where: { option: "--seed" }, hint: "Add --seed 1 (any whole number)." });
    }
    if (options.repeats !== undefined && options.folds === undefined) {
      throw new RadvalError("INVALID_OPTION", "--repeats goes with --folds", { where: { option: "--repeats" } });
    }
    const seed = numberOption("--seed", options.seed, { min: 0, integer: true, default: 1 })!;
    let data: ReturnType<typeof tableToDataset>;
    let resamples: Resamples;
    const root = createRng(seed);
    const foldRng = root.split();
    const fitRng = root.split();
    if (options.foldid !== undefined) {
      ({ data, resamples } = foldIdsFromColumn(file, options, options.foldid));
    } else {
      data = tableToDataset(readRawTable(file, parseOptionsFrom(options)), rolesFromOptions(options));
      const y = requireOutcome(data).values;
      const k = numberOption("--folds", options.folds, { min: 2, max: MAX_FOLDS, integer: true })!;
      const repeats = numberOption("--repeats", options.repeats, { min: 1, max: MAX_REPEATS, integer: true, default: 1 })!;
      resamples = repeats === 1 ? stratifiedKFold(y, k, foldRng) : repeatedStratifiedKFold(y, k, repeats, foldRng);
    }
    const outcome = requireOutcome(data);
    checkComplete(data);
    printWarnings(io, data.warnings, options.quiet);
    await prepareEnginesNode(entries.map((e) => e.spec)); // libsvm's WebAssembly, ml-svm / ml-random-forest: only when chosen
    const modelWarnings = new Set<string>();
    const results = crossValidateModels(data.x, outcome.values, entries, resamples, {
      rng: fitRng,
      featureNames: data.featureNames,
      onWarning: (w) => modelWarnings.add(`${w.model}: ${w.message}`),
    });
    printWarnings(io, [...modelWarnings], options.quiet);
    if (options.json) {
      printJson(io, results.length === 1 ? results[0] : { models: results });
      return;
    }
    const events = outcome.values.reduce((a, b) => a + b, 0);
    const scheme =
      options.foldid !== undefined
        ? `${resamples.splits.length} folds from column ${options.foldid}`
        : `${resamples.params["folds"]}-fold stratified CV${resamples.scheme === "repeated-stratified-kfold" ? ` × ${resamples.params["repeats"]} repeats` : ""}`;
    io.stdout(
      humanTable(
        results,
        entries,
        `${data.source}: ${data.x.nRows} rows (${events} events "${outcome.positiveLabel}"), ${data.x.nCols} features; ${scheme}, seed ${seed}; features standardised within each fold; AUC of P(${outcome.name} = ${outcome.positiveLabel})`,
      ),
    );
  });
}
