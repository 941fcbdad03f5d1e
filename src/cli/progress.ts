import cliProgress from "cli-progress";
import type { CliIo } from "./io.js";

/** Seconds between progress lines when stderr is not a terminal (a log file, CI, a pipe). */
export const PROGRESS_INTERVAL_SECONDS = 5;

/**
 * Progress reporting for long stages: one bar per stage on stderr when stderr
 * is a terminal and not --quiet; otherwise a line every few seconds while a
 * stage runs ("radval: bootstrap: 120/400 fits") and one when it finishes
 * (or nothing when quiet). Returns the callback the procedures take and a
 * `stop()` to call at the end. `now` (milliseconds) is for tests.
 */
export function progressReporter(io: CliIo, quiet: boolean | undefined, now: () => number = Date.now): { onProgress: (stage: string, done: number, total: number) => void; stop: () => void } {
  if (quiet) return { onProgress: () => {}, stop: () => {} };
  if (!io.stderrIsTTY) {
    const reported = new Set<string>();
    let last = now();
    return {
      onProgress: (stage, done, total) => {
        if (done === total && !reported.has(stage)) {
          reported.add(stage);
          io.stderr(`radval: ${stage}: ${total} fits done\n`);
          last = now();
        } else if (done < total && now() - last >= PROGRESS_INTERVAL_SECONDS * 1000) {
          io.stderr(`radval: ${stage}: ${done}/${total} fits\n`);
          last = now();
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
