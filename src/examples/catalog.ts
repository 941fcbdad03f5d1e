import type { RoleSpec } from "../table/toDataset.js";

/** A bundled wide example: one row per case. */
export interface WideExample {
  readonly kind: "wide";
  readonly name: string;
  readonly file: string;
  readonly description: string;
  readonly roles: RoleSpec;
}

/** A bundled long (repeated-measures) example. */
export interface LongExample {
  readonly kind: "long";
  readonly name: string;
  readonly file: string;
  readonly description: string;
  readonly caseColumn: string;
  readonly raterColumn: string;
}

/** One of the bundled data sets. */
export type ExampleInfo = WideExample | LongExample;

/**
 * The bundled example data sets (files in the package's `examples/` folder;
 * provenance and licences in `examples/README.md`), with the roles radval
 * uses for them by default.
 */
export const EXAMPLES: Readonly<Record<string, ExampleInfo>> = Object.freeze({
  wdbc: {
    kind: "wide",
    name: "wdbc",
    file: "wdbc.csv",
    description: "Wisconsin Diagnostic Breast Cancer: 569 cases, 30 features, outcome malignant",
    roles: { id: "id", outcome: "malignant", positive: "1" },
  },
  pbc: {
    kind: "wide",
    name: "pbc",
    file: "pbc.csv",
    description: "Mayo PBC: 418 patients, trial and external cohorts, outcome cirrhosis (stage 4)",
    roles: { id: "id", outcome: "cirrhosis", positive: "1", group: "cohort", time: "time", event: "status", exclude: ["stage"], missingOutcome: "drop" },
  },
  asah: {
    kind: "wide",
    name: "asah",
    file: "asah.csv",
    description: "Aneurysmal subarachnoid haemorrhage (pROC::aSAH): 113 patients, outcome Poor",
    roles: { id: "id", outcome: "outcome", positive: "Poor", exclude: ["poor", "gos6"] },
  },
  multisite: {
    kind: "wide",
    name: "multisite",
    file: "multisite.csv",
    description: "Simulated multi-centre radiomics cohort: 600 patients, 4 sites, 120 features",
    roles: { id: "id", outcome: "outcome", positive: "1", site: "site", date: "scan_date" },
  },
  test_retest: {
    kind: "long",
    name: "test_retest",
    file: "test_retest.csv",
    description: "Simulated test-retest table: 40 cases × 3 readers, 60 features",
    caseColumn: "case_id",
    raterColumn: "reader",
  },
  shrout_fleiss: {
    kind: "long",
    name: "shrout_fleiss",
    file: "shrout_fleiss.csv",
    description: "Shrout & Fleiss (1979): 6 targets × 4 judges",
    caseColumn: "target",
    raterColumn: "judge",
  },
} satisfies Record<string, ExampleInfo>);

/** Names of the bundled examples. */
export const EXAMPLE_NAMES: readonly string[] = Object.freeze(Object.keys(EXAMPLES));
