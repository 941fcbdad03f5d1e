// AUC (Mann–Whitney) at n = 1,000,000. The DeLong parts are added with the metrics issue.
import { aucMannWhitney } from "../dist/metrics/auc.js";
import { benchRandom, report, timeMs } from "./lib.mjs";

export default async function () {
  const n = 1_000_000;
  const rand = benchRandom(1);
  const truth = new Float64Array(n);
  const score = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    truth[i] = rand.uniform() < 0.3 ? 1 : 0;
    score[i] = rand.normal() + truth[i];
  }
  const ms = timeMs(() => aucMannWhitney(truth, score), { repeats: 3 });
  report("AUC (Mann–Whitney), n = 1,000,000", ms);
}
