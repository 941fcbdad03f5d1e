import { describe, expect, it } from "vitest";
import { previewList } from "../../src/core/dataset.js";

describe("previewList (long name lists in warnings)", () => {
  it("cuts 4,961 feature names to the first few and '… and 4,951 more'", () => {
    const names = Array.from({ length: 4961 }, (_, i) => `original_glcm_F${i}`);
    const text = previewList(names, 10);
    expect(text).toMatch(/^original_glcm_F0, .*, original_glcm_F9, … and 4,951 more$/);
    expect(text.length).toBeLessThan(250);
    expect(previewList(["a", "b"], 10)).toBe("a, b");
  });
});
