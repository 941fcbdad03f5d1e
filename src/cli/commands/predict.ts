import { readFileSync, writeFileSync } from "node:fs";
import type { Command } from "commander";
import { RadvalError } from "../../core/errors.js";
import { prepareEnginesNode } from "../../io/prepareEngines.js";
import { readFeatureTable, readRawTable } from "../../io/readTable.js";
import { frameOfRows } from "../../preprocess/frame.js";
import { type ExportedWorkflow, type StudyModelFile, checkModelFile, restoreWorkflow } from "../../validate/modelFile.js";
import type { CliIo } from "../io.js";
import { type CommonOptions, addCommonOptions, parseOptionsFrom } from "../options.js";
import { printJson, printWarnings } from "../output.js";
import { csvCell } from "../../core/csvCell.js";

interface PredictOptions extends CommonOptions {
  model?: string;
  out?: string;
  delimiter?: string;
  decimal?: string;
  points?: boolean;
}

/** Reads and checks a study's model.json (a clear error naming the file when it is not one). */
export function readModelFile(path: string): StudyModelFile {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new RadvalError("FILE_NOT_FOUND", `cannot read ${path} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, { where: { file: path }, hint: "Pass the model.json that `radval run` wrote." });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new RadvalError("INVALID_JSON", `${path} is not valid JSON (${(e as Error).message})`, { where: { file: path }, hint: "Pass the model.json that `radval run` wrote." });
  }
  return checkModelFile(value, path);
}

/** The model a `--model` option names (default: the file's primary model), or an error listing the ids. */
export function chooseModel(file: StudyModelFile, id: string | undefined, path: string): ExportedWorkflow {
  const wanted = id ?? file.primaryModel ?? file.models[0]!.id;
  const model = file.models.find((m) => m.id === wanted);
  if (!model) {
    throw new RadvalError("UNKNOWN_MODEL", `${path} has no model "${wanted}"`, { where: { file: path }, hint: `Models in the file: ${file.models.map((m) => m.id).join(", ")}.` });
  }
  return model;
}

/** Features of `model` whose values in `rows` fall outside the development range, with counts. */
function outOfRange(model: ExportedWorkflow, names: readonly string[], x: Float64Array, n: number): string[] {
  const out: string[] = [];
  model.inputFeatures.forEach((feature) => {
    const j = names.indexOf(feature);
    const [lo, hi] = model.ranges[feature] ?? [-Infinity, Infinity];
    let count = 0;
    for (let i = 0; i < n; i++) {
      const v = x[j * n + i]!;
      if (v < lo || v > hi) count++;
    }
    if (count > 0) out.push(`${feature} (${count} row${count === 1 ? "" : "s"} outside ${lo}–${hi})`);
  });
  return out;
}

/**
 * `radval predict model.json new.csv [--model ID] [--out preds.csv]`: applies
 * a study's final model (recipe constants + model parameters, nothing refit)
 * to new patients. Missing columns are an error naming them; values outside
 * the development range are a warning. Writes `id,model,prob`; with
 * `--points`, each patient's nomogram points per predictor, total points and
 * risk (the numbers `radval nomogram model.json` reads off).
 */
export function registerPredict(program: Command, io: CliIo): void {
  const command = program
    .command("predict")
    .description("apply a study's final model (model.json from radval run) to new patients: id, model, predicted probability")
    .argument("<model.json>", "the model file radval run wrote next to results.json")
    .argument("<file>", "CSV with the model's input feature columns (and an id column)");
  addCommonOptions(command);
  command
    .option("--model <id>", "which model of the file (the ids in results.json; default: the primary model)")
    .option("--out <file>", "write the predictions CSV here (default: stdout)")
    .option("--delimiter <char>", "field separator (default: detected)")
    .option("--decimal <char>", 'decimal mark, "." or "," (default: detected)')
    .option("--points", "add each patient's nomogram points per predictor, total points and risk (logistic and penalised models; as radval nomogram model.json)");
  command.action(async (modelPath: string, file: string, options: PredictOptions) => {
    const modelFile = readModelFile(modelPath);
    const model = chooseModel(modelFile, options.model, modelPath);
    const parse = parseOptionsFrom(options);
    const header = readRawTable(file, parse).header;
    const missing = model.inputFeatures.filter((f) => !header.includes(f));
    if (missing.length) {
      throw new RadvalError("MISSING_COLUMNS", `the table lacks ${missing.length} column${missing.length === 1 ? "" : "s"} the model "${model.id}" reads: ${missing.slice(0, 10).join(", ")}${missing.length > 10 ? `, … and ${missing.length - 10} more` : ""}`, {
        where: { file },
        hint: "Give the table the same feature columns (same names) as the development data.",
      });
    }
    const idColumn = options.id ?? (modelFile.idColumn && header.includes(modelFile.idColumn) ? modelFile.idColumn : undefined);
    // A ComBat step reads each row's site and covariates besides the features.
    const combat = model.recipe.find((s) => s.type === "combat");
    const context = combat?.type === "combat" ? [combat.batchColumn, ...combat.covariates.map((c) => c.name)] : [];
    const absent = context.filter((c) => !header.includes(c));
    if (absent.length) {
      throw new RadvalError("MISSING_COLUMNS", `the table lacks ${absent.join(", ")}, which the model's ComBat harmonisation reads (site and covariates)`, { where: { file }, hint: "Give every patient's site (and the covariates) under the development column names." });
    }
    const numericCovariates = combat?.type === "combat" ? combat.covariates.filter((c) => c.kind === "numeric" && !model.inputFeatures.includes(c.name)).map((c) => c.name) : [];
    const data = readFeatureTable(
      file,
      { ...(idColumn ? { id: idColumn } : {}), ...(combat?.type === "combat" ? { site: combat.batchColumn } : {}), features: [...model.inputFeatures, ...numericCovariates] },
      parse,
    );
    const rows = Int32Array.from({ length: data.x.nRows }, (_, i) => i);
    await prepareEnginesNode([model.model.spec]);
    const frame = frameOfRows(data, rows);
    const restored = restoreWorkflow(model);
    const prediction = restored.predictOutcome(frame);
    // One probability per patient: P(event), or the risk by the horizon (survival); ordinal/nominal models give one per level.
    const prob = prediction.kind === "binary" ? prediction.prob : prediction.kind === "survival" ? prediction.risk : new Float64Array(rows.length).fill(NaN);
    const levels = modelFile.outcomeKind?.levels ?? [];
    const kindColumns: Array<{ name: string; values: (i: number) => number }> =
      prediction.kind === "survival"
        ? [{ name: "lp", values: (i) => prediction.lp[i]! }]
        : prediction.kind === "ordinal" || prediction.kind === "nominal"
          ? Array.from({ length: prediction.nLevels }, (_, k) => ({ name: `P(${levels[k] ?? k})`, values: (i: number) => prediction.probs[i * prediction.nLevels + k]! }))
          : [];
    const warnings: string[] = [];
    const beyond = outOfRange(model, frame.names, frame.x.data, rows.length);
    if (beyond.length) warnings.push(`values outside the development range (the model extrapolates): ${beyond.slice(0, 8).join("; ")}${beyond.length > 8 ? `; … and ${beyond.length - 8} more features` : ""}`);
    const points = options.points ? await import("../nomogramModel.js").then((m) => {
          const inputs = restored.inputFrame(frame); // composed models: the predictors and the rad-score, as the nomogram reads them
          return m.patientPoints(modelFile, model, modelPath, inputs.names, inputs.x.data, rows.length);
        }) : null;
    if (points) warnings.push(...points.warnings);
    const csvHeader = `id,model,prob${kindColumns.map((c) => `,${csvCell(c.name)}`).join("")}${points ? `,${points.names.map((f) => csvCell(`points_${f}`)).join(",")},total_points,risk` : ""}`;
    const extra = (i: number): string => `${kindColumns.map((c) => `,${c.values(i)}`).join("")}${points ? `,${points.points.map((p) => p[i]!).join(",")},${points.totalPoints[i]},${points.risk[i]}` : ""}`;
    const lines = [csvHeader, ...Array.from(prob, (p, i) => `${csvCell(data.ids[i]!)},${csvCell(model.id)},${Number.isNaN(p) ? "" : p}${extra(i)}`)];
    if (options.out) writeFileSync(options.out, `${lines.join("\n")}\n`);
    const record = (p: number, i: number) => ({
      id: data.ids[i]!,
      prob: Number.isNaN(p) ? null : p,
      ...(kindColumns.length ? { values: Object.fromEntries(kindColumns.map((c) => [c.name, c.values(i)])) } : {}),
      ...(points ? { points: Object.fromEntries(points.names.map((f, j) => [f, points.points[j]![i]!])), totalPoints: points.totalPoints[i]!, risk: points.risk[i]! } : {}),
    });
    if (options.json) printJson(io, { model: model.id, n: prob.length, file: options.out ?? null, warnings, ...(points ? { nomogram: { scale: points.scale, lpAtZero: points.lpAtZero } } : {}), predictions: Array.from(prob, record) });
    else if (!options.out) io.stdout(`${lines.join("\n")}\n`);
    else io.stdout(`Wrote ${prob.length} predictions of ${model.id} to ${options.out}\n`);
    printWarnings(io, warnings, options.quiet);
  });
}
