// The two @stdlib functions radval uses (F quantile, regularised incomplete beta), in one module so that
// the build can replace it in dist/ by a single-file bundle of the same code (scripts/bundle-node-deps.mjs):
// loaded package by package, they are 414 small CommonJS files that Node takes ≈ 0.3 s to resolve and load.
import betaincStdlib from "@stdlib/math-base-special-betainc";
import fQuantileStdlib from "@stdlib/stats-base-dists-f-quantile";

/** `@stdlib/stats-base-dists-f-quantile`: quantile of the F distribution (R's `qf`). */
export const stdlibFQuantile: (p: number, df1: number, df2: number) => number = fQuantileStdlib;

/** `@stdlib/math-base-special-betainc`: regularised incomplete beta I_x(a, b). */
export const stdlibBetainc: (x: number, a: number, b: number) => number = betaincStdlib;
