import type { GlmnetControl } from "./control.js";

/** How the coordinate updates inside one weighted least-squares problem are done. */
export type UpdateMode = "auto" | "naive" | "covariance";

/** Thrown inside the solver when the total number of passes exceeds `maxit` (glmnet jerr −m). */
export class MaxPassesReached extends Error {
  constructor() {
    super("maximum number of coordinate-descent passes reached");
  }
}

/** Thrown when more than `pmax` variables would become active (glmnet jerr −10000 − m). */
export class MaxActiveReached extends Error {
  constructor() {
    super("maximum number of active variables (pmax) reached");
  }
}

/** Settings of one binomial path solve that the point solver needs. */
export interface PointSolverSettings {
  readonly thresh: number;
  readonly maxit: number;
  /** glmnet's `pmax`: most variables allowed to become active. */
  readonly pmax: number;
  readonly intercept: boolean;
  readonly control: GlmnetControl;
  readonly updates: UpdateMode;
}
