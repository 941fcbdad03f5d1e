import { RadvalError } from "../core/errors.js";
import { normalTwoSidedP } from "../stats/normal.js";
import { type BootstrapOptions, type ComponentCi, bootstrapVector } from "./bootstrap.js";
import { checkBinaryScores, checkProbabilities } from "./inputs.js";

/** Movement of one outcome class between the old and the new model. */
export interface NriClass {
  readonly n: number;
  /** Cases whose risk (category) went up / down with the new model. */
  readonly up: number;
  readonly down: number;
  /** Events: (up − down)/n; non-events: (down − up)/n. */
  readonly nri: number;
  /** Asymptotic standard error √((up + down)/n² − (up − down)²/n³). */
  readonly se: number;
}

/** Net reclassification improvement. */
export interface Nri {
  readonly type: "continuous" | "categorical";
  /** NRI = NRI_events + NRI_nonevents (Pencina et al. 2008, 2011), in [−2, 2]. */
  readonly nri: number;
  readonly se: number;
  readonly z: number | null;
  readonly p: number | null;
  readonly events: NriClass;
  readonly nonEvents: NriClass;
  /** Category cut-offs (categorical only): categories [0, c₁), [c₁, c₂), …, [c_K, 1]. */
  readonly cutoffs?: readonly number[];
  /** Cross-classification old × new category counts, for events and non-events (categorical only). */
  readonly table?: { readonly events: number[][]; readonly nonEvents: number[][] };
}

/** Integrated discrimination improvement. */
export interface Idi {
  /** IDI = (mean p_new − mean p_old among events) − (same among non-events) = difference of discrimination slopes. */
  readonly idi: number;
  /** √(var(d_events)/n₁ + var(d_nonevents)/n₀), d = p_new − p_old (Hmisc::improveProb). */
  readonly se: number | null;
  readonly z: number | null;
  readonly p: number | null;
  /** Discrimination slope (mean p among events − among non-events) of each model. */
  readonly slopeOld: number;
  readonly slopeNew: number;
  /** Mean increase of p among events ("improvement in sensitivity") and mean decrease among non-events. */
  readonly improvementEvents: number;
  readonly improvementNonEvents: number;
}

function checkPair(truth: ArrayLike<number>, probOld: ArrayLike<number>, probNew: ArrayLike<number>): void {
  checkBinaryScores(truth, probOld, { name: "old model's prob" });
  checkBinaryScores(truth, probNew, { name: "new model's prob" });
  checkProbabilities(probOld, { name: "old model's prob" });
  checkProbabilities(probNew, { name: "new model's prob" });
}

function checkCutoffs(cutoffs: readonly number[]): void {
  if (cutoffs.length === 0) throw new RadvalError("INVALID_OPTION", "categorical NRI needs at least one risk cut-off", { where: { option: "cutoffs" }, hint: "Example: cutoffs [0.1, 0.2]." });
  for (let k = 0; k < cutoffs.length; k++) {
    const c = cutoffs[k]!;
    if (!(c > 0 && c < 1) || (k > 0 && !(c > cutoffs[k - 1]!))) {
      throw new RadvalError("INVALID_OPTION", `risk cut-offs must be increasing and strictly between 0 and 1, got [${cutoffs.join(", ")}]`, { where: { option: "cutoffs" } });
    }
  }
}

/** Risk category of p: the number of cut-offs ≤ p (R: `cut(p, c(-Inf, cutoffs, Inf), right = FALSE)` − 1). */
export function riskCategory(p: number, cutoffs: readonly number[]): number {
  let k = 0;
  while (k < cutoffs.length && p >= cutoffs[k]!) k++;
  return k;
}

function classPart(up: number, down: number, n: number, events: boolean): NriClass {
  const v = (up + down) / (n * n) - ((up - down) * (up - down)) / (n * n * n);
  return { n, up, down, nri: events ? (up - down) / n : (down - up) / n, se: Math.sqrt(Math.max(0, v)) };
}

function assemble(type: "continuous" | "categorical", ev: NriClass, ne: NriClass): Nri {
  const nri = ev.nri + ne.nri;
  const se = Math.sqrt(ev.se * ev.se + ne.se * ne.se);
  const z = se > 0 ? nri / se : null;
  return { type, nri, se, z, p: z === null ? null : normalTwoSidedP(z), events: ev, nonEvents: ne };
}

/** NRI from per-case movements (+1 up, −1 down, 0 same). O(n). */
function nriFromMoves(truth: ArrayLike<number>, move: (i: number) => number, rows?: ArrayLike<number>): { ev: NriClass; ne: NriClass } {
  let upE = 0;
  let downE = 0;
  let upN = 0;
  let downN = 0;
  let nE = 0;
  let nN = 0;
  const m = rows ? rows.length : truth.length;
  for (let r = 0; r < m; r++) {
    const i = rows ? rows[r]! : r;
    const d = move(i);
    if (truth[i] === 1) {
      nE++;
      if (d > 0) upE++;
      else if (d < 0) downE++;
    } else {
      nN++;
      if (d > 0) upN++;
      else if (d < 0) downN++;
    }
  }
  return { ev: classPart(upE, downE, nE, true), ne: classPart(upN, downN, nN, false) };
}

/**
 * Continuous (category-free) NRI (Pencina, D'Agostino & Steyerberg 2011,
 * Stat Med 30:11): among events the proportion whose predicted risk rises
 * with the new model minus the proportion whose risk falls, plus the reverse
 * among non-events; asymptotic SEs as in Hmisc::improveProb. O(n).
 */
export function nriContinuous(truth: ArrayLike<number>, probOld: ArrayLike<number>, probNew: ArrayLike<number>): Nri {
  checkPair(truth, probOld, probNew);
  const { ev, ne } = nriFromMoves(truth, (i) => probNew[i]! - probOld[i]!);
  return assemble("continuous", ev, ne);
}

/**
 * Categorical NRI (Pencina et al. 2008, Stat Med 27:157) over risk
 * categories [0, c₁), [c₁, c₂), …, [c_K, 1]: movement up or down a category
 * with the new model, the same formulas and SEs as the continuous NRI, plus
 * the old × new reclassification tables of events and non-events. O(n).
 */
export function nriCategorical(truth: ArrayLike<number>, probOld: ArrayLike<number>, probNew: ArrayLike<number>, options: { cutoffs: readonly number[] }): Nri {
  checkPair(truth, probOld, probNew);
  const cutoffs = [...options.cutoffs];
  checkCutoffs(cutoffs);
  const K = cutoffs.length + 1;
  const events = Array.from({ length: K }, () => new Array<number>(K).fill(0));
  const nonEvents = Array.from({ length: K }, () => new Array<number>(K).fill(0));
  for (let i = 0; i < truth.length; i++) {
    const a = riskCategory(probOld[i]!, cutoffs);
    const b = riskCategory(probNew[i]!, cutoffs);
    (truth[i] === 1 ? events : nonEvents)[a]![b]!++;
  }
  const { ev, ne } = nriFromMoves(truth, (i) => riskCategory(probNew[i]!, cutoffs) - riskCategory(probOld[i]!, cutoffs));
  return { ...assemble("categorical", ev, ne), cutoffs, table: { events, nonEvents } };
}

/** IDI of rows (with repeats); null when a class has fewer than 2 cases (for the SE) or none (for the estimate). */
function idiOf(truth: ArrayLike<number>, probOld: ArrayLike<number>, probNew: ArrayLike<number>, rows?: ArrayLike<number>): Idi | null {
  const m = rows ? rows.length : truth.length;
  let nE = 0;
  let nN = 0;
  let sumOldE = 0;
  let sumNewE = 0;
  let sumOldN = 0;
  let sumNewN = 0;
  for (let r = 0; r < m; r++) {
    const i = rows ? rows[r]! : r;
    if (truth[i] === 1) {
      nE++;
      sumOldE += probOld[i]!;
      sumNewE += probNew[i]!;
    } else {
      nN++;
      sumOldN += probOld[i]!;
      sumNewN += probNew[i]!;
    }
  }
  if (nE === 0 || nN === 0) return null;
  const dE = (sumNewE - sumOldE) / nE;
  const dN = (sumNewN - sumOldN) / nN;
  let ssE = 0;
  let ssN = 0;
  for (let r = 0; r < m; r++) {
    const i = rows ? rows[r]! : r;
    const d = probNew[i]! - probOld[i]!;
    if (truth[i] === 1) ssE += (d - dE) * (d - dE);
    else ssN += (d - dN) * (d - dN);
  }
  const idi = dE - dN;
  const se = nE > 1 && nN > 1 ? Math.sqrt(ssE / (nE - 1) / nE + ssN / (nN - 1) / nN) : null;
  const z = se !== null && se > 0 ? idi / se : null;
  return {
    idi,
    se,
    z,
    p: z === null ? null : normalTwoSidedP(z),
    slopeOld: sumOldE / nE - sumOldN / nN,
    slopeNew: sumNewE / nE - sumNewN / nN,
    improvementEvents: dE,
    improvementNonEvents: -dN,
  };
}

/**
 * Integrated discrimination improvement (Pencina et al. 2008): the change in
 * discrimination slope, (mean p_new − mean p_old among events) − (the same
 * among non-events), with Hmisc::improveProb's SE √(var(d_E)/n₁ + var(d_N)/n₀). O(n).
 */
export function idi(truth: ArrayLike<number>, probOld: ArrayLike<number>, probNew: ArrayLike<number>): Idi {
  checkPair(truth, probOld, probNew);
  return idiOf(truth, probOld, probNew)!;
}

/** Options of {@link reclassification}. */
export interface ReclassificationOptions {
  /** Risk cut-offs for the categorical NRI (omitted: no categorical NRI). */
  readonly cutoffs?: readonly number[];
  /** Bootstrap options (rng or indices) for percentile CIs of every index; omitted: no bootstrap. */
  readonly bootstrap?: BootstrapOptions;
}

/** Reclassification of a new model against an old one. */
export interface Reclassification {
  readonly continuousNri: Nri;
  readonly categoricalNri: Nri | null;
  readonly idi: Idi;
  /** Stratified percentile bootstrap CIs (when requested). */
  readonly bootstrap: {
    readonly continuousNri: ComponentCi;
    readonly categoricalNri: ComponentCi | null;
    readonly idi: ComponentCi;
  } | null;
}

/**
 * Continuous NRI, categorical NRI (with `cutoffs`) and IDI of a new model
 * against an old one on the same cases, with asymptotic SEs and, when
 * `bootstrap` options are given, stratified percentile bootstrap CIs from
 * the same resamples for all three. O(n) + O(B·n).
 */
export function reclassification(truth: ArrayLike<number>, probOld: ArrayLike<number>, probNew: ArrayLike<number>, options: ReclassificationOptions = {}): Reclassification {
  checkPair(truth, probOld, probNew);
  const cutoffs = options.cutoffs ? [...options.cutoffs] : null;
  if (cutoffs) checkCutoffs(cutoffs);
  const continuousNri = nriContinuous(truth, probOld, probNew);
  const categoricalNri = cutoffs ? nriCategorical(truth, probOld, probNew, { cutoffs }) : null;
  const idiResult = idi(truth, probOld, probNew);
  let bootstrap: Reclassification["bootstrap"] = null;
  if (options.bootstrap) {
    const cis = bootstrapVector(
      truth,
      (rows) => {
        const c = nriFromMoves(truth, (i) => probNew[i]! - probOld[i]!, rows);
        const k = cutoffs ? nriFromMoves(truth, (i) => riskCategory(probNew[i]!, cutoffs) - riskCategory(probOld[i]!, cutoffs), rows) : null;
        const d = idiOf(truth, probOld, probNew, rows);
        return [c.ev.nri + c.ne.nri, k ? k.ev.nri + k.ne.nri : NaN, d ? d.idi : NaN];
      },
      3,
      options.bootstrap,
    );
    bootstrap = { continuousNri: cis[0]!, categoricalNri: cutoffs ? cis[1]! : null, idi: cis[2]! };
  }
  return { continuousNri, categoricalNri, idi: idiResult, bootstrap };
}
