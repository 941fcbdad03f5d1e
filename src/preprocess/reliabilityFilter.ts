import { previewList } from "../core/dataset.js";
import { RadvalError } from "../core/errors.js";
import { gatherColumns } from "../core/matrix.js";
import { type ReliabilityBand, reliabilityBand } from "../reliability/bands.js";
import { type CccFeatureResult, cccTable } from "../reliability/ccc.js";
import { type IccResult, iccTable } from "../reliability/icc.js";
import { ICC_FORMS, type IccFormName, parseIccForm } from "../reliability/iccForms.js";
import type { LongTable } from "../table/longTable.js";
import type { FeatureFrame, FittedStep, StepFitContext, StepLog, StepSpec } from "./types.js";

/** The statistic a reliability filter judges by: one of the six ICC forms, or Lin's CCC. */
export type ReliabilityStatistic = IccFormName | "CCC";

/** One feature's reliability: the estimate and its interval (null with a reason when undefined). */
export interface ReliabilityValue {
  readonly estimate: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly reason?: string;
}

/** What a feature without a row in the reliability table gets. */
export type UnmeasuredPolicy = "keep" | "drop" | "error";

/** Spec of the reliability filter: frozen plain data carrying its own precomputed reliability table. */
export interface ReliabilityFilterSpec extends StepSpec {
  readonly type: "reliabilityFilter";
  readonly statistic: ReliabilityStatistic;
  /** Judge by the lower confidence bound instead of the point estimate. */
  readonly useLowerBound: boolean;
  /** Keep a feature when its value is ≥ cut. */
  readonly cut: number;
  readonly unmeasured: UnmeasuredPolicy;
  /** Reliability per feature name (computed on the test-retest table, never on analysis rows). */
  readonly table: Readonly<Record<string, ReliabilityValue>>;
  /** Where the table came from (file), for the report. */
  readonly source?: string;
  /** Size of the test-retest table it was computed from (cases, and raters/repeats used), when known. */
  readonly nCases?: number;
  readonly nRaters?: number;
}

/** Options of {@link reliabilityFilterStep}: where the reliability comes from and how to judge it. */
export interface ReliabilityFilterOptions {
  /** A long test-retest / multi-reader table: the ICC (or CCC) is computed from it once, here. */
  readonly long?: LongTable;
  /** Or: an ICC result already computed (iccTable). */
  readonly icc?: IccResult;
  /** Or: CCC results already computed (cccTable). */
  readonly ccc?: readonly CccFeatureResult[];
  /** Or: a plain table feature → value. */
  readonly table?: Readonly<Record<string, ReliabilityValue>>;
  /** Default "ICC2" = ICC(A,1); McGraw–Wong names ("ICC(A,1)") are accepted too; "CCC" for Lin's CCC. */
  readonly statistic?: ReliabilityStatistic | string;
  /** Default false (judge by the point estimate). */
  readonly useLowerBound?: boolean;
  /** Default 0.75 (Koo & Li's lower limit of "good"). */
  readonly cut?: number;
  /** Default "error". */
  readonly unmeasured?: UnmeasuredPolicy;
  /** Interval level 1 − alpha when computing from `long` (default 0.05). */
  readonly alpha?: number;
  /** The two repeats for the CCC when computing from `long` (default: the first two). */
  readonly raters?: readonly [string, string];
}

function parseStatistic(text: string): ReliabilityStatistic {
  if (text.trim().toUpperCase() === "CCC") return "CCC";
  const form = parseIccForm(text);
  if (!form) {
    throw new RadvalError("INVALID_OPTION", `unknown reliability statistic "${text}"`, {
      where: { option: "--statistic" },
      hint: `Use one of ${ICC_FORMS.join(", ")} (or McGraw–Wong names such as "ICC(A,1)"), or CCC.`,
    });
  }
  return form;
}

/**
 * Builds a reliability filter spec (Koo & Li 2016 cut 0.75 on ICC(A,1) by
 * default). The reliability table is computed here, once, from the long
 * test-retest table (or taken from a given ICC/CCC result or plain table),
 * and stored in the spec as plain data: fitting the step never looks at the
 * analysis rows' values, so it is leakage-free by construction.
 * Errors: `INVALID_OPTION` (statistic, cut), `INVALID_ARGUMENT` (no or more
 * than one source, or an ICC result for the CCC statistic).
 */
export function reliabilityFilterStep(options: ReliabilityFilterOptions): ReliabilityFilterSpec {
  const statistic = parseStatistic(options.statistic ?? "ICC2");
  const cut = options.cut ?? 0.75;
  if (!(typeof cut === "number" && Number.isFinite(cut) && cut >= -1 && cut <= 1)) {
    throw new RadvalError("INVALID_OPTION", `the reliability cut must be a number in [-1, 1], got ${String(cut)}`, { where: { option: "--cut" }, hint: "Koo & Li: 0.5 moderate, 0.75 good, 0.9 excellent." });
  }
  const unmeasured = options.unmeasured ?? "error";
  if (!["keep", "drop", "error"].includes(unmeasured)) {
    throw new RadvalError("INVALID_OPTION", `unmeasured must be keep, drop or error, got "${String(unmeasured)}"`);
  }
  const sources = [options.long, options.icc, options.ccc, options.table].filter((s) => s !== undefined).length;
  if (sources !== 1) {
    throw new RadvalError("INVALID_ARGUMENT", `give exactly one reliability source (long, icc, ccc or table), got ${sources}`, {
      hint: "Pass the long test-retest table as { long: readLongTable(...) }.",
    });
  }
  const table: Record<string, ReliabilityValue> = {};
  let source: string | undefined;
  const fromCcc = (results: readonly CccFeatureResult[]) => {
    for (const r of results) table[r.feature] = Object.freeze({ estimate: r.ccc, lower: r.lower, upper: r.upper, ...(r.reason ? { reason: r.reason } : {}) });
  };
  const fromIcc = (result: IccResult) => {
    if (statistic === "CCC") throw new RadvalError("INVALID_ARGUMENT", "the statistic is CCC but an ICC result was given", { hint: "Pass ccc: cccTable(long) or the long table itself." });
    source = result.source;
    for (const f of result.features) {
      const form = f.forms[statistic];
      table[f.feature] = Object.freeze({ estimate: form.icc, lower: form.lower, upper: form.upper, ...(form.reason ? { reason: form.reason } : {}) });
    }
  };
  if (options.long) {
    source = options.long.source;
    const alpha = options.alpha !== undefined ? { alpha: options.alpha } : {};
    if (statistic === "CCC") fromCcc(cccTable(options.long, { ...alpha, ...(options.raters ? { raters: options.raters } : {}) }));
    else fromIcc(iccTable(options.long, alpha));
  } else if (options.icc) {
    fromIcc(options.icc);
  } else if (options.ccc) {
    if (statistic !== "CCC") throw new RadvalError("INVALID_ARGUMENT", `the statistic is ${statistic} but CCC results were given`, { hint: 'Set statistic: "CCC".' });
    fromCcc(options.ccc);
  } else {
    for (const [name, v] of Object.entries(options.table!)) table[name] = Object.freeze({ ...v });
  }
  return Object.freeze({
    type: "reliabilityFilter",
    statistic,
    useLowerBound: options.useLowerBound ?? false,
    cut,
    unmeasured,
    table: Object.freeze(table),
    ...(source !== undefined ? { source } : {}),
    ...(options.long ? { nCases: options.long.cases.length, nRaters: statistic === "CCC" ? 2 : options.long.raters.length } : {}),
  });
}

/** The filter's verdict on one feature, for the report. */
export interface ReliabilityDecision {
  readonly feature: string;
  readonly kept: boolean;
  /** The value judged (estimate or lower bound); null when undefined or unmeasured. */
  readonly value: number | null;
  readonly estimate: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  /** Koo & Li band of the judged value. */
  readonly band: ReliabilityBand | null;
  /** Why: "≥ cut", "< cut", undefined statistic, or not in the reliability table. */
  readonly reason: string;
}

/** A fitted reliability filter: which features it keeps and drops, and why. */
export interface FittedReliabilityFilter extends FittedStep {
  readonly type: "reliabilityFilter";
  readonly spec: ReliabilityFilterSpec;
  readonly kept: readonly ReliabilityDecision[];
  readonly dropped: readonly ReliabilityDecision[];
}

/**
 * Fits the reliability filter: keeps the features of `frame` whose judged
 * statistic (estimate, or lower bound with `useLowerBound`) is ≥ `cut`.
 * Only the feature names of `frame` are used — never its values — so the same
 * decision comes out in every resample. A feature whose statistic is
 * undefined (null) is dropped with the reason. A feature missing from the
 * table follows `unmeasured` (`UNMEASURED_FEATURE` error by default).
 * O(p).
 */
export function fitReliabilityFilter(spec: ReliabilityFilterSpec, frame: FeatureFrame, _context?: StepFitContext): FittedReliabilityFilter {
  const label = `${spec.useLowerBound ? "lower bound of " : ""}${spec.statistic}`;
  const unmeasuredNames = frame.names.filter((name) => !Object.hasOwn(spec.table, name));
  if (unmeasuredNames.length > 0 && spec.unmeasured === "error") {
    throw new RadvalError(
      "UNMEASURED_FEATURE",
      `${unmeasuredNames.length} feature${unmeasuredNames.length === 1 ? " is" : "s are"} not in the reliability table (${previewList(unmeasuredNames, 5)})`,
      {
        where: { feature: unmeasuredNames[0]!, ...(spec.source !== undefined ? { file: spec.source } : {}) },
        hint: 'Measure them in the test-retest table, or choose what happens to them: reliability.unassessed: keep (they enter unassessed; e.g. clinical variables) or drop.',
      },
    );
  }
  const decisions = frame.names.map((feature): ReliabilityDecision => {
    const entry = spec.table[feature];
    if (!entry) {
      const kept = spec.unmeasured === "keep";
      return { feature, kept, value: null, estimate: null, lower: null, upper: null, band: null, reason: `not in the reliability table (${kept ? "kept" : "dropped"})` };
    }
    const value = spec.useLowerBound ? entry.lower : entry.estimate;
    const base = { feature, value, estimate: entry.estimate, lower: entry.lower, upper: entry.upper, band: reliabilityBand(value) };
    if (value === null) return { ...base, kept: false, reason: `${label} undefined${entry.reason ? `: ${entry.reason}` : ""}` };
    return value >= spec.cut ? { ...base, kept: true, reason: `${label} ≥ ${spec.cut}` } : { ...base, kept: false, reason: `${label} < ${spec.cut}` };
  });
  const kept = Object.freeze(decisions.filter((d) => d.kept).map((d) => Object.freeze(d)));
  const dropped = Object.freeze(decisions.filter((d) => !d.kept).map((d) => Object.freeze(d)));
  const outputNames = Object.freeze(kept.map((d) => d.feature));
  const inputNames = Object.freeze([...frame.names]);
  const warnings =
    kept.length === 0 && frame.names.length > 0
      ? [{ code: "NO_FEATURES_KEPT", message: `no feature reaches ${label} ≥ ${spec.cut}: the reliability filter keeps none` }]
      : [];
  const log: StepLog = Object.freeze({
    type: "reliabilityFilter",
    inputFeatures: inputNames.length,
    outputFeatures: outputNames.length,
    details: Object.freeze({ statistic: spec.statistic, useLowerBound: spec.useLowerBound, cut: spec.cut, source: spec.source ?? null, kept, dropped }),
  });
  return Object.freeze({
    type: "reliabilityFilter" as const,
    spec,
    kept,
    dropped,
    inputNames,
    outputNames,
    warnings: Object.freeze(warnings),
    toJSON: () => ({ type: "select" as const, step: "reliabilityFilter", keep: [...outputNames] }),
    transform(input: FeatureFrame): FeatureFrame {
      const index = new Map(input.names.map((name, j) => [name, j]));
      const cols = outputNames.map((name) => {
        const j = index.get(name);
        if (j === undefined) {
          throw new RadvalError("UNKNOWN_COLUMN", `the reliability filter was fitted with feature "${name}", which is not in the data to transform`, {
            where: { feature: name },
            hint: "Transform data with the same feature columns the step was fitted on.",
          });
        }
        return j;
      });
      return Object.freeze({ names: outputNames, x: gatherColumns(input.x, cols) });
    },
    describe: () => log,
  });
}
