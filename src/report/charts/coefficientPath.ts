import type { CoefficientPath } from "../results.js";
import { type VegaLiteSpec, round, topLevel } from "./common.js";

/**
 * Elastic-net coefficient path (coefficients against λ on a log scale, as
 * glmnet's plot) beside the cross-validation curve (mean ± 1 SE per λ, as
 * cv.glmnet's plot), both with the chosen λ marked (solid) and λmin / λ1se
 * (dashed). Only features that are non-zero somewhere on the path are drawn
 * (points inside a run of zeros are left out: the line is the same); the
 * legend is dropped above 12 features. Pure: returns a Vega-Lite spec.
 */
export function coefficientPathChart(path: CoefficientPath, options: { title?: string } = {}): VegaLiteSpec {
  const rows: Array<{ feature: string; lambda: number; coefficient: number }> = [];
  const active: string[] = [];
  path.features.forEach((feature, j) => {
    const coefs = path.coefficients[j] ?? [];
    if (!coefs.some((c) => c !== 0)) return;
    active.push(feature);
    // Points inside a run of zeros lie on the line between the run's ends: leaving them out draws the same
    // line with far less data (a LASSO feature is zero until it enters the path).
    const c = (k: number) => coefs[k] ?? 0;
    path.lambda.forEach((lambda, k) => {
      const interiorZero = k > 0 && k < path.lambda.length - 1 && c(k - 1) === 0 && c(k) === 0 && c(k + 1) === 0;
      if (!interiorZero) rows.push({ feature, lambda: round(lambda), coefficient: round(c(k)) });
    });
  });
  const lambdas = [...path.lambda, ...path.cv.map((c) => c.lambda)];
  const domain = [round(Math.min(...lambdas)), round(Math.max(...lambdas))];
  const x = { field: "lambda", type: "quantitative", title: "λ (log scale)", scale: { type: "log", domain, reverse: true, nice: false } };
  const marks: Array<{ lambda: number; rule: string }> = [{ lambda: round(path.chosenLambda), rule: `chosen (${path.chosenRule})` }];
  if (path.lambdaMin !== null && path.lambdaMin !== path.chosenLambda) marks.push({ lambda: round(path.lambdaMin), rule: "λmin" });
  if (path.lambda1se !== null && path.lambda1se !== path.chosenLambda) marks.push({ lambda: round(path.lambda1se), rule: "λ1se" });
  const lambdaRules = {
    data: { values: marks },
    mark: { type: "rule" },
    encoding: {
      x: { field: "lambda", type: "quantitative" },
      color: { value: "#e45756" },
      strokeDash: { field: "rule", type: "nominal", title: "λ", scale: { domain: marks.map((m) => m.rule), range: marks.map((_, i) => (i === 0 ? [1, 0] : [4, 3])) } },
    },
  };
  const pathPanel = {
    title: "Coefficient path",
    width: 320,
    height: 260,
    layer: [
      {
        data: { values: rows },
        mark: { type: "line", strokeWidth: 1.2 },
        encoding: {
          x,
          y: { field: "coefficient", type: "quantitative", title: "Coefficient (standardised)" },
          color: { field: "feature", type: "nominal", title: "Feature", legend: active.length > 12 ? null : { orient: "bottom", columns: 2 } },
          detail: { field: "feature" },
        },
      },
      lambdaRules,
    ],
    resolve: { scale: { color: "independent" } },
  };
  const cv = path.cv.map((c) => ({ lambda: round(c.lambda), mean: round(c.mean), lower: round(c.mean - c.se), upper: round(c.mean + c.se), nonzero: c.nonzero }));
  const cvPanel = {
    title: `Cross-validation (${path.measure})`,
    width: 320,
    height: 260,
    layer: [
      { data: { values: cv }, mark: { type: "rule", color: "#9c9c9c" }, encoding: { x, y: { field: "lower", type: "quantitative" }, y2: { field: "upper" } } },
      {
        data: { values: cv },
        mark: { type: "point", filled: true, color: "#e45756", size: 20 },
        encoding: { x, y: { field: "mean", type: "quantitative", title: `CV ${path.measure} (± 1 SE)`, scale: { zero: false } }, tooltip: [{ field: "lambda", format: ".4g" }, { field: "mean", format: ".4f" }, { field: "nonzero" }] },
      },
      lambdaRules,
    ],
  };
  return topLevel(options.title ?? "Elastic-net path and tuning", { hconcat: [pathPanel, cvPanel] }, `${active.length} features enter the path; chosen λ = ${path.chosenLambda.toPrecision(4)}`);
}
