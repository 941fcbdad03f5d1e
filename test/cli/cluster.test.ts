import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cli } from "./runCli.js";
import { fixturePath } from "../helpers.js";

// Reference: R stats::hclust + cutree, ../shared/fixtures/fx_hclust_ccc.R → test/fixtures/hclust_wdbc.json
const ref = JSON.parse(readFileSync(new URL("../fixtures/hclust_wdbc.json", import.meta.url), "utf8"));
const wdbc = new URL("../../examples/wdbc.csv", import.meta.url).pathname;


describe("radval cluster", () => {
  it.each([
    ["average", "pearson"],
    ["complete", "spearman"],
  ])("--method %s --correlation %s --json: {clusters: [{representative, members, meanAbsR}], merges} matching R", async (method, correlation) => {
    const { code, stdout, stderr } = await cli("cluster", wdbc, "--outcome", "malignant", "--method", method, "--correlation", correlation, "--threshold", "0.9", "--json");
    expect(code).toBe(0);
    expect(stderr).toBe("");
    const out = JSON.parse(stdout);
    const want = ref.cases.find((c: { correlation: string; linkage: string }) => c.correlation === correlation && c.linkage === method);
    const membership = want.cuts.find((c: { r: number }) => c.r === 0.9).membership as number[];
    // the clusters as sets of feature names equal R's cutree(h = 0.1) groups
    const rGroups = new Map<number, string[]>();
    membership.forEach((id, j) => rGroups.set(id, [...(rGroups.get(id) ?? []), want.features[j]]));
    expect(out.clusters.map((c: { members: string[] }) => c.members)).toEqual([...rGroups.values()]);
    for (const c of out.clusters) {
      expect(Object.keys(c)).toEqual(expect.arrayContaining(["representative", "members", "meanAbsR"]));
      expect(c.members).toContain(c.representative);
      if (c.members.length === 1) expect(c.meanAbsR).toBeNull();
      else expect(c.meanAbsR).toBeGreaterThan(0.85);
    }
    expect(out.merges.map((m: { left: number; right: number }) => [m.left, m.right])).toEqual(want.merge);
    // heights 1e-10 abs
    out.merges.forEach((m: { height: number }, s: number) => expect(Math.abs(m.height - want.height[s])).toBeLessThan(1e-10));
    expect(out.order).toEqual(want.order);
    expect(out.representativeRule).toBe("auc");
  });

  it("prints a tidy table of the multi-member clusters", async () => {
    const { code, stdout } = await cli("cluster", wdbc, "--outcome", "malignant");
    expect(code).toBe(0);
    expect(stdout).toMatch(/21 clusters \(4 with several members\)/);
    expect(stdout).toContain("representative");
    expect(stdout).toContain("worst_perimeter");
  });

  it("p = 1: one cluster, no merges, a warning, exit 0", async () => {
    const { code, stdout, stderr } = await cli("cluster", fixturePath("tables/cluster_one_feature.csv"), "--outcome", "outcome", "--json");
    expect(code).toBe(0);
    expect(stderr).toContain("only one feature");
    const out = JSON.parse(stdout);
    expect(out.clusters).toEqual([expect.objectContaining({ representative: "only", members: ["only"], meanAbsR: null })]);
    expect(out.merges).toEqual([]);
  });

  it.each([
    [["tables/cluster_missing.csv"], "MISSING_VALUES", 'line 4 (data row 3), column "b"'],
    [["tables/cluster_missing.csv", "--representative", "auc"], "MISSING_ROLE", "--representative"],
    [["wdbc", "--method", "ward"], "INVALID_OPTION", "--method"],
    [["wdbc", "--correlation", "kendall"], "INVALID_OPTION", "--correlation"],
    [["wdbc", "--threshold", "1.2"], "INVALID_OPTION", "--threshold"],
  ])("bad input %j → exit 2 with [%s] naming %s", async (args, code, place) => {
    const [file, ...rest] = args as string[];
    const path = file === "wdbc" ? wdbc : fixturePath(file!);
    const result = await cli("cluster", path, ...rest);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    const lines = result.stderr.trimEnd().split("\n");
    expect(lines.length).toBeLessThanOrEqual(2);
    expect(lines[0]).toContain(`[${code}]`);
    expect(lines[0]).toContain(place);
  });
});
