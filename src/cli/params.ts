import { RadvalError } from "../core/errors.js";
import type { ParamValue } from "../models/types.js";

/** One `--param` value: `key=value` (every model that has `key`) or `model.key=value` (only that model). */
export interface ParamAssignment {
  readonly model: string | undefined;
  readonly key: string;
  readonly value: ParamValue;
  readonly text: string;
}

/**
 * Parses a `--param` value's right-hand side: `true`/`false` → boolean,
 * `null` → null, a number → number, `{…}` / `[…]` → JSON (e.g. class weights
 * `{"0":1,"1":3}`), anything else → string.
 */
export function parseParamValue(raw: string, text = raw): ParamValue {
  const v = raw.trim();
  if (v === "true") return true;
  if (v === "false") return false;
  if (v === "null") return null;
  if (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(v)) return Number(v);
  if (v.startsWith("{") || v.startsWith("[")) {
    try {
      return JSON.parse(v) as ParamValue;
    } catch {
      throw new RadvalError("INVALID_OPTION", `cannot read "${v}" as JSON`, { where: { option: "--param", value: text }, hint: 'Quote JSON values, e.g. --param \'classWeight={"0":1,"1":3}\'.' });
    }
  }
  if (v === "") throw new RadvalError("INVALID_OPTION", `no value after "=" in "${text}"`, { where: { option: "--param", value: text }, hint: "Write --param key=value, e.g. --param cost=0.5." });
  return v;
}

/** Parses `key=value` / `model.key=value`. */
export function parseParamAssignment(text: string): ParamAssignment {
  const eq = text.indexOf("=");
  if (eq <= 0) {
    throw new RadvalError("INVALID_OPTION", `expected key=value, got "${text}"`, { where: { option: "--param", value: text }, hint: "Write --param key=value (e.g. --param cost=0.5 or --param rf.trees=200)." });
  }
  const left = text.slice(0, eq).trim();
  const dot = left.indexOf(".");
  const model = dot > 0 ? left.slice(0, dot) : undefined;
  const key = dot > 0 ? left.slice(dot + 1) : left;
  return { model, key, value: parseParamValue(text.slice(eq + 1), text), text };
}
