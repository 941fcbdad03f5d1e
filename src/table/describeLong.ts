import type { LongTable } from "./longTable.js";

/** What `radval describe --rater COL` reports about a repeated-measures table. */
export interface LongTableSummary {
  readonly file: string;
  readonly layout: "long";
  readonly caseColumn: string;
  readonly raterColumn: string;
  readonly cases: number;
  readonly raters: readonly string[];
  /** Cases measured by each rater (any feature present). */
  readonly casesPerRater: Readonly<Record<string, number>>;
  /** Cases measured by every rater on every feature. */
  readonly completeCases: number;
  readonly features: number;
  /** Missing measurements (case × rater cells) per feature. */
  readonly missingByFeature: Readonly<Record<string, number>>;
  /** Features with one value across every case and rater. */
  readonly constantFeatures: readonly string[];
  readonly featureNames: readonly string[];
}

/** Summarises a long repeated-measures table: cases, raters, completeness, constant features. O(n k p). */
export function describeLongTable(table: LongTable): LongTableSummary {
  const nCases = table.cases.length;
  const nRaters = table.raters.length;
  const caseComplete = new Uint8Array(nCases).fill(1);
  const raterHas = table.raters.map(() => new Uint8Array(nCases));
  const missingByFeature: Record<string, number> = {};
  const constantFeatures: string[] = [];
  table.values.forEach((values, f) => {
    let missing = 0;
    let first = NaN;
    let constant = true;
    for (let i = 0; i < nCases; i++) {
      for (let r = 0; r < nRaters; r++) {
        const v = values[i * nRaters + r]!;
        if (Number.isNaN(v)) {
          missing++;
          caseComplete[i] = 0;
        } else {
          raterHas[r]![i] = 1;
          if (Number.isNaN(first)) first = v;
          else if (v !== first) constant = false;
        }
      }
    }
    missingByFeature[table.featureNames[f]!] = missing;
    if (constant) constantFeatures.push(table.featureNames[f]!);
  });
  const casesPerRater: Record<string, number> = {};
  table.raters.forEach((rater, r) => {
    casesPerRater[rater] = raterHas[r]!.reduce((a, b) => a + b, 0);
  });
  return {
    file: table.source,
    layout: "long",
    caseColumn: table.caseColumn,
    raterColumn: table.raterColumn,
    cases: nCases,
    raters: table.raters,
    casesPerRater,
    completeCases: caseComplete.reduce((a, b) => a + b, 0),
    features: table.featureNames.length,
    missingByFeature,
    constantFeatures,
    featureNames: table.featureNames,
  };
}
