import { RadvalError } from "../core/errors.js";
import type { ShardIndex } from "../validate/shard/format.js";

/**
 * The shard a `--shard` option names: `i/N` (1 ≤ i ≤ N), or `auto` / `auto/N`
 * reading the scheduler's environment — Slurm job arrays:
 * `SLURM_ARRAY_TASK_ID` − `SLURM_ARRAY_TASK_MIN` + 1 of
 * `SLURM_ARRAY_TASK_COUNT` (any `--array=a-b` range, step 1); Kubernetes
 * Indexed Jobs: `JOB_COMPLETION_INDEX` + 1 (0-based there) of N, where N
 * comes from `auto/N` or, failing that, `RADVAL_SHARD_COUNT` (Kubernetes
 * does not put the completion count in the environment; set it to the Job's
 * `completions`). `auto/N` with Slurm checks that N equals the array's size.
 */
export function parseShardOption(value: string, env: Readonly<Record<string, string | undefined>>): ShardIndex {
  const bad = (message: string, hint: string) => new RadvalError("INVALID_OPTION", message, { where: { option: "--shard", value }, hint });
  const whole = (text: string | undefined, name: string, min: number): number => {
    const n = Number(text);
    if (text === undefined || text.trim() === "" || !Number.isInteger(n) || n < min) throw bad(`${name} must be a whole number ≥ ${min}, got "${text ?? ""}"`, "Use --shard i/N with 1 ≤ i ≤ N, or --shard auto inside a Slurm array job or a Kubernetes Indexed Job.");
    return n;
  };
  const fixed = /^(\d+)\/(\d+)$/.exec(value.trim());
  if (fixed) {
    const index = whole(fixed[1], "the shard index i", 1);
    const count = whole(fixed[2], "the shard count N", 1);
    if (index > count) throw bad(`shard ${index} of ${count} does not exist`, "Use --shard i/N with 1 ≤ i ≤ N.");
    return { index, count };
  }
  const auto = /^auto(?:\/(\d+))?$/.exec(value.trim());
  if (!auto) throw bad(`expected i/N, auto or auto/N, got "${value}"`, "Example: --shard 2/4 (the second of four shards), or --shard auto in a Slurm array job.");
  const given = auto[1] !== undefined ? whole(auto[1], "the shard count N", 1) : null;
  if (env["SLURM_ARRAY_TASK_ID"] !== undefined) {
    const id = whole(env["SLURM_ARRAY_TASK_ID"], "SLURM_ARRAY_TASK_ID", 0);
    const min = env["SLURM_ARRAY_TASK_MIN"] !== undefined ? whole(env["SLURM_ARRAY_TASK_MIN"], "SLURM_ARRAY_TASK_MIN", 0) : 1;
    const count = whole(env["SLURM_ARRAY_TASK_COUNT"], "SLURM_ARRAY_TASK_COUNT", 1);
    const max = env["SLURM_ARRAY_TASK_MAX"] !== undefined ? whole(env["SLURM_ARRAY_TASK_MAX"], "SLURM_ARRAY_TASK_MAX", 0) : min + count - 1;
    if (max - min + 1 !== count) throw bad(`the Slurm array ${min}-${max} has gaps or a step (${count} tasks)`, "Submit the shards as one contiguous array, e.g. sbatch --array=1-N (a %limit is fine).");
    const index = id - min + 1;
    if (index < 1 || index > count) throw bad(`SLURM_ARRAY_TASK_ID ${id} is outside the array ${min}-${max}`, "Run radval inside the array job it was submitted with.");
    if (given !== null && given !== count) throw bad(`--shard auto/${given} but the Slurm array has ${count} tasks`, `Use --shard auto (or auto/${count}), or resubmit with --array=1-${given}.`);
    return { index, count };
  }
  if (env["JOB_COMPLETION_INDEX"] !== undefined) {
    const index = whole(env["JOB_COMPLETION_INDEX"], "JOB_COMPLETION_INDEX", 0) + 1;
    const fromEnv = env["RADVAL_SHARD_COUNT"];
    const count = given ?? (fromEnv !== undefined ? whole(fromEnv, "RADVAL_SHARD_COUNT", 1) : null);
    if (count === null) throw bad("a Kubernetes Indexed Job gives the index (JOB_COMPLETION_INDEX) but not the number of shards", "Use --shard auto/N with N = the Job's completions, or set RADVAL_SHARD_COUNT.");
    if (given !== null && fromEnv !== undefined && whole(fromEnv, "RADVAL_SHARD_COUNT", 1) !== given) throw bad(`--shard auto/${given} but RADVAL_SHARD_COUNT=${fromEnv}`, "Give the count once.");
    if (index > count) throw bad(`JOB_COMPLETION_INDEX ${index - 1} is outside 0…${count - 1}`, "N must equal the Job's completions.");
    return { index, count };
  }
  throw bad("--shard auto found neither SLURM_ARRAY_TASK_ID (Slurm job array) nor JOB_COMPLETION_INDEX (Kubernetes Indexed Job) in the environment", "Outside a job array give the shard explicitly: --shard i/N.");
}
