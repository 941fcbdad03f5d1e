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
 * under ~1 s, and return plain data (typed arrays, NaN and -0 are encoded).
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
