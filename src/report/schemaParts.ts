import { z } from "zod";

// Building blocks shared by the results schema (resultsSchema.ts) and the outcome-kind schema (outcomeKindSchema.ts).
// Nullable with a null default: the engine writes every key; a hand-written file may omit it.
export const opt = <T extends z.ZodType>(t: T) => t.nullable().default(null);
export const list = <T extends z.ZodType>(t: T) => z.array(t).default([]);
export const num = z.number();
export const count = z.number().int().nonnegative();
export const prob = z.number().min(0).max(1);
export const text = z.string();
export const value = z.union([num, text, z.boolean(), z.null(), z.array(num), z.array(text)]);

export const estimate = z.object({
  estimate: opt(num),
  lower: opt(num),
  upper: opt(num),
  level: opt(prob),
  method: opt(text),
});

export const roc = z.object({
  points: z.array(z.object({ fpr: prob, tpr: prob, threshold: opt(num) })),
  band: opt(z.array(z.object({ fpr: prob, tprLower: prob, tprUpper: prob }))),
  bandMethod: opt(text),
  auc: opt(estimate),
});

