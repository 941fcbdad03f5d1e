import { RadvalError } from "../../core/errors.js";
import type { ColumnMatrix } from "../../core/matrix.js";
import type { Response } from "../../core/response.js";
import { predictProportionalOdds, proportionalOdds } from "../../ordinal/proportionalOdds.js";
import type { FitOptions, ModelSpec, OutcomeEngine, OutcomeModel, SerializedModel } from "../types.js";
import { levelFittedModel } from "./levelModel.js";
import { isNumberArray, restoredState } from "./serialize.js";

interface ProportionalOddsState {
  readonly levels: readonly string[];
  readonly coefficients: readonly number[];
  readonly zeta: readonly number[];
  readonly nObservations: number;
  readonly deviance: number;
}

function model(spec: ModelSpec, featureNames: readonly string[], state: ProportionalOddsState, warnings: OutcomeModel["warnings"]): OutcomeModel {
  const fit = { coefficients: state.coefficients, zeta: state.zeta, featureNames };
  const K = state.levels.length;
  return levelFittedModel(spec, featureNames, {
    kind: "ordinal",
    levels: state.levels,
    probabilities: (x: ColumnMatrix) => {
      const rows = predictProportionalOdds(fit, x).probabilities;
      const out = new Float64Array(rows.length * K);
      rows.forEach((r, i) => out.set(r, i * K));
      return out;
    },
    description: {
      nObservations: state.nObservations,
      coefficients: Object.fromEntries(featureNames.map((f, j) => [f, state.coefficients[j]!])),
      details: { zeta: Object.fromEntries(state.zeta.map((z, k) => [`${state.levels[k]}|${state.levels[k + 1]}`, z])), deviance: state.deviance },
    },
    state: () => state,
  }, warnings);
}

/**
 * The "radval" engine of model "ordinalLogistic": the cumulative-logit
 * proportional-odds model logit P(Y ≤ k) = ζ_k − x'β fitted to its exact
 * maximum (= `ordinal::clm`; `MASS::polr` stops earlier), class
 * probabilities P(Y = k) as `predict(clm, type = "prob")`.
 */
export const ordinalLogisticEngine: OutcomeEngine = Object.freeze({
  model: "ordinalLogistic",
  engine: "radval",
  kinds: Object.freeze(["ordinal"] as const),
  defaults: Object.freeze({}),
  fit(spec: ModelSpec, x: ColumnMatrix, response: Response, options: FitOptions): OutcomeModel {
    if (response.kind !== "ordinal") throw new RadvalError("INCOMPATIBLE_MODEL", `the proportional-odds model fits ordinal outcomes, not ${response.kind} ones`, { hint: "Use multinomial elastic net (model: elasticNet) for nominal outcomes." });
    const featureNames = options.featureNames ?? Array.from({ length: x.nCols }, (_, j) => `x${j + 1}`);
    const fit = proportionalOdds(x, response.codes, { levels: response.levels, featureNames });
    return model(spec, featureNames, { levels: [...response.levels], coefficients: [...fit.coefficients], zeta: [...fit.zeta], nObservations: fit.nObservations, deviance: fit.deviance }, fit.warnings);
  },
  restore(serialized: SerializedModel): OutcomeModel {
    const p = serialized.featureNames?.length ?? 0;
    const { state, warnings } = restoredState(serialized, "ordinalLogistic", "radval", "ordinal", (s): s is ProportionalOddsState => {
      const v = s as Partial<ProportionalOddsState> | null;
      return !!v && Array.isArray(v.levels) && isNumberArray(v.coefficients, p) && isNumberArray(v.zeta, v.levels.length - 1);
    });
    return model(serialized.spec, serialized.featureNames, state, warnings);
  },
});
