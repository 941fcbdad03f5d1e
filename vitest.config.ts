import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    // Hooks (beforeAll) import large bundles, start browsers or fit models: on a loaded 2-core
    // machine vitest's 10 s default failed runs, so they get the tests' budget.
    hookTimeout: 120_000,
    pool: "forks",
  },
});
