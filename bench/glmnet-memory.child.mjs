// Child process of glmnet.bench.mjs: fits one elastic-net path on an n x p synthetic problem and prints
// {"ms", "maxRssKb", "inputBytes", "nLambda"} as JSON; maxRSS is this process's peak resident memory.
import { elasticNetPath } from "../dist/models/elasticnet/path.js";
import { benchRandom } from "./lib.mjs";

const n = Number(process.argv[2] ?? 1000);
const p = Number(process.argv[3] ?? 20000);
const rand = benchRandom(7);
const x = new Float64Array(n * p);
for (let k = 0; k < x.length; k++) x[k] = rand.normal();
const y = new Float64Array(n);
for (let i = 0; i < n; i++) {
  let eta = -0.5;
  for (let j = 0; j < 20; j++) eta += (j % 2 ? -0.8 : 0.8) * x[j * n + i];
  y[i] = rand.uniform() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
}
const t0 = process.hrtime.bigint();
const fit = elasticNetPath({ nRows: n, nCols: p, data: x }, y, { alpha: 1 });
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
console.log(JSON.stringify({ ms, maxRssKb: process.resourceUsage().maxRSS, inputBytes: x.byteLength, nLambda: fit.lambda.length }));
