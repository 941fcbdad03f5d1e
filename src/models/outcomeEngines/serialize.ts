import { RadvalError } from "../../core/errors.js";
import type { OutcomeKind } from "../../core/response.js";
import { RADVAL_VERSION } from "../../version.js";
import { checkSerialized } from "../serialize.js";
import type { ModelSpec, OutcomeModel, SerializedModel } from "../types.js";

/** The saved form of an outcome-kind model (schema 1): its kind, spec, feature names and plain-JSON state. */
export function serializeOutcomeModel(kind: OutcomeKind, spec: ModelSpec, featureNames: readonly string[], state: unknown): SerializedModel {
  return Object.freeze({ format: "radval-model" as const, radvalVersion: RADVAL_VERSION, schema: 1, spec, featureNames, state, kind });
}

/** Checks a saved outcome-kind model (envelope, engine, schema, kind) and returns its state and warnings. */
export function restoredState<T>(serialized: SerializedModel, model: string, engine: string, kind: OutcomeModel["kind"], check: (state: unknown) => state is T): { state: T; warnings: ReturnType<typeof checkSerialized> } {
  const warnings = checkSerialized(serialized, { model, engine, schema: 1 });
  if (serialized.kind !== kind) {
    throw new RadvalError("INCOMPATIBLE_MODEL", `saved ${model}/${engine} model predicts a ${serialized.kind ?? "binary"} outcome, not ${kind}`, {
      hint: "Restore it with restoreAnyModel(), which picks the engine by the file's kind.",
    });
  }
  if (!check(serialized.state)) {
    throw new RadvalError("INCOMPATIBLE_MODEL", `the saved ${model}/${engine} model's state is incomplete`, { hint: "The saved model is damaged; save it again with toJSON()." });
  }
  return { state: serialized.state, warnings };
}

/** True when `v` is an array of finite numbers (optionally of length `n`). */
export function isNumberArray(v: unknown, n?: number): v is number[] {
  return Array.isArray(v) && (n === undefined || v.length === n) && v.every((x) => typeof x === "number" && Number.isFinite(x));
}
