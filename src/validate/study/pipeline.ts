import { resolvePredictors } from "./predictors.js";
import { outcomeSpecFromAlias } from "../../models/outcomeAliases.js";
import { outcomeSpec } from "../outcomeSpec.js";
import type { Dataset } from "../../core/dataset.js";
import { RadvalError, isRadvalError } from "../../core/errors.js";
import { specFromAlias } from "../../models/aliases.js";
import type { ParamValue } from "../../models/types.js";
import { combatFromConfig } from "../../harmonize/config.js";
import { impute } from "../../preprocess/impute.js";
import { redundancyStep } from "../../preprocess/redundancy.js";
import { reliabilityFilterStep } from "../../preprocess/reliabilityFilter.js";
import { standardize } from "../../preprocess/scale.js";
import type { StepSpec } from "../../preprocess/types.js";
import type { LongTable } from "../../table/longTable.js";
import type { StudyConfig } from "../config.js";
import { type WorkflowSpec, workflow } from "../workflow.js";

/** True when any development row has a missing feature value. */
export function hasMissing(data: Dataset, rows: Int32Array): boolean {
  const n = data.x.nRows;
  for (let j = 0; j < data.x.nCols; j++) {
    for (const r of rows) if (Number.isNaN(data.x.data[j * n + r]!)) return true;
  }
  return false;
}

/**
 * The recipe a study config describes, in the order that keeps every step
 * meaningful: reliability filter (drops features by their test-retest ICC;
 * never looks at analysis values), imputation (median by default when the
 * development rows have missing values), ComBat site harmonisation (needs
 * complete data), redundancy reduction (needs complete data), standardisation
 * (default on).
 */
export function recipeFromConfig(config: StudyConfig, long: LongTable | null, missing: boolean): StepSpec[] {
  const steps: StepSpec[] = [];
  if (config.reliability) {
    if (!long) throw new RadvalError("INVALID_CONFIG", "the reliability filter needs its test-retest table", { where: { key: "reliability.file" } });
    const r = config.reliability;
    try {
      steps.push(
        reliabilityFilterStep({
          long,
          ...(r.statistic !== undefined ? { statistic: r.statistic } : {}),
          ...(r.cut !== undefined ? { cut: r.cut } : {}),
          ...(r.useLowerBound !== undefined ? { useLowerBound: r.useLowerBound } : {}),
          ...((r.unassessed ?? r.unmeasured) !== undefined ? { unmeasured: r.unassessed ?? r.unmeasured } : {}),
        } as Parameters<typeof reliabilityFilterStep>[0]),
      );
    } catch (e) {
      if (isRadvalError(e) && e.code === "INVALID_OPTION") throw new RadvalError("INVALID_CONFIG", e.detail, { where: { key: "reliability.statistic" }, ...(e.hint ? { hint: e.hint } : {}) });
      throw e;
    }
  }
  const imputeMethod = config.impute ?? (missing ? "median" : "none");
  if (imputeMethod !== "none") steps.push(impute({ method: imputeMethod }));
  if (config.harmonize) steps.push(combatFromConfig(config));
  if (config.redundancy) {
    const r = config.redundancy;
    steps.push(
      redundancyStep({
        ...(r.threshold !== undefined ? { threshold: r.threshold } : {}),
        ...(r.correlation !== undefined ? { correlation: r.correlation } : {}),
        ...(r.linkage !== undefined ? { linkage: r.linkage } : {}),
        ...(r.representative !== undefined ? { representative: r.representative } : {}),
      }),
    );
  }
  if (config.scale !== false) steps.push(standardize());
  return steps;
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "model";
}

/**
 * One workflow per configured model: the shared recipe plus the model spec
 * (binary aliases lasso, ridge, enet, elasticNet, logistic, svm, rf, randomForest;
 * the other outcome kinds' aliases: cox, ordinalLogistic, and the Cox or multinomial elastic net;
 * `params`, `engine`, `tune`). Ids are unique slugs of the names. Unknown
 * models and parameters are errors naming the config key.
 */
export function workflowsFromConfig(config: StudyConfig, steps: readonly StepSpec[], featureNames?: readonly string[]): WorkflowSpec[] {
  const kind = outcomeSpec(config).kind;
  const used = new Set<string>();
  const groups = config.data.groups ?? {};
  const specOf = (name: string, params: Record<string, ParamValue>, key: string) => {
    try {
      return kind === "binary" ? specFromAlias(name, params) : outcomeSpecFromAlias(name, params, kind);
    } catch (e) {
      if (isRadvalError(e)) {
        const sub = e.code === "UNKNOWN_MODEL" ? "model" : e.code === "UNKNOWN_PARAMETER" || e.code === "INVALID_PARAMETER" ? "params" : "";
        throw new RadvalError(e.code === "UNKNOWN_MODEL" ? "UNKNOWN_MODEL" : "INVALID_CONFIG", e.detail, { where: { key: sub ? `${key}.${sub}` : key }, ...(e.hint ? { hint: e.hint } : {}) });
      }
      throw e;
    }
  };
  // The second stage of a composed model sees its chosen predictors and the stage scores: imputation and scaling only.
  const secondStageSteps = steps.filter((s) => s.type === "impute" || s.type === "standardize");
  return config.models.map((m, k) => {
    const key = `models[${k}]`;
    const model = specOf(m.model, { ...(m.params ?? {}), ...(m.engine ? { engine: m.engine } : {}) } as Record<string, ParamValue>, key);
    const label = m.name ?? m.model;
    let id = slug(label);
    for (let i = 2; used.has(id); i++) id = `${slug(label)}-${i}`;
    used.add(id);
    const names = featureNames ?? [];
    const refs = m.predictors === undefined ? undefined : typeof m.predictors === "string" ? [m.predictors] : m.predictors;
    const plain = refs?.filter((r): r is string => typeof r === "string");
    const stageEntries = (refs ?? []).flatMap((r, j) => (typeof r === "string" ? [] : Object.entries(r).map(([name, st]) => ({ name, st, at: j }))));
    const predictors = plain ? resolvePredictors(plain, groups, names, `${key}.predictors`) : undefined;
    const stages = stageEntries.map(({ name, st, at }) => {
      if (names.includes(name)) {
        throw new RadvalError("INVALID_CONFIG", `stage name "${name}" is also a feature column`, { where: { key: `${key}.predictors[${at}]` }, hint: "Name the stage something else (e.g. radscore)." });
      }
      const stageKey = `${key}.predictors[${at}].${name}`;
      return {
        name,
        workflow: workflow({
          id: `${id}-${slug(name)}`,
          label: `${label}: ${name}`,
          steps,
          model: specOf(st.model, { ...(st.params ?? {}), ...(st.engine ? { engine: st.engine } : {}) } as Record<string, ParamValue>, stageKey),
          predictors: resolvePredictors(st.features, groups, names, `${stageKey}.features`),
        }),
      };
    });
    return workflow({
      id,
      label,
      steps: stages.length ? secondStageSteps : steps,
      model,
      ...(predictors ? { predictors } : {}),
      ...(stages.length ? { stages } : {}),
      ...(m.tune ? { tune: m.tune } : {}),
      ...(config.internal?.innerFolds ? { innerFolds: config.internal.innerFolds } : {}),
    });
  });
}
