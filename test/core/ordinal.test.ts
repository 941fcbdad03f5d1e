import { describe, expect, it } from "vitest";
import { ordinal } from "../../src/core/ordinal.js";

describe("ordinal", () => {
  it("2nd, 81st, 11th, not 2th or 81th", () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 81, 101, 102, 111, 100].map(ordinal)).toEqual(["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "81st", "101st", "102nd", "111th", "100th"]);
  });
});
