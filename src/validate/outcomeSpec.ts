import type { StudyConfig } from "./config.js";

/** The study's outcome, normalised: its kind and the columns and settings that define it. */
export type OutcomeSpec =
  | { readonly kind: "binary"; readonly column: string; readonly positive?: string }
  | { readonly kind: "ordinal" | "nominal"; readonly column: string; readonly levels?: readonly string[]; readonly cutoffs?: readonly string[] }
  | { readonly kind: "survival"; readonly time: string; readonly event: string; readonly horizon: number; readonly eventValue?: number };

/** The outcome of a config as an {@link OutcomeSpec} (`outcome: col` is binary; `data.positive` applies to binary outcomes). */
export function outcomeSpec(config: StudyConfig): OutcomeSpec {
  const o = config.data.outcome;
  const positive = config.data.positive !== undefined ? { positive: String(config.data.positive) } : {};
  if (typeof o === "string") return { kind: "binary", column: o, ...positive };
  if ("time" in o) return { kind: "survival", time: o.time, event: o.event, horizon: o.horizon, ...(o.eventValue !== undefined ? { eventValue: o.eventValue } : {}) };
  if (o.type === "ordinal" || o.type === "nominal") {
    return { kind: o.type, column: o.column, ...(o.levels ? { levels: o.levels.map(String) } : {}), ...(o.cutoffs ? { cutoffs: o.cutoffs } : {}) };
  }
  const own = (o as { positive?: string | number }).positive;
  return { kind: "binary", column: o.column, ...(own !== undefined ? { positive: String(own) } : positive) };
}

/** The column that defines the outcome's presence (binary/level column, or the survival event column): rows without it are dropped or refused. */
export function outcomeColumn(config: StudyConfig): string {
  const spec = outcomeSpec(config);
  return spec.kind === "survival" ? spec.event : spec.column;
}
