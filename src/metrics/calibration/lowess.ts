import { RadvalError } from "../../core/errors.js";
import { argsortFloat64 } from "../../stats/argsort.js";

/** Options of {@link lowess}, with R's defaults. */
export interface LowessOptions {
  /** Smoother span: the fraction of points in each local fit (default 2/3). */
  readonly f?: number;
  /** Robustness iterations (default 3; rms::val.prob uses 0). */
  readonly iter?: number;
  /** Points closer than delta reuse linear interpolation (default 0.01 × range of x). */
  readonly delta?: number;
}

/** A lowess fit: x sorted ascending (stable for ties) and the smoothed y at each x. */
export interface LowessFit {
  readonly x: Float64Array;
  readonly y: Float64Array;
}

/**
 * One local weighted linear fit at xs (R's `lowest` in src/library/stats/src/lowess.c):
 * tricube weights over x[nleft..nright] plus ties on the right, robustness
 * weights when `rw` is given. Returns NaN when all weights are 0. Arrays are
 * 0-based here; nleft/nright are 0-based inclusive.
 */
function lowest(x: Float64Array, y: Float64Array, n: number, xs: number, nleft: number, nright: number, w: Float64Array, rw: Float64Array | null): number {
  const range = x[n - 1]! - x[0]!;
  const h = Math.max(xs - x[nleft]!, x[nright]! - xs);
  const h9 = 0.999 * h;
  const h1 = 0.001 * h;
  let a = 0;
  let j = nleft;
  while (j < n) {
    w[j] = 0;
    const r = Math.abs(x[j]! - xs);
    if (r <= h9) {
      if (r <= h1) w[j] = 1;
      else {
        const q = r / h;
        const c = 1 - q * q * q;
        w[j] = c * c * c;
      }
      if (rw) w[j] = w[j]! * rw[j]!;
      a += w[j]!;
    } else if (x[j]! > xs) break;
    j++;
  }
  const nrt = j - 1;
  if (a <= 0) return NaN;
  for (j = nleft; j <= nrt; j++) w[j] = w[j]! / a;
  if (h > 0) {
    a = 0;
    for (j = nleft; j <= nrt; j++) a += w[j]! * x[j]!;
    let b = xs - a;
    let c = 0;
    for (j = nleft; j <= nrt; j++) c += w[j]! * (x[j]! - a) * (x[j]! - a);
    if (Math.sqrt(c) > 0.001 * range) {
      b /= c;
      for (j = nleft; j <= nrt; j++) w[j] = w[j]! * (b * (x[j]! - a) + 1);
    }
  }
  let ys = 0;
  for (j = nleft; j <= nrt; j++) ys += w[j]! * y[j]!;
  return ys;
}

/** The k-th smallest (0-based) of a copy of values. */
function kthSmallest(sorted: Float64Array, k: number): number {
  return sorted[k]!;
}

/**
 * R's `clowess` on x sorted ascending: locally weighted linear regression
 * (Cleveland 1979, JASA 74:829; Cleveland 1981, Am Stat 35:54) with
 * ns = max(2, min(n, ⌊f·n + 1e-7⌋)) neighbours, skipping points within
 * `delta` of the last fit (linear interpolation), ties sharing the fit, and
 * `iter` bisquare robustness iterations with 6·MAD scale. O(n·ns) worst case,
 * ~O(n·ns·range/delta / n) with the default delta.
 */
export function clowess(x: Float64Array, y: Float64Array, f: number, nsteps: number, delta: number): Float64Array {
  const n = x.length;
  const ys = new Float64Array(n);
  if (n < 2) {
    if (n === 1) ys[0] = y[0]!;
    return ys;
  }
  const ns = Math.max(2, Math.min(n, Math.trunc(f * n + 1e-7)));
  const w = new Float64Array(n);
  const res = new Float64Array(n);
  let rw: Float64Array | null = null;
  for (let iteration = 1; iteration <= nsteps + 1; iteration++) {
    // 0-based: nleft, nright inclusive; last = index of previous fitted point (-1 = none).
    let nleft = 0;
    let nright = ns - 1;
    let last = -1;
    let i = 0;
    for (;;) {
      if (nright < n - 1) {
        const d1 = x[i]! - x[nleft]!;
        const d2 = x[nright + 1]! - x[i]!;
        if (d1 > d2) {
          nleft++;
          nright++;
          continue;
        }
      }
      const fit = lowest(x, y, n, x[i]!, nleft, nright, w, iteration > 1 ? rw : null);
      ys[i] = Number.isNaN(fit) ? y[i]! : fit;
      if (last < i - 1) {
        // R: when nothing was fitted yet, last = 0 in 1-based code refers to x[0] (unused slot); this cannot
        // happen because i starts at the first point, so last >= 0 here.
        const denom = x[i]! - x[last]!;
        for (let j = last + 1; j < i; j++) {
          const alpha = (x[j]! - x[last]!) / denom;
          ys[j] = alpha * ys[i]! + (1 - alpha) * ys[last]!;
        }
      }
      last = i;
      const cut = x[last]! + delta;
      for (i = last + 1; i < n; i++) {
        if (x[i]! > cut) break;
        if (x[i] === x[last]) {
          ys[i] = ys[last]!;
          last = i;
        }
      }
      i = Math.max(last + 1, i - 1);
      if (last >= n - 1) break;
    }
    for (let k = 0; k < n; k++) res[k] = y[k]! - ys[k]!;
    let sc = 0;
    for (let k = 0; k < n; k++) sc += Math.abs(res[k]!);
    sc /= n;
    if (iteration > nsteps) break;
    const abs = new Float64Array(n);
    for (let k = 0; k < n; k++) abs[k] = Math.abs(res[k]!);
    abs.sort();
    const m1 = Math.trunc(n / 2);
    const cmad = n % 2 === 0 ? 3 * (kthSmallest(abs, m1) + kthSmallest(abs, n - m1 - 1)) : 6 * kthSmallest(abs, m1);
    if (cmad < 1e-7 * sc) break;
    const c9 = 0.999 * cmad;
    const c1 = 0.001 * cmad;
    rw ??= new Float64Array(n);
    for (let k = 0; k < n; k++) {
      const r = Math.abs(res[k]!);
      if (r <= c1) rw[k] = 1;
      else if (r <= c9) {
        const q = r / cmad;
        const u = 1 - q * q;
        rw[k] = u * u;
      } else rw[k] = 0;
    }
  }
  return ys;
}

/**
 * LOWESS scatterplot smoother, R's `lowess(x, y, f = 2/3, iter = 3, delta =
 * 0.01 * diff(range(x)))`: sorts by x (stably, as R's `order`) and runs
 * {@link clowess}. Returns the sorted x and the fitted values. Throws on
 * NaN/Infinite input or mismatched lengths. O(n log n + n·ns).
 */
export function lowess(x: ArrayLike<number>, y: ArrayLike<number>, options: LowessOptions = {}): LowessFit {
  const n = x.length;
  if (y.length !== n) throw new RadvalError("DIMENSION_MISMATCH", `lowess: x has ${n} values but y has ${y.length}`);
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(x[i]!) || !Number.isFinite(y[i]!)) throw new RadvalError("NON_FINITE", `lowess: non-finite value at position ${i + 1}`);
    if (x[i]! < lo) lo = x[i]!;
    if (x[i]! > hi) hi = x[i]!;
  }
  const f = options.f ?? 2 / 3;
  const iter = options.iter ?? 3;
  const delta = options.delta ?? 0.01 * (n > 0 ? hi - lo : 0);
  if (!(f > 0) || !Number.isInteger(iter) || iter < 0 || !(delta >= 0)) {
    throw new RadvalError("INVALID_OPTION", `lowess needs f > 0, a whole number iter ≥ 0 and delta ≥ 0 (got f = ${f}, iter = ${iter}, delta = ${delta})`);
  }
  const order = argsortFloat64(x); // stable, as R's order()
  const xs = new Float64Array(n);
  const ysIn = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    xs[k] = x[order[k]!]!;
    ysIn[k] = y[order[k]!]!;
  }
  return { x: xs, y: clowess(xs, ysIn, f, iter, delta) };
}

/**
 * The lowess curve evaluated back at each input x, as rms::val.prob does
 * with `approx(lowess(x, y), xout = x, ties = mean)`: since every x is a knot,
 * this is the fitted value at x, averaged over tied x (which share the fit).
 * Returned in input order. O(n log n + n·ns).
 */
export function lowessAt(x: ArrayLike<number>, y: ArrayLike<number>, options: LowessOptions = {}): Float64Array {
  const fit = lowess(x, y, options);
  const n = x.length;
  // Collapse tied x to the mean fitted value (R's regularize.values(ties = mean)).
  const ux: number[] = [];
  const uy: number[] = [];
  for (let k = 0; k < n; ) {
    let end = k + 1;
    while (end < n && fit.x[end] === fit.x[k]) end++;
    let s = 0;
    for (let j = k; j < end; j++) s += fit.y[j]!;
    let mean = s / (end - k);
    // R's mean() refines with a second pass; equal values give the value itself either way.
    let t = 0;
    for (let j = k; j < end; j++) t += fit.y[j]! - mean;
    mean += t / (end - k);
    ux.push(fit.x[k]!);
    uy.push(mean);
    k = end;
  }
  const out = new Float64Array(n);
  const xsU = Float64Array.from(ux);
  for (let i = 0; i < n; i++) {
    const v = x[i]!;
    let lo = 0;
    let hi = xsU.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (xsU[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    out[i] = uy[lo]!;
  }
  return out;
}
