import { aucMannWhitney } from "../metrics/auc.js";

/** .632 and .632+ estimates of one performance measure. */
export interface DotPlusEstimate {
  /** Apparent value (the fit on all rows, predicting those rows). */
  readonly apparent: number;
  /** Leave-one-out bootstrap value Err⁽¹⁾ (out-of-bag). */
  readonly outOfBag: number;
  /** No-information value γ. */
  readonly noInformation: number;
  /** Relative overfitting rate R ∈ [0, 1]. */
  readonly relativeOverfitting: number;
  readonly dot632: number;
  readonly dot632plus: number;
}

/** .632 / .632+ for AUC, Brier score and error rate (misclassification at 0.5). */
export interface DotPlusResult {
  readonly auc: DotPlusEstimate | null;
  readonly brier: DotPlusEstimate;
  readonly errorRate: DotPlusEstimate;
  /** Replicates with both classes out of bag (used for the AUC). */
  readonly aucReplicates: number;
}

/**
 * Efron & Tibshirani (1997, JASA 92:548) for a loss (lower is better):
 * Err.632 = 0.368·err + 0.632·Err⁽¹⁾; R = (Err⁽¹⁾′ − err)/(γ − err) with
 * Err⁽¹⁾′ = min(Err⁽¹⁾, γ), R = 0 unless Err⁽¹⁾′ > err and γ > err;
 * ŵ = 0.632/(1 − 0.368 R); Err.632+ = (1 − ŵ)·err + ŵ·Err⁽¹⁾′.
 */
export function dotPlusLoss(apparent: number, outOfBag: number, noInformation: number): DotPlusEstimate {
  const bounded = Math.min(outOfBag, noInformation);
  const relativeOverfitting = bounded > apparent && noInformation > apparent ? Math.min(1, (bounded - apparent) / (noInformation - apparent)) : 0;
  const weight = 0.632 / (1 - 0.368 * relativeOverfitting);
  return {
    apparent,
    outOfBag,
    noInformation,
    relativeOverfitting,
    dot632: 0.368 * apparent + 0.632 * outOfBag,
    dot632plus: (1 - weight) * apparent + weight * bounded,
  };
}

/**
 * .632 and .632+ from bootstrap fits' out-of-bag predictions.
 * Brier score and error rate: Err⁽¹⁾ is the leave-one-out bootstrap — for each
 * case, the mean loss over the replicates that left it out, then the mean over
 * cases (Efron & Tibshirani 1997, eq. 6); γ = mean over all pairs (i, j) of
 * the loss of predicting p_j for y_i. AUC is not a per-case loss: it is turned
 * into the loss 1 − AUC, Err⁽¹⁾ is the mean out-of-bag AUC loss over the
 * replicates with both classes out of bag, and γ = 0.5 (no discrimination);
 * the result is turned back into an AUC. O(B n).
 *
 * `y` and `apparentProb` are the development rows; each replicate gives the
 * out-of-bag positions (into those rows) and its predictions for them.
 */
export function dotPlus(y: Float64Array, apparentProb: Float64Array, replicates: ReadonlyArray<{ positions: Int32Array; prob: Float64Array }>): DotPlusResult {
  const n = y.length;
  const brierSum = new Float64Array(n);
  const errorSum = new Float64Array(n);
  const count = new Int32Array(n);
  let aucLoss = 0;
  let aucReplicates = 0;
  for (const { positions, prob } of replicates) {
    let events = 0;
    for (let k = 0; k < positions.length; k++) {
      const i = positions[k]!;
      const p = prob[k]!;
      brierSum[i]! += (p - y[i]!) ** 2;
      errorSum[i]! += (p >= 0.5 ? 1 : 0) === y[i] ? 0 : 1;
      count[i]!++;
      events += y[i]!;
    }
    if (events > 0 && events < positions.length) {
      aucLoss += 1 - aucMannWhitney(Float64Array.from(positions, (i) => y[i]!), prob);
      aucReplicates++;
    }
  }
  let brierOob = 0;
  let errorOob = 0;
  let covered = 0;
  for (let i = 0; i < n; i++) {
    if (count[i] === 0) continue;
    brierOob += brierSum[i]! / count[i]!;
    errorOob += errorSum[i]! / count[i]!;
    covered++;
  }
  brierOob /= covered;
  errorOob /= covered;

  let ybar = 0;
  let pbar = 0;
  let p2bar = 0;
  let apparentBrier = 0;
  let apparentErrors = 0;
  let predictedPositive = 0;
  for (let i = 0; i < n; i++) {
    const p = apparentProb[i]!;
    ybar += y[i]!;
    pbar += p;
    p2bar += p * p;
    apparentBrier += (p - y[i]!) ** 2;
    const call = p >= 0.5 ? 1 : 0;
    predictedPositive += call;
    if (call !== y[i]) apparentErrors++;
  }
  ybar /= n;
  pbar /= n;
  p2bar /= n;
  const q1 = predictedPositive / n;
  const brierGamma = ybar - 2 * ybar * pbar + p2bar; // (1/n²) Σ_i Σ_j (y_i − p_j)² for 0/1 outcomes
  const errorGamma = ybar * (1 - q1) + (1 - ybar) * q1;

  let auc: DotPlusEstimate | null = null;
  if (aucReplicates > 0 && ybar > 0 && ybar < 1) {
    const loss = dotPlusLoss(1 - aucMannWhitney(y, apparentProb), aucLoss / aucReplicates, 0.5);
    auc = {
      ...loss,
      apparent: 1 - loss.apparent,
      outOfBag: 1 - loss.outOfBag,
      noInformation: 0.5,
      dot632: 1 - loss.dot632,
      dot632plus: 1 - loss.dot632plus,
    };
  }
  return {
    auc,
    brier: dotPlusLoss(apparentBrier / n, brierOob, brierGamma),
    errorRate: dotPlusLoss(apparentErrors / n, errorOob, errorGamma),
    aucReplicates,
  };
}
