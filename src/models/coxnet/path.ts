import { RadvalError, type RadvalWarning } from "../../core/errors.js";
import type { ColumnMatrix } from "../../core/matrix.js";
import { checkSurvival } from "../../survival/validate.js";
import { defaultLambdaMinRatio, fixFirstLambda, userLambdaSequence } from "../elasticnet/lambdaGrid.js";
import { leaseKernels } from "../elasticnet/simd/kernels.js";
import { coxRiskSets, coxSaturatedLogLik, coxWorking } from "./risk.js";
import type { CoxnetOptions, CoxnetPath } from "./types.js";

/** glmnet's internal constants for coxnet (glmnet.control defaults as coxnet1 rescales them). */
const FDEV = 1e-5 * 100; // coxnet1: sml = fdev * 100
const DEVMAX = (0.999 * 0.99) / 0.999; // coxnet1: devmax * 0.99 / 0.999
const MNLAM = 5;
const EPS = 1e-6;
const BIG = 9.9e35;

/**
 * The Cox elastic-net regularisation path equal to glmnet(x, Surv(time, event), family = "cox") (glmnet 4.1,
 * Fortran coxnet): minimises −ℓ(β)/n + λ[(1−α)/2‖β‖² + α‖β‖₁] with ℓ the Breslow partial likelihood, on features
 * standardised to unit variance (1/n), by proximal Newton steps (diagonal Hessian working weights) solved with
 * coordinate descent, strong rules and KKT checks; warm starts down the default grid λ_max·r^{k/(L−1)} (first λ
 * reported as glmnet's fix.lam), stopping early as glmnet does (relative change of the deviance ratio over 5 steps
 * < 1e-3, or ratio > 0.99). Reference: Simon, Friedman, Hastie & Tibshirani (2011) J Stat Softw 39(5).
 * Cost O(passes · n · |active|) plus O(n p) per KKT check.
 */
export function coxnetPath(x: ColumnMatrix, time: ArrayLike<number>, event: ArrayLike<number>, options: CoxnetOptions = {}): CoxnetPath {
  const { time: t, event: d } = checkSurvival(time, event);
  const n = x.nRows, p = x.nCols;
  if (t.length !== n) throw new RadvalError("DIMENSION_MISMATCH", `${n} rows of features but ${t.length} survival times`);
  const alpha = options.alpha ?? 1;
  if (!(alpha >= 0 && alpha <= 1)) throw new RadvalError("INVALID_ARGUMENT", `alpha must be in [0, 1], got ${alpha}`, { where: { key: "alpha" } });
  const thresh = options.thresh ?? 1e-7;
  const maxit = options.maxit ?? 100000;
  const standardize = options.standardize ?? true;
  const names = options.featureNames ?? Array.from({ length: p }, (_, j) => `x${j + 1}`);
  const user = options.lambda !== undefined ? userLambdaSequence(options.lambda) : undefined;
  const nlambda = user ? user.length : (options.nlambda ?? 100);
  const ratio = options.lambdaMinRatio ?? defaultLambdaMinRatio(n, p);
  const warnings: RadvalWarning[] = [];

  // standardised copy (weights 1/n), constant columns excluded
  const w = new Float64Array(n).fill(1 / n);
  // the design, working weights, residuals and linear predictor live on the elastic net's vector-kernel heap
  // (WebAssembly SIMD when available); offsets: xs 0, ww n·p, wr n·p + n, f n·p + 2n
  const kernels = leaseKernels(n * p + 3 * n);
  try {
    const heap = kernels.heap;
    const WW = n * p, WR = n * p + n, F = n * p + 2 * n;
    const xs = heap.subarray(0, n * p);
    const scale = new Float64Array(p).fill(1);
    const usable = new Uint8Array(p);
    for (let j = 0; j < p; j++) {
      // glmnet's cstandard: weighted mean and sd with w = 1/n
      let m = 0;
      for (let i = 0; i < n; i++) {
        const v = x.data[j * n + i]!;
        if (!Number.isFinite(v)) throw new RadvalError("NON_FINITE", "missing feature value (NaN); the Cox elastic net needs complete data", { where: { row: i + 1, feature: names[j]! }, hint: "Impute or drop missing values first." });
        m += w[i]! * v;
      }
      let ss = 0;
      for (let i = 0; i < n; i++) {
        const c = x.data[j * n + i]! - m;
        xs[j * n + i] = c;
        ss += w[i]! * c * c;
      }
      const sd = Math.sqrt(ss);
      usable[j] = sd > 0 ? 1 : 0;
      if (standardize && sd > 0) {
        scale[j] = sd;
        for (let i = 0; i < n; i++) xs[j * n + i]! /= sd;
      }
    }
    const rs = coxRiskSets(t, d, w);
    let nEvents = 0;
    for (let i = 0; i < n; i++) nEvents += d[i]!;

    const ww = heap.subarray(WW, WW + n), wr = heap.subarray(WR, WR + n), f = heap.subarray(F, F + n);
    f.fill(0);
    const e = new Float64Array(n);
    const u = new Float64Array(rs.nGroups), bk = new Float64Array(rs.nGroups), ck = new Float64Array(rs.nGroups);
    const r0 = coxWorking(rs, f, ww, wr, e, u, bk, ck);
    let llCur = r0;
    const lsat = coxSaturatedLogLik(rs);
    const dev0 = lsat - r0; // rr in coxnet1 (= −(Σ dk log dk + r0))
    const cthr = thresh * dev0;

    const a = new Float64Array(p), as = new Float64Array(p), v = new Float64Array(p), ga = new Float64Array(p);
    const strong = new Uint8Array(p);
    const inActive = new Uint8Array(p);
    const active: number[] = [];
    const gradient = (j: number): number => kernels.dot(j * n, WR, n);
    for (let j = 0; j < p; j++) if (usable[j]) ga[j] = Math.abs(gradient(j));
    // coxnet1 computes eqs**(1.0/(nlam-1)) with a single-precision exponent (Fortran default-real literal 1.0)
    const alf = user || nlambda <= 1 ? 1 : Math.pow(Math.max(EPS, ratio), Math.fround(1 / (nlambda - 1)));

    const lambdas: number[] = [], devRatio: number[] = [], df: number[] = [];
    const betas: Float64Array[] = [];
    let al = 0;
    let passes = 0;
    for (let ilm = 0; ilm < nlambda; ilm++) {
      let al0 = al;
      if (user) al = user[ilm]!;
      else if (ilm >= 2) al *= alf;
      else if (ilm === 0) al = BIG;
      else {
        al0 = 0;
        for (let j = 0; j < p; j++) if (usable[j]) al0 = Math.max(al0, ga[j]!);
        al0 /= Math.max(alpha, 1e-3);
        al = alf * al0;
      }
      const sa = alpha * al, omal = (1 - alpha) * al;
      const tlam = alpha * (2 * al - al0);
      for (let j = 0; j < p; j++) if (usable[j] && !strong[j] && ga[j]! > tlam) strong[j] = 1;
      for (;;) {
        // one proximal-Newton solve on the strong set, repeated until the coefficients settle, then KKT
        for (;;) {
          for (const j of active) as[j] = a[j]!;
          const strongList: number[] = [];
          for (let j = 0; j < p; j++) if (strong[j]) strongList.push(j);
          for (const j of strongList) v[j] = kernels.weightedSquares(j * n, WW, n);
          let first = true;
          for (;;) {
            passes++;
            if (passes > maxit) throw new RadvalError("NOT_CONVERGED", `the Cox elastic net did not converge within ${maxit} passes (at λ index ${ilm + 1})`, { hint: "Raise --maxit or loosen --thresh." });
            let dli = 0;
            const idx = first ? strongList : active.slice();
            for (const j of idx) {
              const g = gradient(j);
              const aj = a[j]!, vj = v[j]!;
              const uj = aj * vj + g;
              const at = Math.abs(uj) > sa ? (Math.sign(uj) * (Math.abs(uj) - sa)) / (vj + omal) : 0;
              if (at === aj) continue;
              const del = at - aj;
              a[j] = at;
              dli = Math.max(dli, vj * del * del);
              // f is rebuilt from the coefficients after the inner loop; only the residuals move here
              kernels.subtractScaledWeighted(WR, del, WW, j * n, n);
              if (!inActive[j]) {
                inActive[j] = 1;
                active.push(j);
              }
            }
            if (dli < cthr) {
              if (first) break;
              first = true;
            } else if (first) first = false;
          }
          f.fill(0);
          for (const j of active) if (a[j] !== 0) kernels.addScaled(F, a[j]!, j * n, n);
          llCur = coxWorking(rs, f, ww, wr, e, u, bk, ck);
          let moved = false;
          for (const j of active) {
            if (v[j]! * (a[j]! - as[j]!) ** 2 >= cthr) {
              moved = true;
              break;
            }
          }
          if (!moved) break;
        }
        let added = false;
        for (let j = 0; j < p; j++) {
          if (strong[j] || !usable[j]) continue;
          ga[j] = Math.abs(gradient(j));
          if (ga[j]! > sa) {
            strong[j] = 1;
            added = true;
          }
        }
        if (!added) break;
      }
      const ll = llCur;
      betas.push(Float64Array.from(a, (b, j) => b / scale[j]!));
      lambdas.push(al);
      devRatio.push((ll - r0) / dev0);
      let nz = 0;
      for (let j = 0; j < p; j++) if (a[j] !== 0) nz++;
      df.push(nz);
      const k = ilm;
      if (!user && k + 1 >= Math.min(MNLAM, nlambda)) {
        const back = devRatio[k - Math.min(MNLAM, nlambda) + 1]!;
        if ((devRatio[k]! - back) / devRatio[k]! < FDEV) break;
        if (devRatio[k]! > DEVMAX) break;
      }
    }
    const lambda = user ? Array.from(user) : fixFirstLambda(lambdas);
    const beta = names.map((_, j) => betas.map((b) => b[j]!));
    return {
      featureNames: names,
      lambda: lambda.slice(0, betas.length),
      beta,
      devRatio,
      df,
      nulldev: 2 * dev0 * n,
      alpha,
      nObservations: n,
      nEvents,
      passes,
      warnings,
    };
  } finally {
    kernels.release();
  }
}
