/**
 * The production build's guard against loading another copy of an npm package than the sources
 * do (the bundle resolves packages from apps/api/dist). The build itself is tested by
 * src/main.test.ts, which runs the bundle.
 */
import { mkdirSync, mkdtempSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { packageDirFrom, packageName } from "./build-api.ts";

const root = realpathSync(mkdtempSync(join(tmpdir(), "klastry-build-")));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("packageName", () => {
  it("keeps the scope of a scoped package and drops subpaths", () => {
    expect(packageName("@hono/node-server/serve-static")).toBe("@hono/node-server");
    expect(packageName("typeorm/driver/sqlite")).toBe("typeorm");
    expect(packageName("zod")).toBe("zod");
  });
});

describe("packageDirFrom", () => {
  // The bundle in apps/api/dist loads npm packages from there; a package installed only under
  // another workspace's node_modules is found from that workspace's sources but not from dist.
  it("finds a package the way Node does, walking up, and not in a sibling folder", () => {
    mkdirSync(join(root, "packages/db/node_modules/only-here"), { recursive: true });
    mkdirSync(join(root, "node_modules/everywhere"), { recursive: true });
    mkdirSync(join(root, "apps/api/dist"), { recursive: true });
    const source = join(root, "packages/db/src");
    const bundle = join(root, "apps/api/dist");
    mkdirSync(source, { recursive: true });
    expect(packageDirFrom("only-here", source)).toBe(
      join(root, "packages/db/node_modules/only-here"),
    );
    expect(packageDirFrom("only-here", bundle)).toBeUndefined();
    expect(packageDirFrom("everywhere", bundle)).toBe(join(root, "node_modules/everywhere"));
  });
});
