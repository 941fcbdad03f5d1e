import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeFloat64, decodeInt32, encodeArray } from "../../src/models/serialize.js";
import { radvalErrorOf } from "../helpers.js";

describe("typed arrays in saved models", () => {
  it("float64 and int32 arrays round-trip exactly (incl. -0, NaN, ±Inf, subnormals)", () => {
    const special = Float64Array.from([0, -0, NaN, Infinity, -Infinity, 5e-324, 1.7976931348623157e308, 0.1 + 0.2]);
    const back = decodeFloat64(JSON.parse(JSON.stringify(encodeArray(special))));
    expect(Object.is(back[1], -0)).toBe(true);
    expect(Array.from(back)).toEqual(Array.from(special));
    fc.assert(
      fc.property(fc.array(fc.double()), fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 })), (doubles, ints) => {
        expect(Array.from(decodeFloat64(encodeArray(Float64Array.from(doubles))))).toEqual(Array.from(Float64Array.from(doubles)));
        expect(Array.from(decodeInt32(encodeArray(Int32Array.from(ints))))).toEqual(ints);
      }),
      { numRuns: 100 },
    );
  });

  it("a damaged or mistyped array is INCOMPATIBLE_MODEL", () => {
    const encoded = encodeArray(Float64Array.from([1, 2, 3]));
    expect(radvalErrorOf(() => decodeInt32(encoded)).code).toBe("INCOMPATIBLE_MODEL");
    expect(radvalErrorOf(() => decodeFloat64({ ...encoded, length: 4 })).code).toBe("INCOMPATIBLE_MODEL");
  });
});
