import { RadvalError } from "../../core/errors.js";
import type { Encoded } from "./codec.js";

/** The `format` field of a shard file. */
export const SHARD_FORMAT = "radval-shard";
/** The version of the shard file layout this radval writes and reads. */
export const SHARD_FILE_VERSION = 1;

/** Which shard of how many (1-based index, as in `--shard 2/4`). */
export interface ShardIndex {
  readonly index: number;
  readonly count: number;
}

/** One executor call of the study as a shard saw it (every shard sees every call). */
export interface ShardCall {
  readonly call: number;
  /** Number of fit tasks in the call (all shards together). */
  readonly tasks: number;
  /** Hash of the call's dataset, of its workflows, and of all its task fingerprints (see fingerprint.ts). */
  readonly dataHash: string;
  readonly workflowsHash: string;
  readonly digest: string;
}

/** One fit task a shard computed: id `call.task`, its fingerprint and its output (codec.ts encoding). */
export interface ShardTask {
  readonly id: string;
  readonly fingerprint: string;
  readonly output: Encoded;
}

/** What a recording shard executor produced (the body of a shard file). */
export interface ShardRecord {
  readonly calls: readonly ShardCall[];
  readonly totalTasks: number;
  readonly tasks: readonly ShardTask[];
  /** The string table of the encoded outputs. */
  readonly strings: readonly string[];
}

/**
 * `shard-i-of-N.json`: the outputs of the fit tasks shard i computed, with
 * what the merge checks (radval version, config hash, seed, the task lists
 * of every call) and what it needs to rerun the study's assembly (the
 * config's path, the command line results.json records).
 */
export interface ShardFile extends ShardRecord {
  readonly format: typeof SHARD_FORMAT;
  readonly version: typeof SHARD_FILE_VERSION;
  readonly radvalVersion: string;
  readonly shard: ShardIndex;
  readonly seed: number;
  readonly configHash: string | null;
  /** The config path as given on the command line (results.json's software.configFile). */
  readonly configFile: string | null;
  /** The config's absolute path where the shard ran (the merge reads the config there unless told otherwise). */
  readonly configPath: string | null;
  /** The command results.json records (`radval run <config>`, without --shard). */
  readonly command: string | null;
}

/** A shard file as read, with where it came from (for error messages). */
export interface LoadedShard {
  readonly source: string;
  readonly file: ShardFile;
}

/** The file name of shard `index` of `count`. */
export function shardFileName(shard: ShardIndex): string {
  return `shard-${shard.index}-of-${shard.count}.json`;
}

/** Checks the header of one parsed shard file (format, version, shard index) and returns it typed. */
export function checkShardFile(value: unknown, source: string): ShardFile {
  const v = value as Partial<ShardFile> | null;
  if (!v || typeof v !== "object" || v.format !== SHARD_FORMAT) {
    throw new RadvalError("INVALID_JSON", "not a radval shard file (no \"format\": \"radval-shard\")", { where: { file: source }, hint: "Pass the shard-i-of-N.json files that `radval run --shard i/N` wrote (or their folder)." });
  }
  if (v.version !== SHARD_FILE_VERSION) {
    throw new RadvalError("RESULTS_VERSION", `shard file layout version ${String(v.version)}; this radval reads version ${SHARD_FILE_VERSION}`, { where: { file: source }, hint: "Recompute the shards with this radval version." });
  }
  const s = v.shard;
  if (!s || !Number.isInteger(s.index) || !Number.isInteger(s.count) || s.index < 1 || s.index > s.count || !Array.isArray(v.tasks) || !Array.isArray(v.calls) || !Array.isArray(v.strings)) {
    throw new RadvalError("INVALID_JSON", "a shard file without a valid shard index, calls, tasks or string table (truncated or edited?)", { where: { file: source }, hint: "Recompute this shard." });
  }
  return v as ShardFile;
}

/**
 * Checks that shard files form one complete set: the same radval version
 * (also the merging one), config hash, seed, shard count and task lists in
 * every file; every index 1…N present exactly once. The first file is the
 * reference; an error names the file that disagrees (a foreign shard), the
 * two files that claim one index, or the missing index and its file name.
 * Returns the shards ordered by index.
 */
export function checkShardSet(shards: readonly LoadedShard[], radvalVersion: string, folder: string | null): LoadedShard[] {
  if (shards.length === 0) {
    throw new RadvalError("FILE_NOT_FOUND", "no shard files (shard-i-of-N.json) to merge", { where: { file: folder ?? "(none given)" }, hint: "Run `radval run study.yaml --shard i/N --out DIR` for i = 1…N first, then `radval merge DIR`." });
  }
  const ref = shards[0]!;
  const foreign = (s: LoadedShard, what: string, mine: unknown, theirs: unknown) =>
    new RadvalError("INVALID_ARGUMENT", `foreign shard: its ${what} (${String(mine)}) differs from ${ref.source}'s (${String(theirs)})`, {
      where: { file: s.source },
      hint: "All shards of a merge come from one `radval run --shard i/N` set: same config, seed, N and radval version. Remove or recompute this file.",
    });
  for (const s of shards) {
    if (s.file.radvalVersion !== radvalVersion) {
      throw new RadvalError("INVALID_ARGUMENT", `shard computed by radval ${s.file.radvalVersion}; this is radval ${radvalVersion}`, { where: { file: s.source }, hint: "Merge with the radval version that computed the shards (or recompute them)." });
    }
    if (s === ref) continue;
    if (s.file.configHash !== ref.file.configHash) throw foreign(s, "config hash", s.file.configHash, ref.file.configHash);
    if (s.file.seed !== ref.file.seed) throw foreign(s, "seed", s.file.seed, ref.file.seed);
    if (s.file.shard.count !== ref.file.shard.count) throw foreign(s, "shard count", s.file.shard.count, ref.file.shard.count);
    if (s.file.calls.length !== ref.file.calls.length || s.file.totalTasks !== ref.file.totalTasks) throw foreign(s, "number of fit tasks", s.file.totalTasks, ref.file.totalTasks);
    s.file.calls.forEach((c, k) => {
      const r = ref.file.calls[k]!;
      if (c.dataHash !== r.dataHash) throw foreign(s, `data (hash, call ${k})`, c.dataHash, r.dataHash);
      if (c.workflowsHash !== r.workflowsHash) throw foreign(s, `pipelines (hash, call ${k})`, c.workflowsHash, r.workflowsHash);
      if (c.digest !== r.digest || c.tasks !== r.tasks) throw foreign(s, `task list (call ${k})`, c.digest, r.digest);
    });
  }
  const count = ref.file.shard.count;
  const byIndex = new Map<number, LoadedShard>();
  for (const s of shards) {
    const other = byIndex.get(s.file.shard.index);
    if (other) {
      throw new RadvalError("INVALID_ARGUMENT", `duplicated shard: ${other.source} and ${s.source} are both shard ${s.file.shard.index} of ${count}`, { where: { file: s.source }, hint: "Pass each shard once (a recomputed shard replaces its file)." });
    }
    byIndex.set(s.file.shard.index, s);
  }
  const missing = Array.from({ length: count }, (_, k) => k + 1).filter((i) => !byIndex.has(i));
  if (missing.length) {
    const names = missing.map((index) => shardFileName({ index, count }));
    throw new RadvalError("FILE_NOT_FOUND", `missing shard${missing.length > 1 ? "s" : ""} ${missing.join(", ")} of ${count}: ${names.slice(0, 5).join(", ")}${names.length > 5 ? ", …" : ""} not found${folder ? ` in ${folder}` : ""}`, {
      where: { file: folder ?? names[0]! },
      hint: `Run \`radval run <study.yaml> --shard ${missing[0]}/${count} --out <dir>\` (a failed array task: rerun it), then merge again.`,
    });
  }
  return [...byIndex.values()].sort((a, b) => a.file.shard.index - b.file.shard.index);
}
