import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { precompressDir } from "./precompress.ts";

const dist = mkdtempSync(join(tmpdir(), "klastry-precompress-"));
afterAll(() => rmSync(dist, { recursive: true, force: true }));

describe("precompressDir", () => {
  const script = `export const labels = ${JSON.stringify(Array.from({ length: 300 }, (_, i) => `etykieta ${i}`))};`;
  const html = `<!doctype html><title>Klastry</title>${"<p>akapit</p>".repeat(50)}`;
  mkdirSync(join(dist, "assets"));
  writeFileSync(join(dist, "assets/index-Ab12Cd34.js"), script);
  writeFileSync(join(dist, "index.html"), html);
  writeFileSync(join(dist, "robots.txt"), "a");
  writeFileSync(join(dist, "assets/photo-Ef56.png"), Buffer.alloc(4096, 7));
  const written = precompressDir(dist);

  it("writes .br and .gz beside each text file, each decompressing to the original", () => {
    for (const [file, text] of [
      ["assets/index-Ab12Cd34.js", script],
      ["index.html", html],
    ] as const) {
      const path = join(dist, file);
      expect(brotliDecompressSync(readFileSync(`${path}.br`)).toString("utf8"), file).toBe(text);
      expect(gunzipSync(readFileSync(`${path}.gz`)).toString("utf8"), file).toBe(text);
    }
    expect(written.map((f) => f.file).sort()).toEqual(["assets/index-Ab12Cd34.js", "index.html"]);
    for (const file of written) expect(file.br).toBeLessThan(file.bytes);
  });

  it("leaves binary formats and files too small to shrink without siblings", () => {
    expect(existsSync(join(dist, "assets/photo-Ef56.png.br"))).toBe(false);
    expect(existsSync(join(dist, "robots.txt.br"))).toBe(false);
    expect(existsSync(join(dist, "robots.txt.gz"))).toBe(false);
  });
});
