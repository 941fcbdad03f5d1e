import { describe, expect, it } from "vitest";
import { Rng, createRng } from "../../src/core/rng.js";
import { RadvalError } from "../../src/core/errors.js";

describe("Rng (xoshiro128**)", () => {
  it("gives the same stream for the same seed and different streams for different seeds", () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const sa = Array.from({ length: 20 }, () => a.nextUint32());
    const sb = Array.from({ length: 20 }, () => b.nextUint32());
    const sc = Array.from({ length: 20 }, () => c.nextUint32());
    expect(sa).toEqual(sb);
    expect(sa).not.toEqual(sc);
  });

  it("accepts string seeds and rejects invalid numeric seeds", () => {
    expect(createRng("study-1").uniform()).toBe(createRng("study-1").uniform());
    expect(() => createRng(-1)).toThrow(RadvalError);
    expect(() => createRng(1.5)).toThrow(/seed/);
  });

  it("draws uniforms in [0, 1) with mean 1/2 and variance 1/12 (n = 200,000; 5 SE bounds)", () => {
    const rng = createRng(1);
    const n = 200_000;
    let sum = 0;
    let sumSq = 0;
    for (let i = 0; i < n; i++) {
      const u = rng.uniform();
      expect(u >= 0 && u < 1).toBe(true);
      sum += u;
      sumSq += u * u;
    }
    const mean = sum / n;
    const variance = sumSq / n - mean * mean;
    expect(Math.abs(mean - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(0.002);
  });

  it("draws normals with mean 0, sd 1 and the right tail mass (n = 200,000)", () => {
    const rng = createRng(2);
    const n = 200_000;
    let sum = 0;
    let sumSq = 0;
    let beyond196 = 0;
    for (let i = 0; i < n; i++) {
      const z = rng.normal();
      sum += z;
      sumSq += z * z;
      if (Math.abs(z) > 1.959964) beyond196++;
    }
    expect(Math.abs(sum / n)).toBeLessThan(5 / Math.sqrt(n));
    expect(Math.abs(sumSq / n - 1)).toBeLessThan(0.02);
    // P(|Z| > 1.96) = 0.05; binomial SE = sqrt(0.05 * 0.95 / n) ≈ 4.9e-4
    expect(Math.abs(beyond196 / n - 0.05)).toBeLessThan(5 * 4.9e-4);
  });

  it("draws integers uniformly over 0..n-1 (chi-square over 7 cells below the 0.999 quantile)", () => {
    const rng = createRng(3);
    const counts = new Array(7).fill(0);
    const draws = 70_000;
    for (let i = 0; i < draws; i++) counts[rng.integer(7)]++;
    const expected = draws / 7;
    const chi2 = counts.reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
    expect(chi2).toBeLessThan(22.46); // qchisq(0.999, 6)
    expect(() => rng.integer(0)).toThrow(RadvalError);
  });

  it("shuffles into a permutation and samples with and without replacement", () => {
    const rng = createRng(4);
    const perm = rng.permutation(100);
    expect(Array.from(perm).sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(Array.from(perm)).not.toEqual(Array.from({ length: 100 }, (_, i) => i));
    const boot = rng.sampleWithReplacement(1000);
    expect(boot.length).toBe(1000);
    expect(new Set(boot).size).toBeLessThan(1000); // ≈ 632 distinct expected
    expect(new Set(boot).size).toBeGreaterThan(560);
    const sub = rng.sampleWithoutReplacement(50, 20);
    expect(new Set(sub).size).toBe(20);
    expect(() => rng.sampleWithoutReplacement(5, 6)).toThrow(RadvalError);
  });

  it("splits into reproducible, distinct child streams that do not depend on later parent use", () => {
    const parent1 = createRng(5);
    const children1 = parent1.splitMany(3).map((c) => c.nextUint32());
    const parent2 = createRng(5);
    const children2 = parent2.splitMany(3).map((c) => c.nextUint32());
    expect(children1).toEqual(children2);
    expect(new Set(children1).size).toBe(3);
  });

  it("round-trips its state", () => {
    const rng = createRng(6);
    rng.uniform();
    const copy = Rng.fromState(rng.getState());
    expect(copy.nextUint32()).toBe(rng.nextUint32());
    const clone = rng.clone();
    expect(clone.uniform()).toBe(rng.uniform());
  });
});
