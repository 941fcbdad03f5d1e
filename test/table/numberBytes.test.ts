import { describe, expect, it } from "vitest";
import { createRng } from "../../src/core/rng.js";
import { plainNumber } from "../../src/table/cells.js";
import { bytesNumber } from "../../src/table/numberBytes.js";

const bytes = (text: string) => new TextEncoder().encode(text);
const read = (text: string, comma = false) => bytesNumber(bytes(text), 0, bytes(text).length, comma);

describe("bytesNumber (the byte reader's number scanner)", () => {
  it("gives exactly plainNumber's double (Object.is) on 50,000 random strings: short, 15–25 digits, exponents, both marks", () => {
    const rng = createRng(29);
    const alphabets = ["0123456789+-.,eE", "0123456789", "0123456789.", "123456789.e-"];
    for (let t = 0; t < 50000; t++) {
      const alphabet = alphabets[t % alphabets.length]!;
      let text = "";
      const length = rng.integer(t % 3 === 0 ? 26 : 10);
      for (let k = 0; k < length; k++) text += alphabet[rng.integer(alphabet.length)];
      for (const comma of [false, true]) {
        expect(Object.is(read(text, comma), plainNumber(text, comma ? "," : ".")), `${JSON.stringify(text)} (${comma ? "," : "."})`).toBe(true);
      }
    }
  });

  it("reads values whose shortest form needs 17 digits, and the extremes, as Number does", () => {
    const rng = createRng(3);
    for (let t = 0; t < 20000; t++) {
      const v = (rng.uniform() - 0.5) * 10 ** (rng.integer(40) - 20);
      for (const text of [String(v), v.toPrecision(17), v.toExponential(12), v.toFixed(6)]) expect(Object.is(read(text), Number(text)), text).toBe(true);
    }
    for (const text of ["1.7976931348623157e308", "5e-324", "2.2250738585072014e-308", "9007199254740993", "0.1", "-0", "1e-400"]) {
      expect(Object.is(read(text), Number(text)), text).toBe(true);
    }
    expect(read("1e400")).toBeNaN();
    expect(read("-1.8e308")).toBeNaN();
  });
});
