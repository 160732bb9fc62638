/**
 * Component tests: Solid compiled by its plugin, DOM from jsdom. Only apps/web uses jsdom.
 */
import solid from "vite-plugin-solid";
import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [solid()],
  resolve: { conditions: ["development", "browser"] },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.{ts,tsx}", "vite-plugins/**/*.test.ts"],
    setupFiles: ["./src/test-setup.ts"],
  },
});
