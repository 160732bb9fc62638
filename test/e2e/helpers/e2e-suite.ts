/**
 * @module
 * One real server per test file (started in beforeAll, stopped in afterAll), one headless
 * Chromium per test worker shared by its files, a fresh browser context per test (its own
 * storage, cookies and cache), and a screenshot plus the page's script errors when a test fails.
 */
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll } from "vitest";
import { createApiKey } from "@klastry/api";
import {
  launchBrowser,
  removeWorkDir,
  repoRoot,
  startServer,
  type RunningServer,
} from "../../support/index.ts";
import { withDatabase } from "../../support/keys.ts";
import { browserPlan, isCi, requireChromium } from "./browser-plan.ts";

export const SCREENSHOT_DIR = fileURLToPath(new URL("../screenshots/", import.meta.url));

let sharedBrowser: Promise<Browser> | undefined;

/**
 * The worker's browser, launched on first use (about a second of CPU each launch, once per file
 * before). Contexts keep tests apart; a browser that died is replaced. Playwright closes it when
 * the worker process exits.
 */
async function workerBrowser(): Promise<Browser> {
  const current = await sharedBrowser?.catch(() => undefined);
  if (current?.isConnected()) return current;
  sharedBrowser = launchBrowser().then(({ browser }) => browser);
  return sharedBrowser;
}

export interface SuiteOptions {
  /** API keys to issue before the server starts, by name: `{ region14: "region:14" }`. */
  keys?: Record<string, string>;
  env?: Record<string, string>;
}

export interface E2eSuite {
  /** The server's base URL, e.g. http://127.0.0.1:41234. */
  readonly url: string;
  readonly server: RunningServer;
  readonly browser: Browser;
  /** The secret of a key named in `options.keys`. */
  key(name: string): string;
  /** A page in a fresh context (fresh storage), closed after the test. */
  newPage(): Promise<Page>;
  /** A fresh context (another visitor), closed after the test. */
  newContext(): Promise<BrowserContext>;
}

export function useE2eSuite(options: SuiteOptions = {}): E2eSuite {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const secrets = new Map<string, string>();
  let contexts: BrowserContext[] = [];
  let pages: { page: Page; errors: string[] }[] = [];

  beforeAll(async () => {
    if (!browserPlan().run) return;
    if (isCi()) requireChromium();
    // The server serves the built web app; without it every page test would time out unexplained.
    const webIndex = join(repoRoot, "apps/web/dist/index.html");
    if (!existsSync(webIndex)) {
      throw new Error(
        `${webIndex} is missing: build the web app first (cd ${repoRoot} && npm run build -w @klastry/web)`,
      );
    }
    const started = await startServer({ env: options.env });
    server = started;
    if (options.keys) {
      // Keys go straight into the server's SQLite file, as `npx klastry keys create` would.
      await withDatabase({ workDir: started.workDir }, async (db) => {
        for (const [name, role] of Object.entries(options.keys ?? {})) {
          secrets.set(name, (await createApiKey(db, role, `e2e ${name}`)).secret);
        }
      });
    }
    browser = await workerBrowser();
  });

  afterEach(async (context) => {
    if (context.task.result?.state === "fail" && pages.length > 0) {
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      const base = context.task.name.replace(/[^\p{L}\p{N}]+/gu, "-").slice(0, 80);
      for (const [index, { page, errors }] of pages.entries()) {
        if (page.isClosed()) continue;
        const file = join(SCREENSHOT_DIR, `${base}-${index}.png`);
        await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
        console.error(
          `screenshot: ${file} (${page.url()})${errors.length > 0 ? `\npage errors:\n  ${errors.join("\n  ")}` : ""}`,
        );
      }
    }
    await Promise.all(contexts.map((context) => context.close()));
    contexts = [];
    pages = [];
  });

  afterAll(async () => {
    if (server) {
      await server.stop();
      removeWorkDir(server.workDir);
    }
  });

  const suite: E2eSuite = {
    get url() {
      return must(server, "server").url;
    },
    get server() {
      return must(server, "server");
    },
    get browser() {
      return must(browser, "browser");
    },
    key(name) {
      return must(secrets.get(name), `key ${name}`);
    },
    async newContext() {
      const context = await must(browser, "browser").newContext({
        baseURL: suite.url,
        locale: "pl-PL",
      });
      context.on("page", (page) => watch(page));
      contexts.push(context);
      return context;
    },
    async newPage() {
      const context = await suite.newContext();
      return context.newPage();
    },
  };

  function watch(page: Page): void {
    const entry = { page, errors: [] as string[] };
    page.on("pageerror", (error) => entry.errors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") entry.errors.push(message.text());
    });
    pages.push(entry);
  }

  return suite;
}

function must<T>(value: T | undefined, what: string): T {
  if (value === undefined)
    throw new Error(`${what} is not ready: the suite's beforeAll did not run or failed`);
  return value;
}
