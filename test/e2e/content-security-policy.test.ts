/**
 * The Content-Security-Policy in a real browser (issue 15 item 5): the web app (its lazy chart
 * chunk on the region dashboard and the rules editor included) and the API docs (Swagger UI from the installed npm
 * package) work under the policy the server sends, and the browser reports no violation.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserPlan, suiteTitle } from "./helpers/browser-plan.ts";
import { useE2eSuite } from "./helpers/e2e-suite.ts";
import { enterRegionKey } from "./helpers/region.ts";

/** Records every CSP violation the page reports, from its first script on. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const fromConsole: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) fromConsole.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) =>
      seen.push(
        `${event.violatedDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`,
      ),
    );
  });
  return async () => [
    ...fromConsole,
    ...(await page.evaluate(
      () => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [],
    )),
  ];
}

describe.runIf(browserPlan().run)(suiteTitle("content security policy"), () => {
  const e2e = useE2eSuite({ keys: { masovia: "region:14", admin: "admin" } });

  it("sends the policy with the web app's index.html, refusing inline scripts and framing", async () => {
    const res = await fetch(`${e2e.url}/region`);
    const policy = res.headers.get("content-security-policy") ?? "";
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(policy).toContain("frame-ancestors 'none'");
  });

  it("runs the region dashboard and its lazily loaded chart under the policy without a violation", async () => {
    const page = await e2e.newPage();
    const violations = await watchViolations(page);
    const chunks: string[] = [];
    page.on("response", (response) => {
      if (/\/assets\/chart-[^/]+\.js$/.test(response.url())) chunks.push(response.url());
    });
    await enterRegionKey(page, e2e.key("masovia"), "14");
    const chart = page.getByTestId("heat-chart");
    await page.getByTestId("region-headline").waitFor();
    // chart.js draws on the canvas once its chunk has loaded: the canvas gets a size of its own.
    await expect
      .poll(() => chart.locator("canvas").evaluate((canvas: HTMLCanvasElement) => canvas.width))
      .toBeGreaterThan(0);
    await expect.poll(() => chunks.length).toBeGreaterThan(0);
    expect(await violations()).toEqual([]);
  });

  it("runs the rules editor (CodeMirror styles itself at run time) under the policy without a violation", async () => {
    const page = await e2e.newPage();
    const violations = await watchViolations(page);
    await page.goto("/rules");
    await page.getByLabel("Klucz administratora").fill(e2e.key("admin"));
    await page.getByRole("button", { name: "Użyj klucza" }).click();
    await page.locator("details.rule-file").first().locator("summary").click();
    await page.locator("details.rule-file[open] [data-testid^='edit-rule-']").first().click();
    const editor = page.locator(".cm-editor");
    await editor.waitFor();
    // The theme took effect: CodeMirror's own style sheet lays the editor out as a flex column.
    expect(await editor.evaluate((element) => getComputedStyle(element).display)).toBe("flex");
    expect(await violations()).toEqual([]);
  });

  it("renders the API docs from the installed Swagger UI under the policy without a violation", async () => {
    const page = await e2e.newPage();
    const violations = await watchViolations(page);
    const outside: string[] = [];
    page.on("request", (request) => {
      if (!request.url().startsWith(e2e.url) && !request.url().startsWith("data:"))
        outside.push(request.url());
    });
    await page.goto("/api/docs");
    const operation = page.locator(".opblock", {
      has: page.locator(".opblock-summary-path", { hasText: /^\/api\/v1\/vocabulary$/ }),
    });
    // Open an operation and call the API from the page: the answer is shown highlighted.
    await operation.locator(".opblock-summary").click();
    await operation.getByRole("button", { name: "Try it out" }).click();
    await operation.getByRole("button", { name: "Execute" }).click();
    await operation
      .locator(".responses-table .response-col_status", { hasText: "200" })
      .first()
      .waitFor();
    await operation.locator(".highlight-code").first().waitFor();
    expect(outside).toEqual([]);
    expect(await violations()).toEqual([]);
  });
});
