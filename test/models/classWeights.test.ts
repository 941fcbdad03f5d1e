import { describe, expect, it } from "vitest";
import { observationWeights, resolveClassWeights } from "../../src/models/classWeights.js";
import { radvalErrorOf } from "../helpers.js";

describe("class weights", () => {
  const y = [0, 0, 0, 1, 0, 1, 0, 0]; // 6 of class 0, 2 of class 1

  it('"balanced" is n / (2 n_c), as scikit-learn\'s compute_class_weight("balanced")', () => {
    expect(resolveClassWeights("balanced", y)).toEqual([8 / 12, 8 / 4]);
    expect(resolveClassWeights(null, y)).toEqual([1, 1]);
    expect(resolveClassWeights({ "1": 3 }, y)).toEqual([1, 3]);
    expect(resolveClassWeights([2, 5], y)).toEqual([2, 5]);
  });

  it("become observation weights w_i × class weight, without touching the inputs", () => {
    const w = Float64Array.from([1, 2, 1, 1, 1, 1, 1, 1]);
    const out = observationWeights(y, { "0": 0.5, "1": 3 }, w);
    expect(Array.from(out)).toEqual([0.5, 1, 0.5, 3, 0.5, 3, 0.5, 0.5]);
    expect(Array.from(w)).toEqual([1, 2, 1, 1, 1, 1, 1, 1]);
  });

  it("bad weights are clear errors", () => {
    expect(radvalErrorOf(() => resolveClassWeights("balanced", [1, 1, 1])).code).toBe("SINGLE_CLASS");
    expect(radvalErrorOf(() => resolveClassWeights({ "0": -1 }, y)).code).toBe("INVALID_PARAMETER");
    expect(radvalErrorOf(() => resolveClassWeights({ yes: 1 } as never, y)).message).toContain('"yes"');
    expect(radvalErrorOf(() => resolveClassWeights([0, 0], y)).code).toBe("INVALID_PARAMETER");
  });
});
