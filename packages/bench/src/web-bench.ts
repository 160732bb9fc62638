/**
 * @module
 * Section 4 of `npm run bench`, from the files: the JavaScript the first page loads (the entry
 * script and the modules it preloads) in apps/web/dist, raw and as the server sends it: the
 * brotli and gzip files the build wrote (computed here when a build has none).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";

export interface WebReport {
  files: { file: string; rawBytes: number; gzipBytes: number; brBytes: number }[];
  rawBytes: number;
  gzipBytes: number;
  brBytes: number;
  /** Whether the build wrote .br and .gz files (served as they are). */
  precompressed: boolean;
}

/** The target of issue 13: the first page under 40 KB of compressed JavaScript. */
export const FIRST_PAGE_JS_BUDGET_BYTES = 40 * 1024;

function compressedSize(path: string, suffix: ".br" | ".gz", content: Buffer): number {
  if (existsSync(path + suffix)) return readFileSync(path + suffix).byteLength;
  return (suffix === ".br" ? brotliCompressSync(content) : gzipSync(content, { level: 9 }))
    .byteLength;
}

export function runWebBench(distDir: string): WebReport | { missing: string } {
  const indexHtml = join(distDir, "index.html");
  if (!existsSync(indexHtml))
    return { missing: `${indexHtml} (run npm run build -w @klastry/web)` };
  const html = readFileSync(indexHtml, "utf8");
  const scripts = [
    ...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g),
  ].map((m) => m[1] as string);
  const files = [...new Set(scripts)].map((src) => {
    const path = join(distDir, src.replace(/^\//, ""));
    const content = readFileSync(path);
    return {
      file: src,
      rawBytes: content.length,
      gzipBytes: compressedSize(path, ".gz", content),
      brBytes: compressedSize(path, ".br", content),
    };
  });
  return {
    files,
    rawBytes: files.reduce((sum, f) => sum + f.rawBytes, 0),
    gzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0),
    brBytes: files.reduce((sum, f) => sum + f.brBytes, 0),
    precompressed: files.every((f) => existsSync(join(distDir, `${f.file.replace(/^\//, "")}.br`))),
  };
}
