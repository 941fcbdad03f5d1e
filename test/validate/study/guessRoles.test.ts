import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { describe, expect, it } from "vitest";
import { parseCsvText } from "../../../src/table/parseCsv.js";
import { guessRoles } from "../../../src/validate/study/guessRoles.js";
import { starterConfig, yamlScalar } from "../../../src/validate/study/starterConfig.js";
import { parseStudyConfig } from "../../../src/validate/config.js";

const example = (name: string) => parseCsvText(readFileSync(new URL(`../../../examples/${name}.csv`, import.meta.url), "utf8"), { source: `${name}.csv` });
const csv = (text: string) => parseCsvText(text, { source: "t.csv" });

describe("guessRoles", () => {
  it("wdbc: id, a 0/1 outcome named like one (event 1 by convention), no site or date", () => {
    const g = guessRoles(example("wdbc"));
    expect(g.layout).toBe("wide");
    expect(g.id).toMatchObject({ column: "id", by: "name" });
    expect(g.outcome).toMatchObject({ column: "malignant", by: "name" });
    expect(g.positive).toMatchObject({ value: "1", by: "convention" });
    expect(g.site.column).toBeNull();
    expect(g.date.column).toBeNull();
    // the leak screen suspects every cytology feature with a univariate AUC ≥ 0.8 (excluded by init, with the reason)
    expect(g.leaks.every((l) => l.nameParts.length === 0 && l.auc! >= 0.8)).toBe(true);
    expect(g.features.length + g.excludeSuggested.length).toBe(30);
    expect(g.excludeSuggested).toContain("worst_perimeter");
  });

  it("multisite: site and scan date guessed, 120 features", () => {
    const g = guessRoles(example("multisite"));
    expect([g.id.column, g.outcome.column, g.site.column, g.date.column]).toEqual(["id", "outcome", "site", "scan_date"]);
    expect(g.site.note).toContain("A, B, C, D");
    expect(g.features).toHaveLength(120);
  });

  it("asah: a text outcome without a 0/1 coding → the rarer value, flagged; columns that restate the outcome suggested for exclusion", () => {
    const g = guessRoles(example("asah"));
    expect(g.outcome.column).toBe("outcome");
    expect(g.positive).toMatchObject({ value: "Poor", by: "minority" }); // 41 Poor vs 72 Good
    expect(g.positive.note).toContain('"Poor" (41)');
    expect(g.textColumns).toEqual(["gender"]);
    // poor (the 0/1 coding of the outcome) and gos6 (the score it is cut from) separate it perfectly
    expect(g.separating.map((c) => c.column)).toEqual(["poor", "gos6"]);
    // wfns (the admission WFNS grade) alone has AUC ≥ 0.8: flagged by the leak screen, for the user to check
    expect(g.excludeSuggested).toEqual(["poor", "gos6", "wfns"]);
    expect(g.features).toEqual(["age", "s100b", "ndka"]);
  });

  it("pbc: status has three values, so the outcome comes from the values (flagged): the 0/1 column with the fewest gaps", () => {
    const g = guessRoles(example("pbc"));
    // trt is 1/2; ascites, hepato, spiders are 0/1 but missing for the 106 external rows; cirrhosis misses 6
    expect(g.outcome).toMatchObject({ column: "cirrhosis", by: "values" });
    expect(g.outcome.note).toContain("among trt, sex, ascites, hepato, spiders, cirrhosis");
    expect(g.positive).toMatchObject({ value: "1", by: "convention" });
    expect(g.binaryColumns).toEqual(["trt", "sex", "ascites", "hepato", "spiders"]);
    expect(g.cohort).toMatchObject({ column: "cohort", by: "name" });
    // …but a follow-up time with an event indicator is there: the outcome kind proposed is time to event, and the
    // leak screen against cirrhosis does not apply (no event rows missing).
    expect(g.outcomeKind).toMatchObject({ kind: "survival", time: "time", event: "status", eventValue: "2", horizon: 1700 });
    expect(g.outcomeMissing).toBe(0);
    expect(g.separating).toEqual([]);
    // Named as the binary outcome, cirrhosis is screened: stage 4 is its definition, the stage column restates it.
    const named = guessRoles(example("pbc"), { outcome: "cirrhosis" });
    expect(named.outcomeKind).toEqual({ kind: "binary" });
    expect(named.outcomeMissing).toBe(6);
    expect(named.separating).toEqual([{ column: "stage", auc: 1 }]);
    expect(named.excludeSuggested).toEqual(["time", "status", "stage"]);
  });

  it("recognises a long test-retest table (a reader column and repeating case ids)", () => {
    const g = guessRoles(example("test_retest"));
    expect(g.layout).toBe("long");
    expect(g.id.column).toBe("case_id");
    expect(g.rater.column).toBe("reader");
    const sf = guessRoles(example("shrout_fleiss"));
    expect(sf).toMatchObject({ layout: "long", id: { column: "target" }, rater: { column: "judge" } });
  });

  it("centre spellings, yes/no outcomes, missing outcomes, a non-unique id", () => {
    const g = guessRoles(csv("patient_id,Centre,Label,x\n1,a,yes,1\n2,b,no,2\n3,a,,3\n4,b,yes,4\n"));
    expect(g.id.column).toBe("patient_id");
    expect(g.site.column).toBe("Centre");
    expect(g.outcome.column).toBe("Label");
    expect(g.positive.value).toBe("yes");
    expect(g.outcomeMissing).toBe(1);
    const dup = guessRoles(csv("id,y,x\n1,0,1\n1,1,2\n2,0,3\n"));
    expect(dup.id.column).toBeNull(); // ids repeat and there is no rater column: not an id
    expect(dup.layout).toBe("wide");
  });

  it("no binary column: no outcome", () => {
    const g = guessRoles(csv("a,b\n1,2\n3,4\n5,6\n"));
    expect(g.outcome).toMatchObject({ column: null, by: "none" });
    expect(g.positive.value).toBeNull();
  });
});

describe("starterConfig", () => {
  it.each(["wdbc", "multisite", "asah"])("%s: the written config parses as a study config with the guessed roles", (name) => {
    const g = guessRoles(example(name));
    const text = starterConfig(g, { dataFile: `${name}.csv` });
    const config = parseStudyConfig(parseYaml(text), "starter");
    expect(config.data.file).toBe(`${name}.csv`);
    expect(config.data.outcome).toBe(g.outcome.column);
    expect(config.models.map((m) => m.model)).toEqual(["lasso", "rf"]);
    expect(text).toMatch(/^# radval study config/);
  });

  it("marks guesses with # CHECK, sets site-dependent keys and explains every schema section", () => {
    const multisite = starterConfig(guessRoles(example("multisite")), { dataFile: "m.csv" });
    const config = parseStudyConfig(parseYaml(multisite));
    expect(config.data).toMatchObject({ site: "site", date: "scan_date", positive: 1 });
    expect(config.external?.leaveOneSiteOut).toBe(true);
    expect(multisite).toMatch(/site: site +# CHECK:/);
    for (const key of ["seed:", "study:", "data:", "reliability:", "redundancy:", "impute:", "scale:", "models:", "internal:", "external:", "decisionCurve:", "threshold:", "report:"]) {
      expect(multisite).toContain(key);
    }
    const asah = parseStudyConfig(parseYaml(starterConfig(guessRoles(example("asah")), { dataFile: "a.csv" })));
    expect(asah.data.positive).toBe("Poor");
    const pbcText = starterConfig(guessRoles(example("pbc")), { dataFile: "p.csv" });
    // PBC has a follow-up time and an event indicator: a time-to-event outcome is proposed (issue 17), with its roles
    // (not features) and no leak screen against the binary column the values alone would suggest.
    expect(pbcText).toMatch(/outcome: +# CHECK: time to event/);
    expect(pbcText).toContain("# development: {column: cohort, value: trial}");
    const pbcConfig = parseStudyConfig(parseYaml(pbcText));
    expect(pbcConfig.data.outcome).toEqual({ type: "survival", time: "time", event: "status", eventValue: 2, horizon: 1700 }); // median follow-up time 1725 days, to 2 significant digits
    expect(pbcConfig.models.map((m) => m.model)).toEqual(["cox", "lasso"]);
    expect(pbcConfig.data.exclude).toBeUndefined();
    // Binary outcomes keep the leak screen: asah's text is unchanged by outcome kinds.
    const cirrhosis = starterConfig(guessRoles(example("pbc"), { outcome: "cirrhosis" }), { dataFile: "p.csv" });
    expect(parseStudyConfig(parseYaml(cirrhosis)).data.exclude).toEqual(["time", "status", "stage"]);
    expect(cirrhosis).toMatch(/- stage +# separates the outcome perfectly on its own \(AUC 1\)/);
    expect(cirrhosis).toMatch(/- time +# name suggests post-baseline or outcome-derived information \(time\)/);
  });

  it("quotes YAML scalars only when needed", () => {
    expect(yamlScalar("scan_date")).toBe("scan_date");
    expect(yamlScalar("wavelet-LHL_glcm_Imc1")).toBe("wavelet-LHL_glcm_Imc1");
    expect(yamlScalar("yes")).toBe('"yes"');
    expect(yamlScalar("a: b")).toBe('"a: b"');
    expect(yamlScalar("2021")).toBe('"2021"');
    expect(yamlScalar(1)).toBe("1");
    expect(parseYaml(`k: ${yamlScalar('odd "name" # here')}`)).toEqual({ k: 'odd "name" # here' });
  });
});
