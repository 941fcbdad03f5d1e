// Child process of seg.bench.mjs: reads the two .nii.gz files and computes every segmentation metric, then prints
// {"readMs", "metricsMs", "maxRssKb", "metrics"} as JSON. maxRSS is this process's peak resident memory (read + metrics).
import { readNiftiMask } from "../dist/io/niftiFile.js";
import { segmentationMetrics } from "../dist/segmentation/metrics.js";
import { unionBox } from "../dist/segmentation/mask.js";
import { maskExtent } from "../dist/segmentation/surface.js";

const [refPath, predPath] = process.argv.slice(2);
const cpu0 = process.cpuUsage();
const t0 = process.hrtime.bigint();
const ref = readNiftiMask(refPath);
const pred = readNiftiMask(predPath);
const t1 = process.hrtime.bigint();
const metrics = segmentationMetrics(ref, pred, { tolerance: 2 });
const t2 = process.hrtime.bigint();
const cpu = process.cpuUsage(cpu0);
// Repeat the metrics twice more for a median (inputs already in memory).
const times = [Number(t2 - t1) / 1e6];
for (let r = 0; r < 2; r++) {
  const s = process.hrtime.bigint();
  segmentationMetrics(ref, pred, { tolerance: 2 });
  times.push(Number(process.hrtime.bigint() - s) / 1e6);
}
times.sort((a, b) => a - b);
const b = unionBox(maskExtent(ref.data, ref.dims).box, maskExtent(pred.data, pred.dims).box);
const box = `${b.i1 - b.i0 + 1}×${b.j1 - b.j0 + 1}×${b.k1 - b.k0 + 1} voxels`;
console.log(JSON.stringify({ cpuMs: (cpu.user + cpu.system) / 1000, box, minorPageFaults: process.resourceUsage().minorPageFault, readMs: Number(t1 - t0) / 1e6, metricsMs: times[1], firstMetricsMs: Number(t2 - t1) / 1e6, maxRssKb: process.resourceUsage().maxRSS, metrics }));
