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
