/**
 * @module
 * The production build of the API (`npm run build -w @klastry/api`, run by `npm start`): one
 * JavaScript file, `apps/api/dist/main.js`, that plain `node` runs without a TypeScript loader.
 * esbuild bundles our own workspace sources (`@klastry/*`, consumed as TypeScript) and leaves every
 * npm package external, loaded from node_modules at run time as before (TypeORM, the SQLite
 * driver and pg load parts of themselves dynamically, which a bundle would break).
 */
import { mkdirSync, realpathSync, renameSync, statSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { isBuiltin } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build, type Plugin } from "esbuild";

/** apps/api, whatever the working directory. */
const API_DIR = fileURLToPath(new URL("..", import.meta.url));
const DEFAULT_OUTDIR = join(API_DIR, "dist");

export interface BuiltApi {
  /** Absolute path of the entry file to run with `node`. */
  main: string;
  /** Our own source files inside the bundle, relative to the repository root. */
  sources: string[];
}

/**
 * Bundles `src/main.ts` into `<outdir>/main.js` (with a source map). Files are written under a
 * temporary name and renamed, so a server starting meanwhile never reads half a file.
 *
 * @example
 * const { main } = await buildApi(); // apps/api/dist/main.js
 */
export async function buildApi(options: { outdir?: string } = {}): Promise<BuiltApi> {
  const outdir = resolve(options.outdir ?? DEFAULT_OUTDIR);
  const result = await build({
    absWorkingDir: API_DIR,
    entryPoints: [join(API_DIR, "src/main.ts")],
    outdir,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    // Stack traces map back to the TypeScript with `node --enable-source-maps`. No keepNames:
    // it wraps every function made at run time (the engine makes closures per request) in a
    // defineProperty call, and nothing of ours reads constructor names.
    sourcemap: "linked",
    legalComments: "none",
    metafile: true,
    write: false,
    logLevel: "warning",
    plugins: [npmPackagesExternal(outdir), sourceRelativeImportMetaUrl(outdir)],
  });
  mkdirSync(outdir, { recursive: true });
  for (const file of result.outputFiles) {
    const temporary = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temporary, file.contents);
    renameSync(temporary, file.path);
  }
  const repoRoot = join(API_DIR, "../..");
  return {
    main: join(outdir, "main.js"),
    sources: Object.keys(result.metafile.inputs).map((input) =>
      relative(repoRoot, join(API_DIR, input)).split("\\").join("/"),
    ),
  };
}

/**
 * Bundles `@klastry/*` and relative imports; marks every other package external. The bundle
 * loads those packages from its own folder, so the build fails if that would find a different
 * copy than the importing source file does (e.g. a package installed only under one workspace).
 */
function npmPackagesExternal(outdir: string): Plugin {
  return {
    name: "npm-packages-external",
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, (args) => {
        if (args.path.startsWith("@klastry/")) return undefined;
        if (isBuiltin(args.path)) return { external: true };
        const name = packageName(args.path);
        const wanted = packageDirFrom(name, args.resolveDir);
        const found = packageDirFrom(name, outdir);
        if (wanted !== undefined && wanted !== found) {
          return {
            errors: [
              {
                text: `${args.importer} imports "${name}" from ${wanted}, but ${outdir}/main.js would load ${found ?? "nothing"}; install it in the root workspace`,
              },
            ],
          };
        }
        return { external: true };
      });
    },
  };
}

/**
 * `import.meta.url` in a bundled file would name the bundle, not the source file; modules that
 * find their data beside themselves (`packages/knowledge/data`, the repository root) need the
 * source file's own url, computed from the bundle's so the build stays relocatable with the repo.
 */
function sourceRelativeImportMetaUrl(outdir: string): Plugin {
  return {
    name: "source-relative-import-meta-url",
    setup(build) {
      build.onLoad({ filter: /\.tsx?$/ }, async (args) => {
        if (/[\\/]node_modules[\\/]/.test(args.path)) return undefined;
        const text = await readFile(args.path, "utf8");
        if (!text.includes("import.meta.url")) return undefined;
        const fromBundle = relative(outdir, args.path).split("\\").join("/");
        return {
          contents: text.replaceAll(
            "import.meta.url",
            `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`,
          ),
          loader: args.path.endsWith(".tsx") ? "tsx" : "ts",
        };
      });
    },
  };
}

/** `typeorm/driver/x` -> `typeorm`, `@hono/node-server/serve-static` -> `@hono/node-server`. */
export function packageName(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] as string);
}

/** The folder Node's lookup finds for package `name` starting at `dir`, as a real path. */
export function packageDirFrom(name: string, dir: string): string | undefined {
  for (let current = dir; ; current = dirname(current)) {
    const candidate = join(current, "node_modules", name);
    if (statSync(candidate, { throwIfNoEntry: false })?.isDirectory())
      return realpathSync(candidate);
    if (dirname(current) === current) return undefined;
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = performance.now();
  const { main, sources } = await buildApi();
  console.log(
    `${relative(process.cwd(), main)}: ${sources.length} source files in ${Math.round(performance.now() - started)} ms`,
  );
}
