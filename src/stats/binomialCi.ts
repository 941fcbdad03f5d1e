import { RadvalError } from "../core/errors.js";
import { betaQuantile } from "./beta.js";
import { normalQuantile } from "./normal.js";

/** Interval methods for a binomial proportion. */
export type ProportionCiMethod = "wilson" | "clopper-pearson";

/** A proportion x/n with its confidence interval. */
export interface ProportionCi {
  readonly estimate: number;
  readonly lower: number;
  readonly upper: number;
  readonly x: number;
  readonly n: number;
  readonly level: number;
  readonly method: ProportionCiMethod;
}

function check(x: number, n: number, level: number): void {
  if (!Number.isInteger(n) || n <= 0 || !Number.isInteger(x) || x < 0 || x > n) {
    throw new RadvalError("INVALID_ARGUMENT", `a proportion needs whole numbers 0 ≤ x ≤ n with n > 0, got x = ${x}, n = ${n}`);
  }
  if (!(level > 0 && level < 1)) {
    throw new RadvalError("INVALID_OPTION", `confidence level must be between 0 and 1, got ${level}`, { where: { option: "level" } });
  }
}

/**
 * Wilson score interval for x/n (Wilson 1927, JASA 22:209), without
 * continuity correction — R's `prop.test(x, n, correct = FALSE)$conf.int`
 * with the same arithmetic (bounds set to 0 / 1 when x = 0 / n). O(1).
 */
export function wilsonCi(x: number, n: number, level = 0.95): ProportionCi {
  check(x, n, level);
  const z = normalQuantile((1 + level) / 2);
  const p = x / n;
  const z22n = (z * z) / (2 * n);
  const spread = z * Math.sqrt((p * (1 - p)) / n + z22n / (2 * n));
  const upper = p >= 1 ? 1 : (p + z22n + spread) / (1 + 2 * z22n);
  const lower = p <= 0 ? 0 : (p + z22n - spread) / (1 + 2 * z22n);
  return { estimate: p, lower: Math.max(lower, 0), upper: Math.min(upper, 1), x, n, level, method: "wilson" };
}

/**
 * Clopper–Pearson exact interval for x/n (Clopper & Pearson 1934,
 * Biometrika 26:404): Beta(α/2; x, n − x + 1) and Beta(1 − α/2; x + 1, n − x)
 * quantiles, 0 at x = 0 and 1 at x = n — R's `binom.test(x, n)$conf.int`.
 */
export function clopperPearsonCi(x: number, n: number, level = 0.95): ProportionCi {
  check(x, n, level);
  const alpha = (1 - level) / 2;
  const lower = x === 0 ? 0 : betaQuantile(alpha, x, n - x + 1);
  const upper = x === n ? 1 : betaQuantile(1 - alpha, x + 1, n - x);
  return { estimate: x / n, lower, upper, x, n, level, method: "clopper-pearson" };
}

/** The interval of `method` for x/n. */
export function proportionCi(x: number, n: number, method: ProportionCiMethod = "wilson", level = 0.95): ProportionCi {
  if (method === "wilson") return wilsonCi(x, n, level);
  if (method === "clopper-pearson") return clopperPearsonCi(x, n, level);
  throw new RadvalError("INVALID_OPTION", `unknown interval method "${String(method)}"`, { where: { option: "ci" }, hint: 'Use "wilson" or "clopper-pearson".' });
}
