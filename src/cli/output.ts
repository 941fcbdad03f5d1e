import type { RadvalWarning } from "../core/errors.js";
import type { CliIo } from "./io.js";

/** Writes one JSON object on stdout (NaN/Infinity become null). */
export function printJson(io: CliIo, value: unknown): void {
  io.stdout(`${JSON.stringify(value, null, 2)}\n`);
}

/** Writes warnings to stderr, one line each, unless quiet. */
export function printWarnings(io: CliIo, warnings: readonly (RadvalWarning | string)[], quiet: boolean | undefined): void {
  if (quiet) return;
  for (const w of warnings) io.stderr(`radval: warning: ${typeof w === "string" ? w : w.message}\n`);
}
