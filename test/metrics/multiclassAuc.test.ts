import { describe, expect, it } from "vitest";
import { featureColumn } from "../../src/core/dataset.js";
import { matrixFromRows } from "../../src/core/matrix.js";
import { loadExample } from "../../src/io/examples.js";
import { multiclassAuc, multiclassMarkerAuc } from "../../src/metrics/multiclassAuc.js";
import { loadFixture, radvalErrorOf } from "../helpers.js";

// References: scikit-learn 1.2.1 roc_auc_score(multi_class = "ovr", average = "macro"),
//  test/fixtures/fx_multiclass_ovr.py → test/fixtures/multiclass_ovr.json; pROC 1.18 multiclass.roc (Hand & Till),
//  ../shared/fixtures/fx_multiclass_pbc.R → test/fixtures/multiclass_pbc.json. PBC stage 1–4, trial cohort.
const fx = loadFixture("multiclass_pbc.json");
const ovr = loadFixture("multiclass_ovr.json");
const probs = matrixFromRows(fx.probabilities);

describe("multi-class AUC", () => {
  it("macro one-vs-rest matches scikit-learn, per class too", () => {
    const r = multiclassAuc(ovr.y, probs);
    // tolerance: 1e-12 absolute
    expect(Math.abs(r.auc - ovr.ovr_macro)).toBeLessThan(1e-12);
    r.perClass!.forEach((c, k) => expect(Math.abs(c.auc - ovr.per_class[k])).toBeLessThan(1e-12));
  });

  it("Hand & Till matches pROC's multiclass.roc with the probability matrix", () => {
    const r = multiclassAuc(ovr.y, probs, { method: "hand-till" });
    expect(r.pairs!.length).toBe(6);
    // tolerance: 1e-12 absolute
    expect(Math.abs(r.auc - fx.hand_till_probs)).toBeLessThan(1e-12);
  });

  it("one ordinal marker (bilirubin) matches pROC's multiclass.roc(direction = '<')", () => {
    const pbc = loadExample("pbc");
    const biliById = new Map(pbc.ids.map((id, i) => [Number(id), featureColumn(pbc, "bili")[i]!]));
    const bili = fx.ids.map((id: number) => biliById.get(id)!);
    const r = multiclassMarkerAuc(ovr.y, bili);
    // tolerance: 1e-12 absolute
    expect(Math.abs(r.auc - fx.hand_till_bili)).toBeLessThan(1e-12);
  });

  it("accepts columns as arrays and rejects bad labels or an empty class", () => {
    const cols = [0, 1, 2, 3].map((k) => fx.probabilities.map((row: number[]) => row[k]));
    expect(multiclassAuc(ovr.y, cols).auc).toBe(multiclassAuc(ovr.y, probs).auc);
    expect(radvalErrorOf(() => multiclassAuc([0, 1, 3], [[0.5, 0.2, 0.1], [0.5, 0.8, 0.9]])).code).toBe("INVALID_ARGUMENT");
    expect(radvalErrorOf(() => multiclassAuc([0, 0, 0], [[0.5, 0.2, 0.1], [0.5, 0.8, 0.9]])).code).toBe("SINGLE_CLASS");
  });
});

