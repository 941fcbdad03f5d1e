import { describe, expect, it } from "vitest";
import { featureColumn } from "../../src/core/dataset.js";
import { loadExample } from "../../src/io/examples.js";
import { rocCurve } from "../../src/metrics/roc.js";
import { loadFixture, maxAbsDiff } from "../helpers.js";

// References: pROC 1.18 coords(roc, "all") on asah.csv.
//  ../shared/fixtures/fx_auc_delong_asah.R → test/fixtures/auc_delong_asah.json (s100b)
//  test/fixtures/fx_metrics_extra.R → test/fixtures/metrics_extra.json (wfns with heavy ties; ndka with direction ">")
const ref = loadFixture("auc_delong_asah.json");
const extra = loadFixture("metrics_extra.json");
const asah = loadExample("asah");
const y = asah.outcome!.values;

function expectCoords(curve: ReturnType<typeof rocCurve>, R: { threshold: number[]; sensitivity: number[]; specificity: number[] }) {
  expect(curve.thresholds.length).toBe(R.threshold.length);
  // tolerance: thresholds, sensitivities and specificities 1e-12 absolute (pROC's own arithmetic: exact in practice)
  expect(maxAbsDiff(curve.thresholds, R.threshold)).toBeLessThan(1e-12);
  expect(maxAbsDiff(curve.sensitivity, R.sensitivity)).toBeLessThan(1e-12);
  expect(maxAbsDiff(curve.specificity, R.specificity)).toBeLessThan(1e-12);
}

describe("rocCurve (pROC layout)", () => {
  it("reproduces every coordinate of coords(roc_s100b, 'all'), −Inf and Inf included", () => {
    const curve = rocCurve(y, featureColumn(asah, "s100b"));
    expectCoords(curve, ref.coords_all_s100b);
    expect(curve.thresholds[0]).toBe(-Infinity);
    expect(curve.thresholds[curve.thresholds.length - 1]).toBe(Infinity);
    // tolerance: 1e-12 absolute
    expect(Math.abs(curve.auc - ref.rocs.s100b.auc)).toBeLessThan(1e-12);
  });

  it("reproduces pROC on a 5-level marker with heavy ties (wfns)", () => {
    expectCoords(rocCurve(y, featureColumn(asah, "wfns")), extra.wfns_coords);
  });

  it("reproduces pROC with direction '>' (ndka): thresholds from +Inf down, sensitivity decreasing", () => {
    const curve = rocCurve(y, featureColumn(asah, "ndka"), { direction: ">" });
    expectCoords(curve, extra.ndka_greater.coords);
    // tolerance: 1e-12 absolute
    expect(Math.abs(curve.auc - extra.ndka_greater.auc)).toBeLessThan(1e-12);
  });

  it("moves a midpoint that rounds onto a neighbour to the correct side (pROC's tie fix)", () => {
    // 1 and the next double: their midpoint rounds to one of them.
    const a = 1;
    const b = 1 + 2 ** -52;
    const curve = rocCurve([0, 1], [a, b]);
    expect(Array.from(curve.thresholds)).toEqual([-Infinity, b, Infinity]);
    // at threshold b only the positive (score b) is called positive
    expect(curve.sensitivity[1]).toBe(1);
    expect(curve.specificity[1]).toBe(1);
    const down = rocCurve([1, 0], [a, b], { direction: ">" });
    expect(Array.from(down.thresholds)).toEqual([Infinity, a, -Infinity]);
    expect(down.sensitivity[1]).toBe(1);
    expect(down.specificity[1]).toBe(1);
  });
});
