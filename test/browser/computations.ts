/**
 * Named computations that the browser test (bundle.test.ts) runs twice: in
 * Node on `dist/node.js` (examples read from the CSV files) and in headless
 * Chromium on `dist/radval.browser.js` + `dist/radval.examples.js` (examples
 * from the bundled CSV text). Both results go through {@link toPlain} and must
 * be exactly equal: same code, same doubles.
 *
 * To add one (an elastic-net fit, a small bootstrap validation…), append an
 * entry to COMPUTATIONS. Rules: use only the `radval` and `examples`
 * arguments (this file is served to the page as plain JS, so it may only have
 * `import type`), draw randomness from `radval.createRng(seed)`, keep it
 * under ~1 s, and return plain data (typed arrays, NaN and -0 are encoded),
 * or a promise of it (the validation procedures are async).
 *
 * Exactness has one limit: `Math.exp`, `Math.log` and `Math.pow` are not
 * correctly rounded, and V8 versions differ in the last bit (measured: Node
 * 20's V8 11.3 and Chromium 156 disagree by 1 ulp on ~10% of `Math.exp` /
 * `Math.log` arguments). Computations that go through them (the logistic
 * link of the elastic net, the λ grid) declare a `tolerance`: every number
 * must then agree to that relative tolerance (integers and strings exactly);
 * the others must be bit-identical.
 */
import type * as Radval from "../../src/index.js";
import type { Dataset, LongTable, RoleSpec } from "../../src/index.js";

/** The example loaders: radval/node's in Node, radval/browser/examples' in the page. */
export interface ExampleLoaders {
  loadExample(name: string, roles?: RoleSpec): Dataset;
  loadLongExample(name: string): LongTable;
}

export interface Computation {
  readonly name: string;
  /** Relative tolerance (|a − b| ≤ tol · max(1, |b|)) for computations that use Math.exp/log/pow; absent = exact. */
  readonly tolerance?: number;
  run(radval: typeof Radval, examples: ExampleLoaders): unknown;
}

export const COMPUTATIONS: readonly Computation[] = [
  {
    name: "AUC of every aSAH marker (Mann-Whitney)",
    run(radval, examples) {
      const d = examples.loadExample("asah");
      const y = radval.requireOutcome(d).values;
      return d.featureNames.map((f) => ({ feature: f, auc: radval.aucMannWhitney(y, radval.featureColumn(d, f)) }));
    },
  },
  {
    name: "ICC, all six forms, on the test-retest table",
    run(radval, examples) {
      const result = radval.iccTable(examples.loadLongExample("test_retest"));
      return { ...result, source: undefined };
    },
  },
  {
    name: "Spearman clustering of WDBC, |r| >= 0.9, AUC representatives",
    run(radval, examples) {
      const d = examples.loadExample("wdbc");
      return radval.clusterFeatures(d.x, d.featureNames, {
        correlation: "spearman",
        linkage: "average",
        threshold: 0.9,
        representative: "auc",
        y: radval.requireOutcome(d).values,
      });
    },
  },
  {
    name: "Pearson clustering of WDBC, complete linkage, |r| >= 0.8, variance representatives",
    run(radval, examples) {
      const d = examples.loadExample("wdbc");
      return radval.clusterFeatures(d.x, d.featureNames, { correlation: "pearson", linkage: "complete", threshold: 0.8, representative: "variance" });
    },
  },
  {
    name: "ICC(A,1) >= 0.75 filter, then AUC of the surviving features on the multisite cohort",
    run(radval, examples) {
      const icc = radval.iccTable(examples.loadLongExample("test_retest"));
      const reliable = icc.features.filter((f) => (f.forms.ICC2.icc ?? -Infinity) >= 0.75).map((f) => f.feature);
      const d = examples.loadExample("multisite");
      const y = radval.requireOutcome(d).values;
      return reliable
        .filter((f) => d.featureNames.includes(f))
        .map((f) => ({ feature: f, auc: radval.aucMannWhitney(y, radval.featureColumn(d, f)) }));
    },
  },
  {
    name: "Elastic-net path (α = 0.5, glmnet's λ grid) on WDBC",
    tolerance: 1e-9, // observed: 2.5e-12 (β), the same number of passes and λ values to 1 ulp
    run(radval, examples) {
      const d = examples.loadExample("wdbc");
      const path = radval.elasticNetPath(d.x, radval.requireOutcome(d).values, { alpha: 0.5, featureNames: d.featureNames });
      return { lambda: path.lambda, a0: path.a0, beta: path.beta, devRatio: path.devRatio, df: path.df, npasses: path.npasses };
    },
  },
  {
    name: "Harrell's optimism bootstrap (5 replicates) of a LASSO workflow (median imputation, scaling, inner-CV λ) on PBC",
    tolerance: 1e-9, // observed: 3e-15
    async run(radval, examples) {
      const features = ["bili", "albumin", "platelet", "protime", "age"];
      const d = examples.loadExample("pbc", { outcome: "cirrhosis", missingOutcome: "drop", group: "cohort", features });
      const trial = Int32Array.from(d.group!.values.flatMap((g, i) => (g === "trial" ? [i] : [])));
      const lasso = radval.workflow({
        id: "lasso",
        label: "LASSO",
        steps: [radval.impute({ method: "median" }), radval.standardize()],
        model: radval.elasticNet({ mixture: 1, penalty: "cv", innerFolds: 5, lambdaMinRatio: 0.01 }),
      });
      const rng = radval.createRng(2026);
      const samples = radval.bootstrap(trial.length, 5, rng.split());
      const [result] = await radval.optimismBootstrap({ data: d, workflows: [lasso] }, trial, samples, rng, { executor: radval.inProcessExecutor });
      return result;
    },
  },
  {
    name: "Seeded stratified 5-fold split of WDBC",
    run(radval, examples) {
      const d = examples.loadExample("wdbc");
      return radval.stratifiedFoldIds(radval.requireOutcome(d).values, 5, radval.createRng(2026));
    },
  },
  {
    // Decision values only: Platt probabilities go through Math.exp / Math.log, whose last bits may differ
    // between Node's and Chromium's V8 (seen here); the solver and decision values use no platform math.
    name: "svm/radval RBF and polynomial fits on standardised WDBC (WebAssembly SIMD solver): decision values",
    run(radval, examples) {
      const d = examples.loadExample("wdbc");
      const x = radval.fitStandardize(radval.standardize(), { names: d.featureNames, x: d.x }).transform({ names: d.featureNames, x: d.x }).x;
      return (["rbf", "polynomial"] as const).map((kernel) => {
        const spec = radval.svm({ kernel, gamma: 0.05, coef0: 1, probability: "none" }, "radval");
        const model = radval.radvalSvmEngine.fit(spec, x, radval.requireOutcome(d).values, { rng: radval.createRng(7) });
        const details = model.describe().details as Record<string, unknown>;
        return { simd: details["simd"], iterations: details["iterations"], score: model.predictScore!(x) };
      });
    },
  },
];

/**
 * Differences between two plain results beyond a relative tolerance (numbers;
 * everything else must be equal), as "path: a vs b" lines (at most 10).
 */
export function differences(a: unknown, b: unknown, tolerance: number, path = "$", out: string[] = []): string[] {
  if (out.length >= 10) return out;
  if (typeof a === "number" && typeof b === "number") {
    if (!(Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(b)))) out.push(`${path}: ${a} vs ${b}`);
  } else if (a !== null && b !== null && typeof a === "object" && typeof b === "object") {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    if (Array.isArray(a) !== Array.isArray(b)) out.push(`${path}: array vs object`);
    for (const k of keys) differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], tolerance, `${path}.${k}`, out);
  } else if (a !== b) {
    out.push(`${path}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
  }
  return out;
}

/**
 * Plain, JSON-safe form of a result: typed arrays become `{ $typed, values }`,
 * non-finite numbers and -0 become strings, functions are dropped, `undefined`
 * becomes null. Exact: finite doubles survive a JSON round trip unchanged.
 */
export function toPlain(value: unknown): unknown {
  if (typeof value === "number") {
    if (Number.isNaN(value)) return "NaN";
    if (value === Infinity) return "Infinity";
    if (value === -Infinity) return "-Infinity";
    if (Object.is(value, -0)) return "-0";
    return value;
  }
  if (value === undefined || value === null) return null;
  if (typeof value === "function") return null;
  if (typeof value !== "object") return value;
  if (ArrayBuffer.isView(value)) {
    const arr = value as unknown as ArrayLike<number>;
    return { $typed: value.constructor.name, values: Array.from(arr, toPlain) };
  }
  if (Array.isArray(value)) return value.map(toPlain);
  if (value instanceof Map) return { $map: [...value.entries()].map(([k, v]) => [toPlain(k), toPlain(v)]) };
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = toPlain(v);
  return out;
}
