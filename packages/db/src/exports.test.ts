/**
 * Checks the package's exports map against the files (as hono's build/validate-exports.ts does):
 * every target exists and every subpath loads with named exports only.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const manifest = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as {
  exports: Record<string, string>;
};

describe("package exports", () => {
  it("points every subpath at an existing file", () => {
    for (const target of Object.values(manifest.exports)) {
      expect({ target, exists: existsSync(path.join(root, target)) }).toEqual({
        target,
        exists: true,
      });
    }
  });

  it("loads every subpath with named exports and no default export", async () => {
    for (const target of Object.values(manifest.exports)) {
      const module = (await import(path.join(root, target))) as Record<string, unknown>;
      expect(Object.keys(module).length).toBeGreaterThan(0);
      expect(module.default).toBeUndefined();
    }
  });
});
