/**
 * Vite build of the web app. In development `/api` goes to the API on port 3000; in production the
 * API serves `dist/` itself on one origin, so no proxy is needed.
 */
import { defineConfig } from "vite";
import solid from "vite-plugin-solid";
import { precompress } from "./vite-plugins/precompress.ts";
import { plainMarkdownForSchemaEditor } from "./build/no-markdown.ts";

export default defineConfig({
  plugins: [solid(), plainMarkdownForSchemaEditor(), precompress()],
  server: {
    proxy: { "/api": { target: "http://localhost:3000", changeOrigin: false } },
  },
  build: {
    outDir: "dist",
    // The size of the first page is reported by the build; keep the chunks separate per route.
    reportCompressedSize: true,
    target: "es2022",
  },
});
