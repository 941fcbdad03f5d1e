import type { Command } from "commander";
import { reliabilityBand } from "../../reliability/bands.js";
import { type IccFeatureResult, type IccResult, iccTable } from "../../reliability/icc.js";
import { ICC_FORMS } from "../../reliability/iccForms.js";
import { readLongTableFromOptions } from "../readLong.js";
import { formatNumber, formatTable } from "../format.js";
import type { CliIo } from "../io.js";
import { type RoleOptions, addCommonOptions, numberOption } from "../options.js";
import { printJson, printWarnings } from "../output.js";

interface IccCliOptions extends RoleOptions {
  rater: string;
  alpha?: string;
  strict?: boolean;
}

/** The public `radval icc --json` shape: {"features":[{feature, n, k, dropped, forms: {ICC1: {icc, F, df1, df2, p, lower, upper}, …}}]}. */
export function iccJson(result: IccResult): Record<string, unknown> {
  return {
    file: result.source,
    caseColumn: result.caseColumn,
    raterColumn: result.raterColumn,
    raters: result.raters,
    cases: result.nCases,
    alpha: result.alpha,
    features: result.features.map((f) => ({
      feature: f.feature,
      n: f.n,
      k: f.k,
      dropped: f.dropped,
      droppedCases: f.droppedCases,
      forms: Object.fromEntries(
        ICC_FORMS.map((name) => {
          const form = f.forms[name];
          return [
            name,
            {
              icc: form.icc,
              F: form.F,
              df1: form.df1,
              df2: form.df2,
              p: form.p,
              lower: form.lower,
              upper: form.upper,
              mcGrawWong: form.mcGrawWong,
              band: reliabilityBand(form.icc),
              ...(form.reason ? { reason: form.reason } : {}),
            },
          ];
        }),
      ),
    })),
  };
}

function humanIcc(result: IccResult): string {
  const ci = (f: IccFeatureResult) => {
    const form = f.forms.ICC2;
    return form.lower === null || form.upper === null ? "—" : `[${formatNumber(form.lower, 3)}, ${formatNumber(form.upper, 3)}]`;
  };
  const rows = result.features.map((f) => [
    f.feature,
    String(f.n),
    String(f.dropped),
    formatNumber(f.forms.ICC1.icc, 3),
    formatNumber(f.forms.ICC2.icc, 3),
    ci(f),
    formatNumber(f.forms.ICC3.icc, 3),
    formatNumber(f.forms.ICC2k.icc, 3),
    formatNumber(f.forms.ICC3k.icc, 3),
    reliabilityBand(f.forms.ICC2.icc) ?? (f.forms.ICC2.reason ?? "—"),
  ]);
  const level = `${formatNumber(100 * (1 - result.alpha), 3)}% CI`;
  const head = `${result.source}: ICC of ${result.features.length} features, ${result.nCases} cases × ${result.raters.length} raters/repeats (${result.raters.join(", ")})\n`;
  const legend =
    "ICC1 = one-way random; ICC(A,1) = ICC2, two-way random, absolute agreement; ICC(C,1) = ICC3, two-way mixed, consistency; …k = mean of k ratings.\n" +
    "Band (Koo & Li 2016) of ICC(A,1): < 0.5 poor, 0.5–0.75 moderate, 0.75–0.9 good, > 0.9 excellent. Use --json for F, df, p and every interval.\n";
  return head + formatTable(["feature", "n", "dropped", "ICC1", "ICC(A,1)", level, "ICC(C,1)", "ICC(A,k)", "ICC(C,k)", "band"], rows) + legend;
}

/** `radval icc <long.csv> --id COL --rater COL`: the six Shrout–Fleiss ICC forms per feature, as psych::ICC. */
export function registerIcc(program: Command, io: CliIo): void {
  const command = program
    .command("icc")
    .description("intraclass correlation (all six Shrout–Fleiss / McGraw–Wong forms, F test, 95% CI as psych::ICC) per feature of a long test-retest table")
    .argument("<file>", "long CSV: one row per case × rater/repeat");
  addCommonOptions(command);
  command
    .requiredOption("--rater <col>", "rater / repeat column")
    .option("--features <list>", "comma-separated feature columns (default: all other columns)")
    .option("--exclude <list>", "comma-separated columns never used as features")
    .option("--alpha <number>", "intervals at level 1 − alpha (default 0.05)")
    .option("--strict", "error on a case with a missing repeat (default: drop it for that feature and count it)")
    .option("--keep-diagnostics", "keep PyRadiomics diagnostics_* columns as features")
    .option("--delimiter <char>", "field delimiter: , ; tab (default: detected)")
    .option("--decimal <char>", "decimal mark: . or , (default: , for ;-separated files)");
  command.action((file: string, options: IccCliOptions) => {
    const alpha = numberOption("--alpha", options.alpha, { min: 1e-12, max: 0.999999, default: 0.05 })!;
    const long = readLongTableFromOptions(file, options);
    const result = iccTable(long, { alpha, strict: Boolean(options.strict) });
    printWarnings(io, result.warnings, options.quiet);
    if (options.json) printJson(io, iccJson(result));
    else io.stdout(humanIcc(result));
  });
}
