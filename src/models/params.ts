import { RadvalError } from "../core/errors.js";
import { closestName } from "../core/suggest.js";
import type { ModelSpec, ParamValue } from "./types.js";

/**
 * One hyperparameter's rule: its default, a one-line description and a check
 * that returns an error text (what is wrong and what is allowed) or undefined.
 */
export interface ParamRule {
  readonly default: ParamValue;
  readonly doc: string;
  check(value: ParamValue): string | undefined;
}

/** The rules of a model family, by standard hyperparameter name. */
export type ParamRules = Readonly<Record<string, ParamRule>>;

function describeValue(value: ParamValue): string {
  return typeof value === "string" ? `"${value}"` : JSON.stringify(value);
}

/**
 * A numeric rule: finite, optionally whole, within [min, max] (or above `min`
 * when `exclusiveMin`), optionally null (meaning "the engine's default").
 */
export function numberParam(
  defaultValue: number | null,
  doc: string,
  constraints: { min?: number; max?: number; exclusiveMin?: boolean; integer?: boolean; nullable?: boolean } = {},
): ParamRule {
  return {
    default: defaultValue,
    doc,
    check(value) {
      if (value === null && constraints.nullable) return undefined;
      const kind = constraints.integer ? "a whole number" : "a number";
      const range = [
        constraints.min !== undefined ? `${constraints.exclusiveMin ? ">" : "≥"} ${constraints.min}` : "",
        constraints.max !== undefined ? `≤ ${constraints.max}` : "",
      ]
        .filter((s) => s !== "")
        .join(" and ");
      const expected = `${kind}${range ? ` ${range}` : ""}${constraints.nullable ? " (or null for the default)" : ""}`;
      if (typeof value !== "number" || !Number.isFinite(value)) return `expected ${expected}, got ${describeValue(value)}`;
      if (constraints.integer && !Number.isInteger(value)) return `expected ${expected}, got ${value}`;
      if (constraints.min !== undefined && (constraints.exclusiveMin ? value <= constraints.min : value < constraints.min)) {
        return `expected ${expected}, got ${value}`;
      }
      if (constraints.max !== undefined && value > constraints.max) return `expected ${expected}, got ${value}`;
      return undefined;
    },
  };
}

/** A rule allowing one of the listed strings. */
export function enumParam(defaultValue: string, doc: string, values: readonly string[]): ParamRule {
  return {
    default: defaultValue,
    doc,
    check(value) {
      if (typeof value === "string" && values.includes(value)) return undefined;
      const guess = typeof value === "string" ? closestName(value, values) : undefined;
      return `expected one of ${values.map((v) => `"${v}"`).join(", ")}, got ${describeValue(value)}${guess ? ` (did you mean "${guess}"?)` : ""}`;
    },
  };
}

/** A boolean rule. */
export function booleanParam(defaultValue: boolean, doc: string): ParamRule {
  return {
    default: defaultValue,
    doc,
    check: (value) => (typeof value === "boolean" ? undefined : `expected true or false, got ${describeValue(value)}`),
  };
}

/** A rule that accepts what either of two rules accepts (e.g. a number or "scale"). */
export function eitherParam(defaultValue: ParamValue, doc: string, first: ParamRule, second: ParamRule): ParamRule {
  return {
    default: defaultValue,
    doc,
    check(value) {
      const a = first.check(value);
      if (a === undefined) return undefined;
      const b = second.check(value);
      if (b === undefined) return undefined;
      return `${a}; or ${b.replace(/^expected /, "")}`;
    },
  };
}

/**
 * The class-weight rule: null (all 1), "balanced" (n / (2 n_c)), or explicit
 * non-negative weights as `{"0": w0, "1": w1}` or `[w0, w1]`.
 */
export function classWeightParam(doc = 'class weights: null, "balanced" (n / (2 n_c)) or {"0": w0, "1": w1}'): ParamRule {
  return {
    default: null,
    doc,
    check(value) {
      if (value === null || value === "balanced") return undefined;
      const bad = `expected null, "balanced", {"0": w0, "1": w1} or [w0, w1] with finite weights ≥ 0, got ${describeValue(value)}`;
      if (Array.isArray(value)) {
        return value.length === 2 && value.every((w) => typeof w === "number" && Number.isFinite(w) && w >= 0) ? undefined : bad;
      }
      if (typeof value === "object") {
        const record = value as Readonly<Record<string, number>>;
        const keys = Object.keys(record);
        if (keys.length === 0 || keys.some((k) => k !== "0" && k !== "1")) return bad;
        return keys.every((k) => typeof record[k] === "number" && Number.isFinite(record[k]) && record[k]! >= 0) ? undefined : bad;
      }
      return bad;
    },
  };
}

/** Default values of a rule set (what an engine's `defaults` holds). */
export function defaultsOf(rules: ParamRules): Readonly<Record<string, ParamValue>> {
  const out: Record<string, ParamValue> = {};
  for (const [name, rule] of Object.entries(rules)) out[name] = rule.default;
  return Object.freeze(out);
}

/**
 * Checks `params` against `rules` and returns the complete, frozen parameter
 * set (defaults filled in). A misspelt name is `UNKNOWN_PARAMETER` with a
 * did-you-mean hint; a value out of range is `INVALID_PARAMETER` naming the
 * parameter and what is allowed.
 */
export function resolveParams(model: string, rules: ParamRules, params: Readonly<Record<string, ParamValue | undefined>>): Readonly<Record<string, ParamValue>> {
  const names = Object.keys(rules);
  const out: Record<string, ParamValue> = {};
  for (const [name, value] of Object.entries(params)) {
    const rule = rules[name];
    if (!rule) {
      const guess = closestName(name, names);
      throw new RadvalError("UNKNOWN_PARAMETER", `${model} has no parameter "${name}"`, {
        where: { key: name },
        hint: `${guess ? `Did you mean "${guess}"? ` : ""}Parameters of ${model}: ${names.join(", ")}.`,
      });
    }
    if (value === undefined) continue;
    const problem = rule.check(value);
    if (problem !== undefined) {
      throw new RadvalError("INVALID_PARAMETER", `${model} parameter "${name}": ${problem}`, {
        where: { key: name, value: typeof value === "string" ? value : JSON.stringify(value) },
        hint: `${name}: ${rule.doc}.`,
      });
    }
    out[name] = value;
  }
  for (const name of names) if (!(name in out)) out[name] = rules[name]!.default;
  return deepFreezeParams(out);
}

/** A frozen copy of a params record, with frozen copies of its array / record values (the caller's objects are left alone). */
export function deepFreezeParams(params: Readonly<Record<string, ParamValue>>): Readonly<Record<string, ParamValue>> {
  const out: Record<string, ParamValue> = {};
  for (const [name, value] of Object.entries(params)) {
    out[name] = Array.isArray(value) ? Object.freeze([...(value as readonly number[])]) : value !== null && typeof value === "object" ? Object.freeze({ ...value }) : value;
  }
  return Object.freeze(out);
}

/** A frozen spec: model family, engine and complete parameters. */
export function makeSpec(model: string, engine: string, params: Readonly<Record<string, ParamValue>>): ModelSpec {
  return Object.freeze({ model, engine, params: deepFreezeParams(params) });
}

/** The same spec fitted by another engine (parsnip's `set_engine`); the engine is checked when fitting. */
export function setEngine(spec: ModelSpec, engine: string): ModelSpec {
  return makeSpec(spec.model, engine, spec.params);
}
