/** `radval init`: guessed roles → a commented starter config that loads as written; never overwrites; long tables refused. */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "./runCli.js";
import { loadStudy } from "../../src/io/readStudy.js";

const examples = new URL("../../examples/", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "radval-init-test-"));


describe("radval init", () => {
  it("writes a starter config for the multisite table that loads as written (data path relative to the config)", async () => {
    const out = join(dir, "sub", "multisite.study.yaml");
    const { code, stdout, stderr } = await cli("init", `${examples}multisite.csv`, "--out", out);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toMatch(/site +site +\(CHECK\)/);
    expect(stdout).toContain("features 120");
    expect(stdout).toContain("then run: radval run");
    const text = readFileSync(out, "utf8");
    expect(text).toContain("# CHECK");
    const loaded = loadStudy(out);
    expect(loaded.inputs.data.featureNames).toHaveLength(120);
    expect(loaded.inputs.data.site?.name).toBe("site");
    expect(loaded.inputs.data.outcome?.name).toBe("outcome");
    expect(loaded.inputs.config.external?.leaveOneSiteOut).toBe(true);
  });

  it("never overwrites without --force", async () => {
    const out = join(dir, "exists.yaml");
    writeFileSync(out, "# mine\n");
    const refused = await cli("init", `${examples}wdbc.csv`, "--out", out);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^radval: error \[FILE_EXISTS\]: .*exists\.yaml already exists/);
    expect(refused.stderr).toContain("--force");
    expect(readFileSync(out, "utf8")).toBe("# mine\n");
    const forced = await cli("init", `${examples}wdbc.csv`, "--out", out, "--force", "--quiet");
    expect(forced).toMatchObject({ code: 0, stdout: "", stderr: "" });
    expect(loadStudy(out).inputs.data.outcome?.name).toBe("malignant");
  });

  it("--json prints the guessed roles", async () => {
    const { stdout } = await cli("init", `${examples}asah.csv`, "--out", join(dir, "asah.yaml"), "--json");
    const out = JSON.parse(stdout);
    expect(out).toMatchObject({ layout: "wide", outcome: { column: "outcome" }, positive: { value: "Poor", by: "minority" } });
    expect(out.profiles).toBeUndefined();
  });

  it("refuses a long test-retest table, naming its case and reader columns and where it belongs", async () => {
    const out = join(dir, "retest.yaml");
    const { code, stderr } = await cli("init", `${examples}test_retest.csv`, "--out", out);
    expect(code).toBe(2);
    expect(stderr).toMatch(/error \[NOT_A_STUDY_TABLE\]: .*test_retest\.csv: this is a long test-retest table .*case column "case_id", reader column "reader"/);
    expect(stderr).toContain("reliability: {file: test_retest.csv, id: case_id, rater: reader}");
    expect(existsSync(out)).toBe(false);
  });

  it("a missing CSV is a one-line error", async () => {
    const { code, stderr } = await cli("init", join(dir, "nope.csv"), "--out", join(dir, "x.yaml"));
    expect(code).toBe(2);
    expect(stderr).toMatch(/^radval: error \[FILE_NOT_FOUND\]: .*nope\.csv: file not found\n/);
  });
});
