import type { ColumnMatrix } from "../core/matrix.js";
import { chiSquareUpperTail } from "../stats/chiSquare.js";
import { cholesky, choleskySolve } from "../stats/cholesky.js";
import type { CoxphFit } from "./coxph.js";
import { kaplanMeier } from "./kaplanMeier.js";

/** The proportional-hazards test of survival::cox.zph: one row per term and a global row. */
export interface CoxZphResult {
  readonly terms: readonly string[];
  readonly chisq: Float64Array;
  readonly df: Int32Array;
  readonly p: Float64Array;
  readonly global: { readonly chisq: number; readonly df: number; readonly p: number };
}

/**
 * Test of proportional hazards as survival::cox.zph(fit, transform = "km") in survival 3.x: a score test, at the
 * fitted β, of adding β_j·g(t) interactions, g(t) = 1 − S_KM(t−) centred over the events; per term u'I⁻¹u with
 * the information of (β, the term's interaction) and globally over all interactions (df = number of terms).
 * `x` must be the design the model was fitted on. Reference: Grambsch & Therneau (1994) Biometrika 81:515;
 * survival 3.x zph1.c. O(n p²).
 */
export function coxZph(fit: CoxphFit, x: ColumnMatrix, time: ArrayLike<number>, event: ArrayLike<number>): CoxZphResult {
  const n = x.nRows, p = x.nCols, q = 2 * p;
  const km = kaplanMeier(time, event);
  // g = 1 − S(t−) per subject, centred by its mean over events
  const g = new Float64Array(n);
  let gm = 0, ne = 0;
  for (let i = 0; i < n; i++) {
    let lo = 0, hi = km.time.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (km.time[mid]! < time[i]!) lo = mid + 1;
      else hi = mid;
    }
    g[i] = 1 - (lo === 0 ? 1 : km.surv[lo - 1]!);
    if (event[i] === 1) {
      gm += g[i]!;
      ne++;
    }
  }
  gm /= ne;
  for (let i = 0; i < n; i++) g[i]! -= gm;
  const xc = new Float64Array(n * p);
  const eta = new Float64Array(n);
  for (let j = 0; j < p; j++) {
    let m = 0;
    for (let i = 0; i < n; i++) m += x.data[j * n + i]!;
    m /= n;
    for (let i = 0; i < n; i++) {
      xc[j * n + i] = x.data[j * n + i]! - m;
      eta[i]! += fit.coefficients[j]! * xc[j * n + i]!;
    }
  }
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => time[b]! - time[a]! || a - b);
  const u = new Float64Array(q);
  const imat = new Float64Array(q * q);
  const a1 = new Float64Array(p), c1 = new Float64Array(p * p), a2 = new Float64Array(p), c2 = new Float64Array(p * p);
  let denom = 0;
  const efron = fit.ties === "efron";
  for (let s = 0; s < n; ) {
    const tt = time[order[s]!]!;
    let nd = 0, denom2 = 0, gw = 0;
    a2.fill(0);
    c2.fill(0);
    while (s < n && time[order[s]!] === tt) {
      const i = order[s++]!;
      const r = Math.exp(eta[i]!);
      if (event[i] === 0) {
        denom += r;
        for (let j = 0; j < p; j++) for (let k = 0; k <= j; k++) c1[j * p + k]! += r * xc[j * n + i]! * xc[k * n + i]!;
        for (let j = 0; j < p; j++) a1[j]! += r * xc[j * n + i]!;
      } else {
        nd++;
        gw = g[i]!;
        denom2 += r;
        for (let j = 0; j < p; j++) {
          u[j]! += xc[j * n + i]!;
          u[j + p]! += gw * xc[j * n + i]!;
          a2[j]! += r * xc[j * n + i]!;
          for (let k = 0; k <= j; k++) c2[j * p + k]! += r * xc[j * n + i]! * xc[k * n + i]!;
        }
      }
    }
    if (nd === 0) continue;
    const steps = efron ? nd : 1;
    const w = efron ? 1 : nd;
    for (let k = 0; k < steps; k++) {
      const f = efron ? 1 / nd : 1;
      denom += denom2 * f;
      for (let j = 0; j < p; j++) a1[j]! += a2[j]! * f;
      for (let j = 0; j < p; j++) {
        const mj = a1[j]! / denom;
        u[j]! -= w * mj;
        u[j + p]! -= gw * w * mj;
        for (let l = 0; l <= j; l++) {
          c1[j * p + l]! += c2[j * p + l]! * f;
          const v = (w * (c1[j * p + l]! - mj * a1[l]!)) / denom;
          imat[l * q + j]! += v;
          imat[l * q + j + p]! += v * gw;
          imat[(l + p) * q + j + p]! += v * gw * gw;
        }
      }
    }
  }
  for (let j = 0; j < p; j++) {
    for (let l = 0; l < j; l++) {
      imat[j * q + l] = imat[l * q + j]!;
      imat[j * q + l + p] = imat[l * q + j + p]!;
      imat[(j + p) * q + l + p] = imat[(l + p) * q + j + p]!;
    }
  }
  for (let j = 0; j < p; j++) for (let l = 0; l < p; l++) imat[(j + p) * q + l] = imat[l * q + j + p]!;
  const quad = (idx: number[]): number => {
    const m = idx.length;
    const sub = new Float64Array(m * m);
    const uu = new Float64Array(m);
    idx.forEach((a, r) => {
      uu[r] = a >= p ? u[a]! : 0;
      idx.forEach((b, c) => (sub[r * m + c] = imat[a * q + b]!));
    });
    const l = cholesky(sub, m);
    if (!l) return NaN;
    const sol = choleskySolve(l, m, uu);
    let t = 0;
    for (let r = 0; r < m; r++) t += sol[r]! * uu[r]!;
    return t;
  };
  const base = Array.from({ length: p }, (_, j) => j);
  const chisq = Float64Array.from({ length: p }, (_, j) => quad([...base, p + j]));
  const gchisq = quad(Array.from({ length: q }, (_, j) => j));
  return {
    terms: fit.terms,
    chisq,
    df: Int32Array.from({ length: p }, () => 1),
    p: Float64Array.from(chisq, (c) => chiSquareUpperTail(c, 1)),
    global: { chisq: gchisq, df: p, p: chiSquareUpperTail(gchisq, p) },
  };
}
