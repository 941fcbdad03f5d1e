/** A numeric predictor entering the linear predictor as β·x. */
export interface LinearNomogramTerm {
  readonly name: string;
  readonly type: "linear";
  readonly coefficient: number;
  /** The model data's values (one per patient): they set the axis (datadist) and each patient's points. */
  readonly values: ArrayLike<number>;
  /** Axis values to draw instead of rms's datadist choice. */
  readonly axis?: readonly number[];
}

/** A categorical predictor: one coefficient per level, 0 for the reference level. */
export interface FactorNomogramTerm {
  readonly name: string;
  readonly type: "factor";
  readonly levels: readonly string[];
  /** Coefficient of each level (same order as `levels`; the reference level's is 0). */
  readonly coefficients: readonly number[];
  /** Each patient's level, as an index into `levels`. */
  readonly values: ArrayLike<number>;
}

export type NomogramTerm = LinearNomogramTerm | FactorNomogramTerm;

/** A function of the linear predictor drawn as its own axis (risk, survival at a horizon, …). */
export interface NomogramFunction {
  readonly label: string;
  /** Monotone function of the linear predictor, e.g. plogis. */
  readonly f: (lp: number) => number;
  /** Its exact inverse (optional): gives `positionsExact` next to rms's interpolated positions. */
  readonly inverse?: (value: number) => number;
  /** Tick values (rms's `fun.at`); default `pretty(f(range(lp axis)), nint)`. */
  readonly at?: readonly number[];
}

/** What {@link nomogram} draws. */
export interface NomogramInput {
  /** Constant of the linear predictor: the intercept (logistic) or −centre (Cox, whose lp is centred). */
  readonly offset: number;
  readonly terms: readonly NomogramTerm[];
  readonly functions?: readonly NomogramFunction[];
  /** Points of the predictor with the widest effect range (rms `maxscale`), default 100. */
  readonly maxscale?: number;
  /** Approximate number of intervals of the lp, points and function axes (rms `nint`), default 10. */
  readonly nint?: number;
  /** lp axis ticks (rms `lp.at`); default `pretty(range(fitted lp), nint)`. */
  readonly lpAt?: readonly number[];
}

/** The points scale of one predictor. */
export interface NomogramPredictorAxis {
  readonly name: string;
  readonly type: "linear" | "factor";
  /** Axis values (numbers) or level labels (factor). */
  readonly values: readonly (number | string)[];
  /** Points at each axis value. */
  readonly points: readonly number[];
  /** β·v at each axis value (un-centred term), and its range over the axis (rms's R₁, R₂). */
  readonly xbeta: readonly number[];
  readonly minXbeta: number;
  readonly maxXbeta: number;
  /** Points per unit of the predictor (linear terms): β·scale. */
  readonly pointsPerUnit: number | null;
}

/** One function axis: tick values and their positions on the points scale. */
export interface NomogramFunctionAxis {
  readonly label: string;
  readonly ticks: readonly number[];
  /** rms's positions: the inverse by linear interpolation on a 1000-point lp grid. */
  readonly positions: readonly number[];
  /** Positions from the exact inverse (when given), else null. */
  readonly positionsExact: readonly number[] | null;
}

/** rms::nomogram's scales and every patient's points. */
export interface Nomogram {
  /** Points per unit of the linear predictor (rms `sc`). */
  readonly scale: number;
  readonly maxscale: number;
  /** Linear predictor at 0 total points (rms `Intercept`): offset + Σ R₁. */
  readonly lpAtZero: number;
  readonly predictors: readonly NomogramPredictorAxis[];
  readonly totalPointsAxis: readonly number[];
  readonly lpAxis: { readonly values: readonly number[]; readonly positions: readonly number[] };
  readonly functionAxes: readonly NomogramFunctionAxis[];
  readonly patients: {
    /** Points of each predictor (predictor-major: points[j][i]). */
    readonly points: readonly Float64Array[];
    readonly totalPoints: Float64Array;
    /** lp = lpAtZero + totalPoints / scale. */
    readonly lp: Float64Array;
    /** Each function at each patient's lp (function-major). */
    readonly functions: readonly Float64Array[];
  };
}
