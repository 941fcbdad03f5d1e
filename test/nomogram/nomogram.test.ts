// References: test/fixtures/nomogram_pbc.json from ../shared/fixtures/fx_nomogram_pbc.R (rms 6.5.0, R 4.2.2):
// lrm(cirrhosis ~ bili + albumin + protime + age + sex) and cph(Surv(time, status == 2) ~ bili + albumin + protime + age)
// on the PBC trial cohort, nomogram(f, fun = plogis) / nomogram(f, fun = function(x) surv(1825, x)).
// Tolerances (fixtures README): sc, Intercept, points, total points, lp 1e-5 relative; risk/survival 1e-6; axis tick values
// exact; function-axis position 1e-6 (rms's 1000-point interpolation reproduced).
// The model coefficients are rms's (stored); radval's own logistic fit is checked through the CLI (test/cli/nomogram.test.ts).
import { describe, expect, it } from "vitest";
import { readRawTable } from "../../src/io/readTable.js";
import { coxNomogram, logisticNomogram } from "../../src/nomogram/models.js";
import { nomogram } from "../../src/nomogram/nomogram.js";
import type { Nomogram, NomogramTerm } from "../../src/nomogram/types.js";
import { loadFixture, radvalErrorOf, relDiff } from "../helpers.js";

const fx = loadFixture("nomogram_pbc.json");
const pbc = readRawTable(new URL("../../examples/pbc.csv", import.meta.url).pathname);
const col = (name: string) => pbc.header.indexOf(name);
const byId = new Map(pbc.rows.map((r) => [Number(r[col("id")]), r]));

function terms(block: any): NomogramTerm[] {
  const rows = (block.patients.ids as number[]).map((id) => byId.get(id)!);
  return Object.entries(block.predictors).map(([name, p]: [string, any]) =>
    p.type === "factor"
      ? { name, type: "factor" as const, levels: p.values, coefficients: p.values.map((l: string) => p.coefficients_by_level[l]), values: rows.map((r) => p.values.indexOf(r[col(name)])) }
      : { name, type: "linear" as const, coefficient: p.coefficient, values: rows.map((r) => Number(r[col(name)])) },
  );
}

function expectBlock(nom: Nomogram, block: any): void {
  expect(relDiff(nom.scale, block.sc)).toBeLessThan(1e-5); // 1e-5 relative
  expect(relDiff(nom.lpAtZero, block.intercept_lp_at_zero_points)).toBeLessThan(1e-5);
  for (const axis of nom.predictors) {
    const ref = block.predictors[axis.name];
    expect(axis.values, axis.name).toEqual(ref.values); // axis tick values exact
    axis.points.forEach((pt, k) => expect(Math.abs(pt - ref.points[k])).toBeLessThan(1e-5 * Math.max(1, Math.abs(ref.points[k]))));
  }
  expect(nom.lpAxis.values).toEqual(block.lp_axis.lp_at); // exact
  nom.lpAxis.positions.forEach((v, k) => expect(relDiff(v, block.lp_axis.position[k])).toBeLessThan(1e-5));
  expect(nom.totalPointsAxis).toEqual(block.total_points_axis); // exact
  const P = block.patients;
  nom.patients.totalPoints.forEach((v, i) => expect(relDiff(v, P.total_points[i])).toBeLessThan(1e-5));
  nom.patients.lp.forEach((v, i) => expect(Math.abs(v - P.lp[i])).toBeLessThan(1e-5 * Math.max(1, Math.abs(P.lp[i]))));
  nom.patients.points.forEach((pts, j) => pts.forEach((v, i) => expect(Math.abs(v - P.points_by_predictor[i][j])).toBeLessThan(1e-5 * Math.max(1, P.points_by_predictor[i][j]))));
}

describe("nomogram = rms::nomogram", () => {
  it("logistic: scales, axes, risk axis by rms's interpolation, every patient's points and risk", () => {
    const b = fx.logistic;
    const nom = logisticNomogram({ intercept: b.coefficients[0], terms: terms(b), label: b.fun_axis.label });
    expectBlock(nom, b);
    const fa = nom.functionAxes[0]!;
    expect(fa.label).toBe("Risk of cirrhosis");
    expect(fa.ticks).toEqual(b.fun_axis.ticks); // exact, after dropping the candidates outside the lp grid
    fa.positions.forEach((v, k) => expect(Math.abs(v - b.fun_axis.position[k])).toBeLessThan(1e-6)); // 1e-6
    fa.positionsExact!.forEach((v, k) => expect(Math.abs(v - b.fun_axis.position_exact[k])).toBeLessThan(1e-6));
    nom.patients.functions[0]!.forEach((v, i) => expect(Math.abs(v - b.patients.risk[i])).toBeLessThan(1e-6)); // risk 1e-6
    const widest = nom.predictors.find((p) => p.name === "albumin")!;
    expect(Math.max(...widest.points)).toBeCloseTo(100, 10);
    expect(nom.predictors.find((p) => p.name === "sex")!.values).toEqual(["f", "m"]);
  });

  it("Cox: from the stored coefficients, centre and S0, 5-year survival axis and per-patient survival", () => {
    const b = fx.cox;
    const nom = coxNomogram({
      center: b.center,
      terms: terms(b),
      baselineSurvival: { time: [10, b.baseline_survival_time_used[0], 2000], surv: [0.99, b.baseline_survival_at_horizons[0], 0.7] },
      horizons: b.time_horizons,
      labels: [b.fun_axes[0].label],
    });
    expect(nom.baselineSurvivalAtHorizons[0]).toBe(b.baseline_survival_at_horizons[0]);
    expectBlock(nom, b);
    const fa = nom.functionAxes[0]!;
    expect(fa.ticks).toEqual(b.fun_axes[0].ticks);
    fa.positions.forEach((v, k) => expect(Math.abs(v - b.fun_axes[0].position[k])).toBeLessThan(1e-6)); // 1e-6
    fa.positionsExact!.forEach((v, k) => expect(Math.abs(v - b.fun_axes[0].position_exact[k])).toBeLessThan(1e-6));
    nom.patients.functions[0]!.forEach((v, i) => expect(Math.abs(v - b.patients.survival_at_horizons[0][i])).toBeLessThan(1e-6)); // survival 1e-6
  });

  it("rejects missing values, unequal lengths, all-zero effects and a Cox model without horizons", () => {
    const t = (values: number[], coefficient = 1): NomogramTerm => ({ name: "x", type: "linear", coefficient, values });
    const missing = radvalErrorOf(() => nomogram({ offset: 0, terms: [t([1, Number.NaN, 3])] }));
    expect(missing.code).toBe("NON_FINITE");
    expect(missing.where).toMatchObject({ feature: "x", row: 2 });
    expect(missing.hint).toMatch(/complete cases/);
    expect(radvalErrorOf(() => nomogram({ offset: 0, terms: [t([1, 2, 3]), { ...t([1, 2]), name: "z" }] })).code).toBe("INVALID_ARGUMENT");
    expect(radvalErrorOf(() => nomogram({ offset: 0, terms: [t([1, 2, 3], 0)] })).message).toMatch(/zero effect/);
    expect(radvalErrorOf(() => nomogram({ offset: 0, terms: [] })).code).toBe("INVALID_ARGUMENT");
    expect(radvalErrorOf(() => coxNomogram({ center: 0, terms: [t([1, 2, 3])], baselineSurvival: { time: [1], surv: [0.9] }, horizons: [] })).hint).toMatch(/horizons/);
  });
});
