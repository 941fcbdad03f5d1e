import { describe, expect, it } from "vitest";
import { condensedGet } from "../../src/cluster/condensed.js";
import { correlationMatrix } from "../../src/cluster/correlation.js";
import { chooseRepresentative, coefficientOfVariation } from "../../src/cluster/representative.js";
import { matrixFromColumns } from "../../src/core/matrix.js";
import { aucMannWhitney } from "../../src/metrics/auc.js";
import { radvalErrorOf } from "../helpers.js";

const absR = (x: ReturnType<typeof matrixFromColumns>) => {
  const r = correlationMatrix(x);
  return { size: r.size, data: r.data.map(Math.abs) };
};

describe("chooseRepresentative", () => {
  // Three correlated columns: b has the largest relative spread, c is the best separator of y, a sits in the middle.
  const y = [0, 0, 0, 1, 1, 1];
  const a = [10, 11, 14, 12, 15, 16]; // AUC 8/9
  const b = [1, 2, 5, 3, 4, 9]; // AUC 7/9
  const c = [10, 10.5, 11, 14, 14.5, 15];
  const x = matrixFromColumns([a, b, c]);

  it("variance: the highest coefficient of variation sd/|mean|", () => {
    const choice = chooseRepresentative([0, 1, 2], "variance", x, absR(x));
    const cvs = [a, b, c].map(coefficientOfVariation);
    expect(choice.scores).toEqual(cvs);
    expect(choice.member).toBe(1);
    // sd with divisor n − 1 (R's sd): cv(b) = sd(b) / mean(b)
    expect(cvs[1]).toBeCloseTo(Math.sqrt(((1 - 4) ** 2 + (2 - 4) ** 2 + 1 + 1 + 0 + 25) / 5) / 4, 14); // 1e-14
  });

  it("auc: the highest direction-free univariate AUC (Mann–Whitney)", () => {
    const choice = chooseRepresentative([0, 1, 2], "auc", x, absR(x), y);
    expect(choice.scores).toEqual([a, b, c].map((col) => Math.max(aucMannWhitney(y, col), 1 - aucMannWhitney(y, col))));
    expect(choice.scores).toEqual([8 / 9, 7 / 9, 1]);
    expect(choice.member).toBe(2);
    // a reversed feature is as good as the original
    const flipped = matrixFromColumns([a, c.map((v) => -v)]);
    expect(chooseRepresentative([0, 1], "auc", flipped, absR(flipped), y).member).toBe(1);
  });

  it("medoid: the highest mean |r| to the other members", () => {
    const r = absR(x);
    const choice = chooseRepresentative([0, 1, 2], "medoid", x, r);
    const mean = (i: number) => [0, 1, 2].filter((j) => j !== i).reduce((s, j) => s + condensedGet(r, i, j), 0) / 2;
    [0, 1, 2].forEach((i) => expect(choice.scores[i]).toBeCloseTo(mean(i), 15)); // 1e-15: same |r| values averaged
    expect(choice.member).toBe(choice.scores.indexOf(Math.max(...choice.scores)));
  });

  it("falls back to medoid when a member's mean is 0 (CV undefined)", () => {
    const centred = matrixFromColumns([[-1, 0, 1, 2, -2, 0], [-2, 0, 2, 4, -4, 1]]);
    const choice = chooseRepresentative([0, 1], "variance", centred, absR(centred));
    expect(choice.rule).toBe("medoid");
  });

  it("a singleton is its own representative; auc without the outcome is MISSING_ROLE", () => {
    expect(chooseRepresentative([2], "variance", x, absR(x)).member).toBe(2);
    expect(radvalErrorOf(() => chooseRepresentative([0, 1], "auc", x, absR(x))).code).toBe("MISSING_ROLE");
  });
});
