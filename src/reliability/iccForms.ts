/**
 * The six Shrout & Fleiss (1979) intraclass correlation forms, in psych::ICC's
 * row order, with their McGraw & Wong (1996) names.
 */
export type IccFormName = "ICC1" | "ICC2" | "ICC3" | "ICC1k" | "ICC2k" | "ICC3k";

/** psych::ICC's row order: ICC1, ICC2, ICC3, ICC1k, ICC2k, ICC3k. */
export const ICC_FORMS: readonly IccFormName[] = Object.freeze(["ICC1", "ICC2", "ICC3", "ICC1k", "ICC2k", "ICC3k"]);

/** What each form measures, under both naming systems. */
export interface IccFormInfo {
  /** Shrout & Fleiss (1979) name, as psych::ICC prints it. */
  readonly shroutFleiss: IccFormName;
  /** McGraw & Wong (1996) name: ICC(1), ICC(A,1), ICC(C,1), ICC(k), ICC(A,k), ICC(C,k). */
  readonly mcGrawWong: string;
  /** ANOVA model. */
  readonly model: "one-way random" | "two-way random" | "two-way mixed";
  /** Agreement type. */
  readonly agreement: "absolute" | "consistency";
  /** Reliability of one rating ("single") or of the mean of k ratings ("average"). */
  readonly unit: "single" | "average";
  /** The estimator, in mean squares (MSB cases, MSJ raters, MSE residual, MSW within cases; n cases, k raters). */
  readonly formula: string;
}

/** Both naming systems and the estimator of each form (Shrout & Fleiss 1979; McGraw & Wong 1996; Koo & Li 2016 Table 1). */
export const ICC_FORM_INFO: Readonly<Record<IccFormName, IccFormInfo>> = Object.freeze({
  ICC1: {
    shroutFleiss: "ICC1",
    mcGrawWong: "ICC(1)",
    model: "one-way random",
    agreement: "absolute",
    unit: "single",
    formula: "(MSB - MSW) / (MSB + (k - 1) MSW)",
  },
  ICC2: {
    shroutFleiss: "ICC2",
    mcGrawWong: "ICC(A,1)",
    model: "two-way random",
    agreement: "absolute",
    unit: "single",
    formula: "(MSB - MSE) / (MSB + (k - 1) MSE + k (MSJ - MSE) / n)",
  },
  ICC3: {
    shroutFleiss: "ICC3",
    mcGrawWong: "ICC(C,1)",
    model: "two-way mixed",
    agreement: "consistency",
    unit: "single",
    formula: "(MSB - MSE) / (MSB + (k - 1) MSE)",
  },
  ICC1k: {
    shroutFleiss: "ICC1k",
    mcGrawWong: "ICC(k)",
    model: "one-way random",
    agreement: "absolute",
    unit: "average",
    formula: "(MSB - MSW) / MSB",
  },
  ICC2k: {
    shroutFleiss: "ICC2k",
    mcGrawWong: "ICC(A,k)",
    model: "two-way random",
    agreement: "absolute",
    unit: "average",
    formula: "(MSB - MSE) / (MSB + (MSJ - MSE) / n)",
  },
  ICC3k: {
    shroutFleiss: "ICC3k",
    mcGrawWong: "ICC(C,k)",
    model: "two-way mixed",
    agreement: "consistency",
    unit: "average",
    formula: "(MSB - MSE) / MSB",
  },
});

/**
 * Accepts either naming system (`"ICC2"`, `"ICC(A,1)"`, `"A,1"`, case and
 * spaces ignored) and returns the Shrout–Fleiss name, or undefined.
 */
export function parseIccForm(text: string): IccFormName | undefined {
  const t = text.replace(/\s+/g, "").toUpperCase();
  for (const form of ICC_FORMS) {
    const info = ICC_FORM_INFO[form];
    const mw = info.mcGrawWong.toUpperCase();
    if (t === form.toUpperCase() || t === mw || `ICC(${t})` === mw) return form;
  }
  return undefined;
}
