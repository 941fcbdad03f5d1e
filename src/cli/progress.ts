import cliProgress from "cli-progress";
import type { CliIo } from "./io.js";

/**
 * Progress reporting for long stages: one bar per stage on stderr when stderr
 * is a terminal and not --quiet; otherwise a single line per finished stage
 * (or nothing when quiet). Returns the callback the procedures take and a
 * `stop()` to call at the end.
 */
export function progressReporter(io: CliIo, quiet: boolean | undefined): { onProgress: (stage: string, done: number, total: number) => void; stop: () => void } {
  if (quiet) return { onProgress: () => {}, stop: () => {} };
  if (!io.stderrIsTTY) {
    const reported = new Set<string>();
    return {
      onProgress: (stage, done, total) => {
        if (done === total && !reported.has(stage)) {
          reported.add(stage);
          io.stderr(`radval: ${stage}: ${total} fits done\n`);
        }
      },
      stop: () => {},
    };
  }
  let bar: cliProgress.SingleBar | null = null;
  let current = "";
  const stop = () => {
    bar?.stop();
    bar = null;
  };
  return {
    onProgress: (stage, done, total) => {
      if (stage !== current) {
        stop();
        current = stage;
        bar = new cliProgress.SingleBar(
          { format: `${stage.padEnd(20)} [{bar}] {value}/{total} fits  {eta_formatted}`, stream: process.stderr, hideCursor: true, clearOnComplete: false },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, 0);
      }
      bar?.update(done);
      if (done === total) stop();
    },
    stop,
  };
}
