import { RadvalError } from "./errors.js";

/** Anything with a `length` and numeric index assignment (arrays, typed arrays). */
export interface MutableIndexable<T> {
  length: number;
  [index: number]: T;
}

const TWO_POW_32 = 4294967296;

/** SplitMix32 step (Steele, Lea & Flood 2014, 32-bit variant): used to expand a seed into generator state. */
function splitMix32(state: { s: number }): number {
  state.s = (state.s + 0x9e3779b9) | 0;
  let z = state.s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** FNV-1a hash of a string to 32 bits, so string seeds are accepted. */
function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A seed: a non-negative integer (up to 2^53) or any string. */
export type Seed = number | string;

function seedToWords(seed: Seed): [number, number] {
  if (typeof seed === "string") return [hashString(seed), hashString(`radval:${seed}`)];
  if (!Number.isFinite(seed) || !Number.isInteger(seed) || seed < 0 || seed > Number.MAX_SAFE_INTEGER) {
    throw new RadvalError("INVALID_ARGUMENT", `seed must be a non-negative integer or a string, got ${String(seed)}`, {
      hint: "Pass --seed 42 (any whole number).",
    });
  }
  return [seed >>> 0, Math.floor(seed / TWO_POW_32) >>> 0];
}

/**
 * Seeded, splittable pseudo-random generator: **xoshiro128\*\*** (Blackman &
 * Vigna 2018, "Scrambled linear pseudorandom number generators"), 128-bit state
 * expanded from the seed by SplitMix32. Period 2^128 − 1; all arithmetic is
 * 32-bit (`Math.imul`), so the stream is identical on every JS engine.
 *
 * radval never uses `Math.random`: every function that draws takes an `Rng`.
 * `split()` derives an independent child stream from four draws of the parent,
 * so per-split generators can be created up front, before any parallel work,
 * and results do not depend on the number of workers.
 */
export class Rng {
  private readonly state: Uint32Array;

  private constructor(state: Uint32Array) {
    this.state = state;
  }

  /** A generator from a seed (integer or string). Same seed → same stream. */
  static fromSeed(seed: Seed): Rng {
    const [lo, hi] = seedToWords(seed);
    const mix = { s: lo ^ Math.imul(hi, 0x27d4eb2d) };
    const state = new Uint32Array(4);
    for (let i = 0; i < 4; i++) state[i] = splitMix32(mix);
    if ((state[0]! | state[1]! | state[2]! | state[3]!) === 0) state[0] = 1;
    return new Rng(state);
  }

  /** Restores a generator from `getState()` (e.g. on the other side of a worker boundary). */
  static fromState(words: ArrayLike<number>): Rng {
    if (words.length !== 4) throw new RadvalError("INVALID_ARGUMENT", "Rng state must have 4 words");
    const state = Uint32Array.from(words);
    if ((state[0]! | state[1]! | state[2]! | state[3]!) === 0) throw new RadvalError("INVALID_ARGUMENT", "Rng state must not be all zero");
    return new Rng(state);
  }

  /** A copy of the 128-bit state as four 32-bit words. */
  getState(): number[] {
    return Array.from(this.state);
  }

  /** An independent copy at the same position of the stream. */
  clone(): Rng {
    return new Rng(Uint32Array.from(this.state));
  }

  /** Next 32-bit unsigned integer (xoshiro128** output). */
  nextUint32(): number {
    const s = this.state;
    const result = Math.imul(rotl(Math.imul(s[1]!, 5), 7), 9) >>> 0;
    const t = s[1]! << 9;
    s[2] = s[2]! ^ s[0]!;
    s[3] = s[3]! ^ s[1]!;
    s[1] = s[1]! ^ s[2]!;
    s[0] = s[0]! ^ s[3]!;
    s[2] = s[2]! ^ t;
    s[3] = rotl(s[3]!, 11);
    return result;
  }

  /** Uniform double in [0, 1) with 53 random bits. */
  uniform(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }

  /** Standard normal deviate by the Box–Muller transform (one value per two uniforms, no cached state). */
  normal(mean = 0, sd = 1): number {
    const u1 = 1 - this.uniform(); // (0, 1]
    const u2 = this.uniform();
    return mean + sd * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  /** Uniform integer in [0, n), unbiased (rejection sampling). */
  integer(n: number): number {
    if (!Number.isInteger(n) || n <= 0) throw new RadvalError("INVALID_ARGUMENT", `integer(n) needs a positive integer n, got ${n}`);
    if (n <= TWO_POW_32) {
      const limit = TWO_POW_32 - (TWO_POW_32 % n);
      let x = this.nextUint32();
      while (x >= limit) x = this.nextUint32();
      return x % n;
    }
    return Math.floor(this.uniform() * n);
  }

  /** Fisher–Yates shuffle of `values` in place; returns the same object. */
  shuffle<T, A extends MutableIndexable<T>>(values: A): A {
    for (let i = values.length - 1; i > 0; i--) {
      const j = this.integer(i + 1);
      const tmp = values[i]!;
      values[i] = values[j]!;
      values[j] = tmp;
    }
    return values;
  }

  /** A random permutation of 0..n−1. */
  permutation(n: number): Int32Array {
    const out = new Int32Array(n);
    for (let i = 0; i < n; i++) out[i] = i;
    return this.shuffle(out);
  }

  /** `size` draws from 0..n−1 with replacement (a bootstrap sample of row positions). */
  sampleWithReplacement(n: number, size: number = n): Int32Array {
    const out = new Int32Array(size);
    for (let i = 0; i < size; i++) out[i] = this.integer(n);
    return out;
  }

  /** `size` distinct draws from 0..n−1, in random order (partial Fisher–Yates). */
  sampleWithoutReplacement(n: number, size: number): Int32Array {
    if (size > n) throw new RadvalError("INVALID_ARGUMENT", `cannot draw ${size} distinct values from ${n}`);
    const pool = new Int32Array(n);
    for (let i = 0; i < n; i++) pool[i] = i;
    for (let i = 0; i < size; i++) {
      const j = i + this.integer(n - i);
      const tmp = pool[i]!;
      pool[i] = pool[j]!;
      pool[j] = tmp;
    }
    return pool.slice(0, size);
  }

  /** A child generator with an independent stream, derived from four draws of this one. */
  split(): Rng {
    const mix = { s: 0 };
    const state = new Uint32Array(4);
    for (let i = 0; i < 4; i++) {
      mix.s = this.nextUint32() | 0;
      state[i] = splitMix32(mix);
    }
    if ((state[0]! | state[1]! | state[2]! | state[3]!) === 0) state[0] = 1;
    return new Rng(state);
  }

  /** `count` child generators, drawn in order (one per split, before any parallel work). */
  splitMany(count: number): Rng[] {
    const out: Rng[] = [];
    for (let i = 0; i < count; i++) out.push(this.split());
    return out;
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/** Shorthand for `Rng.fromSeed(seed)`. */
export function createRng(seed: Seed): Rng {
  return Rng.fromSeed(seed);
}
