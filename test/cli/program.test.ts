import { Command } from "commander";
import { describe, expect, it } from "vitest";
import { memoryIo } from "../../src/cli/io.js";
import { COMMANDS, commandToLoad, createProgram, defaultTerm } from "../../src/cli/program.js";
import { cli } from "./runCli.js";

describe("the lazy command table (src/cli/program.ts)", () => {
  it.each(COMMANDS.map((c) => [c.name, c] as const))("%s: the table's term and summary are what its module registers", async (name, entry) => {
    const program = new Command("radval");
    (await entry.load())(program, memoryIo());
    const command = program.commands.find((c) => c.name() === name);
    expect(command).toBeDefined();
    expect(entry.term).toBe(defaultTerm(command!));
    expect(entry.summary).toBe(command!.description());
  });

  it("picks the command to import from argv (help X loads X; options and unknown words load nothing)", () => {
    expect(commandToLoad(["auc", "f.csv", "--score", "p"])?.name).toBe("auc");
    expect(commandToLoad(["--json", "icc", "x"])?.name).toBe("icc");
    expect(commandToLoad(["help", "glmnet"])?.name).toBe("glmnet");
    expect(commandToLoad(["--help"])).toBeUndefined();
    expect(commandToLoad(["aux"])).toBeUndefined();
  });

  it("--help lists every command with its term without importing any (stubs), the same text as the full tree", async () => {
    const stub = memoryIo();
    (await createProgram(stub)).outputHelp();
    const full = memoryIo();
    (await createProgram(full, "all")).outputHelp();
    expect(stub.out.join("")).toBe(full.out.join(""));
    for (const c of COMMANDS) expect(stub.out.join("")).toContain(`  ${c.term}`);
  });

  it("help X prints X's own options; a typo suggests the command", async () => {
    const help = await cli("help", "auc");
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("--score <col>");
    const typo = await cli("aucc", "x.csv");
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/unknown command 'aucc'[\s\S]*Did you mean auc\?/);
  });
});
