/**
 * glmnet's internal constants for the binomial path (R: `glmnet.control()`,
 * glmnet 4.1-6 `InternalParams`). They decide where the path starts and stops:
 *
 * - `fdev` (1e-5): stop when the deviance ratio grows by less than this from
 *   one λ to the next (an absolute change of `dev.ratio`);
 * - `devmax` (0.999): stop when the deviance ratio exceeds this;
 * - `eps` (1e-6): smallest `lambda.min.ratio` used for the default grid;
 * - `big` (9.9e35): the "infinite" λ of the first grid point;
 * - `mnlam` (5): the path never stops before this many λ values;
 * - `pmin` (1e-9): fitted probabilities are clamped to [pmin, 1 − pmin] in the
 *   deviance and linear predictors beyond ±log(1/pmin − 1) give 0 / 1.
 *
 * Reference: Friedman, Hastie & Tibshirani (2010) J Stat Softw 33(1);
 * glmnet 4.1-6 `glmnet.control`.
 */
export interface GlmnetControl {
  readonly fdev: number;
  readonly devmax: number;
  readonly eps: number;
  readonly big: number;
  readonly mnlam: number;
  readonly pmin: number;
}

/** The factory defaults of `glmnet.control()` (glmnet 4.1-6). */
export const GLMNET_CONTROL: GlmnetControl = Object.freeze({
  fdev: 1e-5,
  devmax: 0.999,
  eps: 1e-6,
  big: 9.9e35,
  mnlam: 5,
  pmin: 1e-9,
});
