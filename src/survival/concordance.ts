import { checkSurvival } from "./validate.js";

/** Time weights of survival::concordance: "n" (Harrell's C) or "n/G2" (Uno's C, 1/G(t−)² with G the censoring KM). */
export type ConcordanceTimeWeight = "n" | "n/G2";

/** Concordance with its infinitesimal-jackknife standard error and the pair counts (risk orientation). */
export interface ConcordanceResult {
  /** C: P(higher risk score ↔ earlier event) among comparable pairs, ties in the score counting 1/2. */
  readonly c: number;
  /** Infinitesimal-jackknife standard error (survival::concordance's `sqrt(var)`). */
  readonly se: number;
  readonly variance: number;
  /** Weighted pair counts, as survival::concordance(..., reverse = TRUE)$count. */
  readonly counts: { concordant: number; discordant: number; tiedX: number; tiedY: number; tiedXY: number };
  readonly timeWeight: ConcordanceTimeWeight;
}

/** Fenwick (binary indexed) tree of weight sums over 0..m−1. */
class Fenwick {
  readonly t: Float64Array;
  readonly point: Float64Array;
  total = 0;
  constructor(readonly m: number) {
    this.t = new Float64Array(m + 1);
    this.point = new Float64Array(m);
  }
  add(k: number, w: number): void {
    this.point[k]! += w;
    this.total += w;
    for (let i = k + 1; i <= this.m; i += i & -i) this.t[i]! += w;
  }
  /** Sum of weights with rank < k. */
  below(k: number): number {
    let s = 0;
    for (let i = k; i > 0; i -= i & -i) s += this.t[i]!;
    return s;
  }
}

/**
 * Harrell's (timewt "n") or Uno's (timewt "n/G2") concordance of a risk score with right-censored survival, exactly
 * as survival::concordance(Surv(time, event) ~ risk, reverse = TRUE, timewt = …) in survival 3.x: a pair is
 * comparable when the shorter time is an event (a censoring tied with an event time counts as longer; tied event
 * times are not compared), ties in the score count 1/2, each event time's pairs are weighted by 1 (n) or 1/G(t−)²
 * (G = KM of the censoring distribution, censorings at an event time after the events), and the variance is the
 * infinitesimal jackknife (sum of squared dfbeta of Somers' d, divided by 4). With fewer than 2 events the weight
 * falls back to "n", as survival does. O(n log n) with Fenwick trees over the score ranks.
 * Reference: Therneau & Atkinson, "Concordance" vignette of the survival package; Uno et al. (2011) Stat Med 30:1105.
 */
export function concordance(
  time: ArrayLike<number>,
  event: ArrayLike<number>,
  risk: ArrayLike<number>,
  options: { timeWeight?: ConcordanceTimeWeight } = {},
): ConcordanceResult {
  const { time: t, event: d } = checkSurvival(time, event);
  const n = t.length;
  if (risk.length !== n) throw new Error(`risk has ${risk.length} values, time has ${n}`);
  let timeWeight = options.timeWeight ?? "n";
  let nEvents = 0;
  for (let i = 0; i < n; i++) nEvents += d[i]!;
  if (nEvents < 2) timeWeight = "n";
  // ranks of the score
  const byX = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => risk[a]! - risk[b]!);
  const rank = new Int32Array(n);
  let m = 0;
  for (let k = 0; k < n; k++) {
    if (k > 0 && risk[byX[k]!]! !== risk[byX[k - 1]!]!) m++;
    rank[byX[k]!] = m;
  }
  m++;
  // descending time; censored before events at a tied time
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => t[b]! - t[a]! || d[a]! - d[b]! || a - b);
  const wAt = timeWeight === "n" ? null : unoWeights(t, d, order);
  const all = new Fenwick(m);
  const deaths = new Fenwick(m);
  // influence: raw (survival's reverse = FALSE) concordant / discordant / tied.x per subject
  const ic = new Float64Array(n);
  const id = new Float64Array(n);
  const itx = new Float64Array(n);
  let conc = 0, disc = 0, tx = 0, ty = 0, txy = 0;
  let eventTimeIndex = 0;
  for (let a = 0; a < n; ) {
    const i0 = order[a]!;
    if (d[i0] === 0) {
      const r = rank[i0]!;
      const dl = deaths.below(r), de = deaths.point[r]!, dg = deaths.total - dl - de;
      ic[i0]! -= dl;
      id[i0]! -= dg;
      itx[i0]! -= de;
      all.add(r, 1);
      a++;
      continue;
    }
    let b = a;
    while (b < n && d[order[b]!] === 1 && t[order[b]!] === t[i0]) b++;
    const tw = wAt ? wAt[wAt.length - 1 - eventTimeIndex]! : 1;
    eventTimeIndex++;
    const nd = b - a;
    ty += (tw * nd * (nd - 1)) / 2;
    // tied on x and y among the tied deaths
    const seen = new Map<number, number>();
    for (let k = a; k < b; k++) {
      const r = rank[order[k]!]!;
      seen.set(r, (seen.get(r) ?? 0) + 1);
    }
    for (const c of seen.values()) txy += (tw * c * (c - 1)) / 2;
    for (let k = a; k < b; k++) {
      const i = order[k]!;
      const r = rank[i]!;
      const below = all.below(r), eq = all.point[r]!, above = all.total - below - eq;
      conc += tw * above;
      disc += tw * below;
      tx += tw * eq;
      ic[i]! += tw * above;
      id[i]! += tw * below;
      itx[i]! += tw * eq;
      deaths.add(r, tw);
    }
    for (let k = a; k < b; k++) {
      const i = order[k]!;
      const r = rank[i]!;
      const dl = deaths.below(r), de = deaths.point[r]!, dg = deaths.total - dl - de;
      ic[i]! -= dl;
      id[i]! -= dg;
      itx[i]! -= de;
      all.add(r, 1);
    }
    a = b;
  }
  for (let i = 0; i < n; i++) {
    const r = rank[i]!;
    const dl = deaths.below(r), de = deaths.point[r]!, dg = deaths.total - dl - de;
    ic[i]! += dl;
    id[i]! += dg;
    itx[i]! += de;
  }
  const npair = conc + disc + tx;
  const somer = (conc - disc) / npair;
  let v = 0;
  for (let i = 0; i < n; i++) {
    const f = (ic[i]! - id[i]!) / npair - (somer / npair) * (ic[i]! + id[i]! + itx[i]!);
    v += f * f;
  }
  const variance = v / 4;
  return {
    c: 1 - (somer + 1) / 2,
    se: Math.sqrt(variance),
    variance,
    counts: { concordant: disc, discordant: conc, tiedX: tx, tiedY: ty - txy, tiedXY: txy },
    timeWeight,
  };
}

/** 1/G(t−)² at each distinct event time in ascending order (survival's fastkm1: censorings at t come after events). */
function unoWeights(t: Float64Array, d: Uint8Array, orderDesc: Int32Array): Float64Array {
  const n = t.length;
  const out: number[] = [];
  let g = 1;
  let atRisk = n; // subjects with time >= current time
  for (let a = n - 1; a >= 0; ) {
    const tt = t[orderDesc[a]!]!;
    let b = a, deaths = 0, cens = 0;
    while (b >= 0 && t[orderDesc[b]!] === tt) {
      if (d[orderDesc[b]!] === 1) deaths++;
      else cens++;
      b--;
    }
    if (deaths > 0) out.push(1 / (g * g));
    if (cens > 0) g *= (atRisk - deaths - cens) / (atRisk - deaths);
    atRisk -= deaths + cens;
    a = b;
  }
  return Float64Array.from(out);
}
