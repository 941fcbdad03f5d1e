// Child process of memory-wide.bench.mjs: an optimism bootstrap of a scale → LASSO (fixed λ) workflow on a synthetic
// n × p table, on `workers` worker threads, B replicates; prints {"ms", "maxRssKb", "baseRssKb", "datasetBytes"}.
// maxRSS is the whole process's peak (main thread + every worker); baseRss the process after building the table.
import { createRng } from "../dist/core/rng.js";
import { allRows } from "../dist/core/matrix.js";
import { bootstrap } from "../dist/resample/bootstrap.js";
import { workflow } from "../dist/validate/workflow.js";
import { standardize } from "../dist/preprocess/scale.js";
import { elasticNet } from "../dist/models/elasticnet/spec.js";
import { optimismBootstrap } from "../dist/validate/optimismBootstrap.js";
import { workerPoolExecutor } from "../dist/validate/pool.js";
import { syntheticLogistic } from "./datasets.mjs";

const [n, p, workers, B] = process.argv.slice(2, 6).map(Number);
const { x, y } = syntheticLogistic(n, p, 7);
const data = {
  source: "synthetic",
  ids: Array.from({ length: n }, (_, i) => `c${i}`),
  idColumn: undefined,
  featureNames: Array.from({ length: p }, (_, j) => `f${j}`),
  x,
  outcome: { name: "y", values: y, positiveLabel: "1", negativeLabel: "0" },
  site: undefined, group: undefined, date: undefined, time: undefined, event: undefined,
  textColumns: [], lineOfRow: undefined, warnings: [],
};
const lasso = workflow({ id: "lasso", label: "LASSO", steps: [standardize()], model: elasticNet({ mixture: 1, penalty: 0.05 }) });
const rows = allRows(n);
const baseRssKb = Math.round(process.memoryUsage().rss / 1024);
const executor = workerPoolExecutor(workers);
const t0 = performance.now();
const [result] = await optimismBootstrap({ data, workflows: [lasso] }, rows, bootstrap(n, B, createRng(1)), createRng(2), { executor });
const ms = performance.now() - t0;
await executor.close?.();
console.log(JSON.stringify({ ms, maxRssKb: process.resourceUsage().maxRSS, baseRssKb, datasetBytes: x.data.byteLength, auc: result.corrected.auc }));
