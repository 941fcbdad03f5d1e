// Segmentation agreement of a CT-sized pair (512 × 512 × 300 uint8 .nii.gz, 0.78 × 0.78 × 1 mm; a liver-like mask and
// a shifted, resized prediction with a distant spurious blob): radval reads both files and computes every metric
// (overlap, volumes, surfaces, exact FH distance transforms both ways, HD, HD95, ASSD, surface Dice) in a fresh
// child process (time and peak memory); where /usr/bin/python3 has scipy, the same metrics with
// scipy.ndimage.distance_transform_edt (as shared/fixtures/fx_segmentation.py computes them, on the same bounding box)
// in the same run. Target: ≤ 2 s and ≤ 1 GB for radval.
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { report, tempDir } from "./lib.mjs";
import { writeBenchPair } from "./seg-data.mjs";

const here = fileURLToPath(new URL(".", import.meta.url));

const PYTHON = `
import gzip, json, resource, sys, time
import numpy as np
from scipy import ndimage
S6 = ndimage.generate_binary_structure(3, 1)
def read(path):
    raw = gzip.decompress(open(path, "rb").read())
    hdr = np.frombuffer(raw[:348], dtype=np.uint8)
    dims = np.frombuffer(raw[40:56], dtype="<i2")[1:4]
    sp = tuple(float(x) for x in np.frombuffer(raw[76:92], dtype="<f4")[1:4])
    data = np.frombuffer(raw, dtype=np.uint8, offset=352, count=int(np.prod(dims))).reshape(tuple(dims[::-1])).transpose()
    return data != 0, sp
t0 = time.perf_counter()
A, sp = read(sys.argv[1]); B, _ = read(sys.argv[2])
t1 = time.perf_counter()
nA, nB, nI = int(A.sum()), int(B.sum()), int((A & B).sum())
box = tuple(slice(int(i.min()), int(i.max()) + 1) for i in np.nonzero(A | B))
a, b = A[box], B[box]
sa = a & ~ndimage.binary_erosion(a, structure=S6, border_value=0)
sb = b & ~ndimage.binary_erosion(b, structure=S6, border_value=0)
dab = ndimage.distance_transform_edt(~sb, sampling=sp)[sa]
dba = ndimage.distance_transform_edt(~sa, sampling=sp)[sb]
pooled = np.concatenate([dab, dba])
out = {"dice": 2 * nI / (nA + nB), "hausdorff": float(pooled.max()), "hd95": float(np.percentile(pooled, 95)),
       "assd": float(pooled.sum() / pooled.size), "surfaceDice": float(((dab <= 2).sum() + (dba <= 2).sum()) / pooled.size)}
t2 = time.perf_counter()
print(json.dumps({"readMs": 1000 * (t1 - t0), "metricsMs": 1000 * (t2 - t1), "maxRssKb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, "metrics": out}))
`;

function hasScipy() {
  return spawnSync("/usr/bin/python3", ["-c", "import scipy.ndimage"], { encoding: "utf8" }).status === 0;
}

export default async function () {
  const dir = tempDir();
  try {
    const [ref, pred] = writeBenchPair(dir);
    const child = spawnSync(process.execPath, [join(here, "seg-run.child.mjs"), ref, pred], { encoding: "utf8", maxBuffer: 1 << 24 });
    if (child.status !== 0) throw new Error(`seg child failed: ${child.stderr}`);
    const r = JSON.parse(child.stdout.trim().split("\n").pop());
    let py;
    if (hasScipy()) {
      const p = spawnSync("/usr/bin/python3", ["-c", PYTHON, ref, pred], { encoding: "utf8", maxBuffer: 1 << 24 });
      if (p.status !== 0) throw new Error(`python failed: ${p.stderr}`);
      py = JSON.parse(p.stdout.trim().split("\n").pop());
    }
    const total = r.readMs + r.firstMetricsMs;
    report("seg 512×512×300 pair: read 2 .nii.gz + all metrics", total, py && "scipy", py && py.readMs + py.metricsMs, "≤ 2 s, ≤ 1 GB");
    report("  metrics only (masks in memory; median of 3)", r.metricsMs, py && "scipy", py?.metricsMs);
    console.log(`  radval: read ${r.readMs.toFixed(0)} ms, first metrics ${r.firstMetricsMs.toFixed(0)} ms, CPU ${r.cpuMs.toFixed(0)} ms (read + first metrics; ${r.minorPageFaults} minor page faults in the process: fresh memory is costly on this VM); peak memory (maxRSS) ${(r.maxRssKb / 1024).toFixed(0)} MB (target ≤ 1024 MB)`);
    console.log(`  union bounding box ${r.box}; surface voxels ${r.metrics.nSurfaceReference} + ${r.metrics.nSurfacePrediction}; Dice ${r.metrics.dice.toFixed(4)}, HD ${r.metrics.hausdorff.toFixed(2)} mm, HD95 ${r.metrics.hd95.toFixed(3)} mm, ASSD ${r.metrics.assd.toFixed(3)} mm`);
    if (py) {
      const diff = Math.max(...["dice", "hausdorff", "hd95", "assd", "surfaceDice"].map((k) => Math.abs(py.metrics[k] - r.metrics[k])));
      console.log(`  scipy: read ${py.readMs.toFixed(0)} ms, metrics ${py.metricsMs.toFixed(0)} ms, peak memory ${(py.maxRssKb / 1024).toFixed(0)} MB; max |radval − scipy| over Dice, HD, HD95, ASSD, surface Dice: ${diff.toExponential(1)}`);
    } else console.log("  scipy not found (/usr/bin/python3 with scipy): no comparison");
    const load = (await import("node:os")).loadavg()[0];
    console.log(`  load average ${load.toFixed(1)} on ${(await import("node:os")).cpus().length} cores (wall times grow with other work on the machine; CPU time does not)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
