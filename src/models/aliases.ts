import { RadvalError } from "../core/errors.js";
import { closestName } from "../core/suggest.js";
import { elasticNet } from "./elasticnet/spec.js";
import { randomForest } from "./forest/spec.js";
import { logistic } from "./logistic/spec.js";
import { setEngine } from "./params.js";
import { engineFor } from "./registry.js";
import { svm } from "./svm/spec.js";
import type { ModelSpec, ParamValue } from "./types.js";

/** A short model name for the command line (`radval cv --model NAME`) and how it becomes a spec. */
export interface ModelAlias {
  readonly name: string;
  readonly description: string;
  /** The spec with these standard parameters on top of the alias's own settings. */
  make(params: Readonly<Record<string, ParamValue>>): ModelSpec;
}

type Params = Readonly<Record<string, ParamValue>>;

/** The command line's (and the study config's) short model names, in one place. */
export const MODEL_ALIASES: readonly ModelAlias[] = Object.freeze([
  Object.freeze({ name: "lasso", description: "LASSO logistic regression (elastic net, mixture 1), λ by inner 10-fold CV (λ 1se)", make: (params: Params) => elasticNet({ mixture: 1, ...params } as Parameters<typeof elasticNet>[0]) }),
  Object.freeze({ name: "ridge", description: "ridge logistic regression (elastic net, mixture 0), λ by inner 10-fold CV (λ 1se)", make: (params: Params) => elasticNet({ mixture: 0, ...params } as Parameters<typeof elasticNet>[0]) }),
  Object.freeze({ name: "enet", description: "elastic-net logistic regression, mixture 0.5, λ by inner 10-fold CV (λ 1se)", make: (params: Params) => elasticNet({ mixture: 0.5, ...params } as Parameters<typeof elasticNet>[0]) }),
  Object.freeze({ name: "elasticNet", description: "elastic-net logistic regression with the spec's own parameters (mixture, penalty, …)", make: (params: Params) => elasticNet(params as Parameters<typeof elasticNet>[0]) }),
  Object.freeze({ name: "logistic", description: "unpenalised logistic regression (glm)", make: (params: Params) => logistic(params as Parameters<typeof logistic>[0]) }),
  Object.freeze({ name: "svm", description: "support vector machine, linear kernel, cost 1 (libsvm's C-SVC solver)", make: (params: Readonly<Record<string, ParamValue>>) => svm({ kernel: "linear", ...params }) }),
  Object.freeze({ name: "rf", description: "random forest, 500 trees, mtry ⌊√p⌋ (radval's CART forest)", make: (params: Readonly<Record<string, ParamValue>>) => randomForest(params) }),
  Object.freeze({ name: "randomForest", description: "random forest (same as rf)", make: (params: Readonly<Record<string, ParamValue>>) => randomForest(params) }),
]);

/** The alias called `name`, or `UNKNOWN_MODEL` listing the available names (with a did-you-mean). */
export function modelAlias(name: string, aliases: readonly ModelAlias[] = MODEL_ALIASES): ModelAlias {
  const found = aliases.find((a) => a.name === name);
  if (found) return found;
  const names = aliases.map((a) => a.name);
  const guess = closestName(name, names);
  throw new RadvalError("UNKNOWN_MODEL", `no model named "${name}"`, {
    where: { option: "--model", value: name },
    hint: `${guess ? `Did you mean "${guess}"? ` : ""}Available models: ${names.join(", ")}.`,
  });
}

/**
 * The spec for a model name plus standard parameters (`engine` picks another
 * engine). Parameter names are checked against the engine's known
 * parameters first, so a misspelt one is `UNKNOWN_PARAMETER` with a
 * did-you-mean, whatever the spec function does.
 */
export function specFromAlias(name: string, params: Readonly<Record<string, ParamValue>> = {}, aliases: readonly ModelAlias[] = MODEL_ALIASES): ModelSpec {
  const alias = modelAlias(name, aliases);
  const { engine, ...rest } = params;
  const base = alias.make({});
  const chosen = engine === undefined ? base : setEngine(base, String(engine));
  const known = Object.keys(engineFor(chosen).defaults);
  for (const key of Object.keys(rest)) {
    if (!known.includes(key)) {
      const guess = closestName(key, [...known, "engine"]);
      throw new RadvalError("UNKNOWN_PARAMETER", `model "${name}" (${chosen.model}) has no parameter "${key}"`, {
        where: { option: "--param", key },
        hint: `${guess ? `Did you mean "${guess}"? ` : ""}Parameters: ${known.join(", ")}, engine.`,
      });
    }
  }
  const spec = alias.make(rest);
  return engine === undefined ? spec : setEngine(spec, String(engine));
}
