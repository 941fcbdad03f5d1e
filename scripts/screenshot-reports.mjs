// Screenshots of radval's HTML reports for review, at desktop (1400 px) and phone (390 px) width, written as
// docs/screenshots/<report folder>-1400.png and -390.png, after the same checks as scripts/check-reports.mjs
// (a report that fails them is reported and the script exits non-zero, screenshots written anyway).
//
//   node scripts/screenshot-reports.mjs                    every reports/**/*.html, the top 2,400 px of each
//   node scripts/screenshot-reports.mjs --full-page         the whole pages (large PNGs)
//   node scripts/screenshot-reports.mjs --out DIR a.html    other folder, other reports
import { fileURLToPath } from "node:url";
import { main } from "./check-reports.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const args = process.argv.slice(2);
const at = args.indexOf("--out");
const out = at >= 0 ? args.splice(at, 2)[1] : `${root}docs/screenshots`;
process.exit(await main(["--screenshots", out, ...args]));
