import { describe, expect, it } from "vitest";
import { csvCell } from "../../src/core/csvCell.js";

describe("csvCell (OWASP CSV injection)", () => {
  it("neutralises text that a spreadsheet would evaluate, keeps numbers and plain text", () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell("@cmd")).toBe(`"'@cmd"`);
    expect(csvCell("-2+3")).toBe(`"'-2+3"`);
    expect(csvCell("+A1")).toBe(`"'+A1"`);
    expect(csvCell("\tx")).toBe(`"'\tx"`);
    expect(csvCell("\rx")).toBe(`"'\rx"`);
    expect(csvCell("+1")).toBe("+1");
    expect(csvCell("-2.5e-3")).toBe("-2.5e-3");
    expect(csvCell("P001")).toBe("P001");
    expect(csvCell("a,b")).toBe('"a,b"');
  });
});
