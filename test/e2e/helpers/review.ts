/**
 * @module
 * Screenshots kept for people to review (issue 13: the wizard's needs step, the results summary
 * and the dashboard at 390 and 1280 px), written by the e2e run to `screenshots/review/`
 * (git-ignored, like the failure screenshots).
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import { SCREENSHOT_DIR } from "./e2e-suite.ts";

export const REVIEW_DIR = join(SCREENSHOT_DIR, "review");

/** The widths the issue asks to look at: a phone and a desktop. */
export const REVIEW_WIDTHS = [390, 1280] as const;

/** Saves `<name>-<width>.png` of the whole page, or of one part of it. */
export async function reviewScreenshot(page: Page, name: string, part?: Locator): Promise<string> {
  mkdirSync(REVIEW_DIR, { recursive: true });
  const width = page.viewportSize()?.width ?? 0;
  const path = join(REVIEW_DIR, `${name}-${width}.png`);
  if (part) await part.screenshot({ path });
  else await page.screenshot({ path, fullPage: true });
  return path;
}

/** Elements that stick out past the right edge of the window, for a failure message. */
export function overflowing(page: Page, within = "body"): Promise<string[]> {
  return page.evaluate((root) => {
    const width = document.documentElement.clientWidth;
    const scope = document.querySelector(root) ?? document.body;
    return Array.from(scope.querySelectorAll("*"))
      .filter((element) => element.getBoundingClientRect().right > width + 1)
      .map((element) => `${element.tagName.toLowerCase()}.${String(element.className)}`)
      .slice(0, 10);
  }, within);
}
