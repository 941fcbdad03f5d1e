import { expect, it } from "vitest";
import { closestName, editDistance } from "../../src/core/suggest.js";

it("computes edit distances with transpositions", () => {
  expect(editDistance("kitten", "sitting")).toBe(3);
  expect(editDistance("wbdc", "wdbc")).toBe(1);
  expect(editDistance("Outcome", "outcome")).toBe(0);
  expect(editDistance("", "abc")).toBe(3);
});

it("suggests a close name only when it is plausibly a typo", () => {
  expect(closestName("outcom", ["id", "outcome", "site"])).toBe("outcome");
  expect(closestName("zzzzzz", ["id", "outcome", "site"])).toBeUndefined();
});
