import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Writes a CSV (header + rows) into a fresh temporary folder and returns its path (test helper). */
export function writeCsv(name: string, header: string[], rows: (string | number)[][]): string {
  const dir = mkdtempSync(join(tmpdir(), "radval-surv-"));
  const path = join(dir, name);
  writeFileSync(path, [header.join(","), ...rows.map((r) => r.join(","))].join("\n") + "\n");
  return path;
}
