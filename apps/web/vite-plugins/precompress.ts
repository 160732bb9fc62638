/**
 * @module
 * A Vite plugin that writes `<file>.br` and `<file>.gz` beside each text file of the build, at
 * the highest settings (brotli 11, gzip 9): done once per build, it costs the server nothing per
 * request. The API serves these files to browsers that accept the coding (`apps/api/src/web-app.ts`).
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import type { Plugin, ResolvedConfig } from "vite";

/** Text formats of a Vite build; images other than SVG and fonts are compressed already. */
const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|xml|webmanifest|map|ico)$/;

export interface PrecompressedFile {
  file: string;
  bytes: number;
  br: number;
  gzip: number;
}

/**
 * Writes the `.br` and `.gz` siblings of every compressible file under `dir` whose compressed
 * form is smaller; returns what it wrote, paths relative to `dir`.
 *
 * @example
 * precompressDir("apps/web/dist"); // [{ file: "assets/index-Ab12.js", bytes: 33551, br: 11230, gzip: 12690 }, ...]
 */
export function precompressDir(dir: string): PrecompressedFile[] {
  const written: PrecompressedFile[] = [];
  for (const path of filesUnder(dir)) {
    if (!COMPRESSIBLE.test(path)) continue;
    const content = readFileSync(path);
    const br = brotliCompressSync(content, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: content.byteLength,
      },
    });
    const gzip = gzipSync(content, { level: 9 });
    // A file too small to shrink is served as it is.
    if (br.byteLength >= content.byteLength && gzip.byteLength >= content.byteLength) continue;
    writeFileSync(`${path}.br`, br);
    writeFileSync(`${path}.gz`, gzip);
    written.push({
      file: relative(dir, path).split("\\").join("/"),
      bytes: content.byteLength,
      br: br.byteLength,
      gzip: gzip.byteLength,
    });
  }
  return written;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** The plugin: precompresses the output folder once the whole build is written. */
export function precompress(): Plugin {
  let config: ResolvedConfig;
  return {
    name: "klastry-precompress",
    apply: "build",
    configResolved(resolved) {
      config = resolved;
    },
    closeBundle() {
      const outDir = join(config.root, config.build.outDir);
      const files = precompressDir(outDir);
      config.logger.info(`precompressed ${files.length} files (.br, .gz) in ${outDir}`);
    },
  };
}
