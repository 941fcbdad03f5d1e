import { describe, expect, it } from "vitest";
import { createRng } from "../../src/core/rng.js";
import { classifyCell, plainNumber } from "../../src/table/cells.js";

// The grammar plainNumber scans, written as the regular expressions it replaces (the reference).
const DOT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const COMMA = /^[+-]?(\d+,?\d*|,\d+)([eE][+-]?\d+)?$/;
function reference(text: string, decimal: "." | ","): number {
  const value = DOT.test(text) ? Number(text) : decimal === "," && COMMA.test(text) ? Number(text.replace(",", ".")) : NaN;
  return Number.isFinite(value) ? value : NaN; // overflow (1e400) is not a plain number
}

describe("plainNumber", () => {
  it("reads plain decimals, signs, exponents and the decimal comma; rejects everything else", () => {
    expect(plainNumber("12.5")).toBe(12.5);
    expect(plainNumber("-.5")).toBe(-0.5);
    expect(plainNumber("+3.")).toBe(3);
    expect(plainNumber("1e-3")).toBe(0.001);
    expect(plainNumber("2.5E+2")).toBe(250);
    expect(plainNumber("1,5", ",")).toBe(1.5);
    expect(plainNumber("1.5", ",")).toBe(1.5);
    for (const bad of ["", "-", ".", "e5", "1e", "1e+", "0x10", "1_000", "1,5", "1.2.3", "Inf", "NaN", " 1", "1 ", "١"]) expect(plainNumber(bad)).toBeNaN();
    expect(plainNumber("1.5,2", ",")).toBeNaN();
  });

  it("agrees with the regular-expression grammar on 20,000 random strings over its alphabet (exactly, NaN included)", () => {
    const rng = createRng(17);
    const alphabet = "0123456789+-.,eEx ";
    for (let t = 0; t < 20000; t++) {
      let text = "";
      const length = rng.integer(9);
      for (let k = 0; k < length; k++) text += alphabet[rng.integer(alphabet.length)];
      for (const decimal of [".", ","] as const) expect(Object.is(plainNumber(text, decimal), reference(text, decimal)), `${JSON.stringify(text)} (${decimal})`).toBe(true);
    }
  });

  it("classifyCell still tells missing, non-finite and text apart", () => {
    expect(classifyCell("")).toEqual({ kind: "missing", value: NaN });
    expect(classifyCell("NA")).toEqual({ kind: "missing", value: NaN });
    expect(classifyCell("-Inf").kind).toBe("nonfinite");
    expect(classifyCell("abc").kind).toBe("text");
    expect(classifyCell("4,25", ",")).toEqual({ kind: "number", value: 4.25 });
  });

  it("a number beyond the double range (1e400, -1E999) is not a number but non-finite, like Inf", () => {
    expect(plainNumber("1e400")).toBeNaN();
    expect(plainNumber("-1E999")).toBeNaN();
    expect(classifyCell("1e400").kind).toBe("nonfinite");
    expect(classifyCell("-1,5e400", ",").kind).toBe("nonfinite");
    expect(classifyCell("1e-400")).toEqual({ kind: "number", value: 0 }); // underflow reads as 0, as R and Number do
  });
});
