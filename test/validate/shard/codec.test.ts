/**
 * The generic encoding of task outputs in shard files: every value comes back with the same bits (NaN, ±Infinity,
 * −0, subnormals, typed arrays of every width, strings through the shared table, keys starting with "$",
 * undefined) after JSON.stringify / JSON.parse; values a shard file cannot carry are refused by path.
 */
import { describe, expect, it } from "vitest";
import { decodeValue, encodeValue, stringTable } from "../../../src/validate/shard/codec.js";

function roundTrip(value: unknown): unknown {
  const table = stringTable();
  const text = JSON.stringify(encodeValue(value, table));
  return decodeValue(JSON.parse(text), JSON.parse(JSON.stringify(table.strings)));
}

const bits = (a: Float64Array) => Array.from(new Uint32Array(a.buffer, a.byteOffset, a.length * 2));

describe("shard codec", () => {
  it("keeps every double bit for bit, in plain numbers and Float64Arrays (NaN, ±Infinity, −0, subnormal, 0.1 + 0.2)", () => {
    const xs = [NaN, Infinity, -Infinity, -0, 0, 5e-324, -2.2250738585072014e-308, 0.1 + 0.2, 1 / 3, Number.MAX_VALUE];
    const back = roundTrip({ list: xs, typed: Float64Array.from(xs) }) as { list: number[]; typed: Float64Array };
    back.list.forEach((x, k) => expect(Object.is(x, xs[k])).toBe(true));
    expect(back.typed).toBeInstanceOf(Float64Array);
    expect(bits(back.typed)).toEqual(bits(Float64Array.from(xs)));
  });

  it("keeps typed-array classes, subarray views (offset) and the structure of a task output", () => {
    const big = Float64Array.from({ length: 10 }, (_, k) => k / 7);
    const output = {
      prob: big.subarray(3, 8),
      logit: null,
      rows: Int32Array.of(-1, 2, 2147483647),
      single: Float32Array.of(0.1, NaN),
      tuned: { penalty: 0.01, kernel: "linear", shrink: true },
      features: ["a", "b", "a"],
      selected: [],
      warnings: ["w"],
      prediction: { kind: "survival", times: Float64Array.of(1, 2), nested: [{ $ref: "x", missing: undefined }] },
    };
    const back = roundTrip(output) as typeof output;
    expect(back.prob).toBeInstanceOf(Float64Array);
    expect(Array.from(back.prob)).toEqual(Array.from(big.subarray(3, 8)));
    expect(back.rows).toBeInstanceOf(Int32Array);
    expect(back.single).toBeInstanceOf(Float32Array);
    expect(back).toEqual(output);
    expect("missing" in back.prediction.nested[0]!).toBe(true);
  });

  it("shares strings through one table (feature names repeat in every task)", () => {
    const table = stringTable();
    const a = encodeValue({ f: ["x", "y"] }, table);
    const b = encodeValue({ f: ["y", "z"] }, table);
    expect(table.strings).toEqual(["x", "y", "z"]);
    expect(a).toEqual({ f: { $s: [0, 1] } });
    expect(b).toEqual({ f: { $s: [1, 2] } });
  });

  it("refuses what a shard file cannot carry, naming the path", () => {
    expect(() => encodeValue({ a: { m: new Map() } }, stringTable(), "task 0.1")).toThrow(/task 0\.1\.a\.m is a Map, which a shard file cannot carry/);
    expect(() => encodeValue({ f: () => 1 }, stringTable())).toThrow(/output\.f is a function/);
  });
});
