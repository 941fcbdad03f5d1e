import type { ReportTable, TableCell } from "./model.js";
import type { IntervalEstimate, StudyResults } from "./results.js";

const withCi = (e: IntervalEstimate | null | undefined): string | null =>
  !e ? null : e.lower === null || e.upper === null ? e.estimate.toPrecision(3) : `${e.estimate.toPrecision(3)} (${e.lower.toPrecision(3)} to ${e.upper.toPrecision(3)})`;

/**
 * The incremental-value table (config `incremental.pairs`): for each pair and
 * each set of paired predictions (apparent, cross-validated, external) the
 * AUCs, ΔAUC with the paired DeLong CI and p, the likelihood-ratio test of
 * nested logistic models, continuous and categorical NRI with events /
 * non-events components, IDI and ΔBrier. Empty without pairs.
 */
export function incrementalTables(results: StudyResults): ReportTable[] {
  const pairs = results.incrementalValue ?? [];
  if (!pairs.length) return [];
  const label = (id: string) => results.models.find((m) => m.id === id)?.label ?? id;
  const rows: TableCell[][] = pairs.flatMap((pair) =>
    pair.sets.map((s): TableCell[] => [
      `${label(pair.model)} vs ${label(pair.comparator)}`,
      s.data,
      s.n,
      s.aucComparator,
      s.aucModel,
      withCi(s.deltaAuc),
      s.deltaAuc?.p ?? null,
      s.lrt ? `χ² ${s.lrt.statistic.toPrecision(4)} on ${s.lrt.df} df, p ${s.lrt.p.toPrecision(2)}` : null,
      s.nriContinuous ? `${withCi(s.nriContinuous)}; events ${s.nriContinuous.events.toPrecision(3)}, non-events ${s.nriContinuous.nonEvents.toPrecision(3)}` : null,
      s.nriCategorical ? `${withCi(s.nriCategorical)}; events ${s.nriCategorical.events.toPrecision(3)}, non-events ${s.nriCategorical.nonEvents.toPrecision(3)}` : null,
      withCi(s.idi),
      withCi(s.deltaBrier),
    ]),
  );
  const corrected = pairs.filter((p) => p.correctedDeltaAuc !== null).map((p) => `${label(p.model)} vs ${label(p.comparator)}: optimism-corrected ΔAUC ${p.correctedDeltaAuc!.toPrecision(3)}`);
  const cutoffs = pairs.flatMap((p) => p.sets).find((s) => s.nriCategorical)?.nriCategorical?.cutoffs;
  return [
    {
      id: "incremental-value",
      title: "Incremental value (model vs comparator, same patients)",
      columns: ["Pair", "Data", "Patients", "AUC comparator", "AUC model", "ΔAUC (95% CI)", "p (DeLong)", "Likelihood-ratio test", "Continuous NRI (95% CI)", "Categorical NRI (95% CI)", "IDI (95% CI)", "ΔBrier (95% CI)"],
      rows,
      note: `ΔAUC: paired DeLong (pROC::roc.test); NRI and IDI: Hmisc::improveProb with asymptotic SEs${cutoffs ? `, categorical NRI at risk cut-offs ${cutoffs.join(", ")}` : ""}; ΔBrier = Brier(model) − Brier(comparator) (negative = better), paired test; likelihood-ratio test only for nested unpenalised logistic models on the development data (anova(…, test = "Chisq")); when the added predictor is a fitted stage (a rad-score), it counts as one parameter although it was itself fitted to the outcome, so that test is anti-conservative — read the cross-validated rows. Cross-validated: both models' pooled out-of-fold predictions of the same folds; every stage (the rad-score) refit in every fold.${corrected.length ? ` ${corrected.join("; ")} (the same bootstrap replicates).` : ""} Net-benefit differences per threshold are in results.json (incrementalValue).`,
    },
  ];
}
