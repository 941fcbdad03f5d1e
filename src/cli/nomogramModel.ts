import { RadvalError } from "../core/errors.js";
import { formulaNomogram } from "../nomogram/formula.js";
import { nomogramPointsTable } from "../nomogram/pointsTable.js";
import type { Nomogram } from "../nomogram/types.js";
import type { ExportedWorkflow, StudyModelFile } from "../validate/modelFile.js";
import { chooseModel, readModelFile } from "./commands/predict.js";
import { formatNumber, formatTable } from "./format.js";

/** Model families that have no linear predictor, in words (for the error that refuses to draw them). */
const WHY_NOT: Readonly<Record<string, string>> = {
  randomForest: "a random forest has no linear predictor (its risk is an average of trees)",
  svm: "an SVM's score is not a sum of per-predictor terms on the raw inputs",
};

/**
 * The nomogram of a study model (model.json): its raw-scale formula (logistic
 * or penalised logistic with a recipe of selections, imputation and scaling),
 * axes from the development ranges and `nomogramBasis`. Other models are a
 * RadvalError naming the model and why. `approximations` lists what an older
 * model file could not give.
 */
export function studyModelNomogram(file: StudyModelFile, model: ExportedWorkflow, path: string): { nomogram: Nomogram; approximations: string[]; label: string } {
  if (!model.formula) {
    const family = model.model.spec.model;
    const steps = [...new Set(model.recipe.map((r) => r.type).filter((t) => t !== "select" && t !== "impute" && t !== "standardize"))];
    const recipeWhy = steps.includes("combat")
      ? "its recipe harmonises the features per site (ComBat), so a raw value has a different effect at each site"
      : `its recipe has ${steps.join(", ") || "steps"} besides selection, imputation and scaling, so the model is not a linear predictor of the raw inputs`;
    throw new RadvalError("INCOMPATIBLE_MODEL", `the model "${model.id}" (${model.label}) cannot be drawn as a nomogram: ${WHY_NOT[family] ?? recipeWhy}`, {
      where: { file: path },
      hint: `A nomogram draws logistic and penalised logistic models. Models in the file: ${file.models.map((m) => `${m.id} (${m.model.spec.model}${m.formula ? "" : ", no nomogram"})`).join(", ")}.`,
    });
  }
  if (model.formula.scale === "log-hazard") {
    throw new RadvalError("INCOMPATIBLE_MODEL", `the model "${model.id}" (${model.label}) is a Cox model: drawing a study's Cox model from model.json is not supported yet`, {
      where: { file: path },
      hint: "Draw it from the data with radval nomogram <csv> --time T --event E --horizon t --features …, which fits the same unpenalised Cox model.",
    });
  }
  const label = /^(1|yes|true)$/i.test(file.outcome.positive) ? `Risk of ${file.outcome.column}` : `Risk of ${file.outcome.column} = ${file.outcome.positive}`;
  try {
    return { ...formulaNomogram(model.formula, model.ranges, model.nomogramBasis, { label }), label };
  } catch (e) {
    if (e instanceof RadvalError) throw new RadvalError(e.code, `the model "${model.id}": ${e.message}`, { where: { file: path }, ...(e.hint ? { hint: e.hint } : {}) });
    throw e;
  }
}

/**
 * `radval nomogram model.json [--model ID]`: the nomogram of a study's final
 * model. JSON as the CSV form (scale, lpAtZero, predictors, axes) without the
 * per-patient arrays (`radval predict --points` gives those for any table).
 */
export function modelFileNomogramRun(path: string, id: string | undefined): { json: unknown; text: string; warnings: string[] } {
  const file = readModelFile(path);
  const model = chooseModel(file, id, path);
  const { nomogram: nom, approximations, label } = studyModelNomogram(file, model, path);
  const predictors: Record<string, unknown> = {};
  for (const p of nom.predictors) predictors[p.name] = { type: p.type, values: p.values, points: p.points, pointsPerUnit: p.pointsPerUnit, range: model.ranges[p.name] ?? null };
  const risk = nom.functionAxes[0]!;
  const json = {
    model: "logistic",
    modelId: model.id,
    label: model.label,
    file: path,
    intercept: model.formula!.intercept,
    coefficients: model.formula!.coefficients,
    imputation: model.formula!.imputation,
    scale: nom.scale,
    lpAtZero: nom.lpAtZero,
    maxscale: nom.maxscale,
    predictors,
    totalPointsAxis: nom.totalPointsAxis,
    lpAxis: nom.lpAxis,
    riskAxis: { label: risk.label, ticks: risk.ticks, positions: risk.positions },
    warnings: approximations,
  };
  const lines = [`${path}: nomogram of ${model.id} (${model.label}), ${nom.predictors.length} predictor${nom.predictors.length === 1 ? "" : "s"}, ${label} (rms::nomogram scaling; development ranges)`];
  lines.push(`${formatNumber(nom.scale, 6)} points per unit of the linear predictor; linear predictor at 0 points ${formatNumber(nom.lpAtZero, 6)}`);
  lines.push("");
  lines.push(formatTable(["axis", "value", "points"], nomogramPointsTable(nom).map((r) => [r.axis, typeof r.value === "number" ? formatNumber(r.value, 6) : r.value, formatNumber(r.points, 4)])).trimEnd());
  lines.push("");
  lines.push(`Each patient's points and risk: radval predict ${path} new.csv --points${id ? ` --model ${id}` : ""}.`);
  return { json, text: `${lines.join("\n")}\n`, warnings: approximations };
}

/**
 * Each patient's nomogram points (`radval predict --points`): the rows of a
 * column-major frame (`names`, `x`, n rows) with missing inputs replaced by
 * the formula's imputation values, placed on the study model's nomogram:
 * points per predictor, total points and risk = expit(lpAtZero + total /
 * scale) (the model's probability up to rounding). O(n · p).
 */
export function patientPoints(
  file: StudyModelFile,
  model: ExportedWorkflow,
  path: string,
  names: readonly string[],
  x: ArrayLike<number>,
  n: number,
): { names: string[]; points: Float64Array[]; totalPoints: Float64Array; risk: Float64Array; scale: number; lpAtZero: number; warnings: string[] } {
  const drawn = studyModelNomogram(file, model, path);
  const used = drawn.nomogram.predictors.map((p) => p.name);
  const fill = model.formula!.imputation ?? {};
  const patients: Record<string, Float64Array> = {};
  for (const f of used) {
    const j = names.indexOf(f);
    patients[f] = Float64Array.from({ length: n }, (_, i) => {
      const v = x[j * n + i]!;
      return Number.isNaN(v) && fill[f] !== undefined ? fill[f]! : v;
    });
  }
  const { nomogram: nom } = formulaNomogram(model.formula!, model.ranges, model.nomogramBasis, { label: drawn.label, patients });
  return { names: used, points: [...nom.patients.points], totalPoints: nom.patients.totalPoints, risk: nom.patients.functions[0]!, scale: nom.scale, lpAtZero: nom.lpAtZero, warnings: drawn.approximations };
}
