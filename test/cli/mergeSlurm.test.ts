/**
 * A real Slurm: a single-node cluster from Debian's packages (munged, slurmctld, slurmd), configured here in a
 * temporary directory (loopback, non-default ports, proctrack/linuxproc, task/none, SlurmUser=root, munge with its
 * own key, socket and pid file), runs docs/cluster.md's scripts as they are written: submit.sh submits
 * radval-shards.sbatch as a 4-task array and radval-merge.sbatch with --dependency=afterok. The merged output set
 * must equal, byte for byte, `radval run` of the same config on this machine (results.json, predictions.csv,
 * model.json, the report and manifest.json with every chart's SHA-256). The daemons are stopped by PID.
 *
 * Runs as root with the Slurm and munge binaries installed (.ci/run installs them); skipped otherwise, except
 * with CI=true, where missing binaries or a daemon that does not start fail the test with the reason.
 * Uses dist/ (npm run build) through bin/radval.js. RADVAL_SLURM_STUDY=examples/multisite.study.yaml runs a bundled
 * example instead of the small study (minutes, not run by npm test). Also checks the shape of the Kubernetes manifests of
 * docs/cluster.md (an Indexed Job whose completions equal its --shard auto/N), which no test can run here.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { parseAllDocuments } from "yaml";
import { afterAll, describe, expect, it } from "vitest";

const root = new URL("../../", import.meta.url).pathname;
const examples = join(root, "examples");
const docs = readFileSync(join(root, "docs/cluster.md"), "utf8");

/** The code block of docs/cluster.md titled `name` (```lang title="name"). */
function docBlock(name: string): string {
  const m = new RegExp("```\\w+ title=\"" + name.replace(/\./g, "\\.") + "\"\\n([\\s\\S]*?)```").exec(docs);
  if (!m) throw new Error(`docs/cluster.md has no block titled ${name}`);
  return m[1]!;
}

const BINARIES = ["munged", "slurmctld", "slurmd", "sbatch", "scontrol", "sinfo"];
function which(bin: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${bin}`], { encoding: "utf8" }).status === 0;
}
const missing = BINARIES.filter((b) => !which(b));
const isRoot = process.getuid?.() === 0;
const inCi = process.env["CI"] === "true";
const skipReason = !isRoot ? "not root (slurmd must launch jobs as root)" : missing.length ? `Slurm/munge binaries not installed: ${missing.join(", ")} (apt-get install slurmctld slurmd slurm-client munge)` : null;

// A small multi-site study: CV, bootstrap, leave-one-site-out and updating by refit in an external site.
const FEATURES = ["wavelet-LHL_glcm_Imc1", "wavelet-LHL_gldm_DependenceEntropy", "original_firstorder_Variance", "log-sigma-1-0-mm-3D_glcm_Idm", "wavelet-HHH_glszm_ZoneEntropy"];
const STUDY = `seed: 5
data:
  file: ${examples}/multisite.csv
  outcome: outcome
  site: site
  features: [${FEATURES.join(", ")}]
models:
  - {name: Logistic, model: logistic}
  - {name: LASSO, model: lasso, params: {lambdaMinRatio: 0.01, nlambda: 30, innerFolds: 3}}
internal:
  cv: {folds: 3}
  bootstrap: {replicates: 4}
external:
  leaveOneSiteOut: true
  cohorts: [{name: siteD, column: site, value: D}]
  updating: [intercept, refit]
report:
  formats: [html, md, json]
`;

const daemons: Array<{ name: string; pid: number }> = [];
let dir = "";

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

function tail(path: string, lines = 15): string {
  return existsSync(path) ? readFileSync(path, "utf8").trim().split("\n").slice(-lines).join("\n") : `(no ${path})`;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Starts a daemon in the foreground (-D) as a child; fails with its log if it exits within the first second. */
async function startForeground(name: string, args: string[], log: string, env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const child = spawn(name, args, { env, stdio: ["ignore", "pipe", "pipe"], detached: false });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  let exited: number | null = null;
  child.on("exit", (code) => (exited = code ?? -1));
  await sleep(1000);
  if (exited !== null || child.pid === undefined) throw new Error(`${name} did not start (exit ${exited}):\n${output}\n${tail(log)}`);
  daemons.push({ name, pid: child.pid });
  return child;
}

async function startCluster(): Promise<NodeJS.ProcessEnv> {
  dir = mkdtempSync(join(tmpdir(), "radval-slurm-"));
  chmodSync(dir, 0o755);
  const munge = join(dir, "munge");
  for (const d of ["state", "spool", "log", "bin"]) mkdirSync(join(dir, d));
  mkdirSync(munge, { mode: 0o711 });
  writeFileSync(join(munge, "munge.key"), Buffer.from(Array.from({ length: 1024 }, (_, k) => (k * 131 + 7) & 255)), { mode: 0o400 });
  const socket = join(munge, "munge.socket");
  const m = spawnSync("munged", ["--force", `--key-file=${join(munge, "munge.key")}`, `--socket=${socket}`, `--pid-file=${join(munge, "munged.pid")}`, `--log-file=${join(munge, "munged.log")}`, `--seed-file=${join(munge, "munged.seed")}`], { encoding: "utf8" });
  if (m.status !== 0) throw new Error(`munged did not start (exit ${m.status}): ${m.stderr}\n${tail(join(munge, "munged.log"))}`);
  daemons.push({ name: "munged", pid: Number(readFileSync(join(munge, "munged.pid"), "utf8").trim()) });

  const host = hostname().split(".")[0]!;
  const base = 20000 + ((process.pid * 7) % 20000);
  const conf = join(dir, "slurm.conf");
  writeFileSync(
    conf,
    [
      "ClusterName=radvaltest",
      `SlurmctldHost=${host}(127.0.0.1)`,
      `SlurmctldPort=${base}`,
      `SlurmdPort=${base + 1}`,
      "SlurmUser=root",
      "SlurmdUser=root",
      "AuthType=auth/munge",
      `AuthInfo=socket=${socket}`,
      "CredType=cred/munge",
      `StateSaveLocation=${join(dir, "state")}`,
      `SlurmdSpoolDir=${join(dir, "spool")}`,
      `SlurmctldPidFile=${join(dir, "slurmctld.pid")}`,
      `SlurmdPidFile=${join(dir, "slurmd.pid")}`,
      `SlurmctldLogFile=${join(dir, "log", "slurmctld.log")}`,
      `SlurmdLogFile=${join(dir, "log", "slurmd.log")}`,
      "ProctrackType=proctrack/linuxproc",
      "TaskPlugin=task/none",
      "SchedulerType=sched/builtin",
      "SelectType=select/cons_tres",
      "SelectTypeParameters=CR_CPU",
      "ReturnToService=2",
      "MpiDefault=none",
      "JobCompType=jobcomp/none",
      "AccountingStorageType=accounting_storage/none",
      "JobAcctGatherType=jobacct_gather/none",
      `NodeName=${host} NodeAddr=127.0.0.1 CPUs=2 State=UNKNOWN`,
      `PartitionName=radval Nodes=${host} Default=YES MaxTime=INFINITE State=UP`,
      "",
    ].join("\n"),
  );
  // `radval` on the jobs' PATH: this checkout's CLI.
  const wrapper = join(dir, "bin", "radval");
  writeFileSync(wrapper, `#!/bin/sh\nexec "${process.execPath}" "${join(root, "bin", "radval.js")}" "$@"\n`, { mode: 0o755 });
  const env = { ...process.env, SLURM_CONF: conf, PATH: `${join(dir, "bin")}:${process.env["PATH"]}`, SOURCE_DATE_EPOCH: "1767225600" };
  await startForeground("slurmctld", ["-D", "-f", conf], join(dir, "log", "slurmctld.log"), env);
  await startForeground("slurmd", ["-D", "-f", conf, "-N", host], join(dir, "log", "slurmd.log"), env);
  for (let k = 0; k < 30; k++) {
    const s = spawnSync("sinfo", ["-h", "-o", "%T"], { env, encoding: "utf8" });
    if (s.status === 0 && /idle|mixed|alloc/.test(s.stdout)) return env;
    await sleep(500);
  }
  throw new Error(`the Slurm node did not become idle in 15 s:\n${tail(join(dir, "log", "slurmctld.log"))}\n${tail(join(dir, "log", "slurmd.log"))}`);
}

afterAll(async () => {
  for (const d of daemons.reverse()) if (alive(d.pid)) process.kill(d.pid, "SIGTERM");
  for (let k = 0; k < 20 && daemons.some((d) => alive(d.pid)); k++) await sleep(250);
  for (const d of daemons) if (alive(d.pid)) process.kill(d.pid, "SIGKILL");
});

describe("radval on a real single-node Slurm (docs/cluster.md's scripts)", () => {
  if (skipReason && !inCi) {
    it.skip(`skipped: ${skipReason}`, () => {});
    return;
  }
  it("a 4-task array of shards + the dependent merge give the same bytes as radval run", async () => {
    if (skipReason) throw new Error(`CI=true but the Slurm test cannot run: ${skipReason}`);
    if (!existsSync(join(root, "dist", "cli", "index.js"))) throw new Error("dist/ is not built: npm run build");
    const env = await startCluster();
    const work = join(dir, "work");
    mkdirSync(work);
    // RADVAL_SLURM_STUDY=examples/multisite.study.yaml runs a bundled example instead (its folder's files linked beside it).
    const override = process.env["RADVAL_SLURM_STUDY"];
    if (override) {
      const from = dirname(resolve(override));
      for (const f of readdirSync(from)) if (f.endsWith(".csv")) symlinkSync(join(from, f), join(work, f));
      writeFileSync(join(work, "study.yaml"), readFileSync(override, "utf8"));
    } else {
      writeFileSync(join(work, "study.yaml"), STUDY);
    }
    for (const name of ["radval-shards.sbatch", "radval-merge.sbatch", "submit.sh"]) writeFileSync(join(work, name), docBlock(name), { mode: 0o755 });

    const submitted = spawnSync("bash", ["submit.sh"], { cwd: work, env, encoding: "utf8" });
    expect(submitted.status, `submit.sh failed: ${submitted.stderr}`).toBe(0);
    const mergeJob = submitted.stdout.trim().split("\n").pop()!.split(";")[0]!;
    expect(mergeJob).toMatch(/^\d+$/);

    // The single-machine run, while the cluster works (same absolute config path, same SOURCE_DATE_EPOCH).
    const single = spawnSync(join(dir, "bin", "radval"), ["run", join(work, "study.yaml"), "--out", join(dir, "single"), "--workers", "1", "--quiet"], { cwd: work, env, encoding: "utf8" });
    expect(single.status, single.stderr).toBe(0);

    let state = "";
    for (let k = 0; k < (override ? 1200 : 200); k++) {
      const show = spawnSync("scontrol", ["show", "job", mergeJob], { env, encoding: "utf8" });
      state = /JobState=(\S+)/.exec(show.stdout)?.[1] ?? `unknown (${show.stderr.trim()})`;
      const reason = /Reason=(\S+)/.exec(show.stdout)?.[1] ?? "";
      if (["COMPLETED", "FAILED", "CANCELLED", "TIMEOUT", "NODE_FAIL", "OUT_OF_MEMORY"].includes(state) || reason === "DependencyNeverSatisfied") break;
      await sleep(500);
    }
    const logs = readdirSync(work).filter((f) => f.endsWith(".log")).map((f) => `--- ${f}\n${tail(join(work, f))}`).join("\n");
    expect(state, `merge job ${mergeJob} ended ${state}\n${logs}\n${tail(join(dir, "log", "slurmctld.log"))}`).toBe("COMPLETED");
    expect(readdirSync(join(work, "shards")).sort()).toEqual(["shard-1-of-4.json", "shard-2-of-4.json", "shard-3-of-4.json", "shard-4-of-4.json"]);
    expect(readdirSync(work).filter((f) => /^radval-shard-\d+_[1-4]\.log$/.test(f))).toHaveLength(4);
    for (const f of ["results.json", "predictions.csv", "model.json", "report.html", "report.md", "report.json", "manifest.json"]) {
      expect(readFileSync(join(work, "results", f)).equals(readFileSync(join(dir, "single", f))), f).toBe(true);
    }
  }, process.env["RADVAL_SLURM_STUDY"] ? 900_000 : 150_000);
});

describe("docs/cluster.md: the Kubernetes manifests", () => {
  it("an Indexed Job whose completions equal the --shard auto/N of its command, and a merge Job on the same volume", () => {
    const [shards, merge] = parseAllDocuments(docBlock("radval-k8s.yaml")).map((d) => d.toJS());
    expect(shards.spec.completionMode).toBe("Indexed");
    const command: string[] = shards.spec.template.spec.containers[0].command;
    expect(command.slice(0, 2)).toEqual(["radval", "run"]);
    expect(command[command.indexOf("--shard") + 1]).toBe(`auto/${shards.spec.completions}`);
    const out = command[command.indexOf("--out") + 1];
    const mergeCommand: string[] = merge.spec.template.spec.containers[0].command;
    expect(mergeCommand.slice(0, 3)).toEqual(["radval", "merge", out]);
    expect(merge.spec.template.spec.volumes).toEqual(shards.spec.template.spec.volumes);
  });
});
