/**
 * @module
 * Section 4 of `npm run bench`: the JavaScript the first page loads (the entry script and the
 * modules it preloads), raw and gzip-compressed, from the production build in apps/web/dist.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

export interface WebReport {
  files: { file: string; rawBytes: number; gzipBytes: number }[];
  rawBytes: number;
  gzipBytes: number;
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
    const content = readFileSync(join(distDir, src.replace(/^\//, "")));
    return {
      file: src,
      rawBytes: content.length,
      gzipBytes: gzipSync(content, { level: 9 }).length,
    };
  });
  return {
    files,
    rawBytes: files.reduce((sum, f) => sum + f.rawBytes, 0),
    gzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0),
  };
}
