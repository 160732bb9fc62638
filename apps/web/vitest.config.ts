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
    include: ["src/**/*.test.{ts,tsx}"],
    setupFiles: ["./src/test-setup.ts"],
  },
});
