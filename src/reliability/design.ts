import { previewList } from "../core/dataset.js";
import { RadvalError } from "../core/errors.js";
import type { LongTable } from "../table/longTable.js";

/** How the cases × raters design of a long table looks (a case × rater is "measured" when any selected feature has a value). */
export interface RaterDesign {
  readonly nCases: number;
  readonly nRaters: number;
  /** Cases measured by each rater, in rater order. */
  readonly casesPerRater: readonly number[];
  /** Cases measured by every rater. */
  readonly completeCases: number;
}

/** Options of {@link checkRaterDesign}. */
export interface RaterDesignOptions {
  /** Feature indices to look at (default all). */
  readonly features?: readonly number[];
  /**
   * Smallest fraction of cases that every rater must have measured for the
   * design to count as crossed (default 0.5). Below it the raters measured
   * different case sets and the table is rejected as unbalanced.
   */
  readonly minCompleteFraction?: number;
}

/**
 * Checks that a long repeated-measures table is a crossed cases × raters
 * design, as the two-way ANOVA behind the ICC needs. Errors (RadvalError):
 * `TOO_FEW_RATERS` (one rater/repeat), `TOO_FEW_CASES` (< 2 cases),
 * `UNBALANCED_DESIGN` (raters measured different case sets: fewer than
 * `minCompleteFraction` of the cases, or fewer than 2, were measured by
 * every rater). A few cases missing a repeat pass the check; they are dropped
 * per feature by the ICC. O(n k p).
 */
export function checkRaterDesign(table: LongTable, options: RaterDesignOptions = {}): RaterDesign {
  const nCases = table.cases.length;
  const nRaters = table.raters.length;
  const where = { file: table.source, column: table.raterColumn };
  if (nRaters < 2) {
    throw new RadvalError(
      "TOO_FEW_RATERS",
      `the rater column has ${nRaters} level${nRaters === 1 ? ` ("${table.raters[0]}")` : "s"}: reliability needs at least 2 raters or repeats per case`,
      { where, hint: "Check that --rater names the column that tells the repeats/readers apart, and that the file holds every repeat." },
    );
  }
  if (nCases < 2) {
    throw new RadvalError("TOO_FEW_CASES", `the table has ${nCases} case${nCases === 1 ? "" : "s"}: reliability needs at least 2 cases`, {
      where: { file: table.source, column: table.caseColumn },
      hint: "Check that --id names the case column.",
    });
  }
  const features = options.features ?? table.values.map((_, f) => f);
  const present = new Uint8Array(nCases * nRaters);
  for (const f of features) {
    const values = table.values[f]!;
    for (let cell = 0; cell < present.length; cell++) if (!Number.isNaN(values[cell]!)) present[cell] = 1;
  }
  const casesPerRater = new Array<number>(nRaters).fill(0);
  let completeCases = 0;
  for (let i = 0; i < nCases; i++) {
    let all = true;
    for (let r = 0; r < nRaters; r++) {
      if (present[i * nRaters + r]) casesPerRater[r]!++;
      else all = false;
    }
    if (all) completeCases++;
  }
  const minFraction = options.minCompleteFraction ?? 0.5;
  if (completeCases < 2 || completeCases < minFraction * nCases) {
    const perRater = table.raters.map((r, j) => `${r}: ${casesPerRater[j]}`);
    throw new RadvalError(
      "UNBALANCED_DESIGN",
      `raters measured different case sets: only ${completeCases} of ${nCases} cases were measured by all ${nRaters} raters (cases per rater ${previewList(perRater, 6)})`,
      {
        where,
        hint:
          "The ICC needs a crossed design (every case measured by every rater/repeat). If each case was rated by different people (one-way design), " +
          "label each case's ratings 1..k in the rater column; otherwise keep only the cases that every rater measured.",
      },
    );
  }
  return { nCases, nRaters, casesPerRater, completeCases };
}
