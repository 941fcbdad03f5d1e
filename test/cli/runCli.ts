import { memoryIo } from "../../src/cli/io.js";
import { runCli } from "../../src/cli/run.js";

/** Runs the radval CLI in-process on an in-memory IO; returns the exit code and what it printed. */
export async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = memoryIo();
  const code = await runCli(args, io);
  return { code, stdout: io.out.join(""), stderr: io.err.join("") };
}
