// Reference: test/fixtures/approx_r.json from test/fixtures/scripts/fx_approx.R (R 4.2.2 approx(…, ties = mean), seq(…, length = 1000)).
import { describe, expect, it } from "vitest";
import { approxLinear, seqLengthOut } from "../../src/nomogram/approx.js";
import { loadFixture } from "../helpers.js";

const fx = loadFixture("approx_r.json");
const num = (v: string[]) => v.map((s) => (s === "NA" ? Number.NaN : Number(s)));

describe("approxLinear = R's approx(ties = mean), seqLengthOut = seq(length.out)", () => {
  it("sorts, averages tied x and gives NaN outside the range", () => {
    const got = approxLinear(num(fx.ties.x), num(fx.ties.y), num(fx.ties.xout));
    const want = num(fx.ties.approx);
    // tolerance: 1e-15 absolute (same arithmetic); NA ↔ NaN
    got.forEach((v, k) => (Number.isNaN(want[k]!) ? expect(v).toBeNaN() : expect(Math.abs(v - want[k]!)).toBeLessThan(1e-15)));
  });

  it("inverts a decreasing survival curve on rms's 1000-point lp grid", () => {
    const grid = seqLengthOut(-2, 5, 1000);
    const ref = num(fx.grid.seq);
    grid.forEach((v, k) => expect(Math.abs(v - ref[k]!)).toBeLessThan(1e-15)); // 1e-15 absolute
    const got = approxLinear(Array.from(grid, (lp) => 0.765565 ** Math.exp(lp)), grid, num(fx.grid.ticks));
    // tolerance: 1e-12 absolute (pow/exp may differ from R's libm in the last bits)
    got.forEach((v, k) => expect(Math.abs(v - num(fx.grid.approx)[k]!)).toBeLessThan(1e-12));
  });
});
