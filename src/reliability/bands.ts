/** Koo & Li (2016) reliability band of an ICC (or CCC) value. */
export type ReliabilityBand = "poor" | "moderate" | "good" | "excellent";

/**
 * Koo & Li (2016) bands, "A guideline of selecting and reporting intraclass
 * correlation coefficients for reliability research", J Chiropr Med
 * 15(2):155–163: < 0.5 poor, 0.5–0.75 moderate, 0.75–0.9 good, > 0.9
 * excellent. Boundaries go to the upper band except 0.9, which is "good"
 * (the paper says "greater than 0.90" for excellent). null for an undefined value.
 */
export function reliabilityBand(value: number | null): ReliabilityBand | null {
  if (value === null || Number.isNaN(value)) return null;
  if (value < 0.5) return "poor";
  if (value < 0.75) return "moderate";
  if (value <= 0.9) return "good";
  return "excellent";
}
