/**
 * @module
 * The region dashboard's key form, filled as its user would.
 */
import type { Page } from "playwright-core";

/**
 * Enters a region key once, as the form asks, on `/region/<code>` (or `/region`, which then opens
 * the key's own region).
 */
export async function enterRegionKey(page: Page, key: string, code?: string): Promise<void> {
  await page.goto(code ? `/region/${code}` : "/region");
  await page.getByLabel("Klucz API województwa").fill(key);
  await page.getByRole("button", { name: "Użyj klucza" }).click();
}
