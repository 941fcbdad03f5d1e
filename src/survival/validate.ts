import { RadvalError, type ErrorLocation } from "../core/errors.js";

/** Right-censored survival data: follow-up time and event indicator (1 = event, 0 = censored) per subject. */
export interface SurvivalData {
  readonly time: Float64Array;
  readonly event: Uint8Array;
}

/**
 * Checks right-censored survival data: every time finite and ≥ 0, every event 0 or 1, at least one event.
 * Throws RadvalError (NON_FINITE, INVALID_ARGUMENT, TOO_FEW_EVENTS) naming the row (1-based) and `where`.
 */
export function checkSurvival(time: ArrayLike<number>, event: ArrayLike<number>, where: ErrorLocation = {}): SurvivalData {
  const n = time.length;
  if (event.length !== n) throw new RadvalError("DIMENSION_MISMATCH", `time has ${n} values but event has ${event.length}`, { where });
  if (n === 0) throw new RadvalError("NO_DATA_ROWS", "no subjects", { where });
  const t = new Float64Array(n);
  const e = new Uint8Array(n);
  let events = 0;
  for (let i = 0; i < n; i++) {
    const ti = time[i]!;
    if (!Number.isFinite(ti)) {
      throw new RadvalError("NON_FINITE", `missing or non-finite follow-up time (${ti})`, { where: { ...where, row: i + 1 }, hint: "Every subject needs a follow-up time; drop rows without one." });
    }
    if (ti < 0) {
      throw new RadvalError("INVALID_ARGUMENT", `negative follow-up time ${ti}`, { where: { ...where, row: i + 1 }, hint: "Follow-up times must be ≥ 0 (time from origin to event or censoring)." });
    }
    const ei = event[i]!;
    if (ei !== 0 && ei !== 1) {
      throw new RadvalError("INVALID_ARGUMENT", `event indicator ${ei} is not 0 or 1`, { where: { ...where, row: i + 1 }, hint: "Code the event as 1 and censoring as 0." });
    }
    t[i] = ti;
    e[i] = ei;
    events += ei;
  }
  if (events === 0) {
    throw new RadvalError("TOO_FEW_EVENTS", "no events: every subject is censored", { where, hint: "Time-to-event models and metrics need at least one event." });
  }
  return { time: t, event: e };
}

/** Checks that a prediction horizon lies within follow-up: 0 < horizon ≤ the last observed time. */
export function checkHorizon(horizon: number, time: ArrayLike<number>, where: ErrorLocation = {}): void {
  let last = -Infinity;
  for (let i = 0; i < time.length; i++) last = Math.max(last, time[i]!);
  if (!(horizon > 0) || !Number.isFinite(horizon)) {
    throw new RadvalError("INVALID_ARGUMENT", `the horizon must be a positive number, got ${horizon}`, { where: { ...where, option: where.option ?? "--horizon" } });
  }
  if (horizon > last) {
    throw new RadvalError("INVALID_ARGUMENT", `the horizon ${horizon} is beyond the last follow-up time ${last}`, {
      where: { ...where, option: where.option ?? "--horizon" },
      hint: "Choose a horizon within follow-up (e.g. below the median follow-up); nothing can be estimated after the last observed time.",
    });
  }
}

/** Indices 0..n−1 sorted by time ascending (ties: events before censorings, then by index). */
export function orderByTime(time: ArrayLike<number>, event: ArrayLike<number>): Int32Array {
  const idx = Int32Array.from({ length: time.length }, (_, i) => i);
  idx.sort((a, b) => time[a]! - time[b]! || event[b]! - event[a]! || a - b);
  return idx;
}
