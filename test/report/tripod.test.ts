import { describe, expect, it } from "vitest";
import { buildReport } from "../../src/report/report.js";
import { parseStudyResults } from "../../src/report/resultsSchema.js";
import { TRIPOD_2015_ITEMS, TRIPOD_AI_ITEMS } from "../../src/report/tripodItems.js";
import { exampleJson, exampleResults, minimalJson } from "./fixture.js";

describe("TRIPOD+AI item table", () => {
  it("has the 27 items and 52 sub-items of Collins et al. 2024 in the published order", () => {
    const ids = TRIPOD_AI_ITEMS.map((i) => i.id);
    expect(ids).toHaveLength(52);
    expect(new Set(ids).size).toBe(52);
    expect(new Set(ids.map((id) => id.replace(/[a-z]$/, ""))).size).toBe(27);
    expect(ids.slice(0, 6)).toEqual(["1", "2", "3a", "3b", "3c", "4"]);
    expect(ids.filter((id) => id.startsWith("12"))).toEqual(["12a", "12b", "12c", "12d", "12e", "12f", "12g"]);
    expect(ids.filter((id) => id.startsWith("18"))).toEqual(["18a", "18b", "18c", "18d", "18e", "18f"]);
    expect(ids.slice(-3)).toEqual(["27a", "27b", "27c"]);
  });

  it("keeps the published topics and development/evaluation applicability", () => {
    const get = (id: string) => TRIPOD_AI_ITEMS.find((i) => i.id === id)!;
    expect(get("7")).toMatchObject({ topic: "Data preparation", appliesTo: "D;E" });
    expect(get("12f")).toMatchObject({ topic: "Analytical methods", appliesTo: "E" });
    expect(get("13").topic).toBe("Class imbalance");
    expect(get("14").topic).toBe("Fairness");
    expect(get("22")).toMatchObject({ topic: "Model specification", appliesTo: "D" });
    expect(get("20c").appliesTo).toBe("E");
    expect(get("19").section).toBe("Patient and public involvement");
  });

  it("maps every TRIPOD 2015 sub-item (37) to existing TRIPOD+AI items", () => {
    expect(TRIPOD_2015_ITEMS).toHaveLength(37);
    const known = new Set(TRIPOD_AI_ITEMS.map((i) => i.id));
    for (const item of TRIPOD_2015_ITEMS) for (const id of item.mapsTo) expect(known.has(id)).toBe(true);
  });
});

describe("checklist statuses", () => {
  const report = buildReport(exampleResults());
  const item = (id: string) => report.checklist.find((e) => e.id === id)!;

  it("fills data-driven items from the results", () => {
    for (const id of ["7", "9a", "11", "12a", "12b", "12c", "12d", "12e", "13", "15", "20b", "21", "22", "23a", "23b", "24"]) {
      expect([id, item(id).status]).toEqual([id, "filled"]);
    }
    expect(item("7").radval[0]).toContain("40 of 120 features with test-retest data kept");
    expect(item("7").charts).toEqual(["icc", "correlation"]);
    expect(item("22").tables).toEqual(["model-enet", "model-rf"]);
    expect(item("23b").charts).toEqual(["forest-enet"]);
    expect(item("24").radval[0]).toContain("logistic-recalibration");
  });

  it("marks author items present in the config as author and absent ones as missing, with what to add", () => {
    expect(item("1")).toMatchObject({ status: "author", author: expect.stringContaining("TEST FIXTURE") });
    expect(item("4").status).toBe("author");
    expect(item("18a").status).toBe("author");
    expect(item("6b")).toMatchObject({ status: "missing", todo: expect.stringContaining("study.eligibility") });
    expect(item("17").status).toBe("missing");
    expect(item("27c").status).toBe("missing");
  });

  it("marks items radval fills in part as partial until the author adds their part", () => {
    expect(item("10").status).toBe("partial");
    expect(item("10").checks).toContain("riley-shrinkage");
    expect(item("26").status).toBe("partial");
    expect(item("26").radval.some((s) => s.includes("Automatic flag (serious)"))).toBe(true);
    expect(item("8a")).toMatchObject({ status: "filled" }); // outcome definition given in the config + prevalence from the data
    const json = exampleJson();
    json["study"]["limitations"] = "Single country; retrospective.";
    const withLimitations = buildReport(parseStudyResults(json)).checklist.find((e) => e.id === "26")!;
    expect(withLimitations.status).toBe("filled");
    expect(withLimitations.author).toBe("Single country; retrospective.");
  });

  it("counts statuses over all 52 items", () => {
    const c = report.statusCounts;
    expect(c.filled + c.partial + c.author + c.missing).toBe(52);
    expect(c.author).toBe(3);
  });

  it("is honest on a minimal results file: nothing claimed that the results do not hold", () => {
    const minimal = buildReport(parseStudyResults(minimalJson()));
    const m = (id: string) => minimal.checklist.find((e) => e.id === id)!;
    expect(m("22").status).toBe("missing");
    expect(m("23a").status).toBe("missing");
    expect(m("13").status).toBe("missing");
    expect(m("1").status).toBe("missing");
    expect(minimal.title).toContain("title missing");
    expect(minimal.charts).toEqual([]);
    for (const id of ["12a", "12b", "12c", "12e", "12g", "21"]) expect([id, m(id).status]).toEqual([id, "missing"]);
    // what is filled is true of the run: no steps, no heterogeneity analysis, no evaluation data, no updating
    expect(minimal.checklist.filter((e) => e.status === "filled").map((e) => e.id)).toEqual(["7", "9a", "12d", "12f", "20b", "20c", "23b", "24"]);
    expect(m("7").radval).toEqual(["No preprocessing steps were applied."]);
    expect(minimal.checklist.every((e) => e.status !== "filled" || e.radval.length > 0)).toBe(true);
  });

  it("derives the TRIPOD 2015 view from the mapped items", () => {
    const view = new Map(report.tripod2015.map((t) => [t.id, t.status]));
    expect(view.get("15a")).toBe("filled"); // ← 22
    expect(view.get("22")).toBe("author"); // funding ← 18a
    expect(view.get("14b")).toBe("missing"); // no TRIPOD+AI counterpart
    expect(view.get("5b")).toBe("missing"); // eligibility ← 6b
    expect(view.get("4a")).toBe("partial"); // ← 5a
  });
});

describe("abstract and performance text name the internal-validation estimate", () => {
  const itemText = (json: Record<string, any>, id: string) => buildReport(parseStudyResults(json)).checklist.find((e) => e.id === id)!.radval.join("\n");

  it("bootstrap: 'optimism-corrected', with a caveat and the .632+ AUC for a model the optimism-reliability check flags", () => {
    const json = exampleJson();
    const rf = json["internalValidation"]["models"][1];
    rf["apparent"]["auc"] = { estimate: 1, lower: 1, upper: 1, level: 0.95, method: "DeLong" };
    rf["dotPlus"] = [{ measure: "auc", apparent: 1, outOfBag: 0.69, noInformation: 0.5, relativeOverfitting: 0.6, dot632: 0.8, dot632plus: 0.6 }];
    const abstract = itemText(json, "2");
    expect(abstract).toContain("Elastic net (α = 0.5): optimism-corrected AUC 0.769 (0.728–0.811), calibration slope 0.882 (0.687–1.077).\n");
    expect(abstract).toContain(
      "Random forest (500 trees): optimism-corrected AUC 0.712 (0.670–0.754), calibration slope 0.580 (0.409–0.752). " +
        "The optimism bootstrap is unreliable for this model (see the automatic checks): .632+ AUC 0.600.",
    );
    expect(itemText(json, "23a")).toContain("unreliable for this model");
  });

  it("cross-validation: 'cross-validated', never 'optimism-corrected'", () => {
    const json = exampleJson();
    json["internalValidation"]["scheme"] = "cv";
    const abstract = itemText(json, "2");
    expect(abstract).toContain("Elastic net (α = 0.5): cross-validated AUC 0.769");
    expect(abstract).not.toContain("optimism-corrected");
  });
});
