// The report's nomograms and risk calculators (src/report/nomograms.ts, render/calculator.ts): built for final models
// with a raw-scale formula and a nomogram basis (penalised models: the non-zero coefficients), not for others. The
// nomogram itself is checked against rms::nomogram in test/nomogram/formula.test.ts; here: the calculator's constants are
// the nomogram's, so its points and risk are the nomogram's (1e-12).
import { describe, expect, it } from "vitest";
import { buildReport } from "../../src/report/report.js";
import { parseStudyResults } from "../../src/report/resultsSchema.js";
import { renderHtml } from "../../src/report/render/html.js";
import { exampleJson } from "./fixture.js";

const scripts = { vega: "", vegaLite: "", vegaEmbed: "" };

function withFormula(): Record<string, any> {
  const json = exampleJson();
  const enet = json.models.find((m: any) => m.id === "enet");
  enet.final.rawScale = {
    intercept: -4.1,
    coefficients: [
      { feature: "a", value: 0.5 },
      { feature: "b", value: -1.2 },
      { feature: "c", value: 0 },
    ],
    imputation: [{ feature: "a", value: 1.5 }],
  };
  enet.final.nomogramBasis = {
    ranges: [
      { feature: "a", min: 0.2, max: 9.7 },
      { feature: "b", min: 1, max: 3 },
      { feature: "c", min: -1, max: 1 },
    ],
    discrete: [{ feature: "b", values: [1, 2, 3] }],
    linearPredictorRange: [-6.3, 0.4],
  };
  return json;
}

describe("report nomograms and risk calculators", () => {
  it("a linear final model gets a nomogram chart, a points table and a calculator with the nomogram's constants", () => {
    const results = parseStudyResults(withFormula(), "example");
    expect(results.models[0]!.final.nomogramBasis?.linearPredictorRange).toEqual([-6.3, 0.4]); // kept by the schema
    const report = buildReport(results);
    expect(report.charts.map((c) => c.id)).toContain("nomogram-enet");
    expect(report.tables.find((t) => t.id === "nomogram-points-enet")!.rows[0]).toEqual(["a", 0, 0]);
    expect(report.calculators).toHaveLength(1); // not the forest
    const calc = report.calculators![0]!;
    expect(calc.inputs.map((p) => p.feature)).toEqual(["a", "b"]); // the zero coefficient is left out
    expect(calc.inputs.map((p) => p.imputation)).toEqual([1.5, null]);
    expect(calc.inputs[1]).toMatchObject({ coefficient: -1.2, minXbeta: -1.2 * 3, min: 1, max: 3 }); // b's axis: its 3 distinct values (R₁ = β·3)
    // Risk from the formula = risk from the points (the nomogram's reading), for any values.
    for (const [a, b] of [[0.2, 1], [4, 2.5], [12, 3]] as const) {
      const lp = calc.intercept + 0.5 * a - 1.2 * b;
      const points = calc.inputs.map((p, k) => (p.coefficient * [a, b][k]! - p.minXbeta) * calc.scale);
      const fromPoints = calc.lpAtZero + points.reduce((s, v) => s + v, 0) / calc.scale;
      expect(Math.abs(fromPoints - lp)).toBeLessThan(1e-12);
    }
    expect(report.checklist.find((e) => e.id === "22")!.charts).toEqual(["nomogram-enet"]);
  });

  it("the HTML has the calculator with its research-use note, a no-JavaScript message and an inline script", () => {
    const html = renderHtml(buildReport(parseStudyResults(withFormula(), "example")), scripts);
    expect(html).toMatch(/<section id="calculator"[^>]*><h2>Risk calculator<\/h2>/);
    expect(html).toContain("For research use only; see the validation results before any clinical use.");
    expect(html).toMatch(/<noscript><p class="muted">This calculator needs JavaScript/);
    expect(html).toMatch(/data-radval-calculator="enet"/);
    expect(html).toContain('<a href="#calculator">Risk calculator</a>');
    expect(html).toMatch(/development range 0\.2 – 9\.7/);
  });

  it("no calculator or nomogram for models without a formula or basis (older results), nor beyond 12 predictors", () => {
    const plain = buildReport(parseStudyResults(exampleJson(), "example"));
    expect(plain.calculators).toEqual([]);
    expect(plain.charts.some((c) => c.id.startsWith("nomogram-"))).toBe(false);
    expect(renderHtml(plain, scripts)).not.toMatch(/id="calculator"/);
    const wide = withFormula();
    const f = wide.models[0].final;
    f.rawScale.coefficients = Array.from({ length: 13 }, (_, j) => ({ feature: `x${j}`, value: 0.1 }));
    f.nomogramBasis.ranges = Array.from({ length: 13 }, (_, j) => ({ feature: `x${j}`, min: 0, max: 1 }));
    expect(buildReport(parseStudyResults(wide, "example")).calculators).toEqual([]);
  });
});
