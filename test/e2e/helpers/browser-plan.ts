/**
 * @module
 * Whether the browser tests run here. Under CI=true they always run: a missing Chromium is a
 * failure with a message naming the fix, never a skip. Locally they skip with the reason shown.
 */
import { CHROMIUM_PATH, chromiumAvailable } from "../../support/index.ts";

export type BrowserPlan = { run: true } | { run: false; reason: string };

export function isCi(): boolean {
  return process.env.CI === "true" || process.env.CI === "1";
}

export function browserPlan(): BrowserPlan {
  if (chromiumAvailable() || isCi()) return { run: true };
  return { run: false, reason: `no Chromium at ${CHROMIUM_PATH} (apt-get install chromium)` };
}

/** Throws the CI failure when the browser is missing; call before launching. */
export function requireChromium(): void {
  if (!chromiumAvailable()) {
    throw new Error(
      `CI=true but ${CHROMIUM_PATH} is missing: the end-to-end browser tests must run in CI. ` +
        "Install Debian's chromium package (.ci/run does it) before `npm test`.",
    );
  }
}

/** A describe title that carries the skip reason, so a skipped suite says why. */
export function suiteTitle(title: string, plan: BrowserPlan = browserPlan()): string {
  return plan.run ? title : `${title} (skipped: ${plan.reason})`;
}
