import { CommanderError } from "commander";
import { isRadvalError } from "../core/errors.js";
import type { CliIo } from "./io.js";
import { commandToLoad, createProgram } from "./program.js";

/** Exit code for bad input (RadvalError, unknown option, missing argument). */
export const EXIT_BAD_INPUT = 2;
/** Exit code for an unexpected internal error (a bug: please report). */
export const EXIT_INTERNAL = 1;

/**
 * Runs the radval CLI on `argv` (without node and script) and returns the
 * exit code. Bad input is printed as one or two lines on stderr — the message
 * with its place, then the hint — with no stack trace, and gives exit code 2.
 * Set RADVAL_DEBUG=1 to see stack traces of internal errors.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    // Only the command that runs is imported (see COMMANDS in program.ts).
    const program = await createProgram(io, commandToLoad(argv)?.name);
    if (argv.length === 0) {
      program.outputHelp();
      return 0;
    }
    await program.parseAsync([...argv], { from: "user" });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version end with code 0; commander already printed its message.
      return e.exitCode === 0 ? 0 : EXIT_BAD_INPUT;
    }
    if (isRadvalError(e)) {
      io.stderr(`radval: error [${e.code}]: ${e.message}\n`);
      if (e.hint) io.stderr(`  hint: ${e.hint}\n`);
      return EXIT_BAD_INPUT;
    }
    const error = e as Error;
    io.stderr(`radval: internal error: ${error?.message ?? String(e)} (please report this with the command you ran)\n`);
    if (typeof process !== "undefined" && process.env?.["RADVAL_DEBUG"]) io.stderr(`${error?.stack ?? ""}\n`);
    return EXIT_INTERNAL;
  }
}
