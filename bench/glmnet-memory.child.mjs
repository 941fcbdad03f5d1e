// Child process of glmnet.bench.mjs: fits one elastic-net path on an n x p synthetic problem and prints
// {"ms", "maxRssKb", "inputBytes", "nLambda"} as JSON; maxRSS is this process's peak resident memory.
import { elasticNetPath } from "../dist/models/elasticnet/path.js";
import { syntheticLogistic } from "./datasets.mjs";

const n = Number(process.argv[2] ?? 1000);
const p = Number(process.argv[3] ?? 20000);
const { x: design, y } = syntheticLogistic(n, p, 7);
const x = design.data;
const t0 = process.hrtime.bigint();
const fit = elasticNetPath({ nRows: n, nCols: p, data: x }, y, { alpha: 1 });
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
console.log(JSON.stringify({ ms, maxRssKb: process.resourceUsage().maxRSS, inputBytes: x.byteLength, nLambda: fit.lambda.length }));
