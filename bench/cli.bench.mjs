// `npm run bench -- cli`: radval as a command, timed as whole processes (startup, reading the CSV,
// the statistics, printing) next to the R packages reviewers use, run the same way (Rscript reading
// the same CSV). Prints wall and CPU (user + system) time, peak memory (max RSS), the CPU and wall
// ratios, and each target of issue 16 as met / not met (medians of 3–7 runs of radval; R once unless
// RADVAL_BENCH_R_REPEATS is set).
// Generated data goes to /tmp/radval-bench-cli (kept between runs; never in the repository).
// Set RADVAL_BENCH_HUGE=1 to add the 10⁷-row and 1,000 × 20,000 tables (≈ 0.5 GB of CSV).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, openSync, writeSync, closeSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { benchRandom, hasR } from "./lib.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const bin = join(root, "bin/radval.js");
const dir = "/tmp/radval-bench-cli";
const TIME = "/usr/bin/time";

/** Runs a command `repeats` times; returns the median wall, CPU (user + sys) seconds and the largest max RSS (MB). */
function measure(command, args, repeats = 3) {
  const runs = [];
  for (let r = 0; r < repeats; r++) {
    const out = spawnSync(TIME, ["-f", "TIMES %e %U %S %M", command, ...args], { encoding: "utf8", maxBuffer: 1 << 28 });
    const m = /TIMES ([\d.]+) ([\d.]+) ([\d.]+) (\d+)\s*$/.exec(out.stderr);
    if (out.status !== 0 || !m) throw new Error(`${command} ${args.join(" ")} failed (${out.status}):\n${out.stderr.slice(-2000)}`);
    runs.push({ wall: Number(m[1]), cpu: Number(m[2]) + Number(m[3]), rss: Number(m[4]) / 1024 });
  }
  const median = (key) => runs.map((x) => x[key]).sort((a, b) => a - b)[Math.floor(runs.length / 2)];
  return { wall: median("wall"), cpu: median("cpu"), rss: Math.max(...runs.map((x) => x.rss)) };
}

const fmt = (m) => (m ? `${m.wall.toFixed(2).padStart(6)} s wall ${m.cpu.toFixed(2).padStart(6)} s CPU ${m.rss.toFixed(0).padStart(5)} MB` : "—".padStart(38));

/** Every target checked by the bench: printed again at the end as a met / not met list. */
const verdicts = [];

/**
 * One line: radval's figures, the reference's, the CPU and wall ratios, then each target with
 * "met" / "NOT met" (`checks`: [label, passed] pairs; passed undefined = not measured here).
 */
function row(name, ours, refName, ref, checks = []) {
  const ratio = ref ? `  ratio CPU ${(ours.cpu / ref.cpu).toFixed(3)} wall ${(ours.wall / ref.wall).toFixed(3)}` : "";
  const marks = checks.map(([label, ok]) => `${label}: ${ok === undefined ? "not measured" : ok ? "met" : "NOT met"}`);
  for (const [label, ok] of checks) verdicts.push({ name, label, ok });
  console.log(`${name.padEnd(46)} radval ${fmt(ours)}   ${(refName ?? "").padEnd(14)} ${fmt(ref)}${ratio}`);
  if (marks.length) console.log(`${"".padEnd(46)} targets: ${marks.join("; ")}`);
}

/** Writes a CSV line by line (buffered) unless it exists already. */
function writeCsv(path, header, nRows, rowText) {
  if (existsSync(path)) return;
  const fd = openSync(`${path}.part`, "w");
  let buffer = `${header}\n`;
  for (let i = 0; i < nRows; i++) {
    buffer += `${rowText(i)}\n`;
    if (buffer.length > 1 << 20) {
      writeSync(fd, buffer);
      buffer = "";
    }
  }
  writeSync(fd, buffer);
  closeSync(fd);
  spawnSync("mv", [`${path}.part`, path]);
}

function aucFile(n) {
  const path = join(dir, `auc_${n}.csv`);
  const rand = benchRandom(11);
  writeCsv(path, "y,p1,p2", n, () => {
    const y = rand.uniform() < 0.3 ? 1 : 0;
    return `${y},${(0.8 * y + rand.normal()).toPrecision(9)},${(0.5 * y + rand.normal()).toPrecision(9)}`;
  });
  return path;
}

function iccFile(p, n, k) {
  const path = join(dir, `icc_${p}x${n}x${k}.csv`);
  const rand = benchRandom(42);
  const truth = Array.from({ length: p * n }, () => rand.normal());
  writeCsv(path, ["case_id", "reader", ...Array.from({ length: p }, (_, f) => `f${f + 1}`)].join(","), n * k, (row) => {
    const i = Math.floor(row / k);
    const cells = [i + 1, `r${(row % k) + 1}`];
    for (let f = 0; f < p; f++) cells.push((10 + truth[f * n + i] + 0.5 * rand.normal()).toPrecision(8));
    return cells.join(",");
  });
  return path;
}

function wideFile(n, p, name) {
  const path = join(dir, `${name}_${n}x${p}.csv`);
  const rand = benchRandom(7);
  writeCsv(path, ["id", "y", "fold", ...Array.from({ length: p }, (_, j) => `x${j + 1}`)].join(","), n, (i) => {
    const x = Array.from({ length: p }, () => rand.normal());
    const eta = x[0] - 0.8 * x[1] + 0.5 * x[2];
    const y = rand.uniform() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
    return [`P${i + 1}`, y, (i % 10) + 1, ...x.map((v) => v.toPrecision(7))].join(",");
  });
  return path;
}

function rScript(name, code) {
  const path = join(dir, `${name}.R`);
  writeFileSync(path, code);
  return path;
}

export default async function () {
  mkdirSync(dir, { recursive: true });
  const huge = process.env.RADVAL_BENCH_HUGE === "1";
  const withR = (pkgs) => hasR(pkgs);
  // R runs take 5–20 s each: once by default (RADVAL_BENCH_R_REPEATS=3 for medians).
  const rRepeats = Number(process.env.RADVAL_BENCH_R_REPEATS ?? 1);

  // How loaded is the machine? A trivial byte loop costs ≈ 1 ns/byte on an idle core; CPU times of
  // everything below (R included) grow with this figure when other jobs share the cores.
  const probe = new Uint8Array(1 << 24).fill(49);
  const t0 = process.cpuUsage();
  let sum = 0;
  for (let r = 0; r < 4; r++) for (let i = 0; i < probe.length; i++) sum += probe[i] === 44 ? 1 : probe[i];
  const used = process.cpuUsage(t0);
  console.log(`machine: ${(((used.user + used.system) * 1e3) / (4 * probe.length)).toFixed(2)} ns/byte for a trivial loop (≈ 1 idle), load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`);
  if (sum < 0) console.log(sum); // (keeps the loop)

  // Startup: bare node against radval --version / --help / auc on 100 rows.
  const node = measure(process.execPath, ["-e", ""], 7);
  const version = measure(process.execPath, [bin, "--version"], 7);
  const help = measure(process.execPath, [bin, "--help"], 7);
  const small = aucFile(100);
  const auc100 = measure(process.execPath, [bin, "auc", small, "--outcome", "y", "--score", "p1", "--json"], 7);
  console.log(`bare node -e "": ${fmt(node)}`);
  const startup = (m, limit) => [`≤ ${limit} s wall over bare node (+${(m.wall - node.wall).toFixed(2)} s)`, m.wall - node.wall <= limit];
  row("radval --version", version, "node -e \"\"", node, [startup(version, 0.15)]);
  row("radval --help", help, "node -e \"\"", node, [startup(help, 0.15)]);
  row("radval auc, 100 rows", auc100, "node -e \"\"", node, [startup(auc100, 0.3)]);

  // AUC + DeLong CI + paired test on 10⁶ × 3.
  const big = aucFile(1_000_000);
  const mb = (statSync(big).size / 1e6).toFixed(0);
  const ours = measure(process.execPath, [bin, "auc", big, "--outcome", "y", "--score", "p1", "--score2", "p2", "--json"], 5);
  const proc = withR(["pROC"])
    ? measure("Rscript", [rScript("auc", `suppressMessages(library(pROC)); d <- read.csv("${big}")
r1 <- roc(d$y, d$p1, levels = c(0, 1), direction = "<", quiet = TRUE); r2 <- roc(d$y, d$p2, levels = c(0, 1), direction = "<", quiet = TRUE)
print(ci.auc(r1, method = "delong")); print(roc.test(r1, r2, method = "delong", paired = TRUE)$p.value)`)], rRepeats)
    : undefined;
  row(`auc: 10^6 x 3 (${mb} MB), CI + paired test`, ours, "pROC", proc, [
    ["CPU ≤ 1.5 s", ours.cpu <= 1.5],
    ["peak ≤ 250 MB", ours.rss <= 250],
    ["CPU ≤ 0.2 × pROC", proc ? ours.cpu / proc.cpu <= 0.2 : undefined],
  ]);

  // ICC, 2,000 features × 100 cases × 3 raters.
  const icc = iccFile(2000, 100, 3);
  const oursIcc = measure(process.execPath, [bin, "icc", icc, "--id", "case_id", "--rater", "reader", "--json"], 5);
  const psych = withR(["psych"])
    ? measure("Rscript", [rScript("icc", `suppressMessages(library(psych)); d <- read.csv("${icc}")
feats <- setdiff(names(d), c("case_id", "reader")); raters <- unique(d$reader)
res <- lapply(feats, function(f) { m <- sapply(raters, function(r) d[d$reader == r, f][order(d$case_id[d$reader == r])]); psych::ICC(m, lmer = FALSE)$results })
cat(length(res), "\\n")`)], rRepeats)
    : undefined;
  row("icc: 2,000 features x 100 cases x 3 raters", oursIcc, "psych loop", psych, [["CPU ≤ 0.05 × psych", psych ? oursIcc.cpu / psych.cpu <= 0.05 : undefined]]);

  // glmnet 10-fold CV on 1,000 × 2,000, the same fold ids, glmnet's default thresh 1e-7.
  const gl = wideFile(1000, 2000, "glmnet");
  const oursGl = measure(process.execPath, [bin, "glmnet", gl, "--outcome", "y", "--exclude", "fold", "--foldid", "fold", "--thresh", "1e-7", "--json"], 3);
  const cvg = withR(["glmnet"])
    ? measure("Rscript", [rScript("glmnet", `suppressMessages(library(glmnet)); d <- read.csv("${gl}")
x <- as.matrix(d[, -(1:3)]); fit <- cv.glmnet(x, d$y, family = "binomial", foldid = d$fold); print(fit$lambda.min)`)], rRepeats)
    : undefined;
  row("glmnet: 10-fold CV, 1,000 x 2,000", oursGl, "cv.glmnet", cvg, [["CPU ≤ 1 × cv.glmnet", cvg ? oursGl.cpu / cvg.cpu <= 1 : undefined]]);

  if (huge) {
    const tall = aucFile(10_000_000);
    const oursTall = measure(process.execPath, [bin, "auc", tall, "--outcome", "y", "--score", "p1", "--score2", "p2", "--json"], 1);
    row(`auc: 10^7 x 3 (${(statSync(tall).size / 1e6).toFixed(0)} MB)`, oursTall, "", undefined, [["peak ≤ 2 GB", oursTall.rss <= 2048]]);
    const wide = wideFile(1000, 20000, "wide");
    const readWide = `import("${join(root, "dist/io/readTable.js")}").then((m) => { const d = m.readFeatureTable("${wide}", { outcome: "y" }); console.log(d.x.nCols); })`;
    const oursWide = measure(process.execPath, ["-e", readWide], 3);
    const payload = (1000 * 20001 * 8) / 2 ** 20; // the numbers: 1,000 rows × 20,001 numeric features (x1…x20000 and fold) in MB
    row(`read 1,000 x 20,000 (${(statSync(wide).size / 1e6).toFixed(0)} MB; numbers ${payload.toFixed(0)} MB)`, oursWide, "", undefined, [
      ["≤ 3 s wall", oursWide.wall <= 3],
      [`peak ≤ 3 × the numbers (${(3 * payload).toFixed(0)} MB)`, oursWide.rss <= 3 * payload],
    ]);
  } else console.log("(RADVAL_BENCH_HUGE=1 adds 10^7 x 3 and 1,000 x 20,000)");

  console.log(`\ntargets (machine load average now ${loadavg()[0].toFixed(1)}; on a loaded machine CPU and wall figures grow for radval and R alike):`);
  for (const v of verdicts) console.log(`  ${v.ok === undefined ? "not measured" : v.ok ? "met    " : "NOT met"}  ${v.name}: ${v.label}`);
}
