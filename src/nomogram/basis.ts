/** Version of {@link NomogramBasis} (raised on any incompatible change). */
export const NOMOGRAM_BASIS_VERSION = 1;

/**
 * What rms's datadist and nomogram read from the development data besides
 * the ranges of the inputs (model.json `nomogramBasis`, results.json
 * `final.nomogramBasis`): the distinct values of inputs with at most 10 of
 * them (drawn as such instead of `pretty(range)`) and the range of the
 * fitted linear predictor (the lp axis is `pretty(range(lp))`, which also
 * sets the total-points axis).
 */
export interface NomogramBasis {
  readonly version: typeof NOMOGRAM_BASIS_VERSION;
  /** Sorted distinct development values of each input with at most 10 of them (datadist n.unique = 10). */
  readonly discrete: Readonly<Record<string, readonly number[]>>;
  /** [min, max] of the model's linear predictor over the development rows. */
  readonly linearPredictorRange: readonly [number, number];
}

/**
 * The {@link NomogramBasis} of a fitted linear model: `columns` the
 * development values of each input (NaN = missing, ignored), `lp` its
 * linear predictor on the development rows. O(n · inputs).
 */
export function nomogramBasisOf(columns: ReadonlyMap<string, ArrayLike<number>>, lp: ArrayLike<number>): NomogramBasis {
  const discrete: Record<string, number[]> = {};
  for (const [name, x] of columns) {
    const seen = new Set<number>();
    for (let i = 0; i < x.length && seen.size <= 10; i++) if (!Number.isNaN(x[i]!)) seen.add(x[i]!);
    if (seen.size > 0 && seen.size <= 10) discrete[name] = [...seen].sort((a, b) => a - b);
  }
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < lp.length; i++) {
    if (lp[i]! < lo) lo = lp[i]!;
    if (lp[i]! > hi) hi = lp[i]!;
  }
  return { version: NOMOGRAM_BASIS_VERSION, discrete, linearPredictorRange: [lo, hi] };
}
