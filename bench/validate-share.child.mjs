// Child process of validate.bench.mjs: runs its share of the optimism-bootstrap replicates in one thread
// (`node validate-share.child.mjs B share shares`) and prints {"ms"}. Two of these running at once measure how
// much two independent processes gain on this machine — the ceiling for any 2-worker speed-up.
import { createRng } from "../dist/core/rng.js";
import { optimismBootstrap } from "../dist/validate/optimismBootstrap.js";
import { inProcessExecutor } from "../dist/validate/tasks.js";
import { lassoBootstrapWorkload } from "./validate-workload.mjs";

const B = Number(process.argv[2]);
const share = Number(process.argv[3]);
const shares = Number(process.argv[4]);
const { job, rows, samples } = lassoBootstrapWorkload(B);
const mine = { ...samples, splits: samples.splits.filter((_, b) => b % shares === share) };
const t0 = performance.now();
await optimismBootstrap(job, rows, mine, createRng(2), { executor: inProcessExecutor });
console.log(JSON.stringify({ ms: performance.now() - t0 }));
