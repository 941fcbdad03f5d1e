import { z } from "zod";

const stage = z.object({
  separating: z.number().int().nonnegative(),
  separatingBonferroni: z.number().int().nonnegative(),
  tests: z.array(z.object({ feature: z.string(), statistic: z.number().nullable(), p: z.number().nullable() })),
  pca: z.object({ explained: z.array(z.number()), points: z.array(z.object({ site: z.string(), pc1: z.number(), pc2: z.number() })) }),
  distributions: z.array(z.object({ feature: z.string(), site: z.string(), n: z.number().int(), min: z.number(), q1: z.number(), median: z.number(), q3: z.number(), max: z.number() })),
});

/** zod schema of the `harmonization` block of results.json ({@link HarmonizationResult}). */
export const harmonizationSchema = z.object({
  method: z.literal("combat"),
  batchColumn: z.string(),
  batches: z.array(z.string()),
  rowsPerBatch: z.array(z.number().int()),
  referenceBatch: z.string().nullable(),
  empiricalBayes: z.string(),
  meanOnly: z.boolean(),
  covariates: z.array(z.string()),
  unseen: z.enum(["refuse", "reference", "self"]),
  policy: z.string(),
  test: z.string(),
  alpha: z.number(),
  nFeatures: z.number().int(),
  before: stage,
  after: stage,
});
