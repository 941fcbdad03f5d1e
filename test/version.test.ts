import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { RADVAL_VERSION } from "../src/version.js";

it("src/version.ts matches package.json (run scripts/write-version.mjs after a version bump)", () => {
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
  expect(RADVAL_VERSION).toBe(pkg.version);
});
