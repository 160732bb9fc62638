/**
 * @module
 * Shared by the end-to-end tests and the benchmarks: the real server as a child process,
 * throw-away PostgreSQL databases and Debian's Chromium through playwright-core.
 */
export { startServer, removeWorkDir, repoRoot } from "./server.ts";
export type { RunningServer } from "./server.ts";
export { launchBrowser, chromiumAvailable, CHROMIUM_PATH } from "./browser.ts";
export { createScratchDatabase, postgresPlan } from "./postgres.ts";
