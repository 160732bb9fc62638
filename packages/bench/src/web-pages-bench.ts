/**
 * @module
 * Web pages section of `npm run bench`: what a first visit to each page transfers, measured in
 * headless Chromium against the real server (so with the brotli files of the build and
 * compressed API answers): the bytes of each response body as it crossed the wire, by kind.
 */
import {
  CHROMIUM_PATH,
  chromiumAvailable,
  launchBrowser,
  type RunningServer,
} from "@klastry/e2e/support";

export interface PageTransfer {
  page: string;
  requests: number;
  /** Encoded (compressed) body bytes by resource kind. */
  scriptBytes: number;
  styleBytes: number;
  documentBytes: number;
  apiBytes: number;
  otherBytes: number;
  totalBytes: number;
  /** Response header bytes, which a transfer also carries. */
  headerBytes: number;
}

export type WebPagesReport = { pages: PageTransfer[] } | { skipped: string };

/** The pages of the app as a first-time visitor opens them (an empty browser cache each). */
export function pagesToVisit(instrumentId: string): string[] {
  return [
    "/",
    "/assessment/1",
    "/assessment/results",
    "/instruments",
    `/instruments/${instrumentId}`,
    "/region",
    "/rules",
  ];
}

export async function runWebPagesBench(server: RunningServer): Promise<WebPagesReport> {
  if (!chromiumAvailable()) return { skipped: `no Chromium at ${CHROMIUM_PATH}` };
  const first = (await (await fetch(`${server.url}/api/v1/instruments?pageSize=1`)).json()) as {
    items: { id: string }[];
  };
  const { browser, close } = await launchBrowser();
  try {
    const pages: PageTransfer[] = [];
    for (const path of pagesToVisit(first.items[0]?.id ?? "unknown")) {
      const context = await browser.newContext({ baseURL: server.url, locale: "pl-PL" });
      const page = await context.newPage();
      const finished: Promise<{ kind: string; body: number; headers: number }>[] = [];
      page.on("requestfinished", (req) => {
        finished.push(
          req.sizes().then((sizes) => ({
            kind: req.url().includes("/api/") ? "api" : req.resourceType(),
            body: sizes.responseBodySize,
            headers: sizes.responseHeadersSize,
          })),
        );
      });
      await page.goto(path, { waitUntil: "networkidle" });
      const sizes = await Promise.all(finished);
      await context.close();
      const sum = (kinds: string[] | null) =>
        sizes
          .filter((s) =>
            kinds === null
              ? !["script", "stylesheet", "document", "api"].includes(s.kind)
              : kinds.includes(s.kind),
          )
          .reduce((total, s) => total + s.body, 0);
      pages.push({
        page: path,
        requests: sizes.length,
        scriptBytes: sum(["script"]),
        styleBytes: sum(["stylesheet"]),
        documentBytes: sum(["document"]),
        apiBytes: sum(["api"]),
        otherBytes: sum(null),
        totalBytes: sizes.reduce((total, s) => total + s.body, 0),
        headerBytes: sizes.reduce((total, s) => total + s.headers, 0),
      });
    }
    return { pages };
  } finally {
    await close();
  }
}
