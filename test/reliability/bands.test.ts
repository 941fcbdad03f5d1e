import { describe, expect, it } from "vitest";
import { reliabilityBand } from "../../src/reliability/bands.js";
import { parseIccForm } from "../../src/reliability/iccForms.js";

describe("Koo & Li (2016) bands", () => {
  it("puts < 0.5 poor, 0.5–0.75 moderate, 0.75–0.9 good, > 0.9 excellent, with the boundaries as the paper states", () => {
    expect(reliabilityBand(-0.2)).toBe("poor");
    expect(reliabilityBand(0.4999)).toBe("poor");
    expect(reliabilityBand(0.5)).toBe("moderate");
    expect(reliabilityBand(0.7499)).toBe("moderate");
    expect(reliabilityBand(0.75)).toBe("good");
    expect(reliabilityBand(0.9)).toBe("good");
    expect(reliabilityBand(0.9001)).toBe("excellent");
    expect(reliabilityBand(null)).toBeNull();
  });
});

describe("parseIccForm accepts both naming systems", () => {
  it.each([
    ["ICC2", "ICC2"],
    ["icc(a,1)", "ICC2"],
    ["ICC(A, 1)", "ICC2"],
    ["A,1", "ICC2"],
    ["ICC(C,1)", "ICC3"],
    ["ICC(A,k)", "ICC2k"],
    ["ICC(C,k)", "ICC3k"],
    ["ICC1k", "ICC1k"],
    ["ICC(1)", "ICC1"],
  ])("%s → %s", (text, form) => {
    expect(parseIccForm(text)).toBe(form);
  });

  it("returns undefined for anything else", () => {
    expect(parseIccForm("ICC4")).toBeUndefined();
  });
});
