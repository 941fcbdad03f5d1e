/**
 * The shard executors as a library: runStudy with the recording shard executor (2 shards, this thread), the
 * records through JSON, then runStudy with the replay executor gives the same results object (compared as JSON
 * text, so every number to the last bit) as runStudy alone. A shard record with an edited fingerprint, a record
 * used for another study (fewer calls), and placeholder outputs never reaching a record are checked too.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadStudy } from "../../../src/io/readStudy.js";
import { runStudy } from "../../../src/validate/study/runStudy.js";
import { recordingShardExecutor } from "../../../src/validate/shard/recording.js";
import { replayExecutor } from "../../../src/validate/shard/replay.js";
import { type LoadedShard, type ShardFile, checkShardSet } from "../../../src/validate/shard/format.js";
import { decodeValue } from "../../../src/validate/shard/codec.js";
import { inProcessExecutor } from "../../../src/validate/tasks.js";
import { RADVAL_VERSION } from "../../../src/version.js";

const examples = new URL("../../../examples/", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "radval-shard-exec-"));
const PBC = (extra: string) => `seed: 7
data:
  file: ${examples}pbc.csv
  outcome: cirrhosis
  missingOutcome: drop
  features: [bili, albumin, platelet, protime, age]
  development: {column: cohort, value: trial}
models:
  - {name: Logistic, model: logistic}
internal:
  cv: {folds: 4}
  bootstrap: {replicates: 5}
${extra}external:
  cohorts: [{name: external, column: cohort, value: external}]
  updating: [refit]
`;
const path = join(dir, "pbc.study.yaml");
writeFileSync(path, PBC("  permutations: 1\n"));
const loaded = loadStudy(path);

async function shardSet(count: number): Promise<LoadedShard[]> {
  const out: LoadedShard[] = [];
  for (let index = 1; index <= count; index++) {
    const recorder = recordingShardExecutor(inProcessExecutor, { index, count });
    await runStudy(loaded.inputs, { createdAt: null, executor: recorder });
    const file: ShardFile = { format: "radval-shard", version: 1, radvalVersion: RADVAL_VERSION, shard: { index, count }, seed: 7, configHash: "h", configFile: null, configPath: null, command: null, ...recorder.record() };
    out.push({ source: `shard-${index}-of-${count}.json`, file: JSON.parse(JSON.stringify(file)) });
  }
  return out;
}

describe("recording and replay executors", () => {
  it("replayed shards give runStudy's results, bit for bit; each shard records only its own real outputs", async () => {
    const direct = await runStudy(loaded.inputs, { createdAt: null });
    const shards = checkShardSet(await shardSet(2), RADVAL_VERSION, null);
    const replay = replayExecutor(shards);
    const merged = await runStudy(loaded.inputs, { createdAt: null, executor: replay });
    replay.finish();
    expect(JSON.stringify(merged)).toBe(JSON.stringify(direct));
    const [a, b] = shards.map((s) => s.file);
    // 4 CV + 5 bootstrap + (4 observed + 4 permuted) permutation folds + 5 refit folds in the external cohort.
    expect(a!.totalTasks).toBe(22);
    expect(a!.tasks.length + b!.tasks.length).toBe(22);
    expect(a!.tasks.length).toBeGreaterThan(0);
    expect(b!.tasks.length).toBeGreaterThan(0);
    // A placeholder's probabilities lie in [0.25, 0.75) by construction; the fits' outputs recorded here do not all.
    const probs = [...a!.tasks, ...b!.tasks].flatMap((t) => Array.from((decodeValue(t.output, a!.tasks.includes(t) ? a!.strings : b!.strings) as { prediction: { prob: Float64Array } }).prediction.prob));
    expect(probs.some((p) => p < 0.25 || p >= 0.75)).toBe(true);
  }, 60_000);

  it("an edited fingerprint and a study that asks for other calls are refused", async () => {
    const shards = checkShardSet(await shardSet(2), RADVAL_VERSION, null);
    const edited = shards.map((s, k) => (k === 0 ? { ...s, file: { ...s.file, tasks: s.file.tasks.map((t, j) => (j === 0 ? { ...t, fingerprint: "0000000000000000" } : t)) } } : s));
    await expect(runStudy(loaded.inputs, { createdAt: null, executor: replayExecutor(edited) })).rejects.toThrow(/is not the fit the study asks for/);
    writeFileSync(join(dir, "other.study.yaml"), PBC(""));
    const other = loadStudy(join(dir, "other.study.yaml"));
    // Without the permutation test the third call is the refit, whose tasks differ from the recorded third call.
    await expect(runStudy(other.inputs, { createdAt: null, executor: replayExecutor(shards) })).rejects.toThrow(/the fit tasks of call 2 \(5\) differ from the shards' \(4\)/);
  }, 60_000);
});
