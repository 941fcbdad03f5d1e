import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { aucMannWhitney } from "../../src/metrics/auc.js";
import { rocCurve } from "../../src/metrics/roc.js";

/** Outcomes with both classes and integer scores with many ties, as two equally long arrays. */
const labelled = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 1 }), fc.integer({ min: -40, max: 40 })), { minLength: 2, maxLength: 80 })
  .filter((rows) => rows.some(([y]) => y === 1) && rows.some(([y]) => y === 0))
  .map((rows) => ({ truth: rows.map(([y]) => y), score: rows.map(([, s]) => s) }));

const RUNS = { seed: 20260101, numRuns: 200 };

describe("AUC properties (fast-check)", () => {
  it("is unchanged under strictly increasing transforms of the score", () => {
    const transforms = [(x: number) => 3 * x - 11, (x: number) => x * x * x, (x: number) => Math.exp(x / 8), (x: number) => Math.atan(x)];
    fc.assert(
      fc.property(labelled, fc.integer({ min: 0, max: transforms.length - 1 }), ({ truth, score }, k) => {
        expect(aucMannWhitney(truth, score.map(transforms[k]!))).toBe(aucMannWhitney(truth, score));
      }),
      RUNS,
    );
  });

  it("AUC(−s) = 1 − AUC(s), and direction '>' equals the negated score", () => {
    fc.assert(
      fc.property(labelled, ({ truth, score }) => {
        const a = aucMannWhitney(truth, score);
        // tolerance: 1e-15 absolute (both sides are U/(n1 n0) with exact integer U)
        expect(Math.abs(aucMannWhitney(truth, score.map((x) => -x)) - (1 - a))).toBeLessThan(1e-15);
        expect(aucMannWhitney(truth, score, ">")).toBe(aucMannWhitney(truth, score.map((x) => -x)));
      }),
      RUNS,
    );
  });

  it("equals the brute-force pair count and the area under the ROC curve", () => {
    fc.assert(
      fc.property(labelled, ({ truth, score }) => {
        let u = 0;
        let pairs = 0;
        truth.forEach((yi, i) => {
          if (yi !== 1) return;
          truth.forEach((yj, j) => {
            if (yj !== 0) return;
            pairs++;
            u += score[i]! > score[j]! ? 1 : score[i] === score[j] ? 0.5 : 0;
          });
        });
        expect(aucMannWhitney(truth, score)).toBe(u / pairs);
        // trapezoids of the ROC curve; tolerance 1e-12 absolute
        const roc = rocCurve(truth, score);
        let area = 0;
        for (let k = 1; k < roc.thresholds.length; k++) {
          area += ((roc.specificity[k]! - roc.specificity[k - 1]!) * (roc.sensitivity[k]! + roc.sensitivity[k - 1]!)) / 2;
        }
        expect(Math.abs(area - u / pairs)).toBeLessThan(1e-12);
      }),
      RUNS,
    );
  });
});
