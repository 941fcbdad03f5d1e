import { describe, expect, it } from "vitest";
import { randomForest } from "../../src/models/forest/spec.js";
import { setEngine } from "../../src/models/params.js";
import { svm } from "../../src/models/svm/spec.js";
import { radvalErrorOf } from "../helpers.js";

describe("model specs", () => {
  it("are frozen plain data with every parameter filled in", () => {
    const spec = svm({ kernel: "linear", cost: 0.5 });
    expect(spec).toEqual({
      model: "svm",
      engine: "radval",
      params: { kernel: "linear", cost: 0.5, gamma: "scale", degree: 3, coef0: 0, tolerance: 0.001, cacheSize: 200, probability: "platt", classWeight: null },
    });
    expect(Object.isFrozen(spec)).toBe(true);
    expect(Object.isFrozen(spec.params)).toBe(true);
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
    expect(setEngine(spec, "ml-svm")).toEqual({ ...spec, engine: "ml-svm" });
  });

  it("copy (not freeze) the caller's class-weight object", () => {
    const weights = { "0": 1, "1": 4 };
    const spec = randomForest({ classWeight: weights });
    expect(Object.isFrozen(weights)).toBe(false);
    expect(Object.isFrozen(spec.params["classWeight"])).toBe(true);
    expect(spec.params["classWeight"]).toEqual(weights);
  });

  it("a misspelt parameter is UNKNOWN_PARAMETER with a did-you-mean; a bad value is INVALID_PARAMETER naming it", () => {
    const typo = radvalErrorOf(() => randomForest({ tress: 10 } as never));
    expect(typo.code).toBe("UNKNOWN_PARAMETER");
    expect(typo.hint).toContain('Did you mean "trees"?');
    const bad = radvalErrorOf(() => svm({ cost: -1 }));
    expect(bad.code).toBe("INVALID_PARAMETER");
    expect(bad.message).toContain('"cost"');
    expect(bad.message).toContain("> 0");
    expect(radvalErrorOf(() => svm({ kernel: "rbff" as never })).message).toContain('did you mean "rbf"');
    expect(radvalErrorOf(() => randomForest({ trees: 2.5 })).code).toBe("INVALID_PARAMETER");
    expect(radvalErrorOf(() => randomForest({ sampleFraction: 1.5 })).code).toBe("INVALID_PARAMETER");
    expect(radvalErrorOf(() => svm({ gamma: "big" as never })).message).toContain('"scale"');
    expect(radvalErrorOf(() => svm({ classWeight: { "2": 1 } })).code).toBe("INVALID_PARAMETER");
    expect(svm({ gamma: 0.1 }).params["gamma"]).toBe(0.1);
    expect(svm({ probability: false }).params["probability"]).toBe(false);
  });
});
