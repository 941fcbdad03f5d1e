import type { Cutoff } from "../ordinal/cutoffs.js";
import { RadvalError } from "./errors.js";

/**
 * What a prediction model predicts (tidymodels' *mode*): a binary event, an
 * ordered level (fibrosis F0–F4), an unordered class, or the time to an
 * event under right censoring. Chosen once, where the study is read
 * (config `outcome.type`); the engine, the metric set and the report are
 * picked from it, and resampling, recipes and the worker pool never look at it.
 */
export type OutcomeKind = "binary" | "ordinal" | "nominal" | "survival";

/** A binary response: 1 = event, 0 = non-event, one value per row of the dataset. */
export interface BinaryResponse {
  readonly kind: "binary";
  readonly y: Float64Array;
}

/** An ordinal or nominal response: level index 0..K−1 per row, the level labels (lowest first for ordinal), and the named cut-offs. */
export interface LevelResponse {
  readonly kind: "ordinal" | "nominal";
  readonly codes: Float64Array;
  readonly levels: readonly string[];
  /** The clinically used dichotomies (ordinal: e.g. ≥F2, ≥F3, ==F4); each gets its AUC. */
  readonly cutoffs: readonly Cutoff[];
}

/** A right-censored time-to-event response with the prediction horizon (risk = P(event by horizon)). */
export interface SurvivalResponse {
  readonly kind: "survival";
  readonly time: Float64Array;
  /** 1 = event, 0 = censored. */
  readonly event: Float64Array;
  /** Prediction horizon, on the time scale of `time` (e.g. 1825 days). */
  readonly horizon: number;
}

/** The response of a study, by kind; index sets (`Int32Array` rows) select from it like from the feature matrix. */
export type Response = BinaryResponse | LevelResponse | SurvivalResponse;

/** A binary response from 0/1 values. */
export function binaryResponse(y: Float64Array): BinaryResponse {
  return { kind: "binary", y };
}

/** Number of rows of a response. */
export function responseLength(response: Response): number {
  switch (response.kind) {
    case "binary":
      return response.y.length;
    case "survival":
      return response.time.length;
    default:
      return response.codes.length;
  }
}

/** The response at `rows` (a copy of the per-row values; levels, cut-offs and horizon shared). O(rows). */
export function responseAt(response: Response, rows: ArrayLike<number>): Response {
  const pick = (v: Float64Array) => Float64Array.from({ length: rows.length }, (_, k) => v[rows[k]!]!);
  switch (response.kind) {
    case "binary":
      return { kind: "binary", y: pick(response.y) };
    case "survival":
      return { kind: "survival", time: pick(response.time), event: pick(response.event), horizon: response.horizon };
    default:
      return { kind: response.kind, codes: pick(response.codes), levels: response.levels, cutoffs: response.cutoffs };
  }
}

/**
 * The count that stratification and "enough information" checks use: events
 * (binary, survival) or cases of the rarest level present (ordinal, nominal).
 */
export function responseEvents(response: Response): number {
  switch (response.kind) {
    case "binary":
      return response.y.reduce((a, b) => a + b, 0);
    case "survival":
      return response.event.reduce((a, b) => a + b, 0);
    default: {
      const counts = new Array<number>(response.levels.length).fill(0);
      for (const c of response.codes) counts[c]!++;
      return Math.min(...counts);
    }
  }
}

/**
 * Checks that analysis rows can be fit: binary → both classes; ordinal and
 * nominal → every level present (a level absent from a training split cannot
 * get a probability); survival → at least one event. Throws `SINGLE_CLASS`,
 * `EMPTY_LEVEL` or `TOO_FEW_EVENTS` naming the split. Returns the events (see {@link responseEvents}).
 */
export function checkAnalysisResponse(response: Response, splitId?: string): number {
  const where = splitId ? { where: { split: splitId } } : {};
  const n = responseLength(response);
  switch (response.kind) {
    case "binary": {
      const events = responseEvents(response);
      if (events === 0 || events === n) {
        throw new RadvalError("SINGLE_CLASS", `the analysis rows have a single outcome class (${events} events in ${n} rows): nothing can be fit`, {
          ...where,
          hint: "Use stratified resampling, fewer folds, or more data; every training set needs events and non-events.",
        });
      }
      return events;
    }
    case "survival": {
      const events = responseEvents(response);
      if (events === 0) {
        throw new RadvalError("TOO_FEW_EVENTS", `the analysis rows have no events (${n} rows, all censored): no survival model can be fit`, {
          ...where,
          hint: "Use stratified resampling (by event), fewer folds, or more data.",
        });
      }
      return events;
    }
    default: {
      const counts = new Array<number>(response.levels.length).fill(0);
      for (const c of response.codes) counts[c]!++;
      const empty = counts.findIndex((c) => c === 0);
      if (empty >= 0) {
        throw new RadvalError("EMPTY_LEVEL", `level "${response.levels[empty]}" has no cases in the analysis rows (${n} rows): its probability cannot be fit`, {
          ...where,
          hint: "Stratified resampling keeps every level in every split; otherwise use fewer folds, merge rare levels, or add data.",
        });
      }
      return Math.min(...counts);
    }
  }
}

/** The stratum of every row for stratified resampling: the binary outcome, the level, or the event indicator. */
export function responseStrata(response: Response): Float64Array {
  switch (response.kind) {
    case "binary":
      return response.y;
    case "survival":
      return response.event;
    default:
      return response.codes;
  }
}
