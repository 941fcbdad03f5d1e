import { describe, expect, it } from "vitest";
import { cellText } from "../../../src/report/render/text.js";

describe("cellText: numbers for a person to read", () => {
  it("keeps 4 significant digits below 1, 4 decimals above, integers as they are", () => {
    expect(cellText(0.009955599586962087)).toBe("0.009956"); // not "0.01"
    expect(cellText(0.7691234)).toBe("0.7691");
    expect(cellText(0.31)).toBe("0.31");
    expect(cellText(-1.27312)).toBe("-1.2731");
    expect(cellText(12)).toBe("12");
    expect(cellText(-0.00001234)).toBe("-0.00001234");
    expect(cellText(12345678.9)).toBe("1.235e+7");
    expect(cellText(null)).toBe("—");
    expect(cellText("text")).toBe("text");
  });
});
