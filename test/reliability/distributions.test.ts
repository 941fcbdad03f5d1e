import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fQuantile, fUpperTail } from "../../src/reliability/distributions.js";

// Reference: R 4.2.2 qf() and -expm1(pf(..., log.p = TRUE)), test/fixtures/fx_reliability_extra.R → test/fixtures/f_distribution.json
const ref = JSON.parse(readFileSync(new URL("../fixtures/f_distribution.json", import.meta.url), "utf8"));

describe("F distribution (stdlib) against R", () => {
  it("fQuantile matches qf to 1e-12 relative at the df psych::ICC uses, integer and Satterthwaite (non-integer)", () => {
    const { p, df1, df2, q } = ref.quantiles;
    expect(q.length).toBeGreaterThan(200);
    for (let i = 0; i < q.length; i++) {
      const got = fQuantile(p[i], df1[i], df2[i]);
      // tolerance 1e-12 relative (measured: ~7e-15; jstat's centralF.inv is only ~4e-8 here, which is why stdlib is used)
      expect(Math.abs(got - q[i]) / q[i]).toBeLessThan(1e-12);
    }
  });

  it("fUpperTail matches R's upper tail to 1e-11 relative, down to p ~ 1e-130", () => {
    const { F, df1, df2, upper } = ref.upper_tails;
    for (let i = 0; i < upper.length; i++) {
      const got = fUpperTail(F[i], df1[i], df2[i]);
      // tolerance 1e-11 relative (1 − cdf would lose everything below 1e-16); R's 0 (underflow below 1e-308) must be 0 here too
      if (upper[i] === 0) expect(got).toBe(0);
      else expect(Math.abs(got - upper[i]) / upper[i]).toBeLessThan(1e-11);
    }
  });

  it("fUpperTail handles the ends: F ≤ 0 → 1, F = ∞ → 0, NaN → NaN", () => {
    expect(fUpperTail(0, 3, 10)).toBe(1);
    expect(fUpperTail(Infinity, 3, 10)).toBe(0);
    expect(fUpperTail(NaN, 3, 10)).toBeNaN();
  });
});
