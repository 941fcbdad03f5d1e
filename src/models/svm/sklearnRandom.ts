/**
 * The random integers scikit-learn's libsvm draws (sklearn/svm/src/newrand/newrand.h):
 * a `std::mt19937` (Matsumoto & Nishimura 1998) seeded by `seed` with the
 * standard initialisation, and `bounded_rand_int(range)` = Lemire's (2019)
 * multiply-shift with rejection ("tweaked Lemire post-processor"). scikit-learn
 * seeds it with `RandomState(random_state).randint(iinfo('i').max)` at every
 * `svm_train` call. Used only to reproduce `SVC(probability=True)` exactly;
 * radval's own draws come from {@link Rng}. O(1) amortised per draw.
 */
export class SklearnLibsvmRandom {
  private readonly mt = new Uint32Array(624);
  private index = 624;

  constructor(seed: number) {
    this.seed(seed);
  }

  /** Re-seeds (`std::mt19937::seed`): mt[0] = seed, mt[i] = 1812433253 (mt[i−1] ⊕ (mt[i−1] ≫ 30)) + i mod 2³². */
  seed(seed: number): void {
    const mt = this.mt;
    mt[0] = seed >>> 0;
    for (let i = 1; i < 624; i++) {
      const prev = mt[i - 1]! ^ (mt[i - 1]! >>> 30);
      mt[i] = (Math.imul(1812433253, prev) + i) >>> 0;
    }
    this.index = 624;
  }

  /** The next 32-bit output of the Mersenne Twister. */
  next(): number {
    const mt = this.mt;
    if (this.index >= 624) {
      for (let k = 0; k < 624; k++) {
        const y = (mt[k]! & 0x80000000) | (mt[(k + 1) % 624]! & 0x7fffffff);
        let v = mt[(k + 397) % 624]! ^ (y >>> 1);
        if (y & 1) v ^= 0x9908b0df;
        mt[k] = v >>> 0;
      }
      this.index = 0;
    }
    let y = mt[this.index++]!;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** A uniform integer in [0, range) for 1 ≤ range < 2³², as scikit-learn's `bounded_rand_int`. */
  boundedInt(range: number): number {
    // m = x · range as a 64-bit product: low 32 bits l, high 32 bits = the result.
    let x = this.next();
    let [hi, lo] = mul32(x, range);
    if (lo < range) {
      let t = (0x100000000 - range) >>> 0; // -range as uint32
      if (t >= range) {
        t -= range;
        if (t >= range) t %= range;
      }
      while (lo < t) {
        x = this.next();
        [hi, lo] = mul32(x, range);
      }
    }
    return hi;
  }
}

/** The 64-bit product of two uint32 values as [high 32 bits, low 32 bits]. */
function mul32(a: number, b: number): [number, number] {
  const aHi = a >>> 16;
  const aLo = a & 0xffff;
  const bHi = b >>> 16;
  const bLo = b & 0xffff;
  const ll = aLo * bLo;
  const lh = aLo * bHi;
  const hl = aHi * bLo;
  const hh = aHi * bHi;
  const mid = (ll >>> 16) + (lh & 0xffff) + (hl & 0xffff);
  const lo = ((mid & 0xffff) * 0x10000 + (ll & 0xffff)) >>> 0;
  const hi = (hh + (lh >>> 16) + (hl >>> 16) + Math.floor(mid / 0x10000)) >>> 0;
  return [hi, lo];
}
