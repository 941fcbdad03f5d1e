// References: test/fixtures/nomogram_pbc.json from ../shared/fixtures/fx_nomogram_pbc.R (rms 6.5.0): the logistic block,
// lrm(cirrhosis ~ bili + albumin + protime + age + sex) on the PBC trial cohort, nomogram(f, fun = plogis). Here the model
// is given as a raw-scale formula (as a study's model.json stores it) with sex as a 0/1 number, and the axes come from
// what the study keeps of the development data (ranges + nomogramBasis), not from the data themselves.
// Tolerances (fixtures README): scale, lp at 0 points, points, total points 1e-5 relative; risk 1e-6; axis values exact.
import { describe, expect, it } from "vitest";
import { readRawTable } from "../../src/io/readTable.js";
import { nomogramBasisOf } from "../../src/nomogram/basis.js";
import { formulaNomogram } from "../../src/nomogram/formula.js";
import { loadFixture, radvalErrorOf, relDiff } from "../helpers.js";

const b = loadFixture("nomogram_pbc.json").logistic;
const pbc = readRawTable(new URL("../../examples/pbc.csv", import.meta.url).pathname);
const col = (name: string) => pbc.header.indexOf(name);
const byId = new Map(pbc.rows.map((r) => [Number(r[col("id")]), r]));
const rows = (b.patients.ids as number[]).map((id) => byId.get(id)!);
const names = Object.keys(b.predictors);
const values = (f: string) => Float64Array.from(rows, (r) => (f === "sex" ? (r[col(f)] === "m" ? 1 : 0) : Number(r[col(f)])));
const columns = new Map(names.map((f) => [f, values(f)]));
const formula = {
  intercept: b.coefficients[0],
  coefficients: Object.fromEntries(names.map((f) => [f, f === "sex" ? b.predictors.sex.coefficients_by_level.m : b.predictors[f].coefficient])),
};
const ranges = Object.fromEntries(names.map((f) => [f, [Math.min(...columns.get(f)!), Math.max(...columns.get(f)!)] as const]));

describe("formulaNomogram (a study model's nomogram)", () => {
  it("from the formula, ranges and basis it is rms's nomogram: axes, scale, risk axis, every patient's points", () => {
    const basis = nomogramBasisOf(columns, Float64Array.from(b.patients.lp as number[]));
    expect(basis.discrete).toEqual({ sex: [0, 1] }); // ≤ 10 distinct values: drawn as they are (datadist)
    const { nomogram: nom, approximations } = formulaNomogram(formula, ranges, basis, { label: "Risk of cirrhosis", patients: Object.fromEntries(columns) });
    expect(approximations).toEqual([]);
    expect(relDiff(nom.scale, b.sc)).toBeLessThan(1e-5); // 1e-5 relative
    expect(relDiff(nom.lpAtZero, b.intercept_lp_at_zero_points)).toBeLessThan(1e-5);
    for (const p of nom.predictors) {
      expect(p.values).toEqual(p.name === "sex" ? [0, 1] : b.predictors[p.name].values); // exact
      p.points.forEach((v, k) => expect(Math.abs(v - b.predictors[p.name].points[k])).toBeLessThan(1e-5 * Math.max(1, b.predictors[p.name].points[k])));
    }
    expect(nom.lpAxis.values).toEqual(b.lp_axis.lp_at); // exact
    expect(nom.totalPointsAxis).toEqual(b.total_points_axis); // exact
    expect(nom.functionAxes[0]!.ticks).toEqual(b.fun_axis.ticks);
    nom.functionAxes[0]!.positions.forEach((v, k) => expect(Math.abs(v - b.fun_axis.position[k])).toBeLessThan(1e-6)); // 1e-6
    nom.patients.totalPoints.forEach((v, i) => expect(relDiff(v, b.patients.total_points[i])).toBeLessThan(1e-5));
    nom.patients.functions[0]!.forEach((v, i) => expect(Math.abs(v - b.patients.risk[i])).toBeLessThan(1e-6)); // risk 1e-6
  });

  it("without patients it still draws every axis (the lp axis from the basis)", () => {
    const basis = nomogramBasisOf(columns, Float64Array.from(b.patients.lp as number[]));
    const { nomogram: nom } = formulaNomogram(formula, ranges, basis);
    expect(nom.patients.totalPoints.length).toBe(0);
    expect(nom.lpAxis.values).toEqual(b.lp_axis.lp_at);
    expect(nom.functionAxes[0]!.label).toBe("Risk");
  });

  it("an old model file without a basis: pretty() axes and an lp axis over the predictor axes, said in approximations", () => {
    const { nomogram: nom, approximations } = formulaNomogram(formula, ranges, undefined);
    expect(approximations[0]).toMatch(/no nomogramBasis/);
    expect(nom.predictors.find((p) => p.name === "albumin")!.values).toEqual(b.predictors.albumin.values);
    expect(relDiff(nom.scale, b.sc)).toBeLessThan(1e-5); // albumin still spans 0–100
  });

  it("leaves out zero coefficients (a penalised model) and refuses an intercept-only model or a predictor without a range", () => {
    const { nomogram: nom } = formulaNomogram({ intercept: 0, coefficients: { ...formula.coefficients, bili: 0 } }, ranges, null);
    expect(nom.predictors.map((p) => p.name)).toEqual(["albumin", "protime", "age", "sex"]);
    expect(radvalErrorOf(() => formulaNomogram({ intercept: 0.3, coefficients: { bili: 0 } }, ranges, null)).message).toMatch(/intercept only/);
    expect(radvalErrorOf(() => formulaNomogram({ intercept: 0.3, coefficients: { copper: 0.1 } }, ranges, null)).message).toMatch(/no development range for the predictor "copper"/);
  });
});
