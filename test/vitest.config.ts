/**
 * Two projects: `conventions` (source checks, part of turbo's `test` task) and `e2e` (the real
 * server in a child process and real Chromium: test/e2e and test/reliability, turbo's `e2e` task).
 */
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        test: { name: "conventions", include: ["conventions/**/*.test.ts"] },
      },
      {
        test: {
          name: "e2e",
          include: ["e2e/**/*.test.ts", "reliability/**/*.test.ts"],
          globalSetup: ["./support/global-setup.ts"],
          // Each file starts its own server (and browser) and waits on them most of the time: two
          // files at once keep both cores busy. The files share no state but their imports,
          // which one worker then loads once instead of once per file.
          maxWorkers: 2,
          isolate: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
