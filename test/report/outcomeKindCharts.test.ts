import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildCharts } from "../../src/report/reportCharts.js";
import { outcomeKindCharts } from "../../src/report/outcomeKindCharts.js";
import { cutoffOperatingTable } from "../../src/report/outcomeKindTables.js";
import { renderSvg } from "../../src/report/render/svg.js";
import { parseStudyResults } from "../../src/report/resultsSchema.js";
import type { StudyResults } from "../../src/report/results.js";
import { fixturePath } from "../helpers.js";
import { compiledMarks, dataRows } from "./charts/inspect.js";

// Fixtures: real results.json of examples/pbc-survival.study.yaml and examples/pbc-stage.study.yaml
// (test/fixtures/report/README.md says how they were generated), read through the results schema.
const load = (name: string): StudyResults => parseStudyResults(JSON.parse(readFileSync(fixturePath(`report/${name}`), "utf8")), name);
const survival = load("results_survival.json");
const ordinal = load("results_ordinal.json");

/** Trapezoidal area under drawn ROC rows (fpr, tpr) in drawing order (either direction). */
function area(rows: Array<Record<string, unknown>>): number {
  let a = 0;
  for (let k = 1; k < rows.length; k++) a += (((rows[k]!["fpr"] as number) - (rows[k - 1]!["fpr"] as number)) * ((rows[k]!["tpr"] as number) + (rows[k - 1]!["tpr"] as number))) / 2;
  return Math.abs(a);
}

/** The drawn ROC line rows of each legend entry, and the AUC the legend shows. */
function rocLegends(spec: unknown): Array<{ legend: string; value: number; drawn: number }> {
  const lines = dataRows(spec).find((rows) => rows.length > 0 && "tpr" in rows[0]!)!;
  const byModel = new Map<string, Array<Record<string, unknown>>>();
  for (const r of lines) byModel.set(r["model"] as string, [...(byModel.get(r["model"] as string) ?? []), r]);
  return [...byModel].map(([legend, rows]) => ({ legend, value: Number(/AUC (\d\.\d{3})/.exec(legend)![1]), drawn: area(rows.sort((a, b) => (a["order"] as number) - (b["order"] as number))) }));
}

describe("outcome-kind charts: survival", () => {
  const charts = outcomeKindCharts(survival);
  const ids = charts.map((c) => c.id);
  const v = survival.outcomeValidation!;

  it("the schema keeps outcomeValidation and its curves, and buildCharts includes the kind's charts", () => {
    expect(v.models[0]!.cohorts[0]!.curves?.riskGroupKm).toHaveLength(3);
    expect(buildCharts(survival).map((c) => c.id)).toEqual(expect.arrayContaining(ids));
    for (const cohort of ["development", "development-cross-validated", "external"]) {
      expect(ids).toEqual(expect.arrayContaining([`time-roc-${cohort}`, `horizon-decision-${cohort}`, ...["cox-regression", "cox-lasso"].flatMap((m) => [`km-${cohort}-${m}`, `horizon-calibration-${cohort}-${m}`])]));
    }
  });

  it("Kaplan–Meier: step-after lines of the stored step points, a rule at the horizon, hazard ratios in the legend", () => {
    const chart = charts.find((c) => c.id === "km-external-cox-regression")!;
    const e = v.models.find((m) => m.model === "cox-regression")!.cohorts.find((c) => c.cohort === "external")!;
    const layers = chart.spec["layer"] as Array<{ mark?: { type: string; interpolate?: string }; data?: { values: Array<Record<string, unknown>> } }>;
    expect(layers[0]!.mark).toMatchObject({ type: "line", interpolate: "step-after" });
    const rows = layers[0]!.data!.values;
    const high = e.curves!.riskGroupKm!.find((g) => g.group === 3)!;
    const drawnHigh = rows.filter((r) => String(r["group"]).startsWith("High risk"));
    expect(drawnHigh.map((r) => r["surv"])).toEqual(high.points.map((p) => Number(p.surv.toPrecision(12))));
    const hr = e.survival!.riskGroups.hazardRatios.find((h) => h.group === 3)!;
    expect(String(drawnHigh[0]!["group"])).toContain(`HR ${hr.estimate.toFixed(2)}`);
    expect(JSON.stringify(layers[1])).toContain('"rule"');
    expect(JSON.stringify(layers[1])).toContain(`${survival.outcomeKind!.horizon}`);
  });

  it("time-dependent ROC: each legend value is the area under the drawn curve, and AUC(t) of the table", () => {
    for (const cohort of ["development", "development (cross-validated)", "external"]) {
      const chart = charts.find((c) => c.id === `time-roc-${cohort.replace(/[^a-z]+/g, "-").replace(/-$/, "")}`)!;
      const legends = rocLegends(chart.spec);
      expect(legends).toHaveLength(2);
      for (const l of legends) {
        expect(Math.abs(l.drawn - l.value)).toBeLessThanOrEqual(0.0005 + 1e-12); // the legend shows 3 decimals
        const model = v.models.find((m) => l.legend.startsWith(survival.models.find((x) => x.id === m.model)!.label))!;
        const e = [...model.cohorts, model.crossValidated!].find((c) => c.cohort === cohort)!;
        expect(Math.abs(l.drawn - e.survival!.horizon!.auc.estimate)).toBeLessThan(1e-9); // tolerance 1e-9 (drawn area = AUC(t))
      }
    }
  });

  it("calibration at the horizon: Greenwood CIs around 1 − KM, slope in the subtitle", () => {
    const chart = charts.find((c) => c.id === "horizon-calibration-external-cox-regression")!;
    const cal = v.models[0]!.cohorts.find((c) => c.cohort === "external")!.survival!.horizon!.calibration!;
    const rows = dataRows(chart.spec)[1]!;
    rows.forEach((r, k) => {
      const g = cal.groups[k]!;
      expect(Math.abs((r["lower"] as number) - Math.max(0, g.observed - 1.959963984540054 * g.se))).toBeLessThan(1e-11); // tolerance: rounding to 12 digits
      expect(Math.abs((r["upper"] as number) - Math.min(1, g.observed + 1.959963984540054 * g.se))).toBeLessThan(1e-11); // tolerance: rounding to 12 digits
    });
    expect(JSON.stringify((chart.spec["title"] as { subtitle: unknown }).subtitle)).toContain(`slope ${Number(cal.slope!.estimate.toPrecision(3))}`);
  });

  it("every chart compiles without warnings and renders to SVG", async () => {
    for (const c of charts) {
      expect(compiledMarks(c.spec).warnings, c.id).toEqual([]);
      expect((await renderSvg(c.spec)).startsWith("<svg"), c.id).toBe(true);
    }
  });
});

describe("outcome-kind charts: ordinal", () => {
  const charts = outcomeKindCharts(ordinal);
  const v = ordinal.outcomeValidation!;

  it("per cut-off ROC: one curve per cut-off, legend = area of the drawn curve = the cut-off table's AUC", () => {
    for (const m of v.models) {
      for (const e of [...m.cohorts, m.crossValidated!]) {
        const chart = charts.find((c) => c.id === `cutoff-roc-${e.cohort.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/-$/, "")}-${m.model}`)!;
        const legends = rocLegends(chart.spec);
        expect(legends.map((l) => l.legend.split(":")[0])).toEqual(e.levels!.cutoffs.map((c) => c.cutoff));
        legends.forEach((l, k) => {
          expect(Math.abs(l.drawn - l.value)).toBeLessThanOrEqual(0.0005 + 1e-12); // the legend shows 3 decimals
          expect(Math.abs(l.drawn - e.levels!.cutoffs[k]!.auc)).toBeLessThan(1e-9); // tolerance 1e-9 (thinning keeps the area)
        });
      }
    }
  });

  it("confusion heatmap: counts and row percentages of the confusion table", () => {
    const e = v.models[0]!.cohorts.find((c) => c.cohort === "external")!;
    const chart = charts.find((c) => c.id === `confusion-matrix-external-${v.models[0]!.model}`)!;
    const rows = dataRows(chart.spec)[0]!;
    const table = e.levels!.confusion!.table;
    expect(rows.map((r) => r["count"])).toEqual(table.flat());
    const r0 = rows.find((r) => r["observed"] === e.levels!.levels[0] && r["predicted"] === e.levels!.levels[2])!;
    expect(r0["rowPercent"]).toBe(`${Math.round((100 * table[0]![2]!) / table[0]!.reduce((a, b) => a + b, 0))}%`);
  });

  it("the operating-point table follows the stated rule and every chart renders", async () => {
    const t = cutoffOperatingTable(ordinal)!;
    expect(t.id).toBe("cutoff-operating");
    expect(t.note).toContain("Youden, cross-validated development predictions");
    const perModel = v.models.length * (v.models[0]!.cohorts.length + 1) * 3;
    expect(t.rows).toHaveLength(perModel);
    for (const c of charts) {
      expect(compiledMarks(c.spec).warnings, c.id).toEqual([]);
      expect((await renderSvg(c.spec)).startsWith("<svg"), c.id).toBe(true);
    }
  });

  it("binary studies have none", () => {
    expect(outcomeKindCharts({ ...ordinal, outcomeValidation: null })).toEqual([]);
    expect(cutoffOperatingTable({ ...ordinal, outcomeValidation: null })).toBeNull();
  });
});
