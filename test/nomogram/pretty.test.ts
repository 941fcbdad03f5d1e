import { describe, expect, it } from "vitest";
import { rPretty } from "../../src/nomogram/pretty.js";
import { loadFixture } from "../helpers.js";

// Reference: test/fixtures/pretty_r.json from test/fixtures/scripts/fx_pretty.R (base R 4.2.2 pretty()).
const fx = loadFixture("pretty_r.json");
const num = (v: string | string[]): number[] => ([] as string[]).concat(v).map(Number);

describe("rPretty (R's pretty)", () => {
  it("reproduces R's pretty(c(lo, hi), n = 10) and pretty(c(lo, hi)) bit for bit on 221 ranges", () => {
    let checked = 0;
    for (const c of fx.cases) {
      const lo = Number(c.lo);
      const hi = Number(c.hi);
      // tolerance: exact (fixtures README: axis tick values exact)
      expect(rPretty(lo, hi, 10), `pretty(c(${c.lo}, ${c.hi}), 10)`).toEqual(num(c.pretty));
      expect(rPretty(lo, hi, 5), `pretty(c(${c.lo}, ${c.hi}))`).toEqual(num(c.pretty5));
      checked++;
    }
    expect(checked).toBe(fx.cases.length);
  });
});
