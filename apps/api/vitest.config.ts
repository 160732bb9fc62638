import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Real databases (PostgreSQL databases are created and dropped per suite) and a real server.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
