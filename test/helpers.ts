import { readFileSync } from "node:fs";
import { RadvalError } from "../src/core/errors.js";

/** Runs `f` and returns the RadvalError it throws (fails the test if it throws something else or nothing). */
export function radvalErrorOf(f: () => unknown): RadvalError {
  try {
    f();
  } catch (e) {
    if (e instanceof RadvalError) return e;
    throw e;
  }
  throw new Error("expected a RadvalError, but nothing was thrown");
}

/** Path of a file under test/fixtures. */
export function fixturePath(relative: string): string {
  return new URL(`./fixtures/${relative}`, import.meta.url).pathname;
}

/** Parses a fixture JSON from test/fixtures, turning the strings "Inf", "-Inf" and "NaN" back into numbers. */
export function loadFixture<T = any>(relative: string): T {
  const text = readFileSync(fixturePath(relative), "utf8");
  return JSON.parse(text, (_key, value) => (value === "Inf" ? Infinity : value === "-Inf" ? -Infinity : value === "NaN" ? NaN : value)) as T;
}

/** Largest absolute difference between two equally long numeric arrays (throws when the lengths differ). */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`length ${a.length} vs ${b.length}`);
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue; // also equal infinities
    m = Math.max(m, Math.abs(a[i]! - b[i]!));
  }
  return m;
}

/** |a − b| / |b| (or |a − b| when b = 0). */
export function relDiff(a: number, b: number): number {
  return b === 0 ? Math.abs(a - b) : Math.abs(a - b) / Math.abs(b);
}
