import type { Dataset } from "../../core/dataset.js";
import { RadvalError, isRadvalError } from "../../core/errors.js";
import { type Response, binaryResponse } from "../../core/response.js";
import { parseCutoffs, cutoffIndicator } from "../../ordinal/cutoffs.js";
import { codeOrdinalOutcome } from "../../ordinal/levels.js";
import { medianFollowUp } from "../../survival/kaplanMeier.js";
import { checkHorizon, checkSurvival } from "../../survival/validate.js";
import type { StudyConfig } from "../config.js";
import { outcomeSpec } from "../outcomeSpec.js";

/** The study's response and what the report says about it. */
export interface StudyResponse {
  readonly response: Response;
  /** 0/1 per row: the event (binary, survival) or, for levels, the first cut-off's case side — what cohort tables count as "events". */
  readonly eventIndicator: Float64Array;
  /** Median follow-up by reverse Kaplan–Meier on the development rows (survival), else null. */
  readonly medianFollowUp: number | null;
}

function withKey<T>(key: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (isRadvalError(e) && e.where.key === undefined) throw new RadvalError(e.code, e.detail, { where: { ...e.where, key }, ...(e.hint ? { hint: e.hint } : {}) });
    throw e;
  }
}

/**
 * Builds the study's {@link Response} from the config's outcome and the
 * dataset's outcome columns: the one place a study dispatches on the outcome
 * kind. Ordinal/nominal labels are coded in the configured (or natural)
 * order and every level must have cases among the development rows; the
 * cut-offs are parsed (default ≥ each level but the first) and each must
 * split the development rows; survival times must be finite and ≥ 0, events
 * 0/1 with at least one, and the horizon within the development follow-up.
 * Errors name the config key, and the file line of a bad row.
 */
export function studyResponse(config: StudyConfig, data: Dataset, devRows: Int32Array): StudyResponse {
  const spec = outcomeSpec(config);
  const line = (k: number) => ({ file: data.source, ...(data.lineOfRow ? { line: data.lineOfRow[k]! } : {}), row: k + 1 });
  switch (spec.kind) {
    case "binary": {
      if (!data.outcome) throw new RadvalError("MISSING_ROLE", "the study has no outcome", { where: { key: "data.outcome" } });
      return { response: binaryResponse(data.outcome.values), eventIndicator: data.outcome.values, medianFollowUp: null };
    }
    case "survival": {
      if (!data.time || !data.event) throw new RadvalError("MISSING_ROLE", "the survival outcome needs time and event columns", { where: { key: "data.outcome" } });
      const time = data.time.values;
      const raw = data.event.values;
      const event = spec.eventValue === undefined ? raw : Float64Array.from(raw, (v) => (Number.isNaN(v) ? v : v === spec.eventValue ? 1 : 0));
      for (let k = 0; k < time.length; k++) {
        const t = time[k]!;
        if (!Number.isFinite(t) || t < 0) {
          throw new RadvalError(Number.isFinite(t) ? "INVALID_ARGUMENT" : "NON_FINITE", `${Number.isFinite(t) ? "negative" : "missing"} follow-up time (${String(t)})`, {
            where: { ...line(k), column: data.time.name, key: "data.outcome.time" },
            hint: "Every patient needs a follow-up time ≥ 0 (origin to event or censoring); fill it in or remove the row.",
          });
        }
        const e = event[k]!;
        if (e !== 0 && e !== 1) {
          throw new RadvalError("INVALID_ARGUMENT", `event indicator ${String(e)} is not 0 or 1`, {
            where: { ...line(k), column: data.event.name, key: "data.outcome.event" },
            hint: "Code the event (recurrence, death) as 1 and censoring as 0, or name the event's value with outcome.eventValue (e.g. 2).",
          });
        }
      }
      const devTime = Float64Array.from(devRows, (r) => time[r]!);
      const devEvent = Float64Array.from(devRows, (r) => event[r]!);
      withKey("data.outcome.event", () => checkSurvival(devTime, devEvent, { file: data.source, column: data.event!.name }));
      withKey("data.outcome.horizon", () => checkHorizon(spec.horizon, devTime, { file: data.source }));
      return {
        response: { kind: "survival", time, event, horizon: spec.horizon },
        eventIndicator: event,
        medianFollowUp: medianFollowUp(devTime, devEvent),
      };
    }
    default: {
      const role = data.levelOutcome;
      if (!role) throw new RadvalError("MISSING_ROLE", "the study has no outcome column", { where: { key: "data.outcome.column" } });
      const given = spec.levels ?? (spec.kind === "nominal" ? [...new Set(role.values.filter((v) => v !== ""))].sort() : undefined);
      const coded = withKey("data.outcome", () =>
        codeOrdinalOutcome(role.values, { ...(given ? { levels: given } : {}), requireAllLevels: false, where: { file: data.source, column: role.name }, locate: (k) => ({ ...line(k), column: role.name }) }),
      );
      const devCounts = new Array<number>(coded.levels.length).fill(0);
      for (const r of devRows) devCounts[coded.codes[r]!]!++;
      const empty = coded.levels.filter((_, i) => devCounts[i] === 0);
      if (empty.length) {
        throw new RadvalError("EMPTY_LEVEL", `level${empty.length > 1 ? "s" : ""} ${empty.map((l) => `"${l}"`).join(", ")} of ${role.name} ha${empty.length > 1 ? "ve" : "s"} no cases among the development rows`, {
          where: { file: data.source, column: role.name, key: "data.outcome.levels" },
          hint: "Every level needs development cases: merge it with its neighbour (e.g. F0 and F1 as F0-1) or drop it from outcome.levels.",
        });
      }
      const codes = Float64Array.from(coded.codes);
      const cutoffs = spec.kind === "ordinal" ? withKey("data.outcome.cutoffs", () => parseCutoffs(spec.cutoffs, coded.levels)) : [];
      const devCodes = Float64Array.from(devRows, (r) => codes[r]!);
      for (const c of cutoffs) withKey("data.outcome.cutoffs", () => cutoffIndicator(devCodes, c));
      const eventIndicator = cutoffs[0] ? cutoffIndicator(codes, cutoffs[0], false) : Float64Array.from(codes, (c) => (c === coded.levels.length - 1 ? 1 : 0));
      return { response: { kind: spec.kind, codes, levels: coded.levels, cutoffs }, eventIndicator, medianFollowUp: null };
    }
  }
}
