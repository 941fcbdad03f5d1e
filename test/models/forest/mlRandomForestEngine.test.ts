// ml-random-forest as the second randomForest engine (small forests only: it is slow).
import { beforeAll, describe, expect, it } from "vitest";
import { createRng } from "../../../src/core/rng.js";
import { aucMannWhitney } from "../../../src/metrics/auc.js";
import { mlRandomForestEngine } from "../../../src/models/forest/mlRandomForestEngine.js";
import { randomForest } from "../../../src/models/forest/spec.js";
import { radvalErrorOf } from "../../helpers.js";
import { wdbcSmall } from "../data.js";

describe("randomForest / ml-random-forest engine", () => {
  const d = wdbcSmall(2, 10);
  const spec = randomForest({ trees: 8 }, "ml-random-forest");

  beforeAll(async () => {
    await mlRandomForestEngine.prepare!(); // ml-random-forest is imported on demand
  });

  it("is seeded from the Rng (its own Mersenne Twister gets one draw): same seed, same forest; another seed, another", () => {
    const a = mlRandomForestEngine.fit(spec, d.xs, d.y, { rng: createRng(1) });
    const b = mlRandomForestEngine.fit(spec, d.xs, d.y, { rng: createRng(1) });
    const c = mlRandomForestEngine.fit(spec, d.xs, d.y, { rng: createRng(2) });
    expect(a.predictProba(d.xs)).toEqual(b.predictProba(d.xs));
    expect(a.predictProba(d.xs)).not.toEqual(c.predictProba(d.xs));
    expect((a.describe().details as { seed: number }).seed).toBe((b.describe().details as { seed: number }).seed);
  });

  it("gives vote shares in [0, 1] with a training AUC above 0.95", () => {
    const p = mlRandomForestEngine.fit(spec, d.xs, d.y, { rng: createRng(3) }).predictProba(d.xs);
    expect(p.every((v) => v >= 0 && v <= 1)).toBe(true);
    expect(aucMannWhitney(d.y, p)).toBeGreaterThan(0.95);
  });

  it("mtry = 1 uses one feature per tree (ml-random-forest reads 1 as the fraction 100 %)", () => {
    const m = mlRandomForestEngine.fit(randomForest({ trees: 2, mtry: 1 }, "ml-random-forest"), d.xs, d.y, { rng: createRng(3) });
    const state = m.toJSON().state as { forest: { baseModel: { indexes: number[][] } } };
    expect(state.forest.baseModel.indexes.every((idx) => idx.length === 1)).toBe(true);
  });

  it("refuses class weights, observation weights, subsampling and permutation importance", () => {
    const fit = (s: ReturnType<typeof randomForest>, weights?: Float64Array) =>
      radvalErrorOf(() => mlRandomForestEngine.fit(s, d.xs, d.y, { rng: createRng(1), ...(weights ? { weights } : {}) })).code;
    expect(fit(randomForest({ trees: 2, classWeight: "balanced" }, "ml-random-forest"))).toBe("NOT_IMPLEMENTED_OPTION");
    expect(fit(randomForest({ trees: 2, replace: false }, "ml-random-forest"))).toBe("NOT_IMPLEMENTED_OPTION");
    expect(fit(randomForest({ trees: 2, importance: "permutation" }, "ml-random-forest"))).toBe("NOT_IMPLEMENTED_OPTION");
    expect(fit(spec, Float64Array.from(d.y, (_, i) => 1 + (i % 2)))).toBe("NOT_IMPLEMENTED_OPTION");
  });
});
