// `npm run demo`: builds dist/ when a source file is newer than it (`npm install` has already built it; `--build`
// forces it), then runs the two bundled example studies end to end with `radval run` and writes their TRIPOD+AI
// reports into reports/:
//
//   reports/multisite/   examples/multisite.study.yaml: ICC filter from the test-retest table, ComBat site harmonisation, correlation clustering,
//                        LASSO / elastic net / SVM / random forest, CV + optimism bootstrap, leave-one-site-out,
//                        decision curves
//   reports/pbc/         examples/pbc.study.yaml: cirrhosis from laboratory values, developed on the trial cohort,
//                        validated on the external cohort, with model updating
//   reports/wdbc/, reports/asah/: two more binary studies
//   reports/pbc-survival/  examples/pbc-survival.study.yaml: time to death, Cox models, risk at 5 years
//   reports/pbc-stage/     examples/pbc-stage.study.yaml: ordinal histologic stage with clinical cut-offs
//
// Each folder gets report.html (self-contained, opens offline), report.md + charts/*.svg, report.json and
// results.json. Extra arguments go to both runs (e.g. `npm run demo -- --workers 1 --quiet`).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

/** Newest modification time (ms) of the files under `path`. */
function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

// Build when dist/ is missing or older than anything it is built from (`--build` forces it).
const inputs = ["src", "package.json", "tsconfig.json", "tsconfig.build.json", "scripts/build-browser.mjs"].map((p) => join(root, p)).filter(existsSync);
const outputs = ["dist/node.js", "dist/cli/index.js", "dist/radval.browser.js"].map((p) => join(root, p));
const force = process.argv.includes("--build");
const stale = force || outputs.some((p) => !existsSync(p)) || Math.max(...inputs.map(newest)) > Math.min(...outputs.map((p) => statSync(p).mtimeMs));
if (stale) {
  console.log("demo: building dist/ (npm run build)");
  const build = spawnSync("npm", ["run", "build", "--silent"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
} else {
  console.log("demo: dist/ is up to date with src/ (npm run demo -- --build rebuilds it anyway)");
}
const { runCli, processIo } = await import(pathToFileURL(join(root, "dist", "node.js")).href);

const STUDIES = [
  { config: "examples/multisite.study.yaml", out: "reports/multisite", what: "multi-centre radiomics: ICC filter, ComBat, clustering, 4 models, bootstrap, leave-one-site-out" },
  { config: "examples/pbc.study.yaml", out: "reports/pbc", what: "PBC cirrhosis: trial → external cohort, model updating" },
  { config: "examples/wdbc.study.yaml", out: "reports/wdbc", what: "WDBC: 30 cytology features, LASSO, CV and bootstrap (separable data)" },
  { config: "examples/asah.study.yaml", out: "reports/asah", what: "aSAH: small clinical data set, logistic vs ridge, repeated CV and bootstrap" },
  { config: "examples/pbc-survival.study.yaml", out: "reports/pbc-survival", what: "PBC survival: Cox and Cox LASSO, 5-year risk, trial → external cohort" },
  { config: "examples/pbc-stage.study.yaml", out: "reports/pbc-stage", what: "PBC histologic stage 1–4: proportional odds and multinomial LASSO, cut-off AUCs, kappa" },
];

process.chdir(root);
const extra = process.argv.slice(2).filter((a) => a !== "--build");
const io = processIo();
const started = Date.now();
for (const [k, study] of STUDIES.entries()) {
  io.stdout(`\n== ${k + 1}/${STUDIES.length}  radval run ${study.config} --out ${study.out}   (${study.what})\n`);
  const code = await runCli(["run", study.config, "--out", study.out, ...extra], io);
  if (code !== 0) {
    io.stderr(`demo: radval run ${study.config} failed (exit ${code})\n`);
    process.exit(code);
  }
}
const seconds = ((Date.now() - started) / 1000).toFixed(0);
io.stdout(`\nDone in ${seconds} s. The reports:\n`);
for (const study of STUDIES) {
  io.stdout(`  ${join(study.out, "report.html")}   (also report.md, report.json, results.json in ${study.out}/)\n`);
}
io.stdout(`Open one in a browser, e.g.  xdg-open ${relative(process.cwd(), join(root, STUDIES[0].out, "report.html"))}   (macOS: open …)\n`);
