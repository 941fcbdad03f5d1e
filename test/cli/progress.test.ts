import { describe, expect, it } from "vitest";
import { memoryIo } from "../../src/cli/io.js";
import { progressReporter } from "../../src/cli/progress.js";

describe("progress when stderr is not a terminal", () => {
  it("prints a line every 5 seconds during a long stage and one when it ends; --quiet prints nothing", () => {
    const io = memoryIo();
    let t = 0;
    const p = progressReporter(io, false, () => t);
    p.onProgress("bootstrap", 1, 400); // t = 0: too soon
    t = 5_000;
    p.onProgress("bootstrap", 120, 400);
    t = 6_000;
    p.onProgress("bootstrap", 130, 400); // 1 s later: nothing
    t = 11_000;
    p.onProgress("bootstrap", 250, 400);
    p.onProgress("bootstrap", 400, 400);
    expect(io.err.join("")).toBe("radval: bootstrap: 120/400 fits\nradval: bootstrap: 250/400 fits\nradval: bootstrap: 400 fits done\n");
    const quiet = memoryIo();
    const q = progressReporter(quiet, true, () => (t += 10_000));
    q.onProgress("bootstrap", 1, 400);
    q.onProgress("bootstrap", 400, 400);
    expect(quiet.err).toEqual([]);
  });
});
