import { RadvalError } from "../core/errors.js";
import type { OutcomeKind } from "../core/response.js";
import { closestName } from "../core/suggest.js";
import { OUTCOME_ENGINES } from "./registry.js";
import type { ModelSpec, OutcomeEngine, ParamValue } from "./types.js";

/** A short model name of an outcome kind (study configs, `radval cv`) and the engine settings it stands for. */
export interface OutcomeModelAlias {
  readonly name: string;
  readonly kinds: readonly Exclude<OutcomeKind, "binary">[];
  readonly description: string;
  /** Model family (the engine is the family's engine for the kind). */
  readonly model: string;
  /** Settings of the alias on top of the engine's defaults (e.g. mixture 1 for lasso). */
  readonly params: Readonly<Record<string, ParamValue>>;
}

/** The model names of the ordinal, nominal and survival outcome kinds, in one place. */
export const OUTCOME_MODEL_ALIASES: readonly OutcomeModelAlias[] = Object.freeze<OutcomeModelAlias[]>([
  { name: "cox", kinds: ["survival"], description: "Cox proportional-hazards regression (survival::coxph, Efron ties)", model: "cox", params: {} },
  { name: "ordinalLogistic", kinds: ["ordinal"], description: "proportional-odds cumulative logit model (ordinal::clm, MASS::polr)", model: "ordinalLogistic", params: {} },
  { name: "polr", kinds: ["ordinal"], description: "proportional-odds model (same as ordinalLogistic)", model: "ordinalLogistic", params: {} },
  { name: "lasso", kinds: ["survival", "ordinal", "nominal"], description: "LASSO (Cox or multinomial elastic net, mixture 1), λ by inner CV", model: "elasticNet", params: { mixture: 1 } },
  { name: "ridge", kinds: ["survival", "ordinal", "nominal"], description: "ridge (Cox or multinomial elastic net, mixture 0), λ by inner CV", model: "elasticNet", params: { mixture: 0 } },
  { name: "enet", kinds: ["survival", "ordinal", "nominal"], description: "elastic net, mixture 0.5 (Cox or multinomial), λ by inner CV", model: "elasticNet", params: { mixture: 0.5 } },
  { name: "rf", kinds: ["ordinal", "nominal"], description: "random forest grown on the K classes (500 trees, mtry ⌊√p⌋)", model: "randomForest", params: {} },
  { name: "randomForest", kinds: ["ordinal", "nominal"], description: "random forest (same as rf)", model: "randomForest", params: {} },
  { name: "svm", kinds: ["ordinal", "nominal"], description: "one-vs-one SVM, linear kernel, cost 1, libsvm's pairwise-coupled probabilities", model: "svm", params: {} },
  { name: "elasticNet", kinds: ["survival", "ordinal", "nominal"], description: "elastic net with the spec's own parameters (Cox or multinomial)", model: "elasticNet", params: {} },
]);

function engineOf(model: string, kind: Exclude<OutcomeKind, "binary">): OutcomeEngine | undefined {
  return OUTCOME_ENGINES.find((e) => e.model === model && (e.kinds as readonly OutcomeKind[]).includes(kind));
}

/**
 * The spec of model `name` for an outcome of `kind`, with `params` on top of
 * the engine's defaults and the alias's settings. Unknown names (for this
 * kind) and parameters are errors with a did-you-mean listing what exists.
 */
export function outcomeSpecFromAlias(name: string, params: Readonly<Record<string, ParamValue>>, kind: Exclude<OutcomeKind, "binary">): ModelSpec {
  const forKind = OUTCOME_MODEL_ALIASES.filter((a) => (a.kinds as readonly OutcomeKind[]).includes(kind));
  const alias = forKind.find((a) => a.name === name);
  if (!alias) {
    const guess = closestName(name, forKind.map((a) => a.name));
    throw new RadvalError("UNKNOWN_MODEL", `no model "${name}" for a ${kind} outcome`, {
      where: { key: "model", value: name },
      hint: `${guess ? `Did you mean "${guess}"? ` : ""}Models for ${kind} outcomes: ${forKind.map((a) => a.name).join(", ")}.`,
    });
  }
  const engine = engineOf(alias.model, kind)!;
  const { engine: engineName, ...rest } = params;
  if (engineName !== undefined && engineName !== engine.engine) {
    throw new RadvalError("UNKNOWN_MODEL", `model "${name}" has no engine "${String(engineName)}" for ${kind} outcomes`, { where: { key: "engine", value: String(engineName) }, hint: `Engine: ${engine.engine}.` });
  }
  const known = Object.keys(engine.defaults);
  for (const key of Object.keys(rest)) {
    if (!known.includes(key)) {
      const guess = closestName(key, known);
      throw new RadvalError("UNKNOWN_PARAMETER", `model "${name}" (${alias.model}, ${kind} outcome) has no parameter "${key}"`, {
        where: { key },
        hint: `${guess ? `Did you mean "${guess}"? ` : ""}${known.length ? `Parameters: ${known.join(", ")}.` : "It has no parameters."}`,
      });
    }
  }
  return Object.freeze({ model: alias.model, engine: engine.engine, params: Object.freeze({ ...engine.defaults, ...alias.params, ...rest }) });
}
