/** Sane maxima of the resampling sizes: beyond them a run would exhaust memory or time long before it ends. */
export const MAX_REPLICATES = 10_000;
/** Folds of a (k-fold) CV: beyond 1,000 use leave-one-out thinking, not k-fold. */
export const MAX_FOLDS = 1_000;
/** Repeats of a k-fold CV. */
export const MAX_REPEATS = 1_000;
