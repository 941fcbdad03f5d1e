import { describe, expect, it } from "vitest";
import { createRng } from "../../../src/core/rng.js";
import { singletonOrder } from "../../../src/models/coxnet/sortOrder.js";

// The exact tie order is checked through glmnet parity (test/models/coxnet/path.test.ts on PBC, which has
// censorings tied with event times); here: it is a sorting permutation for every size and tie pattern.
describe("singletonOrder (psort7)", () => {
  it("returns a permutation that sorts ascending, with and without ties", () => {
    const rng = createRng(5);
    for (const n of [1, 2, 3, 10, 11, 12, 50, 1000]) {
      for (const levels of [3, 1e9]) {
        const v = Float64Array.from({ length: n }, () => Math.floor(rng.uniform() * levels));
        const o = singletonOrder(v);
        expect([...o].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
        for (let k = 1; k < n; k++) expect(v[o[k]!]!).toBeGreaterThanOrEqual(v[o[k - 1]!]!);
      }
    }
  });
});
