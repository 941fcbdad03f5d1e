// Reference values: test/fixtures/riley_sample_size.json, written by
// test/fixtures/fx_riley_sample_size.R (Riley et al. 2020 formulas as in pmsampsize, R 4.2.2).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { rileyAtN, rileySampleSize } from "../../src/report/riley.js";
import { fixturePath, radvalErrorOf } from "../helpers.js";

interface Scenario {
  input: { r2CoxSnell: number; parameters: number; prevalence: number; n: number };
  maxR2CoxSnell: number;
  criteria: { shrinkage: { n: number; nRequired: number; shrinkage: number }; optimism: { n: number; nRequired: number; shrinkage: number }; intercept: { n: number; nRequired: number } };
  required: number;
  requiredEvents: number;
  requiredEpp: number;
  atN: { shrinkage: number; optimismNagelkerke: number; marginOfError: number };
}
const fixture = JSON.parse(readFileSync(fixturePath("riley_sample_size.json"), "utf8")) as { scenarios: Scenario[] };
const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(1, Math.abs(b));

describe("Riley et al. (2020) minimum sample size, binary outcome", () => {
  it("reproduces pmsampsize's documented example (R² 0.288, 24 parameters, prevalence 0.174 → 662 patients, EPP 4.8)", () => {
    const r = rileySampleSize({ r2CoxSnell: 0.288, parameters: 24, prevalence: 0.174 });
    expect([r.shrinkage.nRequired, r.optimism.nRequired, r.intercept.nRequired, r.required]).toEqual([623, 662, 221, 662]);
    expect(r.requiredEpp).toBeCloseTo(4.8, 2);
  });

  it.each(fixture.scenarios.map((s, i) => [i, s] as const))("matches the R script, scenario %i (relative 1e-12, solved shrinkage 1e-9)", (_i, s) => {
    const input = { r2CoxSnell: s.input.r2CoxSnell, parameters: s.input.parameters, prevalence: s.input.prevalence };
    const r = rileySampleSize(input);
    expect(rel(r.maxR2CoxSnell, s.maxR2CoxSnell)).toBeLessThan(1e-12);
    expect(rel(r.shrinkage.n, s.criteria.shrinkage.n)).toBeLessThan(1e-12);
    expect(rel(r.optimism.n, s.criteria.optimism.n)).toBeLessThan(1e-12);
    expect(rel(r.optimism.shrinkage, s.criteria.optimism.shrinkage)).toBeLessThan(1e-12);
    expect(rel(r.intercept.n, s.criteria.intercept.n)).toBeLessThan(1e-12);
    expect(r.required).toBe(s.required);
    expect(rel(r.requiredEvents, s.requiredEvents)).toBeLessThan(1e-12);
    expect(rel(r.requiredEpp, s.requiredEpp)).toBeLessThan(1e-12);
    const at = rileyAtN(input, s.input.n);
    // uniroot in R stops at tol 1e-14 on S; compare at 1e-9
    expect(Math.abs(at.shrinkage - s.atN.shrinkage)).toBeLessThan(1e-9);
    expect(Math.abs(at.optimismNagelkerke - s.atN.optimismNagelkerke)).toBeLessThan(1e-9);
    expect(rel(at.marginOfError, s.atN.marginOfError)).toBeLessThan(1e-12);
  });

  it("at the required n of criterion (i) the expected shrinkage is 0.9", () => {
    const input = { r2CoxSnell: 0.15, parameters: 20, prevalence: 0.29 };
    const n = rileySampleSize(input).shrinkage.n;
    expect(rileyAtN(input, n).shrinkage).toBeCloseTo(0.9, 10);
  });

  it("rejects an R² above its maximum, a prevalence outside (0, 1) and no parameters", () => {
    expect(radvalErrorOf(() => rileySampleSize({ r2CoxSnell: 0.9, parameters: 10, prevalence: 0.1 })).code).toBe("INVALID_ARGUMENT");
    expect(radvalErrorOf(() => rileySampleSize({ r2CoxSnell: 0.1, parameters: 10, prevalence: 1 })).message).toContain("prevalence");
    expect(radvalErrorOf(() => rileyAtN({ r2CoxSnell: 0.1, parameters: 0, prevalence: 0.3 }, 100)).message).toContain("parameters");
  });
});
