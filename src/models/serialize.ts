import { RadvalError, type RadvalWarning } from "../core/errors.js";
import { RADVAL_VERSION } from "../version.js";
import type { ModelSpec, SerializedModel } from "./types.js";

/** A typed array stored in JSON as little-endian bytes in base64 (exact and ~2× smaller than decimal text). */
export interface EncodedArray {
  readonly dtype: "float64" | "int32";
  readonly length: number;
  readonly base64: string;
}

function bytesToBase64(bytes: Uint8Array): string {
  let text = "";
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) text += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(text);
}

function base64ToBytes(base64: string): Uint8Array {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/** Encodes a Float64Array or Int32Array (little-endian, whatever the platform). O(n). */
export function encodeArray(values: Float64Array | Int32Array): EncodedArray {
  const isFloat = values instanceof Float64Array;
  const size = isFloat ? 8 : 4;
  const bytes = new Uint8Array(values.length * size);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < values.length; i++) {
    if (isFloat) view.setFloat64(i * 8, values[i]!, true);
    else view.setInt32(i * 4, values[i]!, true);
  }
  return { dtype: isFloat ? "float64" : "int32", length: values.length, base64: bytesToBase64(bytes) };
}

function decodeChecked(encoded: EncodedArray, dtype: EncodedArray["dtype"]): DataView {
  if (!encoded || encoded.dtype !== dtype || typeof encoded.base64 !== "string") {
    throw new RadvalError("INCOMPATIBLE_MODEL", `expected an encoded ${dtype} array in the saved model`, { hint: "The saved model is damaged; save it again with toJSON()." });
  }
  const bytes = base64ToBytes(encoded.base64);
  if (bytes.length !== encoded.length * (dtype === "float64" ? 8 : 4)) {
    throw new RadvalError("INCOMPATIBLE_MODEL", `an encoded ${dtype} array has ${bytes.length} bytes for ${encoded.length} values`, { hint: "The saved model is damaged; save it again with toJSON()." });
  }
  return new DataView(bytes.buffer);
}

/** Decodes an {@link EncodedArray} of float64 values. */
export function decodeFloat64(encoded: EncodedArray): Float64Array {
  const view = decodeChecked(encoded, "float64");
  const out = new Float64Array(encoded.length);
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat64(i * 8, true);
  return out;
}

/** Decodes an {@link EncodedArray} of int32 values. */
export function decodeInt32(encoded: EncodedArray): Int32Array {
  const view = decodeChecked(encoded, "int32");
  const out = new Int32Array(encoded.length);
  for (let i = 0; i < out.length; i++) out[i] = view.getInt32(i * 4, true);
  return out;
}

/** Builds the {@link SerializedModel} envelope around an engine's state. */
export function serializeFit(spec: ModelSpec, featureNames: readonly string[], schema: number, state: unknown): SerializedModel {
  return { format: "radval-model", radvalVersion: RADVAL_VERSION, schema, spec: { model: spec.model, engine: spec.engine, params: { ...spec.params } }, featureNames: [...featureNames], state };
}

/**
 * Checks a saved model before an engine restores it: the `radval-model`
 * envelope, the model and engine names, and the engine's state schema. A
 * different schema is `INCOMPATIBLE_MODEL` naming both radval versions (no
 * migration exists yet); a model written by another radval version with the
 * same schema is restored, with a warning.
 */
export function checkSerialized(serialized: SerializedModel, expected: { model: string; engine: string; schema: number }): RadvalWarning[] {
  if (serialized === null || typeof serialized !== "object" || serialized.format !== "radval-model") {
    throw new RadvalError("INCOMPATIBLE_MODEL", "this is not a saved radval model (no \"format\": \"radval-model\")", {
      hint: "Restore the JSON written by a fitted model's toJSON().",
    });
  }
  const spec = serialized.spec;
  if (!spec || spec.model !== expected.model || spec.engine !== expected.engine) {
    throw new RadvalError("INCOMPATIBLE_MODEL", `saved model is ${spec?.model}/${spec?.engine}, not ${expected.model}/${expected.engine}`, {
      hint: "Restore it with restoreModel(), which picks the engine named in the file.",
    });
  }
  if (serialized.schema !== expected.schema) {
    throw new RadvalError(
      "INCOMPATIBLE_MODEL",
      `the ${expected.model}/${expected.engine} model was saved by radval ${serialized.radvalVersion} in state schema ${serialized.schema}; radval ${RADVAL_VERSION} reads schema ${expected.schema}`,
      { hint: `Refit the model with radval ${RADVAL_VERSION}, or load it with radval ${serialized.radvalVersion}.` },
    );
  }
  if (!Array.isArray(serialized.featureNames)) {
    throw new RadvalError("INCOMPATIBLE_MODEL", "saved model has no feature names", { hint: "The saved model is damaged; save it again with toJSON()." });
  }
  if (serialized.radvalVersion !== RADVAL_VERSION) {
    return [
      {
        code: "MODEL_FROM_OTHER_VERSION",
        message: `model saved by radval ${serialized.radvalVersion} (state schema ${serialized.schema}, unchanged) restored in radval ${RADVAL_VERSION}`,
      },
    ];
  }
  return [];
}
