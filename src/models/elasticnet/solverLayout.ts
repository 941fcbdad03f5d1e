/** Where the solver's vectors live in the kernel heap: doubles by element offset, integers by Int32 index. */
export interface SolverLayout {
  readonly b: number;
  readonly xv: number;
  readonly stamp: number;
  readonly thr: number;
  readonly dn: number;
  /** Two outputs of p + 2 doubles for the batched kernels (Gram rows, gradients, steps), and a second scratch n-vector. */
  readonly row: number;
  readonly row2: number;
  readonly scratch2: number;
  readonly mm: number;
  readonly active: number;
  readonly list: number;
  /** p integers: features whose gradient a screening step must compute. */
  readonly cand: number;
  readonly ctrl: number;
  readonly size: number;
}

/**
 * x (n p) from 0; r, v, η, a scratch n-vector and 4 outputs of `dot4` (the
 * Gram build); then b, xv, the xv stamps, λα vp and λ(1 − α) vp (p each)
 * two output rows (p + 2 each) and a second scratch n-vector; then the integers mm (p), active (p + 1), the coordinate list (p), the screening candidates (p) and
 * [nin, nx, status].
 */
export function solverLayout(n: number, p: number): SolverLayout {
  const base = n * p + 4 * n + 4;
  const ints = 2 * (base + 7 * p + 4 + n);
  const ctrl = ints + 4 * p + 1;
  return {
    b: base,
    xv: base + p,
    stamp: base + 2 * p,
    thr: base + 3 * p,
    dn: base + 4 * p,
    row: base + 5 * p,
    row2: base + 6 * p + 2,
    scratch2: base + 7 * p + 4,
    mm: ints,
    active: ints + p,
    list: ints + 2 * p + 1,
    cand: ints + 3 * p + 1,
    ctrl,
    size: Math.ceil((ctrl + 4) / 2),
  };
}
