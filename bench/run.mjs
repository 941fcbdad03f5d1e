// `npm run bench [-- name ...]`: runs every bench/*.bench.mjs (or those whose name contains an argument).
// Each prints its own figures; where R or scikit-learn is installed it runs the same work there and prints the ratio.
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

const dir = fileURLToPath(new URL(".", import.meta.url));
const filters = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".bench.mjs"))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();
if (files.length === 0) console.log("no benchmarks matched");
for (const file of files) {
  console.log(`\n## ${file.replace(".bench.mjs", "")}`);
  const mod = await import(new URL(file, import.meta.url));
  await mod.default();
}
