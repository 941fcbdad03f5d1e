import { aucMannWhitney } from "../../metrics/auc.js";

/**
 * Word stems that, anywhere in a word of a column name, suggest information
 * recorded after baseline or derived from the outcome: follow-up, response
 * assessment (RECIST, mRECIST, EASL), recurrence, progression, death,
 * censoring, survival, intervals.
 */
export const LEAK_STEMS: readonly string[] = [
  "followup", "follow", "recist", "easl", "respon", "recurr", "relaps", "progress", "death", "dead", "died", "alive",
  "deceas", "mortal", "censor", "surviv", "interval", "outcome", "posttreat", "postop",
];

/** Whole words (abbreviations) with the same meaning: FU = follow-up, TTP = time to progression, OS, PFS, DFS, … */
export const LEAK_WORDS: readonly string[] = ["fu", "ttp", "ttr", "tte", "ttf", "os", "pfs", "dfs", "efs", "rfs", "dss", "time", "event", "post", "vital"];

/** Univariate AUC (either direction) at or above which a single predictor is suspected of leaking the outcome. */
export const LEAK_AUC_CUT = 0.8;
/** |Spearman ρ| with the outcome at or above which a single predictor is suspected. */
export const LEAK_RHO_CUT = 0.8;

/** One candidate predictor the leak screen suspects. */
export interface LeakSuspect {
  readonly feature: string;
  /** The words of the name that suggest post-baseline or outcome-derived information (e.g. ["mRECIST", "FU"]); empty when flagged by association only. */
  readonly nameParts: readonly string[];
  /** max(AUC, 1 − AUC) of the feature alone for the outcome; null when not computable. */
  readonly auc: number | null;
  /** Spearman ρ of the feature with the 0/1 outcome; null when not computable. */
  readonly rho: number | null;
  /** The feature alone separates the outcome perfectly (AUC 1 either way). */
  readonly separates: boolean;
  /** One line: why it is suspected. */
  readonly reason: string;
}

/**
 * The words of a column name: split at non-alphanumerics, lower→upper case
 * changes and letter↔digit changes ("Death_1_StillAliveorLostToFU_0" →
 * Death, 1, Still, Aliveor, Lost, To, FU, 0).
 */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/([A-Za-z])([0-9])/g, "$1 $2")
    .replace(/([0-9])([A-Za-z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== "");
}

/**
 * The words of `name` that suggest post-baseline or outcome-derived
 * information ({@link LEAK_STEMS} inside a word, {@link LEAK_WORDS} as a whole
 * word), matched case-insensitively by word parts, not whole names. PyRadiomics
 * feature names never match. O(|name|).
 */
export function leakNameParts(name: string): string[] {
  if (isImageFeatureName(name)) return [];
  const hits: string[] = [];
  for (const word of nameWords(name)) {
    const w = word.toLowerCase();
    if (LEAK_WORDS.includes(w) || LEAK_STEMS.some((s) => w.includes(s))) hits.push(word);
  }
  return hits;
}

/** PyRadiomics image-filter prefixes and feature classes. */
const IMAGE_PREFIX = /^(original|wavelet|log[-_]sigma|lbp|square|squareroot|logarithm|exponential|gradient|diagnostics)([-_]|$)/i;
const IMAGE_CLASS = /(^|[-_])(firstorder|shape|shape2D|glcm|glrlm|glszm|gldm|ngtdm)([-_]|$)/i;

/** True for names of image (radiomics) features: PyRadiomics' `<filter>_<class>_<feature>` and `diagnostics_*`. */
export function isImageFeatureName(name: string): boolean {
  return IMAGE_PREFIX.test(name) || IMAGE_CLASS.test(name);
}

/** Average ranks (1-based), ties sharing their mean rank. */
function ranks(x: ArrayLike<number>): Float64Array {
  const order = Array.from({ length: x.length }, (_, i) => i).sort((a, b) => x[a]! - x[b]!);
  const out = new Float64Array(x.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && x[order[j + 1]!] === x[order[i]!]) j++;
    for (let k = i; k <= j; k++) out[order[k]!] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return out;
}

/** Spearman's ρ (Pearson correlation of average ranks); null when either variable is constant. */
export function spearmanRho(x: ArrayLike<number>, y: ArrayLike<number>): number | null {
  const rx = ranks(x);
  const ry = ranks(y);
  const n = rx.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += rx[i]!;
    my += ry[i]!;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (rx[i]! - mx) * (ry[i]! - my);
    sxx += (rx[i]! - mx) ** 2;
    syy += (ry[i]! - my) ** 2;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : null;
}

/** Options of {@link screenLeaks}. */
export interface LeakScreenOptions {
  /** Default {@link LEAK_AUC_CUT}. */
  readonly aucCut?: number;
  /** Default {@link LEAK_RHO_CUT}. */
  readonly rhoCut?: number;
}

/**
 * Leak screen of candidate predictors for a binary outcome `y` (0/1, NaN =
 * missing): a predictor is suspected when its name has words suggesting
 * post-baseline or outcome-derived information ({@link leakNameParts}), or
 * when it alone has AUC ≥ 0.8 (either direction, Mann–Whitney, rows where
 * both are present) or |Spearman ρ| ≥ 0.8 with the outcome — a predictor
 * that good on its own is usually the outcome restated, or measured after
 * it. A flag is a prompt to check, not proof (a strong baseline biomarker
 * can pass 0.8). O(p · n log n).
 */
export function screenLeaks(features: ReadonlyArray<{ readonly name: string; readonly values: ArrayLike<number> }>, y: ArrayLike<number>, options: LeakScreenOptions = {}): LeakSuspect[] {
  const aucCut = options.aucCut ?? LEAK_AUC_CUT;
  const rhoCut = options.rhoCut ?? LEAK_RHO_CUT;
  const out: LeakSuspect[] = [];
  for (const f of features) {
    const xs: number[] = [];
    const ys: number[] = [];
    for (let i = 0; i < y.length; i++) {
      const v = f.values[i]!;
      if (Number.isFinite(v) && Number.isFinite(y[i]!)) {
        xs.push(v);
        ys.push(y[i]!);
      }
    }
    let events = 0;
    for (const v of ys) events += v;
    const both = events > 0 && events < ys.length;
    const raw = both ? aucMannWhitney(ys, xs) : null;
    const auc = raw === null ? null : Math.max(raw, 1 - raw);
    const rho = both ? spearmanRho(xs, ys) : null;
    const nameParts = leakNameParts(f.name);
    const strong = (auc !== null && auc >= aucCut) || (rho !== null && Math.abs(rho) >= rhoCut);
    if (nameParts.length === 0 && !strong) continue;
    const reasons: string[] = [];
    if (nameParts.length) reasons.push(`name suggests post-baseline or outcome-derived information (${nameParts.join(", ")})`);
    if (auc !== null && auc >= 1) reasons.push("separates the outcome perfectly on its own (AUC 1)");
    else if (strong) reasons.push(`alone has AUC ${auc === null ? "—" : auc.toFixed(3)}${rho !== null ? `, ρ ${rho.toFixed(2)}` : ""} for the outcome (≥ ${aucCut}: a restated or later-measured outcome?)`);
    out.push({ feature: f.name, nameParts, auc, rho, separates: auc !== null && auc >= 1, reason: reasons.join("; ") });
  }
  return out;
}
