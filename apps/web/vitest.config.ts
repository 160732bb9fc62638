/**
 * Component tests: Solid compiled by its plugin, DOM from jsdom. Only apps/web uses jsdom.
 */
import solid from "vite-plugin-solid";
import { defineConfig } from "vitest/config";
import { plainMarkdownForSchemaEditor } from "./build/no-markdown.ts";

export default defineConfig({
  plugins: [solid(), plainMarkdownForSchemaEditor()],
  resolve: { conditions: ["development", "browser"] },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.{ts,tsx}", "vite-plugins/**/*.test.ts"],
    setupFiles: ["./src/test-setup.ts"],
    // findBy* waits up to 10 s (test-setup.ts); the test itself must be allowed longer. npm test
    // runs this beside the browser tests on two cores, where 5 s was seen to run out.
    testTimeout: 20_000,
  },
});
